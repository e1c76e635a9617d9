// Shared by the profile loader tests: fixture paths, draining readProfiles, temp files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readProfiles } from '../../../src/core/profiles/index';
import type { ProfileProblem, ReadProfilesOptions, SourceProfile } from '../../../src/core/profiles/index';

export const fixture = (name: string): string => fileURLToPath(new URL(`../../fixtures/profiles/${name}`, import.meta.url));

export async function drain(path: string, options?: ReadProfilesOptions) {
  const profiles: SourceProfile[] = [];
  const problems: ProfileProblem[] = [];
  const order: ('profile' | 'problem')[] = [];
  for await (const item of readProfiles(path, options)) {
    if ('identityMap' in item) profiles.push(item);
    else problems.push(item);
    order.push('identityMap' in item ? 'profile' : 'problem');
  }
  return { profiles, problems, order };
}

let dir: string | undefined;
export function tempFile(name: string, content: string): string {
  dir ??= mkdtempSync(join(tmpdir(), 'pindest-profiles-'));
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Every email / UUID / long hex appearing in a text, to check that no problem message repeats one. */
export function identifiersIn(text: string): string[] {
  return text.match(/[^\s",|]+@[^\s",|]+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[0-9a-f]{32,64}/g) ?? [];
}
