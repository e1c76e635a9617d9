// The test activation report page, built from a real run (the example's plan, the real client,
// the simulator over HTTP): every call with its status, time, who makes it, headers and bodies;
// hostile names stay text; no token; only pindest's GET checks offer "Send Again".
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { executePlan } from '../../src/core/execute/execute';
import type { ActivationReport } from '../../src/core/execute/report';
import { createPinterestClient, staticTokenProvider } from '../../src/core/pinterest';
import { resolveActivation } from '../../src/core/plan/activation';
import { buildPlan } from '../../src/core/plan/plan';
import { Project } from '../../src/core/project/project';
import { ENGLISH_LABELS, canResend, renderReportPage } from '../../src/extension/report-html';
import { startSimulator } from '../../src/simulator';
import { EXAMPLE_DIR, exampleFiles, type ExampleFiles } from '../helpers/example';
import { exampleProfiles } from '../helpers/plan';
import { fastPolicy } from '../pinterest/helpers';

const RES = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'AAAAAAAAAAAAAAAAAAAAAA==', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/preview.css' };
const XSS = '<img src=x onerror=alert(1)></script><script>alert(2)</script>"><svg onload=alert(3)>';

async function run(mutate: (f: ExampleFiles) => void = () => {}): Promise<{ report: ActivationReport; token: string }> {
  const sim = await startSimulator({ port: 0, rateLimitPerMinute: 100_000 });
  try {
    const files = exampleFiles();
    mutate(files);
    const names: [keyof ExampleFiles, string][] = [['destination', 'destination.json'], ['server', 'destination-server.json'], ['audienceTemplate', 'audience-template.json'], ['activation', 'activation.json']];
    const activation = resolveActivation(Project.fromTexts(names.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) }))));
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: fastPolicy });
    return { report: await executePlan(activation, buildPlan(activation, exampleProfiles()), client), token: sim.seed.accessToken };
  } finally {
    await sim.close();
  }
}

/** The text of each call's block, by index. */
function callBlocks(page: string): string[] {
  return [...page.matchAll(/<li class="call" id="call-(\d+)"[\s\S]*?<\/details><\/li>/g)].map((m) => m[0]);
}

