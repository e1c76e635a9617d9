// The AEP authoring client against the AEP simulator over real HTTP: every operation, the token
// path (IMS client credentials, renewal, a static token), and each bad input turned into a typed
// AepError whose one-line message says what to do and never holds a token or a secret.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AepError, aepSettingsFromEnv, createAepClient, createAepClientFromSettings, imsTokenSource, staticAepToken, type AepClient, type AepClientOptions } from '../../src/core/aep';
import { AEP_SIMULATOR_SEED } from '../../src/core/aep/urls';
import type { AepSimulator } from '../../src/simulator/aep';
import { exampleConfig, withAepSimulator } from './helpers';

/** A client on the simulator as `pindest deploy --env local` builds one: no AEP_* variable set. */
function localClient(sim: AepSimulator, env: Record<string, string> = {}, options: Partial<AepClientOptions> = {}): AepClient {
  return createAepClientFromSettings(aepSettingsFromEnv(env, { environment: 'local', aepUrl: sim.baseUrl }), { retryTimeScale: 0, ...options });
}

async function rejects(p: Promise<unknown>, reason: AepError['reason'], message: RegExp, secrets: string[] = []): Promise<AepError> {
  const e = await p.then(
    () => assert.fail('expected an AepError'),
    (err: unknown) => err,
  );
  assert.ok(e instanceof AepError, String(e));
  assert.equal(e.reason, reason, e.message);
  assert.match(e.message, message);
  assert.ok(!e.message.includes('\n'), 'one line');
  for (const s of secrets) assert.ok(!JSON.stringify({ m: e.message, a: e.adobeMessage, c: e.code }).includes(s), 'no secret in the error');
  return e;
}

test('create, read, list, update and delete of the three kinds, ids wired as a deploy does', () =>
  withAepSimulator(async (sim) => {
    const aep = localClient(sim);
    const server = await aep.destinationServers.create(exampleConfig('destination-server'));
    const template = await aep.audienceTemplates.create(exampleConfig('audience-template'));
    const destination = exampleConfig('destination') as any;
    destination.destinationDelivery[0].destinationServerId = server.instanceId;
    if (destination.audienceMetadataConfig) destination.audienceMetadataConfig.audienceTemplateId = template.instanceId;
    if (destination.segmentMappingConfig?.audienceTemplateId) destination.segmentMappingConfig.audienceTemplateId = template.instanceId;
    const created = await aep.destinations.create(destination);
    assert.equal((created.destinationDelivery as any[])[0].destinationServerId, server.instanceId);
    assert.equal(created.sandboxName, 'prod');

    assert.deepEqual(await aep.destinations.get(created.instanceId), created);
    assert.deepEqual(await aep.audienceTemplates.get(template.instanceId), template, 'the array wrapping is undone');
    assert.deepEqual((await aep.destinationServers.list()).map((s) => s.instanceId), [server.instanceId]);
    assert.deepEqual((await aep.audienceTemplates.list()).map((s) => s.instanceId), [template.instanceId]);
    assert.deepEqual((await aep.destinations.list()).map((s) => s.instanceId), [created.instanceId]);

    const renamed = await aep.destinationServers.update(server.instanceId, { ...exampleConfig('destination-server'), name: 'Renamed' });
    assert.equal(renamed.name, 'Renamed');
    assert.equal(renamed.instanceId, server.instanceId);
    const template2 = await aep.audienceTemplates.update(template.instanceId, exampleConfig('audience-template'));
    assert.equal(template2.instanceId, template.instanceId);
    const dest2 = await aep.destinations.update(created.instanceId, { ...destination, description: 'Changed.' });
    assert.equal(dest2.description, 'Changed.');

    await aep.destinations.delete(created.instanceId);
    await aep.audienceTemplates.delete(template.instanceId);
    await aep.destinationServers.delete(server.instanceId);
    assert.deepEqual(await aep.destinations.list(), []);
  }));

