/**
 * The plan: everything a test activation would send, computed offline. The preview shows it; the
 * execute step sends it. Values that reach Pinterest are kept only in `HttpCall.body` (in memory);
 * everything meant for people (rows, display forms) carries masked or hashed values only.
 */
import type { MembershipStatus, ProfileProblem } from '../profiles';

export interface Mapping {
  source: string;
  target: string;
  /** Effective: the activation's flag, or forced by the destination's requiredTransformation. */
  applyTransformation: boolean;
  forced: boolean;
}

export interface ActivatedAudience {
  id: string;
  namespace: string;
  name: string;
  /** Pinterest customer list id; undefined until the audience template creates it. */
  alias?: string;
}

/** One source identity value and what became of it. */
export interface IdentityRow {
  profile: number;
  namespace: string;
  /** Masked raw value: never the whole identifier. */
  masked: string;
  outcome: 'sent' | 'rejected' | 'not-mapped';
  target?: string;
  /** What reaches Pinterest when it is a hash (raw plain values are never shown). */
  hash?: string;
  transformed?: boolean;
  reason?: string;
  message?: string;
  warnings?: string[];
}

export interface TargetProfile {
  identityMap: Record<string, { id: string }[]>;
  segmentMembership: Record<string, Record<string, { status: MembershipStatus; lastQualificationTime?: string }>>;
  attributes: Record<string, unknown>;
  /** Index of the source profile. */
  source: number;
  /** Target value → source namespace, for per-identity-type accounting (in memory only). */
  origins: Record<string, string>;
}

export interface AggregationKey {
  segmentId?: string;
  segmentNamespace?: string;
  segmentAlias?: string;
  segmentStatus?: string;
  identityNamespaces?: string[];
}

export interface Batch {
  aggregationKey?: AggregationKey;
  /** Audience of the group (when grouped by audience). */
  audience?: ActivatedAudience;
  profiles: TargetProfile[];
  single: boolean;
}

export interface HttpCall {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface PlannedRequest extends HttpCall {
  batch: number;
  /** The request as people may see it: identifiers that are not hashes are masked. */
  display: HttpCall;
  /** Problems with the rendered request (e.g. a body that is not valid JSON). */
  problems: string[];
}

export interface AudienceCreation {
  audience: ActivatedAudience;
  call: HttpCall;
  display: HttpCall;
  /** `responseFields` templates that read the partner's answer (externalAudienceId ...). */
  responseFields: { name: string; value: string }[];
}

export interface PlanProblem {
  /** Where: a file path, or a profile reference. */
  where: string;
  message: string;
}

export interface Counts {
  profiles: number;
  exported: number;
  byNamespace: Record<string, { sent: number; rejected: number; notMapped: number }>;
  byReason: Record<string, number>;
  byAudience: Record<string, { add: number; remove: number }>;
}

export interface Plan {
  mappings: Mapping[];
  audiences: ActivatedAudience[];
  rows: IdentityRow[];
  targets: TargetProfile[];
  batches: Batch[];
  creations: AudienceCreation[];
  requests: PlannedRequest[];
  counts: Counts;
  problems: PlanProblem[];
  profileProblems: ProfileProblem[];
}
