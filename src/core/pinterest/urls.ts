// Where Pinterest and the simulator live, and the one rule for where a secret may be sent. Every
// base URL of the product comes from here; the client, the CLI, the extension's sign-in, code
// exchange and refresh all apply `secretUrl` before a byte leaves the machine.
import { fill, msg } from '../report/l10n';
import { PinterestConfigError } from './errors';
import { SANDBOX_API_BASE_URL } from './sandbox';

/** Pinterest's API, as AEP calls it (Pinterest OpenAPI v5, `servers`). */
export const PINTEREST_API_BASE_URL = 'https://api.pinterest.com/v5';
/** Pinterest OpenAPI v5, securitySchemes.pinterest_oauth2.flows.authorizationCode.authorizationUrl. */
export const PINTEREST_AUTHORIZE_URL = 'https://www.pinterest.com/oauth/';
/** Pinterest OpenAPI v5, securitySchemes.pinterest_oauth2.flows.authorizationCode.tokenUrl (operation oauth/token). */
export const PINTEREST_TOKEN_URL = `${PINTEREST_API_BASE_URL}/oauth/token`;

/** The base URL of each remote environment (the sandbox is refused: sandbox.ts). */
export const BASE_URLS: Readonly<{ production: string }> = { production: PINTEREST_API_BASE_URL };

/** The simulator listens on this host only, and serves the API under this path, as Pinterest does. */
export const SIMULATOR_HOST = '127.0.0.1';
export const API_PATH = '/v5';
export const simulatorBaseUrl = (port: number | string): string => `http://${SIMULATOR_HOST}:${port}${API_PATH}`;
/** The embedded simulator's address before its port is chosen (previews, messages). */
export const EMBEDDED_SIMULATOR_BASE = simulatorBaseUrl('<port>');

/** The API bases a template may address: production, or the sandbox that the rules refuse. */
const TEMPLATE_BASES = [PINTEREST_API_BASE_URL, SANDBOX_API_BASE_URL];

/** Whether a template URL calls Pinterest's API (production or sandbox). */
export function isPinterestApiUrl(url: string): boolean {
  const lower = url.toLowerCase();
  return TEMPLATE_BASES.some((b) => lower.startsWith(`${new URL(b).origin}/`));
}

/**
 * Templates address Pinterest's production API (that is what AEP calls); a test activation sends
 * the same request to the chosen environment's base URL instead.
 */
export function retarget(url: string, baseUrl: string): string {
  const from = TEMPLATE_BASES.find((b) => url === b || url.startsWith(`${b}/`));
  return from ? baseUrl.replace(/\/$/, '') + url.slice(from.length) : url;
}

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * Why `url` must not receive `what` (a bearer token, an app secret, a code), or undefined when it
 * may: https, or plain http only to a loopback host (a local simulator); never credentials in the
 * URL, never with certificate checks turned off for a remote host.
 */
// English templates (`msg`), so that the extension shows these refusals in the reader's language.
const SAY = {
  accessToken: msg('the Pinterest access token'),
  credentials: msg('The Pinterest base URL must not contain a user name or password.'),
  tlsOff: msg('NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks, so {0} could reach an impostor: unset it, then retry.'),
  plainHttp: msg('Refusing to send {0} over plain http to {1}: use https (http is allowed only for a local simulator on 127.0.0.1, localhost or [::1]).'),
  notHttps: msg('The Pinterest base URL must start with https:// (got a {0} URL).'),
};

export function insecureReason(url: URL, env: Record<string, string | undefined> = process.env, what = SAY.accessToken): PinterestConfigError | undefined {
  if (url.username || url.password) return new PinterestConfigError('invalid-url', SAY.credentials);
  if (url.protocol === 'https:') {
    if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0' && !isLoopbackHost(url.hostname)) {
      return new PinterestConfigError(
        'tls-disabled',
        fill(SAY.tlsOff, [what]),
      );
    }
    return undefined;
  }
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return undefined;
    return new PinterestConfigError(
      'insecure-url',
      fill(SAY.plainHttp, [what, url.hostname]),
    );
  }
  return new PinterestConfigError('invalid-url', fill(SAY.notHttps, [url.protocol]));
}

/**
 * The URL `what` may be sent to, or a PinterestConfigError saying why not (nothing is sent then).
 * The one check of the product: the client, sign-in, the code exchange and the refresh call it.
 */
export function secretUrl(url: string, what: string, env: Record<string, string | undefined> = process.env): URL {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new PinterestConfigError('invalid-url', `The Pinterest base URL "${url.slice(0, 80)}" is not a valid URL: use ${PINTEREST_API_BASE_URL}, or the simulator URL it prints.`);
  }
  const problem = insecureReason(u, env, what);
  if (problem) throw problem;
  return u;
}
