// Sign In to Adobe: what is typed is checked before it is stored (only what would certainly fail
// is refused), the stored entry reads back as it was written, a damaged entry reads as signed out,
// the API key defaults to the client id, and deploys go to the simulator locally and to Adobe's
// authoring API in production unless a (machine-scoped) URL is configured.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AEP_AUTHORING_BASE_URL,
  aepEnvironmentOf,
  aepEnv,
  clientIdProblem,
  imsOrgProblem,
  parseStoredCredentials,
  resolveAepTarget,
  sandboxProblem,
  storedCredentials,
} from '../../src/extension/aep-credentials';
import { aepSettingsFromEnv } from '../../src/core/aep/credentials';
import { AEP_SIMULATOR_SEED } from '../../src/core/aep/urls';

const creds = { clientId: 'client-id-for-tests', clientSecret: 'secret-for-tests', imsOrg: '0123456789ABCDEF01234567@AdobeOrg', sandbox: 'dev-1' };

test('stored credentials read back as written, trimmed; the sandbox defaults to prod', () => {
  assert.deepEqual(parseStoredCredentials(storedCredentials({ ...creds, clientId: '  client-id-for-tests ' })), creds);
  assert.deepEqual(parseStoredCredentials(storedCredentials({ ...creds, sandbox: '' })), { ...creds, sandbox: 'prod' });
  assert.deepEqual(parseStoredCredentials(storedCredentials({ ...creds, apiKey: 'other-key' })), { ...creds, apiKey: 'other-key' });
  // an empty API key is not stored: the client id is sent
  assert.equal('apiKey' in parseStoredCredentials(storedCredentials({ ...creds, apiKey: ' ' }))!, false);
});

test('a damaged or incomplete entry reads as signed out, never throws', () => {
  for (const raw of [undefined, '', 'not json', 'null', '[]', '"text"', JSON.stringify({ clientId: 'a', imsOrg: 'b@AdobeOrg' }), JSON.stringify({ ...creds, clientSecret: 7 }), JSON.stringify({ ...creds, clientId: '  ' })]) {
    assert.equal(parseStoredCredentials(raw), undefined, String(raw));
  }
});

test('the headers Adobe requires, as the core builds them from the stored credentials: x-api-key is the client id unless another key was given', () => {
  const prod = aepSettingsFromEnv(aepEnv('production', 'dev-1', creds, undefined), { environment: 'production' });
  assert.deepEqual([prod.baseUrl, prod.apiKey, prod.imsOrg, prod.sandbox], [AEP_AUTHORING_BASE_URL, 'client-id-for-tests', creds.imsOrg, 'dev-1']);
  assert.equal(aepSettingsFromEnv(aepEnv('production', 'dev-1', { ...creds, apiKey: 'other-key' }, undefined), { environment: 'production' }).apiKey, 'other-key');
});

test('locally no stored credential is passed: the simulator gets its own, never the real secret', () => {
  const env = aepEnv('local', 'prod', creds, undefined);
  assert.doesNotMatch(JSON.stringify(env), /client-id-for-tests|secret-for-tests/);
  const local = aepSettingsFromEnv(env, { environment: 'local', aepUrl: 'http://127.0.0.1:4010/data/core/activation/authoring' });
  assert.deepEqual([local.apiKey, local.imsOrg, local.sandbox], [AEP_SIMULATOR_SEED.clientId, AEP_SIMULATOR_SEED.imsOrg, 'prod']);
  // a remote plain-http authoring URL is refused before anything is sent with real credentials
  assert.throws(() => aepSettingsFromEnv(aepEnv('production', 'prod', creds, undefined), { environment: 'production', aepUrl: 'http://aep.example.net/authoring' }), /Refusing to send the AEP access token over plain http to aep\.example\.net/);
});

test('typed values: empty and spaces refuse; an organization id without @AdobeOrg is flagged; an empty sandbox is fine (prod)', () => {
  assert.equal(clientIdProblem(''), 'empty');
  assert.equal(clientIdProblem('   '), 'empty');
  assert.equal(clientIdProblem('abc def'), 'spaces');
  assert.equal(clientIdProblem(' abc '), undefined);
  assert.equal(imsOrgProblem('0123456789ABCDEF01234567@AdobeOrg'), undefined);
  assert.equal(imsOrgProblem('0123456789ABCDEF01234567'), 'org-suffix');
  assert.equal(imsOrgProblem(''), 'empty');
  assert.equal(sandboxProblem(''), undefined);
  assert.equal(sandboxProblem('prod'), undefined);
  assert.equal(sandboxProblem('my sandbox'), 'spaces');
});

test('where deploys go: local is the in-process simulator, production Adobe\'s authoring API, a configured URL wins', () => {
  assert.deepEqual(resolveAepTarget('local', '', undefined), { environment: 'local', baseUrl: '', needsSimulator: true });
  assert.deepEqual(resolveAepTarget('local', undefined, 'http://127.0.0.1:4010'), { environment: 'local', baseUrl: 'http://127.0.0.1:4010', needsSimulator: false });
  assert.deepEqual(resolveAepTarget('production', '', 'http://127.0.0.1:4010'), { environment: 'production', baseUrl: AEP_AUTHORING_BASE_URL, needsSimulator: false });
  assert.equal(AEP_AUTHORING_BASE_URL, 'https://platform.adobe.io/data/core/activation/authoring');
  assert.deepEqual(resolveAepTarget('production', ' http://127.0.0.1:9000/authoring/ ', undefined), { environment: 'production', baseUrl: 'http://127.0.0.1:9000/authoring', needsSimulator: false });
  assert.equal(aepEnvironmentOf('production'), 'production');
  for (const v of [undefined, 'local', 'sandbox', 3]) assert.equal(aepEnvironmentOf(v), 'local');
});
