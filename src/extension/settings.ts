/**
 * Settings model and the target resolution of a test activation. Pure: no `vscode` here; the
 * extension reads the `pindest.*` configuration and passes plain values in.
 */
/** No sandbox: Pinterest's sandbox refuses customer lists and audiences (core/pinterest/sandbox.ts). */
export type Environment = 'local' | 'production';
export type EnvironmentSetting = Environment | 'activation';

export const ENVIRONMENTS: Environment[] = ['local', 'production'];

export const PRODUCTION_BASE_URL = 'https://api.pinterest.com/v5';
export const PRODUCTION_AUTHORIZE_URL = 'https://www.pinterest.com/oauth/';

/** Default file name patterns per kind (a setting can add more globs). */
export const DEFAULT_GLOBS = {
  destination: ['**/destination.json', '**/*.destination.json'],
  'destination-server': ['**/destination-server.json', '**/*.destination-server.json'],
  'audience-template': ['**/audience-template.json', '**/*.audience-template.json'],
  activation: ['**/activation.json', '**/*.activation.json'],
} as const;

export type Kind = keyof typeof DEFAULT_GLOBS;

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
  if (environment === 'production') return { environment, baseUrl: PRODUCTION_BASE_URL, needsSimulator: false };
  return { environment, baseUrl: simulatorBaseUrl ?? '', needsSimulator: !simulatorBaseUrl };
}

/** Validates a base URL typed into the settings: https, or http only on the loopback interface. */
export function checkBaseUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return `"${url}" is not a URL: use e.g. ${PRODUCTION_BASE_URL}.`;
  }
  if (u.protocol === 'https:') return undefined;
  if (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) return undefined;
  return 'The Pinterest base URL must use https (plain http only on 127.0.0.1, for the local simulator).';
}
