// Audiences: list, create, get, PATCH (edit or remove). The simulator serves the one audience
// type a customer-list destination uses, CUSTOMER_LIST, whose rule names an existing customer list
// of the same ad account. Status starts INITIALIZING and, on a read, mirrors the list once the
// list has settled: READY (≥ 100 matched) or TOO_SMALL, with `size` = matched members.
// PATCH with operation_type REMOVE removes the audience (there is no DELETE in v5); later reads
// answer 404 "Audience not found.".
import { requireAdAccount } from './access';
import { seconds, type Handler, type RequestContext } from './context';
import { settleList } from './customerLists';
import { audienceNotFound, invalidParameters, notModelled } from './errors';
import { paginate, type Order } from './pagination';
import { allocateId, type AudienceRecord } from './state';

function mirrorList(ctx: RequestContext, audience: AudienceRecord): boolean {
  const list = ctx.state.customerLists[audience.customerListId];
  if (!list) return false;
  let mutated = settleList(list, ctx.nowMs, ctx.config.processingDelayMs);
  if ((list.status === 'READY' || list.status === 'TOO_SMALL') && (audience.status !== list.status || audience.size !== list.members.size)) {
    audience.status = list.status;
    audience.size = list.members.size;
    mutated = true;
  }
  return mutated;
}

export function renderAudience(a: AudienceRecord): Record<string, unknown> {
  return {
    id: a.id,
    ad_account_id: a.adAccountId,
    name: a.name,
    description: a.description,
    audience_type: a.audienceType,
    rule: { customer_list_id: a.customerListId },
    size: a.size,
    status: a.status,
    type: 'audience',
    created_timestamp: a.createdTimestamp,
    updated_timestamp: a.updatedTimestamp,
    created_by_company_name: null,
  };
}

function checkBodyAccount(ctx: RequestContext, adAccountId: string): void {
  const claimed = [ctx.body.ad_account_id, (ctx.body.rule as Record<string, unknown> | undefined)?.ad_account_id];
  if (claimed.some((v) => v !== undefined && v !== adAccountId)) {
    throw invalidParameters(`ad_account_id in the body does not match the ad account ${adAccountId} in the path.`);
  }
}

function ruleListId(ctx: RequestContext, adAccountId: string): string {
  const rule = ctx.body.rule as Record<string, unknown>;
  const id = rule.customer_list_id;
  if (typeof id !== 'string') throw invalidParameters('rule.customer_list_id is required for a CUSTOMER_LIST audience.');
  const list = ctx.state.customerLists[id];
  if (!list || list.adAccountId !== adAccountId) {
    throw invalidParameters(`rule.customer_list_id ${id} is not a customer list of ad account ${adAccountId}.`);
  }
  return id;
}

function findAudience(ctx: RequestContext, adAccountId: string): AudienceRecord {
  const a = ctx.state.audiences[ctx.path.audience_id ?? ''];
  if (!a || a.adAccountId !== adAccountId) throw audienceNotFound();
  return a;
}

export const listAudiences: Handler = (ctx) => {
  const account = requireAdAccount(ctx, 'read');
  // Nothing is ever shared with the simulator's accounts, so RECEIVED is always empty.
  const all =
    ctx.query.ownership_type === 'RECEIVED' ? [] : Object.values(ctx.state.audiences).filter((a) => a.adAccountId === account.id);
  let mutated = false;
  for (const a of all) mutated = mirrorList(ctx, a) || mutated;
  const page = paginate(all, {
    scope: `audiences:${account.id}:${String(ctx.query.ownership_type)}`,
    pageSize: ctx.query.page_size as number,
    order: (ctx.query.order as Order | undefined) ?? 'ASCENDING',
    bookmark: ctx.query.bookmark as string | undefined,
  });
  return { status: 200, body: { items: page.items.map(renderAudience), bookmark: page.bookmark }, mutated };
};

export const createAudience: Handler = (ctx) => {
  const account = requireAdAccount(ctx, 'write');
  checkBodyAccount(ctx, account.id);
  if (ctx.body.audience_type !== 'CUSTOMER_LIST') {
    // The spec accepts the other types, with rules naming conversion tags, seed audiences or
    // domains the simulator does not have: 501, so a client never reads it as Pinterest's verdict.
    throw notModelled(`audience_type ${String(ctx.body.audience_type)}; only CUSTOMER_LIST audiences are simulated.`);
  }
  const customerListId = ruleListId(ctx, account.id);
  const t = seconds(ctx.nowMs);
  const audience: AudienceRecord = {
    id: allocateId(ctx.state),
    adAccountId: account.id,
    name: ctx.body.name as string,
    description: (ctx.body.description as string | undefined) ?? null,
    audienceType: 'CUSTOMER_LIST',
    customerListId,
    status: 'INITIALIZING',
    size: null,
    createdTimestamp: t,
    updatedTimestamp: t,
  };
  ctx.state.audiences[audience.id] = audience;
  return { status: ctx.config.createdStatus, body: renderAudience(audience), mutated: true };
};

export const getAudience: Handler = (ctx) => {
  const account = requireAdAccount(ctx, 'read');
  const audience = findAudience(ctx, account.id);
  const mutated = mirrorList(ctx, audience);
  return { status: 200, body: renderAudience(audience), mutated };
};

export const updateAudience: Handler = (ctx) => {
  const account = requireAdAccount(ctx, 'write');
  const audience = findAudience(ctx, account.id);
  checkBodyAccount(ctx, account.id);
  if (ctx.body.operation_type === 'REMOVE') {
    delete ctx.state.audiences[audience.id];
    return { status: 200, body: renderAudience(audience), mutated: true };
  }
  // Validate everything before changing anything: a rejected PATCH changes nothing.
  const listId = ctx.body.rule !== undefined ? ruleListId(ctx, account.id) : undefined;
  if (typeof ctx.body.name === 'string') audience.name = ctx.body.name;
  if (typeof ctx.body.description === 'string') audience.description = ctx.body.description;
  if (listId !== undefined) {
    if (listId !== audience.customerListId) {
      audience.customerListId = listId;
      audience.status = 'INITIALIZING';
      audience.size = null;
    }
  }
  audience.updatedTimestamp = seconds(ctx.nowMs);
  return { status: 200, body: renderAudience(audience), mutated: true };
};
