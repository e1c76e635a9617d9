/**
 * Deploy a destination project to AEP through the Destination Authoring API, as an author does by
 * hand: the destination server, then the audience template, then the destination configuration
 * with their instanceIds substituted. The CLI (`pindest deploy`) and the extension call the same
 * functions: `planDeploy` reads only (it is `--dry-run`), `deployProject` plans, then writes.
 *
 * - Refused while the project's destination files have validation errors (the validate pipeline).
 * - Idempotent: a resource whose content in AEP equals the file (server-set fields aside) is
 *   "unchanged" and not written.
 * - Resumable: each instanceId is remembered as soon as AEP gives it (`deploy-state.ts`), so a
 *   deploy stopped half-way (server created, destination refused) is finished by the next one.
 * - Safe: a resource changed in AEP since the last deploy or pull from this folder is a conflict;
 *   nothing is written until `force` says to overwrite.
 */
import { relative } from 'node:path';
import type { Diagnostic } from '../diagnostics';
import { asString, type Json, type Project } from '../project/project';
import { unifiedDiff } from '../text/diff';
import { validateProject } from '../validate';
import { AuthoringFailure, type AuthoringApi, type AuthoringCall } from './api';
import type { StateStore } from '../execute/state';
import { DeployState, deployStateStore } from './deploy-state';
import { asStoredByAep, canonicalText, DEPLOY_ORDER, fingerprint, KIND_LABELS, projectResources, ProjectShapeError, RESOURCE_PATHS, resourceName, sameContent, toPayload, type LocalResource, type ResourceKind, type TargetIds } from './resources';

export type PlannedAction = 'create' | 'update' | 'unchanged' | 'conflict';
export type DoneAction = 'created' | 'updated' | 'unchanged' | 'conflict' | 'failed' | 'not sent';

export interface ResourceOutcome {
  kind: ResourceKind;
  name: string;
  /** The project file, relative to the project folder. */
  file: string;
  /** Its instanceId in AEP, when it has one there. */
  instanceId?: string;
  action: PlannedAction | DoneAction;
  /** The unified diff, AEP's version against what is sent (dry run, and planned writes). */
  diff?: string;
  /** For a diff editor (planned writes): AEP's canonical text ('' for a create) and what would be sent. */
  aepText?: string;
  localText?: string;
  /** Why a conflict or a failure, in one or two sentences. */
  message?: string;
}

export interface DeployFinding {
  path: string;
  diagnostic: Diagnostic;
}

export interface DeployReport {
  outcome: 'succeeded' | 'dry-run' | 'refused' | 'conflict' | 'failed';
  /** The deploy state's environment (local, production). */
  environment: string;
  aepUrl: string;
  sandbox: string;
  resources: ResourceOutcome[];
  calls: AuthoringCall[];
  /** The validation errors that refused the deploy. */
  findings?: DeployFinding[];
  /** For refused, conflict and failed: what is wrong and what to do, including what exists in AEP now. */
  error?: { message: string; whatToDo: string };
  /** Where the instanceIds are remembered (a file, or memory only). */
  stateWhere: string;
}

export interface DeployProgress {
  phase: 'plan' | 'deploy';
  done: number;
  total: number;
  kind?: ResourceKind;
}

export interface DeployOptions {
  /** The project folder: state entries and messages name files relative to it. */
  projectDir: string;
  project: Project;
  api: AuthoringApi;
  state: DeployState;
  /** The calls made so far (the api's observer appends to it). */
  calls: AuthoringCall[];
  /** Overwrite resources changed in AEP since the last deploy or pull (not the default). */
  force?: boolean;
  signal?: AbortSignal;
  onProgress?: (p: DeployProgress) => void;
}

interface PlanItem {
  res: LocalResource;
  file: string;
  action: PlannedAction;
  /** AEP's version when it has one. */
  current?: Json;
  id?: string;
  message?: string;
}

/** The validation errors of the files deploy sends (an activation's own errors do not reach AEP). */
export function deployBlockers(project: Project): DeployFinding[] {
  const sent = new Set(['destination', 'destination-server', 'audience-template']);
  return validateProject(project)
    .filter((r) => r.kind !== undefined && sent.has(r.kind))
    .flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((diagnostic) => ({ path: r.path, diagnostic })));
}

