// OAuth 2.0 as Pinterest does it (spec operation oauth/token and its OauthAccessToken* schemas): a browser authorize page at
// GET /oauth/ that redirects to a loopback redirect_uri with `code` and `state`, and the token
// endpoint POST /v5/oauth/token (form body, HTTP Basic client authentication) for the grants
// authorization_code, refresh_token (continuous: a fresh 60-day refresh token each time) and
// client_credentials. Lifetimes are Pinterest-like: access 30 days, refresh 60 days.
// Only loopback redirect URIs are allowed: the simulator must never bounce a code to the internet.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { seconds, type Handler } from './context';
import { contract } from './contract';
import { authFailed, invalidParameters } from './errors';
import {
  ACCESS_TOKEN_SECONDS,
  AUTH_CODE_SECONDS,
  REFRESH_TOKEN_SECONDS,
  SEED,
  digest,
  newAccessToken,
  newAuthCode,
  newRefreshToken,
  type AppRecord,
  type SimulatorState,
  type TokenRecord,
} from './state';

export const KNOWN_SCOPES: ReadonlySet<string> = new Set(
  (contract as unknown as { securitySchemes: { pinterest_oauth2: { flows: { authorizationCode: { scopes: string[] } } } } })
    .securitySchemes.pinterest_oauth2.flows.authorizationCode.scopes,
);

export function parseScopes(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).filter(Boolean))];
}

function unknownScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !KNOWN_SCOPES.has(s));
}

export function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return (u.protocol === 'http:' || u.protocol === 'https:') && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** HTTP Basic client authentication of the token endpoint; 401 code 2 when it fails. */
export function authenticateClient(state: SimulatorState, headers: IncomingHttpHeaders): AppRecord {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(headers.authorization ?? '');
  if (!m) throw authFailed();
  const decoded = Buffer.from(m[1] ?? '', 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const app = state.apps[decoded.slice(0, colon)];
  if (colon < 0 || !app || app.clientSecretHash !== digest(decoded.slice(colon + 1))) throw authFailed();
  return app;
}

function issue(state: SimulatorState, nowMs: number, base: Omit<TokenRecord, 'kind' | 'expiresAt'>, withRefresh: boolean) {
  const access = newAccessToken();
  state.tokens[digest(access)] = { ...base, kind: 'access', expiresAt: nowMs + ACCESS_TOKEN_SECONDS * 1000 };
  const body: Record<string, unknown> = {
    access_token: access,
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_SECONDS,
    scope: base.scopes.join(','),
  };
  if (withRefresh) {
    const refresh = newRefreshToken();
    const refreshExpiresAt = nowMs + REFRESH_TOKEN_SECONDS * 1000;
    state.tokens[digest(refresh)] = { ...base, kind: 'refresh', expiresAt: refreshExpiresAt };
    Object.assign(body, {
      refresh_token: refresh,
      refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
      refresh_token_expires_at: seconds(refreshExpiresAt),
    });
  }
  return body;
}

export const oauthToken: Handler = (ctx) => {
  const app = authenticateClient(ctx.state, ctx.headers);
  const { state, nowMs, body } = ctx;
  switch (body.grant_type) {
    case 'authorization_code': {
      const key = digest(String(body.code));
      const code = state.authCodes[key];
      if (!code || code.expiresAt <= nowMs || code.clientId !== app.clientId || code.redirectUri !== body.redirect_uri) {
        throw invalidParameters('The authorization code is invalid, expired, already used, or was issued for another client or redirect_uri.');
      }
      delete state.authCodes[key]; // single use
      const out = issue(state, nowMs, { subject: 'user', userId: code.userId, clientId: app.clientId, scopes: code.scopes }, true);
      return { status: 200, body: { ...out, response_type: 'authorization_code' }, mutated: true };
    }
    case 'refresh_token': {
      const old = state.tokens[digest(String(body.refresh_token))];
      if (!old || old.kind !== 'refresh' || old.expiresAt <= nowMs || old.clientId !== app.clientId) {
        throw invalidParameters('The refresh token is invalid or expired; authorize again.');
      }
      let scopes = old.scopes;
      if (typeof body.scope === 'string' && body.scope !== '') {
        const asked = parseScopes(body.scope);
        const extra = asked.filter((s) => !old.scopes.includes(s));
        if (extra.length) throw invalidParameters(`scope ${extra.join(',')} was not granted to this refresh token.`);
        scopes = asked;
      }
      const out = issue(state, nowMs, { subject: old.subject, userId: old.userId, clientId: app.clientId, scopes }, true);
      return { status: 200, body: { ...out, response_type: 'refresh_token' }, mutated: true };
    }
    case 'client_credentials': {
      const scopes = parseScopes(String(body.scope));
      const unknown = unknownScopes(scopes);
      if (scopes.length === 0 || unknown.length) throw invalidParameters(`scope has unknown values: ${unknown.join(',') || '(empty)'}.`);
      const out = issue(state, nowMs, { subject: 'client', userId: app.ownerUserId, clientId: app.clientId, scopes }, false);
      return { status: 200, body: { ...out, response_type: 'client_credentials' }, mutated: true };
    }
    default:
      throw invalidParameters('grant_type must be authorization_code, refresh_token or client_credentials.');
  }
};

// ---- Authorize page ---------------------------------------------------------------------------

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

function page(res: ServerResponse, status: number, title: string, inner: string): void {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem}button{font-size:1rem;padding:.5rem 1.5rem;margin-right:1rem}</style>
</head><body><h1>${escapeHtml(title)}</h1>${inner}</body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'cache-control': 'no-store',
  });
  res.end(html);
}

interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
}

function checkAuthorize(state: SimulatorState, params: URLSearchParams): AuthorizeRequest | string {
  const clientId = params.get('client_id') ?? params.get('consumer_id') ?? '';
  if (!state.apps[clientId]) return 'Unknown client_id.';
  if (params.get('response_type') !== 'code') return 'response_type must be "code".';
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!isLoopbackRedirect(redirectUri)) return 'redirect_uri must be a loopback address (http://127.0.0.1:PORT/…, http://localhost:PORT/…).';
  const scopes = parseScopes(params.get('scope') ?? '');
  const unknown = unknownScopes(scopes);
  if (scopes.length === 0 || unknown.length) return `scope must list known Pinterest scopes${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}.`;
  return { clientId, redirectUri, scopes, state: params.get('state') };
}

/**
 * GET /oauth/ shows the consent form; POST /oauth/ (the form's "Allow"/"Deny") redirects to the
 * loopback redirect_uri with `code` and `state` (or `error=access_denied`). Returns true when the
 * state changed (a code was issued).
 */
export function handleAuthorize(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  formBody: string,
  state: SimulatorState,
  nowMs: number,
): boolean {
  const params = req.method === 'POST' ? new URLSearchParams(formBody) : url.searchParams;
  const checked = checkAuthorize(state, params);
  if (typeof checked === 'string') {
    page(res, 400, 'Authorization request rejected', `<p>${escapeHtml(checked)}</p>`);
    return false;
  }
  if (req.method === 'GET') {
    const user = state.users[SEED.userId];
    const hidden = (name: string, value: string | null) =>
      value === null ? '' : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    page(
      res,
      200,
      'Pinterest API simulator: authorize app',
      `<p>App <b>${escapeHtml(checked.clientId)}</b> asks to act for <b>${escapeHtml(user?.username ?? '')}</b> with scopes <code>${escapeHtml(
        checked.scopes.join(','),
      )}</code>.</p>
<form method="post" action="/oauth/">${hidden('client_id', checked.clientId)}${hidden('redirect_uri', checked.redirectUri)}${hidden(
        'response_type',
        'code',
      )}${hidden('scope', checked.scopes.join(','))}${hidden('state', checked.state)}
<button type="submit" name="decision" value="allow">Allow</button><button type="submit" name="decision" value="deny">Deny</button></form>`,
    );
    return false;
  }
  if (req.method !== 'POST') {
    page(res, 405, 'Method not allowed', '<p>Use GET or POST.</p>');
    return false;
  }
  const target = new URL(checked.redirectUri);
  let mutated = false;
  if (params.get('decision') === 'allow') {
    const code = newAuthCode();
    state.authCodes[digest(code)] = {
      clientId: checked.clientId,
      userId: SEED.userId,
      redirectUri: checked.redirectUri,
      scopes: checked.scopes,
      expiresAt: nowMs + AUTH_CODE_SECONDS * 1000,
    };
    target.searchParams.set('code', code);
    mutated = true;
  } else {
    target.searchParams.set('error', 'access_denied');
  }
  if (checked.state !== null) target.searchParams.set('state', checked.state);
  res.writeHead(302, { location: target.toString(), 'cache-control': 'no-store' });
  res.end();
  return mutated;
}
