/**
 * Run history: the last test activation reports of a project, as JSON files in `.pindest/runs/`
 * next to the activation. Pure Node (no `vscode`), so it is unit-tested in plain Node. The reports
 * are the core's, already redacted (masked identifiers, hashes, `••••` for tokens); the folder
 * ignores itself (`.pindest/.gitignore` is `*`), like the state file's.
 */
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ActivationReport } from '../core/execute/report';
import { fill, msg } from '../core/report/l10n';

export const RUNS_DIR = join('.pindest', 'runs');
const NOT_A_RUN = msg('{0} is not a saved test activation run.');
/** How many runs a project keeps; older ones are deleted when a new one is saved. */
export const KEEP_RUNS = 20;

export interface SavedRun {
  /** ISO time the run finished. */
  savedAt: string;
  report: ActivationReport;
}

export interface RunEntry {
  path: string;
  savedAt: string;
  outcome: ActivationReport['outcome'];
  environment: string;
  name: string;
}

export function runsFolder(activationPath: string): string {
  return join(dirname(activationPath), RUNS_DIR);
}

/** Saves the report and keeps only the newest `keep` runs. Returns the file written. */
export async function saveRun(activationPath: string, report: ActivationReport, now = new Date(), keep = KEEP_RUNS): Promise<string> {
  const dir = runsFolder(activationPath);
  await mkdir(dir, { recursive: true });
  // The folder ignores itself, whichever of the state file and the runs came first.
  await writeFile(join(dirname(dir), '.gitignore'), '*\n', { flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e;
  });
  // Sortable, file-name-safe, unique within a process: 2026-11-29T23-18-36-123Z-succeeded.json
  let file = join(dir, `${now.toISOString().replace(/:/g, '-').replace('.', '-')}-${report.outcome}.json`);
  for (let i = 2; await exists(file); i++) file = file.replace(/(-\d+)?\.json$/, `-${i}.json`);
  const saved: SavedRun = { savedAt: now.toISOString(), report };
  await writeFile(file, JSON.stringify(saved, null, 2) + '\n');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.json')).sort();
  for (const old of names.slice(0, Math.max(0, names.length - keep))) await rm(join(dir, old), { force: true });
  return file;
}

async function exists(path: string): Promise<boolean> {
  return readFile(path).then(
    () => true,
    () => false,
  );
}

/** The saved runs of the project, newest first; unreadable files are skipped. */
export async function listRuns(activationPath: string): Promise<RunEntry[]> {
  const dir = runsFolder(activationPath);
  const names = await readdir(dir).catch(() => [] as string[]);
  const out: RunEntry[] = [];
  for (const n of names.filter((n) => n.endsWith('.json')).sort().reverse()) {
    const run = await loadRun(join(dir, n)).catch(() => undefined);
    if (run) out.push({ path: join(dir, n), savedAt: run.savedAt, outcome: run.report.outcome, environment: run.report.environment, name: run.report.activation.name });
  }
  return out;
}

export async function loadRun(path: string): Promise<SavedRun> {
  const notARun = new Error(fill(NOT_A_RUN, [path]));
  let run: SavedRun;
  try {
    run = JSON.parse(await readFile(path, 'utf8')) as SavedRun;
  } catch (e) {
    if (e instanceof SyntaxError) throw notARun;
    throw e;
  }
  // Everything listRuns reads, so a hand-edited or truncated file is skipped rather than crashing the list.
  const r = run?.report as Partial<ActivationReport> | undefined;
  if (!run || typeof run.savedAt !== 'string' || !r || typeof r !== 'object' || !Array.isArray(r.calls) || typeof r.outcome !== 'string' || typeof r.environment !== 'string' || !r.activation || typeof r.activation !== 'object') throw notARun;
  return run;
}
