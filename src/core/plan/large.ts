/**
 * Plans of large sample files (issue 13): more than `LARGE_SAMPLE_PROFILES` profiles are read with
 * bounded memory and summarised: counts by namespace, audience and reason, the exact number of
 * membership requests and records, the first requests in full, the first problems.
 *
 * How: the first window (10,000 profiles) is planned and rendered in full by `buildPlan`: it gives
 * the mappings, list creates, template problems and the requests shown. Every later profile is
 * counted one by one (`LargePlanBuilder.count`) as `buildPlan` would count it: the same identity
 * rules (`prepareWithReasons`), the same skips, the same aggregation groups, the same plain-text
 * check, but no rows, masks, target profiles, batches or renderings are built, and values are not
 * hashed (a value only serves to tell a duplicate within a profile; its pre-image tells that too).
 * JSON Lines are read in 1 MiB blocks cut at line breaks (core/text/lines.ts) with one JSON.parse
 * per line; a line with a profile's shape is counted as parsed, any other goes through
 * `toSourceProfile`, which says what is wrong. Custom identity groups, whose "not exported"
 * problem `buildPlan` words per window, are planned a window at a time, unrendered (as before).
 *
 * Why exact: every count is per identity or per profile; requests are `ceil(members / max)` per
 * aggregation group, so members are summed per group and divided once at the end; a batch of the
 * first window that is full (`max` members) holds its group's first `max` members in file order,
 * so it is byte for byte the whole plan's request and can be shown. Keys of the counts appear in
 * the order the whole plan gives them (first appearance in the file). Known gap:
 * `destination.namespaceSegmentTimestamps` of a shown request comes from the first window's
 * qualification times, where the whole plan takes all profiles'.
 *
 * Figures (1M generated profiles, bench/preview.ts's file: 171 MB of JSON Lines; whole process,
 * CPU time user+sys, Node 20, on a 2-core machine shared with other jobs, load 10-16, runs
 * interleaved with the Python script's):
 * - before (every window through `buildPlan`, profiles read by readline + toSourceProfile):
 *   ~17.7 s CPU, peak RSS 190-255 MB; GC ~24%, mapProfile ~23%, batchProfiles ~12%.
 * - counting past the first window, JSON Lines read in blocks: ~3.3 s; the tail is then
 *   ~2.7 µs a profile: JSON.parse ~0.95, block read + line split ~0.3, prepareWithReasons ~1.1
 *   (half of it SHA-256), shape check and counting ~0.3.
 * - without hashing counted values, aggregation keys built once per group: 2.71-2.76 s CPU (the
 *   first window, cold code, ~0.5 s of it; start ~0.12 s), peak RSS 140-185 MB. The Python script
 *   (json.loads + hashlib per email) in the same interleaved runs: 3.27-3.60 s CPU, 17 MB, so
 *   ours is ~1.25× faster in CPU time; `npm run bench -- preview` gave 1.40× in wall time, 1.23×
 *   in CPU time. The CSV form of the same sample (csv-parse, SourceProfiles, then counted):
 *   ~10.5 s CPU, peak RSS ~190 MB: the CSV reader (core/profiles/csv.ts) is now the cost.
 */
import { findNamespace, prepareIdentity, prepareWithReasons, sha256Hex, type NamespaceInfo, type PrepareResult, type WarningReason } from '../identity';
import type { MembershipStatus, ProfileProblem, SourceProfile } from '../profiles';
import { isObject, isStatus } from '../profiles/shape';
import type { ResolvedActivation } from './activation';
import { aggregationKeyOf, aggregationPolicy, customGroups } from './batch';
import { exportedStatus } from './map';
import { plainTextProblems, policyProblems } from './plan';
import type { ActivatedAudience, Counts, Plan, PlanProblem } from './types';

