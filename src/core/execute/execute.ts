/**
 * The execute step: sends the plan to Pinterest (or the simulator) and accounts for every record.
 *
 * It makes the write calls AEP makes from the three Adobe files, and no other write by default:
 * the audience template's `create` once per audience and connection (only when no list is known
 * yet: the id it returned is remembered, see state.ts, and reused like AEP reuses
 * `externalAudienceId`), then the destination server's membership requests. pindest adds only
 * read-only checks, labelled as such: the ad account (the token works, the user may manage its
 * audiences) before anything is written, a search by name for a create that got no answer, and a
 * read of each list's counters at the end. A CUSTOMER_LIST audience on each list (which Pinterest
 * needs before ads can target it) is made only on request (`createAudience`), labelled "not done
 * by AEP". The client retries; this step never sends a call again after it succeeded.
 */
import { basename, relative } from 'node:path';
import type { ResolvedActivation } from '../plan/activation';
import { responseFieldValues } from '../plan/audiences';
import { renderRequests } from '../plan/plan';
import { maskToken, TOKEN_MARKER } from '../plan/secrets';
import type { ActivatedAudience, AudienceCreation, HttpCall, Plan } from '../plan/types';
import { adAccountIdIn } from '../rules/facts';
import type { RetryInfo, RetryRecord } from '../pinterest/types';
import { redactHeaders } from '../pinterest/redact';
import { retarget } from '../pinterest/urls';
import type { ActivationReport, CallRecord, IdentityCounts } from './report';
import { ConnectionState, memoryStateStore, StateError, type RememberedAudience, type StateStore } from './state';
import { CUSTOMER_LIST_AUDIENCE_NOTE, planSummary } from './summary';
import { fill, msg } from '../report/l10n';

/**
 * What the executor needs of a Pinterest client (src/core/pinterest provides it): one way to send,
 * so every call of the report carries its status, request id and attempts alike.
 */
export interface PinterestApi {
  readonly baseUrl: string;
  /** AEP's retry policy the client applies, and its time scale (see src/core/pinterest/retry.ts). */
  readonly retry?: RetryInfo;
  request(call: { method: string; url: string; headers?: Record<string, string>; body?: string; signal?: AbortSignal; sendOnce?: boolean }): Promise<{ status: number; headers: Record<string, string>; body: unknown; requestId?: string; attempts: number; retries?: RetryRecord[] }>;
}

export interface ExecuteOptions {
  signal?: AbortSignal;
  onProgress?: (p: { phase: 'preflight' | 'audiences' | 'membership' | 'verify'; done: number; total: number }) => void;
  /** Where failures point people: "run pindest preview", "sign in" ... */
  cwd?: string;
  /** Where the created lists are remembered (default: memory, nothing outlives the run). */
  state?: StateStore;
  /** Opt-in, not done by AEP: a CUSTOMER_LIST audience on each list that has none yet. */
  createAudience?: boolean;
}

/**
 * Advice, notes and messages the report keeps in English; `msg` (at load, so a run reopened later
 * finds them too) lets the extension show them in the display language.
 */
