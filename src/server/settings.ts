/**
 * The server's settings, from `initializationOptions` at start and `workspace/didChangeConfiguration`
 * later. Only what the server itself decides lives here; unknown keys are ignored, bad values fall
 * back to defaults (a typo in settings.json must never stop diagnostics).
 */
import type { Text } from '../core/report/l10n';
import { FILE_KINDS, type KindGlobs } from '../core/project/kinds';
import { readRuleLevels, type RuleLevels } from '../core/rules/severity';

export interface ServerSettings {
  /** Milliseconds between the last keystroke and validation (`pindest.validation.delay`). */
  validationDelay: number;
  /** Extra globs per file kind (`pindest.files.globs`); the extension sends none in untrusted workspaces. */
  fileGlobs: KindGlobs;
  /** Severity per finding code (`pindest.rules`); bad entries are dropped and logged. */
  rules: RuleLevels;
  /** What was wrong with `pindest.rules`, one sentence each. */
  ruleProblems: Text[];
}

export const DEFAULT_SETTINGS: ServerSettings = { validationDelay: 200, fileGlobs: {}, rules: {}, ruleProblems: [] };
const MAX_DELAY = 10_000;

function pick(source: unknown, path: string[]): unknown {
  let v: unknown = source;
  for (const k of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Accepts `{pindest:{validation:{delay}}}`, `{settings:{pindest:…}}` and `{'pindest.validation.delay': n}`. */
export function readSettings(source: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  const candidates = [
    pick(source, ['pindest', 'validation', 'delay']),
    pick(source, ['settings', 'pindest', 'validation', 'delay']),
    pick(source, ['pindest.validation.delay']),
    pick(source, ['validation', 'delay']),
  ];
  const delay = candidates.find((c) => typeof c === 'number' && Number.isFinite(c) && c >= 0);
  const globs = [pick(source, ['pindest', 'files', 'globs']), pick(source, ['settings', 'pindest', 'files', 'globs']), pick(source, ['pindest.files.globs']), pick(source, ['files', 'globs'])].find(
    (g) => g !== undefined,
  );
  const rulesValue = [pick(source, ['pindest', 'rules']), pick(source, ['settings', 'pindest', 'rules']), pick(source, ['pindest.rules']), pick(source, ['rules'])].find((r) => r !== undefined);
  const rules = rulesValue === undefined ? undefined : readRuleLevels(rulesValue);
  return {
    ...base,
    rules: rules ? rules.levels : base.rules,
    ruleProblems: rules ? rules.texts : base.ruleProblems,
    validationDelay: typeof delay === 'number' ? Math.min(delay, MAX_DELAY) : base.validationDelay,
    fileGlobs: globs === undefined ? base.fileGlobs : readGlobs(globs),
  };
}

/** Only arrays of strings under the four kinds; anything else is dropped. */
function readGlobs(value: unknown): KindGlobs {
  const out: KindGlobs = {};
  if (!value || typeof value !== 'object') return out;
  for (const kind of FILE_KINDS) {
    const list = (value as Record<string, unknown>)[kind];
    if (Array.isArray(list)) out[kind] = list.filter((g): g is string => typeof g === 'string' && g !== '');
  }
  return out;
}
