/**
 * The one place the extension meets the core's execute step and Pinterest client. Until both are
 * in the build, sending reports that clearly instead of failing obscurely.
 */
import type { ActivationReport } from '../core/execute/report';
import type { Project, ProjectFile } from '../core/project/project';
import type { TokenProvider } from './auth';
import type { Environment } from './settings';

export interface RunOptions {
  environment: Environment;
  baseUrl: string;
  tokens: TokenProvider;
  signal: AbortSignal;
  onProgress: (p: { phase: string; done: number; total: number }) => void;
}

export async function runActivation(_project: Project, _activationFile: ProjectFile, _options: RunOptions): Promise<ActivationReport> {
  throw new Error('Sending is not in this build yet (the Pinterest client is still being built). Use Preview Identity Mapping to see exactly what would be sent.');
}
