/** Plans the example activation in memory, after optional edits to its files and profiles. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveActivation } from '../../src/core/plan/activation';
import { buildPlan } from '../../src/core/plan/plan';
import type { Plan } from '../../src/core/plan/types';
import { parseProfiles, type SourceProfile } from '../../src/core/profiles';
import { Project } from '../../src/core/project/project';
import { EXAMPLE_DIR, exampleFiles, type ExampleFiles } from './example';

export function exampleProfiles(): SourceProfile[] {
  const path = join(EXAMPLE_DIR, 'profiles.json');
  return parseProfiles(readFileSync(path, 'utf8'), path).profiles;
}

export function planExample(mutate: (f: ExampleFiles) => void = () => {}, profiles: SourceProfile[] = exampleProfiles()): Plan {
  const files = exampleFiles();
  mutate(files);
  const names: [keyof ExampleFiles, string][] = [['destination', 'destination.json'], ['server', 'destination-server.json'], ['audienceTemplate', 'audience-template.json'], ['activation', 'activation.json']];
  const project = Project.fromTexts(names.filter(([k]) => files[k] !== undefined).map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) })));
  return buildPlan(resolveActivation(project), profiles);
}

/** A synthetic profile in AEP's source shape. */
export function profile(identityMap: Record<string, string[]>, membership: Record<string, 'realized' | 'existing' | 'exited'>, index = 0): SourceProfile {
  return {
    identityMap: Object.fromEntries(Object.entries(identityMap).map(([ns, ids]) => [ns, ids.map((id) => ({ id }))])),
    segmentMembership: { ups: Object.fromEntries(Object.entries(membership).map(([id, status]) => [id, { status }])) },
    attributes: {},
    origin: { file: 'inline', index },
  };
}

export const SPRING = '5b8a1c3e-7f4d-4e2a-9b6c-0d1e2f3a4b5c';
export const LAPSED = 'a2c4e6f8-1b3d-4f5a-8c7e-9d0b1a2c3e4f';