/** Samples with more profiles than this are summarised instead of listed. */
export const LARGE_SAMPLE_PROFILES = 10_000;
/** Membership requests shown in full in a summary; the rest are counted. */
export const SHOWN_REQUESTS = 3;
/** Problems kept (distinct); the rest are counted. */
const KEPT_PROBLEMS = 20;

export interface LargePlan {
  /** The first window's plan: mappings, audiences, list creations, the requests shown. */
  first: Plan;
  /** Indices into `first.requests` shown in full (each the same as in the whole plan). */
  shown: number[];
  counts: Counts;
  identities: { mapped: number; rejected: number; notMapped: number };
  membershipRequests: number;
  records: number;
  /** A sentence for each reason seen (never a value). */
  reasonMessages: Record<string, string>;
  problems: PlanProblem[];
  moreProblems: number;
  profileProblems: ProfileProblem[];
  moreProfileProblems: number;
}

/** What counting needs of a profile: its identities and memberships (a SourceProfile, or a parsed line that has its shape). */
export type Countable = Pick<SourceProfile, 'identityMap' | 'segmentMembership'>;

/**
 * A parsed JSON Lines value that `toSourceProfile` would take whole, without a problem: it can be
 * counted as it is (extra fields of identities and memberships are not read). Anything else goes
 * through `toSourceProfile`, which says what is wrong.
 */
export function countable(value: unknown): value is Countable {
  if (!isObject(value)) return false;
  const { identityMap, segmentMembership } = value;
  if (!isObject(identityMap) || !isObject(segmentMembership)) return false;
  if ('attributes' in value && !isObject(value.attributes)) return false;
  // for-in: a parsed value's keys are its own (JSON.parse gives plain objects), without an array of them.
  for (const namespace in identityMap) {
    const list = identityMap[namespace];
    if (!Array.isArray(list)) return false;
    for (const entry of list) if (!isObject(entry) || typeof entry.id !== 'string') return false;
  }
  for (const namespace in segmentMembership) {
    const byId = segmentMembership[namespace];
    if (!isObject(byId)) return false;
    for (const id in byId) {
      const m = byId[id];
      if (!isObject(m) || !isStatus(m.status)) return false;
      if ('lastQualificationTime' in m && typeof m.lastQualificationTime !== 'string') return false;
    }
  }
  return true;
}

/**
 * Counted profiles need no hash: a value's only use is to tell whether a profile sends it twice to
 * the same target, which its pre-image tells as well (see LargePlanBuilder.holds).
 */
const preimage = (value: string): string => value;

/** One mapping of a source namespace, resolved once. */
interface SourceMapping {
  info: NamespaceInfo | undefined;
  /** Index into the target names. */
  target: number;
  apply: boolean;
}

/** Profiles counted into one aggregation group (one `aggregationKey`). */
interface Group {
  key: string;
  members: number;
}

export class LargePlanBuilder {
  private first: Plan | undefined;
  private readonly counts: Counts = { profiles: 0, exported: 0, byNamespace: {}, byReason: {}, byAudience: {} };
  private readonly members = new Map<string, number>();
  private records = 0;
  private readonly reasonMessages: Record<string, string> = {};
  private readonly problems = new Map<string, PlanProblem>();
  private moreProblems = 0;
  private readonly profileProblems: ProfileProblem[] = [];
  private moreProfileProblems = 0;
  private readonly policy: ReturnType<typeof aggregationPolicy>;
  private readonly max: number;
  /**
   * Profiles after the first window can be counted one by one (`count`): always, except with
   * custom identity groups, whose "not exported" problem and reason are worked out per window by
   * `buildPlan` (those samples are planned a window at a time, unrendered).
   */
  readonly countsOneByOne: boolean;
  // What `count` resolves once: mappings by source namespace (mapProfile's `forNamespace`, in the
  // activation's order), activated audiences by namespace then id, hashed namespaces (PD505),
  // policy violations (every window of `buildPlan` has them), aggregation groups by audience,
  // status and namespaces.
  private readonly bySource = new Map<string, SourceMapping[]>();
  private readonly audienceOf = new Map<string, Map<string, ActivatedAudience>>();
  private readonly hashed = new Map<string, boolean>();
  private violations: PlanProblem[] | undefined;
  private readonly groups = new Map<ActivatedAudience | undefined, Map<string, Map<number, Group>>>();
  private readonly bySegment: boolean;
  private readonly byIdentity: boolean;
  /** Target identity names, in the order the mappings first name them; `values` holds a profile's values of each. */
  private readonly targetNames: string[] = [];
  private readonly values: string[][];
  private readonly sizes: number[];
  /** Whether each of `values` is a pre-image (see `holds`). */
  private readonly transformed: boolean[][];
  // Scratch space reused from profile to profile.
  private readonly memberships: (ActivatedAudience | MembershipStatus)[] = [];
  private readonly warnings: WarningReason[] = [];

