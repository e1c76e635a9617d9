/**
 * Source profiles → target profiles: each identity through its mapping (normalise, validate,
 * transform), memberships narrowed to the activated audiences. Rejections stay, with reasons.
 */
import { maskIdentity, prepareIdentity } from '../identity';
import type { MembershipStatus, SourceProfile } from '../profiles';
import { fill, msg } from '../report/l10n';
import type { ActivatedAudience, IdentityRow, Mapping, TargetProfile } from './types';

/** Stored English in the plan; the extension shows it translated (translateText). */
const NOT_MAPPED = msg('No mapping takes {0}; it is not exported.');

export interface Mapped {
  target?: TargetProfile;
  rows: IdentityRow[];
  /** Why the profile is not exported, when it is not. */
  skipped?: 'no-identity' | 'no-activated-audience';
}

/**
 * An exported profile's audiences are `realized` or `exited` only (Adobe's message-format page,
 * "Profile structure"). A sample's `existing` member (still in the audience) is sent as
 * `realized`: a test activation is the audience's first export to the connection, which carries
 * its current members.
 */
function exported(m: TargetProfile['segmentMembership'][string][string]): TargetProfile['segmentMembership'][string][string] {
  return m.status === 'existing' ? { ...m, status: exportedStatus(m.status) } : m;
}

/** The status an exported profile carries for a sample's membership status (see `exported`). */
export function exportedStatus(status: MembershipStatus): MembershipStatus {
  return status === 'existing' ? 'realized' : status;
}

export function audienceKey(namespace: string, id: string): string {
  return `${namespace}\u0000${id}`;
}

export function mapProfile(profile: SourceProfile, index: number, mappings: Mapping[], audiences: Map<string, ActivatedAudience>): Mapped {
  const rows: IdentityRow[] = [];
  const identityMap: Record<string, { id: string }[]> = {};
  const origins: Record<string, string> = {};
  for (const [namespace, identities] of Object.entries(profile.identityMap)) {
    const forNamespace = mappings.filter((m) => m.source === namespace);
    for (const identity of identities) {
      const raw = typeof identity?.id === 'string' ? identity.id : String(identity?.id ?? '');
      const masked = maskIdentity(namespace, raw);
      if (forNamespace.length === 0) {
        rows.push({ profile: index, namespace, masked, outcome: 'not-mapped', reason: 'not-mapped', message: fill(NOT_MAPPED, [namespace]) });
        continue;
      }
      for (const m of forNamespace) {
        const r = prepareIdentity(namespace, raw, { applyTransformation: m.applyTransformation });
        if (!r.ok) {
          rows.push({ profile: index, namespace, masked, outcome: 'rejected', target: m.target, reason: r.reason, message: r.message });
          continue;
        }
        const list = (identityMap[m.target] ??= []);
        if (!list.some((x) => x.id === r.value)) list.push({ id: r.value });
        origins[r.value] ??= namespace;
        rows.push({
          profile: index,
          namespace,
          masked,
          outcome: 'sent',
          target: m.target,
          hash: r.hashed ? r.value : undefined,
          transformed: r.transformed,
          warnings: r.warnings?.map((w) => w.reason),
        });
      }
    }
  }

  const segmentMembership: TargetProfile['segmentMembership'] = {};
  for (const [ns, byId] of Object.entries(profile.segmentMembership)) {
    for (const [id, membership] of Object.entries(byId)) {
      if (!audiences.has(audienceKey(ns, id))) continue;
      (segmentMembership[ns] ??= {})[id] = exported(membership);
    }
  }
  if (Object.keys(identityMap).length === 0) return { rows, skipped: 'no-identity' };
  if (Object.keys(segmentMembership).length === 0) return { rows, skipped: 'no-activated-audience' };
  return { rows, target: { identityMap, segmentMembership, attributes: profile.attributes, source: index, origins } };
}
