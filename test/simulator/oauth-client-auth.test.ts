// What Pinterest's token endpoint does with the client credentials AEP sends when
// `options.useBasicAuth` is not true (client_id and client_secret in the form body): it refuses.
import { test } from 'node:test';
import { assertError, tokenRequest, withSimulator } from './helpers';

test('token endpoint: client credentials in the form body without HTTP Basic are refused (401 code 2)', async () => {
  await withSimulator({}, async (sim) => {
    const form = { grant_type: 'authorization_code', code: 'any-code', redirect_uri: 'http://127.0.0.1:8765/callback', client_id: sim.seed.clientId, client_secret: sim.seed.clientSecret };
    assertError(await tokenRequest(sim, form, ''), 401, 2);
  });
});
