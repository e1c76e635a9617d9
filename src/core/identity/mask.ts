/**
 * Masked forms of identity values, for reports, logs and the preview.
 *
 * Why: the architecture's rule is that nothing writes a raw email or device ID anywhere. A masked
 * form still lets a person tell rows apart and spot the obvious (a wrong domain, an all-zero ID).
 *
 * Exact masking (decided by the value's shape first, the namespace second; input is trimmed first):
 * - empty or whitespace-only            → `(empty)`
 * - 64 hex (a SHA-256 digest, any case) → first 8 hex, lowercased, then `…`   e.g. `973dfe46…`
 *   (a digest is not reversible; 8 characters are enough to match it in the simulator's log)
 * - UUID 8-4-4-4-12 (GAID, IDFA)        → first 4 and last 4 hex, lowercased   e.g. `cdda…c912`
 *   (8 of 32 hex digits; the middle 24, including every hyphenated group, are hidden)
 * - 32 or 40 hex (MD5/SHA-1, or a UUID without hyphens) → first 4 then `…`
 * - email (namespace kind email, or any value with '@') → first character of the local part,
 *   `•••@`, first character of the domain, `•••`, then `.` and the top-level domain when it is 2
 *   to 4 ASCII letters (else `•••`)                                            e.g. `j•••@e•••.com`
 * - phone namespace                     → `+` when present, `•••`, last 2 digits  e.g. `+•••00`
 * - anything else                       → first character then `•••`
 * The `•••` never reflects the hidden length. At most 6 characters of a raw email, 8 hex digits of
 * a raw device ID and 2 digits of a phone number are shown. "First character" is a whole code
 * point (never half a surrogate pair).
 */
import { findNamespace } from './namespaces';
import { HEX_32_ANY_CASE, HEX_40_ANY_CASE, HEX_64_ANY_CASE, UUID, trimIdentity } from './formats';

const DOTS = '•••';

export function maskIdentity(namespace: string, raw: string): string {
  const value = trimIdentity(typeof raw === 'string' ? raw : String(raw ?? ''));
  if (value === '') return '(empty)';
  if (HEX_64_ANY_CASE.test(value)) return `${value.slice(0, 8).toLowerCase()}…`;
  if (UUID.test(value)) return `${value.slice(0, 4).toLowerCase()}…${value.slice(-4).toLowerCase()}`;
  if (HEX_32_ANY_CASE.test(value) || HEX_40_ANY_CASE.test(value)) return `${value.slice(0, 4).toLowerCase()}…`;
  const kind = findNamespace(namespace)?.kind;
  if (kind === 'email' || value.includes('@')) return maskEmail(value);
  if (kind === 'phone') return maskPhone(value);
  return `${firstCodePoint(value)}${DOTS}`;
}

function maskEmail(value: string): string {
  const lower = value.toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at < 0) return `${firstCodePoint(lower)}${DOTS}`;
  const local = lower.slice(0, at);
  const domain = lower.slice(at + 1);
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot + 1) : '';
  const shownTld = /^[a-z]{2,4}$/.test(tld) ? tld : DOTS;
  const domainPart = dot > 0 ? `${firstCodePoint(domain)}${DOTS}.${shownTld}` : `${firstCodePoint(domain)}${DOTS}`;
  return `${firstCodePoint(local)}${DOTS}@${domainPart}`;
}

function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  const plus = value.startsWith('+') ? '+' : '';
  return `${plus}${DOTS}${digits.length >= 7 ? digits.slice(-2) : ''}`;
}

function firstCodePoint(value: string): string {
  const cp = value.codePointAt(0);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}