  constructor(readonly activation: ResolvedActivation) {
    this.policy = aggregationPolicy(activation.destination);
    this.max = this.policy.max;
    this.countsOneByOne = customGroups(this.policy.key) === undefined;
    this.bySegment = this.policy.key?.includeSegmentId === true;
    this.byIdentity = this.policy.key?.includeIdentity === true;
    for (const m of activation.mappings) {
      let list = this.bySource.get(m.source);
      if (!list) this.bySource.set(m.source, (list = []));
      if (!this.targetNames.includes(m.target)) this.targetNames.push(m.target);
      list.push({ info: findNamespace(m.source), target: this.targetNames.indexOf(m.target), apply: m.applyTransformation });
    }
    for (const a of activation.audiences) {
      let byId = this.audienceOf.get(a.namespace);
      if (!byId) this.audienceOf.set(a.namespace, (byId = new Map()));
      byId.set(a.id, a);
    }
    this.values = this.targetNames.map(() => []);
    this.sizes = this.targetNames.map(() => 0);
    this.transformed = this.targetNames.map(() => []);
  }

  /** No window yet: the next one is the first, rendered in full. */
  get empty(): boolean {
    return this.first === undefined;
  }

  /** One window's plan, in file order. */
  add(plan: Plan): void {
    this.first ??= plan;
    const c = this.counts;
    c.profiles += plan.counts.profiles;
    c.exported += plan.counts.exported;
    for (const [ns, n] of Object.entries(plan.counts.byNamespace)) {
      const into = (c.byNamespace[ns] ??= { sent: 0, rejected: 0, notMapped: 0 });
      into.sent += n.sent;
      into.rejected += n.rejected;
      into.notMapped += n.notMapped;
    }
    for (const [reason, n] of Object.entries(plan.counts.byReason)) c.byReason[reason] = (c.byReason[reason] ?? 0) + n;
    for (const [name, n] of Object.entries(plan.counts.byAudience)) {
      const into = (c.byAudience[name] ??= { add: 0, remove: 0 });
      into.add += n.add;
      into.remove += n.remove;
    }
    for (const r of plan.rows) if (r.reason && r.message && !(r.reason in this.reasonMessages)) this.reasonMessages[r.reason] = r.message;
    // One request per batch (renderRequests); later windows are not rendered, only counted.
    for (const b of plan.batches) {
      const key = JSON.stringify(b.aggregationKey ?? null);
      this.members.set(key, (this.members.get(key) ?? 0) + b.profiles.length);
      for (const p of b.profiles) for (const ids of Object.values(p.identityMap)) this.records += ids.length;
    }
    for (const p of plan.problems) this.addProblem(p);
    for (const p of plan.profileProblems) this.addProfileProblem(p);
  }

  private addProblem(p: PlanProblem): void {
    const key = `${p.where}\u0000${p.message}`;
    if (this.problems.has(key)) return;
    if (this.problems.size < KEPT_PROBLEMS) this.problems.set(key, p);
    else this.moreProblems++;
  }

