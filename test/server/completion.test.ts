/** Completion and hover at `|` caret markers, over a real LSP connection. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { CompletionItemKind, CompletionRequest, HoverRequest, type CompletionItem, type CompletionList, type Hover, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol/node';
import { kindFromContent } from '../../src/core/project/kinds';
import { FILTERS } from '../../src/core/template/index';
import { caret, positionAt, serverSession, TestClient } from './client';
import { applyEdits } from './edits';
import type { TemplateSlot } from '../../src/core/template/variables';
import { variableLeaves } from '../helpers/template-variables';

const session = serverSession();
const { project, read } = session;

async function completeAt(name: string, fixture: string, marker = '|'): Promise<CompletionItem[]> {
  const { text, offset } = caret(fixture, marker);
  const uri = project.uri(name);
  await session.client.open(uri, text);
  const r = (await session.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as CompletionList | null;
  await session.client.close(uri);
  return r?.items ?? [];
}

async function hoverAt(name: string, fixture: string): Promise<string> {
  const { text, offset } = caret(fixture);
  const uri = project.uri(name);
  await session.client.open(uri, text);
  const r = (await session.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as Hover | null;
  await session.client.close(uri);
  return r ? (r.contents as MarkupContent).value : '';
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

test('schema completion: property names of the destination schema (vscode-json-languageservice)', async () => {
  const text = read('destination.json').replace('"status": "TEST",', '"status": "TEST",\n  |');
  const items = await completeAt('destination.json', text);
  // Properties the file does not have yet are offered; the ones it has are not.
  assert.ok(labels(items).includes('releaseNotes'), JSON.stringify(labels(items)));
  assert.ok(!labels(items).includes('aggregation'));
});

test('schema completion: enum values, with the schema markdown', async () => {
  const text = read('destination.json').replace('"frequency": "Streaming"', '"frequency": |');
  const items = await completeAt('destination.json', text);
  assert.ok(labels(items).some((l) => l.includes('Streaming')), JSON.stringify(labels(items)));
});

test('namespace codes as acceptedGlobalNamespaces keys, except those already there', async () => {
  const text = read('destination.json').replace('"Email_LC_SHA256": {},', '"Email_LC_SHA256": {},\n        "|": {},');
  const items = await completeAt('destination.json', text);
  for (const code of ['Phone', 'ECID']) assert.ok(labels(items).includes(code), code);
  for (const code of ['Email', 'GAID', 'IDFA', 'Email_LC_SHA256']) assert.ok(!labels(items).includes(code), `${code} is already accepted: ${labels(items)}`);
  // With GAID gone from the object, GAID is offered again, as a quoted key.
  const withoutGaid = await completeAt('destination.json', text.replace(/"GAID": \{[^}]*\},?/, ''));
  const gaid = withoutGaid.find((i) => i.label === 'GAID');
  assert.ok(gaid, JSON.stringify(labels(withoutGaid)));
  assert.equal((gaid.textEdit as { newText: string }).newText, '"GAID"');
});

test('the key being typed is offered even though it is in the object already (it is the one being edited)', async () => {
  const items = await completeAt('destination.json', read('destination.json').replace('"GAID": {', '"GA|ID": {'));
  assert.ok(labels(items).includes('GAID'), JSON.stringify(labels(items)));
  assert.ok(!labels(items).includes('IDFA'));
});

test('activation mapping source offers the namespaces the target accepts and no other mapping sends there yet; target offers target identities', async () => {
  // The example maps Email, Email_LC_SHA256, GAID and IDFA to pinterest_audience: in GAID's place only GAID is left.
  const source = await completeAt('activation.json', read('activation.json').replace('"source": "GAID"', '"source": "G|"'));
  assert.deepEqual(labels(source).filter((l) => ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA', 'ECID'].includes(l)).sort(), ['GAID']);
  const text = read('activation.json');
  const dropped = text.replace(/\{\s*"source": "IDFA",\s*"target": "pinterest_audience"[^}]*\},?/, '');
  assert.notEqual(dropped, text);
  const again = await completeAt('activation.json', dropped.replace('"source": "GAID"', '"source": "|"'));
  assert.deepEqual(labels(again).filter((l) => ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA', 'ECID'].includes(l)).sort(), ['GAID', 'IDFA']);
  const target = await completeAt('activation.json', read('activation.json').replace('"target": "pinterest_audience",\n      "applyTransformation": false', '"target": "|",\n      "applyTransformation": false'));
  assert.ok(labels(target).includes('pinterest_audience'));
});

test('customerData field names in the activation connection', async () => {
  const text = read('activation.json').replace('"adAccountId": "549755885175"', '"|"');
  const items = await completeAt('activation.json', text);
  const item = items.find((i) => i.label === 'adAccountId');
  assert.ok(item, JSON.stringify(labels(items)));
  assert.equal((item.textEdit as { newText: string }).newText, '"adAccountId": ""');
});

test('customerData field names already set are not offered again', async () => {
  const text = read('activation.json').replace('"adAccountId": "549755885175"', '"adAccountId": "549755885175",\n      "|"');
  const items = await completeAt('activation.json', text);
  assert.ok(!labels(items).includes('adAccountId'), JSON.stringify(labels(items)));
});

test('authType in a streaming destination: the streaming types only, OAUTH2, BEARER, BASIC, then OAUTH1', async () => {
  const text = read('destination.json').replace('"authType": "OAUTH2"', '"authType": |');
  const items = await completeAt('destination.json', text);
  const ordered = [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
  assert.deepEqual(labels(ordered), ['"OAUTH2"', '"BEARER"', '"BASIC"', '"OAUTH1"']);
  // The schema's own item is kept: its markdown says what the user will see in AEP.
  assert.match(JSON.stringify(ordered[0]!.documentation), /Connect to destination/);
  // Inside the quotes too.
  const quoted = await completeAt('destination.json', read('destination.json').replace('"authType": "OAUTH2"', '"authType": "|"'));
  assert.deepEqual(labels(quoted).sort(), ['"BASIC"', '"BEARER"', '"OAUTH1"', '"OAUTH2"']);
});

test('authType in a batch destination keeps the schema\'s whole list (file-based types included)', async () => {
  const text = read('destination.json').replace('"frequency": "Streaming"', '"frequency": "Batch"').replace('"authType": "OAUTH2"', '"authType": |');
  const items = await completeAt('destination.json', text);
  assert.ok(labels(items).includes('"S3"') && labels(items).includes('"OAUTH2"'), JSON.stringify(labels(items)));
});

test('destinationServerId offers the instanceIds of the project\'s servers', async () => {
  const text = read('destination.json').replace('"destinationServerId": "9b7c2e1d-5a3f-4c68-8e0b-1f2a3d4c5b6e"', '"destinationServerId": "|"');
  const items = await completeAt('destination.json', text);
  assert.ok(labels(items).includes('9b7c2e1d-5a3f-4c68-8e0b-1f2a3d4c5b6e'), JSON.stringify(labels(items)));
});

test('template: variables in scope, members, loop variables, filters and functions', async () => {
  const server = read('destination-server.json');
  const top = await completeAt('destination-server.json', server.replace('{{ identity.id }}', '{{ | }}'));
  for (const v of ['input', 'destination', 'customerData', 'profile', 'identity', 'loop', 'addedSegments']) assert.ok(labels(top).includes(v), `${v} in ${labels(top)}`);

  const members = await completeAt('destination-server.json', server.replace('{% for profile in input.profiles %}', '{% for profile in input.pro| %}'));
  assert.ok(labels(members).includes('profiles') && labels(members).includes('aggregationKey'), JSON.stringify(labels(members)));
  const edit = members.find((i) => i.label === 'profiles')!.textEdit as { range: { start: { character: number }; end: { character: number } } };
  assert.equal(edit.range.end.character - edit.range.start.character, 3, 'replaces the typed `pro`');

  const identity = await completeAt('destination-server.json', server.replace('{{ identity.id }}', '{{ identity.| }}'));
  assert.deepEqual(labels(identity), ['id']);

  const profile = await completeAt('destination-server.json', server.replace('profile.identityMap.pinterest_audience', 'profile.identityMap.|'));
  assert.ok(labels(profile).includes('pinterest_audience'), `identityMap members: ${labels(profile)}`);

  const filters = await completeAt('destination-server.json', server.replace('{{ identity.id }}', '{{ identity.id | lo‸ }}'), '‸');
  assert.ok(labels(filters).includes('lower') && labels(filters).includes('toJson'), `filters: ${labels(filters)}`);
  // The parser's table, nothing else: Pebble's sha256 offered, Twig's e and the non-Pebble keys not.
  assert.deepEqual([...labels(filters)].sort(), [...FILTERS].sort());
  assert.ok(labels(filters).includes('sha256') && !labels(filters).includes('e') && !labels(filters).includes('keys'));

  const cd = await completeAt('destination-server.json', server.replace('{{customerData.adAccountId}}', '{{customerData.|}}'));
  assert.deepEqual(labels(cd), ['adAccountId']);

  const dest = await completeAt('destination-server.json', server.replace('{{ identity.id }}', '{{ destination.| }}'));
  assert.ok(labels(dest).includes('namespaceSegmentAliases'), `destination members: ${labels(dest)}`);
});

test('template: a loop variable is offered inside an unfinished {% for %} (no endfor, no closing braces yet)', async () => {
  const server = read('destination-server.json');
  const records = '{% for profile in input.profiles %}{% for identity in profile.identityMap.pinterest_audience %}{{ identity.id }}{% if not loop.last %},{% endif %}{% endfor %}{% if not loop.last %},{% endif %}{% endfor %}';
  assert.ok(server.includes(records), 'the example still has its records template');

  const top = await completeAt('destination-server.json', server.replace(records, '{% for member in input.profiles %}{{ mem|'));
  assert.ok(labels(top).includes('member') && labels(top).includes('loop'), `in scope: ${labels(top)}`);

  // The loop variable has the element type of what it iterates: a profile.
  const members = await completeAt('destination-server.json', server.replace(records, '{% for member in input.profiles %}{% set m = member %}{{ m.|'));
  assert.ok(labels(members).includes('identityMap'), `profile members: ${labels(members)}`);

  // After its endfor the variable is gone; while its own tag is typed it is not there yet.
  const after = await completeAt('destination-server.json', server.replace(records, '{% for member in input.profiles %}{% endfor %}{{ |'));
  assert.ok(!labels(after).includes('member') && !labels(after).includes('loop'), `after endfor: ${labels(after)}`);
  const header = await completeAt('destination-server.json', server.replace(records, '{% for member in input.pro|'));
  assert.ok(!labels(header).includes('member'), `in the for tag: ${labels(header)}`);
});

test('hover: schema markdown on a property', async () => {
  const md = await hoverAt('destination.json', read('destination.json').replace('"segmentRequired"', '"segment|Required"'));
  assert.match(md, /Always set to `true`/);
});

test('hover: a template variable shows its type and a masked example from the sample profiles', async () => {
  const server = read('destination-server.json');
  const md = await hoverAt('destination-server.json', server.replace('{{ identity.id }}', '{{ identity.i|d }}'));
  assert.match(md, /`identity\.id`: `string`/);
  assert.match(md, /Example/);
  // An email reaches Pinterest hashed; the example shows only a masked prefix.
  assert.match(md, /"[0-9a-f]{8}…"|"[0-9a-f]{4}…[0-9a-f]{4}"/, md);
  assert.doesNotMatch(md, /@example\.com/);

  const profiles = await hoverAt('destination-server.json', server.replace('in input.profiles', 'in input.prof|iles'));
  assert.match(profiles, /list of Profile/);
  assert.doesNotMatch(profiles, /ana\.lopez|Quinn/i);
});

test('hover: a namespace code shows the catalogue description', async () => {
  const md = await hoverAt('activation.json', read('activation.json').replace('"source": "GAID"', '"source": "GA|ID"'));
  assert.match(md, /GAID/);
});

/**
 * Every variable of the one template catalogue is offered, level by level: map keys the project
 * knows (target identities, audience namespaces and ids, customer data fields) are offered by name,
 * and below a key the project does not know (any audience id) the members still come.
 */