test('publish: submit, then read the status and the list', () =>
  withAepSimulator(async (sim) => {
    const aep = localClient(sim);
    const destination = await aep.destinations.create(exampleConfig('destination'));
    const submitted = await aep.publish.submit(destination.instanceId);
    assert.equal(submitted.destinationId, destination.instanceId);
    assert.equal(submitted.publishDetailsList.find((d) => d.destinationType === 'PUBLIC')?.status, 'REVIEW');
    assert.deepEqual(await aep.publish.status(destination.instanceId), submitted);
    assert.deepEqual(await aep.publish.list(), [submitted]);
  }));

test('the local client fetches its token from the simulator IMS endpoint, once, and sends the four headers', () => {
  const lines: string[] = [];
  return withAepSimulator(
    async (sim) => {
      const aep = localClient(sim);
      await aep.destinations.list();
      await aep.destinationServers.list();
      assert.equal(lines.filter((l) => l.includes('POST /ims/token/v3 200')).length, 1);
      assert.equal(lines.filter((l) => / GET \/data\/core\/activation\/authoring\/\S+ 200 /.test(l)).length, 2);
    },
    { log: (l) => lines.push(l) },
  );
});

test('an IMS token is fetched again when it expires, and again when AEP refuses it', async () => {
  let clock = Date.parse('2026-11-01T00:00:00Z');
  const lines: string[] = [];
  await withAepSimulator(
    async (sim) => {
      const settings = aepSettingsFromEnv({}, { environment: 'local', aepUrl: sim.baseUrl, now: () => clock });
      const client = createAepClientFromSettings(settings, { retryTimeScale: 0, now: () => clock });
      await client.destinations.list();
      clock += 121_000; // past the 120 s lifetime
      await client.destinations.list();
      const ims = () => lines.filter((l) => l.includes('POST /ims/token/v3 200')).length;
      assert.equal(ims(), 2, 'renewed on expiry before sending');
      // AEP forgets every token (revoked): the next call gets 401, fetches a new token once, and succeeds.
      sim.state.tokens.clear();
      await client.destinations.list();
      assert.equal(ims(), 3);
      assert.ok(lines.some((l) => / GET \S+ 401 /.test(l)), 'the refused call was seen');
    },
    { tokenLifetimeSeconds: 120, now: () => clock, log: (l) => lines.push(l) },
  );
});

test('AEP_ACCESS_TOKEN is used as given; an expired one is a bad-credentials error with advice and no token', () =>
  withAepSimulator(async (sim) => {
    const ok = localClient(sim, { AEP_ACCESS_TOKEN: sim.seed.accessToken });
    assert.deepEqual(await ok.destinations.list(), []);
    const expired = localClient(sim, { AEP_ACCESS_TOKEN: sim.seed.expiredAccessToken });
    const e = await rejects(expired.destinations.list(), 'bad-credentials', /wrong or has expired; set AEP_ACCESS_TOKEN to a fresh token/, [sim.seed.expiredAccessToken]);
    assert.equal(e.status, 401);
    assert.equal(e.code, '401013');
  }));

test('a wrong client secret is refused by IMS: bad-credentials, and the secret is nowhere in the error', () =>
  withAepSimulator(async (sim) => {
    const aep = localClient(sim, { AEP_CLIENT_ID: sim.seed.clientId, AEP_CLIENT_SECRET: 'p8e-wrong-secret-value' });
    await rejects(aep.destinations.list(), 'bad-credentials', /Adobe IMS refused the client credentials.*AEP_CLIENT_SECRET/, ['p8e-wrong-secret-value']);
  }));

