import { test } from 'node:test';
import assert from 'node:assert/strict';
import { collect, emails, withClient } from './helpers';

test('getUserAccount, listAdAccounts (bookmark pages), getAdAccount with permissions', async () => {
  await withClient({}, {}, async ({ sim, client, events }) => {
    const user = await client.getUserAccount();
    assert.equal(user.id, sim.seed.userId);
    assert.equal(typeof user.username, 'string');

    const all = await collect(client.listAdAccounts({ pageSize: 1 }));
    const ids = all.map((a) => a.id);
    assert.ok(ids.includes(sim.seed.adAccountId) && ids.includes(sim.seed.readOnlyAdAccountId));
    assert.equal(new Set(ids).size, ids.length, 'no account twice across pages');
    for (const id of ids) assert.equal(typeof id, 'string');
    const pages = events.filter((e) => e.type === 'request' && e.path === '/v5/ad_accounts').length;
    assert.equal(pages, ids.length, 'one page per account at page size 1');
    assert.ok(events.every((e) => !e.path.includes('?')), 'events never carry a query string');

    const account = await client.getAdAccount(sim.seed.adAccountId);
    assert.equal(account.id, sim.seed.adAccountId);
    assert.deepEqual(account.permissions, ['OWNER']);
    const readOnly = await client.getAdAccount(sim.seed.readOnlyAdAccountId);
    assert.deepEqual(readOnly.permissions, ['ANALYST']);
  });
});

test('customer lists: create, get, ADD and REMOVE with Pinterest counters, list across pages (> 25 lists)', async () => {
  await withClient({}, {}, async ({ sim, client }) => {
    const account = sim.seed.adAccountId;
    const created = await client.createCustomerList(account, { name: 'Leads', records: emails(3).join(','), list_type: 'EMAIL' });
    assert.match(created.id, /^\d+$/);
    assert.equal(created.type, 'customerlist');
    assert.equal(created.num_uploaded_user_records, 3);
    assert.equal(created.num_batches, 1);

    const added = await client.updateCustomerList(account, created.id, { operation_type: 'ADD', records: emails(5, 'more').join(',') });
    assert.equal(added.num_uploaded_user_records, 8);
    const removed = await client.updateCustomerList(account, created.id, { operation_type: 'REMOVE', records: 'user0@example.com' });
    assert.equal(removed.num_removed_user_records, 1);
    assert.equal(removed.num_batches, 3);
    const got = await client.getCustomerList(account, created.id);
    assert.equal(got.id, created.id);
    assert.equal(got.status, 'TOO_SMALL');

    for (let i = 0; i < 29; i++) await client.createCustomerList(account, { name: `List ${i}`, records: `x${i}@example.com` });
    const lists = await collect(client.listCustomerLists(account));
    assert.equal(lists.length, 30, 'all 30 lists over two default-size pages (25 + 5)');
    assert.equal(new Set(lists.map((l) => l.id)).size, 30);
    const newestFirst = await collect(client.listCustomerLists(account, { order: 'DESCENDING', pageSize: 7 }));
    assert.deepEqual(newestFirst.map((l) => l.id), lists.map((l) => l.id).reverse());
  });
});

test('audiences: create on a list, get, list across pages', async () => {
  await withClient({}, {}, async ({ sim, client }) => {
    const account = sim.seed.adAccountId;
    const list = await client.createCustomerList(account, { name: 'Seed', records: emails(2).join(',') });
    const audience = await client.createAudience(account, { name: 'Seed audience', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: list.id }, description: 'from a test' });
    assert.match(audience.id, /^\d+$/);
    assert.equal(audience.type, 'audience');
    assert.equal(audience.audience_type, 'CUSTOMER_LIST');
    assert.equal((await client.getAudience(account, audience.id)).name, 'Seed audience');
    for (let i = 0; i < 4; i++) await client.createAudience(account, { name: `A${i}`, audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: list.id } });
    const all = await collect(client.listAudiences(account, { pageSize: 2 }));
    assert.equal(all.length, 5);
    assert.equal(new Set(all.map((a) => a.id)).size, 5);
  });
});

test('request(): a pre-rendered call (absolute URL, raw body, its own headers) gets auth, status, headers, request id', async () => {
  await withClient({}, {}, async ({ sim, client }) => {
    const account = sim.seed.adAccountId;
    const list = await client.createCustomerList(account, { name: 'Raw', records: 'a@example.com' });
    const r = await client.request<{ num_uploaded_user_records: number }>({
      method: 'PATCH',
      url: `${sim.baseUrl}/ad_accounts/${account}/customer_lists/${list.id}`,
      // A template's own Authorization (here a placeholder) never reaches the wire: the client authenticates.
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer placeholder' },
      body: JSON.stringify({ operation_type: 'ADD', records: 'b@example.com,c@example.com' }),
    });
    assert.equal(r.status, 200);
    assert.equal(r.attempts, 1);
    assert.equal(r.ambiguousRetries, 0);
    assert.equal(r.body.num_uploaded_user_records, 3);
    assert.match(r.requestId ?? '', /^[0-9a-f]+$/);
    assert.equal(r.headers['x-pinterest-rid'], r.requestId);
    assert.equal(r.rateLimit?.limit, 400, 'x-ratelimit-* read when present');
    assert.equal(client.rateLimit?.limit, 400);

    const path = await client.request({ method: 'GET', path: `/ad_accounts/${account}/customer_lists`, query: { page_size: 1 } });
    assert.equal((path.body as { items: unknown[] }).items.length, 1);

    // throwOnHttpError: false hands back the final non-2xx answer instead of throwing.
    const missing = await client.request({ method: 'GET', path: `/ad_accounts/${account}/customer_lists/999999`, throwOnHttpError: false });
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.body, { code: 2, message: 'Customer list not found.' });
  });
});

test('ids are validated as digit strings before anything is sent', async () => {
  await withClient({}, {}, async ({ client, events }) => {
    await assert.rejects(client.getAdAccount('12ab'), { name: 'PinterestConfigError', reason: 'invalid-argument' });
    await assert.rejects(client.getCustomerList('1', 12 as unknown as string), { reason: 'invalid-argument' });
    await assert.rejects(collect(client.listCustomerLists('x')), { reason: 'invalid-argument' });
    await assert.rejects(collect(client.listAudiences('1', { pageSize: 251 })), { reason: 'invalid-argument' });
    assert.equal(events.length, 0);
  });
});
