/**
 * The test activation's result, shaped like Adobe's destination-test response (per call the
 * request, the response, the trace id) plus the counts a person checks. Built from display forms
 * only: masked identifiers, hashes, redacted headers.
 */
export interface CallRecord {
  step: 'preflight' | 'create-list' | 'create-audience' | 'membership' | 'verify';
  audience?: string;
  request: { method: string; uri: string; headers: Record<string, string>; body: string };
  response?: { code: number; body: unknown };
  requestId?: string;
  attempts: number;
  error?: string;
}

export interface IdentityCounts {
  audience: string;
  identityType: string;
  sent: number;
  accepted: number;
  rejected: number;
  retried: number;
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
  if (report.failure) out.push('', `${report.failure.message}`, `What to do: ${report.failure.whatToDo}`);
  if (report.lists.length) {
    out.push('', 'Customer lists');
    for (const l of report.lists) {
      out.push(`  ${l.audience}: list ${l.customerListId}${l.created ? ' (created)' : ''}${l.audienceId ? `, audience ${l.audienceId}` : ''}${l.status ? `, status ${l.status}` : ''}${l.uploaded !== undefined ? `, ${l.uploaded} uploaded, ${l.removed ?? 0} removed` : ''}`);
    }
  }
  if (report.counts.length) {
    out.push('', '  audience / identity type                          sent  accepted  rejected  retried');
    for (const c of report.counts) {
      out.push(`  ${`${c.audience} / ${c.identityType}`.padEnd(48)} ${String(c.sent).padStart(5)} ${String(c.accepted).padStart(9)} ${String(c.rejected).padStart(9)} ${String(c.retried).padStart(8)}`);
    }
  }
  const notSent = Object.entries(report.notSent);
  if (notSent.length) out.push('', `Not sent (refused before sending): ${notSent.map(([r, n]) => `${r} ×${n}`).join(', ')}`);
  out.push('', `Calls (${report.calls.length})`);
  report.calls.forEach((c, i) => {
    const status = c.response ? String(c.response.code) : c.error ? 'error' : '—';
    out.push(`  ${i + 1}. ${c.request.method} ${c.request.uri} → ${status}${c.attempts > 1 ? ` after ${c.attempts} attempts` : ''}${c.requestId ? `  [x-pinterest-rid ${c.requestId}]` : ''}${c.audience ? `  (${c.step}, ${c.audience})` : `  (${c.step})`}`);
    if (c.error) out.push(`     ${c.error}`);
  });
  return out.join('\n') + '\n';
}
