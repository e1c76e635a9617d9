/**
 * The test activation report as Markdown (the report view's "Export as Markdown", and the diff of two runs). Pure; built only from
 * the core's ActivationReport, whose values are already masked or hashed. Table cells are escaped.
 */
import { summaryLines, type ActivationReport } from '../core/execute/report';

/** A Markdown table cell: no pipes, no line breaks, no HTML, no backtick runs. */
export function mdCell(value: unknown): string {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/`/g, "'")
    .replace(/([*[\]])/g, '\\$1');
}

export interface Totals {
  sent: number;
  accepted: number;
  rejected: number;
  retried: number;
  calls: number;
  failedCalls: number;
}

export function totals(report: ActivationReport): Totals {
  const sum = (k: 'sent' | 'accepted' | 'rejected' | 'retried') => report.counts.reduce((n, c) => n + c[k], 0);
  return {
    sent: sum('sent'),
    accepted: sum('accepted'),
    rejected: sum('rejected'),
    retried: sum('retried'),
    calls: report.calls.length,
    failedCalls: report.calls.filter((c) => c.error || (c.response && c.response.code >= 400)).length,
  };
}

const VERDICT: Record<ActivationReport['outcome'], string> = {
  succeeded: 'succeeded',
  failed: 'FAILED',
  cancelled: 'cancelled',
  refused: 'refused before sending anything',
};

export function activationMarkdown(report: ActivationReport, text: string): string {
  const t = totals(report);
  const out: string[] = [];
  out.push(`# Test activation ${VERDICT[report.outcome]}`, '');
  out.push(`**${mdCell(report.activation.name)}** (${mdCell(report.activation.file)}) → ${mdCell(report.activation.destination)}  `);
  out.push(`Environment **${mdCell(report.environment)}** (${mdCell(report.baseUrl)}), ad account **${mdCell(report.adAccount.id)}**${report.adAccount.name ? ` "${mdCell(report.adAccount.name)}"` : ''}`, '');
  if (report.failure) out.push(`> **${mdCell(report.failure.message)}**  `, `> What to do: ${mdCell(report.failure.whatToDo)}`, '');
  out.push(`**${t.accepted} accepted**, ${t.rejected} rejected, ${t.sent} sent, ${t.retried} retried; ${t.calls} calls (${t.failedCalls} failed).`, '');
  if (report.summary) out.push(...summaryLines(report).map((l) => `- ${mdCell(l)}`), '');
  if (report.counts.length) {
    out.push('| Audience | Identity type | Sent | Accepted | Rejected | Retried |', '| --- | --- | ---: | ---: | ---: | ---: |');
    for (const c of report.counts) out.push(`| ${mdCell(c.audience)} | ${mdCell(c.identityType)} | ${c.sent} | ${c.accepted} | ${c.rejected} | ${c.retried} |`);
    out.push('');
  }
  const notSent = Object.entries(report.notSent);
  if (notSent.length) {
    out.push('Not sent (refused before sending):', '');
    for (const [reason, n] of notSent) out.push(`- ${mdCell(reason)}: ${n}`);
    out.push('');
  }
  if (report.lists.length) {
    out.push('| Audience | Customer list | List | Status | Uploaded | Removed |', '| --- | --- | --- | --- | ---: | ---: |');
    for (const l of report.lists) out.push(`| ${mdCell(l.audience)} | ${mdCell(l.customerListId)} | ${l.origin === 'activation' ? 'from the activation file' : l.origin} | ${mdCell(l.status ?? '')} | ${l.uploaded ?? ''} | ${l.removed ?? ''} |`);
    out.push('', `Lists are remembered in ${mdCell(report.state.where)}.`, '');
  }
  if (report.notes?.length) {
    out.push(...report.notes.map((n) => `> ${mdCell(n)}`), '');
  }
  out.push('## Every request and response', '', '```text', text.replace(/```/g, "'''").trimEnd(), '```', '');
  return out.join('\n');
}
