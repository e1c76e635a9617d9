// The language server's messages in French: every message template the core and the server can
// send (the `en` tag: rule and schema findings, syntax errors, quick-fix titles) has its French in
// l10n/server.l10n.fr.json with the same placeholders, so has every template variable's doc (hover,
// completion), and that bundle has no other key. Every
// finding of a broad set of broken projects carries its template, and its English is unchanged.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { fixesFor } from '../../../src/core/edits/fixes';
import { Project } from '../../../src/core/project/project';
import { TEMPLATE_VARIABLES, type VariableSpec } from '../../../src/core/template/variables';
import { listNamespaces } from '../../../src/core/identity/namespaces';
import { validateProject } from '../../../src/core/validate';
import { english, fill, say, type Text, type Translate } from '../../../src/core/report/l10n';
import { exampleFiles, validateExample, type ExampleFiles } from '../../helpers/example';
import { messageTemplates, ROOT } from '../../helpers/templates';

const FR = JSON.parse(readFileSync(join(ROOT, 'l10n/server.l10n.fr.json'), 'utf8')) as Record<string, string>;
const french: Translate = (message, ...args) => fill(FR[message] ?? message, args);
const placeholders = (x: string) => [...x.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();

test('every message template of the core and the server has French with the same placeholders, and the bundle no unused key', () => {
  const found = messageTemplates();
  assert.ok(found.size > 150, `only ${found.size} templates found: the scan is broken`);
  const missing = [...found].filter(([t]) => !FR[t]?.trim()).map(([t, files]) => `${t}  (${files[0]})`);
  assert.deepEqual(missing, [], 'no French in l10n/server.l10n.fr.json for these');
  for (const t of found.keys()) assert.equal(placeholders(FR[t]!), placeholders(t), t);
  const docs = variableDocs();
  assert.ok(docs.size > 50, `only ${docs.size} variable docs found`);
  assert.deepEqual([...docs].filter((d) => !FR[d]?.trim()), [], 'no French for these template variable docs (hover, completion)');
  assert.deepEqual(Object.keys(FR).filter((k) => !found.has(k) && !docs.has(k)), [], 'unused keys in l10n/server.l10n.fr.json');
});

/** The documentation of every template variable and identity namespace, which the server shows in hovers and completion (keyed by the English sentence). */
function variableDocs(): Set<string> {
  const out = new Set<string>();
  const walk = (v: VariableSpec): void => {
    out.add(v.doc);
    Object.values(v.fields ?? {}).forEach(walk);
    if (v.entries) walk(v.entries.of);
    if (v.items) walk(v.items);
  };
  for (const slot of Object.values(TEMPLATE_VARIABLES)) Object.values(slot).forEach(walk);
  // The identity namespaces' descriptions (hover and completion on a namespace code), keyed the same way.
  for (const ns of listNamespaces()) out.add(ns.description);
  return out;
}

type Json = unknown;

/** Every JSON pointer of a value, with its parent and key. */
function places(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...places(v, [...at, i])));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) out.push(...places(v, [...at, k]));
  return out;
}

/** One mutation of the example at `path`: the node removed, given another type or value, or its key misspelt. */
const MUTATIONS: ((parent: Record<string | number, Json>, key: string | number) => void)[] = [
  (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k]),
  (p, k) => (p[k] = 42),
  (p, k) => (p[k] = ''),
  (p, k) => (p[k] = typeof p[k] === 'string' ? (p[k] as string).toLowerCase() + 'x' : null),
  (p, k) => {
    if (Array.isArray(p)) return;
    p[String(k) + 'X'] = p[k];
    delete p[k];
  },
];

/** Broken texts: syntax errors, a BOM, duplicate keys, a lone surrogate, not JSON, not our kind. */
const TEXTS = ['', '\0', 'hello world', '\ufeff{"name": "x"}', '{"name": "a", "name": "b"}', '{"name": "\\uD800"}', '{"name": "x",}', '{"name" "x"}', '{"name": /* c */ "x"}', '[1]', '{"a": tru}', '{"a": [1 2]}', '{"a": "x\n"}', '{"a": 1} 2', '{"a": 01}', '{"a": "\\q"}', '{"a": {'];

