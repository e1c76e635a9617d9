/**
 * Plans of large sample files (issue 13): more than `LARGE_SAMPLE_PROFILES` profiles are planned a
 * window at a time with the same `buildPlan` (so the same mapping, batching and rendering code),
 * and only what a summary needs is kept: counts, the exact number of membership requests and
 * records, the first requests in full, the first problems. Memory is bounded by the window, not
 * by the file.
 *
 * Why exact across windows: every count is per identity or per profile, so sums of windows equal
 * the whole; requests are `ceil(members / max)` per aggregation group, so the members of each
 * group are summed over windows and divided once at the end; a batch of the first window that is
 * full (`max` members) holds the group's first `max` members in file order, so it is byte for
 * byte the whole plan's request and can be shown in full. Only the first window is rendered: the
 * later ones are counted (a template problem shows in the first window's requests already).
 * Known gap: `destination.namespaceSegmentTimestamps` of a shown request comes from the first
 * window's qualification times, where the whole plan takes all profiles'.
 *
 * Figures (bench/preview.ts, 1M generated profiles, 171 MB of JSON Lines, whole process, on a
 * 2-core machine shared with other jobs, load ~10): `pindest preview` 75.7 s, peak RSS 203 MB
 * (target ≤ 256 MB: met); a Python script doing only `json.loads` + `hashlib` per line: 16.2 s,
 * 17 MB (target "faster than it": NOT met, 0.21×). A CPU profile of 100k profiles puts the time in
 * GC (~22%), mapProfile with prepareIdentity and maskIdentity (~15%), batchProfiles (~9%) and,
 * before later windows stopped being rendered, rendering (~15%): the whole mapping pipeline costs
 * ~30 µs of CPU per profile here, against Python's ~5 µs for parse + hash alone.
 */
import type { ProfileProblem } from '../profiles';
import type { ResolvedActivation } from './activation';
import { aggregationPolicy } from './batch';
import type { Counts, Plan, PlanProblem } from './types';

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
  private readonly max: number;

  constructor(readonly activation: ResolvedActivation) {
    this.max = aggregationPolicy(activation.destination).max;
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
    for (const p of plan.problems) {
      const key = `${p.where}\u0000${p.message}`;
      if (this.problems.has(key)) continue;
      if (this.problems.size < KEPT_PROBLEMS) this.problems.set(key, p);
      else this.moreProblems++;
    }
    for (const p of plan.profileProblems) {
      if (this.profileProblems.length < KEPT_PROBLEMS) this.profileProblems.push(p);
      else this.moreProfileProblems++;
    }
  }

  result(): LargePlan {
    const first = this.first!;
    const shown = first.requests.map((r, i) => ({ r, i })).filter(({ r }) => first.batches[r.batch]!.profiles.length === this.max).slice(0, SHOWN_REQUESTS).map(({ i }) => i);
    let membershipRequests = 0;
    for (const n of this.members.values()) membershipRequests += Math.ceil(n / this.max);
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
