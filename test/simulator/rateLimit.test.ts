import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, call, clock, listsPath, withSimulator } from './helpers';

test('ads_write token bucket: 429 code 8 with x-ratelimit-* headers, refills over the minute, reads unaffected', async () => {
  const c = clock();
  await withSimulator({ now: c.now, rateLimitPerMinute: 3 }, async (sim) => {
    for (let i = 0; i < 3; i++) {
      const ok = await call(sim, 'POST', listsPath(sim), { body: { name: `L${i}`, records: '' } });
      assert.equal(ok.status, 200);
      assert.equal(ok.headers.get('x-ratelimit-limit'), '3');
      assert.equal(ok.headers.get('x-ratelimit-remaining'), String(2 - i));
    }
    const limited = await call(sim, 'POST', listsPath(sim), { body: { name: 'L3', records: '' } });
    assertError(limited, 429, 8, /exceeded a rate limit/);
    assert.equal(limited.headers.get('x-ratelimit-limit'), '3');
    assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
    assert.equal(limited.headers.get('x-ratelimit-reset'), '20', 'one request every 20 s at 3/min');
    assert.equal(limited.headers.get('retry-after'), null, 'Retry-After is an opt-in toggle');
    assert.equal(Object.keys(sim.state.customerLists).length, 3, 'the limited write was not applied');

    const read = await call(sim, 'GET', listsPath(sim));
    assert.equal(read.status, 200, 'ads_read is a separate bucket');
    assert.equal(read.headers.get('x-ratelimit-limit'), '1000');

    // Every ads_write operation shares the category quota (creates and updates alike).
    assertError(await call(sim, 'PATCH', `${listsPath(sim)}/${read.body.items[0].id}`, { body: { operation_type: 'ADD', records: 'a@b.co' } }), 429, 8);

    c.advance(20_000);
    assert.equal((await call(sim, 'POST', listsPath(sim), { body: { name: 'L4', records: '' } })).status, 200);
    assertError(await call(sim, 'POST', listsPath(sim), { body: { name: 'L5', records: '' } }), 429, 8);
  });
});

test('Retry-After toggle and per-category overrides', async () => {
  const c = clock();
  await withSimulator({ now: c.now, retryAfter: true, rateLimits: { ads_read: 2 } }, async (sim) => {
    assert.equal((await call(sim, 'GET', '/ad_accounts')).status, 200);
    assert.equal((await call(sim, 'GET', `/ad_accounts/${sim.seed.adAccountId}`)).status, 200);
    const limited = await call(sim, 'GET', '/ad_accounts');
    assertError(limited, 429, 8);
    assert.equal(limited.headers.get('retry-after'), '30');
    assert.equal(limited.headers.get('x-ratelimit-reset'), '30');
    assert.equal((await call(sim, 'GET', '/user_account')).status, 200, 'org_read is its own category');
  });
});
