// Credentials of the AEP authoring client, from the environment: a ready access token
// (AEP_ACCESS_TOKEN), or an OAuth server-to-server credential (AEP_CLIENT_ID + AEP_CLIENT_SECRET)
// that fetches its token from Adobe IMS with the client_credentials grant and fetches a new one
// when it expires or when AEP refuses it. Sources: Adobe Developer Console, "OAuth
// Server-to-Server credential API Reference" (POST /ims/token/v3, form fields grant_type,
// client_id, client_secret, scope; answer access_token, token_type, expires_in).
import { MAX_RESPONSE_BYTES, readBoundedText } from '../pinterest/body';
import { raceAbort } from '../pinterest/pacing';
import { scrubText } from '../pinterest/redact';
import { isLoopbackHost } from '../pinterest/urls';
import { AepError, parseAepErrorBody } from './errors';
import { AEP_AUTHORING_BASE_URL, AEP_IMS_SCOPES, AEP_SIMULATOR_SEED, DEFAULT_SANDBOX, IMS_TOKEN_PATH, IMS_TOKEN_URL, aepUrlProblem } from './urls';

export interface AepTokenSource {
  /** 'static': AEP_ACCESS_TOKEN, cannot be renewed; 'ims': fetched from IMS, renewed on demand. */
  readonly kind: 'static' | 'ims';
  /** A token believed valid now. */
  token(signal?: AbortSignal): Promise<string>;
  /** A new token after AEP refused `rejected`; undefined when this source cannot get one. */
  refresh?(rejected: string, signal?: AbortSignal): Promise<string | undefined>;
}

export function staticAepToken(token: string): AepTokenSource {
  return { kind: 'static', token: async () => token };
}

export interface ImsTokenOptions {
  imsUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  fetch?: typeof fetch;
  now?: () => number;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}

/**
 * Tokens from Adobe IMS: fetched on first use, kept until a minute before `expires_in` runs out
 * (Adobe's tokens last 24 h), fetched again then or when AEP refuses one. Calls that need a token
 * at the same time share one fetch.
 */
export function imsTokenSource(options: ImsTokenOptions): AepTokenSource {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const now = options.now ?? Date.now;
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    let url: URL;
    try {
      url = new URL(options.imsUrl);
    } catch {
      throw new AepError({ reason: 'config', message: `The Adobe IMS URL is not a valid URL: use ${IMS_TOKEN_URL}.` });
    }
    const problem = aepUrlProblem(url, 'the Adobe client secret', options.env);
    if (problem) throw new AepError({ reason: 'config', message: problem.message });
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: options.clientId, client_secret: options.clientSecret, scope: options.scope ?? AEP_IMS_SCOPES });
    const timeout = AbortSignal.timeout(options.timeoutMs ?? 30_000);
    let res: Response;
    let text: string;
    try {
      res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: form.toString(),
        redirect: 'manual',
        signal: timeout,
      });
      text = await readBoundedText(res, MAX_RESPONSE_BYTES);
    } catch (e) {
      const detail = scrubText((e as Error)?.message ?? 'network error', [options.clientSecret], 80);
      throw new AepError({ reason: 'network', message: `Adobe IMS at ${url.host} did not answer (${detail}): check the network, then run again.` });
    }
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    const b = body as { access_token?: unknown; expires_in?: unknown } | undefined;
    if (res.ok && typeof b?.access_token === 'string' && b.access_token) {
      const seconds = typeof b.expires_in === 'number' && b.expires_in > 0 ? b.expires_in : 3600;
      // Renew a minute early (or at half the lifetime for short-lived tokens).
      const margin = Math.min(60, seconds / 2) * 1000;
      current = { token: b.access_token, expiresAt: now() + seconds * 1000 - margin };
      return b.access_token;
    }
    const { code, message } = parseAepErrorBody(body, [options.clientSecret]);
    const quoted = code || message ? ` (${[code, message && `"${message}"`].filter(Boolean).join(' ')})` : '';
    if (res.status === 400 || res.status === 401) {
      throw new AepError({ reason: 'bad-credentials', status: res.status, code, adobeMessage: message, message: `Adobe IMS refused the client credentials${quoted}: check AEP_CLIENT_ID and AEP_CLIENT_SECRET against your Adobe Developer Console project.` });
    }
    throw new AepError({ reason: res.status >= 500 ? 'server-error' : 'bad-request', status: res.status, code, adobeMessage: message, message: `Adobe IMS answered ${res.status}${quoted} instead of a token: run again later.` });
  }

  // One fetch shared by every caller, under none of their signals: one caller cancelling must not
  // fail the others; each stops waiting on its own signal.
  const once = async (signal?: AbortSignal): Promise<string> => {
    pending ??= fetchToken().finally(() => {
      pending = undefined;
    });
    try {
      return await raceAbort(pending, signal);
    } catch (e) {
      if (signal?.aborted) throw new AepError({ reason: 'aborted', message: 'Cancelled while fetching an Adobe IMS token.' });
      throw e;
    }
  };

  return {
    kind: 'ims',
    async token(signal) {
      if (current && now() < current.expiresAt) return current.token;
      return once(signal);
    },
    async refresh(rejected, signal) {
      if (current && current.token !== rejected && now() < current.expiresAt) return current.token; // another call renewed it already
      current = undefined;
      return once(signal);
    },
  };
}