const SAY = {
  unsetSimulatorToken: msg("Nothing was sent. Unset PINDEST_SIMULATOR_TOKEN to send the simulator's seeded token."),
  useLocal: msg('Nothing was sent. To try the activation without a Pinterest token, use the local environment (the simulator).'),
  unsetTls: msg('Nothing was sent. Unset NODE_TLS_REJECT_UNAUTHORIZED, then retry.'),
  useHttps: msg('Use https (or a local simulator on 127.0.0.1) for the base URL; nothing was sent.'),
  fixPlan: msg('Run `pindest preview` (or Preview Identity Mapping) and fix the template or activation first; nothing was sent.'),
  planProblems: msg('The plan has {0} problem(s), e.g. {1}'),
  noAdAccount: msg('The activation has no valid Pinterest ad account id in `connection.customerData`.'),
  setAdAccount: msg('Set the ad account id (1 to 18 digits) in the activation file.'),
  simulatorToken: msg("Unset PINDEST_SIMULATOR_TOKEN to send the simulator's seeded token, or check that the base URL is a pindest simulator."),
  signInAgain: msg('Sign in to Pinterest again (or set PINTEREST_ACCESS_TOKEN) and retry.'),
  checkAdAccount: msg('Check the ad account id, or ask an owner of the ad account to share it with you.'),
  askForAccess: msg('Ask an owner or admin of the ad account for the Audience access level (AUDIENCE_MANAGER), then retry.'),
  checkBaseUrl: msg('Check that the base URL is Pinterest or a pindest simulator; nothing was created.'),
  deleteExtraLists: msg("Delete the extra lists in Pinterest, or write the right id as the audience's alias in the activation; then run with --fresh."),
  pending: msg('It is remembered as pending in {0}: the next run looks for a list named "{1}" before creating one again.'),
  checkResponseFields: msg("Check the audience template's responseFields against Pinterest's answer."),
  checkResponseFieldsId: msg("Check the audience template's responseFields against Pinterest's answer: the list's id is its `id` (`{{body.id}}`)."),
  cancelled: msg('The test activation was cancelled; the calls listed were sent.'),
  runAgain: msg('Run it again when ready; lists already created are remembered in {0} and reused.'),
  dropped: msg('AEP would drop this call after its retries: {0}'),
  seeDropped: msg('See the dropped call and its retries below: the records of a dropped call do not reach Pinterest in AEP either. Find why Pinterest failed, then run again.'),
  seeFailed: msg('See the failed call below; the calls before it were sent and are counted. Fix the cause and run again.'),
  staleList: msg('Pinterest has no customer list {0} for audience "{1}": the id remembered in {2} is stale (the list was deleted, or the state is from another Pinterest or simulator).'),
  tokenRefused: msg('Pinterest did not accept the access token: {0}'),
  noAccount: msg('Ad account {0} is not available to this Pinterest user: {1}'),
  noRole: msg('no role'),
  roleTooLow: msg('Your Pinterest user has {0} on ad account {1}, which does not allow managing customer lists and audiences.'),
  endlessLists: msg('Listing the customer lists of ad account {0} returned a page bookmark it had already returned, so the list of lists never ends.'),
  duplicateLists: msg('An earlier create of the list for "{0}" got no answer, and ad account {1} now has {2} lists named "{3}" ({4}).'),
  noCompleteAnswer: msg('The create of the list for "{0}" got no complete answer ({1}); it may or may not have made the list.'),
  noListId: msg('Creating the list for "{0}" returned no id (the audience template\'s externalAudienceId found nothing).'),
  notListId: msg('Creating the list for "{0}" returned externalAudienceId "{1}", not a Pinterest customer list id (1 to 18 digits).'),
  memoryOnly: msg('Lists are kept in memory only, for a simulator that starts empty: to see lists reused, run `pindest simulate` and push with --base-url (or set pindest.pinterest.baseUrl).'),
};

/** Roles that may write customer lists and audiences (Pinterest's "Audience" access level). */
const AUDIENCE_ROLES = ['OWNER', 'ADMIN', 'AUDIENCE_MANAGER'];

class Refusal extends Error {
  constructor(message: string, readonly whatToDo: string) {
    super(message);
  }
}

/** What to do about a configuration problem the client refused to send with. */
function configAdvice(reason: string | undefined, environment: string): string {
  switch (reason) {
    case 'missing-token':
    case 'invalid-token':
      return environment === 'local'
        ? SAY.unsetSimulatorToken
        : SAY.useLocal;
    case 'tls-disabled':
      return SAY.unsetTls;
    default:
      return SAY.useHttps;
  }
}

/** Error details safe to show: the client's typed errors never carry tokens or records. */
function describe(e: unknown): { message: string; status?: number; requestId?: string; attempts?: number; code?: number; retries?: RetryRecord[]; retriesExhausted?: boolean } {
  const x = e as { message?: string; status?: number; requestId?: string; attempts?: number; code?: number; retries?: RetryRecord[]; retriesExhausted?: boolean };
  return { message: x?.message ?? String(e), status: x?.status, requestId: x?.requestId, attempts: x?.attempts, code: x?.code, retries: x?.retries, retriesExhausted: x?.retriesExhausted };
}

function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (e as { name?: string })?.name === 'AbortError';
}

