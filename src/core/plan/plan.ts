/**
 * The plan step of the pipeline: activation + sample profiles → every request a test activation
 * would send. Pure and synchronous; `load.ts` reads the profiles from disk.
 */
import { carrierPlace, evaluate, governanceOf, hashedValueProblems, violationMessage } from '../governance';
import type { ProfileProblem, SourceProfile } from '../profiles';
import { asObject, type Json } from '../project/project';
import type { ResolvedActivation } from './activation';
import { planCreation } from './audiences';
import { aggregationPolicy, batchProfiles, customGroups, type Ungrouped } from './batch';
import { audienceKey, mapProfile } from './map';
import { destinationContext, injectsAuthorization, renderBatch } from './render';
import type { ActivatedAudience, Counts, IdentityRow, Plan, PlanProblem, TargetProfile } from './types';
import { fill, msg } from '../report/l10n';

// The plan's problems and reasons are stored in English; the extension shows them translated (translateText).
const SAY = {
  noAlias: msg('Audience "{0}" has no alias and the destination has no audience template to create it.'),
  noCreate: msg('The audience template has no `create` call with a URL.'),
  templateError: msg('Audience template: {0}'),
  request: msg('request {0}'),
  noGroup: msg('In no `aggregationKey.groups` group of the destination ({0}), so AEP does not export it.'),
  ungroupedOne: msg('{0} ({1}) not exported: their target identity {2} is in no `aggregationKey.groups` group, and AEP sends a profile only in the groups its identities fall in. Name {2} in a group (group namespaces are target identity names, case-sensitive).'),
  ungroupedMany: msg('{0} ({1}) not exported: their target identities {2} are in no `aggregationKey.groups` group, and AEP sends a profile only in the groups its identities fall in. Name {2} in a group (group namespaces are target identity names, case-sensitive).'),
  identityOfProfile: msg('{0} identity of {1} profile'),
  identityOfProfiles: msg('{0} identity of {1} profiles'),
  identitiesOfProfile: msg('{0} identities of {1} profile'),
  identitiesOfProfiles: msg('{0} identities of {1} profiles'),
  profileEntirely: msg('{0} profile entirely'),
  profilesEntirely: msg('{0} profiles entirely'),
};

/** What an audience without a Pinterest id is called until the push creates its list. */
export function pendingAlias(audience: ActivatedAudience, audiences: ActivatedAudience[]): string {
  return `new-list-${audiences.indexOf(audience) + 1}`;
}

/** `render: false` (a large sample's later windows, whose requests are only counted) leaves `creations` and `requests` empty. */
export function buildPlan(activation: ResolvedActivation, profiles: SourceProfile[], profileProblems: ProfileProblem[] = [], { render = true } = {}): Plan {
  const audiences = new Map(activation.audiences.map((a) => [audienceKey(a.namespace, a.id), a]));
  const counts: Counts = { profiles: profiles.length, exported: 0, byNamespace: {}, byReason: {}, byAudience: {} };
  const problems: PlanProblem[] = governanceProblems(activation, profiles);
  const rows: IdentityRow[] = [];
  const targets: TargetProfile[] = [];

  profiles.forEach((profile, i) => {
    const mapped = mapProfile(profile, i, activation.mappings, audiences);
    rows.push(...mapped.rows);
    for (const r of mapped.rows) {
      const c = (counts.byNamespace[r.namespace] ??= { sent: 0, rejected: 0, notMapped: 0 });
      if (r.outcome === 'sent') c.sent++;
      else if (r.outcome === 'rejected') c.rejected++;
      else c.notMapped++;
      if (r.reason) counts.byReason[r.reason] = (counts.byReason[r.reason] ?? 0) + 1;
    }
    if (mapped.skipped) counts.byReason[`profile-${mapped.skipped}`] = (counts.byReason[`profile-${mapped.skipped}`] ?? 0) + 1;
    if (!mapped.target) return;
    targets.push(mapped.target);
    counts.exported++;
    const ids = Object.values(mapped.target.identityMap).reduce((n, list) => n + list.length, 0);
    for (const [ns, byId] of Object.entries(mapped.target.segmentMembership)) {
      for (const [id, m] of Object.entries(byId)) {
        const c = (counts.byAudience[audiences.get(audienceKey(ns, id))!.name] ??= { add: 0, remove: 0 });
        if (m.status === 'exited') c.remove += ids;
        else c.add += ids;
      }
    }
  });

  const creations = activation.audiences.flatMap((a) => {
    if (a.alias || !render) return [];
    if (!activation.audienceTemplate) {
      problems.push({ where: activation.file.path, message: fill(SAY.noAlias, [a.name]) });
      return [];
    }
    try {
      const c = planCreation(activation.audienceTemplate, a, activation.customerData, activation.destination);
      if (!c) problems.push({ where: activation.file.path, message: SAY.noCreate });
      return c ? [c] : [];
    } catch (e) {
      problems.push({ where: activation.file.path, message: fill(SAY.templateError, [(e as Error).message]) });
      return [];
    }
  });

  const ungrouped: Ungrouped[] = [];
  const batches = batchProfiles(activation.destination, targets, audiences, ungrouped);
  if (ungrouped.length) problems.push(accountUngrouped(activation, ungrouped, targets, rows, counts, audiences));
  const requests = render ? renderRequests(activation, batches, (a) => a.alias ?? pendingAlias(a, activation.audiences)) : [];
  for (const r of requests) for (const message of r.problems) problems.push({ where: fill(SAY.request, [r.batch + 1]), message });

  return { mappings: activation.mappings, audiences: activation.audiences, rows, targets, batches, creations, requests, counts, problems, profileProblems };
}

