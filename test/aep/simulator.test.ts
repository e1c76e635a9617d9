// The AEP authoring simulator over real HTTP: Adobe's paths, server-set fields, the documented
// header errors, sandbox isolation, schema checks, publish flow and faults.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aepCall, assertGatewayError, assertProblem, exampleConfig, withAepSimulator } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

test('create, read, list, update and delete a destination server as Adobe describes them', () =>
  withAepSimulator(async (sim) => {
    const server = exampleConfig('destination-server');
    const created = await aepCall(sim, 'POST', '/destination-servers', { body: server });
    assert.equal(created.status, 200);
    assert.match(created.body.instanceId, UUID);
    assert.notEqual(created.body.instanceId, server.instanceId, 'the server sets the instanceId');
    assert.match(created.body.createdDate, ISO);
    assert.equal(created.body.lastModifiedDate, created.body.createdDate);
    assert.equal(created.body.name, server.name);
    const id = created.body.instanceId;

    const read = await aepCall(sim, 'GET', `/destination-servers/${id}`);
    assert.deepEqual(read.body, created.body);
    const list = await aepCall(sim, 'GET', '/destination-servers');
    assert.deepEqual(list.body, [created.body]);

    const updated = await aepCall(sim, 'PUT', `/destination-servers/${id}`, { body: { ...server, name: 'Renamed' } });
    assert.equal(updated.body.name, 'Renamed');
    assert.equal(updated.body.instanceId, id);
    assert.equal(updated.body.createdDate, created.body.createdDate);
    assert.ok(updated.body.lastModifiedDate > created.body.lastModifiedDate, 'an update moves lastModifiedDate');

    const deleted = await aepCall(sim, 'DELETE', `/destination-servers/${id}`);
    assert.equal(deleted.status, 200);
    assert.equal(deleted.text, '', 'Adobe: "200 along with an empty HTTP response"');
    assertProblem(await aepCall(sim, 'GET', `/destination-servers/${id}`), 404, /No destination server/);
    assertProblem(await aepCall(sim, 'DELETE', `/destination-servers/${id}`), 404);
  }));

test("answers follow the shapes of Adobe's schemas: destination reads in items, audience templates in arrays", () =>
  withAepSimulator(async (sim) => {
    const template = await aepCall(sim, 'POST', '/audience-templates', { body: exampleConfig('audience-template') });
    assert.ok(Array.isArray(template.body) && template.body.length === 1, template.text);
    const templateId = template.body[0].instanceId;
    const readTemplate = await aepCall(sim, 'GET', `/audience-templates/${templateId}`);
    assert.equal(readTemplate.body[0].instanceId, templateId);

    const destination = await aepCall(sim, 'POST', '/destinations', { body: exampleConfig('destination') });
    assert.equal(destination.body.imsOrg, sim.seed.imsOrg);
    assert.equal(destination.body.sandboxName, 'prod');
    assert.match(destination.body.sandboxId, UUID);
    assert.equal(destination.body.status, 'TEST');
    const read = await aepCall(sim, 'GET', `/destinations/${destination.body.instanceId}`);
    assert.deepEqual(read.body, { items: [destination.body] });
  }));

test('the documented header errors, in their documented bodies', () =>
  withAepSimulator(async (sim) => {
    assertGatewayError(await aepCall(sim, 'GET', '/destinations', { headers: { authorization: null } }), 403, '403010', 'Oauth token is missing.');
    assertGatewayError(await aepCall(sim, 'GET', '/destinations', { headers: { authorization: 'Bearer not-a-token' } }), 401, '401013', 'Oauth token is not valid');
    assertGatewayError(await aepCall(sim, 'GET', '/destinations', { headers: { authorization: `Bearer ${sim.seed.expiredAccessToken}` } }), 401, '401013', 'Oauth token is not valid');
    assertGatewayError(await aepCall(sim, 'GET', '/destinations', { headers: { 'x-api-key': null } }), 403, '403000', 'Api Key is required');
    assertGatewayError(await aepCall(sim, 'GET', '/destinations', { headers: { 'x-api-key': 'someone-else' } }), 403, '403003', 'Api Key is invalid');
    assertGatewayError(await aepCall(sim, 'GET', '/destinations', { headers: { 'x-gw-ims-org-id': null } }), 400, '400003', 'Missing header');
    assertGatewayError(await aepCall(sim, 'GET', '/destinations', { headers: { 'x-gw-ims-org-id': 'FFFF0000FFFF0000FFFF0000@AdobeOrg' } }), 403, '403025', 'Profile is not valid');
    assertProblem(await aepCall(sim, 'GET', '/destinations', { headers: { 'x-sandbox-name': null } }), 400, /x-sandbox-name/);
    assertProblem(await aepCall(sim, 'GET', '/destinations', { headers: { 'x-sandbox-name': 'staging' } }), 403, /Sandbox staging/);
  }));

