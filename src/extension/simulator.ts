/**
 * The local Pinterest simulator, in process: started by "Start Local Pinterest Simulator" or by a
 * local test activation that needs one; stopped by the command or when the extension deactivates.
 */
import * as vscode from 'vscode';
import { aepClock } from '../core/pinterest';
import { SEED, startSimulator, type Simulator } from '../simulator';
import type { Log } from './log';

export class SimulatorManager implements vscode.Disposable {
  private sim: Simulator | undefined;
  private starting: Promise<Simulator> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  /** The simulator's clock: lives AEP's retry waits in full while a test activation sleeps them compressed. */
  readonly clock = aepClock();

  constructor(private readonly log: Log) {}

  get running(): Simulator | undefined {
    return this.sim;
  }

  /** The token the simulator seeds: local test activations use it without asking. */
  get seededToken(): string {
    return SEED.accessToken;
  }

  get seededAdAccountId(): string {
    return SEED.adAccountId;
  }

  async start(port: number): Promise<Simulator> {
    if (this.sim) return this.sim;
    if (!this.starting) {
      this.starting = startSimulator({ port, now: this.clock.now, log: (line) => this.log.debug(`[simulator] ${line}`) })
        .then((sim) => {
          this.sim = sim;
          this.log.info(`Local Pinterest simulator listening on ${sim.url} (seeded ad account …${SEED.adAccountId.slice(-4)})`);
          void vscode.commands.executeCommand('setContext', 'pindest.simulatorRunning', true);
          this.changed.fire();
          return sim;
        })
        .finally(() => {
          this.starting = undefined;
        });
    }
    return this.starting;
  }

  async stop(): Promise<boolean> {
    const sim = this.sim;
    if (!sim) return false;
    this.sim = undefined;
    await sim.close();
    this.log.info('Local Pinterest simulator stopped.');
    void vscode.commands.executeCommand('setContext', 'pindest.simulatorRunning', false);
    this.changed.fire();
    return true;
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}
