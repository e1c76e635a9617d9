/**
 * Where `deploy`, `pull` and `publish` send their calls: `--env local` (the default) is the AEP
 * simulator, embedded and started for the run unless `--aep-url` names a running one; `--env
 * production` is Adobe's authoring API (or `--aep-url`) with credentials from the environment.
 * The embedded simulator starts empty, so its instanceIds are remembered in memory only; it gets
 * its own fixed credentials, never the environment's (only AEP_SANDBOX is honoured).
 */
import type { AuthoringApi, AuthoringCall } from '../core/aep/api';
import { authoringApi, recordCalls } from '../core/aep/authoring';
import { createAepClientFromSettings } from '../core/aep/client';
import { aepSettingsFromEnv } from '../core/aep/credentials';
import { openDeployState } from '../core/aep/deploy';
import { deployStateStore, DEPLOY_STATE_FILE, type DeployState } from '../core/aep/deploy-state';
import { AepError } from '../core/aep/errors';
import { memoryStateStore, StateError, type StateStore } from '../core/execute/state';
import { defaultRetryTimeScale } from '../core/pinterest/retry';
import { startAepSimulator } from '../simulator/aep';
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { loadProject } from '../core/project/load';
import type { Project } from '../core/project/project';
import { EXIT, UsageError, type CliIO } from './io';

/** The deploy state's path as a message shows it: relative to where the user is, unless that climbs out of it. */
export function stateShown(cwd: string, projectDir: string): string {
  const abs = join(projectDir, DEPLOY_STATE_FILE);
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel : abs;
}

export const AEP_ENVS = ['local', 'production'] as const;
export type AepEnvironment = (typeof AEP_ENVS)[number];

export interface AepTarget {
  environment: AepEnvironment;
  api: AuthoringApi;
  calls: AuthoringCall[];
  /** The state of `projectDir`: a file, or memory for the embedded simulator. */
  store(projectDir: string, cwd: string): StateStore;
  close(): Promise<void>;
}

/** The target could not be set up (credentials, URL): one sentence, exit 1. */
export class AepTargetError extends Error {}

export function parseAepEnv(value: string | undefined): AepEnvironment {
  if (value === undefined) return 'local';
  if (!AEP_ENVS.includes(value as AepEnvironment)) throw new UsageError("unknown environment '{0}': use local or production", value);
  return value as AepEnvironment;
}

export async function openAepTarget(environment: AepEnvironment, aepUrl: string | undefined, env: Record<string, string | undefined> = process.env): Promise<AepTarget> {
  const embedded = environment === 'local' && !aepUrl ? await startAepSimulator({ port: 0 }) : undefined;
  try {
    const settings = aepSettingsFromEnv(embedded ? { AEP_SANDBOX: env.AEP_SANDBOX } : env, { environment, aepUrl: aepUrl ?? embedded?.baseUrl });
    const calls: AuthoringCall[] = [];
    const client = createAepClientFromSettings(settings, { onEvent: recordCalls(settings.baseUrl, calls), retryTimeScale: defaultRetryTimeScale(environment) });
    return {
      environment,
      api: authoringApi(client),
      calls,
      store: (projectDir, cwd) => (embedded ? memoryStateStore('memory only (the embedded AEP simulator starts empty)') : deployStateStore(projectDir, stateShown(cwd, projectDir))),
      close: async () => {
        await embedded?.close();
      },
    };
  } catch (e) {
    await embedded?.close();
    if (e instanceof AepError) throw new AepTargetError(e.message);
    throw e;
  }
}

/**
 * Runs `fn` with the target and the deploy state of `projectDir` (what deploy, pull and publish
 * share): the target is closed after, and a state file that cannot be read is one message, exit 1.
 */
export async function withAepState(
  command: string,
  io: CliIO,
  environment: AepEnvironment,
  aepUrl: string | undefined,
  projectDir: string,
  fn: (target: AepTarget, state: DeployState) => Promise<number>,
): Promise<number> {
  const target = await openAepTarget(environment, aepUrl);
  try {
    let state: DeployState;
    try {
      state = await openDeployState(projectDir, target.api, environment, target.store(projectDir, io.cwd));
    } catch (e) {
      if (!(e instanceof StateError)) throw e;
      io.stderr(`pindest ${command}: ${e.message} ${e.whatToDo}\n`);
      return EXIT.findings;
    }
    return await fn(target, state);
  } finally {
    await target.close();
  }
}

/** The folder of PROJECT (a folder, or one of its files). */
export function projectFolder(cwd: string, arg: string): string {
  const path = resolve(cwd, arg);
  try {
    return statSync(path).isDirectory() ? path : dirname(path);
  } catch {
    throw new UsageError('{0} does not exist: name the project folder (the one with destination.json)', arg);
  }
}

/** deploy's and publish's one PROJECT argument, loaded; a file that cannot be read is one message, exit 1. */
export async function openProjectArg(command: string, io: CliIO, positionals: string[]): Promise<{ dir: string; project: Project } | number> {
  if (positionals.length !== 1) throw new UsageError('name one project folder');
  const dir = projectFolder(io.cwd, positionals[0]!);
  const { project, problems } = await loadProject([dir]);
  if (problems.length) {
    io.stderr(`pindest ${command}: ${relative(io.cwd, problems[0]!.path) || problems[0]!.path} ${problems[0]!.message}\n`);
    return EXIT.findings;
  }
  return { dir, project };
}
