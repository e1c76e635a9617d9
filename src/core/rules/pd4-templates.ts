/**
 * What the template rules PD401–PD407 share: which strings of a file are Pebble templates (and for
 * which slot: server or audience template), one parse per distinct template text for all seven
 * rules, the facts of the destination a server template is rendered for (profile vs profiles, the
 * active aggregation key), and the synthetic context PD406 renders with.
 *
 * Not a rule: the file name keeps it next to the rules that use it.
 */
import { formatPointer, parsePointer, valueAt } from '../json/pointer';
import { asArray, asObject, asString, type Json } from '../project/project';
import { parseTemplate, resolvedPaths, type ResolvedPath, type Template, type TemplateError } from '../template';
import { destinationsFor } from './facts';
import type { RuleContext } from './rule';
import { templateStrings } from './template-strings';

export type Slot = 'server' | 'audience';

export interface PebbleString {
  pointer: string;
  text: string;
  slot: Slot;
}

/** Server strings rendered with PEBBLE_V1, and every string of an audience template. */
export function pebbleStrings(ctx: RuleContext): PebbleString[] {
  const kind = ctx.file.kind;
  if (kind !== 'destination-server' && kind !== 'audience-template') return [];
  const slot: Slot = kind === 'destination-server' ? 'server' : 'audience';
  return templateStrings(kind, ctx.value).flatMap(({ pointer, text }) => {
    if (slot === 'server') {
      const holder = asObject(valueAt(ctx.value, formatPointer(parsePointer(pointer).slice(0, -1))));
      if (holder?.templatingStrategy !== 'PEBBLE_V1') return [];
    }
    return [{ pointer, text, slot }];
  });
}

interface Parsed {
  template: Template;
  errors: TemplateError[];
  paths: ResolvedPath[] | undefined;
}

// Seven rules look at the same few templates on every keystroke: parse each text once.
const cache = new Map<string, Parsed>();
const CACHE_SIZE = 64;

export function parsed(text: string): Parsed {
  let p = cache.get(text);
  if (!p) {
    const { template, errors } = parseTemplate(text);
    p = { template, errors, paths: undefined };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(text, p);
  }
  return p;
}

/** Resolved data paths of a template (loop variables followed back to their iterables). */
export function pathsOf(text: string): ResolvedPath[] {
  const p = parsed(text);
  return (p.paths ??= resolvedPaths(p.template));
}

/** The destination configuration this server or audience template belongs to (the first one). */
export function destinationOf(ctx: RuleContext): Json | undefined {
  const [destination] = destinationsFor(ctx.file, ctx.project);
  return asObject(destination?.doc.value);
}

/** Whether AEP gives the template `input.profile` (best effort, maxUsersPerRequest 1) or `input.profiles`. */
export function profileShape(destination: Json): 'profile' | 'profiles' | undefined {
  const aggregation = asObject(destination.aggregation);
  if (!aggregation) return undefined;
  const type = asString(aggregation.aggregationType);
  if (type === 'BEST_EFFORT') {
    const max = asObject(aggregation.bestEffortAggregation)?.maxUsersPerRequest;
    return max === 1 ? 'profile' : 'profiles';
  }
  if (type === 'CONFIGURABLE_AGGREGATION') return 'profiles';
  return undefined;
}

export interface ActiveKey {
  /** Pointer in the destination file of the aggregationKey object (may not exist yet). */
  pointer: string;
  key: Json;
}

/** The aggregationKey of the aggregation type in force (an absent key has every flag off). */
export function activeAggregationKey(destination: Json): ActiveKey | undefined {
  const aggregation = asObject(destination.aggregation);
  const type = asString(aggregation?.aggregationType);
  const holder = type === 'CONFIGURABLE_AGGREGATION' ? 'configurableAggregation' : type === 'BEST_EFFORT' ? 'bestEffortAggregation' : undefined;
  if (!holder) return undefined;
  return { pointer: `/aggregation/${holder}/aggregationKey`, key: asObject(asObject(aggregation?.[holder])?.aggregationKey) ?? {} };
}

/** Target identity names (identityNamespaces keys) of the destination. */
export function targetIdentities(destination: Json): string[] {
  return Object.keys(asObject(destination.identityNamespaces) ?? {});
}

