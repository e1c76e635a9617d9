import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertError, audiencesPath, call, emails, listsPath, withSimulator } from './helpers';
import type { Simulator } from '../../src/simulator/server';

async function list(sim: Simulator, n: number, account = sim.seed.adAccountId): Promise<string> {
  const r = await call(sim, 'POST', listsPath(sim, account), { body: { name: `list of ${n}`, records: emails(n).join(',') } });
  assert.equal(r.status, 200, r.text);
  return r.body.id;
}

test('CUSTOMER_LIST audience: INITIALIZING, then READY with size when its list has ≥ 100 matches', async () => {
  await withSimulator({}, async (sim) => {
    const listId = await list(sim, 120);
    const created = await call(sim, 'POST', audiencesPath(sim), {
      body: { name: 'Buyers', description: 'from the CRM', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: listId } },
    });
    assert.equal(created.status, 200);
    assert.equal(created.body.type, 'audience');
    assert.equal(created.body.status, 'INITIALIZING');
    assert.equal(created.body.audience_type, 'CUSTOMER_LIST');
    assert.deepEqual(created.body.rule, { customer_list_id: listId });
    assert.equal(created.body.description, 'from the CRM');
    const got = await call(sim, 'GET', `${audiencesPath(sim)}/${created.body.id}`);
    assert.equal(got.body.status, 'READY');
    assert.equal(got.body.size, 120);

    // Removing members moves the audience with its list once the list settles.
    await call(sim, 'PATCH', `${listsPath(sim)}/${listId}`, { body: { operation_type: 'REMOVE', records: emails(30).join(',') } });
    const after = await call(sim, 'GET', `${audiencesPath(sim)}/${created.body.id}`);
    assert.equal(after.body.status, 'TOO_SMALL');
    assert.equal(after.body.size, 90);
  });
});

test('an audience of a small list is TOO_SMALL', async () => {
  await withSimulator({}, async (sim) => {
    const listId = await list(sim, 10);
    const a = await call(sim, 'POST', audiencesPath(sim), { body: { name: 'Few', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: listId } } });
    const got = await call(sim, 'GET', `${audiencesPath(sim)}/${a.body.id}`);
    assert.equal(got.body.status, 'TOO_SMALL');
    assert.equal(got.body.size, 10);
  });
});

test('create is validated: schema (required, enum), rule.customer_list_id of this ad account; other types are not modelled (501)', async () => {
  await withSimulator({}, async (sim) => {
    const listId = await list(sim, 1);
    const foreign = await list(sim, 1, sim.seed.audienceManagerAdAccountId);
    assertError(await call(sim, 'POST', audiencesPath(sim), { body: { name: 'x', rule: { customer_list_id: listId } } }), 400, 1, /audience_type/);
    assertError(
      await call(sim, 'POST', audiencesPath(sim), { body: { name: 'x', audience_type: 'customer_list', rule: { customer_list_id: listId } } }),
      400,
      1,
      /audience_type/,
    );
    assertError(await call(sim, 'POST', audiencesPath(sim), { body: { name: 'x', audience_type: 'CUSTOMER_LIST', rule: {} } }), 400, 1, /customer_list_id/);
    assertError(
      await call(sim, 'POST', audiencesPath(sim), { body: { name: 'x', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: '999' } } }),
      400,
      1,
      /customer_list_id 999/,
    );
    assertError(
      await call(sim, 'POST', audiencesPath(sim), { body: { name: 'x', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: foreign } } }),
      400,
      1,
    );
    // The spec accepts VISITOR; the simulator does not model it and says so with 501, not a 400.
    assertError(
      await call(sim, 'POST', audiencesPath(sim), { body: { name: 'x', audience_type: 'VISITOR', rule: { visitor_source_id: '1' } } }),
      501,
      501,
      /Not implemented by the Pinterest simulator: audience_type VISITOR/,
    );
    assertError(
      await call(sim, 'POST', audiencesPath(sim), {
        body: { name: 'x', audience_type: 'CUSTOMER_LIST', ad_account_id: '549756359984', rule: { customer_list_id: listId } },
      }),
      400,
      1,
      /does not match/,
    );
    assert.equal(Object.keys(sim.state.audiences).length, 0, 'nothing created by rejected requests');
  });
});

test('list with bookmarks, update name/description/rule, REMOVE, 404 and role errors', async () => {
  await withSimulator({}, async (sim) => {
    const l1 = await list(sim, 100);
    const l2 = await list(sim, 5);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await call(sim, 'POST', audiencesPath(sim), { body: { name: `A${i}`, audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: l1 } } })).body.id);
    }
    const p1 = await call(sim, 'GET', audiencesPath(sim), { query: { page_size: 2 } });
    assert.equal(p1.body.items.length, 2);
    const p2 = await call(sim, 'GET', audiencesPath(sim), { query: { page_size: 2, bookmark: p1.body.bookmark } });
    assert.deepEqual([...p1.body.items, ...p2.body.items].map((a: { id: string }) => a.id), ids);
    assert.equal(p2.body.bookmark, null);
    assert.equal(p1.body.items[0].status, 'READY', 'list reads settle audiences too');
    assert.deepEqual((await call(sim, 'GET', audiencesPath(sim), { query: { ownership_type: 'RECEIVED' } })).body.items, []);

    const path = `${audiencesPath(sim)}/${ids[0]}`;
    const upd = await call(sim, 'PATCH', path, { body: { name: 'Renamed', description: 'd', rule: { customer_list_id: l2 } } });
    assert.equal(upd.status, 200);
    assert.equal(upd.body.name, 'Renamed');
    assert.equal(upd.body.status, 'INITIALIZING', 'a new list re-initialises the audience');
    assert.equal((await call(sim, 'GET', path)).body.status, 'TOO_SMALL');
    assertError(await call(sim, 'PATCH', path, { body: { operation_type: 'DELETE' } }), 400, 1, /operation_type/);

    const removed = await call(sim, 'PATCH', path, { body: { operation_type: 'REMOVE' } });
    assert.equal(removed.status, 200);
    assertError(await call(sim, 'GET', path), 404, 2, 'Audience not found.');
    assertError(await call(sim, 'PATCH', path, { body: { name: 'again' } }), 404, 2);
    assertError(await call(sim, 'GET', `${audiencesPath(sim)}/1${'0'.repeat(18)}`), 400, 1, /audience_id/);

    // ANALYST can read audiences of the shared account but not create them.
    assert.equal((await call(sim, 'GET', audiencesPath(sim, sim.seed.readOnlyAdAccountId))).status, 200);
    assertError(
      await call(sim, 'POST', audiencesPath(sim, sim.seed.readOnlyAdAccountId), {
        body: { name: 'x', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: l1 } },
      }),
      403,
      29,
    );
    // The limited token has no ads:write.
    assertError(
      await call(sim, 'POST', audiencesPath(sim), {
        token: sim.seed.limitedAccessToken,
        body: { name: 'x', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: l1 } },
      }),
      401,
      3,
    );
  });
});
