// Derives the Destination Authoring API contract the local AEP simulator enforces from Adobe's own
// published OpenAPI description, so the simulator validates requests (and its tests validate
// responses) against what Adobe publishes rather than against our reading of it.
//
// Input:  spec/adobe/destination-authoring.yaml + SOURCE.md (override with --source DIR)
// Output: src/simulator/contract/aep-authoring.json (committed, generated data; do not edit)
//
// Per served operation: method, path, parameters ($refs inlined; the four header parameters
// included), request body, response schemas by status. Schema `$ref`s stay refs; the closure of
// referenced schemas is copied into `components.schemas`. One repair, on the copy only: Adobe's
// `audienceTemplate` lists itself in its own `allOf`, which says nothing (a schema always holds
// for itself) but sends a validator into endless recursion, so that one entry is dropped.
//
// Usage: node scripts/derive-aep-contract.mjs [--source DIR] [--out FILE] [--check]
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { servedOperations, writeOrCheck } from './openapi-operations.mjs';

const SERVED_OPERATIONS = [
  'listDestinations',
  'createDestination',
  'retrieveDestination',
  'updateDestination',
  'deleteDestination',
  'listDestinationServer',
  'createDestinationServer',
  'retrieveDestinationServer',
  'updateDestinationServer',
  'deleteDestinationServer',
  'listAudienceTemplate',
  'createAudienceTemplate',
  'retrieveAudienceTemplate',
  'updateAudienceTemplate',
  'deleteAudienceTemplate',
  'retrieveSampleInputForDestinationInstance',
  'retrieveDestinationDefaultTemplate',
  'createTemplateRenderer',
  'postTestingDestinationInstance',
  'listPublishDestinationRequest',
  'createPublishDestinationRequest',
  'retrievePublishDestinationRequest',
];

const { values } = parseArgs({
  options: {
    source: { type: 'string', default: fileURLToPath(new URL('../spec/adobe/', import.meta.url)) },
    out: { type: 'string', default: fileURLToPath(new URL('../src/simulator/contract/aep-authoring.json', import.meta.url)) },
    check: { type: 'boolean', default: false },
  },
});

const sourceDir = values.source.endsWith('/') ? values.source : `${values.source}/`;
const yamlText = readFileSync(`${sourceDir}destination-authoring.yaml`, 'utf8');
const sourceMd = readFileSync(`${sourceDir}SOURCE.md`, 'utf8');
// Adobe's file has an indentation slip that strict YAML parsers reject (see SOURCE.md).
const spec = parse(yamlText, { strict: false });
const commit = /\|\s*Commit\s*\|\s*`([0-9a-f]{40})`/.exec(sourceMd)?.[1];
const repository = /\|\s*Repository\s*\|\s*(\S+)\s*\|/.exec(sourceMd)?.[1];
if (!commit || !repository) throw new Error(`SOURCE.md in ${sourceDir} lacks the commit or repository this script quotes.`);

function resolveLocal(ref) {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .reduce((node, key) => {
      if (node === undefined || !(key in node)) throw new Error(`Unresolvable $ref ${ref}`);
      return node[key];
    }, spec);
}

const schemaNames = new Set();
function collect(node) {
  if (Array.isArray(node)) return node.forEach(collect);
  if (!node || typeof node !== 'object') return;
  if (typeof node.$ref === 'string') {
    const m = /^#\/components\/schemas\/(.+)$/.exec(node.$ref);
    if (!m) throw new Error(`Unexpected schema reference ${node.$ref}`);
    if (!schemaNames.has(m[1])) {
      schemaNames.add(m[1]);
      collect(resolveLocal(node.$ref));
    }
  }
  for (const [key, value] of Object.entries(node)) if (key !== '$ref') collect(value);
}

const inline = (node) => (node && typeof node === 'object' && typeof node.$ref === 'string' && !node.$ref.startsWith('#/components/schemas/') ? inline(resolveLocal(node.$ref)) : node);

const operations = {};
for (const { id, path, method, op, parameters, requestBody, responses } of servedOperations(spec, SERVED_OPERATIONS, inline)) {
  operations[id] = {
    operationId: id,
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? '',
    parameters,
    requestBody,
    responses,
    securityAlternatives: [],
    rateLimitCategory: null,
    sandbox: null,
  };
  collect(operations[id]);
}

const schemas = {};
for (const name of [...schemaNames].sort()) {
  const schema = structuredClone(resolveLocal(`#/components/schemas/${name}`));
  const self = `#/components/schemas/${name}`;
  if (Array.isArray(schema.allOf)) {
    schema.allOf = schema.allOf.filter((s) => s.$ref !== self);
    if (schema.allOf.length === 0) delete schema.allOf;
  }
  schemas[name] = schema;
}

const contract = {
  _licence:
    "Derived from Adobe's OpenAPI description of the Adobe Experience Platform Destination Authoring API " +
    '(AdobeDocs/experience-platform-apis, Apache License 2.0; the licence text is spec/adobe/LICENSE).',
  _generated: 'Generated by scripts/derive-aep-contract.mjs. Do not edit by hand; re-run the script.',
  source: {
    repository,
    path: 'static/swagger-specs/destination-authoring.yaml',
    commit,
    version: spec.info.version,
    openapi: spec.openapi,
    sha256: createHash('sha256').update(yamlText).digest('hex'),
  },
  servers: spec.servers,
  operations,
  components: { schemas },
};

const text = `${JSON.stringify(contract, null, 2)}\n`;
writeOrCheck(values.out, text, values.check, 'scripts/derive-aep-contract.mjs', `${SERVED_OPERATIONS.length} operations, ${schemaNames.size} schemas`);