/**
 * Identities that no custom identity group takes are not exported: their rows, the counts and a
 * problem (the preview's line) say how many and why, instead of a silent zero.
 */
function accountUngrouped(activation: ResolvedActivation, ungrouped: Ungrouped[], targets: TargetProfile[], rows: IdentityRow[], counts: Counts, audiences: Map<string, ActivatedAudience>): PlanProblem {
  const groups = customGroups(aggregationPolicy(activation.destination).key) ?? [];
  const message = fill(SAY.noGroup, [groups.map((g) => `[${g.join(', ')}]`).join(', ')]);
  const left = new Set<string>();
  let identities = 0;
  for (const u of ungrouped) {
    const target = targets.find((t) => t.source === u.profile)!;
    for (const [ns, n] of Object.entries(u.namespaces)) {
      left.add(ns);
      identities += n;
      for (const r of rows) {
        if (r.profile !== u.profile || r.target !== ns || r.outcome !== 'sent') continue;
        Object.assign(r, { outcome: 'rejected', reason: 'aggregation-no-group', message });
        const c = counts.byNamespace[r.namespace]!;
        c.sent--;
        c.rejected++;
        counts.byReason['aggregation-no-group'] = (counts.byReason['aggregation-no-group'] ?? 0) + 1;
      }
    }
    const lost = u.whole ? Object.values(target.identityMap).reduce((a, l) => a + l.length, 0) : Object.values(u.namespaces).reduce((a, b) => a + b, 0);
    for (const [ns, byId] of Object.entries(target.segmentMembership)) {
      for (const [id, m] of Object.entries(byId)) {
        const c = counts.byAudience[audiences.get(audienceKey(ns, id))!.name]!;
        if (m.status === 'exited') c.remove -= lost;
        else c.add -= lost;
      }
    }
    if (u.whole) counts.exported--;
  }
  const whole = ungrouped.filter((u) => u.whole).length;
  const names = [...left].map((n) => `\`${n}\``).join(', ');
  const where = `${activation.destinationPath} ${groupsPointer(activation.destination)}`;
  return {
    where,
    message: fill(left.size === 1 ? SAY.ungroupedOne : SAY.ungroupedMany, [
      fill(identities === 1 ? (ungrouped.length === 1 ? SAY.identityOfProfile : SAY.identityOfProfiles) : ungrouped.length === 1 ? SAY.identitiesOfProfile : SAY.identitiesOfProfiles, [identities, ungrouped.length]),
      fill(whole === 1 ? SAY.profileEntirely : SAY.profilesEntirely, [whole]),
      names,
    ]),
  };
}

function groupsPointer(destination: Json): string {
  const aggregation = asObject(destination.aggregation);
  const holder = aggregation?.aggregationType === 'CONFIGURABLE_AGGREGATION' ? 'configurableAggregation' : 'bestEffortAggregation';
  return `/aggregation/${holder}/aggregationKey/groups`;
}

/**
 * What AEP's review step would block before anything leaves: data usage policy violations, and
 * sample values in a hashed namespace that are plain text (they would be exported as they are).
 */
function governanceProblems(activation: ResolvedActivation, profiles: SourceProfile[]): PlanProblem[] {
  return [...policyProblems(activation), ...plainTextProblems(profiles)];
}

/** Data usage policy violations: the activation's, the same for every profile. */
export function policyProblems(activation: ResolvedActivation): PlanProblem[] {
  const { input, actionsFrom } = governanceOf(asObject(activation.file.doc.value) ?? {}, activation.destination);
  return evaluate(input).flatMap((v) => v.carriers.map((c) => ({ where: `${activation.file.path} ${carrierPlace(c).pointer}`, message: violationMessage(v, c, actionsFrom) })));
}

/** Plain text in a hashed namespace, one problem per value, in profile order. */
export function plainTextProblems(profiles: Iterable<SourceProfile>): PlanProblem[] {
  return hashedValueProblems(profiles)
    .filter((p) => p.plainText)
    .map((p) => ({ where: `${p.file}${p.line ? `:${p.line}` : ''}`, message: p.message }));
}

/** Renders (or re-renders, once created lists have ids) every batch's request. */
export function renderRequests(activation: ResolvedActivation, batches: Plan['batches'], aliasOf: (a: ActivatedAudience) => string) {
  const destination = destinationContext(activation.audiences, aliasOf, batches.flatMap((b) => b.profiles));
  const bearer = injectsAuthorization(activation.destination);
  return batches.map((b, i) => {
    const batch = b.aggregationKey && b.audience ? { ...b, aggregationKey: { ...b.aggregationKey, segmentAlias: aliasOf(b.audience) } } : b;
    return renderBatch(activation.server, batch, i, activation.customerData, destination, bearer);
  });
}
