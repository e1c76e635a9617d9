/** Links, the providers left to VS Code, style-keeping formatting and cancellation over a real LSP connection. */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import {
  CancellationTokenSource,
  CompletionRequest,
  DocumentLinkRequest,
  HoverRequest,
  LSPErrorCodes,
  type DocumentLink,
  type Hover,
  type MarkupContent,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { FORMAT_KEEPING_STYLE } from '../../src/server/requests';
import { offsetAt, serverSession } from './client';
import { applyEdits } from './edits';

const session = serverSession();
const { project, read } = session;

async function linksOf(name: string): Promise<{ text: string; target: string }[]> {
  const uri = project.uri(name);
  const text = read(name);
  await session.client.open(uri, text);
  const links = (await session.client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) as DocumentLink[];
  await session.client.close(uri);
  return links.map((l) => ({ text: text.slice(offsetAt(text, l.range.start), offsetAt(text, l.range.end)), target: l.target! }));
}

test('links: destinationServerId and audienceTemplateId open the files that define them', async () => {
  const links = await linksOf('destination.json');
  assert.deepEqual(links, [
    { text: '9b7c2e1d-5a3f-4c68-8e0b-1f2a3d4c5b6e', target: project.uri('destination-server.json') },
    { text: 'c41f0b7e-8d2a-4a9e-b3f6-52e7d1a90c38', target: project.uri('audience-template.json') },
  ]);
});

test('links: the activation\'s files and profiles paths open the files', async () => {
  const links = await linksOf('activation.json');
  assert.deepEqual(links.map((l) => l.text), ['destination.json', 'destination-server.json', 'audience-template.json', 'profiles.json']);
  assert.equal(links[3]!.target, project.uri('profiles.json'));
});

test('one provider of each: no formatter, outline or folding of its own next to VS Code\'s JSON ones', () => {
  const caps = session.client.capabilities;
  // VS Code's JSON language features format, outline and fold every JSON file (ours included) with
  // the same library; a second formatter makes VS Code report "multiple formatters", a second
  // symbol provider shows two outlines.
  assert.equal(caps.documentFormattingProvider, undefined);
  assert.equal(caps.documentRangeFormattingProvider, undefined);
  assert.equal(caps.documentSymbolProvider, undefined);
  assert.equal(caps.foldingRangeProvider, undefined);
  // What only this server knows stays registered.
  assert.ok(caps.completionProvider && caps.hoverProvider && caps.codeActionProvider && caps.documentLinkProvider);
});

test('formatting on request keeps the file\'s indentation (4 spaces here) whatever the editor asks', async () => {
  const uri = project.uri('destination.json');
  const pretty = JSON.stringify(JSON.parse(read('destination.json')), null, 4) + '\n';
  const messy = pretty.replace('"status": "TEST"', '"status":    "TEST"').replace('\n    "name"', '\n "name"');
  await session.client.open(uri, messy);
  const edits = (await session.client.connection.sendRequest(FORMAT_KEEPING_STYLE, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
  assert.equal(applyEdits(messy, edits), pretty, JSON.stringify(edits.slice(0, 3)));
  await session.client.close(uri);
});

test('formatting on request of a selection touches only the selection', async () => {
  const uri = project.uri('destination.json');
  const text = read('destination.json');
  const messy = text.replace('"status": "TEST"', '"status":    "TEST"').replace('"frequency": "Streaming"', '"frequency":    "Streaming"');
  await session.client.open(uri, messy);
  const at = messy.indexOf('"status"');
  const line = messy.slice(0, at).split('\n').length - 1;
  const range = { start: { line, character: 0 }, end: { line: line + 1, character: 0 } };
  const edits = (await session.client.connection.sendRequest(FORMAT_KEEPING_STYLE, { textDocument: { uri }, range, options: { tabSize: 8, insertSpaces: false } })) as TextEdit[];
  const out = applyEdits(messy, edits);
  assert.ok(out.includes('"status": "TEST"') && out.includes('"frequency":    "Streaming"'), out.slice(0, 400));
  await session.client.close(uri);
});

test('a cancelled request answers RequestCancelled, and the server keeps answering', async () => {
  const uri = project.uri('destination.json');
  // A large document, so the request is still queued or running when the cancellation arrives.
  const big = JSON.parse(read('destination.json'));
  big.customerDataFields = Array.from({ length: 6000 }, (_, i) => ({ name: `field${i}`, title: `Field ${i}`, type: 'string', isRequired: false, description: 'x'.repeat(100) }));
  const text = JSON.stringify(big, null, 2);
  await session.client.open(uri, text);
  const source = new CancellationTokenSource();
  const pending = session.client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 4 } }, source.token);
  source.cancel();
  await assert.rejects(pending, (e: { code?: number }) => e.code === LSPErrorCodes.RequestCancelled);
  // The server still answers, with the schema's text for `instanceId` (line 1).
  const hover = (await session.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 5 } })) as Hover | null;
  assert.match((hover?.contents as MarkupContent | undefined)?.value ?? '', /unique ID of this configuration/);
  assert.equal(session.client.process.exitCode, null);
  await session.client.close(uri);
});

test('requests on unknown documents answer empty rather than failing', async () => {
  const uri = project.uri('nowhere.json');
  const r = await session.client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
  assert.equal(r, null);
});
