/**
 * Sample profiles in AEP's *source* shape (Adobe testing-api/streaming-destinations/sample-profile-generation-api.md): what the
 * destination testing API takes and the planner maps, whatever file format they came from.
 *
 * Why a problem type instead of exceptions: a sample file is user input; one bad row must not hide
 * the other 999, and the editor wants every problem with its position at once. A problem's message
 * never contains a raw identifier (it names the path, e.g. `identityMap.Email[0].id`, not the value).
 */

export type MembershipStatus = 'realized' | 'existing' | 'exited';

export const MEMBERSHIP_STATUSES: readonly MembershipStatus[] = ['realized', 'existing', 'exited'];

export interface Membership {
  status: MembershipStatus;
  lastQualificationTime?: string;
}

export interface SourceProfile {
  /** Namespace code (case as written) → identities. */
  identityMap: Record<string, { id: string }[]>;
  /** Audience namespace (`ups`, `CustomerAudienceUpload`, ...) → audience id → membership. */
  segmentMembership: Record<string, Record<string, Membership>>;
  /** Free-form attributes, plus any other top-level key (raw XDM paths like `personalEmail.address`). */
  attributes: Record<string, unknown>;
  /** Where it came from: `index` is the 0-based position in the file, `line` is 1-based. */
  origin: { file: string; index: number; line?: number };
}

/** Lines and columns are 1-based (as editors and CSV tools show them). */
export interface ProfileProblem {
  file: string;
  index?: number;
  line?: number;
  column?: number;
  message: string;
}

export type ProfileOrProblem = SourceProfile | ProfileProblem;

export function isProfileProblem(item: ProfileOrProblem): item is ProfileProblem {
  return !('identityMap' in item);
}
