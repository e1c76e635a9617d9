/**
 * Rules as ESLint treats them, over a real LSP connection: every diagnostic links to its shipped
 * rule page, `pindest.rules` turns a code off or changes its severity, `source.fixAll` applies every
 * unambiguous fix at once, and a schema hover ends with the Adobe page of the key's topic.
 */
import { strict as assert } from 'node:assert';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  DidChangeConfigurationNotification,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type Hover,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import { caret, exampleCopy, positionAt, ROOT, serverSession, TestClient } from './client';
import { applyEdits } from './edits';
import { rulePages } from '../../src/server/rule-pages';

const session = serverSession();
const { project, read } = session;

/** A destination with findings of several rules, each with one fix. */
function brokenDestination(): string {
  return read('destination.json')
    .replace('"frequency": "Streaming"', '"frequency": "streaming"')
    .replace('"segmentRequired": true', '"segmentRequired": false')
    .replace('"maxBatchAgeInSecs": 1800', '"maxBatchAgeInSecs": 900')
    .replace('"segmentNamespaceDenyList": []', '"segmentNamespaceDenied": []');
}

/** The example destination with a customer data field AEP already adds (PD118) and a legacy list name (PD114). */
function pd118AndPd114(text: string): string {
  return text
    .replace('"customerDataFields": [\n', '"customerDataFields": [\n    { "name": "description", "title": "Description", "type": "string" },\n')
    .replace('"segmentNamespaceDenyList": []', '"segmentNamespaceDenied": []');
}

test('every diagnostic of a broken example carries codeDescription.href, a file: URI of its shipped rule page', async () => {
  const files = {
    'destination.json': brokenDestination(),
    'destination-server.json': read('destination-server.json').replace('"templatingStrategy": "PEBBLE_V1"', '"templatingStrategy": "NONE"').replace('{{ identity.id }}', '{{ identity.id }'),
  };
  let seen = 0;
  for (const [name, text] of Object.entries(files)) {
    const uri = project.uri(name);
    await session.client.open(uri, text);
    const ds = await session.client.diagnosticsFor(uri);
    assert.ok(ds.length >= 2, `${name}: ${JSON.stringify(ds.map((d) => d.code))}`);
    for (const d of ds) {
      const href = d.codeDescription?.href;
      assert.ok(href?.startsWith('file:'), `${d.code} has no file: link (${href})`);
      const page = fileURLToPath(href!);
      assert.equal(basename(page), `${d.code}.md`);
      assert.equal(page, join(ROOT, 'docs/rules', `${d.code}.md`));
      assert.ok(existsSync(page), page);
      seen++;
    }
    await session.client.close(uri);
  }
  assert.ok(seen >= 5, `only ${seen} diagnostics`);
});

test('source.fixAll: offered when asked, never in the light bulb; applying it leaves a file whose findings are gone', async () => {
  const uri = project.uri('destination.json');
  const text = brokenDestination();
  await session.client.open(uri, text);
  const before = await session.client.diagnosticsFor(uri);
  assert.deepEqual([...new Set(before.map((d) => d.code))].sort(), ['PD012', 'PD103', 'PD110', 'PD114']);

  const ask = (only?: string[]) =>
    session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: before[0]!.range, context: { diagnostics: [before[0]!], only } }) as Promise<CodeAction[]>;
  assert.ok(!(await ask()).some((a) => a.kind === 'source.fixAll'), 'fix-all appears among the quick fixes');
  const actions = await ask(['source.fixAll']);
  assert.equal(actions.length, 1, JSON.stringify(actions.map((a) => a.title)));
  const [all] = actions;
  assert.equal(all!.kind, 'source.fixAll');
  const fixed = applyEdits(text, all!.edit!.changes![uri]!);
  await session.client.replaceAll(uri, fixed);
  const afterFix = await session.client.diagnosticsFor(uri);
  assert.deepEqual(afterFix.map((d) => `${d.code} ${d.message}`), []);
  assert.equal(fixed, read('destination.json'));
  await session.client.close(uri);
});

