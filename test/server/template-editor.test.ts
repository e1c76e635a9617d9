/**
 * Edit Embedded Template's Pebble editor (`pindest-template:` documents) over a real LSP connection:
 * the template's findings, completion and hover while typing, positioned in the Pebble text (not in
 * the escaped JSON string), with the host file on disk untouched until the editor saves.
 */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { CodeActionRequest, CompletionRequest, DidChangeWatchedFilesNotification, FileChangeType, HoverRequest, type CodeAction, type CompletionList, type Diagnostic, type Hover, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { offsetAt, positionAt, serverSession } from './client';
import { applyEdits } from './edits';

const session = serverSession();
const { project, read } = session;

/** The URI Edit Embedded Template opens for the example's server file (extension/template-fs.ts). */
const templateUri = (label = 'requestBody') => URI.from({ scheme: 'pindest-template', path: `${URI.file(project.path('destination-server.json')).path}/${label}.pebble` }).toString();
const body = () => JSON.parse(read('destination-server.json')).httpTemplate.requestBody.value as string;
const slice = (text: string, d: { range: Diagnostic['range'] }) => text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end));

test('a template error is published in the Pebble text while typing (no save), and goes when fixed', async () => {
  const uri = templateUri();
  const pebble = body();
  const onDisk = read('destination-server.json');
  await session.client.open(uri, pebble, 'pebble');
  assert.deepEqual(await session.client.diagnosticsFor(uri), [], 'the example template is clean');

  // On the template's third line, after the `"exited"` quotes the JSON string escapes: a position
  // taken from the JSON text would be lines and columns off.
  const typed = pebble.replace('{{ identity.id }}', '{{ identity.id | lowr }}');
  assert.notEqual(typed, pebble);
  await session.client.replaceAll(uri, typed);
  const ds = await session.client.diagnosticsFor(uri);
  assert.equal(ds.length, 1, JSON.stringify(ds));
  assert.equal(ds[0]!.code, 'PD401');
  assert.match(JSON.stringify(ds[0]!.message), /lowr/);
  assert.equal(slice(typed, ds[0]!), 'lowr');
  assert.match(ds[0]!.codeDescription?.href ?? '', /^file:.*\/docs\/rules\/PD401\.md$/, 'the code links to its rule page');
  assert.equal(read('destination-server.json'), onDisk, 'nothing was written to the JSON file');

  await session.client.replaceAll(uri, pebble);
  assert.deepEqual(await session.client.diagnosticsFor(uri), []);
  await session.client.close(uri);
});

test('an unknown variable on line 3 of a multi-line template is on line 3 of the Pebble text', async () => {
  const uri = templateUri();
  const text = '{\n  "a": "{{ customerData.adAccountId }}",\n  "b": "{{ identiti.id }}"\n}';
  await session.client.open(uri, text, 'pebble');
  const ds = await session.client.diagnosticsFor(uri);
  const d = ds.find((x) => x.code === 'PD402');
  assert.ok(d, JSON.stringify(ds));
  assert.equal(d.range.start.line, 2);
  assert.equal(slice(text, d), 'identiti');
  assert.equal(d.source, 'pindest');
  await session.client.close(uri);
  // Closing the editor clears what it showed.
  assert.deepEqual(await session.client.diagnosticsFor(uri, (p) => p.diagnostics.length === 0), []);
});

test('findings elsewhere in the host file stay on the JSON file; the url template is its own editor', async () => {
  const uri = templateUri('url');
  const hostUri = project.uri('destination-server.json');
  const server = read('destination-server.json');
  // The JSON editor is open with an unsaved error in the request body: it is the JSON file's.
  const host = server.replace('{{ identity.id }}', '{{ identity.id }}{{ inBody }}');
  assert.notEqual(host, server);
  await session.client.open(hostUri, host);
  assert.ok((await session.client.diagnosticsFor(hostUri)).some((d) => d.code === 'PD402'));
  const url = JSON.parse(server).urlBasedDestination.url.value as string;
  await session.client.open(uri, url, 'pebble');
  assert.deepEqual(await session.client.diagnosticsFor(uri), []);
  const typed = url.replace('{{customerData.adAccountId}}', '{{customerData.adAccountId}}{{ nope }}');
  assert.notEqual(typed, url);
  await session.client.replaceAll(uri, typed);
  const ds = await session.client.diagnosticsFor(uri);
  assert.deepEqual(ds.map((d) => [d.code, slice(typed, d)]), [['PD402', 'nope']]);
  await session.client.close(uri);
  await session.client.close(hostUri);
});

test('a change of the host\'s project (the destination file) re-checks the open template', async () => {
  const uri = templateUri();
  // customerData.X must be a customer data field of the destination (PD303).
  const text = body().replace('{{ identity.id }}', '{{ identity.id }}{{ customerData.region }}');
  await session.client.open(uri, text, 'pebble');
  const before = await session.client.diagnosticsFor(uri);
  assert.ok(before.some((d) => slice(text, d) === 'customerData.region' || slice(text, d) === 'region'), JSON.stringify(before));
  const destPath = project.path('destination.json');
  const dest = JSON.parse(read('destination.json'));
  const saved = read('destination.json');
  dest.customerDataFields.push({ name: 'region', type: 'string', title: 'Region', isRequired: false, readOnly: false, hidden: false });
  try {
    writeFileSync(destPath, JSON.stringify(dest, null, 2));
    session.client.reset(uri);
    await session.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: project.uri('destination.json'), type: FileChangeType.Changed }] });
    const after = await session.client.diagnosticsFor(uri, () => true);
    assert.ok(!after.some((d) => /region/.test(slice(text, d))), JSON.stringify(after));
  } finally {
    writeFileSync(destPath, saved);
    await session.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: project.uri('destination.json'), type: FileChangeType.Changed }] });
    await session.client.close(uri);
  }
});

