/**
 * What one source identity value becomes on its way to Pinterest's `records`: normalised,
 * validated, hashed or rejected with a stable reason.
 *
 * Why here and pure: the preview, the test activation and the tests must agree on every value, so
 * the rules live in one function with no I/O. `value` in a success is byte for byte what the
 * request would carry; a rejection never carries the raw value, only a reason code and a fixed
 * sentence (see reasons.ts).
 *
 * Rules (Adobe identity-namespace-configuration.md `sha256(lower($))`, the hashing requirements of
 * Adobe's catalog pages such as catalog/social/facebook.md, Pinterest OpenAPI v5 `CustomerListRequest.records`):
 * - every value is trimmed first (Adobe's ingestion rule); an empty result is `empty`;
 * - a value that is already a 64-lowercase-hex SHA-256 digest is never hashed again, even when
 *   Apply transformation is on (a warning says it was skipped);
 * - Email: lowercase, must be a plausible address; hashed with the transformation, else sent as
 *   the plain lowercase address (Pinterest accepts lowercase plain emails);
 * - Email_LC_SHA256 / Phone_SHA256 / Phone_SHA256_E.164: must already be 64 lowercase hex;
 * - GAID / IDFA: a UUID, lowercased; Pinterest takes device IDs only hashed, so the transformation
 *   is required; the all-zero (limit ad tracking) ID is refused; a 64-lowercase-hex value is taken
 *   as already hashed;
 * - Phone_E.164: `^\+[1-9]\d{6,14}$`, hashed as is with the transformation (AEP's Phone_SHA256_E.164
 *   form); Phone: symbols removed, then digits only, no leading zero, 7 to 15 digits, hashed as
 *   digits with the transformation (the Phone_SHA256 form);
 * - namespaces Pinterest does not take (phones, ECID) are still normalised, with a warning, so the
 *   preview can show what AEP would produce and why Pinterest would not get it.
 */
import { findNamespace, suggestNamespace } from './namespaces';
import type { NamespaceInfo } from './namespaces';
import {
  E164,
  HEX_32_ANY_CASE,
  HEX_40_ANY_CASE,
  HEX_64_ANY_CASE,
  SHA256_HEX,
  UUID,
  ZERO_UUID,
  hasInnerWhitespace,
  isPlausibleEmail,
  trimIdentity,
} from './formats';
import { sha256Hex } from './hash';
import { rejectMessage, warning } from './reasons';
import type { IdentityWarning, RejectReason, WarningReason } from './reasons';

export interface PrepareOptions {
  /** The mapping's Apply transformation flag: hash with `sha256(lower($))`. */
  applyTransformation: boolean;
}

export interface PreparedIdentity {
  ok: true;
  /** Exactly what would be written into Pinterest's `records`. */
  value: string;
  /** The value is a SHA-256 digest (hashed here or already hashed at ingestion). */
  hashed: boolean;
  /** The transformation was applied here (so `value` is a hash this code computed). */
  transformed: boolean;
  warnings?: IdentityWarning[];
}

export interface RejectedIdentity {
  ok: false;
  reason: RejectReason;
  /** One sentence for people; never contains the raw value. */
  message: string;
}

export type PrepareResult = PreparedIdentity | RejectedIdentity;

/** Symbols a written phone number may carry: spaces, '+', '-', '(', ')', '.', '/'. */
const PHONE_SYMBOLS = /[\s+\-()./]/g;

export function prepareIdentity(namespace: string, raw: string, options: PrepareOptions): PrepareResult {
  const info = findNamespace(namespace);
  if (!info) {
    const suggestion = suggestNamespace(namespace);
    const message = rejectMessage('unknown-namespace', namespace);
    return {
      ok: false,
      reason: 'unknown-namespace',
      message: suggestion ? `${message.slice(0, -1)}; did you mean '${suggestion.code}'?` : message,
    };
  }
  const warnings: WarningReason[] = [];
  const result = prepareWithReasons(info, raw, options.applyTransformation, warnings);
  if (result.ok && warnings.length > 0) result.warnings = warnings.map((w) => warning(w, info.code));
  return result;
}

/**
 * `prepareIdentity` for bulk callers that resolved the namespace once and only count warnings:
 * the same rules, warning reasons pushed onto `warnings` (the caller empties it) instead of
 * objects with sentences built per value. `result.warnings` is never set here.
 */
/** Hashes a transformed value: `sha256Hex`, or, for a caller that only compares values (a large preview's counted profiles), the identity function, so `value` is the pre-image and `transformed` says so. */
export type Hasher = (preimage: string) => string;

export function prepareWithReasons(info: NamespaceInfo, raw: string, apply: boolean, warnings: WarningReason[], hash: Hasher = sha256Hex): PrepareResult {
  if (typeof raw !== 'string') return reject('invalid-identifier', info);
  const value = trimIdentity(raw);
  if (value === '') return reject('empty', info);

  if (value !== raw) warnings.push('whitespace-trimmed');
  const result = prepareByNamespace(info, value, apply, warnings, hash);
  if (!result.ok) return result;
  if (info.pinterestListType === null) warnings.push('not-accepted-by-pinterest');
  return result;
}

