/**
 * What a deploy or pull remembers, per target (environment, authoring URL, sandbox, IMS org) and
 * per project file: the instanceId AEP gave the resource, and the fingerprint and lastModifiedDate
 * of the version AEP held after the last deploy or pull. Kept in `.pindest/deploy.json` in the
 * project folder, written with the test activation state's safe writes (`execute/state.ts`).
 *
 * - It makes a deploy resumable: a server created by a deploy whose destination was refused is
 *   found here by the next deploy and reused, never created twice.
 * - A create sent without a complete answer is kept as "pending": the next deploy looks for the
 *   resource by name before creating again.
 * - A resource whose fingerprint in AEP differs from the remembered one was changed in AEP since:
 *   a conflict, reported, not overwritten.
 */
import { join } from 'node:path';
import { fileStateStore, StateError, type StateStore } from '../execute/state';
import type { ResourceKind } from './resources';

export const DEPLOY_STATE_VERSION = 1;
export const DEPLOY_STATE_FILE = join('.pindest', 'deploy.json');

export interface DeployTarget {
  environment: string;
  aepUrl: string;
  sandbox: string;
  imsOrg: string;
}

export interface RememberedResource extends DeployTarget {
  kind: ResourceKind;
  /** The project file's name, relative to the project folder. */
  file: string;
  name: string;
  /** `deployed`: AEP answered the create, update or read; `pending`: a create was sent without a complete answer. */
  status: 'deployed' | 'pending';
  instanceId?: string;
  /** SHA-256 of the canonical form of what AEP held after the last deploy or pull (`resources.ts`). */
  fingerprint?: string;
  lastModifiedDate?: string;
  /** When it was last written (ISO 8601); for a pending create, when the create was sent. */
  since: string;
}

interface DeployStateFile {
  version: number;
  about: string;
  resources: RememberedResource[];
}

const ABOUT = 'pindest deploy state: the instanceIds AEP gave this project\'s files and the version last deployed or pulled, per target. Deleting it makes the next deploy look resources up by the instanceIds in the files.';
const RESET = `Delete ${DEPLOY_STATE_FILE} to start again (deploy then finds resources by the instanceIds in your files), or pull the destination into this folder.`;
const KINDS: readonly string[] = ['destination-server', 'audience-template', 'destination'];

/** The deploy state of a project folder on disk. */
export function deployStateStore(projectDir: string, displayPath = DEPLOY_STATE_FILE): StateStore {
  // fileStateStore takes a file of the folder and keeps its state next to it.
  return fileStateStore(join(projectDir, 'destination.json'), displayPath, DEPLOY_STATE_FILE);
}

const isString = (x: unknown): x is string => typeof x === 'string';
const sameTarget = (a: DeployTarget, b: DeployTarget) => a.environment === b.environment && a.aepUrl === b.aepUrl && a.sandbox === b.sandbox && a.imsOrg === b.imsOrg;

export class DeployState {
  private constructor(
    private readonly store: StateStore,
    private readonly data: DeployStateFile,
    readonly target: DeployTarget,
  ) {}

  static async open(store: StateStore, target: DeployTarget): Promise<DeployState> {
    const text = await store.read();
    if (text === undefined || text.trim() === '') return new DeployState(store, { version: DEPLOY_STATE_VERSION, about: ABOUT, resources: [] }, target);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StateError(`${store.where} is not valid JSON, so the instanceIds it remembers cannot be used.`, RESET);
    }
    const data = json as Partial<DeployStateFile> | null;
    if (!data || typeof data !== 'object' || Array.isArray(data) || !Array.isArray(data.resources)) throw new StateError(`${store.where} is not a pindest deploy state (a JSON object with "version" and "resources").`, RESET);
    if (data.version !== DEPLOY_STATE_VERSION) throw new StateError(`${store.where} has version ${JSON.stringify(data.version ?? null)}; this pindest reads version ${DEPLOY_STATE_VERSION}.`, RESET);
    data.resources.forEach((r, i) => {
      const e = r as Partial<RememberedResource> | null;
      const ok = e && typeof e === 'object' && [e.environment, e.aepUrl, e.sandbox, e.imsOrg, e.file, e.name, e.since].every(isString) && KINDS.includes(e.kind as string)
        && (e.status === 'pending' || (e.status === 'deployed' && isString(e.instanceId) && isString(e.fingerprint)));
      if (!ok) throw new StateError(`${store.where}, resource entry ${i + 1}, is incomplete or was edited by hand.`, RESET);
    });
    return new DeployState(store, { version: DEPLOY_STATE_VERSION, about: ABOUT, resources: data.resources }, target);
  }

  get where(): string {
    return this.store.where;
  }

  get persistent(): boolean {
    return this.store.persistent;
  }

  get(kind: ResourceKind, file: string): RememberedResource | undefined {
    return this.data.resources.find((r) => sameTarget(r, this.target) && r.kind === kind && r.file === file);
  }

  async put(entry: Omit<RememberedResource, keyof DeployTarget | 'since'>): Promise<void> {
    this.data.resources = this.data.resources.filter((r) => !(sameTarget(r, this.target) && r.kind === entry.kind && r.file === entry.file));
    this.data.resources.push({ ...this.target, ...entry, since: new Date().toISOString() });
    await this.store.write(JSON.stringify(this.data, null, 2) + '\n');
  }

  async remove(kind: ResourceKind, file: string): Promise<void> {
    const before = this.data.resources.length;
    this.data.resources = this.data.resources.filter((r) => !(sameTarget(r, this.target) && r.kind === kind && r.file === file));
    if (this.data.resources.length !== before) await this.store.write(JSON.stringify(this.data, null, 2) + '\n');
  }
}
