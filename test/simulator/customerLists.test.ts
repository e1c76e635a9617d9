import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startSimulator } from '../../src/simulator/server';
import { assertError, call, clock, emails, listsPath, sha256, withSimulator } from './helpers';

test('create → PROCESSING, counters as the CustomerList schema describes them, then TOO_SMALL below 100 matched and READY at 100', async () => {
  await withSimulator({}, async (sim) => {
    const created = await call(sim, 'POST', listsPath(sim), { body: { name: 'Leads', records: emails(99).join(',') } });
    assert.equal(created.status, 200);
    assert.match(created.body.id, /^\d+$/);
    assert.equal(created.body.ad_account_id, sim.seed.adAccountId);
    assert.equal(created.body.type, 'customerlist');
    assert.equal(created.body.status, 'PROCESSING');
    assert.equal(created.body.num_batches, 1);
    assert.equal(created.body.num_uploaded_user_records, 99);
    assert.equal(created.body.num_removed_user_records, 0);
    const path = `${listsPath(sim)}/${created.body.id}`;

    assert.equal((await call(sim, 'GET', path)).body.status, 'TOO_SMALL');

    const added = await call(sim, 'PATCH', path, { body: { operation_type: 'ADD', records: 'new0@example.com' } });
    assert.equal(added.status, 200);
    assert.equal(added.body.status, 'PROCESSING');
    assert.equal(added.body.num_batches, 2);
    assert.equal(added.body.num_uploaded_user_records, 100);
    assert.equal((await call(sim, 'GET', path)).body.status, 'READY');

    // A record already present still counts as uploaded, but matches nobody new.
    const dup = await call(sim, 'PATCH', path, { body: { operation_type: 'ADD', records: 'user0@example.com,user1@example.com' } });
    assert.equal(dup.body.num_uploaded_user_records, 102);
    assert.equal(dup.body.num_batches, 3);
    assert.equal(sim.state.customerLists[created.body.id]?.members.size, 100);

    // REMOVE counts every record sent, present or not; one present record leaves → 99 → TOO_SMALL.
    const removed = await call(sim, 'PATCH', path, { body: { operation_type: 'REMOVE', records: 'user5@example.com,nobody@example.com,' } });
    assert.equal(removed.body.num_removed_user_records, 2);
    assert.equal(removed.body.num_uploaded_user_records, 102);
    assert.equal(removed.body.num_batches, 4);
    assert.equal((await call(sim, 'GET', path)).body.status, 'TOO_SMALL');
    assert.ok(removed.body.updated_time >= removed.body.created_time);
  });
});

test('a plain email and the SHA-256 of the same email are one member; MD5/SHA1/SHA256 hex accepted', async () => {
  await withSimulator({}, async (sim) => {
    const hashed = emails(100).map(sha256);
    const c = await call(sim, 'POST', listsPath(sim), { body: { name: 'Hashed', records: hashed.join(',') } });
    const path = `${listsPath(sim)}/${c.body.id}`;
    await call(sim, 'PATCH', path, { body: { operation_type: 'ADD', records: emails(100).join(',') } });
    assert.equal(sim.state.customerLists[c.body.id]?.members.size, 100);
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    const sha1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
    const r = await call(sim, 'PATCH', path, { body: { operation_type: 'ADD', records: `${md5},${sha1}` } });
    assert.deepEqual(r.body.exceptions, { invalid_records: 0, reasons: {} });
    assert.equal(sim.state.customerLists[c.body.id]?.members.size, 102);
  });
});

