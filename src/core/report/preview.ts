/**
 * Preview reports: the plan as people and scripts see it. Built only from the plan's display
 * forms (masked identifiers, hashes, masked tokens), so nothing raw can reach the output.
 */
import { relative } from 'node:path';
import { BASE_URLS, EMBEDDED_SIMULATOR_BASE, retarget } from '../pinterest/urls';
import { CUSTOMER_LIST_AUDIENCE_NOTE, identitiesLine, membershipLine, planSummary, type PlanSummary } from '../execute/summary';
import type { ResolvedActivation } from '../plan/activation';
import { pendingAlias } from '../plan/plan';
import type { LargePlan } from '../plan/large';
import type { HttpCall, Plan } from '../plan/types';
import { english, type Translate } from './l10n';

export interface PreviewReport {
  activation: { file: string; name: string; environment: string; destination: string };
  mappings: { source: string; target: string; transformation: string | null; forced: boolean }[];
  audiences: { id: string; namespace: string; name: string; alias: string | null; pendingAlias: string | null }[];
  identities: { profile: number; namespace: string; value: string; outcome: string; sent: string | null; reason: string | null; message: string | null }[];
  counts: Plan['counts'];
  /** The same counts, with the same words, as the push report's summary. */
  summary: PlanSummary;
  /**
   * Where the run sends: `baseUrl` is what `url` of each request uses; `placeholder` when it is the
   * embedded simulator, whose port is only known once the push starts. `aepBaseUrl` is what AEP calls.
   */
  target: { environment: string; baseUrl: string; placeholder: boolean; aepBaseUrl: string };
  /** `url`: the URL the run calls; `aepUrl`: the URL AEP calls (the templates' own). */
  requests: (HttpCall & { kind: 'create-list' | 'membership'; aepUrl: string; audience: string | null; status: string | null; profiles: number | null })[];
  notes: string[];
  problems: { where: string; message: string }[];
  /**
   * Present for a large sample (more than LARGE_SAMPLE_PROFILES profiles): `identities` is then
   * empty, `requests` holds the list creates and the first membership requests only, and these
   * say how many were not listed. Counts and summary are of the whole sample.
   */
  large?: { identityValues: number; requestsNotShown: number; problemsNotShown: number; reasonMessages: Record<string, string> };
}

export { EMBEDDED_SIMULATOR_BASE };

function previewTarget(activation: ResolvedActivation, target: { environment?: string; baseUrl?: string }): PreviewReport['target'] {
  const environment = target.environment ?? activation.environment;
  const given = target.baseUrl?.trim().replace(/\/+$/, '');
  const baseUrl = given || (environment === 'local' ? EMBEDDED_SIMULATOR_BASE : BASE_URLS[environment as keyof typeof BASE_URLS] ?? BASE_URLS.production);
  return { environment, baseUrl, placeholder: !given && environment === 'local', aepBaseUrl: BASE_URLS.production };
}

/** `tr` words the notes (the extension passes its translation; English by default). */
export function previewReport(activation: ResolvedActivation, plan: Plan, cwd = process.cwd(), targetOptions: { environment?: string; baseUrl?: string } = {}, tr: Translate = english): PreviewReport {
  const target = previewTarget(activation, targetOptions);
  const at = (c: HttpCall) => ({ ...c, url: retarget(c.url, target.baseUrl), aepUrl: c.url });
  const summary = planSummary(plan);
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
    summary,
    target,
    requests: [
      ...plan.creations.map((c) => ({ kind: 'create-list' as const, audience: c.audience.name, status: null, profiles: null, ...at(c.display) })),
      ...plan.requests.map((r) => ({
        kind: 'membership' as const,
        audience: plan.batches[r.batch]!.audience?.name ?? null,
        status: plan.batches[r.batch]!.aggregationKey?.segmentStatus ?? null,
        profiles: plan.batches[r.batch]!.profiles.length,
        ...at(r.display),
      })),
    ],
    notes: [
      ...(target.placeholder ? [tr('URLs use {0}: `pindest push` starts an embedded simulator whose port is chosen when it starts (give --base-url for a running one). AEP calls {1}.', EMBEDDED_SIMULATOR_BASE, target.aepBaseUrl)] : []),
      tr('List creates: up to {0}, one per audience with no list yet; a push reuses the lists remembered in .pindest/state.json for the same target and then sends only the membership requests.', summary.listCreates),
      tr(CUSTOMER_LIST_AUDIENCE_NOTE),
    ],
    problems: [
      ...plan.problems.map((p) => ({ where: p.where.replace(/^\/\S+/, (path) => relative(cwd, path) || path), message: p.message })),
      ...plan.profileProblems.map((p) => ({ where: `${relative(cwd, p.file) || p.file}${p.line ? `:${p.line}` : ''}`, message: p.message })),
    ],
  };
}

