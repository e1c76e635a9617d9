// The calls a push makes, through `client.request` against the real simulator: what a user sees in
// the report (ids, counters, permissions, request ids) comes from these answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PinterestApiError } from '../../src/core/pinterest/index';
import { call, createList, emails, withClient } from './helpers';

interface ListAnswer {
  id: string;
  type?: string;
  status?: string;
  num_batches?: number;
  num_uploaded_user_records?: number;
  num_removed_user_records?: number;
}

test('the ad account read answers with the permissions the preflight checks', async () => {
  await withClient({}, {}, async ({ sim, client }) => {
    const account = await call<{ id: string; permissions?: string[] }>(client, 'GET', `/ad_accounts/${sim.seed.adAccountId}`);
    assert.equal(account.body.id, sim.seed.adAccountId);
    assert.deepEqual(account.body.permissions, ['OWNER']);
    const readOnly = await call<{ permissions?: string[] }>(client, 'GET', `/ad_accounts/${sim.seed.readOnlyAdAccountId}`);
    assert.deepEqual(readOnly.body.permissions, ['ANALYST']);
  });
});

test('customer lists: create, ADD and REMOVE with Pinterest counters, read back; a page read keeps its query out of events', async () => {
  await withClient({}, {}, async ({ sim, client, events }) => {
    const account = sim.seed.adAccountId;
    const lists = `/ad_accounts/${account}/customer_lists`;
    const created = (await call<ListAnswer>(client, 'POST', lists, { name: 'Leads', records: emails(3).join(','), list_type: 'EMAIL' })).body;
    assert.match(created.id, /^\d+$/);
    assert.equal(created.type, 'customerlist');
    assert.equal(created.num_uploaded_user_records, 3);
    assert.equal(created.num_batches, 1);

    const added = await call<ListAnswer>(client, 'PATCH', `${lists}/${created.id}`, { operation_type: 'ADD', records: emails(5, 'more').join(',') });
    assert.equal(added.body.num_uploaded_user_records, 8);
    const removed = await call<ListAnswer>(client, 'PATCH', `${lists}/${created.id}`, { operation_type: 'REMOVE', records: 'user0@example.com' });
    assert.equal(removed.body.num_removed_user_records, 1);
    assert.equal(removed.body.num_batches, 3);
    const got = await call<ListAnswer>(client, 'GET', `${lists}/${created.id}`);
    assert.equal(got.body.id, created.id);
    assert.equal(got.body.status, 'TOO_SMALL');

    // The executor's by-name search reads pages with page_size and bookmark in the URL.
    await createList(client, account, 'Second', ['x@example.com']);
    const page = await call<{ items: ListAnswer[]; bookmark?: string | null }>(client, 'GET', `${lists}?page_size=1`);
    assert.equal(page.body.items.length, 1);
    assert.equal(typeof page.body.bookmark, 'string');
    const next = await call<{ items: ListAnswer[] }>(client, 'GET', `${lists}?page_size=1&bookmark=${encodeURIComponent(page.body.bookmark!)}`);
    assert.notEqual(next.body.items[0]!.id, page.body.items[0]!.id);
    assert.ok(events.some((e) => e.type === 'request' && e.path === `/v5${lists}`));
    assert.ok(events.every((e) => !e.path.includes('?')), 'events never carry a query string');
  });
});

test('the opt-in CUSTOMER_LIST audience: created on a list', async () => {
  await withClient({}, {}, async ({ sim, client }) => {
    const account = sim.seed.adAccountId;
    const listId = await createList(client, account, 'Seed', emails(2));
    const audience = await call<{ id: string; type?: string; audience_type?: string }>(client, 'POST', `/ad_accounts/${account}/audiences`, {
      name: 'Seed audience',
      audience_type: 'CUSTOMER_LIST',
      rule: { customer_list_id: listId },
      description: 'from a test',
    });
    assert.match(audience.body.id, /^\d+$/);
    assert.equal(audience.body.type, 'audience');
    assert.equal(audience.body.audience_type, 'CUSTOMER_LIST');
    assert.equal(sim.state.audiences[audience.body.id]?.customerListId, listId);
  });
});

test('request(): a pre-rendered call (absolute URL, raw body, its own headers) gets auth, status, headers, request id', async () => {
  await withClient({}, {}, async ({ sim, client }) => {
    const account = sim.seed.adAccountId;
    const listId = await createList(client, account, 'Raw', ['a@example.com']);
    const r = await client.request<{ num_uploaded_user_records: number }>({
      method: 'PATCH',
      url: `${sim.baseUrl}/ad_accounts/${account}/customer_lists/${listId}`,
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

    // A final non-2xx answer rejects with Pinterest's code and message.
    await assert.rejects(call(client, 'GET', `/ad_accounts/${account}/customer_lists/999999`), (e: unknown) => {
      assert.ok(e instanceof PinterestApiError);
      assert.deepEqual([e.status, e.code, e.pinterestMessage], [404, 2, 'Customer list not found.']);
      return true;
    });
  });
});

test('a URL that is not absolute is refused before anything is sent', async () => {
  await withClient({}, {}, async ({ sim, client, events }) => {
    await assert.rejects(client.request({ method: 'GET', url: `/ad_accounts/${sim.seed.adAccountId}` }), { name: 'PinterestConfigError', reason: 'invalid-url', message: /not a valid absolute URL/ });
    assert.equal(events.length, 0);
  });
});
