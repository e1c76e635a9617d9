// The throw-away workspace the end-to-end tests open: the example project and the schemas (at the
// same relative places as in the repository, so "$schema" paths resolve), plus a project whose
// names, namespaces and profile values are XSS payloads.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './code-server.mjs';

// Each payload, if it ever ran, would set window.__pwned to its own name (webview-xss.test.ts watches it).
export const XSS = JSON.parse(readFileSync(join(ROOT, 'test/e2e/xss-payloads.json'), 'utf8'));

export function prepareWorkspace(dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'examples'), { recursive: true });
  cpSync(join(ROOT, 'schemas'), join(dir, 'schemas'), { recursive: true });
  const example = join(dir, 'examples/pinterest-customer-list');
  cpSync(join(ROOT, 'examples/pinterest-customer-list'), example, { recursive: true });
  const xss = join(dir, 'examples/xss-project');
  cpSync(example, xss, { recursive: true });
  const edit = (name, f) => {
    const p = join(xss, name);
    const v = JSON.parse(readFileSync(p, 'utf8'));
    f(v);
    writeFileSync(p, JSON.stringify(v, null, 2) + '\n');
  };
  edit('activation.json', (a) => {
    a.connection.name = XSS.connection;
    a.audiences[0].name = XSS.audience;
    a.mappings.push({ source: XSS.namespace, target: 'pinterest_audience', applyTransformation: true });
  });
  edit('destination.json', (d) => {
    d.name = XSS.destination;
  });
  edit('profiles.json', (profiles) => {
    const audience = Object.keys(profiles[0].segmentMembership.ups)[0];
    profiles.push({
      identityMap: { [XSS.namespace]: [{ id: XSS.value }], Email: [{ id: XSS.email }], GAID: [{ id: XSS.connection }] },
      segmentMembership: { ups: { [audience]: { status: 'realized', lastQualificationTime: '2026-11-27T08:00:00Z' } } },
    });
  });
  return { root: dir, example, xss };
}
