/**
 * Per-rule severity, as ESLint's `rules` setting: each code `off`, `info`, `warning` or `error`.
 * One function applies it, so the language server and `pindest` agree on what a setting does.
 */
import type { Diagnostic } from '../diagnostics';
import { en, say, type Text } from '../report/l10n';
import { suggest } from '../text/suggest';
import { CODE_SET, CODES } from './codes';

export const RULE_LEVELS = ['off', 'info', 'warning', 'error'] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];
export type RuleLevels = Readonly<Record<string, RuleLevel>>;

export interface RuleLevelsRead {
  levels: Record<string, RuleLevel>;
  /** One sentence per entry that was ignored: what is wrong, and the nearest valid name. */
  problems: string[];
  /** The same sentences as messages, for a front end that shows them in its reader's language. */
  texts: Text[];
}

/** Reads `{"PD118": "off", ...}`; unknown codes and levels are reported and ignored, never thrown. */
export function readRuleLevels(value: unknown): RuleLevelsRead {
  const levels: Record<string, RuleLevel> = {};
  const texts: Text[] = [];
  const read = () => ({ levels, problems: texts.map((t) => say(t)), texts });
  if (value === undefined || value === null) return read();
  if (typeof value !== 'object' || Array.isArray(value)) {
    texts.push(en`\`rules\` is an object of finding codes to severities, e.g. {"PD118": "off"}.`);
    return read();
  }
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const level = readLevel(key, raw, texts);
    if (level) levels[key] = level;
  }
  return read();
}

function readLevel(code: string, raw: unknown, problems: Text[]): RuleLevel | undefined {
  if (!CODE_SET.has(code)) {
    const near = suggest(code, CODES.map((c) => c.code));
    problems.push(near ? en`Unknown finding code \`${code}\`: did you mean \`${near}\`?` : en`Unknown finding code \`${code}\`: codes are PD001–PD503 (see docs/rules/).`);
    return undefined;
  }
  if (typeof raw !== 'string' || !(RULE_LEVELS as readonly string[]).includes(raw)) {
    const near = typeof raw === 'string' ? suggest(raw, RULE_LEVELS) : undefined;
    problems.push(near ? en`\`${code}\`: unknown severity ${JSON.stringify(raw)}, did you mean \`${near}\`? Use off, info, warning or error.` : en`\`${code}\`: unknown severity ${String(JSON.stringify(raw))}. Use off, info, warning or error.`);
    return undefined;
  }
  return raw as RuleLevel;
}

/** The diagnostics with each code's configured severity; `off` removes them. */
export function applyRuleLevels<D extends Pick<Diagnostic, 'code' | 'severity'>>(diagnostics: readonly D[], levels: RuleLevels): D[] {
  const out: D[] = [];
  for (const d of diagnostics) {
    const level = levels[d.code];
    if (level === 'off') continue;
    out.push(level ? { ...d, severity: level } : d);
  }
  return out;
}
