/**
 * What AEP remembers of a destination connection: for each activated audience, the answer of the
 * audience template's `create` call (its `responseFields`, `externalAudienceId` first), which later
 * exports read as `segment.alias`. A test activation keeps the same in `.pindest/state.json` next to
 * the activation (git-ignorable: it names lists in an ad account, nothing secret), keyed by
 * activation file, environment, base URL, ad account and audience, so a second run reuses the list
 * instead of creating another one.
 *
 * A create that got no complete answer is kept as "pending": the next run looks for the list by
 * name before creating again, so a dropped connection never leaves two lists.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const STATE_VERSION = 1;
/** Relative to the folder of the activation file. */
export const STATE_FILE = join('.pindest', 'state.json');

/** Where the state lives: a file, or memory for a simulator that forgets everything when it stops. */
export interface StateStore {
  /** For messages: the file path, or a phrase. */
  readonly where: string;
  /** False when nothing outlives the run (an embedded simulator). */
  readonly persistent: boolean;
  read(): Promise<string | undefined>;
  write(text: string): Promise<void>;
}

/** `file` (relative to the activation's folder) lets another state (the deploy's) use the same safe writes. */
export function fileStateStore(activationPath: string, displayPath = STATE_FILE, file = STATE_FILE): StateStore {
  const path = join(dirname(activationPath), file);
  return {
    where: displayPath,
    persistent: true,
    async read() {
      try {
        return await readFile(path, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw new StateError(`${displayPath} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, 'Check its permissions, or run with --fresh to start a new one.');
      }
    },
    async write(text) {
      await mkdir(dirname(path), { recursive: true });
      // The folder ignores itself, so a project never commits it by accident.
      await writeFile(join(dirname(path), '.gitignore'), '*\n');
      const tmp = `${path}.${process.pid}.tmp`;
      await writeFile(tmp, text);
      await rename(tmp, path);
    },
  };
}

export function memoryStateStore(where = 'memory only (the simulator starts empty)'): StateStore {
  let text: string | undefined;
  return {
    where,
    persistent: false,
    async read() {
      return text;
    },
    async write(t) {
      text = t;
    },
  };
}

export interface TargetKey {
  /** The activation file's name, relative to the state file's project folder. */
  activation: string;
  environment: string;
  baseUrl: string;
  adAccountId: string;
}

export interface RememberedAudience extends TargetKey {
  /** AEP audience id. */
  audienceId: string;
  audienceName: string;
  /** `created`: the create answered; `pending`: sent, but no complete answer came back. */
  status: 'created' | 'pending';
  /** The rendered `responseFields` of the create's answer (externalAudienceId ...). */
  responseFields: Record<string, string>;
  /** Name of the list the create asked for (to find a pending create's list). */
  listName: string;
  /** When the create was sent (ISO 8601). */
  since: string;
  /** pindest's own opt-in (not done by AEP): the CUSTOMER_LIST audience made on the list. */
  pinterestAudienceId?: string;
}

interface StateFile {
  version: number;
  about: string;
  audiences: RememberedAudience[];
}

const ABOUT = 'pindest test activation state: what the audience template create calls returned, per target. Safe to delete; git-ignore it.';
const PINTEREST_ID = /^\d{1,18}$/;

/** The state cannot be used: one line of what is wrong, one of what to do. */
export class StateError extends Error {
  constructor(
    message: string,
    readonly whatToDo: string,
  ) {
    super(message);
    this.name = 'StateError';
  }
}

const FRESH = 'Run with --fresh (or the command "Forget Test Activation State") to forget it; the lists already in Pinterest stay there.';

function isString(x: unknown): x is string {
  return typeof x === 'string';
}

async function load(store: StateStore): Promise<StateFile> {
  const text = await store.read();
  if (text === undefined || text.trim() === '') return { version: STATE_VERSION, about: ABOUT, audiences: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new StateError(`${store.where} is not valid JSON, so the lists it remembers cannot be reused.`, FRESH);
  }
  const file = json as Partial<StateFile> | null;
  if (!file || typeof file !== 'object' || Array.isArray(file)) throw new StateError(`${store.where} is not a pindest state file (a JSON object with "version" and "audiences").`, FRESH);
  if (file.version !== STATE_VERSION) throw new StateError(`${store.where} has version ${JSON.stringify(file.version ?? null)}; this pindest reads version ${STATE_VERSION}.`, FRESH);
  if (!Array.isArray(file.audiences)) throw new StateError(`${store.where} has no "audiences" list.`, FRESH);
  file.audiences.forEach((a, i) => {
    const where = `${store.where}, audience entry ${i + 1}`;
    const e = a as Partial<RememberedAudience> | null;
    if (!e || typeof e !== 'object' || ![e.activation, e.environment, e.baseUrl, e.adAccountId, e.audienceId, e.audienceName, e.listName, e.since].every(isString) || (e.status !== 'created' && e.status !== 'pending') || !e.responseFields || typeof e.responseFields !== 'object') {
      throw new StateError(`${where} is incomplete or was edited by hand.`, FRESH);
    }
    if (!PINTEREST_ID.test(e.adAccountId!)) throw new StateError(`${where} ("${e.audienceName}") has ad account id "${e.adAccountId}", not a Pinterest id (1 to 18 digits): the file was edited by hand.`, FRESH);
    const id = e.responseFields.externalAudienceId;
    if (e.status === 'created' && (!isString(id) || !PINTEREST_ID.test(id))) throw new StateError(`${where} ("${e.audienceName}") has externalAudienceId ${JSON.stringify(id ?? null)}, not a Pinterest customer list id (1 to 18 digits): the file was edited by hand.`, FRESH);
    if (e.pinterestAudienceId !== undefined && (!isString(e.pinterestAudienceId) || !PINTEREST_ID.test(e.pinterestAudienceId))) throw new StateError(`${where} ("${e.audienceName}") has audience id ${JSON.stringify(e.pinterestAudienceId)}, not a Pinterest id: the file was edited by hand.`, FRESH);
  });
  // Two audiences of one connection on one list: AEP never does that, so the file was edited.
  const seen = new Map<string, RememberedAudience>();
  for (const a of file.audiences) {
    const id = a.responseFields.externalAudienceId;
    if (a.status !== 'created' || !id) continue;
    const key = JSON.stringify([a.activation, a.environment, a.baseUrl, a.adAccountId, id]);
    const other = seen.get(key);
    if (other) throw new StateError(`${store.where} gives audiences "${other.audienceName}" and "${a.audienceName}" the same customer list ${id}: the file was edited by hand.`, FRESH);
    seen.set(key, a);
  }
  return { version: STATE_VERSION, about: ABOUT, audiences: file.audiences };
}

const sameTarget = (a: Omit<TargetKey, 'adAccountId'>, b: Omit<TargetKey, 'adAccountId'>) => a.activation === b.activation && a.environment === b.environment && a.baseUrl === b.baseUrl;

/** The remembered audiences of one connection (activation, environment, base URL, ad account). */
export class ConnectionState {
  private constructor(
    private readonly store: StateStore,
    private readonly file: StateFile,
    readonly key: TargetKey,
  ) {}

  /** Reads and checks the state; an entry of this activation and target for another ad account is refused. */
  static async open(store: StateStore, key: TargetKey): Promise<ConnectionState> {
    const file = await load(store);
    const other = file.audiences.find((a) => sameTarget(a, key) && a.adAccountId !== key.adAccountId);
    if (other) {
      throw new StateError(
        `${store.where} remembers lists of ad account ${other.adAccountId} for this activation at ${key.baseUrl}, but the activation now names ad account ${key.adAccountId}.`,
        `Set the ad account back, or ${FRESH.charAt(0).toLowerCase()}${FRESH.slice(1)}`,
      );
    }
    return new ConnectionState(store, file, key);
  }

  get where(): string {
    return this.store.where;
  }

  get persistent(): boolean {
    return this.store.persistent;
  }

  get(audienceId: string): RememberedAudience | undefined {
    return this.file.audiences.find((a) => sameTarget(a, this.key) && a.adAccountId === this.key.adAccountId && a.audienceId === audienceId);
  }

  /** External ids remembered for other audiences of this connection (a pending list must not be one). */
  idsInUse(): Set<string> {
    return new Set(this.file.audiences.filter((a) => sameTarget(a, this.key) && a.responseFields.externalAudienceId).map((a) => a.responseFields.externalAudienceId!));
  }

  async put(entry: Omit<RememberedAudience, keyof TargetKey>): Promise<void> {
    this.file.audiences = this.file.audiences.filter((a) => !(sameTarget(a, this.key) && a.adAccountId === this.key.adAccountId && a.audienceId === entry.audienceId));
    this.file.audiences.push({ ...this.key, ...entry });
    await this.save();
  }

  async remove(audienceId: string): Promise<void> {
    this.file.audiences = this.file.audiences.filter((a) => !(sameTarget(a, this.key) && a.adAccountId === this.key.adAccountId && a.audienceId === audienceId));
    await this.save();
  }

  private async save(): Promise<void> {
    await this.store.write(JSON.stringify(this.file, null, 2) + '\n');
  }
}

/**
 * Forgets what is remembered for an activation (for one environment and base URL when given; every
 * ad account). A file that cannot be read as state is replaced by an empty one: that is the way out.
 * Returns how many audiences were forgotten (-1 when an unreadable file was replaced).
 */
export async function forgetState(store: StateStore, match: { activation: string; environment?: string; baseUrl?: string }): Promise<number> {
  let file: StateFile;
  try {
    file = await load(store);
  } catch (e) {
    if (!(e instanceof StateError)) throw e;
    await store.write(JSON.stringify({ version: STATE_VERSION, about: ABOUT, audiences: [] }, null, 2) + '\n');
    return -1;
  }
  const forget = (a: RememberedAudience) => a.activation === match.activation && (match.environment === undefined || a.environment === match.environment) && (match.baseUrl === undefined || a.baseUrl === match.baseUrl);
  const n = file.audiences.filter(forget).length;
  if (n === 0) return 0;
  file.audiences = file.audiences.filter((a) => !forget(a));
  await store.write(JSON.stringify(file, null, 2) + '\n');
  return n;
}
