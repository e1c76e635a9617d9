/**
 * Names the subset knows, with their parameters, so the parser can reject an unknown or misused
 * filter, function, test or tag before anything renders (Adobe rejects them with a 400 too).
 */

export interface CallableSpec {
  /** Parameter names in positional order; null = any number of positional arguments. */
  params: readonly string[] | null;
  /** How many leading parameters must be given. */
  required: number;
}

const spec = (params: readonly string[] | null, required = 0): CallableSpec => ({ params, required });

export const FILTER_SPECS: Readonly<Record<string, CallableSpec>> = {
  abbreviate: spec(['length'], 1),
  abs: spec([]),
  added: spec([]),
  base64decode: spec([]),
  base64encode: spec([]),
  capitalize: spec([]),
  date: spec(['format', 'existingFormat', 'timeZone']),
  default: spec(['default'], 1),
  escape: spec(['strategy']),
  first: spec([]),
  join: spec(['separator']),
  last: spec([]),
  length: spec([]),
  lower: spec([]),
  merge: spec(['items'], 1),
  nl2br: spec([]),
  numberformat: spec(['format']),
  raw: spec([]),
  removed: spec([]),
  replace: spec(['replace_pairs'], 1),
  reverse: spec([]),
  rsort: spec([]),
  sha256: spec([]),
  slice: spec(['fromIndex', 'toIndex']),
  sort: spec([]),
  split: spec(['delimiter', 'limit'], 1),
  title: spec([]),
  toJson: spec([]),
  trim: spec([]),
  upper: spec([]),
  urlencode: spec([]),
};

export const FUNCTION_SPECS: Readonly<Record<string, CallableSpec>> = {
  addedSegments: spec(['segments'], 1),
  formUrlEncode: spec(null),
  hasSegments: spec(['segments'], 1),
  max: spec(null, 1),
  min: spec(null, 1),
  removedSegments: spec(['segments'], 1),
};

export const TESTS: readonly string[] = ['defined', 'empty', 'even', 'iterable', 'map', 'null', 'odd'];

export const SUPPORTED_TAGS: readonly string[] = ['for', 'if', 'set', 'filter'];

/** Stock Pebble tags Adobe's fork rejects; their end tags are skipped quietly after the error. */
export const UNSUPPORTED_TAGS: readonly string[] = [
  'autoescape', 'block', 'cache', 'embed', 'extends', 'flush', 'from', 'import', 'include', 'macro', 'parallel', 'verbatim',
];

export const FILTERS: readonly string[] = Object.keys(FILTER_SPECS).sort();
export const FUNCTIONS: readonly string[] = Object.keys(FUNCTION_SPECS).sort();