  /** A problem reading the sample (a malformed line, a bad field), in file order. */
  addProfileProblem(p: ProfileProblem): void {
    if (this.profileProblems.length < KEPT_PROBLEMS) this.profileProblems.push(p);
    else this.moreProfileProblems++;
  }

  /** A window after the first starts: `buildPlan` would list the policy violations again for it. */
  startWindow(): void {
    for (const p of (this.violations ??= policyProblems(this.activation))) this.addProblem(p);
  }

  /**
   * A profile after the first window, counted as `buildPlan` and `add` would count it (mapProfile,
   * batchProfiles, the plain-text check) without building its rows, target or batches: the same
   * identity rules (`prepareWithReasons`), nothing kept but counts. `file`, `index` and `line` are
   * its origin, for a plain-text problem.
   */
  count(profile: Countable, file: string, index: number, line: number | undefined): void {
    const c = this.counts;
    c.profiles++;
    // The profile's target identityMap: values by target (indices into `targetNames`), reused.
    const values = this.values;
    const sizes = this.sizes;
    for (let t = 0; t < sizes.length; t++) sizes[t] = 0;
    let sent = false;
    const identityMap = profile.identityMap;
    for (const namespace in identityMap) {
      const list = identityMap[namespace]!;
      if (list.length === 0) continue;
      let hashed = this.hashed.get(namespace);
      if (hashed === undefined) this.hashed.set(namespace, (hashed = findNamespace(namespace)?.hashed === true));
      if (hashed) for (const p of plainTextProblems([{ identityMap: { [namespace]: list }, segmentMembership: {}, attributes: {}, origin: { file, index, line } }])) this.addProblem(p);
      const n = (c.byNamespace[namespace] ??= { sent: 0, rejected: 0, notMapped: 0 });
      const mappings = this.bySource.get(namespace);
      for (const identity of list) {
        if (!mappings) {
          n.notMapped++;
          this.reason('not-mapped', `No mapping takes ${namespace}; it is not exported.`);
          continue;
        }
        const raw = typeof identity?.id === 'string' ? identity.id : String(identity?.id ?? '');
        for (const m of mappings) {
          const r: PrepareResult = m.info ? prepareWithReasons(m.info, raw, m.apply, this.warnings, preimage) : prepareIdentity(namespace, raw, { applyTransformation: m.apply });
          if (this.warnings.length) this.warnings.length = 0;
          if (!r.ok) {
            n.rejected++;
            this.reason(r.reason, r.message);
            continue;
          }
          n.sent++;
          sent = true;
          if (!this.holds(m.target, r.value, r.transformed)) {
            const at = sizes[m.target]!++;
            values[m.target]![at] = r.value;
            this.transformed[m.target]![at] = r.transformed;
          }
        }
      }
    }

    // Memberships of activated audiences: `memberships[0, held)`, audience then exported status.
    const memberships = this.memberships;
    let held = 0;
    const sm = profile.segmentMembership;
    for (const ns in sm) {
      const known = this.audienceOf.get(ns);
      if (!known) continue;
      const byId = sm[ns]!;
      for (const id in byId) {
        const a = known.get(id);
        if (!a) continue;
        memberships[held++] = a;
        memberships[held++] = exportedStatus(byId[id]!.status);
      }
    }
    if (!sent) return this.bump('profile-no-identity');
    if (held === 0) return this.bump('profile-no-activated-audience');

    c.exported++;
    let ids = 0;
    let longest = 0;
    for (const n of sizes) {
      ids += n;
      if (n > longest) longest = n;
    }
    for (let i = 0; i < held; i += 2) {
      const into = (c.byAudience[(memberships[i] as ActivatedAudience).name] ??= { add: 0, remove: 0 });
      if (memberships[i + 1] === 'exited') into.remove += ids;
      else into.add += ids;
    }

    // batchProfiles: `splitUserById` makes one profile per identity index (one id per namespace);
    // each goes to one group per audience (with `includeSegmentId`) and, with `includeIdentity`,
    // per target namespace; every group member's identities are records of its requests.
    const bySegment = this.bySegment;
    const parts = this.policy.split && longest > 1 ? longest : 1;
    for (let k = 0; k < parts; k++) {
      for (let i = 0; i < (bySegment ? held : 1); i += 2) {
        const audience = bySegment ? (memberships[i] as ActivatedAudience) : undefined;
        const status = bySegment ? (memberships[i + 1] as string) : '';
        if (!this.byIdentity) {
          let records = 0;
          for (const n of sizes) records += parts === 1 ? n : k < n ? 1 : 0;
          this.join(audience, status, -1, records);
        } else {
          for (let t = 0; t < sizes.length; t++) {
            const n = sizes[t]!;
            if (n === 0 || (parts > 1 && k >= n)) continue;
            this.join(audience, status, t, parts === 1 ? n : 1);
          }
        }
      }
    }
  }