test('a wrong API key and a wrong organisation get their own advice', () =>
  withAepSimulator(async (sim) => {
    await rejects(localClient(sim, { AEP_ACCESS_TOKEN: sim.seed.accessToken, AEP_API_KEY: 'other-project' }).destinations.list(), 'bad-credentials', /AEP_API_KEY must be the client ID/);
    await rejects(
      localClient(sim, { AEP_ACCESS_TOKEN: sim.seed.accessToken, AEP_IMS_ORG: 'FFFF0000FFFF0000FFFF0000@AdobeOrg' }).destinations.list(),
      'bad-credentials',
      /may not act for organisation FFFF0000FFFF0000FFFF0000@AdobeOrg.*check AEP_IMS_ORG/,
    );
    // A header missing altogether (a client built by hand with an empty organisation).
    const noOrg = createAepClient({ baseUrl: sim.baseUrl, apiKey: sim.seed.clientId, imsOrg: '', sandbox: 'prod', tokens: staticAepToken(sim.seed.accessToken) });
    await rejects(noOrg.destinations.list(), 'bad-credentials', /no organisation header.*AEP_IMS_ORG/);
  }));

test('a sandbox that does not exist is refused with advice on AEP_SANDBOX', () =>
  withAepSimulator(async (sim) => {
    const e = await rejects(localClient(sim, { AEP_SANDBOX: 'staging' }).destinations.list(), 'unknown-sandbox', /sandbox "staging".*check AEP_SANDBOX/);
    assert.equal(e.status, 403);
  }));

test('sandboxes are isolated through the client too', () =>
  withAepSimulator(async (sim) => {
    const dev = localClient(sim, { AEP_SANDBOX: 'dev' });
    const prod = localClient(sim);
    const server = await dev.destinationServers.create(exampleConfig('destination-server'));
    assert.deepEqual(await prod.destinationServers.list(), []);
    const e = await rejects(prod.destinationServers.get(server.instanceId), 'not-found', /no destination server .* in sandbox "prod" \(404\).*pull again/);
    assert.equal(e.status, 404);
    assert.equal((await dev.destinationServers.get(server.instanceId)).instanceId, server.instanceId);
  }));

test('an unknown id on update and delete is not-found; a body Adobe refuses is bad-request', () =>
  withAepSimulator(async (sim) => {
    const aep = localClient(sim);
    const missing = '6f1c2a3b-0000-4000-8000-00000000abcd';
    await rejects(aep.destinations.update(missing, exampleConfig('destination')), 'not-found', /no destination configuration/);
    await rejects(aep.audienceTemplates.delete(missing), 'not-found', /no audience template/);
    await rejects(aep.publish.status(missing), 'not-found', /no publish request/);
    const e = await rejects(aep.destinations.create({ ...exampleConfig('destination'), customerDataFields: 'x' }), 'bad-request', /AEP rejected POST destination configuration \(400\)/);
    assert.match(e.adobeMessage ?? '', /customerDataFields must be array/);
  }));

test('429 is retried and then succeeds; a 429 that lasts ends as rate-limited after three attempts', async () => {
  const lines: string[] = [];
  await withAepSimulator(
    async (sim) => {
      const aep = localClient(sim);
      const server = await aep.destinationServers.create(exampleConfig('destination-server'));
      assert.ok(server.instanceId);
      assert.ok(lines.some((l) => / POST \S+destination-servers 429 /.test(l)), 'the create met a 429 first');
      assert.equal((await aep.destinationServers.list()).length, 1, 'the retried create made one server');
    },
    { faults: '429:0.5', seed: 8, log: (l) => lines.push(l) },
  );
  await withAepSimulator(
    async (sim) => {
      const e = await rejects(localClient(sim).destinations.list(), 'rate-limited', /\(429\) after 3 attempts: wait a minute/);
      assert.equal(e.attempts, 3);
    },
    { faults: '429:1' },
  );
});

test('5xx: reads are retried, then server-error; a create is sent once and nothing is created twice', () => {
  const lines: string[] = [];
  return withAepSimulator(
    async (sim) => {
      const aep = localClient(sim);
      const read = await rejects(aep.destinations.list(), 'server-error', /AEP answered 503 after 3 attempts.*run again later/);
      assert.equal(read.attempts, 3);
      const create = await rejects(aep.destinationServers.create(exampleConfig('destination-server')), 'server-error', /AEP answered 503 to POST destination server/);
      assert.equal(create.attempts, 1);
      assert.equal(lines.filter((l) => / POST \/data\S+destination-servers 503 /.test(l)).length, 1);
    },
    { faults: '503:1', log: (l) => lines.push(l) },
  );
});