export interface AepSettings {
  environment: 'local' | 'production';
  /** The authoring API base, no trailing slash. */
  baseUrl: string;
  imsUrl: string;
  apiKey: string;
  imsOrg: string;
  sandbox: string;
  tokens: AepTokenSource;
}

export interface AepEnvOptions {
  environment: 'local' | 'production';
  /** `--aep-url`: required for local (the simulator's `baseUrl`), default Adobe's for production. */
  aepUrl?: string;
  /** Default: Adobe IMS for production, `/ims/token/v3` on the simulator's origin for local. */
  imsUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
}

/**
 * The client's settings from AEP_ACCESS_TOKEN or AEP_CLIENT_ID + AEP_CLIENT_SECRET, AEP_API_KEY
 * (default: the client ID), AEP_IMS_ORG and AEP_SANDBOX (default prod). For --env local with no
 * credential set, the simulator's fixed ones are used (its IMS endpoint issues the token, so the
 * token path is exercised offline). Throws AepError 'config' saying which variable is missing.
 */
export function aepSettingsFromEnv(env: Record<string, string | undefined>, options: AepEnvOptions): AepSettings {
  const get = (name: string) => env[name]?.trim() || undefined;
  const local = options.environment === 'local';
  const baseRaw = options.aepUrl?.trim() || (local ? '' : AEP_AUTHORING_BASE_URL);
  if (!baseRaw) throw new AepError({ reason: 'config', message: 'A local deploy needs the AEP simulator URL (--aep-url, the URL the simulator prints).' });
  let base: URL;
  try {
    base = new URL(baseRaw.replace(/\/+$/, ''));
  } catch {
    throw new AepError({ reason: 'config', message: `The AEP URL "${baseRaw.slice(0, 80)}" is not a valid URL: use ${AEP_AUTHORING_BASE_URL} or the simulator URL it prints.` });
  }
  const urlProblem = aepUrlProblem(base, 'the AEP access token', env);
  if (urlProblem) throw new AepError({ reason: 'config', message: urlProblem.message });
  // A local target gets its IMS from the same origin: on another host, the client secret would go
  // to a token endpoint nobody named, so local means this machine.
  if (local && !isLoopbackHost(base.hostname)) {
    throw new AepError({ reason: 'config', message: `--env local is an AEP simulator on this machine, and ${base.hostname} is not 127.0.0.1, localhost or [::1]: use the URL the simulator prints, or --env production for Adobe's API.` });
  }
  const imsUrl = options.imsUrl ?? (local ? `${base.origin}${IMS_TOKEN_PATH}` : IMS_TOKEN_URL);

  let accessToken = get('AEP_ACCESS_TOKEN');
  let clientId = get('AEP_CLIENT_ID');
  let clientSecret = get('AEP_CLIENT_SECRET');
  let imsOrg = get('AEP_IMS_ORG');
  if (local) {
    if (!accessToken && !clientId && !clientSecret) {
      clientId = AEP_SIMULATOR_SEED.clientId;
      clientSecret = AEP_SIMULATOR_SEED.clientSecret;
    }
    imsOrg ??= AEP_SIMULATOR_SEED.imsOrg;
  }
  let tokens: AepTokenSource;
  if (clientId && clientSecret) {
    tokens = imsTokenSource({ imsUrl, clientId, clientSecret, fetch: options.fetch, now: options.now, env });
    accessToken = undefined;
  } else if (accessToken) {
    tokens = staticAepToken(accessToken);
  } else if (clientId || clientSecret) {
    throw new AepError({ reason: 'config', message: `${clientId ? 'AEP_CLIENT_SECRET' : 'AEP_CLIENT_ID'} is not set: an OAuth server-to-server credential needs both (Adobe Developer Console, your project's credential page).` });
  } else {
    throw new AepError({ reason: 'config', message: 'No AEP credentials: set AEP_ACCESS_TOKEN, or AEP_CLIENT_ID and AEP_CLIENT_SECRET (Adobe Developer Console, OAuth Server-to-Server credential).' });
  }
  const apiKey = get('AEP_API_KEY') ?? clientId ?? (local ? AEP_SIMULATOR_SEED.clientId : undefined);
  if (!apiKey) throw new AepError({ reason: 'config', message: 'AEP_API_KEY is not set: with AEP_ACCESS_TOKEN, give the client ID of the project that issued the token.' });
  if (!imsOrg) throw new AepError({ reason: 'config', message: 'AEP_IMS_ORG is not set: give your organisation ID (it ends with @AdobeOrg; Adobe Developer Console, credential page).' });
  const sandbox = get('AEP_SANDBOX') ?? DEFAULT_SANDBOX;
  return { environment: options.environment, baseUrl: `${base.origin}${base.pathname.replace(/\/+$/, '')}`, imsUrl, apiKey, imsOrg, sandbox, tokens };
}
