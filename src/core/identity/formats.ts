/**
 * The shapes identity values can take, as small predicates.
 *
 * Why separate: validation (prepare), masking and the hashing fast paths all need to answer "is
 * this a SHA-256 hex digest / a UUID / a plausible email?" the same way; one definition each keeps
 * a value from being accepted by one part and masked as something else by another.
 */

/** A SHA-256 digest as AEP and Pinterest want it: exactly 64 lowercase hex characters. */
export const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Any-case hex of a given length, to tell upper-case SHA-256, MD5 (32) and SHA-1 (40) apart. */
export const HEX_64_ANY_CASE = /^[0-9a-fA-F]{64}$/;
export const HEX_40_ANY_CASE = /^[0-9a-fA-F]{40}$/;
export const HEX_32_ANY_CASE = /^[0-9a-fA-F]{32}$/;
/** Canonical UUID text, 8-4-4-4-12 hex with hyphens, either case (GAID lower, IDFA upper). */
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** The all-zero UUID a device reports when the user limits ad tracking. */
export const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
/** E.164: '+', a non-zero country digit, 7 to 15 digits in all (ITU-T E.164 max is 15). */
export const E164 = /^\+[1-9]\d{6,14}$/;
/** Any whitespace, including tabs and non-breaking spaces (what String#trim strips). */
const WHITESPACE = /[\s\uFEFF]/;

/**
 * Trim as the ingestion rules require: String#trim, i.e. Unicode White_Space (space, tab, CR, LF,
 * NBSP, the U+2000 range, ...) plus U+FEFF (a stray byte-order mark from a spreadsheet export).
 */
export function trimIdentity(raw: string): string {
  return raw.trim();
}

/**
 * A plausible email, not an RFC 5322 parser: Pinterest and AEP only need "looks like an address".
 * Exactly one '@'; a non-empty local part; a domain with at least one dot and no empty label (so
 * no leading, trailing or doubled dot); no whitespace anywhere; at most 254 characters (RFC 5321
 * path limit). Non-ASCII letters are allowed (internationalised addresses exist). Expects a
 * trimmed value.
 */
export function isPlausibleEmail(value: string): boolean {
  if (value.length > 254 || WHITESPACE.test(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0 || at !== value.lastIndexOf('@')) return false;
  // The domain has at least two labels, none empty: a dot, not first, not last, never doubled.
  // (Checked in place: this runs once per identity, so no split and no intermediate strings.)
  const first = at + 1;
  if (value.indexOf('.', first) < 0 || value.charCodeAt(first) === 46 || value.charCodeAt(value.length - 1) === 46) return false;
  return value.indexOf('..', first) < 0;
}

/** True when the value has whitespace inside it (after trimming it would still have some). */
export function hasInnerWhitespace(value: string): boolean {
  return WHITESPACE.test(value);
}
