import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isSchema, loadSchema, propertyPaths, type Kind, type Schema } from './support';

// Adobe's OpenAPI, vendored in spec/adobe (PINDEST_AEP_OPENAPI may point at a newer copy).
// It has an indentation slip near line 6754 that strict YAML parsers reject: read it with strict: false.
const OPENAPI_PATH =
  process.env.PINDEST_AEP_OPENAPI ?? fileURLToPath(new URL('../../../spec/adobe/destination-authoring.yaml', import.meta.url));
const openapi = parse(readFileSync(OPENAPI_PATH, 'utf8'), { strict: false }) as Schema;
const components = isSchema(openapi.components) && isSchema(openapi.components.schemas) ? openapi.components.schemas : {};

/** Which OpenAPI schemas each of our schemas must cover, and at which path prefix. */
const COVERAGE: Record<Exclude<Kind, 'activation'>, [openapiSchema: string, prefix: string][]> = {
  destination: [
    ['destination', ''],
    ['destinationResponse', ''],
    ['destinationDeliveryItem', 'destinationDelivery.'],
    ['customerDataField', 'customerDataFields.'],
    ['customerAuthenticationConfiguration', 'customerAuthenticationConfigurations.'],
    ['bearerAuthenticationConfiguration', 'customerAuthenticationConfigurations.'],
    ['oauth2CustomerAuthenticationConfiguration', 'customerAuthenticationConfigurations.'],
    ['authenticationDataField', 'customerAuthenticationConfigurations.authenticationDataFields.'],
    ['destinationServerAccessTokenRefresh', 'customerAuthenticationConfigurations.accessTokenRequest.'],
    ['templatizedValidation', 'customerAuthenticationConfigurations.validations.'],
    ['identityNamespaces', 'identityNamespaces.'],
    ['identityNamespace', 'identityNamespaces.*.'],
    ['configurableAggregation', 'aggregation.configurableAggregation.'],
    ['IdentityGroup', 'aggregation.configurableAggregation.aggregationKey.groups.'],
  ],
  'destination-server': [
    ['destinationServer', ''],
    ['destinationServerResponse', ''],
    ['server', ''],
    ['Streaming_Destination_Server_Request', ''],
    ['Amazon_S3_Destination_Server_Request', ''],
    ['SFTP_Destination_Server_Request', ''],
    ['Azure_Blob_Destination_Server_Request', ''],
    ['Azure_Data_Lake_Storage_Gen2_Destination_Server_Request', ''],
    ['Data_Landing_Zone_Destination_Server_Request', ''],
    ['Google_Cloud_Storage_Destination_Server_Request', ''],
    ['namedTemplateString', 'responseFields.'],
    ['header', 'httpTemplate.headers.'],
  ],
  'audience-template': [
    ['audienceTemplate', ''],
    ['audienceTemplateResponse', ''],
    ['metadataTemplate', 'metadataTemplate.'],
    ['audienceRestTemplate', 'metadataTemplate.create.'],
    ['validation', 'validations.'],
    ['headerKeyValuePair', 'metadataTemplate.create.headers.'],
    ['templateKeyValuePair', 'metadataTemplate.create.responseFields.'],
  ],
};

test('the OpenAPI description parses and holds the schemas this test reads', () => {
  for (const list of Object.values(COVERAGE)) {
    for (const [name] of list) assert.ok(isSchema(components[name]), `OpenAPI has no components.schemas.${name}`);
  }
});

for (const [kind, list] of Object.entries(COVERAGE) as [Exclude<Kind, 'activation'>, [string, string][]][]) {
  test(`${kind}: every property of Adobe's OpenAPI is declared in our schema`, () => {
    const ours = loadSchema(kind);
    const declared = propertyPaths(ours, ours);
    const missing: string[] = [];
    let checked = 0;
    for (const [name, prefix] of list) {
      const start = components[name];
      if (!isSchema(start)) continue;
      for (const path of propertyPaths(openapi, start)) {
        checked++;
        if (!declared.has(prefix + path)) missing.push(`${name}: ${prefix + path}`);
      }
    }
    assert.ok(checked > 20, `only ${checked} OpenAPI paths checked`);
    assert.deepEqual(missing, []);
  });
}

test('our enums contain every OpenAPI enum value (unions where docs and OpenAPI differ)', () => {
  const enumsByName = (doc: Schema, start: Schema): Map<string, Set<unknown>> => {
    const out = new Map<string, Set<unknown>>();
    const walk = (s: Schema, name: string, seen: Set<Schema>): void => {
      if (seen.has(s)) return;
      const next = new Set(seen).add(s);
      if (typeof s.$ref === 'string') {
        let node: unknown = doc;
        for (const part of s.$ref.replace(/^#\//, '').split('/')) node = isSchema(node) ? node[part] : undefined;
        if (isSchema(node)) walk(node, name, next);
      }
      if (Array.isArray(s.enum)) {
        const set = out.get(name) ?? new Set<unknown>();
        for (const v of s.enum) set.add(v);
        out.set(name, set);
      }
      for (const key of ['allOf', 'anyOf', 'oneOf']) {
        const l = s[key];
        if (Array.isArray(l)) for (const sub of l) if (isSchema(sub)) walk(sub, name, next);
      }
      if (isSchema(s.items)) walk(s.items, name, next);
      if (isSchema(s.additionalProperties)) walk(s.additionalProperties, name, next);
      if (isSchema(s.properties)) for (const [k, sub] of Object.entries(s.properties)) if (isSchema(sub)) walk(sub, k, next);
    };
    walk(start, '', new Set());
    return out;
  };
  const problems: string[] = [];
  for (const [kind, list] of Object.entries(COVERAGE) as [Exclude<Kind, 'activation'>, [string, string][]][]) {
    const ours = loadSchema(kind);
    const ourEnums = enumsByName(ours, ours);
    for (const [name] of list) {
      const start = components[name];
      if (!isSchema(start)) continue;
      for (const [prop, values] of enumsByName(openapi, start)) {
        const mine = ourEnums.get(prop);
        for (const v of values) if (!mine?.has(v)) problems.push(`${kind} ${name}.${prop}: ${String(v)}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
