/**
 * The Preview Identity Mapping page, built from the core's preview report (masked identifiers and
 * hashes only). Pure: no `vscode`, so it is unit-tested in plain Node. Every value goes through the
 * escaping template tag `h`; the page's only script is the bundled webview script, gated by nonce.
 */
import type { PreviewReport } from '../core/report/preview';
import { buildCsp } from './csp';
import { english, translateText, type Translate } from '../core/report/l10n';
import { h, hfill, type Safe } from './html';

export interface PageResources {
  cspSource: string;
  nonce: string;
  /** webview URIs (asWebviewUri) of the bundled script and the stylesheet. */
  scriptUri: string;
  styleUri: string;
}

export interface PreviewLabels {
  title: string;
}

export function page(res: PageResources, title: string, body: Safe, lang = 'en'): string {
  return h`<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${buildCsp(res)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${res.styleUri}" nonce="${res.nonce}">
<title>${title}</title>
</head>
<body>
${body}
<script nonce="${res.nonce}" src="${res.scriptUri}"></script>
</body>
</html>
`.value;
}

/** `tr`: the page's words in the display language (vscode.l10n.t), `lang` that language; English by default. */
export function renderPreviewPage(report: PreviewReport, res: PageResources, tr: Translate = english, lang = 'en'): string {
  return page(res, tr('Preview: {0}', report.activation.name), renderPreviewBody(report, tr), lang);
}

export function renderErrorPage(message: string, hint: string, res: PageResources, tr: Translate = english, lang = 'en'): string {
  return page(
    res,
    tr('Preview Identity Mapping'),
    h`<main id="preview" data-state="error"><h1>${tr('Preview Identity Mapping')}</h1>
<p class="error" id="preview-error">${message}</p><p class="hint">${hint}</p></main>`,
    lang,
  );
}

/** An identity's outcome (sent, rejected, not-mapped) in words. */
function outcomeText(outcome: string, tr: Translate): string {
  return outcome === 'sent' ? tr('sent') : outcome === 'rejected' ? tr('rejected') : outcome === 'not-mapped' ? tr('not mapped') : outcome;
}

function outcomeBadge(outcome: string, tr: Translate): Safe {
  const variant = outcome === 'sent' ? 'ok' : outcome === 'rejected' ? 'bad' : 'muted';
  return h`<span class="outcome ${variant}" data-outcome="${outcome}">${outcomeText(outcome, tr)}</span>`;
}

/** A data grid of VS Code's webview elements; the preview and the activation report use it. */
export function table(id: string, header: string[], rows: (string | Safe)[][]): Safe {
  return h`<vscode-table id="${id}" zebra bordered-columns resizable class="grid">
<vscode-table-header slot="header">${header.map((c) => h`<vscode-table-header-cell>${c}</vscode-table-header-cell>`)}</vscode-table-header>
<vscode-table-body slot="body">${rows.map((r) => h`<vscode-table-row>${r.map((c) => h`<vscode-table-cell>${c}</vscode-table-cell>`)}</vscode-table-row>`)}</vscode-table-body>
</vscode-table>`;
}

function shortHash(s: string | null): string {
  if (!s) return '';
  return /^[0-9a-f]{64}$/.test(s) ? s.slice(0, 16) + '…' : s;
}

