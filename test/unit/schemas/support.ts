/** Shared helpers of the schema tests: load the schemas and fixtures, compile with the project's Ajv settings, walk schemas. */
import { readFileSync, readdirSync } from 'node:fs';

export type Schema = { [key: string]: unknown };
export type Kind = 'destination' | 'destination-server' | 'audience-template' | 'activation';
export const KINDS: Kind[] = ['destination', 'destination-server', 'audience-template', 'activation'];

const root = new URL('../../../', import.meta.url);
export const fixturesDir = new URL('test/fixtures/adobe/', root);

export function readJson(url: URL): unknown {
  return JSON.parse(readFileSync(url, 'utf8'));
}

export function loadSchema(kind: Kind): Schema {
  return readJson(new URL(`schemas/${kind}.schema.json`, root)) as Schema;
}

/** The product's own ajv (options and annotation keywords), so the tests judge what users get. */
export { createAjv } from '../../../src/core/schema/schemas';

export function adobeFixtures(): { file: string; kind: Exclude<Kind, 'activation'> }[] {
  return readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const kind = file.startsWith('destination-server-')
        ? 'destination-server'
        : file.startsWith('audience-template-')
          ? 'audience-template'
          : 'destination';
      return { file, kind };
    });
}

export function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Resolves an in-document `#/definitions/...` (or OpenAPI `#/components/schemas/...`) reference. */
export function resolveRef(doc: Schema, ref: string): Schema {
  let node: unknown = doc;
  for (const part of ref.replace(/^#\//, '').split('/')) {
    if (!isSchema(node)) throw new Error(`cannot resolve ${ref}`);
    node = node[part];
  }
  if (!isSchema(node)) throw new Error(`cannot resolve ${ref}`);
  return node;
}

/**
 * Every property path a schema declares, as dotted names. Arrays are transparent (their items'
 * properties continue the path) and map values (`additionalProperties` schemas) appear as `*`,
 * so `identityNamespaces.*.acceptsAttributes` names a key of every target identity.
 */
export function propertyPaths(doc: Schema, start: Schema): Set<string> {
  const out = new Set<string>();
  const walk = (s: Schema, prefix: string, seen: Set<Schema>): void => {
    if (seen.has(s)) return;
    const next = new Set(seen).add(s);
    if (typeof s.$ref === 'string') walk(resolveRef(doc, s.$ref), prefix, next);
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const list = s[key];
      if (Array.isArray(list)) for (const sub of list) if (isSchema(sub)) walk(sub, prefix, next);
    }
    if (isSchema(s.items)) walk(s.items, prefix, next);
    if (isSchema(s.additionalProperties)) walk(s.additionalProperties, `${prefix}*.`, next);
    if (isSchema(s.properties)) {
      for (const [name, sub] of Object.entries(s.properties)) {
        out.add(prefix + name);
        if (isSchema(sub)) walk(sub, `${prefix}${name}.`, next);
      }
    }
  };
  walk(start, '', new Set());
  return out;
}
