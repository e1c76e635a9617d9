// What Adobe's Destination SDK testing endpoints answer, computed here so the AEP simulator answers
// from the core (the same Pebble renderer and aggregation reading as the preview):
// - sample profiles for a destination configuration, in the target schema (Adobe,
//   testing-api/streaming-destinations/sample-profile-generation-api.md, "based on the target
//   schema"): one `identityMap` entry per target identity the destination declares, each id
//   `<identity>-<5 characters>`, memberships segmentid1 and segmentid2 `realized`, segmentid3
//   `exited`; `count` 1 to 1000, default the destination's `maxUsersPerRequest`, else 1;
// - a starting template (sample-template-api.md): Adobe's texts, as `pindest template sample`
//   gives them (core/plan/sample-template.ts);
// - the render (render-template-api.md): `{results: [{profiles, output}]}`, the template errors
//   as a failure to report with 400.
import { asObject, type Json } from '../project/project';
import { aggregationPolicy, batchProfiles } from '../plan/batch';
import type { TargetProfile } from '../plan/types';
import { renderTemplate } from '../template';
import { sampleTemplate } from '../plan/sample-template';
import { defaultSampleCount } from '../profiles/generate';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** The target identities a destination declares (keys of `identityNamespaces`). */
function targetIdentities(destination: Json): string[] {
  return Object.keys(asObject(destination.identityNamespaces) ?? {});
}

export interface SampleProfileOptions {
  count?: number;
  /** Numbers in [0, 1) for the id suffixes (default Math.random: AEP's are random too). */
  random?: () => number;
  /** Qualification time of every membership (default now). */
  now?: number;
}

/** Sample profiles in the target schema, as AEP's sample-profiles endpoint generates them for `destinationId`. */
export function aepSampleProfiles(destination: Json, options: SampleProfileOptions = {}): Json[] {
  const count = options.count ?? Math.min(1000, defaultSampleCount(destination));
  const random = options.random ?? Math.random;
  const suffix = () => Array.from({ length: 5 }, () => ALPHABET[Math.floor(random() * ALPHABET.length)]).join('');
  const at = new Date(options.now ?? Date.now()).toISOString();
  const identities = targetIdentities(destination);
  return Array.from({ length: count }, () => ({
    segmentMembership: {
      ups: {
        segmentid1: { lastQualificationTime: at, status: 'realized' },
        segmentid3: { lastQualificationTime: at, status: 'exited' },
        segmentid2: { lastQualificationTime: at, status: 'realized' },
      },
    },
    identityMap: Object.fromEntries(identities.map((name) => [name, [{ id: `${name}-${suffix()}` }]])),
  }));
}

/** Whether AEP renders this destination's template with `input.profile` (one) or `input.profiles`. */
export function rendersSingleProfile(destination: Json): boolean {
  return aggregationPolicy(destination).single;
}

/** The starting message template Adobe's sample-template endpoint answers: Adobe's texts (core/plan/sample-template.ts). */
export function aepSampleTemplate(destination: Json): string {
  return sampleTemplate(destination).template;
}

export interface RenderResult {
  results: { profiles: Json[]; output: string; aggregationKey?: Json }[];
}

/**
 * The render endpoint's answer: the profiles (given, or generated as the sample-profiles endpoint
 * does) grouped and split into calls by the destination's aggregation exactly as the preview does
 * (core/plan/batch.ts), each rendered with the context a server template gets (`input`, with
 * `input.aggregationKey` for configurable aggregation, `destination`, `customerData`). The
 * `aggregationKey` of a result is shown only for configurable aggregation, as Adobe documents.
 * Throws TemplateFailure for a template that does not parse or render.
 */
export function aepRenderTemplate(destination: Json, template: string, profiles?: Json[], options: SampleProfileOptions = {}): RenderResult {
  const list = profiles && profiles.length ? profiles : aepSampleProfiles(destination, options);
  const targets: TargetProfile[] = list.map((p, source) => ({
    identityMap: (asObject(p.identityMap) ?? {}) as TargetProfile['identityMap'],
    segmentMembership: (asObject(p.segmentMembership) ?? {}) as TargetProfile['segmentMembership'],
    attributes: asObject(p.attributes) ?? {},
    source,
    origins: {},
  }));
  const configurable = asObject(destination.aggregation)?.aggregationType === 'CONFIGURABLE_AGGREGATION';
  return {
    results: batchProfiles(destination, targets, new Map()).map((batch) => {
      const shown = batch.profiles.map((p) => ({ segmentMembership: p.segmentMembership, identityMap: p.identityMap, ...(Object.keys(p.attributes).length && { attributes: p.attributes }) }));
      const input: Json = batch.single ? { profile: shown[0] } : { profiles: shown };
      const key = batch.aggregationKey ? (JSON.parse(JSON.stringify(batch.aggregationKey)) as Json) : undefined;
      if (key) input.aggregationKey = key;
      const output = renderTemplate(template, { input, destination: {}, customerData: {} });
      return { ...(configurable && key && { aggregationKey: key }), profiles: shown, output };
    }),
  };
}