test('a body without Content-Type application/json gets the documented 400', () =>
  withAepSimulator(async (sim) => {
    const r = await aepCall(sim, 'POST', '/destination-servers', { body: exampleConfig('destination-server'), headers: { 'content-type': 'text/plain' } });
    assert.equal(r.status, 400);
    assert.deepEqual(r.body, { type: '/placeholder/type/uri', status: 400, title: 'BadRequestError', detail: 'A valid content-type must be specified' });
    assert.deepEqual((await aepCall(sim, 'GET', '/destination-servers')).body, [], 'nothing was created');
  }));

test("a body that breaks Adobe's schema is refused with 400 and nothing is stored", () =>
  withAepSimulator(async (sim) => {
    const bad = { ...exampleConfig('destination'), customerDataFields: 'adAccountId' };
    assertProblem(await aepCall(sim, 'POST', '/destinations', { body: bad }), 400, /customerDataFields must be array/);
    assertProblem(await aepCall(sim, 'POST', '/destinations', { body: '{"name": ' }), 400, /not valid JSON/);
    assert.deepEqual((await aepCall(sim, 'GET', '/destinations')).body, []);
  }));

test('sandboxes are isolated: what one holds, another does not see', () =>
  withAepSimulator(async (sim) => {
    const created = await aepCall(sim, 'POST', '/destination-servers', { body: exampleConfig('destination-server'), headers: { 'x-sandbox-name': 'dev' } });
    const id = created.body.instanceId;
    assert.equal((await aepCall(sim, 'GET', '/destination-servers', { headers: { 'x-sandbox-name': 'dev' } })).body.length, 1);
    assert.deepEqual((await aepCall(sim, 'GET', '/destination-servers')).body, []);
    assertProblem(await aepCall(sim, 'GET', `/destination-servers/${id}`), 404);
    assertProblem(await aepCall(sim, 'PUT', `/destination-servers/${id}`, { body: exampleConfig('destination-server') }), 404);
    assertProblem(await aepCall(sim, 'DELETE', `/destination-servers/${id}`), 404);
    assert.equal((await aepCall(sim, 'GET', `/destination-servers/${id}`, { headers: { 'x-sandbox-name': 'dev' } })).status, 200);
  }));

test('publishing: submit answers 201 with a PUBLIC request in REVIEW beside the DEV copy; status reads it back', () =>
  withAepSimulator(async (sim) => {
    const destination = await aepCall(sim, 'POST', '/destinations', { body: exampleConfig('destination') });
    const id = destination.body.instanceId;
    const submitted = await aepCall(sim, 'POST', '/destinations/publish', { body: { destinationId: id, destinationAccess: 'ALL' } });
    assert.equal(submitted.status, 201);
    assert.equal(submitted.body.destinationId, id);
    const types = submitted.body.publishDetailsList.map((d: any) => `${d.destinationType}:${d.status}`);
    assert.deepEqual(types, ['DEV:TEST', 'PUBLIC:REVIEW']);
    assert.deepEqual(submitted.body.publishDetailsList[1].allowedOrgs, ['*']);
    assert.match(submitted.body.publishDetailsList[1].publishedDate, /^\d+$/);
    const status = await aepCall(sim, 'GET', `/destinations/publish/${id}`);
    assert.deepEqual(status.body, submitted.body);
    assert.deepEqual((await aepCall(sim, 'GET', '/destinations/publish')).body, [submitted.body]);
    assertProblem(await aepCall(sim, 'GET', '/destinations/publish/00000000-0000-4000-8000-000000000000'), 404);
    assertProblem(await aepCall(sim, 'POST', '/destinations/publish', { body: { destinationId: '00000000-0000-4000-8000-000000000000', destinationAccess: 'ALL' } }), 400);
    assertProblem(await aepCall(sim, 'POST', '/destinations/publish', { body: { destinationId: id, destinationAccess: 'SOME' } }), 400, /destinationAccess/);
  }));

