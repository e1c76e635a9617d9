/**
 * Stable reason codes for every identity value the pipeline refuses or flags, with the one
 * sentence a person reads.
 *
 * Why a table: the preview, the report formatters and the tests key on the code; people read the
 * message. Messages are fixed text (plus the namespace code where useful), so they can never carry
 * the raw identifier into a log, a report or the UI.
 */

import { fill, msg } from '../report/l10n';

export type RejectReason =
  | 'empty'
  | 'unknown-namespace'
  | 'invalid-email'
  | 'uppercase-hex'
  | 'md5-not-sha256'
  | 'sha1-not-sha256'
  | 'plain-email-in-hashed-namespace'
  | 'plain-phone-in-hashed-namespace'
  | 'not-sha256-hex'
  | 'invalid-device-id'
  | 'zeroed-device-id'
  | 'device-id-must-be-hashed'
  | 'invalid-phone-e164'
  | 'invalid-phone'
  | 'phone-leading-zero'
  | 'hashed-value-in-plain-namespace'
  | 'invalid-identifier';

export type WarningReason =
  | 'whitespace-trimmed'
  | 'transformation-ignored-already-hashed'
  | 'pre-hashed-device-id'
  | 'not-accepted-by-pinterest';

export interface IdentityWarning {
  reason: WarningReason;
  message: string;
}

const REJECT_MESSAGES: Record<RejectReason, string> = {
  empty: msg('The {0} value is empty or only whitespace, so nothing can be sent for it.'),
  'unknown-namespace': msg("'{0}' is not an identity namespace this destination knows (codes are case-sensitive)."),
  'invalid-email': msg('The Email value is not a plausible address (it needs exactly one @, a local part, a domain with a dot, and no spaces).'),
  'uppercase-hex': msg('The {0} value is a SHA-256 digest in upper-case hex; AEP and Pinterest require lowercase hex, so lowercase it at ingestion.'),
  'md5-not-sha256': msg('The {0} value is 32 hex characters (an MD5 digest); this namespace requires a 64-character SHA-256 digest.'),
  'sha1-not-sha256': msg('The {0} value is 40 hex characters (a SHA-1 digest); this namespace requires a 64-character SHA-256 digest.'),
  'plain-email-in-hashed-namespace': msg('The {0} value is a plain email address, but this namespace holds SHA-256 digests; ingest it as Email or hash it (trim, lowercase, SHA-256) first.'),
  'plain-phone-in-hashed-namespace': msg('The {0} value is a plain phone number, but this namespace holds SHA-256 digests; ingest it in a plain phone namespace or hash it first.'),
  'not-sha256-hex': msg('The {0} value is not a SHA-256 digest (64 lowercase hex characters).'),
  'invalid-device-id': msg('The {0} value is not a device advertising ID (a UUID like 8-4-4-4-12 hex) nor its SHA-256 digest.'),
  'zeroed-device-id': msg('The {0} value is the all-zero ID a device reports when the user limits ad tracking, so it identifies nobody.'),
  'device-id-must-be-hashed': msg('Pinterest accepts {0} values only hashed; map {0} with Apply transformation (sha256(lower($))) enabled.'),
  'invalid-phone-e164': msg('The {0} value is not in E.164 form (+, country code, then 7 to 15 digits in all, no spaces or symbols).'),
  'invalid-phone': msg('The {0} value is not a phone number (after removing spaces and symbols it must be 7 to 15 digits with the country code, no letters).'),
  'phone-leading-zero': msg('The {0} value starts with 0 after removing symbols, so it lacks a country code; write it with the country code and no leading zero.'),
  'hashed-value-in-plain-namespace': msg('The {0} value is already a SHA-256 digest, but this namespace holds plain values; ingest it in the matching SHA256 namespace instead.'),
  'invalid-identifier': msg('The {0} value is not a usable identifier (it must be text without whitespace inside it).'),
};

const UNRECOGNISED = msg('(unrecognised namespace)');

const WARNING_MESSAGES: Record<WarningReason, string> = {
  'whitespace-trimmed': msg('The {0} value had surrounding whitespace, which was removed before use.'),
  'transformation-ignored-already-hashed': msg('The {0} value is already a SHA-256 digest, so Apply transformation was not applied again (a hash is never hashed twice).'),
  'pre-hashed-device-id': msg('The {0} value is already a SHA-256 digest and is sent as is; make sure it was hashed from the lowercase UUID.'),
  'not-accepted-by-pinterest': msg("Pinterest's customer-list destination does not accept {0}; map Email, Email_LC_SHA256, GAID or IDFA instead."),
};

export function rejectMessage(reason: RejectReason, namespace: string): string {
  return fill(REJECT_MESSAGES[reason], [safeNamespace(namespace)]);
}

export function warning(reason: WarningReason, namespace: string): IdentityWarning {
  return { reason, message: fill(WARNING_MESSAGES[reason], [safeNamespace(namespace)]) };
}

/** Every reject reason, for documentation and exhaustive tests. */
export const REJECT_REASONS = Object.keys(REJECT_MESSAGES) as RejectReason[];
export const WARNING_REASONS = Object.keys(WARNING_MESSAGES) as WarningReason[];

/**
 * A namespace code is not personal data, but an unknown "namespace" could be anything a caller
 * passed (even an identifier given in the wrong argument). Only echo something shaped like a
 * namespace symbol: a letter, then up to 39 letters, digits, '_' or '.', and not a run of hex.
 */
function safeNamespace(namespace: string): string {
  if (/^[A-Za-z][A-Za-z0-9_.]{0,39}$/.test(namespace) && !/^[0-9a-fA-F]{16,}$/.test(namespace)) return namespace;
  return UNRECOGNISED;
}
