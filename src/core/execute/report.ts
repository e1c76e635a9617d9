/**
 * The test activation's result, shaped like Adobe's destination-test response (per call the
 * request, the response, the trace id) plus the counts a person checks. Built from display forms
 * only: masked identifiers, hashes, redacted headers. Every call says who would make it: AEP (the
 * audience template's create, the destination server's membership requests) or pindest (read-only
 * checks, and the opt-in audience creation), which AEP never does.
 */
import { CUSTOMER_LIST_AUDIENCE_NOTE, identitiesLine, membershipLine, type PlanSummary } from './summary';
import type { RetryInfo, RetryRecord } from '../pinterest/types';
import { english, msg, translateText, type Translate } from '../report/l10n';

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

/** The push report as text; `tr` words it (English by default, as `pindest push` prints it). */
export function formatActivationText(report: ActivationReport, tr: Translate = english): string {
  const out: string[] = [];
  const account = tr('ad account {0}', `${report.adAccount.id}${report.adAccount.name ? ` "${report.adAccount.name}"` : ''}`);
  const where = [report.activation.name, report.environment, report.baseUrl, account] as const;
  out.push(
    report.outcome === 'succeeded'
      ? tr('Test activation "{0}" succeeded — {1} ({2}), {3}', ...where)
      : report.outcome === 'failed'
        ? tr('Test activation "{0}" FAILED — {1} ({2}), {3}', ...where)
        : report.outcome === 'cancelled'
          ? tr('Test activation "{0}" was cancelled — {1} ({2}), {3}', ...where)
          : tr('Test activation "{0}" was refused before sending anything — {1} ({2}), {3}', ...where),
  );
  if (report.retry) {
    const policy = translateText(report.retry.description, tr);
    out.push(report.retry.timeScale === 1 ? tr('Retries: {0}', policy) : tr('Retries: {0} (waits compressed ×{1} in this run)', policy, report.retry.timeScale));
  }
  if (report.failure) out.push('', translateText(report.failure.message, tr), tr('What to do: {0}', translateText(report.failure.whatToDo, tr)));
  out.push('', ...summaryLines(report, tr));
  if (report.lists.length) {
    out.push('', tr('Customer lists (remembered in {0})', translateText(report.state.where, tr)));
    for (const l of report.lists) {
      const origin = l.origin === 'activation' ? tr('from the activation file') : l.origin === 'created' ? tr('created') : tr('reused');
      const parts = [
        tr('list {0} ({1})', l.customerListId, origin),
        ...(l.audienceId ? [tr('audience {0}', l.audienceId)] : []),
        ...(l.status ? [tr('status {0}', l.status)] : []),
        ...(l.uploaded !== undefined ? [tr('{0} uploaded, {1} removed', l.uploaded, l.removed ?? 0)] : []),
      ];
      out.push(`  ${l.audience}: ${parts.join(', ')}${l.note ? ` — ${l.note}` : ''}`);
    }
  }
  if (report.counts.length) {
    // Columns as wide as their heading in the reader's language (English: 5, 9, 9, 8, 15).
    // One message for the five headings (its words are column names, not the outcome words elsewhere).
    const heads = tr('sent|accepted|rejected|retried|dropped by AEP').split('|');
    const widths = [5, 9, 9, 8, 15].map((w, i) => Math.max(w, (heads[i]?.length ?? 0) + 1));
    out.push('', `  ${tr('audience / identity type').padEnd(48)} ${widths.map((w, i) => (heads[i] ?? '').padStart(w)).join(' ')}`);
    for (const c of report.counts) {
      const cells = [c.sent, c.accepted, c.rejected, c.retried, c.dropped ?? 0].map((n, i) => String(n).padStart(widths[i]!));
      out.push(`  ${`${c.audience} / ${c.identityType}`.padEnd(48)} ${cells.join(' ')}`);
    }
  }
  const notSent = Object.entries(report.notSent);
  if (notSent.length) out.push('', tr('Not sent (refused before sending): {0}', notSent.map(([r, n]) => `${r} ×${n}`).join(', ')));
  if (report.notes.length) out.push('', tr('Notes'), ...report.notes.map((n) => `  - ${translateText(n, tr)}`));
  out.push('', tr('Calls ({0})', report.calls.length));
  report.calls.forEach((c, i) => {
    const status = c.response ? String(c.response.code) : c.error ? tr('error') : '—';
    const answer = c.attempts > 1 ? tr('{0} after {1} attempts', status, c.attempts) : status;
    out.push(`  ${i + 1}. ${c.request.method} ${c.request.uri} → ${answer}${c.requestId ? `  [x-pinterest-rid ${c.requestId}]` : ''}  (${c.step}${c.audience ? `, ${c.audience}` : ''}; ${translateText(STEP_LABEL[c.step], tr)})`);
    for (const r of c.retries ?? []) out.push(`     ${tr('retry after {0}: {1}', r.reason, retryWait(r, report.retry?.timeScale, tr))}`);
    if (c.dropped) out.push(`     ${tr('dropped: AEP gives up on this call after its retries; its records do not reach Pinterest')}`);
    if (c.error) out.push(`     ${translateText(c.error, tr)}`);
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
