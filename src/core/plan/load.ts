/** Reads an activation's sample profiles from disk and plans it. */
import { open, stat } from 'node:fs/promises';
import { LineCutter, splitLines } from '../text/lines';
import type { Project, ProjectFile } from '../project/project';
import { isProfileProblem, profileFormat, readProfiles, type ProfileOrProblem, type ProfileProblem, type SourceProfile } from '../profiles';
import { parseJsonLine } from '../profiles/jsonl';
import { resolveActivation, type ResolvedActivation } from './activation';
import { countable, LARGE_SAMPLE_PROFILES, LargePlanBuilder, type LargePlan } from './large';
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
 * the whole plan (the same as `planFromDisk`); a larger one is read with bounded memory into a
 * LargePlan: the first window planned and rendered, the rest counted (large.ts).
 */
export async function planOrSummaryFromDisk(
  project: Project,
  activationFile: ProjectFile | undefined,
  { limit = MAX_SAMPLE_PROFILES, window = LARGE_SAMPLE_PROFILES, onProgress }: PlanOrSummaryOptions = {},
): Promise<{ activation: ResolvedActivation; plan: Plan; large?: undefined } | { activation: ResolvedActivation; plan?: undefined; large: LargePlan }> {
  const activation = resolveActivation(project, activationFile);
  const sample = new Sample(activation, limit, window, onProgress);
  for (const path of activation.profiles) {
    if (sample.read >= limit) break;
    if (profileFormat(path) === 'jsonl' && (await isFile(path))) await sample.readJsonLines(path);
    else for await (const item of readProfiles(path, { limit: limit - sample.read })) sample.take(item);
  }
  return sample.result();
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false; // readProfiles says why
  }
}

const NOT_JSON = Symbol('not JSON');

/** The profiles of a sample as they are read, in file order: windowed, and summarised past the first window. */
class Sample {
  read = 0;
  private profiles: SourceProfile[] = [];
  private problems: ProfileProblem[] = [];
  private large: LargePlanBuilder | undefined;

  constructor(
    private readonly activation: ResolvedActivation,
    private readonly limit: number,
    private readonly window: number,
    private readonly onProgress: ((profilesRead: number) => void) | undefined,
  ) {}

  /** Counted one by one: past the first window, when the destination allows it (LargePlanBuilder.countsOneByOne). */
  private get counting(): boolean {
    return this.large?.countsOneByOne === true;
  }

  take(item: ProfileOrProblem): void {
    if (isProfileProblem(item)) {
      if (this.counting) this.large!.addProfileProblem(item);
      else this.problems.push(item);
      return;
    }
    this.next();
    if (this.counting) this.large!.count(item, item.origin.file, item.origin.index, item.origin.line);
    else this.profiles.push(item);
  }

  /** Before each profile: a window ends every `window` profiles. */
  private next(): void {
    if (this.read > 0 && this.read % this.window === 0) this.flush();
    this.read++;
  }

  private flush(): void {
    const builder = (this.large ??= new LargePlanBuilder(this.activation));
    if (builder.empty || !builder.countsOneByOne) builder.add(buildPlan(this.activation, this.profiles, this.problems, { render: builder.empty }));
    // The next window starts; counted, it lists the policy violations again as buildPlan would.
    if (builder.countsOneByOne) builder.startWindow();
    this.profiles = [];
    this.problems = [];
    this.onProgress?.(this.read);
  }

  /**
   * A JSON Lines file read in big blocks cut at line breaks (core/text/lines.ts), lines numbered as
   * streamJsonLines numbers them; past the first window each line is parsed with JSON.parse and, when
   * it has a profile's shape, counted as it is (no SourceProfile built); other lines go through
   * parseJsonLine, which says what is wrong with them.
   */
  async readJsonLines(path: string): Promise<void> {
    const file = await open(path, 'r');
    const cutter = new LineCutter();
    let lineNumber = 0;
    let index = 0;
    try {
      for (;;) {
        // A new buffer for each read: the cutter keeps the tail of the last one.
        const buffer = Buffer.allocUnsafe(READ_BYTES);
        const { bytesRead } = await file.read(buffer, 0, READ_BYTES, null);
        const block = bytesRead > 0 ? cutter.push(buffer.subarray(0, bytesRead)) : cutter.end();
        if (block) {
          for (const raw of splitLines(block)) {
            lineNumber++;
            const line = lineNumber === 1 && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
            if (line.charCodeAt(0) !== 0x7b && line.trim() === '') continue;
            this.line(line, path, index++, lineNumber);
            if (this.read >= this.limit) return;
          }
        }
        if (bytesRead === 0) return;
      }
    } finally {
      await file.close();
    }
  }

  private line(line: string, path: string, index: number, lineNumber: number): void {
    if (this.counting) {
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        value = NOT_JSON;
      }
      if (countable(value)) {
        this.next();
        this.large!.count(value, path, index, lineNumber);
        return;
      }
    }
    for (const item of parseJsonLine(line, path, index, lineNumber)) this.take(item);
  }

  result(): { activation: ResolvedActivation; plan: Plan; large?: undefined } | { activation: ResolvedActivation; plan?: undefined; large: LargePlan } {
    if (!this.large) return { activation: this.activation, plan: buildPlan(this.activation, this.profiles, this.problems) };
    if (!this.large.countsOneByOne && (this.profiles.length || this.problems.length)) this.large.add(buildPlan(this.activation, this.profiles, this.problems, { render: false }));
    this.onProgress?.(this.read);
    return { activation: this.activation, large: this.large.result() };
  }
}

/** Bytes per read of a JSON Lines sample. */
const READ_BYTES = 1 << 20;
