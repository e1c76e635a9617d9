/** The CLI's French catalogue: every entry is a message the CLI says, with the same placeholders. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const catalogue = JSON.parse(readFileSync(join(ROOT, 'l10n/cli.l10n.fr.json'), 'utf8')) as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [readFileSync(join(dir, e.name), 'utf8')] : []));
}

test('every French entry translates a message the CLI source says, keeping its placeholders', () => {
  const code = [...sources(join(ROOT, 'src/cli')), readFileSync(join(ROOT, 'src/simulator/cli.ts'), 'utf8')].join('\n');
  const placeholders = (s: string) => [...s.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
  for (const [english, french] of Object.entries(catalogue)) {
    // As written in the source: inside quotes, with its own quote characters escaped.
    const written = [english, english.replace(/'/g, "\\'"), english.replace(/"/g, '\\"')];
    assert.ok(written.some((w) => code.includes(`'${w}'`) || code.includes(`"${w}"`)), `not said by the CLI: ${english}`);
    assert.deepEqual(placeholders(french), placeholders(english), english);
    assert.notEqual(french.trim(), '', english);
  }
});