async function catalogueCompletes(slot: TemplateSlot, file: string, replace: string): Promise<void> {
  const text = read(file);
  assert.ok(text.includes(replace), replace);
  const known: Record<string, string> = { '<namespace>': 'ups', '<audience>': '5b8a1c3e-7f4d-4e2a-9b6c-0d1e2f3a4b5c', '<target>': 'pinterest_audience', '<field>': 'adAccountId' };
  const asTyped: Record<string, string> = { '<audience>': 'someAudience', '<header>': 'someHeader', '<namespace>': 'ups', '<target>': 'pinterest_audience', '<field>': 'adAccountId' };
  const asked = new Map<string, string[]>();
  const offered = async (prefix: string[]) => {
    const key = prefix.join('.');
    if (!asked.has(key)) {
      const caretText = prefix.length ? `{{ ${key}.| }}` : '{{ | }}';
      // JSON-escape nothing: the caret text has no quote or backslash.
      asked.set(key, labels(await completeAt(file, text.replace(replace, caretText))));
    }
    return asked.get(key)!;
  };
  for (const { path } of variableLeaves(slot)) {
    for (let i = 0; i < path.length; i++) {
      const seg = path[i]!;
      const prefix = path.slice(0, i).map((s) => asTyped[s] ?? s);
      if (seg === '0' || seg === '<header>') continue; // list items and header names are not offered
      const want = known[seg] ?? seg;
      const got = await offered(prefix);
      assert.ok(got.includes(want), `${[...prefix, want].join('.')}: offered ${JSON.stringify(got)}`);
    }
  }
}

