/**
 * The Preview Identity Mapping page, built from the core's preview report (masked identifiers and
 * hashes only). Pure: no `vscode`, so it is unit-tested in plain Node. Every value goes through the
 * escaping template tag `h`; the page's only script is the bundled webview script, gated by nonce.
 */
import type { PreviewReport } from '../core/report/preview';
import { buildCsp } from './csp';
import { h, type Safe } from './html';

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

export function page(res: PageResources, title: string, body: Safe): string {
  return h`<!DOCTYPE html>
<html lang="en">
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

export function renderPreviewPage(report: PreviewReport, res: PageResources): string {
  return page(res, `Preview: ${report.activation.name}`, renderPreviewBody(report));
}

export function renderErrorPage(message: string, hint: string, res: PageResources): string {
  return page(
    res,
    'Preview Identity Mapping',
    h`<main id="preview" data-state="error"><h1>Preview Identity Mapping</h1>
<p class="error" id="preview-error">${message}</p><p class="hint">${hint}</p></main>`,
  );
}

function outcomeBadge(outcome: string): Safe {
  const variant = outcome === 'sent' ? 'ok' : outcome === 'rejected' ? 'bad' : 'muted';
  return h`<span class="outcome ${variant}">${outcome}</span>`;
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

export function renderPreviewBody(report: PreviewReport): Safe {
  const { activation: a, counts } = report;
  const reasonMessages = new Map(report.identities.filter((r) => r.reason && r.message).map((r) => [r.reason!, r.message!]));
  const byNamespace = Object.entries(counts.byNamespace);
  const byReason = Object.entries(counts.byReason);
  const sent = byNamespace.reduce((n, [, c]) => n + c.sent, 0);
  const rejected = byNamespace.reduce((n, [, c]) => n + c.rejected, 0);
  return h`<main id="preview" data-state="ok" data-file="${a.file}">
<header>
<h1>Preview Identity Mapping</h1>
<p class="sub"><span class="label">Activation</span> <strong id="activation-name">${a.name}</strong> <span class="muted">(${a.file})</span> → ${a.destination || 'destination'}
<vscode-badge variant="counter" title="environment">${a.environment}</vscode-badge></p>
<p class="summary" id="summary"><span data-count="profiles">${counts.profiles}</span> profiles, <span data-count="exported">${counts.exported}</span> exported;
<span class="ok" data-count="sent">${sent}</span> identities sent, <span class="bad" data-count="rejected">${rejected}</span> rejected;
<span data-count="requests">${report.requests.length}</span> requests planned.</p>
${renderTarget(report.target)}
</header>

<section id="flow-section"><h2>Identity flow</h2>
${renderFlowSvg(report)}
</section>

<section id="mappings-section"><h2>Mappings</h2>
${table('mappings', ['Source namespace', 'Target', 'Transformation'], report.mappings.map((m) => [m.source, m.target, m.transformation ? `${m.transformation}${m.forced ? ' (required by the destination)' : ''}` : 'none']))}
</section>

<section id="identities-section"><h2>Identities</h2>
${table('identities', ['Profile', 'Namespace', 'Value (masked)', 'Outcome', 'Sent / reason'], report.identities.map((r) => [String(r.profile), r.namespace, r.value, outcomeBadge(r.outcome), r.outcome === 'sent' ? shortHash(r.sent) : r.message ?? r.reason ?? '']))}
</section>

<section id="counts-section"><h2>By identity type</h2>
${table('by-namespace', ['Namespace', 'Sent', 'Rejected', 'Not mapped'], byNamespace.map(([ns, c]) => [ns, String(c.sent), String(c.rejected), String(c.notMapped)]))}
${byReason.length ? h`<h3>Not sent, by reason</h3>${table('by-reason', ['Reason', 'Count', 'What it means'], byReason.map(([reason, n]) => [reason, String(n), reasonMessages.get(reason) ?? (reason.startsWith('profile-') ? 'Profiles with no identity or no activated audience left to send.' : '')]))}` : h`<p class="muted">No identity was rejected.</p>`}
</section>

<section id="audiences-section"><h2>Audiences</h2>
${table('audiences', ['Audience', 'Id', 'Pinterest customer list'], report.audiences.map((x) => [x.name, `${x.namespace}:${x.id}`, x.alias ?? `created by the audience template (${x.pendingAlias ?? 'pending'})`]))}
</section>

<section id="requests-section"><h2>Planned requests (${report.requests.length})</h2>
<ol class="requests">${report.requests.map(
    (r) => h`<li class="request"><p><code class="method">${r.method}</code> <code class="url">${r.url}</code> <span class="muted">${
      r.kind === 'create-list' ? `create the customer list for "${r.audience ?? ''}"` : `${r.status ?? 'membership'} update${r.audience ? ` of "${r.audience}"` : ''}, ${String(r.profiles)} profile${r.profiles === 1 ? '' : 's'}`
    }</span></p>
${r.aepUrl !== r.url ? h`<p class="aep muted">AEP calls <code class="aep-url">${r.aepUrl}</code></p>` : ''}
<pre class="headers">${Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\n`).join('')}</pre>${r.body ? h`<pre class="body">${r.body}</pre>` : ''}</li>`,
  )}</ol>
</section>

<section id="problems-section"><h2>Problems</h2>
${report.problems.length ? h`<ul class="problems">${report.problems.map((p) => h`<li><code>${p.where}</code>: ${p.message}</li>`)}</ul>` : h`<p class="muted">None.</p>`}
</section>
</main>`;
}