test('records that break the spec\'s description are counted by reason, never echoed, and never match', async () => {
  await withSimulator({}, async (sim) => {
    const raw = 'CDDA802E-FB9C-47AD-9866-0794D394C912';
    const hashedMaid = 'f23b554b2a8fb732a8b973733832e70f018da7bc294dfea289735a07d5dd2c9f';
    const maid = await call(sim, 'POST', listsPath(sim), {
      body: { name: 'Devices', list_type: 'MAID', records: `${raw},${hashedMaid},someone@example.com,,` },
    });
    assert.equal(maid.status, 200);
    // 4 records sent: raw UUID, hash, email (any kind in any list), empty middle element; trailing "," ignored.
    assert.equal(maid.body.num_uploaded_user_records, 4);
    assert.deepEqual(maid.body.exceptions, { invalid_records: 2, reasons: { 'raw-device-id': 1, empty: 1 } });
    assert.ok(!maid.text.includes(raw) && !maid.text.includes('someone@example.com'), 'no raw record echoed');

    const idfa = await call(sim, 'POST', listsPath(sim), { body: { name: 'IDFA', list_type: 'IDFA', records: raw.toLowerCase() } });
    assert.deepEqual(idfa.body.exceptions.reasons, { 'raw-device-id': 1 });

    const email = await call(sim, 'POST', listsPath(sim), {
      body: { name: 'Emails', records: 'Upper@Example.com,ok@example.com, padded@example.com,not-an-email' },
    });
    assert.deepEqual(email.body.exceptions, { invalid_records: 3, reasons: { 'uppercase-email': 1, whitespace: 1, unrecognised: 1 } });
    assert.ok(!email.text.includes('Upper@Example.com'));

    const empty = await call(sim, 'POST', listsPath(sim), { body: { name: 'Empty', records: '' } });
    assert.equal(empty.body.num_uploaded_user_records, 0);
    assert.equal((await call(sim, 'GET', `${listsPath(sim)}/${empty.body.id}`)).body.status, 'TOO_SMALL');
  });
});

test('the PROCESSING status settles on the first read after the configured delay', async () => {
  const c = clock();
  await withSimulator({ now: c.now, processingDelayMs: 5000 }, async (sim) => {
    const created = await call(sim, 'POST', listsPath(sim), { body: { name: 'Slow', records: emails(150).join(',') } });
    const path = `${listsPath(sim)}/${created.body.id}`;
    assert.equal((await call(sim, 'GET', path)).body.status, 'PROCESSING');
    c.advance(4999);
    assert.equal((await call(sim, 'GET', path)).body.status, 'PROCESSING');
    c.advance(1);
    assert.equal((await call(sim, 'GET', path)).body.status, 'READY');
  });
});

test('list: bookmark pagination, page_size, order; foreign or malformed bookmarks are rejected', async () => {
  await withSimulator({}, async (sim) => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await call(sim, 'POST', listsPath(sim), { body: { name: `L${i}`, records: 'a@b.co' } })).body.id);
    // Another ad account's lists never show up here.
    await call(sim, 'POST', listsPath(sim, sim.seed.audienceManagerAdAccountId), { body: { name: 'other', records: '' } });

    const seen: string[] = [];
    let bookmark: string | undefined;
    let pages = 0;
    do {
      const r = await call(sim, 'GET', listsPath(sim), { query: { page_size: 2, ...(bookmark ? { bookmark } : {}) } });
      assert.equal(r.status, 200);
      assert.ok(r.body.items.length <= 2);
      seen.push(...r.body.items.map((l: { id: string }) => l.id));
      bookmark = r.body.bookmark ?? undefined;
      pages++;
    } while (bookmark);
    assert.equal(pages, 3);
    assert.deepEqual(seen, ids);

    const desc = await call(sim, 'GET', listsPath(sim), { query: { order: 'DESCENDING', page_size: 3 } });
    assert.deepEqual(desc.body.items.map((l: { id: string }) => l.id), [...ids].reverse().slice(0, 3));
    const all = await call(sim, 'GET', listsPath(sim));
    assert.equal(all.body.items.length, 5, 'default page_size 25');
    assert.equal(all.body.bookmark, null);

    assertError(await call(sim, 'GET', listsPath(sim), { query: { order: 'ASCENDING', bookmark: desc.body.bookmark } }), 400, 1, /bookmark/);
    assertError(await call(sim, 'GET', listsPath(sim), { query: { bookmark: 'not-a-bookmark' } }), 400, 1, /bookmark/);
    assertError(await call(sim, 'GET', listsPath(sim), { query: { page_size: 0 } }), 400, 1, /page_size/);
    assertError(await call(sim, 'GET', listsPath(sim), { query: { page_size: 251 } }), 400, 1, /page_size/);
    assertError(await call(sim, 'GET', listsPath(sim), { query: { order: 'NEWEST' } }), 400, 1, /order/);
  });
});

