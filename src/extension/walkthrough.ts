/**
 * Keeps the walkthrough's context keys true for what already holds: set at activation from the
 * current state and the steps done in earlier sessions, and again when a step is done now.
 */
import * as vscode from 'vscode';
import { doneSteps, STORAGE_KEY, walkthroughContexts, type DoneStep } from './walkthrough-state';

export class Walkthrough {
  private projectOpen = false;

  constructor(private readonly state: vscode.Memento) {
    this.apply();
  }

  private get done(): Set<DoneStep> {
    return doneSteps(this.state.get(STORAGE_KEY));
  }

  private apply(): void {
    for (const [key, value] of Object.entries(walkthroughContexts(this.done, this.projectOpen))) void vscode.commands.executeCommand('setContext', key, value);
  }

  setProjectOpen(open: boolean): void {
    this.projectOpen = open;
    this.apply();
  }

  /** A step was done (the command succeeded): remembered across sessions. */
  async mark(step: DoneStep): Promise<void> {
    const done = this.done;
    if (done.has(step)) return;
    done.add(step);
    await this.state.update(STORAGE_KEY, [...done]);
    this.apply();
  }
}
