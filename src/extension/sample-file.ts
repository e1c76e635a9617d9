/**
 * Where "Generate Sample Profiles…" writes: next to the activation, a name that does not replace
 * anything already there. Pure (no `vscode`), so it is tested directly.
 */
import { join } from 'node:path';

/** `sample-profiles.jsonl`, else `sample-profiles-2.jsonl`, `-3`… in `folder`. */
export function freshSampleFile(folder: string, exists: (path: string) => boolean): string {
  for (let n = 1; ; n++) {
    const path = join(folder, n === 1 ? 'sample-profiles.jsonl' : `sample-profiles-${n}.jsonl`);
    if (!exists(path)) return path;
  }
}

/** The count typed in the input box (`10000`, `10,000`, `10 000`), or undefined when it is not one. */
export function parseCount(text: string): number | undefined {
  const digits = text.trim().replace(/[_,\s]/g, '');
  const n = Number(digits);
  return /^\d+$/.test(digits) && Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}