/** Path segments as a dotted name, for messages. */
export function dotted(path: ResolvedPath): string {
  return path.segments.map((s) => s.name).join('.');
}

// ---- PD406's synthetic context -------------------------------------------------------------

const SAMPLE_AUDIENCES = [
  { id: '5b3c6d1e-0000-4000-8000-000000000001', alias: '549755885175', name: 'Sample audience 1' },
  { id: '5b3c6d1e-0000-4000-8000-000000000002', alias: '549755885176', name: 'Sample audience 2' },
];

/** A deterministic 64-hex string, shaped like a SHA-256 hash: no real identifier is involved. */
function fakeHash(seed: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 64; round++) {
    for (const c of seed + round) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

function placeholder(field: Json): unknown {
  const type = asString(field.type);
  if (type === 'integer' || type === 'number') return 1;
  if (type === 'boolean') return true;
  if (type === 'object') {
    return Object.fromEntries(asArray(field.properties).flatMap((p) => {
      const o = asObject(p);
      const n = asString(o?.name);
      return o && n ? [[n, placeholder(o)]] : [];
    }));
  }
  if (type === 'array') return [];
  const enumValues = asArray(field.enum);
  if (enumValues.length) return enumValues[0];
  const pattern = asString(field.pattern) ?? '';
  return /\[0-9\]|\\d/.test(pattern) ? '1234567890' : `sample-${asString(field.name) ?? 'value'}`;
}

/** `customerData` with a placeholder value per field, typed like the field. */
export function sampleCustomerData(destination: Json): Json {
  return Object.fromEntries(asArray(destination.customerDataFields).flatMap((f) => {
    const o = asObject(f);
    const n = asString(o?.name);
    return o && n ? [[n, placeholder(o)]] : [];
  }));
}

/**
 * Two generated profiles keyed by the destination's target identities (hash-shaped ids), the first
 * entering and the second leaving a sample audience; the aggregation key per the destination's
 * flags; `destination.*` maps for the sample audiences; placeholder customer data.
 */
export function sampleContext(destination: Json, status: 'realized' | 'exited'): Json {
  const targets = targetIdentities(destination);
  const names = targets.length ? targets : ['pinterest_audience'];
  const [a1, a2] = SAMPLE_AUDIENCES as [typeof SAMPLE_AUDIENCES[0], typeof SAMPLE_AUDIENCES[0]];
  const profiles = [0, 1].map((i) => ({
    identityMap: Object.fromEntries(names.map((n) => [n, [{ id: fakeHash(`${n}-${i}`) }]])),
    segmentMembership: {
      ups: {
        [a1.id]: { lastQualificationTime: '2026-11-20T16:01:17Z', status: i === 0 ? 'realized' : 'exited' },
        [a2.id]: { lastQualificationTime: '2026-11-20T16:01:17Z', status: 'realized' },
      },
    },
    attributes: {},
  }));
  const input: Json = profileShape(destination) === 'profile' ? { profile: profiles[0] } : { profiles };
  const flags = activeAggregationKey(destination)?.key ?? {};
  const aggregationKey: Json = {};
  if (flags.includeSegmentId === true) Object.assign(aggregationKey, { segmentId: a1.id, segmentNamespace: 'ups', segmentAlias: a1.alias });
  if (flags.includeSegmentStatus === true) aggregationKey.segmentStatus = status;
  if (flags.includeIdentity === true) aggregationKey.identityNamespaces = [names[0]];
  if (Object.keys(aggregationKey).length) input.aggregationKey = aggregationKey;
  const by = <T>(f: (a: typeof a1) => T) => Object.fromEntries(SAMPLE_AUDIENCES.map((a) => [a.id, f(a)]));
  const timestamps = by(() => ({ createdAt: 1764000000, updatedAt: 1764000000, mappingCreatedAt: 1764000000, mappingUpdatedAt: 1764000000 }));
  return {
    input,
    destination: {
      namespaceSegmentAliases: { ups: by((a) => a.alias) },
      namespaceSegmentNames: { ups: by((a) => a.name) },
      namespaceSegmentTimestamps: { ups: timestamps },
      segmentAliases: by((a) => a.alias),
      segmentNames: by((a) => a.name),
      segmentTimestamps: timestamps,
    },
    customerData: sampleCustomerData(destination),
  };
}
