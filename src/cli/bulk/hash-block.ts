/**
 * The hot loop of `pindest hash`, shared by the main thread and the worker threads: one block of
 * whole lines in, one output line per input line out (the value `prepareIdentity`'s rules give, or an
 * empty line for a rejection), reasons counted. Synchronous on purpose: no promise per line.
 */
import { findNamespace, prepareWithReasons } from '../../core/identity';
import type { RejectReason, WarningReason } from '../../core/identity';
import { splitLines } from './lines';

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

/** The output text of a block (each line ends with '\n'), counting into `counts`. */
export function hashBlock(block: Buffer, namespace: string, applyTransformation: boolean, counts: HashCounts): string {
  const info = findNamespace(namespace);
  if (!info) throw new Error(`unknown namespace ${namespace}`);
  const lines = splitLines(block);
  const out = new Array<string>(lines.length);
  const warnings: WarningReason[] = [];
  for (let i = 0; i < lines.length; i++) {
    const result = prepareWithReasons(info, lines[i]!, applyTransformation, warnings);
    if (result.ok) {
      out[i] = result.value;
      if (warnings.length) {
        for (const w of warnings) counts.warned[w] = (counts.warned[w] ?? 0) + 1;
        warnings.length = 0;
      }
    } else {
      warnings.length = 0;
      out[i] = '';
      counts.rejectedTotal++;
      counts.rejected[result.reason] = (counts.rejected[result.reason] ?? 0) + 1;
    }
  }
  counts.total += lines.length;
  return lines.length ? out.join('\n') + '\n' : '';
}
