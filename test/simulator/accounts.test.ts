import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, call, clock, listsPath, withSimulator } from './helpers';

test('user_account identifies the token user; with ad_account_id it answers for that account owner, or 403 as the spec documents', async () => {
  await withSimulator({}, async (sim) => {
    const me = await call(sim, 'GET', '/user_account');
    assert.equal(me.status, 200);
    assert.equal(me.body.id, sim.seed.userId);
    assert.equal(me.body.account_type, 'BUSINESS');
    const owner = await call(sim, 'GET', '/user_account', { query: { ad_account_id: sim.seed.readOnlyAdAccountId } });
    assert.notEqual(owner.body.id, sim.seed.userId);
    // user_account/get documents one failure, 403 with the example body {code: 403, message}.
    for (const id of [sim.seed.noAccessAdAccountId, '123456789012']) {
      assertError(await call(sim, 'GET', '/user_account', { query: { ad_account_id: id } }), 403, 403, 'Not authorized to access the user account.');
    }
  });
});

test('ad accounts: bookmark pagination, include_shared_accounts, permissions per role', async () => {
  await withSimulator({}, async (sim) => {
    const all = await call(sim, 'GET', '/ad_accounts');
    assert.equal(all.status, 200);
    const byId = Object.fromEntries(all.body.items.map((a: { id: string; permissions: string[] }) => [a.id, a.permissions]));
    assert.deepEqual(byId[sim.seed.adAccountId], ['OWNER']);
    assert.deepEqual(byId[sim.seed.readOnlyAdAccountId], ['ANALYST']);
    assert.deepEqual(byId[sim.seed.audienceManagerAdAccountId], ['AUDIENCE_MANAGER']);
    assert.equal(byId[sim.seed.noAccessAdAccountId], undefined, 'accounts without a role are not listed');
    assert.match(sim.seed.adAccountId, /^\d{12}$/);

    const first = await call(sim, 'GET', '/ad_accounts', { query: { page_size: 1 } });
    assert.equal(first.body.items.length, 1);
    assert.equal(typeof first.body.bookmark, 'string');
    const ids = [first.body.items[0].id];
    let bookmark: string | null = first.body.bookmark;
    while (bookmark) {
      const page = await call(sim, 'GET', '/ad_accounts', { query: { page_size: 1, bookmark } });
      ids.push(...page.body.items.map((a: { id: string }) => a.id));
      bookmark = page.body.bookmark;
    }
    assert.deepEqual(ids, all.body.items.map((a: { id: string }) => a.id));

    const own = await call(sim, 'GET', '/ad_accounts', { query: { include_shared_accounts: false } });
    assert.deepEqual(own.body.items.map((a: { id: string }) => a.id), [sim.seed.adAccountId]);
    assertError(await call(sim, 'GET', '/ad_accounts', { query: { include_shared_accounts: 'maybe' } }), 400, 1, /include_shared_accounts/);
    assertError(await call(sim, 'GET', '/ad_accounts', { query: { page_size: 300 } }), 400, 1, /page_size/);

    const one = await call(sim, 'GET', `/ad_accounts/${sim.seed.readOnlyAdAccountId}`);
    assert.deepEqual(one.body.permissions, ['ANALYST']);
    assert.equal(one.body.owner.username, 'partner_agency');
  });
});

test('ad account errors: 404 code 2 unknown, 403 code 29 without role or write role, 400 malformed id', async () => {
  await withSimulator({}, async (sim) => {
    assertError(await call(sim, 'GET', '/ad_accounts/123456789012'), 404, 2, 'AdAccount not found.');
    assertError(await call(sim, 'GET', listsPath(sim, '123456789012')), 404, 2, 'AdAccount not found.');
    assertError(await call(sim, 'GET', `/ad_accounts/${sim.seed.noAccessAdAccountId}`), 403, 29, 'You are not permitted to access that resource.');
    assertError(await call(sim, 'GET', listsPath(sim, sim.seed.noAccessAdAccountId)), 403, 29);
    assert.equal((await call(sim, 'GET', listsPath(sim, sim.seed.readOnlyAdAccountId))).status, 200, 'ANALYST may read');
    assertError(await call(sim, 'POST', listsPath(sim, sim.seed.readOnlyAdAccountId), { body: { name: 'x', records: 'a@b.co' } }), 403, 29);
    for (const bad of ['abc', '1234567890123456789', '-1', '12%2034']) {
      assertError(await call(sim, 'GET', `/ad_accounts/${bad}`), 400, 1, /ad_account_id/);
    }
  });
});

test('authentication and scopes: 401 code 2 for missing, unknown or expired tokens; 401 code 3 for a missing scope', async () => {
  const c = clock();
  await withSimulator({ now: c.now }, async (sim) => {
    assertError(await call(sim, 'GET', '/ad_accounts', { token: null }), 401, 2, 'Authentication failed.');
    assertError(await call(sim, 'GET', '/ad_accounts', { token: 'pina_not-a-real-token' }), 401, 2);
    assertError(await call(sim, 'GET', '/ad_accounts', { headers: { authorization: `Basic ${btoa('a:b')}` }, token: null }), 401, 2);
    assertError(
      await call(sim, 'POST', listsPath(sim), { token: sim.seed.limitedAccessToken, body: { name: 'x', records: 'a@b.co' } }),
      401,
      3,
      /sufficient permissions/,
    );
    assert.equal((await call(sim, 'GET', listsPath(sim), { token: sim.seed.limitedAccessToken })).status, 200);
    assert.equal(Object.keys(sim.state.customerLists).length, 0);
    c.advance(30 * 24 * 3600 * 1000); // access tokens live 30 days
    assertError(await call(sim, 'GET', '/user_account'), 401, 2);
  });
});

test('every response carries a distinct x-pinterest-rid; unknown routes 404, wrong methods 405', async () => {
  await withSimulator({}, async (sim) => {
    const a = await call(sim, 'GET', '/user_account');
    const b = await call(sim, 'GET', '/nope');
    const c = await call(sim, 'DELETE', listsPath(sim));
    assert.equal(b.status, 404);
    assert.equal(c.status, 405);
    const rids = [a, b, c].map((r) => r.headers.get('x-pinterest-rid'));
    assert.ok(rids.every((r) => typeof r === 'string' && r.length >= 8));
    assert.equal(new Set(rids).size, 3);
    const root = await fetch(sim.url);
    assert.equal(root.status, 200);
    assert.ok(root.headers.get('x-pinterest-rid'));
  });
});
