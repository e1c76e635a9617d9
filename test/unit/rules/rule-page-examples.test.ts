/**
 * The examples of the rule pages are what the rules say: each page's JSON "bad" example, put into
 * the clean example project where its keys belong, raises the page's code, and its "good" example
 * does not. The French pages show the same examples.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { validateExample, type ExampleFiles } from '../../helpers/example';

const DOCS = fileURLToPath(new URL('../../../docs/rules/', import.meta.url));
const FILES: (keyof ExampleFiles)[] = ['destination', 'server', 'audienceTemplate', 'activation'];
/** JSON.parse keeps one of two duplicate keys, so PD005's example cannot be built from its value. */
const NOT_BUILDABLE = new Set(['PD005']);

const blocks = (text: string) => [...text.matchAll(/```(\w*)\n([\s\S]*?)\n```/g)].map((m) => ({ lang: m[1]!, body: m[2]! }));
const example = (text: string, heading: string) => {
  const m = new RegExp(`${heading}\\n\\n\`\`\`(\\w*)\\n([\\s\\S]*?)\\n\`\`\``).exec(text);
  return m && m[1] === 'json' ? (JSON.parse(m[2]!) as Record<string, unknown>) : undefined;
};

/** The object of `value` that holds the most of `keys` (depth-first, the first of equals). */
function holder(value: unknown, keys: string[]): { node: Record<string, unknown>; hits: number } | undefined {
  if (!value || typeof value !== 'object') return undefined;
  let best: { node: Record<string, unknown>; hits: number } | undefined;
  if (!Array.isArray(value)) {
    const hits = keys.filter((k) => k in value).length;
    if (hits > 0) best = { node: value as Record<string, unknown>, hits };
  }
  for (const child of Object.values(value)) {
    const h = holder(child, keys);
    if (h && (!best || h.hits > best.hits)) best = h;
  }
  return best;
}

const KIND_FILE: Record<string, keyof ExampleFiles> = { destination: 'destination', 'destination-server': 'server', 'audience-template': 'audienceTemplate', activation: 'activation' };

/**
 * The codes found once `fragment` replaces the object that holds its keys; a fragment of top-level
 * keys is merged into its file (`kind`, the page's first file kind, when the example lacks the keys).
 */
function codesWith(fragment: Record<string, unknown>, page: string, kind: keyof ExampleFiles): string[] {
  return validateExample((files) => {
    const keys = Object.keys(fragment);
    const candidates = FILES.map((f) => ({ f, h: holder(files[f], keys) })).filter((c) => c.h);
    const target = candidates.sort((a, b) => b.h!.hits - a.h!.hits)[0];
    const node = target?.h!.node ?? files[kind];
    assert.ok(node, `${page}: no example file for ${keys.join(', ')}`);
    if (target && node !== files[target.f]) for (const k of Object.keys(node)) delete node[k];
    Object.assign(node, structuredClone(fragment));
  }).map((d) => d.code);
}

const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md')).sort();

test('the French pages show the same examples as the English ones', () => {
  for (const page of pages) {
    const en = blocks(readFileSync(join(DOCS, page), 'utf8')).filter((b) => b.lang === 'json');
    const fr = blocks(readFileSync(join(DOCS, 'fr', page), 'utf8')).filter((b) => b.lang === 'json');
    assert.deepEqual(fr, en, page);
  }
});

test('each JSON bad example raises its code in the example project, and the good example does not', () => {
  let checked = 0;
  for (const page of pages) {
    const code = page.slice(0, -3);
    const text = readFileSync(join(DOCS, page), 'utf8');
    const bad = example(text, '## Bad example');
    const good = example(text, '## Good example');
    if (!bad || !good || NOT_BUILDABLE.has(code)) continue;
    const kind = KIND_FILE[/^Default severity: .* · Files: ([\w-]+)/m.exec(text)?.[1] ?? ''] ?? 'destination';
    assert.ok(codesWith(bad, code, kind).includes(code), `${code}: the bad example does not raise ${code}`);
    assert.ok(!codesWith(good, code, kind).includes(code), `${code}: the good example raises ${code}`);
    checked++;
  }
  assert.ok(checked >= 35, `only ${checked} pages checked`);
});
