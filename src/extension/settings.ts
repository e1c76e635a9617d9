/**
 * Settings model and the target resolution of a test activation. Pure: no `vscode` here; the
 * extension reads the `pindest.*` configuration and passes plain values in.
 */
import { PINTEREST_API_BASE_URL } from '../core/pinterest/urls';

/** No sandbox: Pinterest's sandbox refuses customer lists and audiences (core/pinterest/sandbox.ts). */
export type Environment = 'local' | 'production';
export type EnvironmentSetting = Environment | 'activation';

export const ENVIRONMENTS: Environment[] = ['local', 'production'];

/** Default file name patterns per kind (a setting can add more globs). */
export const DEFAULT_GLOBS = {
  destination: ['**/destination.json', '**/*.destination.json'],
  'destination-server': ['**/destination-server.json', '**/*.destination-server.json'],
  'audience-template': ['**/audience-template.json', '**/*.audience-template.json'],
  activation: ['**/activation.json', '**/*.activation.json'],
} as const;

export type Kind = keyof typeof DEFAULT_GLOBS;

export interface DocumentFilter {
  scheme: string;
  language: string;
  pattern: string;
}

/**
 * The language client's document selector: files on disk named by a kind's pattern (the defaults,
 * plus the `pindest.files.globs` setting in a trusted workspace), as JSON or JSONC. Never a bare
 * language filter: what the server registers (completion, hover, actions…) stays on our files.
 */
export function documentFilters(extra: Partial<Record<Kind, unknown>> | undefined, trusted: boolean): DocumentFilter[] {
  const globs = new Set<string>();
  for (const kind of Object.keys(DEFAULT_GLOBS) as Kind[]) {
    for (const g of DEFAULT_GLOBS[kind]) globs.add(g);
    const more = extra?.[kind];
    if (trusted && Array.isArray(more)) for (const g of more) if (typeof g === 'string' && g !== '') globs.add(g);
  }
  return [...globs].flatMap((pattern) => [
    { scheme: 'file', language: 'json', pattern },
    { scheme: 'file', language: 'jsonc', pattern },
  ]);
}

export function environmentFor(setting: EnvironmentSetting | undefined, fromActivation: string | undefined): Environment {
  if (setting && setting !== 'activation' && (ENVIRONMENTS as string[]).includes(setting)) return setting;
  return (ENVIRONMENTS as string[]).includes(fromActivation ?? '') ? (fromActivation as Environment) : 'local';
}

export interface Target {
  environment: Environment;
  /** API base including /v5. */
  baseUrl: string;
  /** The in-process simulator must be started (local environment, no base URL configured). */
  needsSimulator: boolean;
}

/**
 * Where requests go. A base URL from the settings wins (it is machine-scoped, so a workspace cannot
 * redirect tokens). Local without a base URL means the in-process simulator.
 */
export function resolveTarget(environment: Environment, baseUrlSetting: string | undefined, simulatorBaseUrl: string | undefined): Target {
  const configured = (baseUrlSetting ?? '').trim().replace(/\/+$/, '');
  if (configured) return { environment, baseUrl: configured, needsSimulator: false };
  if (environment === 'production') return { environment, baseUrl: PINTEREST_API_BASE_URL, needsSimulator: false };
  return { environment, baseUrl: simulatorBaseUrl ?? '', needsSimulator: !simulatorBaseUrl };
}
