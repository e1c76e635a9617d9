/**
 * Workspace patterns in the language server: a catastrophic customer data field pattern against a
 * long connection value is answered at once (a backtracking engine would hang the server on every
 * keystroke), and a pattern RE2 cannot run gets a warning that says why.
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { offsetAt, serverSession } from './client';

const session = serverSession();
const { project, read } = session;

/** Opens the destination with a `region` field of `pattern` and the activation with `value` for it. */
async function openWithRegion(pattern: string, value: string) {
  const destination = JSON.parse(read('destination.json'));
  destination.customerDataFields.push({ name: 'region', title: 'Region', type: 'string', pattern });
  const activation = JSON.parse(read('activation.json'));
  activation.connection.customerData.region = value;
  const text = JSON.stringify(activation, null, 2);
  const dest = project.uri('destination.json');
  const uri = project.uri('activation.json');
  await session.client.open(dest, JSON.stringify(destination, null, 2));
  await session.client.open(uri, text);
  const ds = await session.client.diagnosticsFor(uri);
  await session.client.close(uri);
  await session.client.close(dest);
  return ds.map((d) => ({ code: d.code, severity: d.severity, message: String(d.message), underlined: text.slice(offsetAt(text, d.range.start), offsetAt(text, d.range.end)) }));
}

// The test's timeout turns a hang into a failure; no timing is asserted.
test('a catastrophic pattern against a 41-character value: the diagnostic arrives', { timeout: 30_000 }, async () => {
  const value = `${'a'.repeat(40)}b`;
  assert.deepEqual(await openWithRegion('^(a+)+$', value), [
    { code: 'PD306', severity: 1, message: "`region` does not match the destination's pattern `^(a+)+$`.", underlined: JSON.stringify(value) },
  ]);
});

test('a backreference pattern: a warning says the value was not checked and why', { timeout: 30_000 }, async () => {
  const [d, ...rest] = await openWithRegion('^(eu|us)-\\1$', 'eu-eu');
  assert.deepEqual(rest, []);
  assert.equal(d!.code, 'PD306');
  assert.equal(d!.severity, 2);
  assert.equal(d!.underlined, '"eu-eu"');
  assert.match(d!.message, /`region` was not checked against the destination's pattern: it uses a backreference \(`\\1`\), which RE2 \(a linear-time engine\) cannot run/);
});
