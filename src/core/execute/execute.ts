/**
 * The execute step: sends the plan to Pinterest (or the simulator) and accounts for every record.
 *
 * Order: preflight (the token works, the ad account exists, the user may manage its audiences),
 * then lists for audiences without one (the audience template's create call, then a CUSTOMER_LIST
 * audience on it, which Pinterest needs before a list can be targeted), then the planned
 * membership calls in order, then a read of each list's counters. The client retries; this step
 * never sends a call again after it succeeded, so nothing is sent twice or counted twice.
 */
import { relative } from 'node:path';
import type { ResolvedActivation } from '../plan/activation';
import { externalAudienceId } from '../plan/audiences';
import { renderRequests } from '../plan/plan';
import { maskToken, TOKEN_MARKER } from '../plan/secrets';
import type { ActivatedAudience, HttpCall, Plan } from '../plan/types';
import { asArray, asObject, asString } from '../project/project';
import { adAccountFieldIndex } from '../rules/facts';
import type { RetryInfo, RetryRecord } from '../pinterest/types';
import { retarget } from './environment';
import type { ActivationReport, CallRecord, IdentityCounts } from './report';

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
}

/** Roles that may write customer lists and audiences (Pinterest's "Audience" access level). */
const AUDIENCE_ROLES = ['OWNER', 'ADMIN', 'AUDIENCE_MANAGER'];

