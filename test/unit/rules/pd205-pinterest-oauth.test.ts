import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test("PD205: the example signs in with Pinterest's OAuth endpoints and scopes", () => {
  assert.deepEqual(withCode(validateExample(), 'PD205'), []);
});

test('PD205: a wrong token URL, a wrong grant and a missing write scope are errors with fixes', () => {
  const found = withCode(validateExample((f) => {
    const c = f.destination.customerAuthenticationConfigurations[0];
    c.accessTokenUrl = 'https://api.pinterest.com/v3/oauth/access_token/';
    c.grant = 'OAUTH2_CLIENT_CREDENTIALS';
    c.scope = ['ads:read', 'user_accounts:read'];
  }), 'PD205');
  const byPointer = Object.fromEntries(found.map((d) => [d.pointer, d]));
  assert.deepEqual(byPointer['/customerAuthenticationConfigurations/0/accessTokenUrl']!.data, { replacement: 'https://api.pinterest.com/v5/oauth/token' });
  assert.deepEqual(byPointer['/customerAuthenticationConfigurations/0/grant']!.data, { replacement: 'OAUTH2_AUTHORIZATION_CODE' });
  assert.deepEqual(byPointer['/customerAuthenticationConfigurations/0/scope']!.data, { addScopes: ['ads:write'] });
  assert.ok(found.every((d) => d.severity === 'error'));
});

test('PD205: a misspelt scope gets did-you-mean; no refresh URL is a warning', () => {
  const found = withCode(validateExample((f) => {
    const c = f.destination.customerAuthenticationConfigurations[0];
    delete c.refreshTokenUrl;
    c.scope = ['ads:read', 'ads:write', 'ads:wrte'];
  }), 'PD205');
  assert.deepEqual(found.map((d) => d.severity), ['warning', 'warning']);
  assert.ok(found.some((d) => /did you mean `ads:write`/.test(d.message)));
  assert.ok(found.some((d) => /refreshTokenUrl/.test(d.message)));
});

test('PD205: exactly ads:read and ads:write is enough (no run calls GET /user_account); extra scopes are fine', () => {
  assert.deepEqual(withCode(validateExample((f) => (f.destination.customerAuthenticationConfigurations[0].scope = ['ads:write', 'ads:read'])), 'PD205'), []);
  assert.deepEqual(withCode(validateExample((f) => (f.destination.customerAuthenticationConfigurations[0].scope = ['ads:read', 'ads:write', 'boards:read'])), 'PD205'), []);
});

test('PD205: no scope at all asks for both required scopes', () => {
  const [d] = withCode(validateExample((f) => delete f.destination.customerAuthenticationConfigurations[0].scope), 'PD205');
  assert.equal(d!.pointer, '/customerAuthenticationConfigurations/0');
  assert.deepEqual(d!.data, { addScopes: ['ads:read', 'ads:write'] });
});

test('PD205: no OAuth2 configuration at all is an error', () => {
  const [d] = withCode(validateExample((f) => (f.destination.customerAuthenticationConfigurations = [{ authType: 'BEARER' }])), 'PD205');
  assert.equal(d!.severity, 'error');
});

test('PD205: an empty or misspelt authType is left to PD105 or the schema (one finding, not also "add an OAuth configuration")', () => {
  for (const [authType, code] of [['', 'PD105'], ['OAuth2', 'PD012'], ['OAUTH3', 'PD012']]) {
    const found = validateExample((f) => (f.destination.customerAuthenticationConfigurations[0].authType = authType)).filter((d) => d.file === 'destination.json');
    assert.deepEqual(found.map((d) => d.code), [code], authType);
  }
  // A known type that is not OAuth2 is still PD205's.
  const bearer = validateExample((f) => (f.destination.customerAuthenticationConfigurations[0].authType = 'BEARER'));
  assert.equal(withCode(bearer, 'PD205').length, 1);
});