test('completion after `{{ ` offers the template variables, with edits in the Pebble text', async () => {
  const uri = templateUri();
  const pebble = body();
  const at = pebble.indexOf('{{ identity.id }}');
  const typed = pebble.slice(0, at) + '{{ ' + pebble.slice(at);
  await session.client.open(uri, typed, 'pebble');
  const position = positionAt(typed, at + 3);
  const r = (await session.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position })) as CompletionList;
  const labels = r.items.map((i) => i.label);
  for (const v of ['input', 'destination', 'customerData', 'profile', 'identity', 'addedSegments']) assert.ok(labels.includes(v), `${v} in ${labels}`);
  const input = r.items.find((i) => i.label === 'input')!.textEdit as TextEdit;
  assert.deepEqual(input.range, { start: position, end: position });

  // After `|`, the filters, replacing what is typed.
  const filtered = pebble.replace('{{ identity.id }}', '{{ identity.id | lo }}');
  await session.client.replaceAll(uri, filtered);
  const caret = filtered.indexOf('| lo') + 4;
  const f = (await session.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(filtered, caret) })) as CompletionList;
  const lower = f.items.find((i) => i.label === 'lower');
  assert.ok(lower, JSON.stringify(f.items.map((i) => i.label)));
  assert.equal(slice(filtered, lower.textEdit as TextEdit), 'lo');
  await session.client.close(uri);
});

test('hover on a filter and on a variable in the Pebble text', async () => {
  const uri = templateUri();
  const text = body().replace('{{ identity.id }}', '{{ identity.id | lower }}');
  await session.client.open(uri, text, 'pebble');
  const hoverAt = async (offset: number) => (await session.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as Hover | null;
  const filter = await hoverAt(text.indexOf('| lower') + 4);
  assert.ok(filter);
  assert.match((filter.contents as MarkupContent).value, /`lower` — Pebble filter/);
  assert.equal(slice(text, filter as { range: Diagnostic['range'] }), 'lower');
  const variable = await hoverAt(text.indexOf('identity.id') + 10);
  assert.match((variable!.contents as MarkupContent).value, /`identity\.id`: `string`/);
  assert.doesNotMatch((variable!.contents as MarkupContent).value, /@example\.com/);
  // No JSON quick fixes or refactors are offered on Pebble text.
  const actions = await session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: positionAt(text, 0), end: positionAt(text, 0) }, context: { diagnostics: [] } });
  assert.deepEqual(actions, []);
  await session.client.close(uri);
});

test('quick fixes and fix-all in the Pebble editor replace the Pebble text, unescaped', async () => {
  const uri = templateUri();
  const pebble = body();
  // Two findings with one sure replacement each: a misspelt variable (PD402) and `input.profile`
  // where AEP fills `input.profiles` (PD403); the line with `"exited"` keeps its quotes unescaped.
  const typed = pebble.replace('{{ identity.id }}', '{{ identity.id }}{{ customerDta.adAccountId }}').replace('in input.profiles', 'in input.profile');
  await session.client.open(uri, typed, 'pebble');
  const ds = await session.client.diagnosticsFor(uri);
  assert.deepEqual(ds.map((d) => [d.code, slice(typed, d)]).sort(), [['PD402', 'customerDta'], ['PD403', 'input.profile']]);
  const ask = (d: Diagnostic | undefined, only?: string[]) =>
    session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: (d ?? ds[0]!).range, context: { diagnostics: d ? [d] : [], only } }) as Promise<CodeAction[]>;
  const pd402 = ds.find((d) => d.code === 'PD402')!;
  const quick = await ask(pd402);
  assert.deepEqual(quick.map((a) => [a.title, a.kind, a.isPreferred]), [['Change to `customerData`', 'quickfix', true]]);
  assert.equal(applyEdits(typed, quick[0]!.edit!.changes![uri]!), pebble.replace('{{ identity.id }}', '{{ identity.id }}{{ customerData.adAccountId }}').replace('in input.profiles', 'in input.profile'));
  assert.ok(!(await ask(undefined)).some((a) => a.kind === 'source.fixAll'), 'fix-all only when asked for');
  const all = await ask(undefined, ['source.fixAll']);
  assert.equal(all.length, 1);
  const fixed = applyEdits(typed, all[0]!.edit!.changes![uri]!);
  assert.equal(fixed, pebble.replace('{{ identity.id }}', '{{ identity.id }}{{ customerData.adAccountId }}'));
  await session.client.replaceAll(uri, fixed);
  assert.deepEqual(await session.client.diagnosticsFor(uri), []);
  await session.client.close(uri);
});