test('template: completion offers every server variable of the catalogue', async () => {
  await catalogueCompletes('server', 'destination-server.json', '{{ identity.id }}');
});

test('template: completion offers every audience template variable of the catalogue', async () => {
  await catalogueCompletes('audience', 'audience-template.json', '{{segment.name}}');
});

test('template: completion offers no variable outside the catalogue (no token in a server template)', async () => {
  const top = labels(await completeAt('destination-server.json', read('destination-server.json').replace('{{ identity.id }}', '{{ | }}')));
  assert.ok(!top.includes('oauth2ServiceAccessToken') && !top.includes('authData'), JSON.stringify(top));
  const dest = labels(await completeAt('destination-server.json', read('destination-server.json').replace('{{ identity.id }}', '{{ destination.| }}')));
  assert.deepEqual(dest.sort(), ['namespaceSegmentAliases', 'namespaceSegmentNames', 'namespaceSegmentTimestamps', 'segmentAliases', 'segmentNames', 'segmentTimestamps']);
});

// ---- Snippets: once, and only where a whole file fits ----

const snippetsIn = (items: CompletionItem[]) => items.filter((i) => i.kind === CompletionItemKind.Snippet);

/** What VS Code inserts for a snippet item when every placeholder keeps its default. */
function insertSnippet(text: string, item: CompletionItem): string {
  const body = (item.textEdit as TextEdit).newText.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
  return applyEdits(text, [{ ...(item.textEdit as TextEdit), newText: body }, ...(item.additionalTextEdits ?? [])]);
}

