/** "Did you mean" and lists of names for messages. */
import { en, type Arg } from '../report/l10n';

/**
 * The one "did you mean" of the product: rule keys and values, template filters, functions, tests
 * and tags, identity namespaces. The closest candidate, in this order: the same name in another
 * case; the same name without separators (`_ . - ` and spaces); the only candidate the name begins
 * (4 letters or more: `pinterest` for `pinterest_audience`); else the nearest by optimal string
 * alignment distance (an edit, or a swap of two neighbours, `fro` -> `for`, counts one) within
 * one edit per three letters, at most three (names under three letters: none).
 *
 * Why our own: no maintained edit-distance package is among the dependencies, and the names are
 * short and few (a full table per candidate costs microseconds). Why that threshold: measured over
 * every candidate list (filters, functions, tests, tags, namespaces, the schemas' keys) with all
 * one-edit typos, two-edit typos and the other lists' names as unrelated input, it finds 98.7% of
 * one-edit and 90.4% of two-edit typos and suggests something for 0.8% of unrelated names. Allowing
 * one edit to 1–2 letter names finds 99.2% but guesses among short codes (`X1` -> `C1` among the
 * data usage labels); no maximum raises unrelated suggestions to 1.0%; one edit per four letters
 * drops two-edit recall to 85.3%.
 */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  const lower = value.trim().toLowerCase();
  if (lower === '') return undefined;
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const squash = (s: string): string => s.toLowerCase().replace(/[\s_.-]+/g, '');
  const squashed = squash(value);
  const sameLetters = squashed ? candidates.find((c) => squash(c) === squashed) : undefined;
  if (sameLetters) return sameLetters;
  // A truncated name (`pinterest` for `pinterest_audience`) is a near miss too.
  const prefixed = lower.length >= 4 ? candidates.filter((c) => c.toLowerCase().startsWith(lower)) : [];
  if (prefixed.length === 1) return prefixed[0];
  const limit = Math.min(3, Math.floor(lower.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase(), limit);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** ` Did you mean "x"?` for a message, or nothing. */
/** `didYouMean` as a message (or '' when there is no near candidate). */
export function didYouMeanText(value: string, candidates: readonly string[]): Arg {
  const best = suggest(value, candidates);
  return best !== undefined && best !== value ? en` Did you mean "${best}"?` : '';
}

export function didYouMean(value: string, candidates: readonly string[]): string {
  const best = suggest(value, candidates);
  return best !== undefined && best !== value ? ` Did you mean "${best}"?` : '';
}

/**
 * Optimal string alignment distance: Levenshtein plus a swap of two neighbours counting one.
 * Stops early (returns limit + 1) once every path is over `limit`.
 */
function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > limit) return limit + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length]!;
}

/** `a`, `b` or `c` — for messages. */
/** `listOf` as a message, so that a front end can translate its "or" and "more". */
export function listText(values: readonly unknown[], max = 8): Arg {
  const shown = values.slice(0, max).map((v) => '`' + String(v) + '`');
  const list: Arg = shown.length <= 1 ? shown.join('') : en`${shown.slice(0, -1).join(', ')} or ${shown.at(-1)!}`;
  return values.length > max ? en`${list}, … (${values.length - max} more)` : list;
}

export function listOf(values: readonly unknown[], max = 8): string {
  const shown = values.slice(0, max).map((v) => '`' + String(v) + '`');
  const more = values.length > max ? `, … (${values.length - max} more)` : '';
  if (shown.length <= 1) return shown.join('') + more;
  return shown.slice(0, -1).join(', ') + ' or ' + shown.at(-1) + more;
}
