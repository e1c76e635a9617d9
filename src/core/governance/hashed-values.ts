/**
 * PD505: sample profiles whose "hashed" namespaces hold values that are not SHA-256 digests —
 * above all plain text (an email in `Email_LC_SHA256`, a phone number in `Phone_SHA256`).
 *
 * Why it is a governance check and not only a mapping error: AEP never hashes a namespace it
 * believes is already hashed, so plain text there leaves AEP as is — raw PII sent to a partner
 * that was promised hashes. Why a pure function over parsed profiles: rules are synchronous and
 * see only the project's JSON files, while profiles live on disk and may be streamed; the
 * preview/push pipeline, which reads them anyway, calls this. Messages never contain the value.
 */
import { findNamespace, prepareIdentity } from '../identity';
import type { SourceProfile } from '../profiles';
import { fill, msg } from '../report/l10n';

// Stored English (the preview's problems); the extension shows them translated (translateText).
const PLAIN_TEXT_MESSAGE_LINE = msg('{0} in profile {1} (line {2}) of {3} holds plain text in the hashed namespace `{4}`; AEP does not hash it again, so the raw value would be exported. Hash it at ingestion (SHA-256 of the trimmed, lowercased value) or move it to the plain namespace.');
const PLAIN_TEXT_MESSAGE = msg('{0} in profile {1} of {2} holds plain text in the hashed namespace `{3}`; AEP does not hash it again, so the raw value would be exported. Hash it at ingestion (SHA-256 of the trimmed, lowercased value) or move it to the plain namespace.');

export interface HashedValueProblem {
  code: 'PD505';
  /** `error` for plain text (a privacy leak), `warning` for other non-digests (rejected downstream anyway). */
  severity: 'error' | 'warning';
  /** Plain text (email or phone) rather than some other non-digest. */
  plainText: boolean;
  reason: string;
  namespace: string;
  /** `identityMap.Email_LC_SHA256[0].id` — a path, never the value. */
  path: string;
  file: string;
  /** 0-based position of the profile in its file; `line` is 1-based when known. */
  index: number;
  line?: number;
  message: string;
}

const PLAIN_TEXT = new Set(['plain-email-in-hashed-namespace', 'plain-phone-in-hashed-namespace']);

export function hashedValueProblems(profiles: Iterable<SourceProfile>): HashedValueProblem[] {
  const out: HashedValueProblem[] = [];
  for (const profile of profiles) {
    for (const [namespace, ids] of Object.entries(profile.identityMap)) {
      if (!findNamespace(namespace)?.hashed) continue;
      ids.forEach((entry, i) => {
        if (typeof entry?.id !== 'string' || entry.id.trim() === '') return;
        const r = prepareIdentity(namespace, entry.id, { applyTransformation: false });
        if (r.ok) return;
        const plainText = PLAIN_TEXT.has(r.reason);
        const path = `identityMap.${namespace}[${i}].id`;
        const where = `profile ${profile.origin.index + 1}${profile.origin.line ? ` (line ${profile.origin.line})` : ''} of ${profile.origin.file}`;
        out.push({
          code: 'PD505',
          severity: plainText ? 'error' : 'warning',
          plainText,
          reason: r.reason,
          namespace,
          path,
          file: profile.origin.file,
          index: profile.origin.index,
          ...(profile.origin.line ? { line: profile.origin.line } : {}),
          message: plainText
            ? profile.origin.line
              ? fill(PLAIN_TEXT_MESSAGE_LINE, [path, profile.origin.index + 1, profile.origin.line, profile.origin.file, namespace])
              : fill(PLAIN_TEXT_MESSAGE, [path, profile.origin.index + 1, profile.origin.file, namespace])
            : `${path} in ${where}: ${r.message}`,
        });
      });
    }
  }
  return out;
}
