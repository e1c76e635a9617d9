/**
 * The test activation report page: every call of the core's ActivationReport (method, URL, status,
 * attempts and AEP's retry waits, time, who makes it, request and response headers and bodies),
 * the summary, the lists and the notes. Pure: no `vscode`, unit-tested in plain Node. The report is
 * already redacted by the core (masked identifiers, hashes, `••••` for tokens); every value goes
 * through the escaping tag `h`, and the page's only script is the bundled one, gated by nonce.
 */
import { STEP_LABEL, retryWait, summaryLines, type ActivationReport, type CallRecord } from '../core/execute/report';
import { totals } from './activation-md';
import { english, translateText, type Translate } from '../core/report/l10n';
import { h, hfill, type Safe } from './html';
import { page, table, type PageResources } from './preview-html';

/** The page's own words; the extension passes them translated (English by default). */
export interface ReportLabels {
  verdict: Record<ActivationReport['outcome'], string>;
  exportMarkdown: string;
  exportJson: string;
  summary: string;
  counts: string;
  lists: string;
  notes: string;
  calls: string;
  requestHeaders: string;
  requestBody: string;
  responseHeaders: string;
  responseBody: string;
  resend: string;
  resendNote: string;
  who: { aep: string; pindest: string };
  columns: { audience: string; identityType: string; sent: string; accepted: string; rejected: string; retried: string; dropped: string; list: string; origin: string; status: string; uploaded: string; removed: string };
}

export const ENGLISH_LABELS: ReportLabels = {
  verdict: { succeeded: 'Test activation succeeded', failed: 'Test activation failed', cancelled: 'Test activation cancelled', refused: 'Test activation refused before sending anything' },
  exportMarkdown: 'Export as Markdown',
  exportJson: 'Export as JSON',
  summary: 'Summary',
  counts: 'Identities by audience and type',
  lists: 'Customer lists',
  notes: 'Notes',
  calls: 'Calls',
  requestHeaders: 'Request headers',
  requestBody: 'Request body',
  responseHeaders: 'Response headers',
  responseBody: 'Response body',
  resend: 'Send Again',
  resendNote: "Only pindest's read-only checks (GET) can be sent again from here: they change nothing. AEP's calls create lists and add or remove their members, so sending one again alone would change the list outside a run; run the test activation again instead.",
  who: { aep: 'AEP', pindest: 'pindest check' },
  columns: { audience: 'Audience', identityType: 'Identity type', sent: 'Sent', accepted: 'Accepted', rejected: 'Rejected', retried: 'Retried', dropped: 'Dropped by AEP', list: 'Customer list', origin: 'Origin', status: 'Status', uploaded: 'Uploaded', removed: 'Removed' },
};

/** The answer to "Send Again" of one call, shown under it. */
export interface ResendResult {
  at: string;
  status?: number;
  durationMs: number;
  requestId?: string;
  headers?: Record<string, string>;
  body?: unknown;
  error?: string;
}

export interface ReportView {
  report: ActivationReport;
  /** ISO time the run finished (from the run history). */
  savedAt?: string;
  /** Results of "Send Again", by call index. */
  resent?: Record<number, ResendResult[]>;
  labels?: ReportLabels;
  /** The page's and the core's words in the display language (vscode.l10n.t); English by default. */
  tr?: Translate;
  /** The page's language (vscode.env.language). */
  lang?: string;
}

/** Only pindest's read-only checks may be sent again: GET, and not a call AEP makes. */
export function canResend(call: CallRecord): boolean {
  return call.by === 'pindest' && call.request.method.toUpperCase() === 'GET';
}

export function renderReportPage(view: ReportView, res: PageResources): string {
  const l = view.labels ?? ENGLISH_LABELS;
  return page(res, l.verdict[view.report.outcome], renderReportBody(view), view.lang);
}

/** JSON bodies indented; anything else as it is. */
function bodyText(body: unknown): string {
  if (body === undefined || body === null || body === '') return '';
  if (typeof body === 'string') {
    try {
      return JSON.stringify(JSON.parse(body), null, 2);
    } catch {
      return body;
    }
  }
  return JSON.stringify(body, null, 2);
}

