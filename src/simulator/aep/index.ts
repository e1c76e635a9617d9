// Public entry of the local AEP Destination Authoring API simulator.
export { startAepSimulator, type AepSimulator, type AepSimulatorOptions, type AepTestingHooks } from './server';
export { aepResponseErrors, aepContract, matchAepRoute } from './contract';
export type { AepSimulatorState, AepKind } from './state';
