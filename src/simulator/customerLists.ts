// Customer lists: list, create, get, and PATCH with operation_type ADD/REMOVE.
//
// Counters follow the CustomerList field descriptions in Pinterest's OpenAPI: creation is batch 1 and each ADD/REMOVE is
// one more; num_uploaded_user_records grows by every record sent in create and ADD (valid or not,
// already present or not); num_removed_user_records by every record sent in REMOVE.
// Matching: valid records are the members Pinterest "matched"; ADD inserts them, REMOVE deletes.
// Each write sets status PROCESSING; a later read settles it (after `processingDelayMs`, default
// on the very next read) to READY with ≥ 100 members or TOO_SMALL below that. Invalid records are
// counted by reason in `exceptions`, never echoed.
import { requireAdAccount } from './access';
import { seconds, type Handler, type RequestContext } from './context';
import { customerListNotFound } from './errors';
import { paginate, type Order } from './pagination';
import { parseRecords, type ListType, type RecordBatch } from './records';
import { allocateId, type CustomerListRecord } from './state';

export const MIN_MATCHED = 100;

/** Moves a PROCESSING list to its final status once the processing delay has passed. */
export function settleList(list: CustomerListRecord, nowMs: number, delayMs: number): boolean {
  if (list.status !== 'PROCESSING' || list.processingSince === null) return false;
  if (nowMs - list.processingSince < delayMs) return false;
  list.status = list.members.size >= MIN_MATCHED ? 'READY' : 'TOO_SMALL';
  list.processingSince = null;
  return true;
}

export function renderCustomerList(list: CustomerListRecord): Record<string, unknown> {
  return {
    id: list.id,
    ad_account_id: list.adAccountId,
    name: list.name,
    created_time: list.createdTime,
    updated_time: list.updatedTime,
    num_batches: list.numBatches,
    num_uploaded_user_records: list.numUploadedUserRecords,
    num_removed_user_records: list.numRemovedUserRecords,
    status: list.status,
    type: 'customerlist',
    exceptions: { invalid_records: list.invalidRecords, reasons: { ...list.invalidReasons } },
  };
}

function noteInvalid(list: CustomerListRecord, batch: RecordBatch): void {
  list.invalidRecords += batch.invalid;
  for (const [reason, n] of Object.entries(batch.reasons)) list.invalidReasons[reason] = (list.invalidReasons[reason] ?? 0) + n;
}

function findList(ctx: RequestContext, adAccountId: string): CustomerListRecord {
  const list = ctx.state.customerLists[ctx.path.customer_list_id ?? ''];
  if (!list || list.adAccountId !== adAccountId) throw customerListNotFound();
  return list;
}

export const listCustomerLists: Handler = (ctx) => {
  const account = requireAdAccount(ctx, 'read');
  const lists = Object.values(ctx.state.customerLists).filter((l) => l.adAccountId === account.id);
  let mutated = false;
  for (const l of lists) mutated = settleList(l, ctx.nowMs, ctx.config.processingDelayMs) || mutated;
  const order = (ctx.query.order as Order | undefined) ?? 'ASCENDING';
  const page = paginate(lists, {
    scope: `customer_lists:${account.id}`,
    pageSize: ctx.query.page_size as number,
    order,
    bookmark: ctx.query.bookmark as string | undefined,
  });
  return { status: 200, body: { items: page.items.map(renderCustomerList), bookmark: page.bookmark }, mutated };
};

export const createCustomerList: Handler = (ctx) => {
  const account = requireAdAccount(ctx, 'write');
  const listType = (ctx.body.list_type as ListType | undefined) ?? 'EMAIL';
  const batch = parseRecords(ctx.body.records as string, listType);
  const t = seconds(ctx.nowMs);
  const list: CustomerListRecord = {
    id: allocateId(ctx.state),
    adAccountId: account.id,
    name: ctx.body.name as string,
    listType,
    createdTime: t,
    updatedTime: t,
    numBatches: 1,
    numUploadedUserRecords: batch.sent,
    numRemovedUserRecords: 0,
    status: 'PROCESSING',
    processingSince: ctx.nowMs,
    members: new Set(batch.validKeys),
    invalidRecords: 0,
    invalidReasons: {},
  };
  noteInvalid(list, batch);
  ctx.state.customerLists[list.id] = list;
  return { status: ctx.config.createdStatus, body: renderCustomerList(list), mutated: true };
};

export const getCustomerList: Handler = (ctx) => {
  const account = requireAdAccount(ctx, 'read');
  const list = findList(ctx, account.id);
  const mutated = settleList(list, ctx.nowMs, ctx.config.processingDelayMs);
  return { status: 200, body: renderCustomerList(list), mutated };
};

export const updateCustomerList: Handler = (ctx) => {
  const account = requireAdAccount(ctx, 'write');
  const list = findList(ctx, account.id);
  const batch = parseRecords(ctx.body.records as string, list.listType);
  if (ctx.body.operation_type === 'ADD') {
    for (const key of batch.validKeys) list.members.add(key);
    list.numUploadedUserRecords += batch.sent;
  } else {
    for (const key of batch.validKeys) list.members.delete(key);
    list.numRemovedUserRecords += batch.sent;
  }
  noteInvalid(list, batch);
  list.numBatches += 1;
  list.updatedTime = seconds(ctx.nowMs);
  list.status = 'PROCESSING';
  list.processingSince = ctx.nowMs;
  return { status: 200, body: renderCustomerList(list), mutated: true };
};