test('snippets: an empty destination.json offers the destination snippet, once, and it inserts a destination', async () => {
  const items = snippetsIn(await completeAt('destination.json', '|'));
  assert.deepEqual(labels(items), ['pindest-destination']);
  const inserted = insertSnippet('', items[0]!);
  assert.equal(kindFromContent(JSON.parse(inserted)), 'destination');
});

test('snippets: the word being typed in an empty file (`pin`) keeps them offered, and the snippet replaces it', async () => {
  const items = snippetsIn(await completeAt('audience-template.json', '\npin|'));
  assert.deepEqual(labels(items), ['pindest-audience-template']);
  const inserted = insertSnippet('\npin', items[0]!);
  assert.equal(kindFromContent(JSON.parse(inserted)), 'audience-template');
  assert.ok(!inserted.includes('pin{'), inserted.slice(0, 40));
});

test('snippets: an empty file of no known kind offers the four, each once', async () => {
  const items = snippetsIn(await completeAt('new-file.json', '\n|\n'));
  assert.deepEqual(labels(items), ['pindest-destination', 'pindest-destination-server', 'pindest-audience-template', 'pindest-activation']);
});

test('snippets: an empty top-level object is replaced by the snippet, its edit on the caret\'s line only', async () => {
  const fixture = '{\n  |\n}\n';
  const items = snippetsIn(await completeAt('activation.json', fixture));
  assert.deepEqual(labels(items), ['pindest-activation']);
  const edit = items[0]!.textEdit as TextEdit;
  assert.equal(edit.range.start.line, edit.range.end.line, 'VS Code drops a completion whose edit spans lines');
  const inserted = insertSnippet(caret(fixture).text, items[0]!);
  assert.equal(kindFromContent(JSON.parse(inserted)), 'activation');
  assert.equal(inserted.trimStart().startsWith('{'), true);
  // On one line, VS Code filters on the text from the edit's start: the `{` is part of the filter text.
  const oneLine = snippetsIn(await completeAt('activation.json', '{|}'));
  assert.equal(oneLine[0]!.filterText, '{pindest-activation');
});

