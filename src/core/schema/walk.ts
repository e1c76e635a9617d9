/**
 * Which schema nodes describe a given place in a value. Used by rules that need the schema's
 * declared keys (unknown-property detection) — not a validator: ajv does the validating.
 * Composition (`$ref`, `allOf`, `anyOf`, `oneOf`, `if/then/else`) is flattened into a set of nodes.
 */
import type { JsonSchema } from './schemas';

function resolveRef(root: JsonSchema, ref: string): JsonSchema | undefined {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = root;
  for (const seg of ref.slice(2).split('/')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node && typeof node === 'object' ? (node as JsonSchema) : undefined;
}

/** All nodes a schema stands for once its composition is expanded. */
export function expand(root: JsonSchema, nodes: readonly JsonSchema[]): JsonSchema[] {
  const out: JsonSchema[] = [];
  const seen = new Set<JsonSchema>();
  const stack = [...nodes];
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    out.push(n);
    if (typeof n.$ref === 'string') {
      const target = resolveRef(root, n.$ref);
      if (target) stack.push(target);
    }
    for (const k of ['allOf', 'anyOf', 'oneOf']) {
      const list = n[k];
      if (Array.isArray(list)) for (const s of list) if (s && typeof s === 'object') stack.push(s as JsonSchema);
    }
    for (const k of ['then', 'else']) {
      const s = n[k];
      if (s && typeof s === 'object') stack.push(s as JsonSchema);
    }
  }
  return out;
}

export interface ObjectShape {
  /** Declared property names; undefined when the object is an open map. */
  known: Set<string> | undefined;
  child(key: string): JsonSchema[];
}

// Shapes are cached per node list, and child lists are reused, so walking 10,000 array items of
// one schema expands that schema once.
const shapes = new WeakMap<readonly JsonSchema[], ObjectShape>();
const items = new WeakMap<readonly JsonSchema[], JsonSchema[]>();

export function objectShape(root: JsonSchema, nodes: readonly JsonSchema[]): ObjectShape {
  let shape = shapes.get(nodes);
  if (!shape) shapes.set(nodes, (shape = computeShape(root, nodes)));
  return shape;
}

function computeShape(root: JsonSchema, nodes: readonly JsonSchema[]): ObjectShape {
  const all = expand(root, nodes);
  const children = new Map<string, JsonSchema[]>();
  let open = false;
  let declared = false;
  const known = new Set<string>();
  for (const n of all) {
    const props = n.properties as Record<string, JsonSchema> | undefined;
    if (props) {
      declared = true;
      for (const k of Object.keys(props)) known.add(k);
    }
    const extra = n.additionalProperties;
    if ((extra && typeof extra === 'object') || extra === true || n.patternProperties) open = true;
  }
  return {
    known: declared && !open ? known : undefined,
    child(key) {
      const cached = children.get(key);
      if (cached) return cached;
      const out: JsonSchema[] = [];
      for (const n of all) {
        const s = (n.properties as Record<string, JsonSchema> | undefined)?.[key];
        if (s) out.push(s);
        else if (n.additionalProperties && typeof n.additionalProperties === 'object') out.push(n.additionalProperties as JsonSchema);
      }
      children.set(key, out);
      return out;
    },
  };
}

export function itemSchemas(root: JsonSchema, nodes: readonly JsonSchema[]): JsonSchema[] {
  let out = items.get(nodes);
  if (!out) {
    out = [];
    for (const n of expand(root, nodes)) if (n.items && typeof n.items === 'object' && !Array.isArray(n.items)) out.push(n.items as JsonSchema);
    items.set(nodes, out);
  }
  return out;
}
