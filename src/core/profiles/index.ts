/**
 * Public surface of the sample-profile loaders (AEP source shape from JSON, JSON Lines and CSV).
 */
export { readProfiles, parseProfiles, profileFormat, DEFAULT_STREAM_THRESHOLD } from './read';
export type { ProfileFormat, ReadProfilesOptions } from './read';
export { isProfileProblem, MEMBERSHIP_STATUSES } from './types';
export type { Membership, MembershipStatus, ProfileOrProblem, ProfileProblem, SourceProfile } from './types';
export {
  generateSampleProfiles,
  sampleProfileText,
  sampleProfileSpec,
  sampleProfileSpecForDestination,
  defaultSampleCount,
  parseInvalidOption,
  reasonsFor,
  INJECTABLE_REASONS,
  DEFAULT_INVALID_REASONS,
  SAMPLE_EPOCH,
} from './generate';
export type { SampleProfile, SampleProfileSpec, GenerateOptions, InjectableReason } from './generate';