export function renderPreviewBody(report: PreviewReport, tr: Translate = english): Safe {
  const { activation: a, counts } = report;
  // Reasons and problems are the core's English sentences, shown in the display language.
  const reasonMessages = new Map(report.identities.filter((r) => r.reason && r.message).map((r) => [r.reason!, translateText(r.message!, tr)]));
  const byNamespace = Object.entries(counts.byNamespace);
  const byReason = Object.entries(counts.byReason);
  const sent = byNamespace.reduce((n, [, c]) => n + c.sent, 0);
  const rejected = byNamespace.reduce((n, [, c]) => n + c.rejected, 0);
  return h`<main id="preview" data-state="ok" data-file="${a.file}">
<header>
<h1>${tr('Preview Identity Mapping')}</h1>
<p class="sub"><span class="label">${tr('Activation')}</span> <strong id="activation-name">${a.name}</strong> <span class="muted">(${a.file})</span> → ${a.destination || tr('destination')}
<vscode-badge variant="counter" title="${tr('environment')}">${a.environment}</vscode-badge></p>
<p class="summary" id="summary">${hfill(
    tr('{0} profiles, {1} exported; {2} identities sent, {3} rejected; {4} requests planned.'),
    h`<span data-count="profiles">${counts.profiles}</span>`,
    h`<span data-count="exported">${counts.exported}</span>`,
    h`<span class="ok" data-count="sent">${sent}</span>`,
    h`<span class="bad" data-count="rejected">${rejected}</span>`,
    h`<span data-count="requests">${report.requests.length}</span>`,
  )}</p>
${renderTarget(report.target, tr)}
</header>

<section id="flow-section"><h2>${tr('Identity flow')}</h2>
${renderFlowSvg(report, tr)}
</section>

<section id="mappings-section"><h2>${tr('Mappings')}</h2>
${table('mappings', [tr('Source namespace'), tr('Target'), tr('Transformation')], report.mappings.map((m) => [m.source, m.target, m.transformation ? (m.forced ? tr('{0} (required by the destination)', m.transformation) : m.transformation) : tr('none')]))}
</section>

<section id="identities-section"><h2>${tr('Identities')}</h2>
${table('identities', [tr('Profile'), tr('Namespace'), tr('Value (masked)'), tr('Outcome'), tr('Sent / reason')], report.identities.map((r) => [String(r.profile), r.namespace, r.value, outcomeBadge(r.outcome, tr), r.outcome === 'sent' ? (r.sent === 'plain (masked)' ? tr('plain (masked)') : shortHash(r.sent)) : (r.message ? translateText(r.message, tr) : r.reason ?? '')]))}
</section>

<section id="counts-section"><h2>${tr('By identity type')}</h2>
${table('by-namespace', [tr('Namespace'), tr('Sent'), tr('Rejected'), tr('Not mapped')], byNamespace.map(([ns, c]) => [ns, String(c.sent), String(c.rejected), String(c.notMapped)]))}
${byReason.length ? h`<h3>${tr('Not sent, by reason')}</h3>${table('by-reason', [tr('Reason'), tr('Count'), tr('What it means')], byReason.map(([reason, n]) => [reason, String(n), reasonMessages.get(reason) ?? (reason.startsWith('profile-') ? tr('Profiles with no identity or no activated audience left to send.') : '')]))}` : h`<p class="muted">${tr('No identity was rejected.')}</p>`}
</section>

<section id="audiences-section"><h2>${tr('Audiences')}</h2>
${table('audiences', [tr('Audience'), tr('Id'), tr('Pinterest customer list')], report.audiences.map((x) => [x.name, `${x.namespace}:${x.id}`, x.alias ?? tr('created by the audience template ({0})', x.pendingAlias ?? tr('pending'))]))}
</section>

<section id="requests-section"><h2>${tr('Planned requests ({0})', report.requests.length)}</h2>
<ol class="requests">${report.requests.map(
    (r) => h`<li class="request"><p><code class="method">${r.method}</code> <code class="url">${r.url}</code> <span class="muted">${
      r.kind === 'create-list' ? tr('create the customer list for "{0}"', r.audience ?? '') : requestWhat(r, tr)
    }</span></p>
${r.aepUrl !== r.url ? h`<p class="aep muted">${hfill(tr('AEP calls {0}'), h`<code class="aep-url">${r.aepUrl}</code>`)}</p>` : ''}
<pre class="headers">${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\n`).join('')}</pre>${r.body ? h`<pre class="body">${r.body}</pre>` : ''}</li>`,
  )}</ol>
</section>

<section id="problems-section"><h2>${tr('Problems')}</h2>
${report.problems.length ? h`<ul class="problems">${report.problems.map((p) => h`<li><code>${translateText(p.where, tr)}</code>: ${translateText(p.message, tr)}</li>`)}</ul>` : h`<p class="muted">${tr('None.')}</p>`}
</section>
</main>`;
}

/**
 * Where the run sends: the URL a test activation will call (the running in-process simulator's for
 * local), with AEP's beside it when they differ; before the simulator runs its port is unknown.
 */
function renderTarget(t: PreviewReport['target'], tr: Translate): Safe {
  const url = h`<code id="target-url">${t.baseUrl}</code>`;
  return h`<p class="target" id="target">${
    t.baseUrl !== t.aepBaseUrl ? hfill(tr('Requests go to {0} ({1}); AEP calls {2}.'), url, t.environment, h`<code id="aep-base-url">${t.aepBaseUrl}</code>`) : hfill(tr('Requests go to {0} ({1}).'), url, t.environment)
  }</p>
