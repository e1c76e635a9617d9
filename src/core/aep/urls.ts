// Where Adobe's Destination Authoring API and Adobe IMS live, the local simulator's fixed
// credentials, and the one rule for where an AEP secret may be sent.
import { isLoopbackHost } from '../pinterest/urls';

/** Adobe OpenAPI "Destination Authoring API", `servers[0].url`. */
export const AEP_AUTHORING_BASE_URL = 'https://platform.adobe.io/data/core/activation/authoring';
/** The path of that base: the simulator serves the API under the same path. */
export const AEP_AUTHORING_PATH = '/data/core/activation/authoring';
/** Adobe IMS token endpoint for OAuth server-to-server credentials (client_credentials). */
export const IMS_TOKEN_URL = 'https://ims-na1.adobelogin.com/ims/token/v3';
export const IMS_TOKEN_PATH = '/ims/token/v3';
/** The scopes Adobe lists for Experience Platform API credentials. */
export const AEP_IMS_SCOPES = 'openid,session,AdobeID,read_organizations,additional_info.projectedProductContext';
/** Sandbox used when AEP_SANDBOX is not set: every organisation has `prod`. */
export const DEFAULT_SANDBOX = 'prod';

/**
 * The local AEP simulator's fixed organisation and credentials (not secrets: they open nothing but
 * a simulator on 127.0.0.1). `pindest deploy --env local` and the tests use them.
 */
export const AEP_SIMULATOR_SEED = Object.freeze({
  imsOrg: '0A1B2C3D4E5F60718293A4B5@AdobeOrg',
  clientId: 'pindest-local-client',
  clientSecret: 'p8e-pindest-local-simulator-secret',
  /** A long-lived access token for AEP_ACCESS_TOKEN in local runs. */
  accessToken: 'aepsim-static-access-token',
  /** Always expired: for tests of the "expired token" answer. */
  expiredAccessToken: 'aepsim-expired-access-token',
  sandboxes: Object.freeze(['prod', 'dev']) as readonly string[],
});

export type AepUrlProblem = { code: 'invalid-url' | 'insecure-url' | 'tls-disabled'; message: string };

/**
 * Why `url` must not receive `what` (an access token, a client secret), or undefined when it may:
 * https, or plain http only to a loopback host (a local simulator); never credentials in the URL,
 * never with certificate checks turned off for a remote host. Same rule as the Pinterest client.
 */
export function aepUrlProblem(url: URL, what: string, env: Record<string, string | undefined> = process.env): AepUrlProblem | undefined {
  if (url.username || url.password) return { code: 'invalid-url', message: `The URL for ${what} must not contain a user name or password.` };
  if (url.protocol === 'https:') {
    if (env.NODE_TLS_REJECT_UNAUTHORIZED === '0' && !isLoopbackHost(url.hostname)) {
      return { code: 'tls-disabled', message: `NODE_TLS_REJECT_UNAUTHORIZED=0 turns off certificate checks, so ${what} could reach an impostor: unset it, then retry.` };
    }
    return undefined;
  }
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return undefined;
    return { code: 'insecure-url', message: `Refusing to send ${what} over plain http to ${url.hostname}: use https (http is allowed only for a local simulator on 127.0.0.1, localhost or [::1]).` };
  }
  return { code: 'invalid-url', message: `The URL for ${what} must start with https:// (got a ${url.protocol} URL).` };
}
