/**
 * Preview reports: the plan as people and scripts see it. Built only from the plan's display
 * forms (masked identifiers, hashes, masked tokens), so nothing raw can reach the output.
 */
import { relative } from 'node:path';
import type { ResolvedActivation } from '../plan/activation';
import { pendingAlias } from '../plan/plan';
import type { HttpCall, Plan } from '../plan/types';

export interface PreviewReport {
  activation: { file: string; name: string; environment: string; destination: string };
  mappings: { source: string; target: string; transformation: string | null; forced: boolean }[];
  audiences: { id: string; namespace: string; name: string; alias: string | null; pendingAlias: string | null }[];
  identities: { profile: number; namespace: string; value: string; outcome: string; sent: string | null; reason: string | null; message: string | null }[];
  counts: Plan['counts'];
  requests: (HttpCall & { kind: 'create-audience' | 'membership'; audience: string | null; status: string | null; profiles: number | null })[];
  problems: { where: string; message: string }[];
}

export function previewReport(activation: ResolvedActivation, plan: Plan, cwd = process.cwd()): PreviewReport {
  return {
    activation: { file: relative(cwd, activation.file.path) || activation.file.path, name: activation.name, environment: activation.environment, destination: String(activation.destination.name ?? '') },
    mappings: plan.mappings.map((m) => ({ source: m.source, target: m.target, transformation: m.applyTransformation ? 'sha256(lower($))' : null, forced: m.forced })),
    audiences: plan.audiences.map((a) => ({ id: a.id, namespace: a.namespace, name: a.name, alias: a.alias ?? null, pendingAlias: a.alias ? null : pendingAlias(a, plan.audiences) })),
    identities: plan.rows.map((r) => ({
      profile: r.profile + 1,
      namespace: r.namespace,
      value: r.masked,
      outcome: r.outcome,
      sent: r.outcome === 'sent' ? r.hash ?? 'plain (masked)' : null,
      reason: r.reason ?? null,
      message: r.message ?? null,
    })),
    counts: plan.counts,
    requests: [
      ...plan.creations.map((c) => ({ kind: 'create-audience' as const, audience: c.audience.name, status: null, profiles: null, ...c.display })),
      ...plan.requests.map((r) => ({
        kind: 'membership' as const,
        audience: plan.batches[r.batch]!.audience?.name ?? null,
        status: plan.batches[r.batch]!.aggregationKey?.segmentStatus ?? null,
        profiles: plan.batches[r.batch]!.profiles.length,
        ...r.display,
      })),
    ],
    problems: [
      ...plan.problems.map((p) => ({ where: p.where.replace(/^\/\S+/, (path) => relative(cwd, path) || path), message: p.message })),
      ...plan.profileProblems.map((p) => ({ where: `${relative(cwd, p.file) || p.file}${p.line ? `:${p.line}` : ''}`, message: p.message })),
    ],
  };
}

export function formatPreviewJson(report: PreviewReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => '  ' + r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd());
}

export function formatPreviewText(report: PreviewReport): string {
  const out: string[] = [];
  const { activation: a, counts } = report;
  out.push(`Activation "${a.name}" (${a.file}) → ${a.destination}, environment ${a.environment}`);
  out.push('', 'Mappings');
  out.push(...table([['source', 'target', 'transformation'], ...report.mappings.map((m) => [m.source, m.target, m.transformation ? `${m.transformation}${m.forced ? ' (required by the destination)' : ''}` : 'none'])]));
  out.push('', 'Audiences');
  out.push(...table([['name', 'audience', 'Pinterest list'], ...report.audiences.map((x) => [x.name, `${x.namespace}:${x.id}`, x.alias ?? `created by the audience template (${x.pendingAlias})`])]));
  out.push('', `Identities: ${report.identities.length} values in ${counts.profiles} profiles; ${counts.exported} profiles exported`);
  out.push(...table([['profile', 'namespace', 'value', 'outcome', 'sent / reason'], ...report.identities.map((r) => [String(r.profile), r.namespace, r.value, r.outcome, r.outcome === 'sent' ? short(r.sent!) : r.reason ?? ''])]));
  out.push('', 'By identity type');
  out.push(...table([['namespace', 'sent', 'rejected', 'not mapped'], ...Object.entries(counts.byNamespace).map(([ns, c]) => [ns, String(c.sent), String(c.rejected), String(c.notMapped)])]));
  const reasons = Object.entries(counts.byReason);
  if (reasons.length) {
    out.push('', 'Not sent, by reason');
    const messages = new Map(report.identities.filter((r) => r.reason && r.message).map((r) => [r.reason!, r.message!]));
    for (const [reason, n] of reasons) out.push(`  ${reason} ×${n}${messages.has(reason) ? `: ${messages.get(reason)}` : reason.startsWith('profile-') ? ': profiles with no identity or no activated audience left to send' : ''}`);
  }
  out.push('', `Requests (${report.requests.length})`);
  report.requests.forEach((r, i) => {
    const what = r.kind === 'create-audience' ? `create the customer list for "${r.audience}"` : `${r.status ?? 'membership'} update${r.audience ? ` of "${r.audience}"` : ''}, ${String(r.profiles)} profile${r.profiles === 1 ? '' : 's'}`;
    out.push(`  ${i + 1}. ${r.method} ${r.url}  — ${what}`);
    for (const [k, v] of Object.entries(r.headers)) out.push(`     ${k}: ${v}`);
    if (r.body) out.push(...r.body.split('\n').map((l) => '     ' + l));
  });
  out.push('', report.problems.length ? `Problems (${report.problems.length})` : 'Problems: none');
  for (const p of report.problems) out.push(`  ${p.where}: ${p.message}`);
  return out.join('\n') + '\n';
}

function short(hash: string): string {
  return /^[0-9a-f]{64}$/.test(hash) ? hash.slice(0, 16) + '…' : hash;
}