test('every call is rendered with method, URL, status, attempts, time, who makes it, headers and bodies', async () => {
  const { report, token } = await run();
  assert.equal(report.outcome, 'succeeded', report.failure?.message);
  const page = renderReportPage({ report, savedAt: '2026-11-29T23:00:00.000Z' }, RES);
  const blocks = callBlocks(page);
  assert.equal(blocks.length, report.calls.length);
  assert.ok(page.includes(`data-calls="${report.calls.length}"`));
  report.calls.forEach((c, i) => {
    const b = blocks[i]!;
    assert.ok(b.includes(`<code class="method">${c.request.method}</code>`), `call ${i} method`);
    assert.ok(b.includes(`<code class="url">${c.request.uri}</code>`), `call ${i} url`);
    assert.ok(b.includes(`<span class="status ok">${c.response!.code}</span>`), `call ${i} status`);
    assert.match(b, /· 1 attempt · \d+ ms ·/, `call ${i} attempts and time`);
    assert.ok(b.includes(`data-by="${c.by}"`) && b.includes(c.by === 'aep' ? '>AEP</vscode-badge>' : '>pindest check</vscode-badge>'), `call ${i} who`);
    assert.match(b, /<pre class="request-headers">[^<]*authorization: Bearer ••••/i, `call ${i} request headers, token masked`);
    assert.match(b, /<pre class="response-headers">[^<]*x-pinterest-rid: /, `call ${i} response headers`);
    assert.match(b, /<pre class="response-body">\{/, `call ${i} response body`);
    if (c.request.method !== 'GET') assert.match(b, /<pre class="request-body">\{/, `call ${i} request body`);
  });
  // the summary lines, the lists created and the notes
  assert.match(page, /<li>Audience template creates \(sent by AEP\): 2 \(lists created 2, reused 0\)<\/li>/);
  assert.equal([...page.matchAll(/<vscode-table-cell>created<\/vscode-table-cell>/g)].length, 2);
  assert.match(page, /id="notes-section"/);
  assert.match(page, /id="export-md" data-action="export-md"/);
  assert.match(page, /id="export-json" secondary data-action="export-json"/);
  // the page's only script is the nonce-gated bundle; no token anywhere
  assert.equal([...page.matchAll(/<script\b/g)].length, 1);
  assert.ok(!page.includes(token), 'no raw token');
  assert.doesNotMatch(page, /pina_[A-Za-z0-9]{10}/);
  assert.doesNotMatch(page, /@example\.com/, 'no raw email');
});

test('a hostile activation and audience name stay text, in the title and in request and response bodies', async () => {
  const { report } = await run((f) => {
    (f.activation as { connection: { name: string } }).connection.name = XSS;
    (f.activation as { audiences: { name: string }[] }).audiences[0]!.name = XSS;
  });
  assert.equal(report.outcome, 'succeeded', report.failure?.message);
  const page = renderReportPage({ report }, RES);
  assert.equal([...page.matchAll(/<script\b/g)].length, 1, 'no script but the bundled one');
  assert.ok(!/<img\b|<svg\b/.test(page), 'no element from the payload');
  assert.doesNotMatch(page, /<[a-zA-Z][^<>]*\son\w+=/, 'no event handler attribute in any tag');
  assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'), 'the name is shown, escaped');
  // the audience template's create names the list after the audience: both bodies carry the payload
  const create = callBlocks(page).find((b) => b.includes('data-step="create-list"') && b.includes('&lt;img'));
  assert.ok(create, 'the create of the hostile audience');
  assert.match(create!, /<pre class="request-body">[^<]*&lt;img src=x onerror=alert\(1\)&gt;/);
  assert.match(create!, /<pre class="response-body">[^<]*&lt;img src=x onerror=alert\(1\)&gt;/);
});

test('"Send Again" is offered for pindest\'s GET checks only, and the page says why', async () => {
  const { report } = await run();
  const page = renderReportPage({ report, labels: ENGLISH_LABELS }, RES);
  const blocks = callBlocks(page);
  report.calls.forEach((c, i) => {
    const offered = blocks[i]!.includes('data-action="resend"');
    assert.equal(offered, c.by === 'pindest' && c.request.method === 'GET', `call ${i} (${c.step})`);
    assert.equal(canResend(c), offered);
  });
  assert.ok(report.calls.some(canResend) && report.calls.some((c) => !canResend(c)));
  assert.match(page, /id="resend-note">Only pindest&#39;s read-only checks \(GET\) can be sent again/);
  const resent = renderReportPage({ report, resent: { 0: [{ at: '2026-11-29T23:05:00.000Z', status: 200, durationMs: 12, body: { name: XSS } }] } }, RES);
  assert.match(callBlocks(resent)[0]!, /<div class="resent"><h4>Send Again: 2026-11-29T23:05:00.000Z<\/h4><p>→ <span class="status ok">200<\/span>/);
  assert.ok(!resent.includes('<img'), 'a re-sent answer stays text');
});

test('a failed run shows what failed and what to do, and the call that failed', () => {
  const report: ActivationReport = {
    activation: { file: 'activation.json', name: 'A', destination: 'D' },
    environment: 'local',
    baseUrl: 'http://127.0.0.1:1/v5',
    adAccount: { id: '549755885175' },
    outcome: 'failed',
    failure: { message: 'Pinterest refused the token.', whatToDo: 'Sign in again.' },
    summary: { profiles: 0, exported: 0, identities: { mapped: 0, rejected: 0, notMapped: 0 }, membershipRequests: 0, records: 0, listCreates: 0, accepted: 0, rejected: 0, created: 0, reused: 0, checks: 1, notDoneByAep: 0 },
    state: { where: 'memory', persistent: false },
    calls: [{ step: 'preflight', by: 'pindest', request: { method: 'GET', uri: 'http://127.0.0.1:1/v5/ad_accounts/549755885175', headers: { Authorization: 'Bearer ••••' }, body: '' }, response: { code: 401, body: { code: 2, message: 'Authentication failed.' } }, attempts: 1, durationMs: 3, error: 'Authentication failed.' }],
    counts: [],
    notSent: {},
    lists: [],
    notes: [],
  };
  const page = renderReportPage({ report }, RES);
  assert.match(page, /<h1 id="report-title" class="bad">Test activation failed<\/h1>/);
  assert.match(page, /<p class="error" id="failure">Pinterest refused the token.<\/p><p class="hint">Sign in again.<\/p>/);
  assert.match(page, /<details open>/, 'the failed call is open');
  assert.match(page, /<span class="status bad">401<\/span>/);
  assert.match(page, /<p class="bad call-error">Authentication failed.<\/p>/);
});
