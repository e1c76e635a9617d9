// Customer-list `records` and `list_type` as Pinterest's OpenAPI describes them: "Can be any
// combination of emails, MAIDs, or IDFAs. Emails must be lowercase and can be plain text or hashed
// using SHA1, SHA256, or MD5. MAIDs and IDFAs must be hashed with SHA1, SHA256, or MD5."
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { contract } from '../../src/simulator/contract';
import type { Simulator } from '../../src/simulator/server';
import { assertError, audiencesPath, call, emails, listsPath, sha256, withSimulator } from './helpers';

const hash = (algorithm: 'md5' | 'sha1' | 'sha256', s: string): string => createHash(algorithm).update(s).digest('hex');
/** Synthetic device ids in the canonical lower-case 8-4-4-4-12 form (no real device behind them). */
const deviceIds = (n: number, tag: string): string[] =>
  Array.from({ length: n }, (_, i) => `${tag.padStart(8, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`);

const LIST_TYPES = (contract.components.schemas.UserListType as { enum: string[] }).enum;

/** Matched members as a user sees them: the size of a CUSTOMER_LIST audience over the list. */
async function matched(sim: Simulator, listId: string): Promise<{ status: string; size: number }> {
  const a = await call(sim, 'POST', audiencesPath(sim), { body: { name: `of ${listId}`, audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: listId } } });
  assert.equal(a.status, 200, a.text);
  const got = await call(sim, 'GET', `${audiencesPath(sim)}/${a.body.id}`);
  return { status: got.body.status, size: got.body.size };
}

/** 100 people of three kinds: 34 plain emails, 33 SHA-256 MAIDs (GAIDs), 33 SHA-1 IDFAs. */
function mixedHundred(): string[] {
  return [
    ...emails(34, 'mixed'),
    ...deviceIds(33, 'a').map((id) => hash('sha256', id)),
    ...deviceIds(33, 'b').map((id) => hash('sha1', id)),
  ];
}

for (const listType of ['EMAIL', 'MAID', 'IDFA']) {
  test(`mixed records (email, hashed MAID, hashed IDFA) under list_type ${listType} are all accepted and matched`, async () => {
    await withSimulator({}, async (sim) => {
      const records = mixedHundred();
      const created = await call(sim, 'POST', listsPath(sim), { body: { name: 'Mixed', list_type: listType, records: records.join(',') } });
      assert.equal(created.status, 200, created.text);
      assert.equal(created.body.num_uploaded_user_records, 100);
      assert.deepEqual(created.body.exceptions, { invalid_records: 0, reasons: {} });
      assert.deepEqual(await matched(sim, created.body.id), { status: 'READY', size: 100 });

      // An ADD of the other kinds into the same list follows the same rule.
      const path = `${listsPath(sim)}/${created.body.id}`;
      const more = [emails(1, 'late')[0]!, hash('md5', deviceIds(1, 'c')[0]!), sha256(emails(1, 'hashed')[0]!)];
      const added = await call(sim, 'PATCH', path, { body: { operation_type: 'ADD', records: more.join(',') } });
      assert.equal(added.status, 200, added.text);
      assert.equal(added.body.num_uploaded_user_records, 103);
      assert.deepEqual(added.body.exceptions, { invalid_records: 0, reasons: {} });
      assert.equal((await matched(sim, created.body.id)).size, 103);
    });
  });
}

test('every list_type of the spec\'s UserListType enum is accepted on create; anything else is 400 with Pinterest\'s {code, message}', async () => {
  assert.deepEqual(LIST_TYPES, ['EMAIL', 'IDFA', 'MAID', 'LR_ID', 'DLX_ID', 'HASHED_PINNER_ID']);
  await withSimulator({}, async (sim) => {
    for (const listType of LIST_TYPES) {
      const r = await call(sim, 'POST', listsPath(sim), { body: { name: `type ${listType}`, list_type: listType, records: emails(2, listType.toLowerCase()).join(',') } });
      assert.equal(r.status, 200, `${listType}: ${r.text}`);
      assert.equal(r.body.type, 'customerlist');
      assert.deepEqual(r.body.exceptions, { invalid_records: 0, reasons: {} }, `${listType}: emails are accepted in every list`);
    }
    // The enum is case-sensitive and closed.
    for (const bad of ['PHONE', 'email', 'GAID', '']) {
      const r = await call(sim, 'POST', listsPath(sim), { body: { name: 'bad', list_type: bad, records: 'a@example.com' } });
      assertError(r, 400, 1, /^Invalid parameters\. body\.list_type must be equal to one of the allowed values \(EMAIL, IDFA, MAID, LR_ID, DLX_ID, HASHED_PINNER_ID\)/);
      assert.deepEqual(Object.keys(r.body).sort(), ['code', 'message']);
    }
    assertError(await call(sim, 'POST', listsPath(sim), { body: { name: 'bad', list_type: 1, records: '' } }), 400, 1, /list_type/);
    assert.equal(Object.keys(sim.state.customerLists).length, LIST_TYPES.length, 'rejected creates create nothing');
  });
});

test('list_type defaults to EMAIL: a partner token matches in an LR_ID or DLX_ID list only', async () => {
  await withSimulator({}, async (sim) => {
    const token = 'Xi1234RampLikeToken_9';
    const byDefault = await call(sim, 'POST', listsPath(sim), { body: { name: 'default', records: token } });
    assert.deepEqual(byDefault.body.exceptions, { invalid_records: 1, reasons: { unrecognised: 1 } });
    for (const listType of ['LR_ID', 'DLX_ID']) {
      const r = await call(sim, 'POST', listsPath(sim), { body: { name: listType, list_type: listType, records: `${token},a@example.com` } });
      assert.deepEqual(r.body.exceptions, { invalid_records: 0, reasons: {} }, listType);
      assert.ok(!r.text.includes(token), 'the token is not echoed');
    }
  });
});

test('raw (unhashed) MAIDs and IDFAs: request accepted, records counted as uploaded, never matched, reported as raw-device-id', async () => {
  await withSimulator({}, async (sim) => {
    for (const listType of ['EMAIL', 'MAID', 'IDFA']) {
      const raw = [...deviceIds(60, 'd'), ...deviceIds(40, 'e').map((id) => id.toUpperCase())];
      const r = await call(sim, 'POST', listsPath(sim), { body: { name: `raw ${listType}`, list_type: listType, records: raw.join(',') } });
      assert.equal(r.status, 200, r.text);
      assert.equal(r.body.num_uploaded_user_records, 100);
      assert.deepEqual(r.body.exceptions, { invalid_records: 100, reasons: { 'raw-device-id': 100 } });
      assert.ok(!raw.some((id) => r.text.includes(id)), 'no device id echoed');
      assert.deepEqual(await matched(sim, r.body.id), { status: 'TOO_SMALL', size: 0 });
    }
  });
});

test('emails must be lowercase; hashed emails may be MD5, SHA1 or SHA256 and match the plain email', async () => {
  await withSimulator({}, async (sim) => {
    const [person] = emails(1, 'casecheck');
    const c = await call(sim, 'POST', listsPath(sim), {
      body: { name: 'Case', list_type: 'MAID', records: [person!.toUpperCase(), person!, sha256(person!), hash('md5', 'x@example.com'), hash('sha1', 'y@example.com')].join(',') },
    });
    assert.equal(c.body.num_uploaded_user_records, 5);
    assert.deepEqual(c.body.exceptions, { invalid_records: 1, reasons: { 'uppercase-email': 1 } });
    // The plain email and its SHA-256 are one person: 3 members, not 4.
    assert.equal((await matched(sim, c.body.id)).size, 3);
  });
});
