/**
 * The test activation's result, shaped like Adobe's destination-test response (per call the
 * request, the response, the trace id) plus the counts a person checks. Built from display forms
 * only: masked identifiers, hashes, redacted headers.
 */
import type { RetryInfo, RetryRecord } from '../pinterest/types';

export interface CallRecord {
  step: 'preflight' | 'create-list' | 'create-audience' | 'membership' | 'verify';
  audience?: string;
  request: { method: string; uri: string; headers: Record<string, string>; body: string };
  response?: { code: number; body: unknown };
  requestId?: string;
  attempts: number;
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
  audienceId?: string;
  status?: string;
  uploaded?: number;
  removed?: number;
  created: boolean;
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
  calls: CallRecord[];
  counts: IdentityCounts[];
  /** Identities refused before sending, by reason (from the plan). */
  notSent: Record<string, number>;
  lists: ListState[];
}

export function formatActivationJson(report: ActivationReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

export function formatActivationText(report: ActivationReport): string {
  const out: string[] = [];
  const verdict = { succeeded: 'succeeded', failed: 'FAILED', cancelled: 'was cancelled', refused: 'was refused before sending anything' }[report.outcome];
  out.push(`Test activation "${report.activation.name}" ${verdict} — ${report.environment} (${report.baseUrl}), ad account ${report.adAccount.id}${report.adAccount.name ? ` "${report.adAccount.name}"` : ''}`);
  if (report.retry) out.push(`Retries: ${report.retry.description}${report.retry.timeScale === 1 ? '' : ` (waits compressed ×${report.retry.timeScale} in this run)`}`);
  if (report.failure) out.push('', `${report.failure.message}`, `What to do: ${report.failure.whatToDo}`);
  if (report.lists.length) {
    out.push('', 'Customer lists');
    for (const l of report.lists) {
      out.push(`  ${l.audience}: list ${l.customerListId}${l.created ? ' (created)' : ''}${l.audienceId ? `, audience ${l.audienceId}` : ''}${l.status ? `, status ${l.status}` : ''}${l.uploaded !== undefined ? `, ${l.uploaded} uploaded, ${l.removed ?? 0} removed` : ''}`);
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
  out.push('', `Calls (${report.calls.length})`);
  report.calls.forEach((c, i) => {
    const status = c.response ? String(c.response.code) : c.error ? 'error' : '—';
    out.push(`  ${i + 1}. ${c.request.method} ${c.request.uri} → ${status}${c.attempts > 1 ? ` after ${c.attempts} attempts` : ''}${c.requestId ? `  [x-pinterest-rid ${c.requestId}]` : ''}${c.audience ? `  (${c.step}, ${c.audience})` : `  (${c.step})`}`);
    for (const r of c.retries ?? []) out.push(`     retry after ${r.reason}: ${retryWait(r, report.retry?.timeScale)}`);
    if (c.dropped) out.push('     dropped: AEP gives up on this call after its retries; its records do not reach Pinterest');
    if (c.error) out.push(`     ${c.error}`);
  });
  return out.join('\n') + '\n';
}

/** 15000 → "15 s", 1800000 → "30 min". */
function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${+(ms / 1000).toFixed(3)} s`;
  return `${ms} ms`;
}

function retryWait(r: RetryRecord, timeScale = 1): string {
  if (r.reason === 'refresh') return 'a new access token, sent again at once';
  const slept = timeScale === 1 ? '' : ` (this run waited ${duration(r.waitedMs)})`;
  const asked = r.serverAskedMs !== undefined ? `; Pinterest asked for ${duration(r.serverAskedMs)}, which AEP ignores` : '';
  return `AEP waits ${duration(r.aepWaitMs)}${slept}${asked}`;
}
