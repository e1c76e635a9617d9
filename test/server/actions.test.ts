/**
 * Quick fixes and refactors over a real LSP connection: each is requested with the diagnostic the
 * server published, applied as the client would, and the result re-validated by the server.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { positionAt, serverSession } from './client';
import { applyEdits } from './edits';

const session = serverSession();
const { project, read } = session;

async function actionsFor(uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
}

/** Opens `text`, finds the diagnostic `code`, applies its preferred fix, returns the new text and diagnostics. */
async function fix(name: string, text: string, code: string): Promise<{ fixed: string; after: Diagnostic[]; action: CodeAction }> {
  const uri = project.uri(name);
  await session.client.open(uri, text);
  const ds = await session.client.diagnosticsFor(uri);
  const d = ds.find((x) => x.code === code);
  assert.ok(d, `${code} not in ${JSON.stringify(ds.map((x) => x.code))}`);
  const actions = await actionsFor(uri, d);
  const action = actions.find((a) => a.isPreferred) ?? actions[0];
  assert.ok(action?.edit?.changes?.[uri], `no fix for ${code}: ${JSON.stringify(actions)}`);
  const fixed = applyEdits(text, action.edit.changes[uri]!);
  await session.client.replaceAll(uri, fixed);
  const after = await session.client.diagnosticsFor(uri);
  await session.client.close(uri);
  return { fixed, after, action };
}

/** Lines that differ between two texts (a fix must touch only what it must). */
function changedLines(a: string, b: string): string[] {
  const x = a.split('\n');
  const y = b.split('\n');
  return y.filter((line, i) => x[i] !== line);
}

test('enum case: `streaming` becomes `Streaming`', async () => {
  const text = read('destination.json').replace('"Streaming"', '"streaming"');
  const { fixed, after, action } = await fix('destination.json', text, 'PD012');
  assert.equal(action.title, 'Change to `Streaming`');
  assert.equal(fixed, read('destination.json'));
  assert.deepEqual(after, []);
});

test('segmentRequired is set to true, and only that line changes', async () => {
  const text = read('destination.json').replace('"segmentRequired": true', '"segmentRequired": false');
  const { fixed, after } = await fix('destination.json', text, 'PD103');
  assert.deepEqual(changedLines(text, fixed), ['    "segmentRequired": true,']);
  assert.deepEqual(after, []);
});

test('a missing segmentRequired is inserted in the file\'s indentation', async () => {
  const text = read('destination.json').replace('    "segmentRequired": true,\n', '');
  const { fixed, after } = await fix('destination.json', text, 'PD103');
  assert.match(fixed, /\n {4}"segmentRequired": true/);
  assert.deepEqual(after, []);
});

test('rename key: the legacy segmentNamespaceDenied becomes segmentNamespaceDenyList', async () => {
  const text = read('destination.json').replace('"segmentNamespaceDenyList"', '"segmentNamespaceDenied"');
  const { fixed, after } = await fix('destination.json', text, 'PD114');
  assert.equal(fixed, read('destination.json'));
  assert.deepEqual(after, []);
});

test('fill the Pinterest identity namespaces', async () => {
  const original = read('destination.json');
  const text = original.replace(/,\n {8}"GAID": \{\n[^}]*\},\n {8}"IDFA": \{\n[^}]*\}/, '');
  assert.notEqual(text, original);
  const { fixed, after } = await fix('destination.json', text, 'PD202');
  assert.deepEqual(JSON.parse(fixed).identityNamespaces, JSON.parse(original).identityNamespaces);
  assert.deepEqual(after, []);
});

test('add the missing scopes to the scope array', async () => {
  const text = read('destination.json').replace('"ads:read",\n        "ads:write"\n', '"ads:read"\n');
  const { fixed, after } = await fix('destination.json', text, 'PD205');
  assert.deepEqual(JSON.parse(fixed).customerAuthenticationConfigurations[0].scope, ['ads:read', 'ads:write']);
  assert.deepEqual(after, []);
});

test('PD208: an OAuth2 configuration without options gets `"options": {"useBasicAuth": true}` in the file\'s style', async () => {
  const original = read('destination.json');
  const text = original.replace(/,\n {6}"options": \{\n {8}"useBasicAuth": true\n {6}\}/, '');
  assert.notEqual(text, original);
  const { fixed, after, action } = await fix('destination.json', text, 'PD208');
  assert.equal(action.title, 'Set `options` to {"useBasicAuth":true}');
  assert.equal(fixed, original);
  assert.deepEqual(after, []);
});