function prepareByNamespace(
  info: NamespaceInfo,
  value: string,
  apply: boolean,
  warnings: WarningReason[],
  hash: Hasher,
): PrepareResult {
  switch (info.code) {
    case 'Email':
      return prepareEmail(info, value, apply, hash);
    case 'Email_LC_SHA256':
    case 'Phone_SHA256':
    case 'Phone_SHA256_E.164':
      return prepareHashed(info, value, apply, warnings);
    case 'GAID':
    case 'IDFA':
      return prepareDeviceId(info, value, apply, warnings, hash);
    case 'Phone_E.164':
      return preparePhoneE164(info, value, apply, hash);
    case 'Phone':
      return preparePhone(info, value, apply, hash);
    default:
      return prepareOther(info, value, apply, hash);
  }
}

function prepareEmail(info: NamespaceInfo, value: string, apply: boolean, hash: Hasher): PrepareResult {
  if (HEX_64_ANY_CASE.test(value)) return reject('hashed-value-in-plain-namespace', info);
  const email = value.toLowerCase();
  if (!isPlausibleEmail(email)) return reject('invalid-email', info);
  return apply ? hashed(hash(email)) : plain(email);
}

function prepareHashed(info: NamespaceInfo, value: string, apply: boolean, warnings: WarningReason[]): PrepareResult {
  if (SHA256_HEX.test(value)) {
    if (apply) warnings.push('transformation-ignored-already-hashed');
    return { ok: true, value, hashed: true, transformed: false };
  }
  if (HEX_64_ANY_CASE.test(value)) return reject('uppercase-hex', info);
  if (HEX_32_ANY_CASE.test(value)) return reject('md5-not-sha256', info);
  if (HEX_40_ANY_CASE.test(value)) return reject('sha1-not-sha256', info);
  if (info.kind === 'email' && isPlausibleEmail(value)) return reject('plain-email-in-hashed-namespace', info);
  if (info.kind === 'phone' && looksLikePhone(value)) return reject('plain-phone-in-hashed-namespace', info);
  return reject('not-sha256-hex', info);
}

function prepareDeviceId(info: NamespaceInfo, value: string, apply: boolean, warnings: WarningReason[], hash: Hasher): PrepareResult {
  if (SHA256_HEX.test(value)) {
    warnings.push('pre-hashed-device-id');
    if (apply) warnings.push('transformation-ignored-already-hashed');
    return { ok: true, value, hashed: true, transformed: false };
  }
  if (HEX_64_ANY_CASE.test(value)) return reject('uppercase-hex', info);
  if (!UUID.test(value)) return reject('invalid-device-id', info);
  const id = value.toLowerCase();
  if (id === ZERO_UUID) return reject('zeroed-device-id', info);
  if (!apply) return reject('device-id-must-be-hashed', info);
  return hashed(hash(id));
}

function preparePhoneE164(info: NamespaceInfo, value: string, apply: boolean, hash: Hasher): PrepareResult {
  if (HEX_64_ANY_CASE.test(value)) return reject('hashed-value-in-plain-namespace', info);
  if (!E164.test(value)) return reject('invalid-phone-e164', info);
  return apply ? hashed(hash(value)) : plain(value);
}

function preparePhone(info: NamespaceInfo, value: string, apply: boolean, hash: Hasher): PrepareResult {
  if (HEX_64_ANY_CASE.test(value)) return reject('hashed-value-in-plain-namespace', info);
  const digits = value.replace(PHONE_SYMBOLS, '');
  if (!/^\d+$/.test(digits)) return reject('invalid-phone', info);
  if (digits.startsWith('0')) return reject('phone-leading-zero', info);
  if (digits.length < 7 || digits.length > 15) return reject('invalid-phone', info);
  return apply ? hashed(hash(digits)) : plain(digits);
}

function prepareOther(info: NamespaceInfo, value: string, apply: boolean, hash: Hasher): PrepareResult {
  if (hasInnerWhitespace(value)) return reject('invalid-identifier', info);
  return apply ? hashed(hash(value.toLowerCase())) : plain(value);
}

/** Digits and phone symbols only, with at least 7 digits: a plain number in a hashed namespace. */
function looksLikePhone(value: string): boolean {
  const digits = value.replace(PHONE_SYMBOLS, '');
  return /^\d{7,15}$/.test(digits);
}

function plain(value: string): PreparedIdentity {
  return { ok: true, value, hashed: false, transformed: false };
}

function hashed(value: string): PreparedIdentity {
  return { ok: true, value, hashed: true, transformed: true };
}

function reject(reason: RejectReason, info: NamespaceInfo): RejectedIdentity {
  return { ok: false, reason, message: rejectMessage(reason, info.code) };
}