${t.placeholder ? h`<p class="muted" id="target-note">${tr('The local simulator is not running: its port is chosen when it starts ("Start Local Pinterest Simulator", or the next local test activation), and this preview then shows its URL.')}</p>` : ''}`;
}

/** A membership request in words: "add update of "Audience", 2 profiles". */
function requestWhat(r: PreviewReport['requests'][number], tr: Translate): string {
  const profiles = r.profiles === 1 ? tr('{0} profile', String(r.profiles)) : tr('{0} profiles', String(r.profiles));
  return r.audience ? tr('{0} update of "{1}", {2}', r.status ?? tr('membership'), r.audience, profiles) : tr('{0} update, {1}', r.status ?? tr('membership'), profiles);
}

/**
 * Source namespaces → transformation → `pinterest_audience` (or rejected), as inline SVG; each
 * band's width follows its identity count. Text goes in <text>/<title> nodes, escaped.
 */
export function renderFlowSvg(report: PreviewReport, tr: Translate = english): Safe {
  const counts = report.counts.byNamespace;
  const mappingBySource = new Map(report.mappings.map((m) => [m.source, m]));
  const sources = [...new Set([...report.mappings.map((m) => m.source), ...Object.keys(counts)])];
  // Keys (ids, data-node) stay English; `label` shows them in the display language.
  const transformOf = (ns: string): string => {
    const m = mappingBySource.get(ns);
    if (!m) return 'not mapped';
    return m.transformation ?? 'as is';
  };
  const label = (key: string): string => (key === 'not mapped' ? tr('not mapped') : key === 'as is' ? tr('as is') : key === 'rejected' ? tr('rejected') : key);
  const identities = (n: number): string => n === 1 ? tr('{0} identity', n) : tr('{0} identities', n);
  const transforms = [...new Set(sources.map(transformOf))];
  const target = report.mappings[0]?.target ?? 'pinterest_audience';
  const sinks = [target, 'rejected', 'not mapped'];
  const c = (ns: string) => counts[ns] ?? { sent: 0, rejected: 0, notMapped: 0 };
  const total = (ns: string) => c(ns).sent + c(ns).rejected + c(ns).notMapped;
  const max = Math.max(1, ...sources.map(total));
  const width = (n: number) => (n === 0 ? 1 : 3 + Math.round((17 * n) / max));
  const rowH = 54;
  const height = Math.max(sources.length, transforms.length, sinks.length) * rowH + 20;
  const col = { src: 8, tr: 290, sink: 560 };
  const boxW = 190;
  const y = (i: number, n: number) => 10 + ((height - 20) / n) * (i + 0.5);
  const band = (x1: number, y1: number, x2: number, y2: number, n: number, cls: string, title: string) => {
    const mx = (x1 + x2) / 2;
    return h`<path class="band ${cls}" d="M${x1} ${y1.toFixed(1)} C${mx} ${y1.toFixed(1)} ${mx} ${y2.toFixed(1)} ${x2} ${y2.toFixed(1)}" stroke-width="${width(n)}" data-count="${n}"><title>${title}</title></path>`;
  };
  const node = (x: number, cy: number, label: string, sub: string, cls: string, id: string) =>
    h`<g class="node ${cls}" data-node="${id}"><rect x="${x}" y="${(cy - 17).toFixed(1)}" width="${boxW}" height="34" rx="4"></rect><text x="${x + 8}" y="${(cy - 2).toFixed(1)}">${label}</text><text class="small" x="${x + 8}" y="${(cy + 11).toFixed(1)}">${sub}</text></g>`;

  const bands: Safe[] = [];
  sources.forEach((ns, i) => {
    const t = transforms.indexOf(transformOf(ns));
    const n = total(ns);
    bands.push(band(col.src + boxW, y(i, sources.length), col.tr, y(t, transforms.length), n, n ? 'in' : 'empty', `${ns}: ${identities(n)} → ${label(transformOf(ns))}`));
  });
  transforms.forEach((key, t) => {
    const members = sources.filter((ns) => transformOf(ns) === key);
    const sum = (k: 'sent' | 'rejected' | 'notMapped') => members.reduce((s, ns) => s + c(ns)[k], 0);
    const outs: [number, number, string][] = [
      [0, sum('sent'), 'sent'],
      [1, sum('rejected'), 'rejected'],
      [2, sum('notMapped'), 'not-mapped'],
    ];
    for (const [k, n, cls] of outs) {
      if (n > 0) bands.push(band(col.tr + boxW, y(t, transforms.length), col.sink, y(k, sinks.length), n, cls, `${label(key)}: ${n} → ${label(sinks[k]!)}`));
    }
  });
  const sinkCounts = [
    sources.reduce((s, ns) => s + c(ns).sent, 0),
    sources.reduce((s, ns) => s + c(ns).rejected, 0),
    sources.reduce((s, ns) => s + c(ns).notMapped, 0),
  ];
  return h`<svg id="flow" role="img" aria-label="${tr('Identity flow')}" viewBox="0 0 ${col.sink + boxW + 8} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
${bands}
${sources.map((ns, i) => node(col.src, y(i, sources.length), ns, identities(total(ns)), 'source', `source:${ns}`))}
${transforms.map((key, t) => node(col.tr, y(t, transforms.length), label(key), tr('transformation'), 'transform', `transform:${key}`))}
${sinks.map((s, k) => node(col.sink, y(k, sinks.length), label(s), identities(sinkCounts[k]!), k === 0 ? 'target' : k === 1 ? 'rejected' : 'not-mapped', `sink:${s}`))}
</svg>`;
}
