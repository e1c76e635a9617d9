import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorObject } from 'ajv';
import { createAjv, loadSchema } from './support';

const ajv = createAjv();
const validate = {
  destination: ajv.compile(loadSchema('destination')),
  server: ajv.compile(loadSchema('destination-server')),
  template: ajv.compile(loadSchema('audience-template')),
  activation: ajv.compile(loadSchema('activation')),
};

/** A Pinterest Customer List destination as this project expects authors to write it. */
function pinterestDestination(): Record<string, any> {
  return {
    name: 'Pinterest Customer List',
    description: 'Build Pinterest audiences from customer lists.',
    status: 'TEST',
    customerAuthenticationConfigurations: [
      {
        authType: 'OAUTH2',
        grant: 'OAUTH2_AUTHORIZATION_CODE',
        authorizationUrl: 'https://www.pinterest.com/oauth/',
        accessTokenUrl: 'https://api.pinterest.com/v5/oauth/token',
        refreshTokenUrl: 'https://api.pinterest.com/v5/oauth/token',
        clientId: 'client-id',
        clientSecret: 'client-secret',
        scope: ['ads:read', 'ads:write'],
      },
    ],
    customerDataFields: [{ name: 'adAccountId', title: 'Ad Account ID', type: 'string', isRequired: true, pattern: '^[0-9]+$' }],
    uiAttributes: { documentationLink: 'https://www.adobe.com/go/destinations-pinterest-en', category: 'advertising', connectionType: 'Server-to-server', frequency: 'Streaming' },
    identityNamespaces: {
      pinterest_audience: { acceptsAttributes: false, acceptsCustomNamespaces: false, acceptedGlobalNamespaces: { GAID: {}, IDFA: {}, Email: {}, Email_LC_SHA256: {} } },
    },
    schemaConfig: { profileRequired: false, segmentRequired: true, identityRequired: true, segmentNamespaceDenyList: [] },
    segmentMappingConfig: { mapExperiencePlatformSegmentId: false, mapExperiencePlatformSegmentName: false, mapUserInput: false },
    audienceMetadataConfig: { audienceTemplateId: 'c9fd5b71-3d83-4c43-8f3c-0a3c4f8a1a11' },
    destinationDelivery: [{ authenticationRule: 'CUSTOMER_AUTHENTICATION', destinationServerId: '9c77000a-4559-40ae-9119-a04324a3ecd4' }],
    aggregation: {
      aggregationType: 'CONFIGURABLE_AGGREGATION',
      configurableAggregation: { splitUserById: false, maxBatchAgeInSecs: 1800, maxNumEventsInBatch: 5000, aggregationKey: { includeSegmentId: true, includeSegmentStatus: true } },
    },
  };
}

function activation(): Record<string, any> {
  return {
    $schema: '../../schemas/activation.schema.json',
    connection: { name: 'Pinterest test', description: 'local run', customerData: { adAccountId: '549755885175' } },
    files: { destination: 'destination.json', destinationServer: 'destination-server.json', audienceTemplate: 'audience-template.json' },
    environment: 'local',
    mappings: [{ source: 'Email', target: 'pinterest_audience', applyTransformation: true }],
    audiences: [{ id: '5b998cb9-9488-4ec3-8d95-fa8338ced490', namespace: 'ups', name: 'Loyal buyers', alias: '549755885175' }],
    profiles: ['profiles.json', 'more.csv'],
  };
}

function errorsOf(v: (typeof validate)[keyof typeof validate], data: unknown): ErrorObject[] {
  assert.equal(v(data), false, 'expected the document to be rejected');
  return v.errors ?? [];
}

function assertError(errors: ErrorObject[], instancePath: string, keyword: string): ErrorObject {
  const hit = errors.find((e) => e.instancePath === instancePath && e.keyword === keyword);
  assert.ok(hit, `no ${keyword} error at "${instancePath}"; got ${JSON.stringify(errors.map((e) => [e.instancePath, e.keyword]))}`);
  return hit;
}

test('a Pinterest destination and an activation as the project expects them are valid', () => {
  assert.equal(validate.destination(pinterestDestination()), true, JSON.stringify(validate.destination.errors));
  assert.equal(validate.activation(activation()), true, JSON.stringify(validate.activation.errors));
});

test('frequency values are case-sensitive: "streaming" is rejected at /uiAttributes/frequency', () => {
  const d = pinterestDestination();
  d.uiAttributes.frequency = 'streaming';
  const e = assertError(errorsOf(validate.destination, d), '/uiAttributes/frequency', 'enum');
  assert.deepEqual(e.params, { allowedValues: ['Streaming', 'Batch'] });
});

test('authType values are case-sensitive: "oauth2" is rejected', () => {
  const d = pinterestDestination();
  d.customerAuthenticationConfigurations[0].authType = 'oauth2';
  assertError(errorsOf(validate.destination, d), '/customerAuthenticationConfigurations/0/authType', 'enum');
});

