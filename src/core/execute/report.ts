/**
 * The test activation's result, shaped like Adobe's destination-test response (per call the
 * request, the response, the trace id) plus the counts a person checks. Built from display forms
 * only: masked identifiers, hashes, redacted headers. Every call says who would make it: AEP (the
 * audience template's create, the destination server's membership requests) or pindest (read-only
 * checks, and the opt-in audience creation), which AEP never does.
 */
import { CUSTOMER_LIST_AUDIENCE_NOTE, identitiesLine, membershipLine, type PlanSummary } from './summary';
import type { RetryInfo, RetryRecord } from '../pinterest/types';
import { english, msg, type Translate } from '../report/l10n';

export interface CallRecord {
  /**
   * create-list: the audience template's create (AEP); membership: the destination server (AEP);
   * preflight, resolve, verify: pindest's read-only checks; create-audience: opt-in, not done by AEP.
   */
  step: 'preflight' | 'resolve' | 'create-list' | 'create-audience' | 'membership' | 'verify';
  /** Who makes this call in production: AEP, or only pindest. */
  by: 'aep' | 'pindest';
  audience?: string;
  request: { method: string; uri: string; headers: Record<string, string>; body: string };
  /** Pinterest's answer; `headers` keeps only the headers worth reading (no cookies), tokens masked. */
  response?: { code: number; headers?: Record<string, string>; body: unknown };
  requestId?: string;
  attempts: number;
  /** Wall time of the call in this run, every attempt and retry wait included (milliseconds). */
  durationMs?: number;
  /** One per retry: why, AEP's wait before it (uncompressed), what this run slept. */
  retries?: RetryRecord[];
  /** AEP's retry policy ran out of retries on this call: AEP drops it and its records. */
  dropped?: boolean;
  error?: string;
}

export interface IdentityCounts {
  audience: string;
  identityType: string;
  sent: number;
  accepted: number;
  rejected: number;
  retried: number;
  /** Identities in calls AEP drops after its retries ran out (counted in `rejected` too). */
  dropped?: number;
}

export interface ListState {
  audience: string;
  customerListId: string;
  /**
   * created: by the audience template's create in this run; reused: remembered from an earlier
   * run (the state file); activation: the id is written in the activation file.
   */
  origin: 'created' | 'reused' | 'activation';
  /** The CUSTOMER_LIST audience on the list (opt-in, not done by AEP). */
  audienceId?: string;
  status?: string;
  uploaded?: number;
  removed?: number;
  note?: string;
}

export interface ActivationSummary extends PlanSummary {
  /** Identity records of the membership requests, as Pinterest answered. */
  accepted: number;
  rejected: number;
  created: number;
  reused: number;
  /** pindest's read-only calls (not done by AEP). */
  checks: number;
  /** Opt-in writes (--create-audience), not done by AEP. */
  notDoneByAep: number;
}

export interface ActivationReport {
  activation: { file: string; name: string; destination: string };
  environment: string;
  baseUrl: string;
  /** AEP's retry policy (from the destination's aggregation type) and the time scale of the waits. */
  retry?: RetryInfo;
  adAccount: { id: string; name?: string; permissions?: string[] };
  outcome: 'succeeded' | 'failed' | 'cancelled' | 'refused';
  failure?: { message: string; whatToDo: string };
  summary: ActivationSummary;
  /** Where the created lists are remembered, and whether that outlives the run. */
  state: { where: string; persistent: boolean };
  calls: CallRecord[];
  counts: IdentityCounts[];
  /** Identities refused before sending, by reason (from the plan). */
  notSent: Record<string, number>;
  lists: ListState[];
  notes: string[];
}

