/**
 * Aggregation as AEP does it: best effort (at most `maxUsersPerRequest` profiles per call) or
 * configurable aggregation (groups by audience, status and identity namespace per
 * `aggregationKey`, then at most `maxNumEventsInBatch` per call; time-based flushing does not
 * apply to a test activation, which flushes everything at once). `splitUserById` sends one
 * identity per namespace per profile.
 */
import { asArray, asObject, type Json } from '../project/project';
import { audienceKey } from './map';
import type { ActivatedAudience, AggregationKey, Batch, TargetProfile } from './types';

interface Policy {
  max: number;
  single: boolean;
  split: boolean;
  key: Json | undefined;
}

export function aggregationPolicy(destination: Json): Policy {
  const aggregation = asObject(destination.aggregation);
  if (aggregation?.aggregationType === 'CONFIGURABLE_AGGREGATION') {
    const c = asObject(aggregation.configurableAggregation) ?? {};
    const max = typeof c.maxNumEventsInBatch === 'number' && c.maxNumEventsInBatch >= 1 ? c.maxNumEventsInBatch : 10000;
    return { max, single: false, split: c.splitUserById === true, key: asObject(c.aggregationKey) };
  }
  const b = asObject(aggregation?.bestEffortAggregation) ?? {};
  const max = typeof b.maxUsersPerRequest === 'number' && b.maxUsersPerRequest >= 1 ? Math.floor(b.maxUsersPerRequest) : 1;
  return { max, single: max === 1, split: b.splitUserById === true, key: asObject(b.aggregationKey) };
}

/** One profile per identity index, each holding at most one id per namespace. */
function splitById(p: TargetProfile): TargetProfile[] {
  const longest = Math.max(0, ...Object.values(p.identityMap).map((ids) => ids.length));
  if (longest <= 1) return [p];
  return Array.from({ length: longest }, (_, k) => ({
    ...p,
    identityMap: Object.fromEntries(Object.entries(p.identityMap).filter(([, ids]) => ids[k]).map(([ns, ids]) => [ns, [ids[k]!]])),
  }));
}

/**
 * The custom identity groups in force: `groups` count only with `includeIdentity: true` and
 * `oneIdentityPerGroup: false` (Adobe's aggregation-policy page); their namespaces are target
 * identity names, the keys of the exported profile's `identityMap` (message-format page,
 * "Use identity namespace aggregation key"), matched exactly (Destination SDK values are
 * case-sensitive).
 */
export function customGroups(key: Json | undefined): string[][] | undefined {
  if (key?.includeIdentity !== true || key.oneIdentityPerGroup !== false) return undefined;
  const groups = asArray(key.groups).map((g) => asArray(asObject(g)?.namespaces).filter((n): n is string => typeof n === 'string'));
  return groups.length ? groups : undefined;
}

/** The identity-namespace groups a profile falls into under `aggregationKey`. */
function identityGroups(key: Json | undefined, p: TargetProfile): string[][] {
  if (key?.includeIdentity !== true) return [Object.keys(p.identityMap)];
  const present = Object.keys(p.identityMap);
  const groups = customGroups(key);
  if (groups) return groups.map((g) => g.filter((n) => present.includes(n))).filter((g) => g.length);
  return present.map((n) => [n]);
}

/** Target identities of a profile that no custom group takes, so AEP does not export them. */
export interface Ungrouped {
  /** Index of the source profile. */
  profile: number;
  /** Target identity names left out, with how many values each. */
  namespaces: Record<string, number>;
  /** True when nothing of the profile is left to send. */
  whole: boolean;
}

/** The `input.aggregationKey` of the group a profile falls in for one audience (`seg`) and namespace group. */
export function aggregationKeyOf(key: Json | undefined, seg: { ns: string; id: string; status: string } | undefined, audience: ActivatedAudience | undefined, namespaces: string[]): AggregationKey | undefined {
  return key
    ? {
        ...(seg && { segmentId: seg.id, segmentNamespace: seg.ns, segmentAlias: audience?.alias }),
        ...(seg && key.includeSegmentStatus === true && { segmentStatus: seg.status }),
        ...(key.includeIdentity === true && { identityNamespaces: namespaces }),
      }
    : undefined;
}

export function batchProfiles(destination: Json, targets: TargetProfile[], audiences: Map<string, ActivatedAudience>, ungrouped: Ungrouped[] = []): Batch[] {
  const policy = aggregationPolicy(destination);
  const key = policy.key;
  const groups = new Map<string, { aggregationKey?: AggregationKey; audience?: ActivatedAudience; profiles: TargetProfile[] }>();
  const custom = customGroups(key);

  for (const original of targets) {
    if (custom) {
      const left = Object.entries(original.identityMap).filter(([ns]) => !custom.some((g) => g.includes(ns)));
      if (left.length) ungrouped.push({ profile: original.source, namespaces: Object.fromEntries(left.map(([ns, ids]) => [ns, ids.length])), whole: left.length === Object.keys(original.identityMap).length });
    }
    for (const p of policy.split ? splitById(original) : [original]) {
      const segments: { ns: string; id: string; status: string }[] = [];
      if (key?.includeSegmentId === true) {
        for (const [ns, byId] of Object.entries(p.segmentMembership)) for (const [id, m] of Object.entries(byId)) segments.push({ ns, id, status: m.status });
      }
      for (const seg of segments.length ? segments : [undefined]) {
        for (const namespaces of identityGroups(key, p)) {
          const audience = seg ? audiences.get(audienceKey(seg.ns, seg.id)) : undefined;
          const id = JSON.stringify([seg?.ns, seg?.id, key?.includeSegmentStatus === true ? seg?.status : undefined, key?.includeIdentity === true ? namespaces : undefined]);
          let group = groups.get(id);
          if (!group) groups.set(id, (group = { aggregationKey: aggregationKeyOf(key, seg, audience, namespaces), audience, profiles: [] }));
          const identityMap = key?.includeIdentity === true ? Object.fromEntries(namespaces.map((n) => [n, p.identityMap[n]!])) : p.identityMap;
          group.profiles.push(identityMap === p.identityMap ? p : { ...p, identityMap });
        }
      }
    }
  }

  const batches: Batch[] = [];
  for (const g of groups.values()) {
    for (let i = 0; i < g.profiles.length; i += policy.max) {
      batches.push({ aggregationKey: g.aggregationKey, audience: g.audience, profiles: g.profiles.slice(i, i + policy.max), single: policy.single });
    }
  }
  return batches;
}
