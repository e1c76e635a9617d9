/** The deploy report as text for people and JSON for scripts (`pindest deploy --format json`). */
import { relative } from 'node:path';
import type { DeployReport } from './deploy';
import { KIND_LABELS } from './resources';

const ACTION_TEXT: Record<string, string> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  create: 'would be created',
  update: 'would be updated',
  conflict: 'conflict',
  failed: 'failed',
  'not sent': 'not sent',
};

/** `{"outcome","resources":[{"kind","name","instanceId","action"}],"calls":[{"method","path","status"}]}`, and the error, findings and diffs when there are. */
export function formatDeployJson(report: DeployReport, cwd: string): string {
  const out: Record<string, unknown> = {
    outcome: report.outcome,
    environment: report.environment,
    aepUrl: report.aepUrl,
    sandbox: report.sandbox,
    resources: report.resources.map((r) => ({ kind: r.kind, name: r.name, file: r.file, instanceId: r.instanceId ?? null, action: r.action, ...(r.diff ? { diff: r.diff } : {}), ...(r.message ? { message: r.message } : {}) })),
    calls: report.calls.map((c) => ({ method: c.method, path: c.path, status: c.status })),
  };
  if (report.error) out.error = report.error;
  if (report.findings) {
    out.findings = report.findings.map((f) => ({ path: relative(cwd, f.path) || f.path, code: f.diagnostic.code, message: f.diagnostic.message, pointer: f.diagnostic.pointer, line: f.diagnostic.range.start.line, character: f.diagnostic.range.start.character }));
  }
  return JSON.stringify(out, null, 2) + '\n';
}

export function formatDeployText(report: DeployReport, cwd: string): string {
  const lines: string[] = [];
  const target = `${report.environment} (${report.aepUrl}), sandbox ${report.sandbox}`;
  const headline: Record<DeployReport['outcome'], string> = {
    succeeded: report.resources.every((r) => r.action === 'unchanged') ? `Nothing to deploy: AEP already holds these files (${report.resources.length} unchanged) — ${target}` : `Deployed to AEP — ${target}`,
    'dry-run': `Dry run: nothing was sent, only read — ${target}`,
    refused: `Deploy refused: nothing was sent — ${target}`,
    conflict: `Deploy stopped on a conflict: nothing was sent — ${target}`,
    failed: `Deploy failed — ${target}`,
  };
  lines.push(headline[report.outcome]);
  for (const r of report.resources) {
    lines.push(`  ${KIND_LABELS[r.kind]} "${r.name}" (${r.file}): ${ACTION_TEXT[r.action] ?? r.action}${r.instanceId ? `, instanceId ${r.instanceId}` : ''}`);
  }
  for (const f of report.findings ?? []) {
    const d = f.diagnostic;
    lines.push(`  ${relative(cwd, f.path) || f.path}:${d.range.start.line + 1}:${d.range.start.character + 1} error ${d.code} ${d.message}`);
  }
  if (report.error) lines.push('', report.error.message, report.error.whatToDo);
  if (report.outcome === 'dry-run' || report.outcome === 'conflict') {
    const diffs = report.resources.filter((r) => r.diff);
    if (diffs.length) lines.push('', `Differences, AEP against your files (${diffs.length}):`);
    for (const r of diffs) lines.push(r.diff!.trimEnd());
  }
  if (report.calls.length) {
    lines.push('', `Calls (${report.calls.length})`);
    for (const c of report.calls) lines.push(`  ${c.method} ${c.path} → ${c.status ?? 'no answer'}`);
  }
  lines.push('', `instanceIds remembered in ${report.stateWhere}`);
  return lines.join('\n') + '\n';
}
