// The preview page: built from the core's report of the example; hostile names and identity-map
// keys stay text; the CSP is in place; the flow picture's bands follow the counts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveActivation } from '../../src/core/plan/activation';
import { buildPlan } from '../../src/core/plan/plan';
import { Project } from '../../src/core/project/project';
import { previewReport } from '../../src/core/report/preview';
import { renderErrorPage, renderFlowSvg, renderPreviewPage } from '../../src/extension/preview-html';
import { exampleFiles, EXAMPLE_DIR } from '../helpers/example';
import { exampleProfiles, profile } from '../helpers/plan';
import { join } from 'node:path';

const RES = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'AAAAAAAAAAAAAAAAAAAAAA==', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/preview.css' };
const XSS = ['<img src=x onerror=alert(1)>', '</script><script>alert(2)</script>', '"><svg onload=alert(3)>'];

function report(mutate: (f: ReturnType<typeof exampleFiles>) => void = () => {}, extraProfiles = [] as ReturnType<typeof profile>[], target: { environment?: string; baseUrl?: string } = {}) {
  const files = exampleFiles();
  mutate(files);
  const names = [['destination', 'destination.json'], ['server', 'destination-server.json'], ['audienceTemplate', 'audience-template.json'], ['activation', 'activation.json']] as const;
  const project = Project.fromTexts(names.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) })));
  const activation = resolveActivation(project);
  return previewReport(activation, buildPlan(activation, [...exampleProfiles(), ...extraProfiles]), EXAMPLE_DIR, target);
}

/** Tag names of the page: nothing a payload could have opened. */
function tagNames(page: string): Set<string> {
  return new Set([...page.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
}

/** Attribute names of every start tag, parsed as a browser would (values in double quotes). */
function attributeNames(page: string): string[] {
  const names: string[] = [];
  for (const m of page.matchAll(/<[a-zA-Z][\w-]*([^>]*)>/g)) {
    const attrs = m[1]!;
    const rest = attrs.replace(/\s+([\w:-]+)(="[^"]*")?/g, (_a, name: string) => {
      names.push(name.toLowerCase());
      return '';
    });
    assert.match(rest, /^\s*\/?$/, `unparsed attribute text: ${rest}`);
  }
  return names;
}

test('the example renders the mapping table, counts, flow and requests', () => {
  const r = report();
  const page = renderPreviewPage(r, RES);
  for (const m of r.mappings) assert.ok(page.includes(`<vscode-table-cell>${m.source}</vscode-table-cell>`), m.source);
  assert.match(page, /id="mappings"/);
  assert.match(page, /id="by-namespace"/);
  assert.match(page, /<svg id="flow"/);
  assert.ok(page.includes(`data-count="requests">${r.requests.length}<`));
  assert.match(page, /http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-AAAAAAAAAAAAAAAAAAAAAA==&#39;/);
  assert.equal([...page.matchAll(/<script\b/g)].length, 1, 'one script, the bundled one');
  assert.match(page, /<script nonce="AAAAAAAAAAAAAAAAAAAAAA==" src="https:\/\/x\/dist\/webview.js"><\/script>/);
  const attrs = attributeNames(page);
  assert.deepEqual(attrs.filter((n) => n.startsWith('on')), [], 'no inline event handler');
  assert.ok(!attrs.includes('style'), 'no inline style (the CSP forbids them)');
});

test('no raw identifier reaches the page', () => {
  const page = renderPreviewPage(report(), RES);
  for (const raw of ['ana.lopez@example.com', 'Quinn.Harper@Example.com', '6513270e-269e-4d37-b2a7-4de452e6b438', 'D23F0824-128B-4F33-8C5C-7FD0A6A3A450']) assert.ok(!page.includes(raw), raw);
});

test('payloads in names, namespaces and audience names stay text', () => {
  const r = report(
    (f) => {
      f.activation.connection.name = XSS[0];
      f.activation.audiences[0].name = XSS[1];
      f.destination.name = XSS[2];
      f.activation.mappings.push({ source: XSS[2], target: 'pinterest_audience', applyTransformation: true });
    },
    [profile({ [XSS[0]!]: [XSS[1]!], Email: [XSS[2]!] }, { '5b8a1c3e-7f4d-4e2a-9b6c-0d1e2f3a4b5c': 'realized' }, 99)],
  );
  const page = renderPreviewPage(r, RES);
  assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(page.includes('&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;'));
  assert.ok(page.includes('&quot;&gt;&lt;svg onload=alert(3)&gt;'));
  const tags = tagNames(page);
  assert.ok(!tags.has('img'));
  assert.equal([...page.matchAll(/<script\b/gi)].length, 1);
  assert.equal([...page.matchAll(/<svg\b/gi)].length, 1, 'only the flow picture');
  assert.deepEqual(attributeNames(page).filter((n) => n.startsWith('on')), []);
});

test('flow bands get wider with the count', () => {
  const svg = renderFlowSvg(report()).value;
  const widths = [...svg.matchAll(/class="band in" [^>]*stroke-width="(\d+)" data-count="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  assert.ok(widths.length >= 3);
  for (const [w1, c1] of widths) for (const [w2, c2] of widths) if (c1 > c2) assert.ok(w1 >= w2, `${c1}→${w1} vs ${c2}→${w2}`);
  assert.match(svg, /data-node="sink:pinterest_audience"/);
  assert.match(svg, /data-node="transform:sha256\(lower\(\$\)\)"/);
});

test('local with the simulator running: every request shows the simulator URL the run calls, with AEP\'s beside it', () => {
  const r = report(undefined, [], { environment: 'local', baseUrl: 'http://127.0.0.1:43117/v5' });
  const page = renderPreviewPage(r, RES);
  assert.match(page, /id="target">Requests go to <code id="target-url">http:\/\/127\.0\.0\.1:43117\/v5<\/code> \(local\); AEP calls <code id="aep-base-url">https:\/\/api\.pinterest\.com\/v5<\/code>/);
  const urls = [...page.matchAll(/<code class="url">([^<]*)<\/code>/g)].map((m) => m[1]!);
  const aep = [...page.matchAll(/<code class="aep-url">([^<]*)<\/code>/g)].map((m) => m[1]!);
  assert.ok(urls.length > 0);
  assert.equal(aep.length, urls.length, 'an AEP URL beside each request');
  for (const [i, u] of urls.entries()) {
    assert.ok(u.startsWith('http://127.0.0.1:43117/v5/'), u);
    assert.equal(aep[i], u.replace('http://127.0.0.1:43117/v5', 'https://api.pinterest.com/v5'));
  }
  assert.doesNotMatch(page, /&lt;port&gt;|id="target-note"/);
});

test('local before the simulator runs: a placeholder port and a note that says when it is known', () => {
  const page = renderPreviewPage(report(undefined, [], { environment: 'local' }), RES);
  assert.match(page, /<code id="target-url">http:\/\/127\.0\.0\.1:&lt;port&gt;\/v5<\/code>/);
  assert.match(page, /id="target-note">The local simulator is not running/);
});

test('production: the run calls what AEP calls, so no second URL', () => {
  const page = renderPreviewPage(report(undefined, [], { environment: 'production', baseUrl: 'https://api.pinterest.com/v5' }), RES);
  assert.match(page, /<code id="target-url">https:\/\/api\.pinterest\.com\/v5<\/code> \(production\)\./);
  assert.doesNotMatch(page, /AEP calls|id="target-note"/);
});

test('the error page escapes the message', () => {
  const page = renderErrorPage(XSS[0]!, 'fix it', RES);
  assert.ok(page.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!tagNames(page).has('img'));
});
