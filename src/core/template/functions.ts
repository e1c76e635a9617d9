/**
 * Functions: Adobe's audience helpers and formUrlEncode, plus Pebble's min and max.
 * range() is rejected by the parser: Adobe's Pebble does not have it.
 */
import { en } from '../report/l10n';
import { FUNCTION_SPECS } from './catalog';
import { ValueError } from './errors';
import { formEncode } from './escape';
import { ADDED, filterSegments, hasSegments, REMOVED } from './segments';
import { aType, stringValueOf } from './values';

export type FunctionFn = (args: readonly unknown[]) => unknown;

function extreme(args: readonly unknown[], name: string, pick: (a: number, b: number) => boolean): unknown {
  let best: number | undefined;
  for (const a of args) {
    if (a === null || a === undefined) continue;
    if (typeof a !== 'number') throw new ValueError(en`${name}() compares numbers, not ${aType(a)}.`);
    if (best === undefined || pick(a, best)) best = a;
  }
  return best ?? null;
}

export const FUNCTION_IMPLS: Readonly<Record<string, FunctionFn>> = {
  addedSegments: (args) => filterSegments(args[0], ADDED, 'addedSegments()'),
  removedSegments: (args) => filterSegments(args[0], REMOVED, 'removedSegments()'),
  hasSegments: (args) => hasSegments(args[0]),
  formUrlEncode: (args) => {
    if (args.length % 2 !== 0) throw new ValueError(en`formUrlEncode() takes name/value pairs: give an even number of arguments.`);
    const parts: string[] = [];
    for (let i = 0; i < args.length; i += 2) {
      parts.push(formEncode(stringValueOf(args[i])) + '=' + formEncode(args[i + 1] === null || args[i + 1] === undefined ? '' : stringValueOf(args[i + 1])));
    }
    return parts.join('&');
  },
  max: (args) => extreme(args, 'max', (a, b) => a > b),
  min: (args) => extreme(args, 'min', (a, b) => a < b),
};

for (const name of Object.keys(FUNCTION_SPECS)) {
  if (!FUNCTION_IMPLS[name]) throw new Error(`function ${name} has no implementation`);
}
