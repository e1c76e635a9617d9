// Derives the Pinterest v5 contract the local simulator enforces from Pinterest's own published
// OpenAPI description, so the simulator validates requests (and its tests validate responses)
// against what Pinterest publishes rather than against our reading of it.
//
// Input:  spec/pinterest/openapi.yaml + SOURCE.md (override with --source DIR)
// Output: src/simulator/contract/pinterest-v5.json (committed, generated data; do not edit)
//
// The output keeps, for each operation the simulator serves: method, path, parameters ($refs
// inlined), request body (content type, required flag, schema), response schemas by status,
// security requirements, the flattened scope alternatives, and the vendor extensions
// x-ratelimit-category / x-sandbox. Schemas keep their `#/components/schemas/X` references; the
// transitive closure of referenced schemas (including discriminator mapping targets, which are
// not `$ref`s) is copied into `components.schemas` unchanged.
//
// Usage: node scripts/derive-pinterest-contract.mjs [--source DIR] [--out FILE] [--check]
//   --check  exit 1 if the committed file differs from what would be generated (for CI).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { servedOperations, writeOrCheck } from './openapi-operations.mjs';

const SERVED_OPERATIONS = [
  'oauth/token',
  'user_account/get',
  'ad_accounts/list',
  'ad_accounts/get',
  'customer_lists/list',
  'customer_lists/create',
  'customer_lists/get',
  'customer_lists/update',
  'audiences/list',
  'audiences/create',
  'audiences/get',
  'audiences/update',
];

const { values } = parseArgs({
  options: {
    source: { type: 'string', default: fileURLToPath(new URL('../spec/pinterest/', import.meta.url)) },
    out: { type: 'string', default: fileURLToPath(new URL('../src/simulator/contract/pinterest-v5.json', import.meta.url)) },
    check: { type: 'boolean', default: false },
  },
});

const sourceDir = values.source.endsWith('/') ? values.source : `${values.source}/`;
const yamlText = readFileSync(`${sourceDir}openapi.yaml`, 'utf8');
const sourceMd = readFileSync(`${sourceDir}SOURCE.md`, 'utf8');
// Pinterest's file parses cleanly, but `strict: false` matches how the rest of the project reads
// vendor OpenAPI files (see docs/architecture.md on Adobe's file).
const spec = parse(yamlText, { strict: false });

const commit = /\|\s*Commit\s*\|\s*`([0-9a-f]{40})`/.exec(sourceMd)?.[1];
const repository = /\|\s*Repository\s*\|\s*(\S+)\s*\|/.exec(sourceMd)?.[1];
const licenceBlock = /## Licence[\s\S]*?```\n([\s\S]*?)```/.exec(sourceMd)?.[1];
if (!commit || !repository || !licenceBlock) {
  throw new Error(`SOURCE.md in ${sourceDir} lacks the commit, repository or licence block this script quotes.`);
}

function resolveLocal(ref) {
  if (!ref.startsWith('#/')) throw new Error(`Only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((node, key) => {
      if (node === undefined || !(key in node)) throw new Error(`Unresolvable $ref ${ref}`);
      return node[key];
    }, spec);
}

// Schema names reachable from a node: `$ref`s and discriminator mapping targets.
const schemaNames = new Set();
function collect(node) {
  if (Array.isArray(node)) return node.forEach(collect);
  if (!node || typeof node !== 'object') return;
  const targets = [];
  if (typeof node.$ref === 'string') targets.push(node.$ref);
  if (node.discriminator?.mapping) targets.push(...Object.values(node.discriminator.mapping));
  for (const ref of targets) {
    const m = /^#\/components\/schemas\/(.+)$/.exec(ref);
    if (!m) throw new Error(`Unexpected schema reference ${ref}`);
    if (!schemaNames.has(m[1])) {
      schemaNames.add(m[1]);
      collect(resolveLocal(ref));
    }
  }
  for (const [key, value] of Object.entries(node)) if (key !== '$ref') collect(value);
}

// Inline `#/components/parameters/*`, `#/components/requestBodies/*` and `#/components/responses/*`
// so an operation reads on its own; schema refs stay refs.
function inlineNonSchema(node) {
  if (node && typeof node === 'object' && typeof node.$ref === 'string' && !node.$ref.startsWith('#/components/schemas/')) {
    return inlineNonSchema(resolveLocal(node.$ref));
  }
  return node;
}

function flattenScopes(security) {
  // Each alternative: { scheme, scopes }. The simulator accepts a request when any alternative holds.
  return (security ?? []).flatMap((req) => Object.entries(req).map(([scheme, scopes]) => ({ scheme, scopes })));
}

const operations = {};
for (const { id, path, method, op, parameters, requestBody, responses } of servedOperations(spec, SERVED_OPERATIONS, inlineNonSchema)) {
  const security = op.security ?? spec.security ?? [];
  operations[id] = {
    operationId: id,
    method: method.toUpperCase(),
    path,
    summary: op.summary ?? '',
    parameters,
    requestBody,
    responses,
    security,
    securityAlternatives: flattenScopes(security),
    rateLimitCategory: op['x-ratelimit-category'] ?? null,
    sandbox: op['x-sandbox'] ?? null,
  };
  collect(operations[id]);
}

const schemas = {};
for (const name of [...schemaNames].sort()) schemas[name] = resolveLocal(`#/components/schemas/${name}`);

const contract = {
  _licence:
    'Derived from Pinterest\'s OpenAPI description of the Pinterest REST API v5 (pinterest/api-description, MIT licence). ' +
    'The MIT notice of that repository follows, verbatim:\n\n' +
    licenceBlock.trimEnd(),
  _generated: 'Generated by scripts/derive-pinterest-contract.mjs. Do not edit by hand; re-run the script.',
  source: {
    repository,
    path: 'v5/openapi.yaml',
    commit,
    version: spec.info.version,
    openapi: spec.openapi,
    sha256: createHash('sha256').update(yamlText).digest('hex'),
  },
  servers: spec.servers,
  securitySchemes: Object.fromEntries(
    Object.entries(spec.components.securitySchemes).map(([name, s]) => [
      name,
      // Scope descriptions repeat per flow; keep the scheme type and the scope names only.
      s.type === 'oauth2'
        ? { type: s.type, flows: Object.fromEntries(Object.entries(s.flows).map(([f, v]) => [f, { ...v, scopes: Object.keys(v.scopes ?? {}) }])) }
        : s,
    ]),
  ),
  operations,
  components: { schemas },
};

const text = `${JSON.stringify(contract, null, 2)}\n`;
writeOrCheck(values.out, text, values.check, 'scripts/derive-pinterest-contract.mjs', `${SERVED_OPERATIONS.length} operations, ${schemaNames.size} schemas`);
