/** The scope list and the sandbox refusal against Pinterest's OpenAPI (the contract derived from it). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIVATION_OPERATIONS } from '../../../src/core/pinterest/operations';
import { PINTEREST_SCOPES, REQUIRED_SCOPES } from '../../../src/core/pinterest/scopes';
import { SANDBOX_REFUSAL, SANDBOX_REFUSED_OPERATIONS } from '../../../src/core/pinterest/sandbox';
import contractJson from '../../../src/simulator/contract/pinterest-v5.json' with { type: 'json' };

interface SpecOperation {
  method: string;
  path: string;
  security: Record<string, string[]>[];
  sandbox: string | null;
}
const spec = contractJson as unknown as {
  operations: Record<string, SpecOperation>;
  securitySchemes: { pinterest_oauth2: { flows: { authorizationCode: { scopes: string[] } } } };
};

test('each operation of a test activation has the method, path, user-token scopes and x-sandbox of the spec', () => {
  for (const [id, facts] of Object.entries(ACTIVATION_OPERATIONS)) {
    const op = spec.operations[id];
    assert.ok(op, `${id} is not in the contract`);
    const oauth = op.security.flatMap((s) => s.pinterest_oauth2 ?? []);
    assert.deepEqual({ method: facts.method, path: facts.path, scopes: facts.scopes, sandbox: facts.sandbox }, { method: op.method, path: op.path, scopes: oauth, sandbox: op.sandbox }, id);
  }
});

test('the required scopes are the union of the spec security of those operations: ads:read and ads:write, no user_accounts:read', () => {
  const fromSpec = [...new Set(Object.keys(ACTIVATION_OPERATIONS).flatMap((id) => spec.operations[id]!.security.flatMap((s) => s.pinterest_oauth2 ?? [])))].sort();
  assert.deepEqual(REQUIRED_SCOPES, fromSpec);
  assert.deepEqual(REQUIRED_SCOPES, ['ads:read', 'ads:write']);
});

test("the known scopes are the spec's pinterest_oauth2 scopes", () => {
  assert.deepEqual([...PINTEREST_SCOPES].sort(), [...spec.securitySchemes.pinterest_oauth2.flows.authorizationCode.scopes].sort());
});

test('the sandbox refuses every customer-list and audience operation of a test activation, as x-sandbox says', () => {
  const disabled = Object.keys(ACTIVATION_OPERATIONS).filter((id) => spec.operations[id]!.sandbox === 'disabled');
  assert.deepEqual(SANDBOX_REFUSED_OPERATIONS, disabled);
  assert.deepEqual(SANDBOX_REFUSED_OPERATIONS, ['customer_lists/create', 'customer_lists/update', 'customer_lists/get', 'customer_lists/list', 'audiences/create']);
  assert.match(SANDBOX_REFUSAL, /x-sandbox: disabled/);
  assert.match(SANDBOX_REFUSAL, /`local`.*`production`/);
});
