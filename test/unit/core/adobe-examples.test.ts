import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Project } from '../../../src/core/project/project';
import { validateProject } from '../../../src/core/validate';

const DIR = fileURLToPath(new URL('../../fixtures/adobe/', import.meta.url));
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

/**
 * Adobe's pages show some destination configurations as fragments (only the part a page is
 * about, the rest elided). A fragment must raise no schema error; a complete configuration
 * (one that delivers somewhere) must raise no error at all.
 */
const SCHEMA = /^PD01\d$/;

for (const name of files) {
  test(`Adobe's example ${name} validates without false errors`, () => {
    const text = readFileSync(join(DIR, name), 'utf8');
    const [report] = validateProject(Project.fromTexts([{ path: join(DIR, name), text }]));
    const value = JSON.parse(text) as Record<string, unknown>;
    const fragment = name.startsWith('destination-') && !name.startsWith('destination-server') && value.destinationDelivery === undefined;
    const errors = report!.diagnostics.filter((d) => d.severity === 'error' && (!fragment || SCHEMA.test(d.code)));
    assert.equal(report!.kind !== undefined, true, 'recognised as one of the four kinds');
    assert.deepEqual(errors.map((d) => `${d.code} ${d.pointer} ${d.message}`), []);
  });
}

test('there are Adobe examples of every Adobe file kind', () => {
  for (const kind of ['destination-', 'destination-server-', 'audience-template-']) assert.ok(files.some((f) => f.startsWith(kind)), kind);
});