class Refusal extends Error {
  constructor(message: string, readonly whatToDo: string) {
    super(message);
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

export async function executePlan(activation: ResolvedActivation, plan: Plan, api: PinterestApi, options: ExecuteOptions = {}): Promise<ActivationReport> {
  const { signal, onProgress } = options;
  const fieldIndex = adAccountFieldIndex(activation.destination);
  const field = asString(asObject(asArray(activation.destination.customerDataFields)[fieldIndex])?.name);
  const adAccountId = String((field && activation.customerData[field]) ?? '');
  const report: ActivationReport = {
    activation: { file: relative(options.cwd ?? process.cwd(), activation.file.path) || activation.file.path, name: activation.name, destination: String(activation.destination.name ?? '') },
    environment: activation.environment,
    baseUrl: api.baseUrl,
    ...(api.retry && { retry: api.retry }),
    adAccount: { id: adAccountId },
    outcome: 'succeeded',
    calls: [],
    counts: [],
    notSent: Object.fromEntries(Object.entries(plan.counts.byReason)),
    lists: [],
  };

  // Per audience and identity type; kept outside the try so a failure still reports what was sent.
  const counts = new Map<string, IdentityCounts>();
  const record = async (step: CallRecord['step'], display: HttpCall, send: () => Promise<{ status: number; body: unknown; requestId?: string; attempts: number; retries?: RetryRecord[] }>, audience?: string) => {
    const entry: CallRecord = {
      step,
      audience,
      request: { method: display.method, uri: retarget(maskToken(display.url), api.baseUrl), headers: Object.fromEntries(Object.entries(display.headers).map(([k, v]) => [k, maskToken(v)])), body: maskToken(display.body) },
      attempts: 1,
    };
    report.calls.push(entry);
    try {
      const r = await send();
      entry.response = { code: r.status, body: r.body };
      entry.requestId = r.requestId;
      entry.attempts = r.attempts;
      if (r.retries?.length) entry.retries = r.retries;
      return r;
    } catch (e) {
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

  try {
    if (plan.problems.length) throw new Refusal(`The plan has ${plan.problems.length} problem(s), e.g. ${plan.problems[0]!.message}`, 'Run `pindest preview` (or Preview Identity Mapping) and fix the template or activation first; nothing was sent.');
    if (!/^\d{1,18}$/.test(adAccountId)) throw new Refusal('The activation has no valid Pinterest ad account id in `connection.customerData`.', 'Set the ad account id (1 to 18 digits) in the activation file.');

    // Preflight.
    onProgress?.({ phase: 'preflight', done: 0, total: 2 });
    const call = (method: string, path: string, body?: unknown): HttpCall => ({
      method,
      url: `${api.baseUrl}${path}`,
      headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), Authorization: `Bearer ${TOKEN_MARKER}` },
      body: body === undefined ? '' : JSON.stringify(body),
    });
    // Planned calls address Pinterest's production API and mark the token; both are resolved here.
    const send = (c: HttpCall, sendOnce?: boolean) => () => api.request({ method: c.method, url: retarget(c.url, api.baseUrl), headers: withoutMarkedAuth(c.headers), body: c.body || undefined, signal, sendOnce });
    const get = (path: string) => call('GET', path);
    await record('preflight', get('/user_account'), send(get('/user_account'))).catch((e) => {
      if (isAbort(e, signal)) throw e;
      // A configuration problem (no token, an insecure URL) was caught before anything was sent.
      if ((e as Error).name === 'PinterestConfigError') throw new Refusal(describe(e).message, 'Use https (or the local simulator), and set PINTEREST_ACCESS_TOKEN or sign in for sandbox and production.');
      throw new Refusal(`Pinterest did not accept the access token: ${describe(e).message}`, 'Sign in to Pinterest again (or set PINTEREST_ACCESS_TOKEN) and retry.');
    });
    const account = await record('preflight', get(`/ad_accounts/${adAccountId}`), send(get(`/ad_accounts/${adAccountId}`))).catch((e) => {
      if (isAbort(e, signal)) throw e;
      const d = describe(e);
      throw new Refusal(`Ad account ${adAccountId} is not available to this Pinterest user: ${d.message}`, 'Check the ad account id, or ask an owner of the ad account to share it with you.');
    });
    const info = account.body as { name?: string; permissions?: string[] };
    report.adAccount = { id: adAccountId, name: info.name, permissions: info.permissions };
    if (!info.permissions?.some((p) => AUDIENCE_ROLES.includes(p))) {
      throw new Refusal(`Your Pinterest user has ${info.permissions?.length ? info.permissions.join(', ') : 'no role'} on ad account ${adAccountId}, which does not allow managing customer lists and audiences.`, 'Ask an owner or admin of the ad account for the Audience access level (AUDIENCE_MANAGER), then retry.');
    }
    onProgress?.({ phase: 'preflight', done: 2, total: 2 });

    // Lists for audiences that have none yet.
    const aliases = new Map<ActivatedAudience, string>();
    for (const a of plan.audiences) if (a.alias) aliases.set(a, a.alias);
    for (const [i, creation] of plan.creations.entries()) {
      onProgress?.({ phase: 'audiences', done: i, total: plan.creations.length });
      // Sent once: Adobe documents no retry for the audience template's calls (see retry.ts).
      const created = await record('create-list', creation.display, send(creation.call, true), creation.audience.name);
      const listId = externalAudienceId(creation, { status: created.status, headers: {}, body: created.body });
      if (!listId) throw new Refusal(`Creating the list for "${creation.audience.name}" returned no id (the audience template's externalAudienceId found nothing).`, "Check the audience template's responseFields against Pinterest's answer.");
      aliases.set(creation.audience, listId);
      const audienceCall = call('POST', `/ad_accounts/${adAccountId}/audiences`, { name: creation.audience.name, audience_type: 'CUSTOMER_LIST', rule: { customer_list_id: listId }, description: `Activated from AEP audience ${creation.audience.id}` });
      const audience = await record('create-audience', audienceCall, send(audienceCall), creation.audience.name);
      report.lists.push({ audience: creation.audience.name, customerListId: listId, audienceId: (audience.body as { id?: string }).id, created: true });
    }
    for (const a of plan.audiences) if (a.alias) report.lists.push({ audience: a.name, customerListId: a.alias, created: false });

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
        throw e;
      }
    }
    onProgress?.({ phase: 'membership', done: requests.length, total: requests.length });

    // What Pinterest now holds.
    for (const [i, list] of report.lists.entries()) {
      onProgress?.({ phase: 'verify', done: i, total: report.lists.length });
      const listCall = get(`/ad_accounts/${adAccountId}/customer_lists/${list.customerListId}`);
      const state = await record('verify', listCall, send(listCall), list.audience);
      const body = state.body as { status?: string; num_uploaded_user_records?: number; num_removed_user_records?: number };
      Object.assign(list, { status: body.status, uploaded: body.num_uploaded_user_records, removed: body.num_removed_user_records });
    }
  } catch (e) {
    if (isAbort(e, signal)) {
      report.outcome = 'cancelled';
      report.failure = { message: 'The test activation was cancelled; the calls listed were sent.', whatToDo: 'Run it again when ready; lists already created are reused only if you add their ids as aliases.' };
    } else if (e instanceof Refusal) {
      report.outcome = report.calls.some((c) => c.step !== 'preflight') ? 'failed' : 'refused';
      report.failure = { message: e.message, whatToDo: e.whatToDo };
    } else if (describe(e).retriesExhausted) {
      report.outcome = 'failed';
      report.failure = {
        message: `AEP would drop this call after its retries: ${describe(e).message}`,
        whatToDo: 'See the dropped call and its retries below: the records of a dropped call do not reach Pinterest in AEP either. Find why Pinterest failed, then run again.',
      };
    } else {
      report.outcome = 'failed';
      report.failure = { message: describe(e).message, whatToDo: 'See the failed call below; the calls before it were sent and are counted. Fix the cause and run again.' };
    }
  }
  report.counts = [...counts.values()];
  return report;
}
