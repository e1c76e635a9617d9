/** The deploy, pull and publish reports as text for people and JSON for scripts (`--format json`). */
import { relative } from 'node:path';
import type { AuthoringCall } from './api';
import type { DeployReport } from './deploy';
import type { PublishReport } from './publish';
import { KIND_LABELS, type ResourceKind } from './resources';

/** The calls a command made, as deploy, pull and publish list them. */
const callsJson = (calls: AuthoringCall[]) => calls.map((c) => ({ method: c.method, path: c.path, status: c.status }));

function callsText(calls: AuthoringCall[]): string[] {
  return calls.length ? ['', `Calls (${calls.length})`, ...calls.map((c) => `  ${c.method} ${c.path} → ${c.status ?? 'no answer'}`)] : [];
}

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
    calls: callsJson(report.calls),
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
  lines.push(...callsText(report.calls));
  lines.push('', `instanceIds remembered in ${report.stateWhere}`);
  return lines.join('\n') + '\n';
}

/** What `pindest pull` and `pindest publish` report, shaped like the deploy report. */
export interface AepTargetInfo {
  environment: string;
  aepUrl: string;
  sandbox: string;
}

export interface PullReport extends AepTargetInfo {
  outcome: 'succeeded' | 'failed';
  files: { kind: ResourceKind; name: string; instanceId: string; path: string }[];
  calls: AuthoringCall[];
  error?: { message: string; whatToDo: string };
}

export interface PublishCommandReport extends AepTargetInfo {
  outcome: 'submitted' | 'failed';
  published?: PublishReport;
  calls: AuthoringCall[];
  error?: { message: string; whatToDo: string };
}

export function formatPullJson(report: PullReport, cwd: string): string {
  const out: Record<string, unknown> = {
    outcome: report.outcome,
    environment: report.environment,
    aepUrl: report.aepUrl,
    sandbox: report.sandbox,
    files: report.files.map((f) => ({ kind: f.kind, name: f.name, instanceId: f.instanceId, path: relative(cwd, f.path) || f.path })),
    calls: callsJson(report.calls),
  };
  if (report.error) out.error = report.error;
  return JSON.stringify(out, null, 2) + '\n';
}

/** The text of a pull that wrote its files (a failure is one line on stderr, as the other commands print theirs). */
export function formatPullText(report: PullReport, cwd: string): string {
  const lines = [`Pulled from AEP — ${report.environment} (${report.aepUrl}), sandbox ${report.sandbox}`];
  for (const f of report.files) lines.push(`  ${KIND_LABELS[f.kind]} "${f.name}" (${f.instanceId}) → ${relative(cwd, f.path) || f.path}`);
  lines.push(...callsText(report.calls));
  return lines.join('\n') + '\n';
}

export function formatPublishJson(report: PublishCommandReport): string {
  const p = report.published;
  const out: Record<string, unknown> = {
    outcome: report.outcome,
    environment: report.environment,
    aepUrl: report.aepUrl,
    sandbox: report.sandbox,
    ...(p && { destinationId: p.destinationId, name: p.name, requests: p.requests, ...(p.notDeployed ? { note: p.notDeployed } : {}) }),
    calls: callsJson(report.calls),
  };
  if (report.error) out.error = report.error;
  return JSON.stringify(out, null, 2) + '\n';
}

export function formatPublishText(report: PublishCommandReport): string {
  const p = report.published!;
  const lines = [`Submitted "${p.name}" (${p.destinationId}) for publishing — ${report.environment} (${report.aepUrl}), sandbox ${report.sandbox}`];
  for (const r of p.requests) lines.push(`  ${r.destinationType ?? '?'} ${r.configId ?? ''}: ${r.status ?? 'no status'}${r.allowedOrgs?.length ? `, orgs ${r.allowedOrgs.join(', ')}` : ''}`);
  if (p.notDeployed) lines.push('', p.notDeployed);
  lines.push(...callsText(report.calls));
  return lines.join('\n') + '\n';
}