test('hovering `aggregation` ends with a link to Adobe\'s aggregation policy page', async () => {
  const { text, offset } = caret(read('destination.json').replace('"aggregation"', '"aggre|gation"'));
  const uri = project.uri('destination.json');
  await session.client.open(uri, text);
  const h = (await session.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as Hover | null;
  await session.client.close(uri);
  const md = (h?.contents as MarkupContent | undefined)?.value ?? '';
  assert.match(md, /\[Adobe documentation: Aggregation policy\]\(https:\/\/experienceleague\.adobe\.com\/en\/docs\/experience-platform\/destinations\/destination-sdk\/functionality\/destination-configuration\/aggregation-policy\)$/);
});

// Settings: a second server, started with `pindest.rules`, over its own copy of the example.
const configured = exampleCopy();
let client: TestClient;
before(async () => {
  client = await TestClient.start({ pindest: { validation: { delay: 0 }, rules: { PD118: 'off', PD114: 'error' } } });
});
after(async () => {
  await client.stop();
  configured.dispose();
});

test('pindest.rules: a code set to off disappears, one set to error is an error; changing the setting brings them back', async () => {
  const uri = configured.uri('destination.json');
  const text = pd118AndPd114(read('destination.json'));
  // The same text with default settings: both findings, PD118 and PD114 as warnings.
  const plain = session.client;
  await plain.open(project.uri('destination.json'), text);
  // This URI was open in the tests above: wait for this text's diagnostics, not a late earlier one.
  const defaults = await plain.diagnosticsFor(project.uri('destination.json'), (p) => p.diagnostics.some((d) => d.code === 'PD114'));
  await plain.close(project.uri('destination.json'));
  const severity = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).map((d) => d.severity);
  assert.deepEqual(severity(defaults, 'PD118'), [2]);
  assert.deepEqual(severity(defaults, 'PD114'), [2]);

  await client.open(uri, text);
  const set = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'PD114'));
  assert.deepEqual(severity(set, 'PD118'), [], 'PD118 is off');
  assert.deepEqual(severity(set, 'PD114'), [1], 'PD114 is an error');

  client.reset(uri);
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pindest: { rules: {} } } });
  const back = await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'PD118'));
  assert.deepEqual(severity(back, 'PD118'), [2]);
  assert.deepEqual(severity(back, 'PD114'), [2]);
  await client.close(uri);
});

test('pindest.rules: an unknown code or severity is named in a warning with a did-you-mean, and the valid entries still apply', async () => {
  const shown: string[] = [];
  // The server asks VS Code to show it (window/showMessageRequest, a warning).
  client.connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    if (p.type === 2) shown.push(p.message);
    return null;
  });
  const uri = configured.uri('destination.json');
  await client.open(uri, pd118AndPd114(read('destination.json')));
  // Before: `rules` is {} (the test above), so PD118 shows and PD114 is a warning.
  await client.diagnosticsFor(uri, (p) => p.diagnostics.some((d) => d.code === 'PD118'));
  client.reset(uri);
  await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pindest: { rules: { pd503: 'off', PD114: 'errror', PD118: 'off' } } } });
  // After: PD118 off, and PD114 still a warning (its bad entry is ignored): a state no earlier publish had.
  const ds = await client.diagnosticsFor(uri, (p) => !p.diagnostics.some((d) => d.code === 'PD118') && p.diagnostics.some((d) => d.code === 'PD114'));
  assert.deepEqual(ds.filter((d) => d.code === 'PD114').map((d) => d.severity), [2], 'the bad PD114 entry is ignored');
  assert.equal(shown.length, 1, JSON.stringify({ shown, logs: client.logs }));
  assert.match(shown[0]!, /Unknown finding code `pd503`: did you mean `PD503`\?/);
  assert.match(shown[0]!, /`PD114`: unknown severity "errror", did you mean `error`\?/);
  await client.close(uri);
});

test('rule page links follow VS Code\'s display language: French pages for `fr`, English otherwise', () => {
  const fr = rulePages(ROOT, 'fr-FR');
  const en = rulePages(ROOT, 'de');
  assert.equal(fileURLToPath(fr('PD110')!), join(ROOT, 'docs/rules/fr/PD110.md'));
  assert.equal(fileURLToPath(en('PD110')!), join(ROOT, 'docs/rules/PD110.md'));
  assert.equal(fr('PD999'), undefined, 'no link to a page that does not exist');
});
