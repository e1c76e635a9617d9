/** Reads an activation's sample profiles from disk and plans it. */
import type { Project, ProjectFile } from '../project/project';
import { isProfileProblem, readProfiles, type ProfileProblem, type SourceProfile } from '../profiles';
import { resolveActivation, type ResolvedActivation } from './activation';
import { buildPlan } from './plan';
import type { Plan } from './types';

/** A test activation is a sample: more profiles than this are not read. */
export const MAX_SAMPLE_PROFILES = 1_000_000;

export async function planFromDisk(project: Project, activationFile?: ProjectFile, limit = MAX_SAMPLE_PROFILES): Promise<{ activation: ResolvedActivation; plan: Plan }> {
  const activation = resolveActivation(project, activationFile);
  const profiles: SourceProfile[] = [];
  const problems: ProfileProblem[] = [];
  for (const path of activation.profiles) {
    for await (const item of readProfiles(path, { limit: limit - profiles.length })) {
      if (isProfileProblem(item)) problems.push(item);
      else profiles.push(item);
    }
  }
  return { activation, plan: buildPlan(activation, profiles, problems) };
}
