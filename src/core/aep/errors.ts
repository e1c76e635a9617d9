// Typed errors of the AEP authoring client. Front ends branch on `reason`; people read `message`:
// one line saying what AEP answered and what to do. Adobe's own code (`error_code` of a gateway
// error, or the `title` of a problem body) and message are kept, scrubbed, beside it. No token,
// secret or request body ever enters an error.
import { scrubText } from '../pinterest/redact';

export type AepErrorReason =
  | 'bad-credentials'
  | 'forbidden'
  | 'unknown-sandbox'
  | 'not-found'
  | 'conflict'
  | 'bad-request'
  | 'rate-limited'
  | 'server-error'
  | 'network'
  | 'config'
  | 'aborted';

export interface AepErrorInit {
  reason: AepErrorReason;
  message: string;
  status?: number;
  /** Adobe's code: `error_code` (e.g. "401013") or a problem body's `title`. */
  code?: string;
  /** Adobe's message or `detail`, scrubbed. */
  adobeMessage?: string;
  method?: string;
  path?: string;
  requestId?: string;
  attempts?: number;
}

export class AepError extends Error {
  override readonly name = 'AepError';
  readonly reason: AepErrorReason;
  readonly status?: number;
  readonly code?: string;
  readonly adobeMessage?: string;
  readonly method?: string;
  readonly path?: string;
  readonly requestId?: string;
  readonly attempts: number;

  constructor(init: AepErrorInit) {
    super(init.message);
    this.reason = init.reason;
    this.status = init.status;
    this.code = init.code;
    this.adobeMessage = init.adobeMessage;
    this.method = init.method;
    this.path = init.path;
    this.requestId = init.requestId;
    this.attempts = init.attempts ?? 0;
  }
}

/** Adobe's two error shapes (help/landing/troubleshooting.md): gateway `{error_code, message}`, service `{type, status, title, detail}`. */
export function parseAepErrorBody(body: unknown, secrets: readonly string[]): { code?: string; message?: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return {};
  const b = body as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? scrubText(String(v), secrets, 240) : undefined);
  if (b.error_code !== undefined) return { code: text(b.error_code), message: text(b.message) };
  if (b.title !== undefined || b.detail !== undefined) return { code: text(b.title), message: text(b.detail ?? b.title) };
  // IMS (OAuth 2.0 error response).
  if (b.error !== undefined) return { code: text(b.error), message: text(b.error_description ?? b.error) };
  return { message: text(b.message) };
}

/** What a path names, for messages: "destination server 1234…", "publish request of destination …". */
export function describeTarget(path: string): string {
  const m = /\/(destination-servers|audience-templates|destinations\/publish|destinations|sample-profiles|testing\/[^/]+(?:\/[^/]+)?)(?:\/([^/]+))?\/?$/.exec(path);
  if (!m) return 'resource';
  const noun: Record<string, string> = {
    'destination-servers': 'destination server',
    'audience-templates': 'audience template',
    destinations: 'destination configuration',
    'destinations/publish': 'publish request',
  };
  const what = noun[m[1]!] ?? m[1]!;
  return m[2] ? `${what} ${m[2]}` : what;
}

export interface ErrorContext {
  status: number;
  code?: string;
  adobeMessage?: string;
  method: string;
  path: string;
  sandbox: string;
  imsOrg: string;
  tokenKind: 'static' | 'ims';
  attempts: number;
  requestId?: string;
}

const quote = (c: ErrorContext) => (c.code || c.adobeMessage ? ` (${[c.code, c.adobeMessage && `"${c.adobeMessage}"`].filter(Boolean).join(' ')})` : '');
const after = (c: ErrorContext) => (c.attempts > 1 ? ` after ${c.attempts} attempts` : '');

/** The typed error for a non-2xx answer, with advice for the usual causes. */
export function apiError(c: ErrorContext): AepError {
  const target = describeTarget(c.path);
  const base = { status: c.status, code: c.code, adobeMessage: c.adobeMessage, method: c.method, path: c.path, requestId: c.requestId, attempts: c.attempts };
  const fix =
    c.tokenKind === 'static'
      ? 'set AEP_ACCESS_TOKEN to a fresh token, or set AEP_CLIENT_ID and AEP_CLIENT_SECRET so pindest fetches one'
      : 'check AEP_CLIENT_ID and AEP_CLIENT_SECRET against your Adobe Developer Console project';
  const gateway: Record<string, () => AepError> = {
    '401013': () => new AepError({ ...base, reason: 'bad-credentials', message: `AEP refused the access token${quote(c)}: it is wrong or has expired; ${fix}.` }),
    '403010': () => new AepError({ ...base, reason: 'bad-credentials', message: `AEP received no access token${quote(c)}: ${fix}.` }),
    '403000': () => new AepError({ ...base, reason: 'bad-credentials', message: `AEP received no API key${quote(c)}: set AEP_API_KEY (or AEP_CLIENT_ID, its default).` }),
    '403003': () => new AepError({ ...base, reason: 'bad-credentials', message: `AEP refused the API key${quote(c)}: AEP_API_KEY must be the client ID of the project that issued the token.` }),
    '400003': () => new AepError({ ...base, reason: 'bad-credentials', message: `AEP received no organisation header${quote(c)}: set AEP_IMS_ORG (it ends with @AdobeOrg).` }),
    '403025': () =>
      new AepError({ ...base, reason: 'bad-credentials', message: `AEP says this credential may not act for organisation ${c.imsOrg}${quote(c)}: check AEP_IMS_ORG, and that the project has the Experience Platform API.` }),
  };
  if (c.code && gateway[c.code]) return gateway[c.code]!();
  if (c.status === 401) return new AepError({ ...base, reason: 'bad-credentials', message: `AEP refused the credentials (401)${quote(c)}: ${fix}.` });
  if (c.status === 403) {
    if (/sandbox/i.test(c.adobeMessage ?? ''))
      return new AepError({
        ...base,
        reason: 'unknown-sandbox',
        message: `AEP refused sandbox "${c.sandbox}" (403)${quote(c)}: it does not exist in organisation ${c.imsOrg} or this credential has no access to it; check AEP_SANDBOX (sandbox names are lower-case, e.g. prod).`,
      });
    return new AepError({
      ...base,
      reason: 'forbidden',
      message: `AEP refused access to the ${target} in sandbox "${c.sandbox}" (403)${quote(c)}: the credential needs the Destination Authoring permission in that sandbox.`,
    });
  }
  if (c.status === 404)
    return new AepError({
      ...base,
      reason: 'not-found',
      message: `AEP has no ${target} in sandbox "${c.sandbox}" (404): it was deleted or belongs to another sandbox; pull again, or drop its instanceId so the next deploy creates it.`,
    });
  if (c.status === 409 || c.status === 412)
    return new AepError({ ...base, reason: 'conflict', message: `The ${target} changed in AEP since you last read it (${c.status})${quote(c)}: pull, review the changes, then deploy again.` });
  if (c.status === 429)
    return new AepError({ ...base, reason: 'rate-limited', message: `AEP is limiting the rate of these calls (429)${after(c)}: wait a minute, then run again.` });
  if (c.status >= 500)
    return new AepError({ ...base, reason: 'server-error', message: `AEP answered ${c.status}${after(c)} to ${c.method} ${target}${quote(c)}: Adobe's service is failing; run again later.` });
  return new AepError({ ...base, reason: 'bad-request', message: `AEP rejected ${c.method} ${target} (${c.status})${quote(c)}: fix the request, then run again.` });
}
