/** `pindest validate PATH... [--format text|json|sarif]`: the checks Adobe's servers make, offline. */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import pkg from '../../../package.json' with { type: 'json' };
import type { Diagnostic } from '../../core/diagnostics';
import { loadProject } from '../../core/project/load';
import { formatJson, formatSarif, formatText, summarize } from '../../core/report/validation';
import { CODES, rulePagePath } from '../../core/rules/codes';
import { findRuleConfig } from '../../core/rules/config';
import { applyRuleLevels, readRuleLevels, type RuleLevel } from '../../core/rules/severity';
import { validateProject, type FileReport } from '../../core/validate';
import { EXIT, findingsTranslate, localizeSummary, UsageError, type CliIO } from '../io';

export const validateUsage = `usage: pindest validate PATH... [--format text|json|sarif] [--rule CODE=off|info|warning|error]...
  Validates destination project files; a folder is a project. Exit 0 when there are no errors,
  1 when there are, 2 on a usage error. Severities per code come from the nearest
  pindest.config.json or .pindestrc.json ({"rules": {"PD118": "off"}}) above the first PATH;
  --rule (repeatable) wins over the file.`;

const FORMATS = ['text', 'json', 'sarif'] as const;

export async function runValidate(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { format: { type: 'string', default: 'text' }, rule: { type: 'string', multiple: true } } });
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format '${values.format}': use text, json or sarif`);
  if (positionals.length === 0) throw new UsageError('name at least one file or folder to validate');
  const paths = positionals.map((p) => (p.startsWith('/') ? p : `${io.cwd}/${p}`));
  const levels = await ruleLevels(paths[0]!, values.rule ?? []);

  const { project, problems } = await loadProject(paths);
  const reports: FileReport[] = validateProject(project, { levels });
  const seen = new Set<string>();
  for (const p of problems) {
    const file = p.offset === undefined ? undefined : project.file(p.path);
    const report = file && reports.find((r) => r.path === p.path);
    if (file && report) {
      // The file was read (bytes replaced by U+FFFD) and validated: the encoding finding joins its report.
      if (seen.has(`${p.path}\0${p.offset}`)) continue;
      seen.add(`${p.path}\0${p.offset}`);
      report.diagnostics.unshift({ code: 'PD006', severity: 'error', message: `The file ${p.message}.`, pointer: '', range: file.doc.range(p.offset!, p.offset! + 1) });
      continue;
    }
    const d: Diagnostic = { code: 'PD004', severity: 'error', message: `Cannot validate: the file ${p.message}.`, pointer: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    reports.push({ path: p.path, kind: undefined, diagnostics: [d] });
  }
  if (reports.length === 0) throw new UsageError(`no destination files found in ${positionals.join(', ')}`);
  // The files that could not be read got their findings here, outside validateProject.
  for (const r of reports) r.diagnostics = applyRuleLevels(r.diagnostics, levels);

  const out = format === 'json' ? formatJson(reports, io.cwd) : format === 'sarif' ? formatSarif(reports, [...CODES], pkg.version, io.cwd, helpUri) : formatText(reports, io.cwd, findingsTranslate());
  io.stdout(format === 'text' ? localizeSummary(out) : out);
  return summarize(reports).errors > 0 ? EXIT.findings : EXIT.ok;
}

/** The file's levels, then each `--rule CODE=LEVEL` over them; any mistake is a usage error. */
async function ruleLevels(start: string, flags: string[]): Promise<Record<string, RuleLevel>> {
  const config = await findRuleConfig(start);
  if (config?.problems.length) throw new UsageError(`${config.path}: ${config.problems.join(' ')}`);
  const pairs: Record<string, string> = {};
  for (const flag of flags) {
    const m = /^([^=]+)=(.*)$/.exec(flag);
    if (!m) throw new UsageError(`--rule ${flag}: write CODE=LEVEL, e.g. --rule PD118=off`);
    pairs[m[1]!.trim()] = m[2]!.trim();
  }
  const fromFlags = readRuleLevels(pairs);
  if (fromFlags.problems.length) throw new UsageError(`--rule: ${fromFlags.problems.join(' ')}`);
  return { ...config?.levels, ...fromFlags.levels };
}

/** The installed rule page of a code (the package ships docs/rules/ next to dist/). */
function helpUri(code: string): string | undefined {
  const page = new URL(`../${rulePagePath(code)}`, import.meta.url);
  return existsSync(page) ? page.href : undefined;
}
