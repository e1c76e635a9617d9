/**
 * docs/fidelity.md names, per behaviour, the test that shows it: "`test/file.test.ts`: test name;
 * other name…". Every cited file must exist and every cited name must be a test in it (a name
 * cut with "…" by its start; a name built in a template literal matches with its `${…}` as any text),
 * so that a renamed or deleted test cannot leave a row pointing at nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const unescape = (s: string) => s.replace(/\\(['"`|\\])/g, '$1');

/** The test names of a source file: its literal text, and its template literals as patterns. */
function namesIn(file: string): { text: string; patterns: RegExp[] } {
  const text = unescape(readFileSync(file, 'utf8'));
  const patterns = [...text.matchAll(/`([^`]*\$\{[^`]*)`/g)].map(
    (m) => new RegExp('^' + m[1]!.split(/\$\{[^}]*\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?')),
  );
  return { text, patterns };
}

/** The (file, name) pairs the Test column of every table row cites. */
function citations(markdown: string): { line: number; file: string; name: string }[] {
  const out: { line: number; file: string; name: string }[] = [];
  markdown.split('\n').forEach((row, i) => {
    if (!row.startsWith('|')) return;
    const cells = row.split(/(?<!\\)\|/).slice(1, -1);
    if (cells.length < 4) return;
    const parts = cells[cells.length - 1]!.split(/`(test\/[^`]+)`\s*:?/);
    for (let p = 1; p < parts.length; p += 2) {
      const file = parts[p]!.split(':')[0]!.trim();
      const names = parts[p + 1] ?? '';
      const cited = names.includes('"') ? [...names.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!) : names.split(/;\s*/);
      for (const raw of cited) {
        const name = unescape(raw.trim()).replace(/[;,]+$/, '').split(/…|\.\.\./)[0]!.trim().replace(/,$/, '').replace(/\s*\((and|or) [^)]*\)$/, '');
        if (name.length >= 6 && !/^none\b/i.test(name)) out.push({ line: i + 1, file, name });
        else if (!name) out.push({ line: i + 1, file, name: '' });
      }
    }
  });
  return out;
}

test('the citation reader finds quoted, plain and cut names', () => {
  const md = '| a | b | c | `test/x.test.ts`: "one; with a semicolon", "two words"; `test/y.test.ts`: three things; four things… |';
  assert.deepEqual(
    citations(md).map((c) => [c.file, c.name]),
    [['test/x.test.ts', 'one; with a semicolon'], ['test/x.test.ts', 'two words'], ['test/y.test.ts', 'three things'], ['test/y.test.ts', 'four things']],
  );
});

test('every test docs/fidelity.md cites exists, in the file it names', () => {
  const broken: string[] = [];
  const cache = new Map<string, ReturnType<typeof namesIn>>();
  for (const c of citations(readFileSync(join(ROOT, 'docs/fidelity.md'), 'utf8'))) {
    const path = join(ROOT, c.file);
    if (!existsSync(path)) {
      broken.push(`line ${c.line}: ${c.file} does not exist`);
      continue;
    }
    if (statSync(path).isDirectory() || !c.name) continue;
    if (!cache.has(path)) cache.set(path, namesIn(path));
    const { text, patterns } = cache.get(path)!;
    const name = c.name.replace(/\.$/, '');
    if (!text.includes(name) && !patterns.some((re) => re.test(name))) broken.push(`line ${c.line}: ${c.file} has no test "${c.name}"`);
  }
  assert.deepEqual(broken, []);
});
