/** Diagnostics over a real LSP connection: codes, positions, debounce, cross-file refresh, close. */
import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol/node';
import { offsetAt, serverSession, TestClient } from './client';

const session = serverSession();
const { project, read } = session;

test('the example destination is clean; a broken value gets its code, source and pointer', async () => {
  const uri = project.uri('destination.json');
  const text = read('destination.json');
  await session.client.open(uri, text);
  assert.deepEqual(await session.client.diagnosticsFor(uri), []);

  const broken = text.replace('"segmentRequired": true', '"segmentRequired": false');
  await session.client.replaceAll(uri, broken);
  const ds = await session.client.diagnosticsFor(uri);
  const d = ds.find((x) => x.code === 'PD103');
  assert.ok(d, JSON.stringify(ds));
  assert.equal(d.source, 'pindest');
  assert.equal((d.data as { pointer: string }).pointer, '/schemaConfig/segmentRequired');
  assert.equal(broken.slice(offsetAt(broken, d.range.start), offsetAt(broken, d.range.end)), 'false');
  assert.deepEqual((d.data as { fix: unknown }).fix, { set: { pointer: '/schemaConfig/segmentRequired', value: true } });
  await session.client.close(uri);
});

test('incremental edits are applied exactly', async () => {
  const uri = project.uri('destination.json');
  const text = read('destination.json');
  await session.client.open(uri, text);
  await session.client.diagnosticsFor(uri);
  const at = text.indexOf('"Streaming"');
  const start = { line: text.slice(0, at).split('\n').length - 1, character: at - text.lastIndexOf('\n', at) - 1 };
  // Replace Streaming with streaming: PD012 (enum case) with a replacement.
  await session.client.change(uri, [{ range: { start: { line: start.line, character: start.character + 1 }, end: { line: start.line, character: start.character + 2 } }, text: 's' }]);
  const ds = await session.client.diagnosticsFor(uri);
  const d = ds.find((x) => (x.data as { fix?: { replacement?: string } }).fix?.replacement === 'Streaming');
  assert.ok(d, JSON.stringify(ds.map((x) => x.code)));
  await session.client.close(uri);
});

test('PD001 is left to VS Code for json documents, kept for other language ids', async () => {
  const uri = project.uri('destination.json');
  const text = read('destination.json').replace('"status": "TEST",', '"status": "TEST",,');
  await session.client.open(uri, text, 'json');
  const asJson = await session.client.diagnosticsFor(uri);
  assert.ok(!asJson.some((d) => d.code === 'PD001'), JSON.stringify(asJson));
  await session.client.close(uri);
  await session.client.open(uri, text, 'pindest-json');
  const asOwn = await session.client.diagnosticsFor(uri);
  assert.ok(asOwn.some((d) => d.code === 'PD001'));
  await session.client.close(uri);
});

test('closing a document clears its diagnostics', async () => {
  const uri = project.uri('destination.json');
  await session.client.open(uri, read('destination.json').replace('"segmentRequired": true', '"segmentRequired": false'));
  assert.ok((await session.client.diagnosticsFor(uri)).length > 0);
  session.client.reset(uri);
  await session.client.close(uri);
  assert.deepEqual(await session.client.diagnosticsFor(uri, () => true), []);
});

test('a sibling edited in the editor re-validates the other open files (cross-file)', async () => {
  const dest = project.uri('destination.json');
  const server = project.uri('destination-server.json');
  const serverText = read('destination-server.json');
  await session.client.open(dest, read('destination.json'));
  await session.client.open(server, serverText);
  assert.deepEqual(await session.client.diagnosticsFor(dest), []);
  session.client.reset(dest);
  // The server's instanceId changes: the destination's destinationServerId no longer resolves.
  await session.client.replaceAll(server, serverText.replace('9b7c2e1d-5a3f', '0000000d-5a3f'));
  const ds = await session.client.diagnosticsFor(dest, (p) => p.diagnostics.some((d) => d.code === 'PD301'));
  assert.ok(ds.some((d) => d.code === 'PD301'));
  // Closing the server without saving: the disk version is back in force.
  session.client.reset(dest);
  await session.client.close(server);
  assert.deepEqual(await session.client.diagnosticsFor(dest, () => true), []);
  await session.client.close(dest);
});

test('an unopened sibling changed on disk re-validates through didChangeWatchedFiles', async () => {
  const dest = project.uri('destination.json');
  await session.client.open(dest, read('destination.json'));
  assert.deepEqual(await session.client.diagnosticsFor(dest), []);
  const original = read('destination-server.json');
  writeFileSync(project.path('destination-server.json'), original.replace('9b7c2e1d-5a3f', '0000000d-5a3f'));
  session.client.reset(dest);
  await session.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: project.uri('destination-server.json'), type: FileChangeType.Changed }] });
  const ds = await session.client.diagnosticsFor(dest, (p) => p.diagnostics.some((d) => d.code === 'PD301'));
  assert.ok(ds.some((d) => d.code === 'PD301'));
  writeFileSync(project.path('destination-server.json'), original);
  session.client.reset(dest);
  await session.client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: project.uri('destination-server.json'), type: FileChangeType.Changed }] });
  assert.deepEqual(await session.client.diagnosticsFor(dest, () => true), []);
  await session.client.close(dest);
});

