/**
 * What the extension's AEP commands need from the core's authoring client and deploy orchestration
 * (src/core/aep), in the shapes the views use. aep-core.ts binds it to the real core and the
 * embedded AEP simulator; the commands (deploy.ts) only see this, so the words and views stay
 * independent of the core's own types. No `vscode` here.
 */
import type { AepCredentials, AepTarget } from './aep-credentials';
import type { DeployPlanView, DeployResultView } from './deploy-text';
import type { Project } from '../core/project/project';

/** Where the calls go and with what: real credentials only for production, never to a simulator. */
export interface AepConnection {
  target: AepTarget;
  /** Production: the stored credentials. Local: undefined (the simulator's own seeded ones are used). */
  credentials?: AepCredentials;
  /** The sandbox the calls name (x-sandbox-name). */
  sandbox: string;
}

export interface DeployProgress {
  /** e.g. "destination server", or a step name from the core. */
  message: string;
  done: number;
  total: number;
}

export interface DestinationSummary {
  instanceId: string;
  name: string;
  status?: string;
  lastModifiedDate?: string;
}

export interface PullResult {
  /** Absolute paths of the files written. */
  files: string[];
  /** The destination configuration's file (the one opened after a pull). */
  destinationFile: string;
}

export interface PublishResult {
  destinationId: string;
  name: string;
  /** Adobe's publishing status of the destination's requests, e.g. TEST, PENDING or PUBLISHED. */
  status: string;
  /** Set when AEP's destination differs from the local file (Adobe publishes what it holds). */
  notDeployed?: string;
}

export interface DeployRun {
  /** The project folder (the deploy state and the file names are relative to it). */
  folder: string;
  project: Project;
  conn: AepConnection;
  /** Overwrite what changed in AEP since the last deploy or pull (after the user confirmed). */
  force?: boolean;
  signal?: AbortSignal;
}

export interface AepApi {
  /** What a deploy would do, reading only: each resource with AEP's copy and what would be sent. */
  plan(run: DeployRun): Promise<DeployPlanView>;
  /** Creates or updates in dependency order; a failure or cancel is in the result, not thrown. */
  deploy(run: DeployRun, onProgress: (p: DeployProgress) => void): Promise<DeployResultView>;
  listDestinations(conn: AepConnection, signal?: AbortSignal): Promise<DestinationSummary[]>;
  /** Writes the project of a destination (by instanceId) into `folder`. */
  pull(conn: AepConnection, destinationId: string, folder: string, signal?: AbortSignal): Promise<PullResult>;
  /** Submits the project's destination (the one this folder deployed) for publishing. */
  publish(run: DeployRun): Promise<PublishResult>;
}
