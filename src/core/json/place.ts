/** Turns findings (pointers) into diagnostics (ranges) on a document. */
import type { Diagnostic, Finding } from '../diagnostics';
import type { JsonDocument } from './document';
import { parsePointer, formatPointer } from './pointer';
import { decodedToRawOffsets } from './string-offsets';

export function place(doc: JsonDocument, finding: Finding): Diagnostic {
  // A missing node is reported at its nearest existing ancestor.
  let segments = parsePointer(finding.pointer);
  let span = doc.locate(finding.pointer);
  let exact = true;
  while (!span && segments.length > 0) {
    segments = segments.slice(0, -1);
    span = doc.locate(formatPointer(segments));
    exact = false;
  }
  if (!span) return { ...finding, range: doc.range(0, 0) };

  const { text } = doc;
  if (exact && finding.inner && text.charCodeAt(span.valueStart) === 34) {
    const raw = decodedToRawOffsets(text, span.valueStart);
    const last = raw.length - 1;
    const from = raw[Math.min(finding.inner.offset, last)]!;
    const to = raw[Math.min(finding.inner.offset + Math.max(finding.inner.length, 1), last)]!;
    return { ...finding, range: doc.range(from, Math.max(to, from + 1)) };
  }
  if (finding.at === 'key' && span.keyStart !== undefined) {
    return { ...finding, range: doc.range(span.keyStart, span.keyEnd!) };
  }
  const opener = text.charCodeAt(span.valueStart);
  if (opener === 123 || opener === 91) {
    // A whole object or array would underline half the file: mark its key, or its first bracket.
    return span.keyStart !== undefined
      ? { ...finding, range: doc.range(span.keyStart, span.keyEnd!) }
      : { ...finding, range: doc.range(span.valueStart, span.valueStart + 1) };
  }
  return { ...finding, range: doc.range(span.valueStart, span.valueEnd) };
}
