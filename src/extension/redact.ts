/**
 * Redaction for everything that reaches the log channel (ours and the language server's). Pure.
 * Tokens, authorization headers, e-mail addresses, device ids (UUID-shaped) and long digit runs
 * (ad account ids, phone numbers) never reach the log; SHA-256 hashes are shortened (they are what
 * Pinterest receives, but a full hash is still a stable identifier).
 */
const RULES: [RegExp, (m: string, ...g: string[]) => string][] = [
  // Authorization: Bearer pina_..., Basic base64
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, (_m, kind) => `${kind} ***`],
  // Pinterest tokens (pina_, pinr_, pinc_ ...) and any *token*/secret/code key=value or "key": "value"
  [/\bpin[a-z]_[A-Za-z0-9._-]+/g, () => 'pin*_***'],
  [/(["']?(?:access_token|refresh_token|accessToken|refreshToken|client_secret|clientSecret|token|password|authorization)["']?\s*[:=]\s*["']?)([^"'\s&,}]+)/gi, (_m, k) => `${k}***`],
  // e-mail addresses
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, () => '<email>'],
  // device ids (GAID/IDFA) and other UUIDs
  [/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, () => '<uuid>'],
  // sha-256 hex: keep a short prefix
  [/\b([0-9a-f]{8})[0-9a-f]{56}\b/gi, (_m, p) => `${p}…`],
  // long digit runs: ad account ids, user ids, phone numbers
  [/\b(\d{2})\d{5,}(\d{2})\b/g, (_m, a, b) => `${a}…${b}`],
];

export function redact(text: string): string {
  let out = text;
  for (const [re, f] of RULES) out = out.replace(re, f as (m: string) => string);
  return out;
}

/** Masks an identifier for display in the log: the last four characters only. */
export function maskId(id: string | undefined): string {
  if (!id) return '(none)';
  return id.length <= 4 ? '****' : '…' + id.slice(-4);
}