/**
 * Where the run sends: the URL a test activation will call (the running in-process simulator's for
 * local), with AEP's beside it when they differ; before the simulator runs its port is unknown.
 */
function renderTarget(t: PreviewReport['target']): Safe {
  return h`<p class="target" id="target">Requests go to <code id="target-url">${t.baseUrl}</code> (${t.environment})${t.baseUrl !== t.aepBaseUrl ? h`; AEP calls <code id="aep-base-url">${t.aepBaseUrl}</code>` : ''}.</p>
${t.placeholder ? h`<p class="muted" id="target-note">The local simulator is not running: its port is chosen when it starts ("Start Local Pinterest Simulator", or the next local test activation), and this preview then shows its URL.</p>` : ''}`;
}

/**
 * Source namespaces → transformation → `pinterest_audience` (or rejected), as inline SVG; each
 * band's width follows its identity count. Text goes in <text>/<title> nodes, escaped.
 */
export function renderFlowSvg(report: PreviewReport): Safe {
  const counts = report.counts.byNamespace;
  const mappingBySource = new Map(report.mappings.map((m) => [m.source, m]));
  const sources = [...new Set([...report.mappings.map((m) => m.source), ...Object.keys(counts)])];
  const transformOf = (ns: string): string => {
    const m = mappingBySource.get(ns);
    if (!m) return 'not mapped';
    return m.transformation ?? 'as is';
  };
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
    bands.push(band(col.src + boxW, y(i, sources.length), col.tr, y(t, transforms.length), n, n ? 'in' : 'empty', `${ns}: ${n} identities → ${transformOf(ns)}`));
  });
  transforms.forEach((tr, t) => {
    const members = sources.filter((ns) => transformOf(ns) === tr);
    const sum = (k: 'sent' | 'rejected' | 'notMapped') => members.reduce((s, ns) => s + c(ns)[k], 0);
    const outs: [number, number, string][] = [
      [0, sum('sent'), 'sent'],
      [1, sum('rejected'), 'rejected'],
      [2, sum('notMapped'), 'not-mapped'],
    ];
    for (const [k, n, cls] of outs) {
      if (n > 0) bands.push(band(col.tr + boxW, y(t, transforms.length), col.sink, y(k, sinks.length), n, cls, `${tr}: ${n} → ${sinks[k]}`));
    }
  });
  const sinkCounts = [
    sources.reduce((s, ns) => s + c(ns).sent, 0),
    sources.reduce((s, ns) => s + c(ns).rejected, 0),
    sources.reduce((s, ns) => s + c(ns).notMapped, 0),
  ];
  return h`<svg id="flow" role="img" aria-label="Identity flow" viewBox="0 0 ${col.sink + boxW + 8} ${height}" width="100%" preserveAspectRatio="xMinYMin meet">
${bands}
${sources.map((ns, i) => node(col.src, y(i, sources.length), ns, `${total(ns)} identities`, 'source', `source:${ns}`))}
${transforms.map((tr, t) => node(col.tr, y(t, transforms.length), tr, 'transformation', 'transform', `transform:${tr}`))}
${sinks.map((s, k) => node(col.sink, y(k, sinks.length), s, `${sinkCounts[k]} identities`, k === 0 ? 'target' : k === 1 ? 'rejected' : 'not-mapped', `sink:${s}`))}
</svg>`;
}
