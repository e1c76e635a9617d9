/**
 * The test activation report as Markdown (the report view's "Export as Markdown", and the diff of two runs). Pure; built only from
 * the core's ActivationReport, whose values are already masked or hashed. Table cells are escaped.
 */
import { summaryLines, type ActivationReport } from '../core/execute/report';
import { english, translateText, type Translate } from '../core/report/l10n';

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

function verdict(outcome: ActivationReport['outcome'], tr: Translate): string {
  switch (outcome) {
    case 'succeeded':
      return tr('Test activation succeeded');
    case 'failed':
      return tr('Test activation FAILED');
    case 'cancelled':
      return tr('Test activation cancelled');
    case 'refused':
      return tr('Test activation refused before sending anything');
  }
}

/** `tr`: the words in the display language (vscode.l10n.t); English by default. */
export function activationMarkdown(report: ActivationReport, text: string, tr: Translate = english): string {
  const t = totals(report);
  const out: string[] = [];
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  out.push(`# ${verdict(report.outcome, tr)}`, '');
  out.push(`**${mdCell(report.activation.name)}** (${mdCell(report.activation.file)}) → ${mdCell(report.activation.destination)}  `);
  out.push(
    report.adAccount.name
      ? tr('Environment **{0}** ({1}), ad account **{2}** "{3}"', mdCell(report.environment), mdCell(report.baseUrl), mdCell(report.adAccount.id), mdCell(report.adAccount.name))
      : tr('Environment **{0}** ({1}), ad account **{2}**', mdCell(report.environment), mdCell(report.baseUrl), mdCell(report.adAccount.id)),
    '',
  );
  if (report.failure) out.push(`> **${mdCell(translateText(report.failure.message, tr))}**  `, `> ${tr('What to do: {0}', mdCell(translateText(report.failure.whatToDo, tr)))}`, '');
  out.push(tr('**{0} accepted**, {1} rejected, {2} sent, {3} retried; {4} calls ({5} failed).', t.accepted, t.rejected, t.sent, t.retried, t.calls, t.failedCalls), '');
  if (report.summary) out.push(...summaryLines(report, tr).map((l) => `- ${mdCell(l)}`), '');
  if (report.counts.length) {
    out.push(row([tr('Audience'), tr('Identity type'), tr('Sent'), tr('Accepted'), tr('Rejected'), tr('Retried')]), '| --- | --- | ---: | ---: | ---: | ---: |');
    for (const c of report.counts) out.push(`| ${mdCell(c.audience)} | ${mdCell(c.identityType)} | ${c.sent} | ${c.accepted} | ${c.rejected} | ${c.retried} |`);
    out.push('');
  }
  const notSent = Object.entries(report.notSent);
  if (notSent.length) {
    out.push(tr('Not sent (refused before sending):'), '');
    for (const [reason, n] of notSent) out.push(`- ${mdCell(reason)}: ${n}`);
    out.push('');
  }
  if (report.lists.length) {
    out.push(row([tr('Audience'), tr('Customer list'), tr('List'), tr('Status'), tr('Uploaded'), tr('Removed')]), '| --- | --- | --- | --- | ---: | ---: |');
    const origin = (o: string) => (o === 'activation' ? tr('from the activation file') : o === 'created' ? tr('created') : o === 'reused' ? tr('reused') : o);
    for (const l of report.lists) out.push(`| ${mdCell(l.audience)} | ${mdCell(l.customerListId)} | ${origin(l.origin)} | ${mdCell(l.status ?? '')} | ${l.uploaded ?? ''} | ${l.removed ?? ''} |`);
    out.push('', tr('Lists are remembered in {0}.', mdCell(translateText(report.state.where, tr))), '');
  }
  if (report.notes?.length) {
    out.push(...report.notes.map((n) => `> ${mdCell(translateText(n, tr))}`), '');
  }
  out.push(`## ${tr('Every request and response')}`, '', '```text', text.replace(/```/g, "'''").trimEnd(), '```', '');
  return out.join('\n');
}