function headerText(headers: Record<string, string> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

function statusOf(c: CallRecord, tr: Translate): { value: string; text: string; cls: string } {
  if (c.response) return { value: String(c.response.code), text: String(c.response.code), cls: c.response.code >= 400 ? 'bad' : 'ok' };
  return c.error ? { value: 'error', text: tr('error'), cls: 'bad' } : { value: '—', text: '—', cls: 'muted' };
}

const ms = (n: number | undefined) => (n === undefined ? '' : `${n} ms`);

function block(title: string, text: string, cls: string): Safe {
  return text ? h`<h4>${title}</h4><pre class="${cls}">${text}</pre>` : h``;
}

function renderCall(c: CallRecord, i: number, view: ReportView, l: ReportLabels): Safe {
  const tr = view.tr ?? english;
  const st = statusOf(c, tr);
  const stepLabel = translateText(STEP_LABEL[c.step], tr);
  const resent = view.resent?.[i] ?? [];
  return h`<li class="call" id="call-${i}" data-index="${i}" data-by="${c.by}" data-step="${c.step}" data-status="${st.value}">
<details${c.error || c.dropped ? h` open` : ''}>
<summary><code class="method">${c.request.method}</code> <code class="url">${c.request.uri}</code> → <span class="status ${st.cls}">${st.text}</span>
<span class="muted">· ${(c.attempts === 1 ? tr('{0} attempt', c.attempts) : tr('{0} attempts', c.attempts))}${c.durationMs !== undefined ? ` · ${ms(c.durationMs)}` : ''} ·</span> <vscode-badge class="who ${c.by}" title="${stepLabel}">${c.by === 'aep' ? l.who.aep : l.who.pindest}</vscode-badge>
<span class="muted step">${c.step}${c.audience ? `, ${c.audience}` : ''}</span></summary>
<p class="muted">${stepLabel}${c.requestId ? h` · x-pinterest-rid <code class="rid">${c.requestId}</code>` : ''}</p>
${c.retries?.length ? h`<ul class="retries">${c.retries.map((r) => h`<li>${tr('attempt {0} failed ({1}): {2}', r.attempt, `${r.reason}${r.status ? ` ${r.status}` : ''}`, retryWait(r, view.report.retry?.timeScale, tr))}</li>`)}</ul>` : ''}
${c.dropped ? h`<p class="bad dropped">${tr('Dropped: AEP gives up on this call after its retries; its records do not reach Pinterest.')}</p>` : ''}
${c.error ? h`<p class="bad call-error">${translateText(c.error, tr)}</p>` : ''}
${block(l.requestHeaders, headerText(c.request.headers), 'request-headers')}
${block(l.requestBody, bodyText(c.request.body), 'request-body')}
${block(l.responseHeaders, headerText(c.response?.headers), 'response-headers')}
${block(l.responseBody, bodyText(c.response?.body), 'response-body')}
${canResend(c) ? h`<p><vscode-button secondary data-action="resend" data-index="${i}">${l.resend}</vscode-button></p>` : ''}
${resent.map(
    (r) => h`<div class="resent"><h4>${l.resend}: ${r.at}</h4><p>→ <span class="status ${r.status !== undefined && r.status < 400 ? 'ok' : 'bad'}">${r.status ?? tr('error')}</span> <span class="muted">· ${ms(r.durationMs)}${r.requestId ? ` · x-pinterest-rid ${r.requestId}` : ''}</span></p>
${r.error ? h`<p class="bad">${translateText(r.error, tr)}</p>` : ''}${block(l.responseHeaders, headerText(r.headers), 'response-headers')}${block(l.responseBody, bodyText(r.body), 'response-body')}</div>`,
  )}
</details></li>`;
}

export function renderReportBody(view: ReportView): Safe {
  const { report: r } = view;
  const l = view.labels ?? ENGLISH_LABELS;
  const tr = view.tr ?? english;
  const t = totals(r);
  const c = l.columns;
  const notSent = Object.entries(r.notSent);
  return h`<main id="report" data-outcome="${r.outcome}" data-calls="${r.calls.length}">
<header>
<h1 id="report-title" class="${r.outcome === 'succeeded' ? 'ok' : r.outcome === 'cancelled' ? 'muted' : 'bad'}">${l.verdict[r.outcome]}</h1>
<p class="sub"><strong id="activation-name">${r.activation.name}</strong> <span class="muted">(${r.activation.file})</span> → ${r.activation.destination || tr('destination')}
<vscode-badge variant="counter" title="${tr('environment')}">${r.environment}</vscode-badge></p>
<p class="sub"><code id="base-url">${r.baseUrl}</code> · ${hfill(tr('ad account {0}'), h`<code>${r.adAccount.id}</code>`)}${r.adAccount.name ? ` "${r.adAccount.name}"` : ''}${view.savedAt ? h` · <span id="saved-at">${view.savedAt}</span>` : ''}</p>
<p class="actions"><vscode-button id="export-md" data-action="export-md">${l.exportMarkdown}</vscode-button> <vscode-button id="export-json" secondary data-action="export-json">${l.exportJson}</vscode-button></p>
${r.failure ? h`<p class="error" id="failure">${translateText(r.failure.message, tr)}</p><p class="hint">${translateText(r.failure.whatToDo, tr)}</p>` : ''}
<p class="summary" id="totals">${hfill(
    tr('{0} accepted, {1} rejected, {2} sent, {3} retried; {4} calls ({5} failed).'),
    h`<span class="ok" data-count="accepted">${t.accepted}</span>`,
    h`<span class="bad" data-count="rejected">${t.rejected}</span>`,
    h`<span data-count="sent">${t.sent}</span>`,
    h`<span data-count="retried">${t.retried}</span>`,
    h`<span data-count="calls">${t.calls}</span>`,
    h`<span data-count="failed-calls">${t.failedCalls}</span>`,
  )}</p>
</header>

<section id="summary-section"><h2>${l.summary}</h2>
<ul id="summary">${summaryLines(r, tr).map((line) => h`<li>${line}</li>`)}</ul>
${r.retry ? h`<p class="muted" id="retry-policy">${r.retry.timeScale === 1 ? tr('Retries: {0}', translateText(r.retry.description, tr)) : tr('Retries: {0} (waits compressed ×{1} in this run)', translateText(r.retry.description, tr), r.retry.timeScale)}</p>` : ''}
${notSent.length ? h`<p id="not-sent">${tr('Not sent (refused before sending): {0}', notSent.map(([reason, n]) => `${reason} ×${n}`).join(', '))}</p>` : ''}
</section>

${r.counts.length ? h`<section id="counts-section"><h2>${l.counts}</h2>
${table('counts', [c.audience, c.identityType, c.sent, c.accepted, c.rejected, c.retried, c.dropped], r.counts.map((x) => [x.audience, x.identityType, String(x.sent), String(x.accepted), String(x.rejected), String(x.retried), String(x.dropped ?? 0)]))}
</section>` : ''}

${r.lists.length ? h`<section id="lists-section"><h2>${l.lists}</h2>
${table('lists', [c.audience, c.list, c.origin, c.status, c.uploaded, c.removed], r.lists.map((x) => [x.audience, x.customerListId, x.origin === 'activation' ? tr('from the activation file') : x.origin === 'created' ? tr('created') : tr('reused'), x.status ?? '', x.uploaded === undefined ? '' : String(x.uploaded), x.removed === undefined ? '' : String(x.removed)]))}
<p class="muted" id="state-where">${tr('Lists are remembered in {0}.', translateText(r.state.where, tr))}</p>
</section>` : ''}

${r.notes.length ? h`<section id="notes-section"><h2>${l.notes}</h2><ul id="notes">${r.notes.map((n) => h`<li>${translateText(n, tr)}</li>`)}</ul></section>` : ''}

<section id="calls-section"><h2>${l.calls} (${r.calls.length})</h2>
<p class="muted" id="resend-note">${l.resendNote}</p>
<ol id="calls">${r.calls.map((call, i) => renderCall(call, i, view, l))}</ol>
</section>
</main>`;
}