test('a template syntax error is placed on the exact character inside the escaped JSON string', async () => {
  const uri = project.uri('destination-server.json');
  const text = read('destination-server.json');
  // Break the second line of the template: `{% for profile in input.profiles %}` loses its `in`.
  const broken = text.replace('{% for profile in input.profiles %}', '{% for profile input.profiles %}');
  await session.client.open(uri, broken);
  const ds = await session.client.diagnosticsFor(uri);
  const d = ds.find((x) => x.code === 'PD401');
  assert.ok(d, JSON.stringify(ds));
  assert.match(String(d.message), /line 3, column/);
  const at = offsetAt(broken, d.range.start);
  assert.equal(broken.slice(at, at + 'input'.length), 'input', `underlined: ${broken.slice(at, at + 20)}`);
  await session.client.close(uri);
});

test('the debounce delay comes from initializationOptions: rapid edits publish once, for the last version', async () => {
  const delay = 300;
  const slow = await TestClient.start({ pindest: { validation: { delay } } });
  try {
    const uri = project.uri('destination.json');
    const text = read('destination.json');
    await slow.open(uri, text);
    await slow.diagnosticsFor(uri);
    const before = slow.published.length;
    for (let i = 0; i < 5; i++) await slow.replaceAll(uri, text.replace('"TEST"', `"TEST${i}"`));
    await slow.diagnosticsFor(uri);
    // Give any run an edit left behind (an undebounced one) the time to show up; nothing is timed.
    await new Promise((r) => setTimeout(r, 2 * delay));
    const published = slow.published.slice(before);
    assert.deepEqual(published.map((p) => p.version), [6], 'one run, for the last edit');
    // What is published is the last edit's: its wrong status value is a PD012.
    assert.ok(published[0]!.diagnostics.some((d) => d.code === 'PD012' && /TEST4/.test(String(d.message))), JSON.stringify(published[0]!.diagnostics));
  } finally {
    await slow.stop();
  }
});

test('a duplicate key: a PD005 warning at each occurrence, with related information pointing at the other', async () => {
  const uri = project.uri('destination.json');
  const text = read('destination.json').replace('"status": "TEST",', '"status": "TEST",\n  "status": "TEST",');
  await session.client.open(uri, text);
  const ds = (await session.client.diagnosticsFor(uri)).filter((d) => d.code === 'PD005');
  assert.equal(ds.length, 2, JSON.stringify(ds));
  const [first, second] = ds.sort((a, b) => a.range.start.line - b.range.start.line);
  for (const d of [first!, second!]) {
    assert.equal(d.severity, 2); // Warning
    assert.equal(text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end)), '"status"');
    assert.equal((d.data as { pointer: string }).pointer, '/status');
    assert.equal(d.relatedInformation?.length, 1);
    assert.equal(d.relatedInformation![0]!.location.uri, uri);
  }
  assert.deepEqual(first!.relatedInformation![0]!.location.range, second!.range);
  assert.deepEqual(second!.relatedInformation![0]!.location.range, first!.range);
  await session.client.close(uri);
});

test('pindest.files.globs: a file matching a user glob is checked as that kind', async () => {
  const uri = project.uri('dest-spring.json');
  // Nothing in the name or the content says "destination".
  const text = '{\n  "name": 5\n}\n';
  await session.client.open(uri, text);
  assert.deepEqual(await session.client.diagnosticsFor(uri), [], 'without the setting it is not ours');
  await session.client.close(uri);

  const withGlobs = await TestClient.start({ pindest: { validation: { delay: 0 }, files: { globs: { destination: ['**/dest-*.json'] } } } });
  try {
    await withGlobs.open(uri, text);
    const ds = await withGlobs.diagnosticsFor(uri);
    // The destination schema's finding for its `name`.
    const d = ds.find((x) => x.code === 'PD011');
    assert.equal(d?.message, '`name` must be a string, not an integer.', JSON.stringify(ds.map((x) => [x.code, x.message])));
    assert.equal((d?.data as { pointer?: string } | undefined)?.pointer, '/name');
  } finally {
    await withGlobs.stop();
  }
});

/** The diagnostics of `name` with `text` open, and the text each one underlines. */
async function findings(name: string, text: string): Promise<{ code: string; message: string; underlined: string; fix: unknown }[]> {
  const uri = project.uri(name);
  await session.client.open(uri, text);
  const ds = await session.client.diagnosticsFor(uri);
  await session.client.close(uri);
  return ds.map((d) => ({ code: String(d.code), message: typeof d.message === 'string' ? d.message : d.message.value, underlined: text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end)), fix: (d.data as { fix?: unknown }).fix }));
}

test('an empty authType says it is empty and lists the streaming types (not "`` is a file-based type")', async () => {
  const ds = await findings('destination.json', read('destination.json').replace('"authType": "OAUTH2"', '"authType": ""'));
  assert.deepEqual(ds.map((d) => [d.code, d.underlined]), [['PD105', '""']]);
  assert.equal(ds[0]!.message, '`authType` is empty; a streaming destination authenticates with `OAUTH2`, `BEARER` or `BASIC`.');
  assert.deepEqual(ds[0]!.fix, { candidates: ['OAUTH2', 'BEARER', 'BASIC'] });
});

test('an empty enum value says which key is empty and what it takes', async () => {
  const ds = await findings('activation.json', read('activation.json').replace(/"environment": "[a-z]+"/, '"environment": ""'));
  const d = ds.find((x) => x.underlined === '""');
  assert.ok(d, JSON.stringify(ds));
  assert.equal(d.message, '`environment` is empty; use `local` or `production`.');
});

test('a misspelt required key is one finding, the did-you-mean with its rename, not also "missing"', async () => {
  const ds = await findings('destination.json', read('destination.json').replace('"segmentRequired": true', '"segmentRequried": true'));
  assert.deepEqual(ds.map((d) => [d.code, d.underlined, d.fix]), [['PD014', '"segmentRequried"', { renameKey: 'segmentRequired' }]]);
});
