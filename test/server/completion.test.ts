/** Completion and hover at `|` caret markers, over a real LSP connection. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { CompletionRequest, HoverRequest, type CompletionItem, type CompletionList, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { FILTERS } from '../../src/core/template/index';
import { caret, positionAt, serverSession } from './client';
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

test('namespace codes as acceptedGlobalNamespaces keys', async () => {
  const text = read('destination.json').replace('"Email_LC_SHA256": {},', '"Email_LC_SHA256": {},\n        "|": {},');
  const items = await completeAt('destination.json', text);
  for (const code of ['Email', 'GAID', 'IDFA', 'Email_LC_SHA256']) assert.ok(labels(items).includes(code), code);
  const gaid = items.find((i) => i.label === 'GAID')!;
  assert.equal((gaid.textEdit as { newText: string }).newText, '"GAID"');
});

test('activation mapping source offers the namespaces the target accepts; target offers target identities', async () => {
  const source = await completeAt('activation.json', read('activation.json').replace('"source": "GAID"', '"source": "G|"'));
  assert.deepEqual(labels(source).filter((l) => ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA', 'ECID'].includes(l)).sort(), ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA']);
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
