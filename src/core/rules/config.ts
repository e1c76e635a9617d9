/**
 * The project's rule configuration file, as ESLint's: `pindest.config.json` or `.pindestrc.json`,
 * `{"rules": {"PD118": "off"}}`, the nearest one found walking up from the validated path.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { readRuleLevels, type RuleLevel } from './severity';

export const CONFIG_FILES = ['pindest.config.json', '.pindestrc.json'] as const;

export interface RuleConfig {
  path: string;
  levels: Record<string, RuleLevel>;
  /** What is wrong in the file, one sentence each (empty when it is fine). */
  problems: string[];
}

async function isDir(p: string): Promise<boolean> {
  return stat(p).then((s) => s.isDirectory(), () => false);
}

/** The nearest configuration file from `start` (a file or a folder) up to the root, read. */
export async function findRuleConfig(start: string): Promise<RuleConfig | undefined> {
  let dir = resolve(start);
  if (!(await isDir(dir))) dir = dirname(dir);
  for (;;) {
    for (const name of CONFIG_FILES) {
      const path = join(dir, name);
      const text = await readFile(path, 'utf8').catch(() => undefined);
      if (text !== undefined) return readRuleConfig(path, text);
    }
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export function readRuleConfig(path: string, text: string): RuleConfig {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { path, levels: {}, problems: [`it is not JSON (${(e as Error).message}).`] };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { path, levels: {}, problems: ['it holds an object, e.g. {"rules": {"PD118": "off"}}.'] };
  const { levels, problems } = readRuleLevels((value as Record<string, unknown>).rules);
  return { path, levels, problems };
}
