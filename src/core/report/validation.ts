/**
 * Formats validation results. The JSON shape is a contract for scripts:
 * {"files":[{"path","kind","diagnostics":[{"code","severity","message","pointer","range"}]}],
 *  "summary":{"errors","warnings"}} with 0-based lines and characters.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics';
import type { FileReport } from '../validate';
import { english, say, type Translate } from './l10n';

export interface Summary {
  errors: number;
  warnings: number;
}

export function summarize(files: FileReport[]): Summary {
  let errors = 0;
  let warnings = 0;
  for (const f of files) for (const d of f.diagnostics) d.severity === 'error' ? errors++ : d.severity === 'warning' ? warnings++ : 0;
  return { errors, warnings };
}

function show(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

/** `tr`: the findings' language (English by default); the JSON and SARIF contracts stay English. */
export function formatText(files: FileReport[], cwd = process.cwd(), tr: Translate = english): string {
  const lines: string[] = [];
  for (const f of files) {
    for (const d of f.diagnostics) {
      lines.push(`${show(f.path, cwd)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.text ? say(d.text, tr) : d.message}`);
    }
  }
  const { errors, warnings } = summarize(files);
  lines.push(`${files.length} file${files.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

function contract(d: Diagnostic) {
  return { code: d.code, severity: d.severity, message: d.message, pointer: d.pointer, range: d.range };
}

export function formatJson(files: FileReport[], cwd = process.cwd()): string {
  return (
    JSON.stringify(
      { files: files.map((f) => ({ path: show(f.path, cwd), kind: f.kind ?? null, diagnostics: f.diagnostics.map(contract) })), summary: summarize(files) },
      null,
      2,
    ) + '\n'
  );
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, as GitHub code scanning reads it (1-based lines and columns). */
export function formatSarif(files: FileReport[], rules: { code: string; title: string }[], version: string, cwd = process.cwd(), helpUri: (code: string) => string | undefined = () => undefined): string {
  const used = new Set(files.flatMap((f) => f.diagnostics.map((d) => d.code)));
  const ruleList = [...used].sort().map((code) => ({ id: code, shortDescription: { text: rules.find((r) => r.code === code)?.title ?? code }, helpUri: helpUri(code) }));
  const results = files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleList.findIndex((r) => r.id === d.code),
      level: SARIF_LEVEL[d.severity],
      message: { text: d.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: show(f.path, cwd).split('\\').join('/'), uriBaseId: '%SRCROOT%' },
            region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
          },
          logicalLocations: d.pointer ? [{ fullyQualifiedName: d.pointer, kind: 'member' }] : undefined,
        },
      ],
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{ tool: { driver: { name: 'pindest', version, rules: ruleList } }, results }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
