/**
 * Example values for template hovers, computed from the project's own sample profiles through the
 * same activation resolution and identity mapping as the preview, so a hover shows what the template
 * would really see. Identities are masked (maskIdentity) and tokens replaced: a hover never shows a
 * raw email, device id or token. Profile files are read from local disk only, bounded in size.
 */
import { readFileSync, statSync } from 'node:fs';
import { maskIdentity } from '../core/identity';
import { audienceKey, mapProfile } from '../core/plan/map';
import { resolveActivation } from '../core/plan/activation';
import { destinationContext } from '../core/plan/render';
import type { Json, Project } from '../core/project/project';
import { parseProfiles } from '../core/profiles';
import { BoundedCache } from '../core/cache';

const MAX_PROFILE_BYTES = 2 * 1024 * 1024;
const SAMPLE = 3;
const cache = new BoundedCache<string, { key: string; context: Json | undefined }>(16);

function maskDeep(v: unknown): unknown {
  if (typeof v === 'string') return maskIdentity('', v);
  if (Array.isArray(v)) return v.map(maskDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskDeep(x)]));
  return v;
}

/** The context a server template would render with for the first sample profiles, masked. */
export function exampleContext(project: Project): Json | undefined {
  let activation;
  try {
    activation = resolveActivation(project);
  } catch {
    return undefined;
  }
  const file = activation.profiles[0];
  if (!file) return undefined;
  let key: string;
  try {
    const info = statSync(file);
    if (info.size > MAX_PROFILE_BYTES) return undefined;
    key = `${info.size}:${info.mtimeMs}:${activation.file.doc.text.length}`;
  } catch {
    return undefined;
  }
  const hit = cache.get(file);
  if (hit && hit.key === key) return hit.context;
  let context: Json | undefined;
  try {
    const { profiles } = parseProfiles(readFileSync(file, 'utf8'), file);
    const audiences = new Map(activation.audiences.map((a) => [audienceKey(a.namespace, a.id), a]));
    const targets = profiles.slice(0, 50).map((p, i) => mapProfile(p, i, activation.mappings, audiences).target).filter((t) => t !== undefined).slice(0, SAMPLE);
    const shaped = targets.map((t) => ({
      identityMap: Object.fromEntries(Object.entries(t.identityMap).map(([ns, ids]) => [ns, ids.map((x) => ({ id: maskIdentity(t.origins[x.id] ?? ns, x.id) }))])),
      segmentMembership: t.segmentMembership,
      attributes: maskDeep(t.attributes),
    }));
    const first = activation.audiences[0];
    context = {
      input: {
        profiles: shaped,
        profile: shaped[0],
        aggregationKey: first ? { segmentId: first.id, segmentNamespace: first.namespace, segmentAlias: first.alias ?? '(created by the audience template)', segmentStatus: 'realized' } : undefined,
      },
      destination: destinationContext(activation.audiences, (a) => a.alias ?? '(created by the audience template)', targets),
      customerData: activation.customerData,
    };
  } catch {
    context = undefined;
  }
  cache.set(file, { key, context });
  return context;
}

/** The example value at a path; loop variables resolve through their iterable's first item. */
export function exampleAt(context: Json | undefined, path: string[], locals: Record<string, string[]>): unknown {
  if (!context) return undefined;
  const expand = (p: string[], depth = 0): string[] => {
    const origin = locals[p[0]!];
    return origin && depth < 8 ? [...expand(origin, depth + 1), '0', ...p.slice(1)] : p;
  };
  let v: unknown = context;
  for (const seg of expand(path)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = Array.isArray(v) ? v[Number(seg)] : (v as Json)[seg];
  }
  return v;
}