test('configurable aggregation bounds: maxNumEventsInBatch 50 and maxBatchAgeInSecs 300 are rejected', () => {
  const d = pinterestDestination();
  d.aggregation.configurableAggregation.maxNumEventsInBatch = 50;
  d.aggregation.configurableAggregation.maxBatchAgeInSecs = 300;
  const errors = errorsOf(validate.destination, d);
  assertError(errors, '/aggregation/configurableAggregation/maxNumEventsInBatch', 'minimum');
  assertError(errors, '/aggregation/configurableAggregation/maxBatchAgeInSecs', 'minimum');
  d.aggregation.configurableAggregation.maxNumEventsInBatch = 10001;
  d.aggregation.configurableAggregation.maxBatchAgeInSecs = 301;
  const errors2 = errorsOf(validate.destination, d);
  assertError(errors2, '/aggregation/configurableAggregation/maxNumEventsInBatch', 'maximum');
  assert.equal(errors2.length, 1, '301 seconds is allowed (the 1800 warning is a semantic rule)');
});

test('a customer data field without a type, and best effort with maxUsersPerRequest 0, are rejected', () => {
  const d = pinterestDestination();
  delete d.customerDataFields[0].type;
  d.aggregation = { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { maxUsersPerRequest: 0 } };
  const errors = errorsOf(validate.destination, d);
  assertError(errors, '/customerDataFields/0', 'required');
  assertError(errors, '/aggregation/bestEffortAggregation/maxUsersPerRequest', 'minimum');
});

test('audienceTemplateId must be a string (older docs wrongly called it Boolean)', () => {
  const d = pinterestDestination();
  d.segmentMappingConfig.audienceTemplateId = true;
  assertError(errorsOf(validate.destination, d), '/segmentMappingConfig/audienceTemplateId', 'type');
});

test('unknown keys stay allowed by the schema (a separate rule reports them)', () => {
  const d = pinterestDestination();
  d.someFutureKey = { anything: 1 };
  d.uiAttributes.alsoUnknown = true;
  assert.equal(validate.destination(d), true);
});

test('a server without name is rejected at the root, naming the missing property', () => {
  const server = {
    destinationServerType: 'URL_BASED',
    urlBasedDestination: { url: { templatingStrategy: 'NONE', value: 'https://api.pinterest.com/v5/ad_accounts' } },
    httpTemplate: { httpMethod: 'PATCH', contentType: 'application/json', requestBody: { templatingStrategy: 'PEBBLE_V1', value: '{{ input.profiles | raw }}' } },
  };
  const e = assertError(errorsOf(validate.server, server), '', 'required');
  assert.deepEqual(e.params, { missingProperty: 'name' });
});

test('a URL_BASED server needs urlBasedDestination, and templatingStrategy is case-sensitive', () => {
  const errors = errorsOf(validate.server, {
    name: 'x',
    destinationServerType: 'URL_BASED',
    httpTemplate: { httpMethod: 'POST', requestBody: { templatingStrategy: 'pebble_v1', value: '{}' } },
  });
  assertError(errors, '', 'required');
  assertError(errors, '/httpTemplate/requestBody/templatingStrategy', 'enum');
});

test('an audience template without metadataTemplate is rejected', () => {
  const e = assertError(errorsOf(validate.template, { validations: [] }), '', 'required');
  assert.deepEqual(e.params, { missingProperty: 'metadataTemplate' });
});

test('activation: alias "abc" is rejected at /audiences/0/alias', () => {
  const a = activation();
  a.audiences[0].alias = 'abc';
  assertError(errorsOf(validate.activation, a), '/audiences/0/alias', 'pattern');
  a.audiences[0].alias = '1234567890123456789';
  assertError(errorsOf(validate.activation, a), '/audiences/0/alias', 'pattern');
});

test('activation: connection name, files.destination, a mapping and an audience are required', () => {
  const a = activation();
  delete a.connection.name;
  delete a.files.destination;
  a.mappings = [];
  a.audiences = [];
  a.environment = 'Production';
  const errors = errorsOf(validate.activation, a);
  assertError(errors, '/connection', 'required');
  assertError(errors, '/files', 'required');
  assertError(errors, '/mappings', 'minItems');
  assertError(errors, '/audiences', 'minItems');
  assertError(errors, '/environment', 'enum');
});

test('activation: profiles may be one path or a list of paths, nothing else', () => {
  const a = activation();
  a.profiles = 'profiles.jsonl';
  assert.equal(validate.activation(a), true);
  a.profiles = 42;
  assertError(errorsOf(validate.activation, a), '/profiles', 'anyOf');
  delete a.profiles;
  assertError(errorsOf(validate.activation, a), '', 'required');
});
