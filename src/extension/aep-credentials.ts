/**
 * Adobe credentials for the Destination Authoring API, as "Sign In to Adobe" asks for them and
 * SecretStorage keeps them (one JSON entry, never settings, never logs). Pure: no `vscode`, so the
 * checks of what is typed and of what is stored are unit-tested in plain Node.
 *
 * Adobe's OAuth Server-to-Server credential gives a client id, a client secret and the
 * organization id; the API key sent as `x-api-key` is the client id unless another is given, and
 * every call names a sandbox (`x-sandbox-name`, Adobe's default production sandbox is `prod`).
 */

export interface AepCredentials {
  clientId: string;
  clientSecret: string;
  /** IMS organization id, sent as `x-gw-ims-org-id`. */
  imsOrg: string;
  /** Sandbox name, sent as `x-sandbox-name`. */
  sandbox: string;
  /** `x-api-key`; absent: the client id (Adobe's Developer Console calls it "API key (Client ID)"). */
  apiKey?: string;
}

/** The one SecretStorage key that holds them. */
export const AEP_SECRET_KEY = 'pindest.aep.credentials';
export const DEFAULT_SANDBOX = 'prod';

/** What a stored entry must hold; anything else (hand-edited, an older shape) reads as signed out. */
export function parseStoredCredentials(raw: string | undefined): AepCredentials | undefined {
  if (!raw) return undefined;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!v || typeof v !== 'object') return undefined;
  const o = v as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' && (o[k] as string).trim() !== '' ? (o[k] as string).trim() : undefined);
  const clientId = str('clientId');
  const clientSecret = str('clientSecret');
  const imsOrg = str('imsOrg');
  if (!clientId || !clientSecret || !imsOrg) return undefined;
  const apiKey = str('apiKey');
  return { clientId, clientSecret, imsOrg, sandbox: str('sandbox') ?? DEFAULT_SANDBOX, ...(apiKey ? { apiKey } : {}) };
}

export function storedCredentials(c: AepCredentials): string {
  return JSON.stringify({ clientId: c.clientId.trim(), clientSecret: c.clientSecret.trim(), imsOrg: c.imsOrg.trim(), sandbox: c.sandbox.trim() || DEFAULT_SANDBOX, ...(c.apiKey?.trim() ? { apiKey: c.apiKey.trim() } : {}) });
}

/**
 * The environment the core's connection reads (aepSettingsFromEnv), built from the stored
 * credentials for production. Local passes no credential at all, so the core uses the simulator's
 * own: a real secret never reaches a simulator. No AEP_API_KEY unless one was given: the core then
 * sends the client id, as Adobe Developer Console's "API key (Client ID)".
 */
export function aepEnv(environment: AepEnvironment, sandbox: string, c: AepCredentials | undefined, tlsSetting: string | undefined): Record<string, string | undefined> {
  const base = { NODE_TLS_REJECT_UNAUTHORIZED: tlsSetting, AEP_SANDBOX: sandbox };
  if (environment === 'local' || !c) return base;
  return { ...base, AEP_CLIENT_ID: c.clientId, AEP_CLIENT_SECRET: c.clientSecret, AEP_IMS_ORG: c.imsOrg, AEP_SANDBOX: c.sandbox, ...(c.apiKey ? { AEP_API_KEY: c.apiKey } : {}) };
}

/**
 * Problems with what was typed, as message keys the extension translates; undefined when fine.
 * Only what would certainly fail is refused (empty, spaces inside); whether Adobe knows the value
 * is for Adobe to say on the first call.
 */
export type InputProblem = 'empty' | 'spaces' | 'org-suffix';

export function clientIdProblem(v: string): InputProblem | undefined {
  const t = v.trim();
  if (!t) return 'empty';
  return /\s/.test(t) ? 'spaces' : undefined;
}

export const clientSecretProblem = clientIdProblem;

/** Organization ids end with `@AdobeOrg`; one without it is a warning (the value may still be right). */
export function imsOrgProblem(v: string): InputProblem | undefined {
  const t = v.trim();
  if (!t) return 'empty';
  if (/\s/.test(t)) return 'spaces';
  return /@AdobeOrg$/.test(t) ? undefined : 'org-suffix';
}

/** A sandbox name has no spaces (e.g. `prod`, `dev-1`); empty means `prod`. Whether it exists is Adobe's answer. */
export function sandboxProblem(v: string): InputProblem | undefined {
  return /\s/.test(v.trim()) ? 'spaces' : undefined;
}

/** Where deploys go: the embedded AEP simulator (no credentials) or Adobe's authoring API. */
export type AepEnvironment = 'local' | 'production';
export const AEP_ENVIRONMENTS: AepEnvironment[] = ['local', 'production'];
export const AEP_AUTHORING_BASE_URL = 'https://platform.adobe.io/data/core/activation/authoring';

export interface AepTarget {
  environment: AepEnvironment;
  /** The authoring API's base (no trailing slash). */
  baseUrl: string;
  /** Local without a configured URL: the in-process AEP simulator must be started. */
  needsSimulator: boolean;
}

/** Like the Pinterest target: a configured URL (machine-scoped) wins; local without one is the in-process simulator. */
export function resolveAepTarget(environment: AepEnvironment, baseUrlSetting: string | undefined, simulatorBaseUrl: string | undefined): AepTarget {
  const configured = (baseUrlSetting ?? '').trim().replace(/\/+$/, '');
  if (configured) return { environment, baseUrl: configured, needsSimulator: false };
  if (environment === 'production') return { environment, baseUrl: AEP_AUTHORING_BASE_URL, needsSimulator: false };
  return { environment, baseUrl: simulatorBaseUrl ?? '', needsSimulator: !simulatorBaseUrl };
}

export function aepEnvironmentOf(setting: unknown): AepEnvironment {
  return setting === 'production' ? 'production' : 'local';
}