export function formatActivationJson(report: ActivationReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** Who makes a call and why (English; the extension translates it with `translateText`). */
export const STEP_LABEL: Record<CallRecord['step'], string> = {
  preflight: msg("pindest's read-only check, not done by AEP"),
  resolve: msg("pindest's read-only check, not done by AEP"),
  verify: msg("pindest's read-only check, not done by AEP"),
  'create-list': msg('AEP: audience template create'),
  'create-audience': msg('not done by AEP: --create-audience'),
  membership: msg('AEP: destination server'),
};

/** The summary lines, with the words `pindest preview` uses for the same counts. */
export function summaryLines(report: ActivationReport, tr: Translate = english): string[] {
  const s = report.summary;
  return [
    identitiesLine(s, tr),
    tr('{0}: {1} accepted, {2} rejected', membershipLine(s, tr), s.accepted, s.rejected),
    tr('Audience template creates (sent by AEP): {0} (lists created {1}, reused {2})', s.created, s.created, s.reused),
    tr("pindest's read-only checks (not done by AEP): {0}", s.checks),
    ...(s.notDoneByAep ? [tr('Opted-in calls, not done by AEP (--create-audience): {0}', s.notDoneByAep)] : []),
  ];
}

export function formatActivationText(report: ActivationReport): string {
  const out: string[] = [];
  const verdict = { succeeded: 'succeeded', failed: 'FAILED', cancelled: 'was cancelled', refused: 'was refused before sending anything' }[report.outcome];
  out.push(`Test activation "${report.activation.name}" ${verdict} — ${report.environment} (${report.baseUrl}), ad account ${report.adAccount.id}${report.adAccount.name ? ` "${report.adAccount.name}"` : ''}`);
  if (report.retry) out.push(`Retries: ${report.retry.description}${report.retry.timeScale === 1 ? '' : ` (waits compressed ×${report.retry.timeScale} in this run)`}`);
  if (report.failure) out.push('', `${report.failure.message}`, `What to do: ${report.failure.whatToDo}`);
  out.push('', ...summaryLines(report));
  if (report.lists.length) {
    out.push('', `Customer lists (remembered in ${report.state.where})`);
    for (const l of report.lists) {
      out.push(`  ${l.audience}: list ${l.customerListId} ${l.origin === 'activation' ? '(from the activation file)' : `(${l.origin})`}${l.audienceId ? `, audience ${l.audienceId}` : ''}${l.status ? `, status ${l.status}` : ''}${l.uploaded !== undefined ? `, ${l.uploaded} uploaded, ${l.removed ?? 0} removed` : ''}${l.note ? ` — ${l.note}` : ''}`);
    }
  }
  if (report.counts.length) {
    out.push('', '  audience / identity type                          sent  accepted  rejected  retried  dropped by AEP');
    for (const c of report.counts) {
      out.push(`  ${`${c.audience} / ${c.identityType}`.padEnd(48)} ${String(c.sent).padStart(5)} ${String(c.accepted).padStart(9)} ${String(c.rejected).padStart(9)} ${String(c.retried).padStart(8)} ${String(c.dropped ?? 0).padStart(15)}`);
    }
  }
  const notSent = Object.entries(report.notSent);
  if (notSent.length) out.push('', `Not sent (refused before sending): ${notSent.map(([r, n]) => `${r} ×${n}`).join(', ')}`);
  if (report.notes.length) out.push('', 'Notes', ...report.notes.map((n) => `  - ${n}`));
  out.push('', `Calls (${report.calls.length})`);
  report.calls.forEach((c, i) => {
    const status = c.response ? String(c.response.code) : c.error ? 'error' : '—';
    out.push(`  ${i + 1}. ${c.request.method} ${c.request.uri} → ${status}${c.attempts > 1 ? ` after ${c.attempts} attempts` : ''}${c.requestId ? `  [x-pinterest-rid ${c.requestId}]` : ''}  (${c.step}${c.audience ? `, ${c.audience}` : ''}; ${STEP_LABEL[c.step]})`);
    for (const r of c.retries ?? []) out.push(`     retry after ${r.reason}: ${retryWait(r, report.retry?.timeScale)}`);
    if (c.dropped) out.push('     dropped: AEP gives up on this call after its retries; its records do not reach Pinterest');
    if (c.error) out.push(`     ${c.error}`);
  });
  return out.join('\n') + '\n';
}

export { CUSTOMER_LIST_AUDIENCE_NOTE };
/** 15000 → "15 s", 1800000 → "30 min". */
function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${+(ms / 1000).toFixed(3)} s`;
  return `${ms} ms`;
}

export function retryWait(r: RetryRecord, timeScale = 1, tr: Translate = english): string {
  if (r.reason === 'refresh') return tr('a new access token, sent again at once');
  const waits = timeScale === 1 ? tr('AEP waits {0}', duration(r.aepWaitMs)) : tr('AEP waits {0} (this run waited {1})', duration(r.aepWaitMs), duration(r.waitedMs));
  return r.serverAskedMs === undefined ? waits : tr('{0}; Pinterest asked for {1}, which AEP ignores', waits, duration(r.serverAskedMs));
}