function mutated(): Diagnostic[][] {
  const out: Diagnostic[][] = [];
  for (const text of TEXTS) {
    for (const name of ['destination.json', 'notes.json']) out.push(validateProject(Project.fromTexts([{ path: join(ROOT, 'tmp', name), text }])).flatMap((r) => r.diagnostics));
  }
  const files = exampleFiles();
  for (const file of Object.keys(files) as (keyof ExampleFiles)[]) {
    for (const path of places(files[file])) {
      if (path.length === 0) continue;
      for (const mutate of MUTATIONS) {
        out.push(validateExample((f) => {
          let parent = f[file] as Record<string | number, Json>;
          for (const seg of path.slice(0, -1)) parent = parent[seg] as Record<string | number, Json>;
          mutate(parent, path.at(-1)!);
        }));
      }
    }
  }
  return out;
}

test('every finding on broken projects carries its template, whose English is the message, and French for a French reader', () => {
  const codes = new Set<string>();
  let count = 0;
  for (const found of mutated()) {
    for (const d of found) {
      count++;
      codes.add(d.code);
      assert.ok(d.text, `${d.code} has no template: ${d.message}`);
      assert.equal(say(d.text, english), d.message);
      for (const r of d.related ?? []) assert.equal(r.text && say(r.text), r.message);
      // Each template it is made of has French (the scan above checks the source; this, what runs).
      const check = (t: Text): void => {
        assert.ok(FR[t.template], `no French for ${JSON.stringify(t.template)} (${d.code})`);
        for (const a of t.args) if (typeof a === 'object') check(a);
      };
      check(d.text);
      // Quick fixes: their titles too.
      for (const fix of fixesFor('{}', { code: d.code, pointer: d.pointer, data: d.data ?? {}, start: 0, end: 0 })) check(fix.title);
    }
  }
  assert.ok(count > 500 && codes.size >= 30 && codes.has('PD001') && codes.has('PD005') && codes.has('PD007'), `${count} findings of ${codes.size} codes: the corpus is too small`);
});

test('a finding in French: the template translated, its values (keys, names, codes) kept as they are', () => {
  const [d] = validateExample((f) => (f.destination.uiAttributes.frequency = 'streaming')).filter((x) => x.code === 'PD012');
  assert.ok(d?.text);
  assert.equal(d.message, '`streaming` is not an allowed value of `frequency`; did you mean `Streaming`? Values are case-sensitive.');
  assert.equal(say(d.text, french), '`streaming` n\'est pas une valeur autorisée pour `frequency` ; vouliez-vous dire `Streaming` ? Les valeurs sont sensibles à la casse.');
  const [type] = validateExample((f) => (f.destination.aggregation.configurableAggregation.maxBatchAgeInSecs = 'soon')).filter((x) => x.code === 'PD011');
  assert.equal(type?.message, '`maxBatchAgeInSecs` must be an integer, not a string.');
  assert.equal(say(type.text!, french), '`maxBatchAgeInSecs` doit être un entier, pas une chaîne.');
  // A template syntax error: the Pebble parser's message is a template too.
  const [syntax] = validateExample((f) => (f.server.httpTemplate.requestBody.value = '{{ input.profile | uper }}')).filter((x) => x.code === 'PD401');
  assert.equal(syntax?.message, 'Template (line 1, column 20): Unknown filter "uper". Did you mean "upper"?');
  assert.equal(say(syntax.text!, french), 'Modèle (ligne 1, colonne 20) : Filtre inconnu « uper ». Vouliez-vous dire « upper » ?');
});

test('every description of the bundled schemas has French (the server\'s key hovers), with the same code spans, and no unused key', () => {
  const SCHEMA_FR = JSON.parse(readFileSync(join(ROOT, 'l10n/schemas.l10n.fr.json'), 'utf8')) as Record<string, string>;
  const texts = new Set<string>();
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (!x || typeof x !== 'object') return;
    for (const [k, v] of Object.entries(x)) (k === 'description' || k === 'markdownDescription') && typeof v === 'string' ? texts.add(v) : walk(v);
  };
  for (const name of readdirSync(join(ROOT, 'schemas'))) walk(JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')));
  assert.ok(texts.size > 300, `only ${texts.size} descriptions found`);
  assert.deepEqual([...texts].filter((t) => !SCHEMA_FR[t]?.trim()), [], 'no French in l10n/schemas.l10n.fr.json for these');
  const code = (t: string) => (t.match(/`[^`]*`/g) ?? []).sort();
  for (const t of texts) assert.deepEqual(code(SCHEMA_FR[t]!), code(t), `keys, names and values stay as they are: ${t}`);
  assert.deepEqual(Object.keys(SCHEMA_FR).filter((k) => !texts.has(k)), [], 'unused keys in l10n/schemas.l10n.fr.json');
});