function base(options: DeployOptions): Omit<DeployReport, 'outcome' | 'resources'> {
  return { environment: options.state.target.environment, aepUrl: options.api.baseUrl, sandbox: options.api.sandbox, calls: options.calls, stateWhere: options.state.where };
}

function aborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new AuthoringFailure('The deploy was cancelled.', 'Run it again to finish: what was already created is reused.');
}

/** Reads what AEP holds for each resource and decides, per resource, create, update, unchanged or conflict. */
async function plan(options: DeployOptions, resources: LocalResource[]): Promise<PlanItem[]> {
  const { api, state, signal } = options;
  const items: PlanItem[] = [];
  // The ids known so far (earlier resources), to tell whether AEP already holds what would be sent.
  const ids: TargetIds = {};
  for (const [i, res] of resources.entries()) {
    aborted(signal);
    options.onProgress?.({ phase: 'plan', done: i, total: resources.length, kind: res.kind });
    const file = relative(options.projectDir, res.file.path) || res.file.path;
    const remembered = state.get(res.kind, file);
    const label = `The ${KIND_LABELS[res.kind]} "${res.name}" (${file})`;
    let item: PlanItem = { res, file, action: 'create' };
    if (remembered?.status === 'deployed' && remembered.instanceId) {
      const current = await api.get(res.kind, remembered.instanceId, signal);
      if (!current) {
        item = options.force
          ? { res, file, action: 'create' }
          : { res, file, action: 'conflict', id: remembered.instanceId, message: `${label} was deleted from AEP since the last deploy from this folder (instanceId ${remembered.instanceId} is not found).` };
      } else if (fingerprint(current) !== remembered.fingerprint && !options.force && !sameContent(current, asStoredByAep(res.kind, toPayload(res, ids)))) {
        // Changed in AEP since, and not into what this folder would send: someone else's change.
        item = { res, file, action: 'conflict', current, id: remembered.instanceId, message: `${label} was changed in AEP since the last deploy or pull from this folder (AEP's lastModifiedDate is ${asString(current.lastModifiedDate) ?? 'unknown'}; remembered ${remembered.lastModifiedDate ?? 'unknown'}).` };
      } else item = { res, file, action: 'update', current, id: remembered.instanceId };
    } else {
      // A create that got no answer, or a first deploy: look for what may already be there.
      const localId = asString(res.value.instanceId);
      const current = localId && remembered?.status !== 'pending' ? await api.get(res.kind, localId, signal) : undefined;
      if (current) item = { res, file, action: 'update', current, id: localId };
      else {
        const named = (await api.list(res.kind, signal)).filter((r) => resourceName(res.kind, r) === res.name && typeof r.instanceId === 'string');
        if (remembered?.status === 'pending' && named.length === 1) {
          // The create answered nothing but happened: adopt it rather than create a second one.
          item = { res, file, action: 'update', current: named[0], id: named[0]!.instanceId as string };
        } else if (named.length > 0 && !options.force) {
          const found = named.map((r) => r.instanceId as string);
          item = { res, file, action: 'conflict', id: found[0], message: `AEP already holds ${named.length === 1 ? 'a' : named.length} ${KIND_LABELS[res.kind]}${named.length === 1 ? '' : 's'} named "${res.name}" (${found.join(', ')}) that this folder did not deploy${remembered?.status === 'pending' ? ' (a create from here got no answer)' : ''}.` };
        }
      }
    }
    if (item.id && item.action !== 'conflict' && res.kind !== 'destination') ids[res.kind as keyof TargetIds] = item.id;
    items.push(item);
  }
  options.onProgress?.({ phase: 'plan', done: resources.length, total: resources.length });
  return items;
}

function diffOf(item: PlanItem, payload: Json): string {
  const local = canonicalText(payload);
  if (!item.current) return unifiedDiff('/dev/null', `local ${item.file}`, '', local);
  return unifiedDiff(`AEP ${KIND_LABELS[item.res.kind]} ${item.id}`, `local ${item.file}`, canonicalText(item.current), local);
}

function conflictAdvice(items: PlanItem[], options: DeployOptions): string {
  const c = items.find((i) => i.action === 'conflict')!;
  if (!c.current && c.message?.includes('was deleted')) return `Nothing was sent. To create it again, run deploy with --force; to stop deploying it, delete ${options.state.where}.`;
  if (c.message?.startsWith('AEP already holds')) return `Nothing was sent. If it is this file's resource, set "instanceId" in ${c.file} to its id and deploy again (it is then updated); otherwise give yours another name. --force creates a new one anyway.`;
  const destinationId = items.find((i) => i.res.kind === 'destination')?.id ?? 'ID';
  return `Nothing was sent. To keep AEP's version, pull it (pindest pull --destination-id ${destinationId} --output DIR) and carry your changes over; to replace it with your file, deploy with --force. Run deploy with --dry-run to see the differences.`;
}

