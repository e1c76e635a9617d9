/**
 * One rule page per finding code, in English and French, shipped with the extension: each says
 * what the rule checks, why, its Adobe or Pinterest source, a bad and a good example, and the fix.
 * The code list comes from the registries (rules, schema codes, the other codes of the core).
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RULES } from '../../../src/core/rules';
import { CODES, rulePagePath } from '../../../src/core/rules/codes';
import { SCHEMA_CODES } from '../../../src/core/schema/errors';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SECTIONS = {
  en: ['## What it checks', '## Why', '## Source', '## Bad example', '## Good example', '## Fix'],
  fr: ['## Ce que la règle vérifie', '## Pourquoi', '## Source', '## Mauvais exemple', '## Bon exemple', '## Correction'],
} as const;

const codes = CODES.map((c) => c.code);

test('every code a rule registers and every schema code is in the code list', () => {
  for (const r of RULES) assert.ok(codes.includes(r.code), `${r.code} (${r.title}) is not in CODES`);
  for (const c of Object.values(SCHEMA_CODES)) assert.ok(codes.includes(c), `${c} is not in CODES`);
  assert.equal(new Set(codes).size, codes.length, 'a code is listed twice');
});

for (const language of ['en', 'fr'] as const) {
  const dir = join(ROOT, language === 'en' ? 'docs/rules' : 'docs/rules/fr');

  test(`${language}: exactly one page per code, no page for an unknown code`, () => {
    const pages = readdirSync(dir).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(pages, [...codes].sort());
    for (const c of codes) assert.ok(existsSync(join(ROOT, rulePagePath(c, language))), c);
  });

  test(`${language}: each page has its title, every section in order, a source and two examples`, () => {
    for (const code of codes) {
      const text = readFileSync(join(ROOT, rulePagePath(code, language)), 'utf8');
      assert.match(text, new RegExp(`^# ${code} ?: \\S`), `${code}: title line`);
      let at = 0;
      for (const heading of SECTIONS[language]) {
        const i = text.indexOf(`\n${heading}\n`, at);
        assert.ok(i > 0, `${language}/${code}: no "${heading}" after the previous section`);
        at = i + 1;
      }
      const body = (heading: string) => text.split(`\n${heading}\n`)[1]!.split('\n## ')[0]!.trim();
      assert.match(body('## Source'), /^- .+/m, `${code}: the source section lists a source`);
      for (const h of SECTIONS[language].slice(3, 5)) assert.match(body(h), /^```\w*\n[\s\S]+\n```$/, `${code}: ${h} is a code block`);
      // A block labelled json is JSON, so the examples can be pasted as they stand.
      for (const m of text.matchAll(/```json\n([\s\S]*?)\n```/g)) assert.doesNotThrow(() => JSON.parse(m[1]!), `${language}/${code}: a json example does not parse:\n${m[1]}`);
    }
  });
}

test('the pages are shipped in the .vsix (.vscodeignore lets docs/rules in)', () => {
  const ignore = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  assert.ok(ignore.includes('!docs/rules/**'), '.vscodeignore does not include docs/rules');
});
