// Public entry of the local Pinterest API v5 simulator: start it embedded (tests, the extension's
// default test-activation target) or run it as `pindest simulate`.
export { startSimulator, type Simulator, type SimulatorOptions } from './server';
export { runSimulateCommand, SIMULATE_USAGE, type SimulateIo } from './cli';
export { parseFaultSpec, FaultSpecError, type FaultSpec } from './faults';
export { responseErrors, contract } from './contract';
export { SEED, type SeedInfo, type SimulatorState } from './state';