  /**
   * One member of the group of an audience and status (with `includeSegmentId`) and a target
   * namespace (with `includeIdentity`; -1 without), holding `records` identities.
   */
  private join(audience: ActivatedAudience | undefined, status: string, target: number, records: number): void {
    let byStatus = this.groups.get(audience);
    if (!byStatus) this.groups.set(audience, (byStatus = new Map()));
    let byTarget = byStatus.get(status);
    if (!byTarget) byStatus.set(status, (byTarget = new Map()));
    let group = byTarget.get(target);
    if (!group) {
      const seg = audience && { ns: audience.namespace, id: audience.id, status };
      const aggregationKey = aggregationKeyOf(this.policy.key, seg, audience, target < 0 ? [] : [this.targetNames[target]!]);
      byTarget.set(target, (group = { key: JSON.stringify(aggregationKey ?? null), members: 0 }));
    }
    group.members++;
    this.records += records;
  }

  /**
   * The profile's values of a target already hold `value` (mapProfile keeps one of each). Values
   * the transformation would hash are pre-images here: two of them are the same value when their
   * pre-images are; only a pre-image beside a value that is not one is hashed to compare.
   */
  private holds(target: number, value: string, transformed: boolean): boolean {
    const list = this.values[target]!;
    const flags = this.transformed[target]!;
    for (let i = 0; i < this.sizes[target]!; i++) {
      if (flags[i] === transformed ? list[i] === value : (transformed ? sha256Hex(value) : value) === (flags[i] ? sha256Hex(list[i]!) : list[i])) return true;
    }
    return false;
  }

  private bump(reason: string): void {
    this.counts.byReason[reason] = (this.counts.byReason[reason] ?? 0) + 1;
  }

  private reason(reason: string, message: string): void {
    this.bump(reason);
    if (!(reason in this.reasonMessages)) this.reasonMessages[reason] = message;
  }

  result(): LargePlan {
    const first = this.first!;
    const shown = first.requests.map((r, i) => ({ r, i })).filter(({ r }) => first.batches[r.batch]!.profiles.length === this.max).slice(0, SHOWN_REQUESTS).map(({ i }) => i);
    const members = new Map(this.members);
    for (const byStatus of this.groups.values()) for (const byNames of byStatus.values()) for (const g of byNames.values()) members.set(g.key, (members.get(g.key) ?? 0) + g.members);
    let membershipRequests = 0;
    for (const n of members.values()) membershipRequests += Math.ceil(n / this.max);
    const identities = { mapped: 0, rejected: 0, notMapped: 0 };
    for (const n of Object.values(this.counts.byNamespace)) {
      identities.mapped += n.sent;
      identities.rejected += n.rejected;
      identities.notMapped += n.notMapped;
    }
    return {
      first,
      shown,
      counts: this.counts,
      identities,
      membershipRequests,
      records: this.records,
      reasonMessages: this.reasonMessages,
      problems: [...this.problems.values()],
      moreProblems: this.moreProblems,
      profileProblems: this.profileProblems,
      moreProfileProblems: this.moreProfileProblems,
    };
  }
}