async function run(options: DeployOptions, dryRun: boolean): Promise<DeployReport> {
  let resources: LocalResource[];
  try {
    resources = projectResources(options.project);
  } catch (e) {
    if (!(e instanceof ProjectShapeError)) throw e;
    return { ...base(options), outcome: 'refused', resources: [], error: { message: e.message, whatToDo: e.whatToDo } };
  }
  const findings = deployBlockers(options.project);
  if (findings.length) {
    return {
      ...base(options),
      outcome: 'refused',
      resources: [],
      findings,
      error: { message: `The project has ${findings.length} validation error${findings.length === 1 ? '' : 's'}, so nothing was sent to AEP.`, whatToDo: 'Fix them (pindest validate lists them with their quick fixes) and deploy again.' },
    };
  }
  let items: PlanItem[];
  try {
    items = await plan(options, resources);
  } catch (e) {
    if (!(e instanceof AuthoringFailure)) throw e;
    // Only reads were made: nothing in AEP changed.
    const resourcesOut = resources.map((res) => ({ kind: res.kind, name: res.name, file: relative(options.projectDir, res.file.path), action: 'not sent' as const }));
    return { ...base(options), outcome: 'failed', resources: resourcesOut, error: { message: `${e.message} Nothing was sent.`, whatToDo: e.whatToDo } };
  }
  // The ids as they will be: AEP's where it has the resource, a placeholder where it will create it.
  const ids: TargetIds = {};
  for (const item of items) if (item.id && item.action !== 'conflict' && item.res.kind !== 'destination') ids[item.res.kind as keyof TargetIds] = item.id;
  const planned: ResourceOutcome[] = items.map((item) => {
    const payload = asStoredByAep(item.res.kind, toPayload(item.res, ids));
    const action: PlannedAction = item.action === 'conflict' ? 'conflict' : item.current ? (sameContent(item.current, payload) ? 'unchanged' : 'update') : 'create';
    item.action = action;
    const texts = action === 'unchanged' ? {} : { diff: diffOf(item, payload), aepText: item.current ? canonicalText(item.current) : '', localText: canonicalText(payload) };
    return { kind: item.res.kind, name: item.res.name, file: item.file, instanceId: item.id, action, ...texts, message: item.message };
  });
  if (items.some((i) => i.action === 'conflict')) {
    const first = items.find((i) => i.action === 'conflict')!;
    return { ...base(options), outcome: 'conflict', resources: planned, error: { message: first.message!, whatToDo: conflictAdvice(items, options) } };
  }
  if (dryRun) return { ...base(options), outcome: 'dry-run', resources: planned };
  return apply(options, items);
}

/**
 * Whether a failed write may still have taken effect: no answer came, or a gateway answered 502,
 * 503 or 504 in AEP's place (the service behind it may have created the resource before it timed out).
 */
function mayHaveHappened(e: AuthoringFailure): boolean {
  return e.status === undefined || e.status === 502 || e.status === 503 || e.status === 504;
}

