/**
 * The text of the status bar item from plain state (no `vscode` here, so it is unit-tested):
 * environment, where requests go, and whether the local simulator runs.
 */
import type { Target } from './settings';

export interface StatusBarState {
  target: Target;
  /** The running simulator's base URL, if it runs. */
  simulatorUrl: string | undefined;
}

export interface StatusBarView {
  /** The host (and port) requests go to, or undefined when the local simulator must be started first. */
  host: string | undefined;
  simulator: 'running' | 'stopped';
  /** The click offers to start the simulator first: local with nothing to send to. */
  offerStart: boolean;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export function statusBarView(state: StatusBarState): StatusBarView {
  const simulator = state.simulatorUrl ? 'running' : 'stopped';
  const host = state.target.needsSimulator ? undefined : hostOf(state.target.baseUrl);
  return { host, simulator, offerStart: state.target.needsSimulator };
}
