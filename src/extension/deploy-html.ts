/**
 * The deploy report page, a sibling of the test activation report (its shapes differ): the
 * verdict, where it went (authoring API base, sandbox), each resource with what was done and its
 * instanceId, the core's message of what exists in AEP now and how to finish when it did not
 * succeed, and every call with its status. Pure: no `vscode`, unit-tested in plain Node; every
 * value goes through the escaping tag `h`, and the page's only script is the bundled one, gated
 * by nonce (as the other reports).
 */
import { h, type Safe } from './html';
import { page, table, type PageResources } from './preview-html';
import { KIND_LABEL, counts, sortByKind, type DeployResultView } from './deploy-text';

export interface DeployLabels {
  verdict: Record<DeployResultView['outcome'], string>;
  resources: string;
  calls: string;
  howToFinish: string;
  columns: { kind: string; name: string; file: string; action: string; instanceId: string; method: string; path: string; status: string };
}

export const ENGLISH_DEPLOY_LABELS: DeployLabels = {
  verdict: { succeeded: 'Deployed to AEP', failed: 'Deploy to AEP failed', cancelled: 'Deploy to AEP cancelled', conflict: 'Not deployed: AEP changed since the last deploy', refused: 'Not deployed: the project has errors' },
  resources: 'Resources',
  calls: 'Calls',
  howToFinish: 'What to do',
  columns: { kind: 'Kind', name: 'Name', file: 'File', action: 'Action', instanceId: 'instanceId', method: 'Method', path: 'Path', status: 'Status' },
};

export interface DeployView {
  result: DeployResultView;
  labels?: DeployLabels;
}

export function renderDeployPage(view: DeployView, res: PageResources): string {
  const l = view.labels ?? ENGLISH_DEPLOY_LABELS;
  return page(res, l.verdict[view.result.outcome], renderDeployBody(view));
}

function statusCell(method: string, status: number | null): Safe {
  if (status === null) return h`<span class="status bad">no answer</span>`;
  // A read answered 404 is the plan finding that AEP does not hold the resource yet, not a failure.
  const cls = status === 404 && method.toUpperCase() === 'GET' ? 'muted' : status >= 400 ? 'bad' : 'ok';
  return h`<span class="status ${cls}">${String(status)}</span>`;
}

export function renderDeployBody(view: DeployView): Safe {
  const r = view.result;
  const l = view.labels ?? ENGLISH_DEPLOY_LABELS;
  const c = l.columns;
  const n = counts(r.resources, ['created', 'updated', 'unchanged']);
  const cls = r.outcome === 'succeeded' ? 'ok' : r.outcome === 'cancelled' ? 'muted' : 'bad';
  return h`<main id="deploy-report" data-outcome="${r.outcome}" data-calls="${r.calls.length}">
<header>
<h1 id="deploy-title" class="${cls}">${l.verdict[r.outcome]}</h1>
<p class="sub"><code id="aep-base-url">${r.baseUrl}</code> · sandbox <code id="sandbox">${r.sandbox}</code> <vscode-badge variant="counter" title="environment">${r.environment}</vscode-badge> · <span id="deployed-at">${r.at}</span></p>
<p class="summary" id="deploy-totals"><span class="ok" data-count="created">${n.created}</span> created, <span data-count="updated">${n.updated}</span> updated, <span class="muted" data-count="unchanged">${n.unchanged}</span> unchanged; <span data-count="calls">${r.calls.length}</span> calls.</p>
${r.failure ? h`<p class="error" id="failure">${r.failure.message}</p><h3>${l.howToFinish}</h3><p class="hint" id="how-to-finish">${r.failure.whatToDo}</p>` : ''}
</header>

<section id="resources-section"><h2>${l.resources}</h2>
${table(
    'resources',
    [c.kind, c.name, c.file, c.action, c.instanceId],
    sortByKind(r.resources).map((x) => [KIND_LABEL[x.kind], x.name, x.file ?? '', h`<span class="result ${x.action === 'failed' || x.action === 'conflict' ? 'bad' : x.action === 'created' || x.action === 'updated' ? 'ok' : 'muted'}" data-kind="${x.kind}" data-result="${x.action}">${x.action}</span>${x.message ? h` <span class="muted">${x.message}</span>` : ''}`, x.instanceId ?? '']),
  )}
</section>

<section id="deploy-calls-section"><h2>${l.calls} (${r.calls.length})</h2>
${table('deploy-calls', [c.method, c.path, c.status], r.calls.map((x) => [h`<code class="method">${x.method}</code>`, h`<code class="path">${x.path}</code>`, statusCell(x.method, x.status)]))}
</section>
</main>`;
}
