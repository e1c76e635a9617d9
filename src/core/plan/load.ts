/** Reads an activation's sample profiles from disk and plans it. */
import type { Project, ProjectFile } from '../project/project';
import { isProfileProblem, readProfiles, type ProfileProblem, type SourceProfile } from '../profiles';
import { resolveActivation, type ResolvedActivation } from './activation';
import { LARGE_SAMPLE_PROFILES, LargePlanBuilder, type LargePlan } from './large';
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

export interface PlanOrSummaryOptions {
  limit?: number;
  /** More profiles than this are planned a window of this size at a time and summarised. */
  window?: number;
  /** Called after each window with the profiles read so far. */
  onProgress?: (profilesRead: number) => void;
}

/**
 * `planFromDisk` for front ends that can show a summary: a sample of up to `window` profiles gets
 * the whole plan (the same as `planFromDisk`); a larger one is read and planned a window at a time
 * (bounded memory) into a LargePlan.
 */
export async function planOrSummaryFromDisk(
  project: Project,
  activationFile: ProjectFile | undefined,
  { limit = MAX_SAMPLE_PROFILES, window = LARGE_SAMPLE_PROFILES, onProgress }: PlanOrSummaryOptions = {},
): Promise<{ activation: ResolvedActivation; plan: Plan; large?: undefined } | { activation: ResolvedActivation; plan?: undefined; large: LargePlan }> {
  const activation = resolveActivation(project, activationFile);
  let profiles: SourceProfile[] = [];
  let problems: ProfileProblem[] = [];
  let read = 0;
  let large: LargePlanBuilder | undefined;
  const flush = (): void => {
    const builder = (large ??= new LargePlanBuilder(activation));
    builder.add(buildPlan(activation, profiles, problems, { render: builder.empty }));
    profiles = [];
    problems = [];
    onProgress?.(read);
  };
  for (const path of activation.profiles) {
    for await (const item of readProfiles(path, { limit: limit - read })) {
      if (isProfileProblem(item)) {
        problems.push(item);
        continue;
      }
      if (profiles.length === window) flush();
      profiles.push(item);
      read++;
    }
  }
  if (!large) return { activation, plan: buildPlan(activation, profiles, problems) };
  if (profiles.length || problems.length) flush();
  return { activation, large: large.result() };
}