/** Writes, in dependency order; each instanceId is remembered as soon as AEP gives it. */
async function apply(options: DeployOptions, items: PlanItem[]): Promise<DeployReport> {
  const { api, state, signal } = options;
  const ids: TargetIds = {};
  const done: ResourceOutcome[] = [];
  for (const [i, item] of items.entries()) {
    options.onProgress?.({ phase: 'deploy', done: i, total: items.length, kind: item.res.kind });
    const payload = toPayload(item.res, ids);
    try {
      aborted(signal);
      let stored: Json;
      let action: DoneAction;
      if (item.current && item.id) {
        if (sameContent(item.current, asStoredByAep(item.res.kind, payload))) {
          stored = item.current;
          action = 'unchanged';
        } else {
          stored = await api.update(item.res.kind, item.id, payload, signal);
          action = 'updated';
        }
      } else {
        // Remembered before sending: if no answer comes, the next deploy looks for it by name.
        await state.put({ kind: item.res.kind, file: item.file, name: item.res.name, status: 'pending' });
        try {
          stored = await api.create(item.res.kind, payload, signal);
        } catch (e) {
          // AEP refused it: nothing was created, nothing is pending.
          if (e instanceof AuthoringFailure && !mayHaveHappened(e)) await state.remove(item.res.kind, item.file);
          throw e;
        }
        action = 'created';
      }
      const id = asString(stored.instanceId) ?? item.id;
      if (!id) throw new AuthoringFailure(`AEP answered the ${KIND_LABELS[item.res.kind]} "${item.res.name}" with no instanceId.`, 'Run deploy again: it looks the resource up by name before creating it.');
      const remembered = state.get(item.res.kind, item.file);
      const print = fingerprint(stored);
      if (remembered?.status !== 'deployed' || remembered.instanceId !== id || remembered.fingerprint !== print) {
        await state.put({ kind: item.res.kind, file: item.file, name: item.res.name, status: 'deployed', instanceId: id, fingerprint: print, lastModifiedDate: asString(stored.lastModifiedDate) });
      }
      if (item.res.kind !== 'destination') ids[item.res.kind as keyof TargetIds] = id;
      done.push({ kind: item.res.kind, name: item.res.name, file: item.file, instanceId: id, action });
    } catch (e) {
      return failed(options, items, done, e, i);
    }
  }
  options.onProgress?.({ phase: 'deploy', done: items.length, total: items.length });
  return { ...base(options), outcome: 'succeeded', resources: done };
}

/** A failure mid-way: what exists in AEP now, and how to finish or roll back. */
function failed(options: DeployOptions, items: PlanItem[], done: ResourceOutcome[], e: unknown, at = 0): DeployReport {
  if (!(e instanceof AuthoringFailure)) throw e;
  const failing = items[at]!;
  const pendingUnknown = mayHaveHappened(e) && !failing.current;
  const resources: ResourceOutcome[] = [
    ...done,
    { kind: failing.res.kind, name: failing.res.name, file: failing.file, instanceId: failing.id, action: 'failed', message: e.message },
    ...items.slice(at + 1).map((it) => ({ kind: it.res.kind, name: it.res.name, file: it.file, instanceId: it.id, action: 'not sent' as const })),
  ];
  const inAep = done.filter((d) => d.instanceId);
  const created = done.filter((d) => d.action === 'created');
  const now = inAep.length
    ? `In AEP now: ${inAep.map((d) => `the ${KIND_LABELS[d.kind]} "${d.name}" (${d.instanceId}, ${d.action})`).join('; ')}.`
    : 'Nothing of this deploy is in AEP.';
  const sentence = `${e.message} ${now}${pendingUnknown ? ` The ${KIND_LABELS[failing.res.kind]} "${failing.res.name}" may have been created without an answer: the next deploy looks it up by name before creating it.` : ''}`;
  const rollback = created.length
    ? ` To roll back instead, delete what this deploy created: ${created.reverse().map((d) => `DELETE ${options.api.baseUrl}${RESOURCE_PATHS[d.kind]}/${d.instanceId}`).join(', ')}.`
    : '';
  const finish = `${e.whatToDo ? `${e.whatToDo} ` : ''}Deploy again to finish: ${inAep.length ? `the ${inAep.length === 1 ? 'resource' : `${inAep.length} resources`} above ${inAep.length === 1 ? 'is' : 'are'} reused, not created again.` : 'nothing is created twice.'}${rollback}`;
  return { ...base(options), outcome: 'failed', resources, error: { message: sentence, whatToDo: finish } };
}

/** What a deploy would do, with the diff of each resource: reads only (`--dry-run`). */
export function planDeploy(options: DeployOptions): Promise<DeployReport> {
  return run(options, true);
}

/** Deploys the project: refused, conflict, failed (with what is in AEP now) or succeeded. */
export function deployProject(options: DeployOptions): Promise<DeployReport> {
  return run(options, false);
}

export { DEPLOY_ORDER };

/**
 * The deploy state of a project folder for the target `api` talks to (what the CLI and the
 * extension open before planDeploy/deployProject); `store` defaults to `.pindest/deploy.json`.
 */
export function openDeployState(projectDir: string, api: AuthoringApi, environment: string, store: StateStore = deployStateStore(projectDir)): Promise<DeployState> {
  return DeployState.open(store, { environment, aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg });
}