test('create/update bodies are validated against Pinterest\'s schemas (400 code 1)', async () => {
  await withSimulator({}, async (sim) => {
    assertError(await call(sim, 'POST', listsPath(sim), { body: { name: 'x' } }), 400, 1, /^Invalid parameters\. .*records/);
    assertError(await call(sim, 'POST', listsPath(sim), { body: { records: 'a@b.co' } }), 400, 1, /name/);
    assertError(await call(sim, 'POST', listsPath(sim), { body: { name: 'x', records: 'a@b.co', list_type: 'INCORRECT_LIST_TYPE' } }), 400, 1, /list_type/);
    assertError(await call(sim, 'POST', listsPath(sim), { body: { name: 'x', records: ['a@b.co'] } }), 400, 1, /records/);
    assertError(await call(sim, 'POST', listsPath(sim), { body: '{"name": "x",' }), 400, 1, /JSON/);
    assertError(await call(sim, 'POST', listsPath(sim)), 400, 1, /body/);
    const c = await call(sim, 'POST', listsPath(sim), { body: { name: 'x', records: 'a@b.co' } });
    const path = `${listsPath(sim)}/${c.body.id}`;
    assertError(await call(sim, 'PATCH', path, { body: { records: 'a@b.co' } }), 400, 1, /operation_type/);
    assertError(await call(sim, 'PATCH', path, { body: { operation_type: 'UPSERT', records: 'a@b.co' } }), 400, 1, /operation_type/);
    assert.equal((await call(sim, 'GET', path)).body.num_batches, 1, 'rejected updates change nothing');
  });
});

test('unknown lists are 404, lists of another ad account are not reachable through this one', async () => {
  await withSimulator({}, async (sim) => {
    assertError(await call(sim, 'GET', `${listsPath(sim)}/123456`), 404, 2, 'Customer list not found.');
    assertError(await call(sim, 'PATCH', `${listsPath(sim)}/123456`, { body: { operation_type: 'ADD', records: 'a@b.co' } }), 404, 2);
    const other = await call(sim, 'POST', listsPath(sim, sim.seed.audienceManagerAdAccountId), { body: { name: 'o', records: '' } });
    assert.equal(other.status, 200, 'AUDIENCE_MANAGER may write');
    assertError(await call(sim, 'GET', `${listsPath(sim)}/${other.body.id}`), 404, 2);
    assertError(await call(sim, 'GET', `${listsPath(sim)}/12x`), 400, 1, /customer_list_id/);
  });
});

test('createdStatus 201 (Pinterest 5.28 behaviour) applies to creates only', async () => {
  const sim = await startSimulator({ createdStatus: 201 });
  try {
    const c = await call(sim, 'POST', listsPath(sim), { body: { name: 'x', records: '' } });
    assert.equal(c.status, 201);
    const u = await call(sim, 'PATCH', `${listsPath(sim)}/${c.body.id}`, { body: { operation_type: 'ADD', records: 'a@b.co' } });
    assert.equal(u.status, 200);
  } finally {
    await sim.close();
  }
});

test('bodies above the configured size limit are refused with 413 and change nothing', async () => {
  await withSimulator({ maxBodyBytes: 1024 }, async (sim) => {
    const r = await call(sim, 'POST', listsPath(sim), { body: { name: 'big', records: emails(100).join(',') } });
    assertError(r, 413, 1, /larger than 1024 bytes/);
    assert.equal(Object.keys(sim.state.customerLists).length, 0);
  });
});