/** Drops the Authorization header the plan marks: the client authenticates every call itself. */
function withoutMarkedAuth(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([, v]) => !v.includes(TOKEN_MARKER)));
}

/** 4xx is a definite "no"; anything else after sending (no answer, 5xx) may have created the list. */
function ambiguous(e: unknown): boolean {
  const d = describe(e);
  return (e as Error)?.name !== 'PinterestConfigError' && !(d.status !== undefined && d.status < 500);
}

/** The list name the create asks for (its JSON body's `name`), to find it again by name. */
function listNameOf(creation: AudienceCreation): string {
  try {
    const name = (JSON.parse(creation.call.body) as { name?: unknown }).name;
    if (typeof name === 'string' && name) return name;
  } catch {
    // Not a JSON body: fall back to the audience name.
  }
  return creation.audience.name;
}

const STALE_WHAT_TO_DO = msg('Run `pindest push --fresh` (or the command "Forget Test Activation State") so the audience template creates the list again.');

export async function executePlan(activation: ResolvedActivation, plan: Plan, api: PinterestApi, options: ExecuteOptions = {}): Promise<ActivationReport> {
  const { signal, onProgress } = options;
  const store = options.state ?? memoryStateStore();
  const adAccountId = adAccountIdIn(activation.destination, activation.customerData) ?? '';
  const summary = planSummary(plan);
  const report: ActivationReport = {
    activation: { file: relative(options.cwd ?? process.cwd(), activation.file.path) || activation.file.path, name: activation.name, destination: String(activation.destination.name ?? '') },
    environment: activation.environment,
    baseUrl: api.baseUrl,
    ...(api.retry && { retry: api.retry }),
    adAccount: { id: adAccountId },
    outcome: 'succeeded',
    summary: { ...summary, accepted: 0, rejected: 0, created: 0, reused: 0, checks: 0, notDoneByAep: 0 },
    state: { where: store.where, persistent: store.persistent },
    calls: [],
    counts: [],
    notSent: Object.fromEntries(Object.entries(plan.counts.byReason)),
    lists: [],
    notes: [],
  };

  // Per audience and identity type; kept outside the try so a failure still reports what was sent.
  const counts = new Map<string, IdentityCounts>();
  const record = async (step: CallRecord['step'], display: HttpCall, send: () => Promise<{ status: number; headers?: Record<string, string>; body: unknown; requestId?: string; attempts: number; retries?: RetryRecord[] }>, audience?: string) => {
    const entry: CallRecord = {
      step,
      by: step === 'create-list' || step === 'membership' ? 'aep' : 'pindest',
      audience,
      request: { method: display.method, uri: retarget(maskToken(display.url), api.baseUrl), headers: Object.fromEntries(Object.entries(display.headers).map(([k, v]) => [k, maskToken(v)])), body: maskToken(display.body) },
      attempts: 1,
    };
    report.calls.push(entry);
    const t0 = Date.now();
    try {
      const r = await send();
      entry.durationMs = Date.now() - t0;
      entry.response = { code: r.status, ...(r.headers && { headers: redactHeaders(r.headers) }), body: r.body };
      entry.requestId = r.requestId;
      entry.attempts = r.attempts;
      if (r.retries?.length) entry.retries = r.retries;
      return r;
    } catch (e) {
      entry.durationMs = Date.now() - t0;
      const d = describe(e);
      entry.error = d.message;
      if (d.status !== undefined) entry.response = { code: d.status, body: { code: d.code, message: d.message } };
      entry.requestId = d.requestId;
      entry.attempts = d.attempts ?? 1;
      if (d.retries?.length) entry.retries = d.retries;
      // AEP's policy would retry this outcome but has no retries left: AEP drops the call.
      if (d.retriesExhausted) entry.dropped = true;
      throw e;
    }
  };
  // Lists whose id came from the state file: a 404 for them means the state is stale.
  const reusedIds = new Set<string>();
  const stale = (e: unknown, listId: string | undefined, audience: string | undefined) => {
    if (listId && audience && reusedIds.has(listId) && describe(e).status === 404) {
      return new Refusal(fill(SAY.staleList, [listId, audience, store.where]), STALE_WHAT_TO_DO);
    }
    return e;
  };

  try {
    if (plan.problems.length) throw new Refusal(fill(SAY.planProblems, [plan.problems.length, plan.problems[0]!.message]), SAY.fixPlan);
    if (!/^\d{1,18}$/.test(adAccountId)) throw new Refusal(SAY.noAdAccount, SAY.setAdAccount);
    let state: ConnectionState;
    try {
      state = await ConnectionState.open(store, { activation: basename(activation.file.path), environment: activation.environment, baseUrl: api.baseUrl, adAccountId });
    } catch (e) {
      if (e instanceof StateError) throw new Refusal(e.message, e.whatToDo);
      throw e;
    }

    const call = (method: string, path: string, body?: unknown): HttpCall => ({
      method,
      url: `${api.baseUrl}${path}`,
      headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), Authorization: `Bearer ${TOKEN_MARKER}` },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    // Planned calls address Pinterest's production API and mark the token; both are resolved here.
    const send = (c: HttpCall, sendOnce?: boolean) => () => api.request({ method: c.method, url: retarget(c.url, api.baseUrl), headers: withoutMarkedAuth(c.headers), body: c.body || undefined, signal, sendOnce });
    const get = (path: string) => call('GET', path);

    // pindest's read-only check: the ad account answers (so the token works) and the user may write audiences.
    onProgress?.({ phase: 'preflight', done: 0, total: 1 });
    const account = await record('preflight', get(`/ad_accounts/${adAccountId}`), send(get(`/ad_accounts/${adAccountId}`))).catch((e) => {
      if (isAbort(e, signal)) throw e;
      const d = describe(e);
      // A configuration problem (no token, an insecure URL) was caught before anything was sent:
      // no call to list, and advice about that problem only.
      if ((e as Error).name === 'PinterestConfigError') {
        report.calls.length = 0;
        throw new Refusal(d.message, configAdvice((e as { reason?: string }).reason, activation.environment));
      }
      if (d.status === 401) {
        // A local run sends a simulator's token, never the real one: signing in again would not help there.
        if (activation.environment === 'local') throw new Refusal(d.message, SAY.simulatorToken);
        throw new Refusal(fill(SAY.tokenRefused, [d.message]), SAY.signInAgain);
      }
      throw new Refusal(fill(SAY.noAccount, [adAccountId, d.message]), SAY.checkAdAccount);
    });
    const info = account.body as { name?: string; permissions?: string[] };
    report.adAccount = { id: adAccountId, name: info.name, permissions: info.permissions };
    if (!info.permissions?.some((p) => AUDIENCE_ROLES.includes(p))) {
      throw new Refusal(fill(SAY.roleTooLow, [info.permissions?.length ? info.permissions.join(', ') : SAY.noRole, adAccountId]), SAY.askForAccess);
    }
    onProgress?.({ phase: 'preflight', done: 1, total: 1 });

    // pindest's read-only check: the lists of the ad account, to find what a create without an answer made.
    let known: { id: string; name?: string; created_time?: number }[] | undefined;
    const listsOfAccount = async (audience: string) => {
      if (known) return known;
      const all: { id: string; name?: string; created_time?: number }[] = [];
      let bookmark: string | undefined;
      // A bookmark seen before would page forever (a misbehaving server or proxy): stop there.
      const seen = new Set<string>();
      do {
        const page = get(`/ad_accounts/${adAccountId}/customer_lists?page_size=250${bookmark ? `&bookmark=${encodeURIComponent(bookmark)}` : ''}`);
        const r = await record('resolve', page, send(page), audience);
        const body = r.body as { items?: { id: string; name?: string; created_time?: number }[]; bookmark?: string | null };
        if (Array.isArray(body?.items)) all.push(...body.items);
        bookmark = body?.bookmark ?? undefined;
        if (bookmark !== undefined && seen.has(bookmark)) {
          throw new Refusal(fill(SAY.endlessLists, [adAccountId]), SAY.checkBaseUrl);
        }
        if (bookmark !== undefined) seen.add(bookmark);
      } while (bookmark);
      return (known = all);
    };

    // The audience template's create, once per audience and connection.
    const aliases = new Map<ActivatedAudience, string>();
    const entries = new Map<ActivatedAudience, RememberedAudience | undefined>();
    for (const a of plan.audiences) if (a.alias) aliases.set(a, a.alias);
    for (const [i, creation] of plan.creations.entries()) {
      onProgress?.({ phase: 'audiences', done: i, total: plan.creations.length });
      signal?.throwIfAborted();
      const audience = creation.audience;
      const listName = listNameOf(creation);
      let remembered = state.get(audience.id);
      let note: string | undefined;
      if (remembered?.status === 'pending') {
        // An earlier create got no complete answer: it may have made the list. Look before creating again.
        const since = Math.floor(Date.parse(remembered.since) / 1000) - 300;
        const inUse = state.idsInUse();
        const found = (await listsOfAccount(audience.name)).filter((l) => l.name === remembered!.listName && !inUse.has(l.id) && (l.created_time === undefined || l.created_time >= since));
        if (found.length > 1) {
          throw new Refusal(fill(SAY.duplicateLists, [audience.name, adAccountId, found.length, remembered.listName, found.map((l) => l.id).join(', ')]), SAY.deleteExtraLists);
        }
        if (found.length === 1) {
          remembered = { ...remembered, status: 'created', responseFields: { externalAudienceId: found[0]!.id } };
          await state.put(remembered);
          note = 'found by name after an earlier create got no answer';
        } else {
          remembered = undefined;
        }
      }
      if (remembered?.status === 'created') {
        const id = remembered.responseFields.externalAudienceId!;
        aliases.set(audience, id);
        reusedIds.add(id);
        entries.set(audience, remembered);
        report.lists.push({ audience: audience.name, customerListId: id, origin: 'reused', ...(note && { note }) });
        report.summary.reused++;
        continue;
      }
      // Written before sending: if the answer is lost, the next run knows a list may exist.
      const pending: Omit<RememberedAudience, 'activation' | 'environment' | 'baseUrl' | 'adAccountId'> = { audienceId: audience.id, audienceName: audience.name, status: 'pending', responseFields: {}, listName, since: new Date().toISOString() };
      await state.put(pending);
      let created;
      try {
        // Sent once: Adobe documents no retry for the audience template's calls (see retry.ts).
        created = await record('create-list', creation.display, send(creation.call, true), audience.name);
      } catch (e) {
        if (isAbort(e, signal) || ambiguous(e)) {
          if (!isAbort(e, signal)) throw new Refusal(fill(SAY.noCompleteAnswer, [audience.name, describe(e).message]), fill(SAY.pending, [store.where, listName]));
          throw e;
        }
        await state.remove(audience.id);
        throw e;
      }
      const fields = responseFieldValues(creation, { status: created.status, headers: created.headers ?? {}, body: created.body });
      const listId = fields.externalAudienceId;
      if (!listId) {
        await state.remove(audience.id);
        throw new Refusal(fill(SAY.noListId, [audience.name]), SAY.checkResponseFields);
      }
      // Not remembered: the state file accepts only Pinterest ids, and would call this one hand-edited on the next run.
      if (!/^\d{1,18}$/.test(listId)) {
        await state.remove(audience.id);
        throw new Refusal(fill(SAY.notListId, [audience.name, listId.slice(0, 80)]), SAY.checkResponseFieldsId);
      }
      const entry = { ...pending, status: 'created' as const, responseFields: fields };
      await state.put(entry);
      aliases.set(audience, listId);
      entries.set(audience, { ...state.key, ...entry });
      report.lists.push({ audience: audience.name, customerListId: listId, origin: 'created' });
      report.summary.created++;
    }
    for (const a of plan.audiences) if (a.alias) report.lists.push({ audience: a.name, customerListId: a.alias, origin: 'activation' });

    // Opt-in, not done by AEP: the CUSTOMER_LIST audience Pinterest needs before ads can target the list.
    if (options.createAudience) {
      for (const [audience, entry] of entries) {
        const list = report.lists.find((l) => l.audience === audience.name)!;
        if (entry?.pinterestAudienceId) {
          list.audienceId = entry.pinterestAudienceId;
          continue;
        }
        const audienceCall = call('POST', `/ad_accounts/${adAccountId}/audiences`, { name: audience.name, audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: list.customerListId }, description: `Activated from AEP audience ${audience.id}` });
        const made = await record('create-audience', audienceCall, send(audienceCall), audience.name).catch((e) => {
          throw stale(e, list.customerListId, list.audience);
        });
        report.summary.notDoneByAep++;
        list.audienceId = (made.body as { id?: string }).id;
        if (entry && list.audienceId) await state.put({ ...entry, pinterestAudienceId: list.audienceId });
      }
    } else {
      report.notes.push(CUSTOMER_LIST_AUDIENCE_NOTE);
    }

    // Membership calls, with the real list ids.
    const requests = renderRequests(activation, plan.batches, (a) => aliases.get(a) ?? a.alias ?? '');
    for (const [i, request] of requests.entries()) {
      onProgress?.({ phase: 'membership', done: i, total: requests.length });
      signal?.throwIfAborted();
      const batch = plan.batches[request.batch]!;
      const audience = batch.audience?.name ?? '(all audiences)';
      const tally = (ok: boolean, attempts: number, dropped = false) => {
        for (const p of batch.profiles) {
          for (const ids of Object.values(p.identityMap)) {
            for (const { id } of ids) {
              const type = p.origins[id] ?? 'unknown';
              const key = `${audience}\u0000${type}`;
              const c = counts.get(key) ?? { audience, identityType: type, sent: 0, accepted: 0, rejected: 0, retried: 0, dropped: 0 };
              counts.set(key, c);
              c.sent++;
              if (ok) c.accepted++;
              else c.rejected++;
              if (dropped) c.dropped = (c.dropped ?? 0) + 1;
              if (attempts > 1) c.retried++;
            }
          }
        }
      };
      try {
        const r = await record('membership', request.display, send(request), batch.audience?.name);
        tally(r.status < 300, r.attempts);
      } catch (e) {
        const d = describe(e);
        tally(false, d.attempts ?? 1, d.retriesExhausted);
        throw stale(e, batch.audience ? aliases.get(batch.audience) : undefined, batch.audience?.name);
      }
    }
    onProgress?.({ phase: 'membership', done: requests.length, total: requests.length });

    // pindest's read-only check: what Pinterest now holds.
    for (const [i, list] of report.lists.entries()) {
      onProgress?.({ phase: 'verify', done: i, total: report.lists.length });
      const listCall = get(`/ad_accounts/${adAccountId}/customer_lists/${list.customerListId}`);
      const got = await record('verify', listCall, send(listCall), list.audience).catch((e) => {
        throw stale(e, list.customerListId, list.audience);
      });
      const body = got.body as { status?: string; num_uploaded_user_records?: number; num_removed_user_records?: number };
      Object.assign(list, { status: body.status, uploaded: body.num_uploaded_user_records, removed: body.num_removed_user_records });
    }
  } catch (e) {
    if (isAbort(e, signal)) {
      report.outcome = 'cancelled';
      report.failure = { message: SAY.cancelled, whatToDo: fill(SAY.runAgain, [store.where]) };
    } else if (e instanceof Refusal) {
      report.outcome = report.calls.some((c) => c.step !== 'preflight') ? 'failed' : 'refused';
      report.failure = { message: e.message, whatToDo: e.whatToDo };
    } else if (e instanceof StateError) {
      report.outcome = 'failed';
      report.failure = { message: e.message, whatToDo: e.whatToDo };
    } else if (describe(e).retriesExhausted) {
      report.outcome = 'failed';
      report.failure = {
        message: fill(SAY.dropped, [describe(e).message]),
        whatToDo: SAY.seeDropped,
      };
    } else {
      report.outcome = 'failed';
      report.failure = { message: describe(e).message, whatToDo: SAY.seeFailed };
    }
  }
  report.counts = [...counts.values()];
  report.summary.accepted = report.counts.reduce((n, c) => n + c.accepted, 0);
  report.summary.rejected = report.counts.reduce((n, c) => n + c.rejected, 0);
  report.summary.checks = report.calls.filter((c) => c.by === 'pindest' && c.request.method === 'GET').length;
  if (!store.persistent) report.notes.push(SAY.memoryOnly);
  return report;
}
