import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { contract, responseErrors } from '../../src/simulator/contract';
import { HANDLERS } from '../../src/simulator/router';

test('the committed contract names its source and carries Pinterest\'s MIT notice', () => {
  assert.match(contract._licence, /Copyright © 2021 Pinterest, Inc\./);
  assert.match(contract._licence, /Permission is hereby granted, free of charge/);
  assert.equal(contract.source.commit, 'c05b18971472342ebdf4bafc15fea8a91c78bf79');
  assert.equal(contract.source.version, '5.23.0');
});

test('every served operation has a handler and every handler an operation in the contract', () => {
  assert.deepEqual(Object.keys(HANDLERS).sort(), Object.keys(contract.operations).sort());
  for (const op of Object.values(contract.operations)) {
    assert.ok(op.rateLimitCategory, `${op.operationId} has an x-ratelimit-category`);
    assert.ok(op.securityAlternatives.length > 0, `${op.operationId} has security`);
  }
});

test('response schemas catch drift (the helper that checks every response in these tests)', () => {
  assert.deepEqual(responseErrors('customer_lists/get', 200, { id: '1', status: 'READY', num_batches: 1 }), []);
  assert.notDeepEqual(responseErrors('customer_lists/get', 200, { id: 1 }), []);
  assert.notDeepEqual(responseErrors('customer_lists/get', 200, { status: 'DONE' }), []);
  assert.notDeepEqual(responseErrors('audiences/get', 404, { message: 'x' }), [], 'Error needs code');
  // The refresh-token response must carry the refresh fields (discriminator on response_type).
  const base = { access_token: 'a', token_type: 'bearer', expires_in: 1, scope: 's' };
  assert.notDeepEqual(responseErrors('oauth/token', 200, { ...base, response_type: 'refresh_token' }), []);
  assert.deepEqual(
    responseErrors('oauth/token', 200, { ...base, response_type: 'refresh_token', refresh_token: 'r', refresh_token_expires_in: 1, refresh_token_expires_at: 2 }),
    [],
  );
});

test('the committed contract is what the derive script produces from the vendored OpenAPI file (spec/pinterest)', () => {
  const r = spawnSync(process.execPath, ['scripts/derive-pinterest-contract.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
