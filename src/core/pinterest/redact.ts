// Redaction for everything the client shows people: headers in reports, paths in events, and any
// text that came from the server or the network stack before it enters an error message.
// Why here and not at display time: the client is the only layer that knows the token and the
// request body, so it guarantees that neither leaves it, whatever a front end does with errors.

export const MASK = '••••';

const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-access-token']);

type HeaderInput = Headers | Record<string, string | string[] | number | undefined> | Iterable<[string, string]>;

/**
 * Headers safe to print: `Authorization: Bearer ••••` (the scheme stays, nothing of the
 * credential, not even its last characters), other credential headers `••••`; names lower-cased.
 */
export function redactHeaders(headers: HeaderInput | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const entries: Iterable<[string, unknown]> =
    Symbol.iterator in headers ? (headers as Iterable<[string, string]>) : Object.entries(headers as Record<string, unknown>);
  for (const [rawName, value] of entries) {
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    const text = Array.isArray(value) ? value.join(', ') : String(value);
    if (name === 'authorization' || name === 'proxy-authorization') {
      const scheme = /^\s*([A-Za-z][A-Za-z0-9-]*)\s+\S/.exec(text)?.[1];
      out[name] = scheme ? `${scheme} ${MASK}` : MASK;
    } else if (SECRET_HEADERS.has(name)) {
      out[name] = MASK;
    } else {
      out[name] = text;
    }
  }
  return out;
}

/** The path of a URL for logs: ids kept (they are what a person needs to find the call), query dropped. */
export function redactPath(url: string | URL): string {
  try {
    return new URL(String(url)).pathname;
  } catch {
    return String(url).split(/[?#]/)[0] ?? '';
  }
}

/**
 * Every Pinterest token: `pin`, one letter and `.` or `_`. Refresh tokens start `pinr.` (Pinterest
 * OpenAPI v5, TokenRevocationRequest example), access tokens `pina`, client-credentials tokens
 * `pinc`; matching any letter covers a prefix Pinterest adds later rather than leaking it.
 */
export const PINTEREST_TOKEN = /\bpin[a-z][._][A-Za-z0-9._~+/=-]+/g;

// The one rule set for credentials and personal identifiers in free text: the client's error
// messages and the extension's log both apply it, so neither can miss a shape the other masks.
const RULES: Array<[RegExp, string]> = [
  [/\b(Bearer|Basic)\s+[^\s"',;]+/gi, `$1 ${MASK}`],
  [PINTEREST_TOKEN, MASK],
  // "access_token": "…", refresh_token=…, client_secret: … in bodies, URLs and messages
  [/(["']?(?:access_token|refresh_token|accessToken|refreshToken|client_secret|clientSecret|token|code_verifier|password|authorization)["']?\s*[:=]\s*["']?)(?!Bearer\b|Basic\b|••••)[^"'\s&,}]+/gi, `$1${MASK}`],
  // Each part stops at the next `@`, and a match starts only after a separator or an `@`: so each
  // stretch of text is read a bounded number of times. The unanchored form backtracked for minutes
  // on a long message such as "a@a@a@…" (10,000 characters: 90 s), in the client and in the log.
  [/(?<![^\s"',;:<>()[\]{}@])[^\s"',;:<>()[\]{}@]+@[^\s"',;:<>()[\]{}@]+\.[A-Za-z]{2,}/g, '[email]'],
  [/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '[device id]'],
  [/\b[0-9a-fA-F]{32,}\b/g, '[hash]'],
];

/** Credentials and identifiers masked; everything else (line breaks included) kept. */
export function redactText(text: string): string {
  let s = text;
  for (const [re, replacement] of RULES) s = s.replace(re, replacement);
  return s;
}

/**
 * Text from outside (a server message, an exception from the network stack) made safe for an
 * error message: known secrets removed, anything shaped like an email, device id, digest or token
 * masked, control characters dropped, length bounded.
 */
export function scrubText(text: string, secrets: readonly string[] = [], maxLength = 300): string {
  let s = text;
  for (const secret of secrets) if (secret && secret.length >= 4) s = s.split(secret).join(MASK);
  s = redactText(s).replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return s.length > maxLength ? `${s.slice(0, maxLength - 1)}…` : s;
}
