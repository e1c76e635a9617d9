/**
 * The hot loop of `pindest hash`, shared by the main thread and the worker threads: one block of
 * whole lines in, one output line per input line out (the value `prepareIdentity`'s rules give, or an
 * empty line for a rejection), reasons counted. Synchronous on purpose: no promise per line.
 */
import { findNamespace, prepareWithReasons } from '../../core/identity';
import type { NamespaceInfo, RejectReason, WarningReason } from '../../core/identity';
import { hashEmailBlock } from './fast-email';
import { splitLines } from '../../core/text/lines';

export interface HashCounts {
  total: number;
  rejectedTotal: number;
  rejected: Partial<Record<RejectReason, number>>;
  warned: Partial<Record<WarningReason, number>>;
}

export const emptyCounts = (): HashCounts => ({ total: 0, rejectedTotal: 0, rejected: {}, warned: {} });

export function addCounts(into: HashCounts, from: HashCounts): void {
  into.total += from.total;
  into.rejectedTotal += from.rejectedTotal;
  for (const [k, n] of Object.entries(from.rejected) as [RejectReason, number][]) into.rejected[k] = (into.rejected[k] ?? 0) + n;
  for (const [k, n] of Object.entries(from.warned) as [WarningReason, number][]) into.warned[k] = (into.warned[k] ?? 0) + n;
}

/** The output bytes of a block (each line ends with '\n'), counting into `counts`. */
export function hashBlock(block: Uint8Array, namespace: string, applyTransformation: boolean, counts: HashCounts): Uint8Array {
  const pieces: Uint8Array[] = [];
  hashBlockInto(block, namespace, applyTransformation, counts, (bytes) => pieces.push(bytes.slice()));
  if (pieces.length === 1) return pieces[0]!;
  return Buffer.concat(pieces);
}

/**
 * `hashBlock` without copies: the output goes to `emit` in order, in pieces valid only during the
 * call. Email goes through the WebAssembly path of fast-email.ts (same answers, tested against
 * prepareIdentity); the other namespaces, rarely millions of lines, through prepareIdentity's
 * rules line by line.
 */
export function hashBlockInto(
  block: Uint8Array,
  namespace: string,
  applyTransformation: boolean,
  counts: HashCounts,
  emit: (bytes: Uint8Array) => void,
): void {
  const info = findNamespace(namespace);
  if (!info) throw new Error(`unknown namespace ${namespace}`);
  if (info.code === 'Email') return hashEmailBlock(block, info, applyTransformation, counts, answerLine, emit);
  const lines = splitLines(Buffer.from(block.buffer, block.byteOffset, block.byteLength));
  const out = new Array<string>(lines.length);
  const warnings: WarningReason[] = [];
  for (let i = 0; i < lines.length; i++) out[i] = answerLine(info, lines[i]!, applyTransformation, counts, warnings);
  counts.total += lines.length;
  if (lines.length) emit(Buffer.from(out.join('\n') + '\n'));
}

/** One line's answer by prepareIdentity's rules ('' when rejected), reasons and warnings counted (not `total`). */
function answerLine(info: NamespaceInfo, line: string, applyTransformation: boolean, counts: HashCounts, warnings: WarningReason[]): string {
  const result = prepareWithReasons(info, line, applyTransformation, warnings);
  if (result.ok) {
    if (warnings.length) {
      for (const w of warnings) counts.warned[w] = (counts.warned[w] ?? 0) + 1;
      warnings.length = 0;
    }
    return result.value;
  }
  warnings.length = 0;
  counts.rejectedTotal++;
  counts.rejected[result.reason] = (counts.rejected[result.reason] ?? 0) + 1;
  return '';
}