test('a dropped connection on a create is not repeated, and the message says it may have reached AEP', () =>
  withAepSimulator(
    async (sim) => {
      const aep = localClient(sim);
      const e = await rejects(aep.destinationServers.create(exampleConfig('destination-server')), 'network', /may have reached AEP: list the resources/);
      assert.equal(e.attempts, 1);
    },
    { faults: 'drop:1' },
  ));

test('https only: a remote http URL is refused before anything is sent', async () => {
  let sent = 0;
  const aep = createAepClient({
    baseUrl: 'http://platform.example.com/data/core/activation/authoring',
    apiKey: 'k',
    imsOrg: 'o@AdobeOrg',
    sandbox: 'prod',
    tokens: staticAepToken('t0ken-value'),
    fetch: (async () => {
      sent++;
      throw new Error('must not be called');
    }) as typeof fetch,
  });
  await rejects(aep.destinations.list(), 'config', /Refusing to send the AEP access token over plain http/);
  assert.equal(sent, 0);
  assert.throws(() => aepSettingsFromEnv({ AEP_ACCESS_TOKEN: 'x' }, { environment: 'production', aepUrl: 'http://platform.example.com/x' }), /plain http/);
  // --env local fetches its token from the URL's own origin: never a remote one, whose IMS nobody named.
  assert.throws(
    () => aepSettingsFromEnv({ AEP_CLIENT_ID: 'cid', AEP_CLIENT_SECRET: 'real-secret' }, { environment: 'local', aepUrl: 'https://platform.example.com/data/core/activation/authoring' }),
    /^AepError: --env local is an AEP simulator on this machine, and platform\.example\.com is not 127\.0\.0\.1, localhost or \[::1\]/,
  );
});

test('settings from the environment: defaults, and a clear error for each missing variable', () => {
  const prod = aepSettingsFromEnv({ AEP_CLIENT_ID: 'cid', AEP_CLIENT_SECRET: 'sec', AEP_IMS_ORG: 'O@AdobeOrg' }, { environment: 'production' });
  assert.equal(prod.baseUrl, 'https://platform.adobe.io/data/core/activation/authoring');
  assert.equal(prod.imsUrl, 'https://ims-na1.adobelogin.com/ims/token/v3');
  assert.equal(prod.apiKey, 'cid', 'AEP_API_KEY defaults to the client id');
  assert.equal(prod.sandbox, 'prod');
  assert.equal(prod.tokens.kind, 'ims');
  const err = (env: Record<string, string>, re: RegExp) =>
    assert.throws(() => aepSettingsFromEnv(env, { environment: 'production' }), (e: unknown) => e instanceof AepError && e.reason === 'config' && re.test(e.message));
  err({}, /No AEP credentials: set AEP_ACCESS_TOKEN, or AEP_CLIENT_ID and AEP_CLIENT_SECRET/);
  err({ AEP_CLIENT_ID: 'cid', AEP_IMS_ORG: 'O@AdobeOrg' }, /AEP_CLIENT_SECRET is not set/);
  err({ AEP_ACCESS_TOKEN: 'tok', AEP_IMS_ORG: 'O@AdobeOrg' }, /AEP_API_KEY is not set/);
  err({ AEP_ACCESS_TOKEN: 'tok', AEP_API_KEY: 'k' }, /AEP_IMS_ORG is not set/);
  assert.throws(() => aepSettingsFromEnv({}, { environment: 'local' }), /needs the AEP simulator URL/);
});

