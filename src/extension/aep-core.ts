/**
 * The extension's AEP commands bound to the core: planDeploy / deployProject / pullDestination /
 * publishProject (src/core/aep) over an authoring connection, mapped to the views' shapes
 * (aep-api.ts, deploy-text.ts). No `vscode` here: the connection is passed in.
 *
 * The diff's two sides are the texts the core compares (canonical: server-set fields dropped, keys
 * sorted): AEP's copy, as the plan read it (the reads are recorded on the way, so nothing is asked
 * twice), and the payload the deploy would send, with the instanceIds AEP holds substituted.
 */
import type { AuthoringApi, AuthoringCall } from '../core/aep/api';
import { planDeploy, deployProject, type DeployReport } from '../core/aep/deploy';
import { DeployState, type DeployTarget } from '../core/aep/deploy-state';
import { publishProject } from '../core/aep/publish';
import { pullDestination } from '../core/aep/pull';
import { canonicalText, projectResources, resourceName, toPayload, type ResourceKind, type TargetIds } from '../core/aep/resources';
import type { StateStore } from '../core/execute/state';
import type { Json } from '../core/project/project';
import type { AepApi, AepConnection, DeployRun, DestinationSummary, PublishResult, PullResult } from './aep-api';
import type { DeployPlanView, DeployResultView, PlanItem } from './deploy-text';
import { KIND_LABEL } from './deploy-text';

/** An authoring API for a connection, every call observed; `close` ends what it started. */
export interface AuthoringSession {
  api: AuthoringApi;
  close(): Promise<void>;
}

export interface AepCoreDeps {
  /** `calls` receives every call the session makes (method, path, status), as the core's report lists them. */
  connect(conn: AepConnection, calls: AuthoringCall[]): Promise<AuthoringSession>;
  /** The deploy state of a project folder for a connection (a file, or memory for a simulator inside VS Code). */
  stateStore(conn: AepConnection, folder: string): StateStore;
}

function targetOf(conn: AepConnection, api: AuthoringApi): DeployTarget {
  return { environment: conn.target.environment, aepUrl: api.baseUrl, sandbox: api.sandbox, imsOrg: api.imsOrg };
}

/** Records what AEP answered to reads, by kind and instanceId, while passing every call through. */
function recording(api: AuthoringApi): { api: AuthoringApi; seen: Map<string, Json> } {
  const seen = new Map<string, Json>();
  const keep = (kind: ResourceKind, v: Json | undefined) => {
    if (v && typeof v.instanceId === 'string') seen.set(`${kind} ${v.instanceId}`, v);
    return v;
  };
  const wrapped: AuthoringApi = {
    get baseUrl() {
      return api.baseUrl;
    },
    get sandbox() {
      return api.sandbox;
    },
    get imsOrg() {
      return api.imsOrg;
    },
    get: async (kind, id, signal) => keep(kind, await api.get(kind, id, signal)),
    list: async (kind, signal) => {
      const all = await api.list(kind, signal);
      for (const v of all) keep(kind, v);
      return all;
    },
    create: (kind, body, signal) => api.create(kind, body, signal),
    update: (kind, id, body, signal) => api.update(kind, id, body, signal),
    submitPublish: (id, signal) => api.submitPublish(id, signal),
    publishStatus: (id, signal) => api.publishStatus(id, signal),
  };
  return { api: wrapped, seen };
}

function failureOf(report: DeployReport): DeployPlanView['failure'] {
  return report.error ? { message: report.error.message, whatToDo: report.error.whatToDo } : undefined;
}

