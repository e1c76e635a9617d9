/**
 * Pinterest OAuth 2.0 authorization code flow with a loopback redirect, without `vscode`:
 * building the authorize URL, waiting for the redirect on 127.0.0.1, exchanging and refreshing
 * tokens (form body, HTTP Basic client authentication, as Pinterest's /v5/oauth/token wants).
 * Tokens are returned to the caller, who keeps them in SecretStorage; nothing here logs them.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MAX_RESPONSE_BYTES, ResponseTooLargeError, describeBytes, readBoundedText } from '../core/pinterest/body';
import { scrubText } from '../core/pinterest/redact';
import { REQUIRED_SCOPES } from '../core/pinterest/scopes';
import { secretUrl } from '../core/pinterest/urls';
import { english, fill, msg, type Translate } from '../core/report/l10n';

/** The sign-in's errors, in English; `msg` lets the command that shows one translate it. */
const SAY = {
  noAccessToken: msg('Pinterest answered the token request without an access token.'),
  tokenTimeout: msg('Pinterest did not answer the token request within 30 seconds: check the connection, then sign in again.'),
  tooLarge: msg("The answer to the token request was larger than {0} and was not read: check pindest.pinterest.baseUrl (Pinterest's token answers are small)."),
  refused: msg('Pinterest refused the token request (HTTP {0}). Check the app id and secret, then sign in again.'),
  noRefreshToken: msg('The access token expired and there is no refresh token: sign in to Pinterest again.'),
  denied: msg('Pinterest did not grant access (the authorization was denied or cancelled).'),
  timedOut: msg('Sign-in timed out: no answer from the browser within 5 minutes.'),
  cancelled: msg('Sign-in cancelled.'),
};

/** A token request that takes longer than this is abandoned (sign-in must end in bounded time). */
const TOKEN_REQUEST_TIMEOUT_MS = 30_000;

export interface TokenSet {
  accessToken: string;
  refreshToken?: string;
  /** Epoch milliseconds; undefined when unknown (a pasted token). */
  expiresAt?: number;
  scope?: string;
}

export function newState(): string {
  return randomBytes(18).toString('base64url');
}

export function authorizeUrl(authorizeBase: string, clientId: string, redirectUri: string, state: string, scopes: readonly string[] = REQUIRED_SCOPES): string {
  // The browser signs in there: the same https-or-loopback rule as every secret.
  const u = secretUrl(authorizeBase, 'the Pinterest sign-in');
  u.searchParams.set('client_id', clientId);
  u.searchParams.set('redirect_uri', redirectUri);
  u.searchParams.set('response_type', 'code');
  u.searchParams.set('scope', scopes.join(','));
  u.searchParams.set('state', state);
  return u.toString();
}

/** True when the access token expires within `skewMs` (refresh a little early). */
export function isExpiring(tokens: TokenSet, now = Date.now(), skewMs = 60_000): boolean {
  return tokens.expiresAt !== undefined && tokens.expiresAt - skewMs <= now;
}

export class OAuthError extends Error {}

export function parseTokenResponse(body: unknown, now = Date.now()): TokenSet {
  const o = body as Record<string, unknown> | null;
  if (!o || typeof o.access_token !== 'string') throw new OAuthError(SAY.noAccessToken);
  return {
    accessToken: o.access_token,
    refreshToken: typeof o.refresh_token === 'string' ? o.refresh_token : undefined,
    expiresAt: typeof o.expires_in === 'number' ? now + o.expires_in * 1000 : undefined,
    scope: typeof o.scope === 'string' ? o.scope : undefined,
  };
}

export interface ClientCredentials {
  clientId: string;
  clientSecret: string;
}

/** The token endpoint under `baseUrl` (Pinterest's `/v5/oauth/token`), checked before the app secret and `what` go there. */
export function tokenEndpoint(baseUrl: string, what: string): URL {
  return secretUrl(`${baseUrl.trim().replace(/\/+$/, '')}/oauth/token`, `the Pinterest app secret and ${what}`);
}

