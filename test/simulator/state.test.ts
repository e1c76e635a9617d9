import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSimulator } from '../../src/simulator/server';
import { audiencesPath, call, emails, listsPath, tokenRequest } from './helpers';

test('state file: saved atomically after each write, reloaded with lists, audiences and issued tokens; no raw records or tokens on disk', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-sim-'));
  const file = join(dir, 'state.json');
  try {
    const first = await startSimulator({ statePath: file });
    const list = await call(first, 'POST', listsPath(first), { body: { name: 'Persisted', records: emails(120).join(',') } });
    await call(first, 'PATCH', `${listsPath(first)}/${list.body.id}`, { body: { operation_type: 'REMOVE', records: 'user1@example.com' } });
    const audience = await call(first, 'POST', audiencesPath(first), {
      body: { name: 'Aud', audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: list.body.id } },
    });
    const issued = await tokenRequest(first, { grant_type: 'client_credentials', scope: 'ads:read' });
    const onDisk = readFileSync(file, 'utf8');
    assert.ok(onDisk.includes(list.body.id) && onDisk.includes(audience.body.id), 'saved after the writes, before close');
    for (const secret of ['user2@example.com', first.seed.accessToken, first.seed.clientSecret, issued.body.access_token]) {
      assert.ok(!onDisk.includes(secret), 'nothing raw or secret is written');
    }
    assert.deepEqual(readdirSync(dir), ['state.json'], 'no temp file left behind');
    await first.close();

    const second = await startSimulator({ statePath: file });
    try {
      const got = await call(second, 'GET', `${listsPath(second)}/${list.body.id}`);
      assert.equal(got.body.num_batches, 2);
      assert.equal(got.body.num_uploaded_user_records, 120);
      assert.equal(got.body.num_removed_user_records, 1);
      assert.equal(got.body.status, 'READY');
      assert.equal(second.state.customerLists[list.body.id]?.members.size, 119);
      assert.equal((await call(second, 'GET', `${audiencesPath(second)}/${audience.body.id}`)).body.size, 119);
      assert.equal((await call(second, 'GET', '/ad_accounts', { token: issued.body.access_token })).status, 200, 'issued token survives');
      const next = await call(second, 'POST', listsPath(second), { body: { name: 'After restart', records: '' } });
      assert.ok(BigInt(next.body.id) > BigInt(audience.body.id), 'ids keep increasing');
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file that is not simulator state is refused with a clear error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-sim-'));
  try {
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"hello": 1}');
    await assert.rejects(startSimulator({ statePath: file }), /Cannot read simulator state .*state\.json/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