export function createAepApi(deps: AepCoreDeps): AepApi {
  const withSession = async <T>(conn: AepConnection, fn: (api: AuthoringApi, calls: AuthoringCall[]) => Promise<T>): Promise<T> => {
    const calls: AuthoringCall[] = [];
    const session = await deps.connect(conn, calls);
    try {
      return await fn(session.api, calls);
    } finally {
      await session.close();
    }
  };
  const options = async (run: DeployRun, api: AuthoringApi, calls: AuthoringCall[]) => ({
    projectDir: run.folder,
    project: run.project,
    api,
    state: await DeployState.open(deps.stateStore(run.conn, run.folder), targetOf(run.conn, api)),
    calls,
    force: run.force,
    signal: run.signal,
  });

  return {
    plan: (run) =>
      withSession(run.conn, async (base, calls) => {
        const { api, seen } = recording(base);
        const report = await planDeploy(await options(run, api, calls));
        if (report.outcome === 'refused' || report.outcome === 'failed') return { outcome: report.outcome, items: [], failure: failureOf(report) };
        const local = projectResources(run.project);
        // The ids the destination's references take: AEP's where it holds the server and template.
        const ids: TargetIds = {};
        for (const r of report.resources) if (r.instanceId && r.action !== 'conflict' && r.kind !== 'destination') ids[r.kind as keyof TargetIds] = r.instanceId;
        const items: PlanItem[] = report.resources.map((r) => {
          const res = local.find((l) => l.kind === r.kind);
          const current = r.instanceId ? seen.get(`${r.kind} ${r.instanceId}`) : undefined;
          return {
            kind: r.kind,
            name: r.name,
            file: r.file,
            instanceId: r.instanceId,
            action: r.action as PlanItem['action'],
            aep: current ? canonicalText(current) : undefined,
            local: res ? canonicalText(toPayload(res, ids)) : undefined,
            message: r.message,
          };
        });
        return { outcome: report.outcome === 'conflict' ? 'conflict' : 'ready', items, failure: failureOf(report) };
      }),

    deploy: (run, onProgress) =>
      withSession(run.conn, async (api, calls) => {
        const o = await options(run, api, calls);
        const report = await deployProject({
          ...o,
          onProgress: (p) => onProgress({ message: p.phase === 'plan' ? 'comparing' : p.kind ? KIND_LABEL[p.kind] : 'done', done: p.done, total: p.total }),
        });
        const cancelled = report.outcome === 'failed' && run.signal?.aborted === true;
        const view: DeployResultView = {
          outcome: cancelled ? 'cancelled' : report.outcome === 'dry-run' ? 'succeeded' : report.outcome,
          environment: run.conn.target.environment,
          baseUrl: report.aepUrl,
          sandbox: report.sandbox,
          resources: report.resources.map((r) => ({ kind: r.kind, name: r.name, file: r.file, instanceId: r.instanceId, action: r.action, message: r.message })),
          calls: report.calls.map((c) => ({ method: c.method, path: c.path, status: c.status })),
          failure: failureOf(report),
          at: new Date().toISOString(),
        };
        return view;
      }),

    listDestinations: (conn, signal) =>
      withSession(conn, async (api): Promise<DestinationSummary[]> =>
        (await api.list('destination', signal))
          .filter((d) => typeof d.instanceId === 'string')
          .map((d) => ({ instanceId: d.instanceId as string, name: resourceName('destination', d), status: typeof d.status === 'string' ? d.status : undefined, lastModifiedDate: typeof d.lastModifiedDate === 'string' ? d.lastModifiedDate : undefined })),
      ),

    pull: (conn, destinationId, folder, signal) =>
      withSession(conn, async (api): Promise<PullResult> => {
        const state = await DeployState.open(deps.stateStore(conn, folder), targetOf(conn, api));
        // The command asked before overwriting (deploy.ts), so the core may replace what differs.
        const files = await pullDestination({ api, destinationId, outputDir: folder, state, signal, overwrite: true });
        return { files: files.map((f) => f.path), destinationFile: files.find((f) => f.kind === 'destination')!.path };
      }),

    publish: (run) =>
      withSession(run.conn, async (api): Promise<PublishResult> => {
        const state = await DeployState.open(deps.stateStore(run.conn, run.folder), targetOf(run.conn, api));
        const r = await publishProject({ projectDir: run.folder, project: run.project, api, state, signal: run.signal });
        return { destinationId: r.destinationId, name: r.name, status: r.requests.map((q) => q.status).filter(Boolean).join(', ') || 'submitted', notDeployed: r.notDeployed };
      }),
  };
}