test('snippets: their descriptions follow VS Code\'s display language (French for `fr`, English otherwise)', async () => {
  const english = snippetsIn(await completeAt('new-file.json', '|')).map((i) => i.detail);
  assert.equal(english[0], 'A Pinterest Customer List destination configuration (body of POST /authoring/destinations).');
  const fr = await TestClient.start(undefined, 'fr-FR');
  try {
    const uri = project.uri('new-french-file.json');
    await fr.open(uri, '');
    const r = (await fr.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } })) as CompletionList | null;
    const details = snippetsIn(r?.items ?? []).map((i) => i.detail);
    assert.deepEqual(details, [
      'Une configuration de destination Pinterest Customer List (corps de POST /authoring/destinations).',
      'Un serveur de destination pour les listes de clients Pinterest, avec le modèle de requête Pebble (corps de POST /authoring/destination-servers).',
      "Un modèle de métadonnées d'audience qui crée des listes de clients Pinterest (corps de POST /authoring/audience-templates).",
      "Une activation de test : connexion, mappages d'identités, audiences et profils d'exemple.",
    ]);
  } finally {
    await fr.stop();
  }
});

test('snippets: none in a file with content, inside a string, in a nested object or in a template', async () => {
  const dest = read('destination.json');
  const places: [string, string][] = [
    ['destination.json', dest.replace('"status": "TEST",', '"status": "TEST",\n  |')],
    ['destination.json', dest.replace('"status": "TEST"', '"status": "T|"')],
    ['destination.json', dest.replace('"segmentRequired": true', '|"segmentRequired": true')],
    ['destination-server.json', read('destination-server.json').replace('{{ identity.id }}', '{{ identity.| }}')],
    ['destination.json', '{ "name": "x", | }'],
  ];
  for (const [name, fixture] of places) {
    const items = await completeAt(name, fixture);
    assert.deepEqual(labels(snippetsIn(items)), [], `${name}: ${fixture.slice(0, 40)}`);
    assert.ok(!labels(items).some((l) => l.startsWith('pindest-')), JSON.stringify(labels(items)));
  }
});