test('publishDecision (opt-in, not done by AEP) settles a review', () =>
  withAepSimulator(
    async (sim) => {
      const destination = await aepCall(sim, 'POST', '/destinations', { body: exampleConfig('destination') });
      const id = destination.body.instanceId;
      await aepCall(sim, 'POST', '/destinations/publish', { body: { destinationId: id, destinationAccess: 'ALL' } });
      const status = await aepCall(sim, 'GET', `/destinations/publish/${id}`);
      assert.equal(status.body.publishDetailsList[1].status, 'PUBLISHED');
    },
    { publishDecision: 'PUBLISHED' },
  ));

test('the IMS token endpoint issues bearer tokens for the seeded client credentials only', () =>
  withAepSimulator(async (sim) => {
    const form = (fields: Record<string, string>) =>
      fetch(sim.imsUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const good = { grant_type: 'client_credentials', client_id: sim.seed.clientId, client_secret: sim.seed.clientSecret, scope: 'openid,AdobeID' };
    const ok = await form(good);
    assert.equal(ok.status, 200);
    const token = (await ok.json()) as any;
    assert.equal(token.token_type, 'bearer');
    assert.equal(token.expires_in, 86399);
    assert.equal((await aepCall(sim, 'GET', '/destinations', { headers: { authorization: `Bearer ${token.access_token}` } })).status, 200);

    const wrongSecret = await form({ ...good, client_secret: 'p8e-wrong' });
    assert.equal(wrongSecret.status, 401);
    assert.equal(((await wrongSecret.json()) as any).error, 'invalid_client');
    const unknownClient = await form({ ...good, client_id: 'nobody' });
    assert.equal(((await unknownClient.json()) as any).error, 'invalid_client');
    const noScope = await form({ grant_type: 'client_credentials', client_id: sim.seed.clientId, client_secret: sim.seed.clientSecret });
    assert.equal(noScope.status, 400);
    assert.equal(((await noScope.json()) as any).error, 'invalid_request');
    const grant = await form({ ...good, grant_type: 'password' });
    assert.equal(((await grant.json()) as any).error, 'unsupported_grant_type');
  }));

test('tokens expire after the lifetime the IMS endpoint announced', async () => {
  let clock = Date.parse('2026-11-01T00:00:00Z');
  await withAepSimulator(
    async (sim) => {
      const res = await fetch(sim.imsUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: sim.seed.clientId, client_secret: sim.seed.clientSecret, scope: 'openid' }),
      });
      const { access_token: token, expires_in: seconds } = (await res.json()) as any;
      assert.equal(seconds, 120);
      const headers = { authorization: `Bearer ${token}` };
      assert.equal((await aepCall(sim, 'GET', '/destinations', { headers })).status, 200);
      clock += 120_000;
      assertGatewayError(await aepCall(sim, 'GET', '/destinations', { headers }), 401, '401013', 'Oauth token is not valid');
    },
    { tokenLifetimeSeconds: 120, now: () => clock },
  );
});

test('unknown paths and methods', () =>
  withAepSimulator(async (sim) => {
    assertProblem(await aepCall(sim, 'GET', '/credentials-nope'), 404);
    const r = await aepCall(sim, 'PATCH', '/destinations');
    assertProblem(r, 405);
    assert.equal(r.headers.get('allow'), 'GET, POST');
  }));

test('faults: a 429 or 5xx is decided before the request takes effect', () =>
  withAepSimulator(
    async (sim) => {
      const outcomes: number[] = [];
      for (let i = 0; i < 6; i++) outcomes.push((await aepCall(sim, 'POST', '/destination-servers', { body: exampleConfig('destination-server') })).status);
      assert.ok(outcomes.includes(429) && outcomes.includes(503), outcomes.join(','));
      // The reads draw faults too: read until one answers, then it lists exactly the creates that got 200.
      let list: any;
      for (let i = 0; i < 20 && !Array.isArray(list); i++) list = (await aepCall(sim, 'GET', '/destination-servers')).body;
      assert.ok(Array.isArray(list));
      assert.equal(list.length, outcomes.filter((s) => s === 200).length);
    },
    { faults: '429:0.4,503:0.4', seed: 7 },
  ));

test('failOperations (opt-in, not done by AEP) refuses one operation with the given status', () =>
  withAepSimulator(
    async (sim) => {
      assert.equal((await aepCall(sim, 'POST', '/destination-servers', { body: exampleConfig('destination-server') })).status, 200);
      assertProblem(await aepCall(sim, 'POST', '/destinations', { body: exampleConfig('destination') }), 400, /failOperations/);
      assert.deepEqual((await aepCall(sim, 'GET', '/destinations')).body, []);
    },
    { failOperations: { createDestination: 400 } },
  ));