/** The report of a large sample: the whole sample's counts, the first requests in full. */
export function largePreviewReport(activation: ResolvedActivation, large: LargePlan, cwd = process.cwd(), targetOptions: { environment?: string; baseUrl?: string } = {}): PreviewReport {
  const shown = new Set(large.shown);
  const first = large.first;
  const base = previewReport(activation, { ...first, rows: [], requests: first.requests.filter((_, i) => shown.has(i)), problems: large.problems, profileProblems: large.profileProblems }, cwd, targetOptions);
  const summary = { ...base.summary, profiles: large.counts.profiles, exported: large.counts.exported, identities: large.identities, membershipRequests: large.membershipRequests, records: large.records };
  const identityValues = large.identities.mapped + large.identities.rejected + large.identities.notMapped;
  return {
    ...base,
    counts: large.counts,
    summary,
    large: { identityValues, requestsNotShown: large.membershipRequests - large.shown.length, problemsNotShown: large.moreProblems + large.moreProfileProblems, reasonMessages: large.reasonMessages },
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
  out.push(`Activation "${a.name}" (${a.file}) → ${a.destination}, environment ${report.target.environment} (${report.target.baseUrl}${report.target.baseUrl === report.target.aepBaseUrl ? '' : `; AEP calls ${report.target.aepBaseUrl}`})`);
  out.push('', identitiesLine(report.summary), membershipLine(report.summary));
  out.push('', 'Mappings');
  out.push(...table([['source', 'target', 'transformation'], ...report.mappings.map((m) => [m.source, m.target, m.transformation ? `${m.transformation}${m.forced ? ' (required by the destination)' : ''}` : 'none'])]));
  out.push('', 'Audiences');
  out.push(...table([['name', 'audience', 'Pinterest list'], ...report.audiences.map((x) => [x.name, `${x.namespace}:${x.id}`, x.alias ?? `created by the audience template (${x.pendingAlias})`])]));
  if (report.large) {
    out.push('', `Identity values: ${report.large.identityValues} in ${counts.profiles} profiles; ${counts.exported} profiles exported (a large sample: counted, not listed)`);
  } else {
    out.push('', `Identity values: ${report.identities.length} in ${counts.profiles} profiles; ${counts.exported} profiles exported`);
    out.push(...table([['profile', 'namespace', 'value', 'outcome', 'sent / reason'], ...report.identities.map((r) => [String(r.profile), r.namespace, r.value, r.outcome, r.outcome === 'sent' ? short(r.sent!) : r.reason ?? ''])]));
  }
  out.push('', 'By identity type');
  out.push(...table([['namespace', 'sent', 'rejected', 'not mapped'], ...Object.entries(counts.byNamespace).map(([ns, c]) => [ns, String(c.sent), String(c.rejected), String(c.notMapped)])]));
  const reasons = Object.entries(counts.byReason);
  if (reasons.length) {
    out.push('', 'Not sent, by reason');
    const messages = new Map(report.large ? Object.entries(report.large.reasonMessages) : report.identities.filter((r) => r.reason && r.message).map((r) => [r.reason!, r.message!]));
    for (const [reason, n] of reasons) out.push(`  ${reason} ×${n}${messages.has(reason) ? `: ${messages.get(reason)}` : reason.startsWith('profile-') ? ': profiles with no identity or no activated audience left to send' : ''}`);
  }
  if (report.large) {
    out.push('', 'By audience');
    out.push(...table([['audience', 'add', 'remove'], ...Object.entries(counts.byAudience).map(([name, c]) => [name, String(c.add), String(c.remove)])]));
  }
  const creates = report.requests.filter((r) => r.kind === 'create-list').length;
  const total = report.requests.length + (report.large?.requestsNotShown ?? 0);
  out.push('', `Requests (${total}): ${creates} list create${creates === 1 ? '' : 's'} (audience template), ${total - creates} membership request${total - creates === 1 ? '' : 's'} (destination server)${report.large ? `; the first ${report.requests.length - creates} shown in full` : ''}`);
  report.requests.forEach((r, i) => {
    const what = r.kind === 'create-list' ? `create the customer list for "${r.audience}" (audience template; only when no list is remembered)` : `${r.status ?? 'membership'} update${r.audience ? ` of "${r.audience}"` : ''}, ${String(r.profiles)} profile${r.profiles === 1 ? '' : 's'}`;
    out.push(`  ${i + 1}. ${r.method} ${r.url}  — ${what}`);
    if (r.aepUrl !== r.url) out.push(`     AEP calls: ${r.aepUrl}`);
    for (const [k, v] of Object.entries(r.headers)) out.push(`     ${k}: ${v}`);
    if (r.body) out.push(...r.body.split('\n').map((l) => '     ' + l));
  });
  if (report.large?.requestsNotShown) out.push(`  … and ${report.large.requestsNotShown} more membership request${report.large.requestsNotShown === 1 ? '' : 's'}, counted, not shown`);
  out.push('', 'Notes', ...report.notes.map((n) => `  - ${n}`));
  out.push('', report.problems.length ? `Problems (${report.problems.length})` : 'Problems: none');
  for (const p of report.problems) out.push(`  ${p.where}: ${p.message}`);
  if (report.large?.problemsNotShown) out.push(`  … and ${report.large.problemsNotShown} more, not shown`);
  return out.join('\n') + '\n';
}

function short(hash: string): string {
  return /^[0-9a-f]{64}$/.test(hash) ? hash.slice(0, 16) + '…' : hash;
}