test('PD208: `useBasicAuth: false` becomes true, and only that line changes', async () => {
  const text = read('destination.json').replace('"useBasicAuth": true', '"useBasicAuth": false');
  const { fixed, after } = await fix('destination.json', text, 'PD208');
  assert.deepEqual(changedLines(text, fixed), ['        "useBasicAuth": true']);
  assert.deepEqual(after, []);
});

test('an unknown customerData.X in a template adds the field to the destination file, and the server is clean again', async () => {
  const server = project.uri('destination-server.json');
  const dest = project.uri('destination.json');
  const destText = read('destination.json');
  await session.client.open(dest, destText);
  await session.client.diagnosticsFor(dest);
  const text = read('destination-server.json').replace('/customer_lists/{{input', '/customer_lists/{{customerData.region}}/{{input');
  await session.client.open(server, text);
  const ds = await session.client.diagnosticsFor(server);
  const d = ds.find((x) => x.code === 'PD303');
  assert.ok(d, JSON.stringify(ds));
  assert.equal(text.slice(...[d.range.start, d.range.end].map((p) => text.split('\n').slice(0, p.line).join('\n').length + (p.line ? 1 : 0) + p.character) as [number, number]), 'region');
  const action = (await actionsFor(server, d)).find((a) => a.edit?.changes?.[dest]);
  assert.ok(action, 'no cross-file fix');
  const newDest = applyEdits(destText, action.edit!.changes![dest]!);
  assert.deepEqual(JSON.parse(newDest).customerDataFields.map((f: { name: string }) => f.name), ['adAccountId', 'region']);
  session.client.reset(server);
  await session.client.replaceAll(dest, newDest);
  const after = await session.client.diagnosticsFor(server, (p) => !p.diagnostics.some((x) => x.code === 'PD303'));
  assert.deepEqual(after, []);
  await session.client.close(server);
  await session.client.close(dest);
});

test('refactors: unescape a JSON request body to an object, and escape it back', async () => {
  const uri = project.uri('destination-server.json');
  const original = read('destination-server.json');
  const body = JSON.stringify(JSON.stringify({ account: '{{ customerData.adAccountId }}', ids: '{{ input.aggregationKey.segmentId }}' }));
  const text = original.replace(/"value": "\{\\n  \\"operation_type.*"\n/, `"value": ${body}\n`);
  assert.notEqual(text, original);
  await session.client.open(uri, text);
  await session.client.diagnosticsFor(uri);
  const at = positionAt(text, text.indexOf('{\\"account'));
  const refactors = (await session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['refactor'] } })) as CodeAction[];
  const unescape = refactors.find((a) => a.title.startsWith('Unescape'));
  assert.ok(unescape, JSON.stringify(refactors.map((a) => a.title)));
  const unescaped = applyEdits(text, unescape.edit!.changes![uri]!);
  assert.deepEqual(JSON.parse(unescaped).httpTemplate.requestBody.value, { account: '{{ customerData.adAccountId }}', ids: '{{ input.aggregationKey.segmentId }}' });
  await session.client.replaceAll(uri, unescaped);
  assert.ok((await session.client.diagnosticsFor(uri)).some((d) => d.code === 'PD011'), 'an object body is flagged until escaped');

  const at2 = positionAt(unescaped, unescaped.indexOf('"account": "{{'));
  const again = (await session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at2, end: at2 }, context: { diagnostics: [] } })) as CodeAction[];
  const escape = again.find((a) => a.title.startsWith('Escape'));
  assert.ok(escape, JSON.stringify(again.map((a) => a.title)));
  const escaped = applyEdits(unescaped, escape.edit!.changes![uri]!);
  assert.equal(typeof JSON.parse(escaped).httpTemplate.requestBody.value, 'string');
  await session.client.replaceAll(uri, escaped);
  assert.deepEqual(await session.client.diagnosticsFor(uri), []);
  await session.client.close(uri);
});

test('refactor: a body pasted with raw line breaks is escaped into a valid string', async () => {
  const uri = project.uri('destination-server.json');
  const text = read('destination-server.json').replace(/"value": "\{\\n  \\"operation_type.*"\n/, '"value": "{\n  \\"name\\": \\"{{ segment.name }}\\"\n}"\n');
  assert.throws(() => JSON.parse(text));
  await session.client.open(uri, text);
  const at = positionAt(text, text.indexOf('\\"name'));
  const actions = (await session.client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } })) as CodeAction[];
  const escape = actions.find((a) => a.title.startsWith('Escape'));
  assert.ok(escape, JSON.stringify(actions.map((a) => a.title)));
  const fixed = applyEdits(text, escape.edit!.changes![uri]!);
  assert.equal(JSON.parse(fixed).httpTemplate.requestBody.value, '{\n  "name": "{{ segment.name }}"\n}');
  await session.client.close(uri);
});
