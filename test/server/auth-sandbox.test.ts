/** OAuth options and the refused sandbox, as an author sees them in the editor (real LSP connection). */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { CompletionRequest, HoverRequest, type CompletionList, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { caret, positionAt, serverSession } from './client';

const session = serverSession();
const { project, read } = session;

test('hover on options.useBasicAuth explains HTTP Basic and that Pinterest needs true', async () => {
  const { text, offset } = caret(read('destination.json').replace('"useBasicAuth"', '"useBasic|Auth"'));
  const uri = project.uri('destination.json');
  await session.client.open(uri, text);
  const r = (await session.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as Hover | null;
  await session.client.close(uri);
  const value = r ? (r.contents as MarkupContent).value : '';
  assert.match(value, /Authorization: Basic/);
  assert.match(value, /Pinterest's token endpoint accepts only HTTP Basic/);
});

test('the activation environment offers local and production, not sandbox', async () => {
  const { text, offset } = caret(read('activation.json').replace('"environment": "local"', '"environment": |'));
  const uri = project.uri('activation.json');
  await session.client.open(uri, text);
  const r = (await session.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as CompletionList | null;
  await session.client.close(uri);
  const labels = (r?.items ?? []).map((i) => i.label.replace(/"/g, ''));
  assert.ok(labels.includes('local') && labels.includes('production'), JSON.stringify(labels));
  assert.ok(!labels.includes('sandbox'), JSON.stringify(labels));
});

test('an activation with environment sandbox gets PD209 on the value, naming x-sandbox, and no generic enum finding', async () => {
  const text = read('activation.json').replace('"environment": "local"', '"environment": "sandbox"');
  const uri = project.uri('activation.json');
  // The previous test opened the same file: wait for this text's findings, not a late empty publish.
  session.client.reset(uri);
  await session.client.open(uri, text);
  const ds = await session.client.diagnosticsFor(uri, (p) => p.diagnostics.length > 0);
  await session.client.close(uri);
  assert.deepEqual(ds.map((d) => d.code), ['PD209']);
  const line = text.split('\n')[ds[0]!.range.start.line]!;
  assert.equal(line.slice(ds[0]!.range.start.character, ds[0]!.range.end.character), '"sandbox"');
  assert.match(String(ds[0]!.message), /x-sandbox: disabled/);
});
