/**
 * The AEP side of the extension, registered from main.ts: Sign In to Adobe / Sign Out of Adobe,
 * Deploy to AEP, Pull from AEP and Publish to AEP, the read-only documents of the deploy diff, the
 * deploy report, and the AEP authoring simulator inside VS Code (the `local` AEP environment,
 * started when a command needs it, as the Pinterest simulator is for local test activations).
 */
import * as vscode from 'vscode';
import { authoringApi, recordCalls } from '../core/aep/authoring';
import { createAepClientFromSettings } from '../core/aep/client';
import { aepSettingsFromEnv } from '../core/aep/credentials';
import { defaultRetryTimeScale } from '../core/pinterest/retry';
import { memoryStateStore, type StateStore } from '../core/execute/state';
import { deployStateStore, DEPLOY_STATE_FILE } from '../core/aep/deploy-state';
import { startAepSimulator, type AepSimulator } from '../simulator/aep';
import { AepAuth } from './aep-auth';
import { createAepApi } from './aep-core';
import { DEFAULT_SANDBOX, aepEnv } from './aep-credentials';
import { AEP_SCHEME, AepDocuments, deployToAep, publishToAep, pullFromAep, type AepDeps, type AepSimulatorHost } from './deploy';
import { DeployReportPanel } from './deploy-panel';
import type { DeployResultView } from './deploy-text';
import type { Log } from './log';
import { refuseUntrusted } from './trust';
import { join } from 'node:path';

/** The AEP authoring simulator, in process: started by the first local AEP command, stopped with the extension. */
export class AepSimulatorManager implements AepSimulatorHost, vscode.Disposable {
  private sim: AepSimulator | undefined;
  private starting: Promise<AepSimulator> | undefined;
  /** Its deploy states, in memory: it starts empty each time, so a state file would be stale. */
  readonly states = new WeakMap<object, Map<string, StateStore>>();

  constructor(private readonly log: Log) {}

  get running(): { baseUrl: string; sandbox: string } | undefined {
    return this.sim && { baseUrl: this.sim.baseUrl, sandbox: DEFAULT_SANDBOX };
  }

  /** The running simulator itself (its memory states are keyed by it). */
  get instance(): AepSimulator | undefined {
    return this.sim;
  }

  async start(port: number): Promise<{ baseUrl: string; sandbox: string }> {
    if (!this.sim) {
      this.starting ??= startAepSimulator({ port, log: (line) => this.log.debug(`[aep simulator] ${line}`) })
        .then((sim) => {
          this.sim = sim;
          this.log.info(`Local AEP authoring simulator listening on ${sim.baseUrl} (sandboxes ${sim.seed.sandboxes.join(', ')}).`);
          return sim;
        })
        .finally(() => {
          this.starting = undefined;
        });
      await this.starting;
    }
    return this.running!;
  }

  async stop(): Promise<void> {
    const sim = this.sim;
    this.sim = undefined;
    if (sim) await sim.close();
  }

  dispose(): void {
    void this.stop();
  }
}

export interface AepExtension {
  auth: AepAuth;
  reports: DeployReportPanel;
  sims: AepSimulatorManager;
  /** The deploy report shown last (extension-host tests read it). */
  lastDeploy(): DeployResultView | undefined;
}

export function registerAep(context: vscode.ExtensionContext, log: Log, command: (id: string, fn: (...args: any[]) => unknown) => void): AepExtension {
  const auth = new AepAuth(context.secrets, log);
  const sims = new AepSimulatorManager(log);
  const docs = new AepDocuments();
  const reports = new DeployReportPanel(context);
  const api = createAepApi({
    connect: async (conn, calls) => {
      // Throws the core's one-sentence AepError when a credential or the URL is wrong, before any call.
      const settings = aepSettingsFromEnv(aepEnv(conn.target.environment, conn.sandbox, conn.credentials, process.env.NODE_TLS_REJECT_UNAUTHORIZED), { environment: conn.target.environment, aepUrl: conn.target.baseUrl });
      const client = createAepClientFromSettings(settings, { onEvent: recordCalls(settings.baseUrl, calls), retryTimeScale: defaultRetryTimeScale(conn.target.environment) });
      return { api: authoringApi(client), close: async () => {} };
    },
    stateStore: (conn, folder) => {
      const sim = sims.instance;
      if (conn.target.environment === 'local' && sim && sim.baseUrl === conn.target.baseUrl) {
        let byFolder = sims.states.get(sim);
        if (!byFolder) sims.states.set(sim, (byFolder = new Map()));
        let store = byFolder.get(folder);
        if (!store) byFolder.set(folder, (store = memoryStateStore('memory only (the AEP simulator inside VS Code starts empty)')));
        return store;
      }
      return deployStateStore(folder, vscode.workspace.asRelativePath(join(folder, DEPLOY_STATE_FILE)));
    },
  });
  const deps: AepDeps = { log, auth, api, sims, docs, reports };
  context.subscriptions.push(sims, docs, reports, vscode.workspace.registerTextDocumentContentProvider(AEP_SCHEME, docs));

  command('signInAdobe', async () => {
    if (refuseUntrusted(vscode.l10n.t('Signing in to Adobe needs a trusted workspace: trust this folder first (Manage Workspace Trust), then sign in.'))) return false;
    const ok = await auth.signIn();
    if (ok) void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to Adobe: deploys in the production AEP environment use these credentials (kept in VS Code secret storage).'));
    return ok;
  });
  command('signOutAdobe', async () => {
    const had = await auth.signOut();
    void vscode.window.showInformationMessage(had ? vscode.l10n.t('Signed out of Adobe: credentials removed from secret storage.') : vscode.l10n.t('No Adobe credentials were stored.'));
    return had;
  });
  command('deployToAep', () => deployToAep(deps));
  command('pullFromAep', () => pullFromAep(deps));
  command('publishToAep', () => publishToAep(deps));
  void auth.updateContext();
  return { auth, reports, sims, lastDeploy: () => reports.last };
}