test('a truncated answer to a read is sent again; a token expiring mid-run is renewed once', async () => {
  const lines: string[] = [];
  await withAepSimulator(
    async (sim) => {
      const aep = localClient(sim);
      assert.deepEqual(await aep.destinations.list(), []);
      assert.ok(lines.some((l) => /GET \S+destinations 200 .*fault=truncate/.test(l)), 'the first answer was cut off');
    },
    { faults: 'truncate:0.5', seed: 7, log: (l) => lines.push(l) },
  );
  lines.length = 0;
  await withAepSimulator(
    async (sim) => {
      const aep = localClient(sim);
      assert.deepEqual(await aep.destinations.list(), []);
      assert.ok(lines.some((l) => /GET \S+destinations 401 .*fault=expire/.test(l)), 'AEP refused the token once');
      assert.equal(lines.filter((l) => l.includes('POST /ims/token/v3 200')).length, 2, 'one new token');
    },
    { faults: 'expire:0.5', seed: 7, log: (l) => lines.push(l) },
  );
});

test('events and errors name method, path and status only: no token, key or secret', () => {
  const events: string[] = [];
  return withAepSimulator(
    async (sim) => {
      const aep = localClient(sim, {}, { onEvent: (e) => events.push(JSON.stringify(e)) });
      await aep.destinationServers.create(exampleConfig('destination-server'));
      await aep.destinations.get('6f1c2a3b-0000-4000-8000-00000000abcd').catch(() => undefined);
      const text = events.join('\n');
      assert.ok(events.length >= 4);
      for (const secret of [sim.seed.clientSecret, sim.seed.clientId, 'aepsim_', 'Bearer']) assert.ok(!text.includes(secret), `no ${secret.slice(0, 6)}… in events`);
    },
  );
});

test('publish requests are isolated by sandbox too', () =>
  withAepSimulator(async (sim) => {
    const dev = localClient(sim, { AEP_SANDBOX: 'dev' });
    const destination = await dev.destinations.create(exampleConfig('destination'));
    await dev.publish.submit(destination.instanceId);
    const prod = localClient(sim);
    assert.deepEqual(await prod.publish.list(), []);
    await rejects(prod.publish.submit(destination.instanceId), 'bad-request', /AEP rejected POST publish request \(400\)/);
  }));

test('the client secret goes only to an https IMS (or a loopback simulator)', async () => {
  let sent = 0;
  const settings = aepSettingsFromEnv(
    { AEP_CLIENT_ID: 'cid', AEP_CLIENT_SECRET: 'p8e-do-not-send', AEP_IMS_ORG: 'O@AdobeOrg' },
    { environment: 'production', imsUrl: 'http://ims.example.com/ims/token/v3', fetch: (async () => { sent++; throw new Error('must not be called'); }) as typeof fetch },
  );
  const aep = createAepClientFromSettings(settings, { fetch: (async () => { sent++; throw new Error('must not be called'); }) as typeof fetch });
  await rejects(aep.destinations.list(), 'config', /Refusing to send the Adobe client secret over plain http to ims\.example\.com/, ['p8e-do-not-send']);
  assert.equal(sent, 0);
});

test('a call can be cancelled while it waits to retry', () =>
  withAepSimulator(
    async (sim) => {
      const stop = new AbortController();
      const aep = localClient(sim, {}, { retryTimeScale: 1, onEvent: (e) => e.type === 'retry' && stop.abort() });
      const e = await rejects(aep.destinations.list(stop.signal), 'aborted', /Cancelled: GET \S+destinations was stopped/);
      assert.equal(e.attempts, 1);
    },
    { faults: '503:1' },
  ));

test('callers waiting on one IMS fetch: the one that cancels stops alone, the other gets the token', () => {
  const lines: string[] = [];
  return withAepSimulator(
    async (sim) => {
      const tokens = imsTokenSource({ imsUrl: sim.imsUrl, clientId: AEP_SIMULATOR_SEED.clientId, clientSecret: AEP_SIMULATOR_SEED.clientSecret });
      const cancelled = new AbortController();
      const first = tokens.token(cancelled.signal);
      const second = tokens.token();
      cancelled.abort();
      await assert.rejects(first, (e: unknown) => e instanceof AepError && e.reason === 'aborted');
      assert.match(await second, /\S/);
      assert.equal(lines.filter((l) => l.includes('POST /ims/token/v3 200')).length, 1, 'one fetch, shared');
    },
    { log: (l) => lines.push(l) },
  );
});
