// Parses and classifies the `records` string of customer-list create/update. Pinterest's OpenAPI
// (CustomerListRequest.records, CustomerListUpdateRequest.records) says: "Can be any combination of
// emails, MAIDs, or IDFAs. Emails must be lowercase and can be plain text or hashed using SHA1,
// SHA256, or MD5. MAIDs and IDFAs must be hashed with SHA1, SHA256, or MD5." So the kinds may be
// mixed in any list, whatever its `list_type`; only the hashing and case rules decide. Matching in
// the simulator is per person: a plain email and the SHA-256 of the same email are the same member.
// Nothing raw is kept: members are stored as lowercase hex digests only, and records that break the
// description are reported as counts by reason, never echoed (see README "Behaviour choices").
import { createHash } from 'node:crypto';

export type ListType = 'EMAIL' | 'IDFA' | 'MAID' | 'LR_ID' | 'DLX_ID' | 'HASHED_PINNER_ID';

/** Why a record cannot match. Stable strings: they appear in `exceptions.reasons`. */
export type InvalidReason =
  | 'empty' // an empty element other than a trailing one ("a,,b")
  | 'whitespace' // surrounding or embedded whitespace; Pinterest does not document trimming
  | 'uppercase-email' // plain email not in lower case ("Emails must be lowercase")
  | 'raw-device-id' // unhashed GAID/IDFA UUID ("MAIDs and IDFAs must be hashed")
  | 'unrecognised'; // neither an email, a hex digest, nor (in LR_ID/DLX_ID lists) a partner id

export interface RecordBatch {
  /** Records sent: every element except one trailing empty element. Counters grow by this. */
  sent: number;
  /** Member keys of the valid records (lowercase hex), in order, duplicates kept. */
  validKeys: string[];
  invalid: number;
  reasons: Partial<Record<InvalidReason, number>>;
}

const HEX_DIGEST = /^(?:[0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64})$/;
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const EMAIL = /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/;
const OPAQUE_PARTNER_ID = /^[\x21-\x7e]+$/;

const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Classifies one element; returns the member key or the reason it cannot match. */
export function classify(value: string, listType: ListType): { key: string } | { reason: InvalidReason } {
  if (value === '') return { reason: 'empty' };
  if (/\s/.test(value)) return { reason: 'whitespace' };
  // A hashed email, MAID or IDFA (MD5, SHA1, SHA256), in any list. Hex case is not specified by
  // Pinterest; both are accepted and compared in lower case.
  if (HEX_DIGEST.test(value)) return { key: value.toLowerCase() };
  // A plain email, in any list ("any combination of emails, MAIDs, or IDFAs").
  if (EMAIL.test(value)) return value === value.toLowerCase() ? { key: sha256(value) } : { reason: 'uppercase-email' };
  // A raw GAID/IDFA, in any list: the description requires MAIDs and IDFAs to be hashed.
  if (UUID.test(value)) return { reason: 'raw-device-id' };
  // Partner identifiers (RampID, DLX): the spec names the list types but not the value format, so
  // a printable token is taken as one (a choice, see README).
  if ((listType === 'LR_ID' || listType === 'DLX_ID') && OPAQUE_PARTNER_ID.test(value)) return { key: sha256(`${listType}:${value}`) };
  return { reason: 'unrecognised' };
}

export function parseRecords(records: string, listType: ListType): RecordBatch {
  const parts = records.split(',');
  // "email2@pinterest.com,email6@pinterest.com," (the spec's own example): one trailing empty
  // element is a separator artefact, not a record. An empty string is zero records.
  if (parts[parts.length - 1] === '') parts.pop();
  const batch: RecordBatch = { sent: parts.length, validKeys: [], invalid: 0, reasons: {} };
  for (const part of parts) {
    const result = classify(part, listType);
    if ('key' in result) batch.validKeys.push(result.key);
    else {
      batch.invalid += 1;
      batch.reasons[result.reason] = (batch.reasons[result.reason] ?? 0) + 1;
    }
  }
  return batch;
}
