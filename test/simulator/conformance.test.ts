// Points where the simulator was stricter or looser than Pinterest's OpenAPI, each pinned down:
// documented error bodies, parameter patterns and bounds, defaults, media types and open schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Simulator } from '../../src/simulator/server';
import { assertConforms, assertError, audiencesPath, call, listsPath, withSimulator } from './helpers';

async function rawPost(sim: Simulator, path: string, body: string | Uint8Array, contentType?: string) {
  const headers: Record<string, string> = { authorization: `Bearer ${sim.seed.accessToken}` };
  if (contentType) headers['content-type'] = contentType;
  const res = await fetch(`${sim.baseUrl}${path}`, { method: 'POST', headers, body });
  const text = await res.text();
  const parsed = JSON.parse(text);
  assertConforms('POST', `/v5${path}`, res.status, parsed);
  return { status: res.status, headers: res.headers, body: parsed, text };
}

test('audiences/list answers bad parameters with the body its spec documents: 400 {code: 400, "Invalid ad account audience parameters."}', async () => {
  await withSimulator({}, async (sim) => {
    const queries: Record<string, string | number>[] = [{ page_size: 0 }, { page_size: 251 }, { order: 'NEWEST' }, { ownership_type: 'SHARED' }, { bookmark: 'not-a-bookmark' }];
    for (const query of queries) {
      assertError(await call(sim, 'GET', audiencesPath(sim), { query }), 400, 400, /^Invalid ad account audience parameters\. /);
    }
    assertError(await call(sim, 'GET', audiencesPath(sim, '12x')), 400, 400, /^Invalid ad account audience parameters\. path parameter ad_account_id/);
    // Other operations document no such body and keep Pinterest's generic code 1.
    assertError(await call(sim, 'GET', listsPath(sim), { query: { page_size: 0 } }), 400, 1, /^Invalid parameters\. /);
  });
});

test('page_size: 1 and 250 accepted, default 25; only plain decimal integers (no "0x10", "1e2", " 5")', async () => {
  await withSimulator({}, async (sim) => {
    for (let i = 0; i < 26; i++) await call(sim, 'POST', listsPath(sim), { body: { name: `L${i}`, records: '' } });
    const first = await call(sim, 'GET', listsPath(sim));
    assert.equal(first.body.items.length, 25, 'default page_size 25');
    assert.equal(typeof first.body.bookmark, 'string');
    assert.equal((await call(sim, 'GET', listsPath(sim), { query: { page_size: 1 } })).body.items.length, 1);
    assert.equal((await call(sim, 'GET', listsPath(sim), { query: { page_size: 250 } })).body.items.length, 26);
    for (const bad of ['0x10', '1e2', ' 5', '5.5', '']) {
      assertError(await call(sim, 'GET', listsPath(sim), { query: { page_size: bad } }), 400, 1, /page_size must be integer/);
      assertError(await call(sim, 'GET', '/ad_accounts', { query: { page_size: bad } }), 400, 1, /page_size/);
    }
  });
});

test('path ids follow ^\\d+$ with maxLength 18: 18 digits reach the lookup (404), 19 digits or non-digits are 400', async () => {
  await withSimulator({}, async (sim) => {
    const d18 = '9'.repeat(18);
    const d19 = '9'.repeat(19);
    assertError(await call(sim, 'GET', `/ad_accounts/${d18}`), 404, 2, 'AdAccount not found.');
    assertError(await call(sim, 'GET', `/ad_accounts/${d19}`), 400, 1, /ad_account_id must NOT have more than 18 characters/);
    assertError(await call(sim, 'GET', `${listsPath(sim)}/${d18}`), 404, 2, 'Customer list not found.');
    assertError(await call(sim, 'GET', `${listsPath(sim)}/${d19}`), 400, 1, /customer_list_id/);
    assertError(await call(sim, 'GET', `${audiencesPath(sim)}/${d18}`), 404, 2, 'Audience not found.');
    assertError(await call(sim, 'GET', `${audiencesPath(sim)}/1a`), 400, 1, /audience_id must match pattern/);
    assertError(await call(sim, 'GET', '/user_account', { query: { ad_account_id: d19 } }), 400, 1, /ad_account_id/);
  });
});

test('JSON operations take application/json (any charset); another declared media type is 400 and changes nothing', async () => {
  await withSimulator({}, async (sim) => {
    const body = JSON.stringify({ name: 'media', records: 'a@example.com' });
    const plain = await rawPost(sim, listsPath(sim), body, 'text/plain');
    assertError(plain, 400, 1, 'Invalid parameters. This operation takes an application/json body, not text/plain.');
    const form = await rawPost(sim, listsPath(sim), 'name=media&records=a%40example.com', 'application/x-www-form-urlencoded');
    assertError(form, 400, 1, /application\/json/);
    assert.equal(Object.keys(sim.state.customerLists).length, 0);
    assert.equal((await rawPost(sim, listsPath(sim), body, 'application/json; charset=utf-8')).status, 200);
    // No Content-Type at all: read as JSON (a README choice; the spec is silent).
    assert.equal((await rawPost(sim, listsPath(sim), new TextEncoder().encode(body))).status, 200);
  });
});

test('request schemas do not forbid other fields: unknown body fields are ignored, not rejected', async () => {
  await withSimulator({}, async (sim) => {
    const c = await call(sim, 'POST', listsPath(sim), { body: { name: 'extra', records: 'a@example.com', note: 'ignored' } });
    assert.equal(c.status, 200, c.text);
    assert.equal(c.body.note, undefined);
    const a = await call(sim, 'POST', audiencesPath(sim), {
      body: { name: 'A', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: c.body.id }, note: 'ignored' },
    });
    assert.equal(a.status, 200, a.text);
    // operation_type defaults to UPDATE: a PATCH with only a name edits the audience.
    const u = await call(sim, 'PATCH', `${audiencesPath(sim)}/${a.body.id}`, { body: { name: 'B', note: 'ignored' } });
    assert.equal(u.status, 200);
    assert.equal(u.body.name, 'B');
    assert.equal((await call(sim, 'GET', `${audiencesPath(sim)}/${a.body.id}`)).body.name, 'B');
  });
});
