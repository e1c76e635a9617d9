// The AEP client and its IMS token fetch read answers as the Pinterest client does: up to a cap,
// within a timeout, and a broken answer is a one-line error, never a hang, a crash or a secret shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AepError, createAepClient, imsTokenSource, staticAepToken } from '../../src/core/aep';
import { startFlood } from '../helpers/flood';

const GIB = 1024 * 1024 * 1024;
const TOKEN = 'aep-bounded-test-token';
const SECRET = 'aep-bounded-test-client-secret';

function client(baseUrl: string, extra: Partial<Parameters<typeof createAepClient>[0]> = {}) {
  return createAepClient({ baseUrl, apiKey: 'api-key-value', imsOrg: 'O@AdobeOrg', sandbox: 'prod', tokens: staticAepToken(TOKEN), retryTimeScale: 0, ...extra });
}

async function aepError(p: Promise<unknown>): Promise<AepError> {
  const e = await p.then(() => assert.fail('expected an AepError'), (err: unknown) => err);
  assert.ok(e instanceof AepError, String(e));
  assert.ok(!e.message.includes('\n'), 'one line');
  for (const s of [TOKEN, SECRET, 'api-key-value']) assert.ok(!e.message.includes(s), 'no secret in the error');
  return e;
}

/** A server on 127.0.0.1 whose every answer is written by `answer`; its open responses end on close. */
async function startServer(answer: (res: ServerResponse) => void) {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    req.resume();
    answer(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
  };
}

test('an endless AEP answer is cut off at the cap, read once, and the client hangs up', async () => {
  const flood = await startFlood({ limitBytes: GIB });
  try {
    const e = await aepError(client(`${flood.url}/authoring`, { maxResponseBytes: 1024 * 1024 }).destinations.list());
    assert.equal(e.reason, 'network');
    assert.match(e.message, /^AEP's answer to GET \/authoring\/destinations is larger than 1 MiB and was not read: check the AEP URL\.$/);
    assert.equal((await flood.ended).closedEarly, true);
    assert.equal(flood.requests.length, 1);
  } finally {
    await flood.close();
  }
});

test('an endless answer from the IMS token endpoint is cut off too, and the secret is not in the error', async () => {
  const flood = await startFlood({ limitBytes: GIB });
  try {
    const tokens = imsTokenSource({ imsUrl: `${flood.url}/ims/token/v3`, clientId: 'cid', clientSecret: SECRET });
    const e = await aepError(tokens.token());
    assert.equal(e.reason, 'network');
    assert.match(e.message, /Adobe IMS at 127\.0\.0\.1:\d+ did not answer \(.*larger than 8 MiB.*\): check the network/);
    assert.equal((await flood.ended).closedEarly, true);
  } finally {
    await flood.close();
  }
});

test('an answer that never ends is given up after the timeout: a read is tried three times, a create once', async () => {
  const stall = await startServer((res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"items":['); // and nothing more
  });
  try {
    const aep = client(`${stall.url}/authoring`, { timeoutMs: 200 });
    const read = await aepError(aep.destinations.list());
    assert.match(read.message, /No complete answer from AEP to GET \/authoring\/destinations \(timeout: no answer in 200 ms\) after 3 attempts\./);
    assert.equal(stall.requests(), 3);
    const create = await aepError(aep.destinations.create({ name: 'x' }));
    assert.match(create.message, /\(timeout: no answer in 200 ms\)\. It may have reached AEP: list the resources before sending it again\./);
    assert.equal(stall.requests(), 4);
  } finally {
    await stall.close();
  }
});

test('broken JSON in a success answer is a clear error, not a crash', async () => {
  const broken = await startServer((res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(`{"instanceId": "x", ${'"a":'.repeat(10_000)}`);
  });
  try {
    const e = await aepError(client(`${broken.url}/authoring`).destinations.get('x'));
    assert.equal(e.reason, 'network');
    assert.match(e.message, /^AEP's answer to GET \/authoring\/destinations\/x is not valid JSON: run again\.$/);
  } finally {
    await broken.close();
  }
});
