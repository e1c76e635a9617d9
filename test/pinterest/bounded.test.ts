// Response bodies are read up to a cap: a huge answer is cut off with a typed error, and the client
// stops reading (the server sees the connection closed long before it finished writing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPinterestClient, PinterestNetworkError, staticTokenProvider } from '../../src/core/pinterest/index';
import { startFlood } from '../helpers/flood';
import { call, fastPolicy, withClient } from './helpers';

const GIB = 1024 * 1024 * 1024;

test('an endless answer is cut off at 8 MiB with a typed too-large error, not retried, and the client hangs up', async () => {
  const flood = await startFlood({ limitBytes: GIB });
  try {
    // fastPolicy retries every network failure: the too-large answer must still be sent once.
    const client = createPinterestClient({ environment: 'local', baseUrl: `${flood.url}/v5`, tokens: staticTokenProvider('pina_test_token'), retry: fastPolicy, sleep: async () => {} });
    const heapBefore = process.memoryUsage().heapUsed;
    await assert.rejects(call(client, 'GET', '/ad_accounts/1'), (e: unknown) => {
      assert.ok(e instanceof PinterestNetworkError);
      assert.equal(e.reason, 'too-large');
      assert.equal(e.attempts, 1);
      assert.match(e.message, /too large to read \[more than 8 MiB\], so the client stopped reading it: check the base URL/);
      return true;
    });
    const { closedEarly, bytesWritten } = await flood.ended;
    assert.equal(closedEarly, true, 'the client closed the connection before the server finished');
    assert.ok(bytesWritten < GIB / 4, `the server wrote ${bytesWritten} bytes before the client hung up`);
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 256 * 1024 * 1024, 'the answer was not held in memory');
    assert.equal(flood.requests.length, 1);
  } finally {
    await flood.close();
  }
});

test('a declared Content-Length over the cap is refused before the body is read', async () => {
  const flood = await startFlood({ limitBytes: GIB, contentLength: GIB + 100 });
  try {
    const client = createPinterestClient({ environment: 'local', baseUrl: `${flood.url}/v5`, tokens: staticTokenProvider('pina_test_token'), maxResponseBytes: 1024 * 1024 });
    await assert.rejects(call(client, 'GET', '/ad_accounts/1'), { name: 'PinterestNetworkError', reason: 'too-large', message: /more than 1 MiB/ });
    assert.equal((await flood.ended).closedEarly, true);
  } finally {
    await flood.close();
  }
});

test('answers under the cap are read as before (a real simulator, a small cap)', async () => {
  await withClient({}, { maxResponseBytes: 64 * 1024 }, async ({ client, sim }) => {
    const account = await call<{ id: string }>(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}`);
    assert.equal(account.body.id, sim.seed.adAccountId);
  });
});