async function tokenRequest(url: URL, client: ClientCredentials, form: Record<string, string>, fetchFn: typeof fetch, signal?: AbortSignal): Promise<TokenSet> {
  const timeout = AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS);
  const res = await fetchFn(url, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64'),
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams(form).toString(),
    signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    redirect: 'manual',
  }).catch((e: unknown) => {
    if (timeout.aborted) throw new OAuthError(SAY.tokenTimeout);
    throw e;
  });
  let body: unknown;
  try {
    // Bounded: a token answer is a few hundred bytes; past the cap it is not Pinterest answering.
    body = JSON.parse(await readBoundedText(res, MAX_RESPONSE_BYTES));
  } catch (e) {
    if (e instanceof ResponseTooLargeError) {
      throw new OAuthError(fill(SAY.tooLarge, [describeBytes(e.maxBytes)]));
    }
    body = undefined;
  }
  if (!res.ok) {
    const message = (body as { message?: unknown } | undefined)?.message;
    // Scrubbed as the client scrubs Pinterest's messages: an answer may echo the secret, code or refresh token.
    const shown = typeof message === 'string' ? scrubText(message, [client.clientSecret, ...Object.values(form)]) : '';
    throw new OAuthError(fill(SAY.refused, [`${res.status}${shown ? `: ${shown}` : ''}`]));
  }
  return parseTokenResponse(body);
}

export async function exchangeCode(baseUrl: string, client: ClientCredentials, code: string, redirectUri: string, fetchFn: typeof fetch = fetch, signal?: AbortSignal): Promise<TokenSet> {
  const url = tokenEndpoint(baseUrl, 'the authorization code');
  return tokenRequest(url, client, { grant_type: 'authorization_code', code, redirect_uri: redirectUri }, fetchFn, signal);
}

export async function refreshTokens(baseUrl: string, client: ClientCredentials, tokens: TokenSet, fetchFn: typeof fetch = fetch): Promise<TokenSet> {
  if (!tokens.refreshToken) throw new OAuthError(SAY.noRefreshToken);
  const url = tokenEndpoint(baseUrl, 'the refresh token');
  const next = await tokenRequest(url, client, { grant_type: 'refresh_token', refresh_token: tokens.refreshToken }, fetchFn);
  return { ...next, refreshToken: next.refreshToken ?? tokens.refreshToken };
}

export interface Loopback {
  redirectUri: string;
  /** Resolves with the code once the browser comes back with the expected state. */
  code: Promise<string>;
  close(): void;
}

const PAGE = (title: string, text: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body style="font-family:sans-serif"><h1>${title}</h1><p>${text}</p></body></html>`;

/** Listens on 127.0.0.1:<free port>/callback for one redirect carrying `state`; `tr` words the browser's page. */
export async function startLoopback(state: string, signal?: AbortSignal, timeoutMs = 5 * 60_000, tr: Translate = english): Promise<Loopback> {
  let resolve!: (code: string) => void;
  let reject!: (e: Error) => void;
  const code = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  code.catch(() => undefined);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/callback') {
      res.writeHead(404).end();
      return;
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    if (url.searchParams.get('state') !== state) {
      res.writeHead(400).end(PAGE(tr('Sign-in failed'), tr('The answer did not match this sign-in attempt. Start Sign In to Pinterest again from VS Code.')));
      return;
    }
    const error = url.searchParams.get('error');
    const c = url.searchParams.get('code');
    if (error || !c) {
      res.writeHead(400).end(PAGE(tr('Sign-in cancelled'), tr('Pinterest did not grant access. You can close this tab.')));
      reject(new OAuthError(SAY.denied));
      return;
    }
    res.writeHead(200).end(PAGE(tr('Signed in'), tr('You can close this tab and return to VS Code.')));
    resolve(c);
  });
  await new Promise<void>((res, rej) => {
    server.once('error', rej);
    server.listen(0, '127.0.0.1', () => res());
  });
  const timer = setTimeout(() => reject(new OAuthError(SAY.timedOut)), timeoutMs);
  const close = () => {
    clearTimeout(timer);
    server.close();
    server.closeAllConnections?.();
  };
  signal?.addEventListener('abort', () => reject(new OAuthError(SAY.cancelled)), { once: true });
  code.finally(close).catch(() => undefined);
  const port = (server.address() as AddressInfo).port;
  return { redirectUri: `http://127.0.0.1:${port}/callback`, code, close };
}
