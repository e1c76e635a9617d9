// GET /ad_accounts and GET /ad_accounts/{ad_account_id}: the accounts the caller owns or has been
// given Business Access to, each with the caller's roles in `permissions` (how a client checks it
// may write audiences before it tries).
import { requireAdAccount, rolesOf } from './access';
import type { Handler, RequestContext } from './context';
import { paginate } from './pagination';
import type { AdAccountRecord } from './state';

export function renderAdAccount(ctx: RequestContext, account: AdAccountRecord): Record<string, unknown> {
  const owner = ctx.state.users[account.ownerUserId];
  return {
    id: account.id,
    name: account.name,
    owner: { id: account.ownerUserId, username: owner?.username ?? '' },
    country: account.country,
    currency: account.currency,
    permissions: rolesOf(account, ctx.principal?.userId ?? ''),
    created_time: account.createdTime,
    updated_time: account.updatedTime,
  };
}

export const listAdAccounts: Handler = (ctx) => {
  const userId = ctx.principal?.userId ?? '';
  const includeShared = ctx.query.include_shared_accounts !== false;
  const visible = Object.values(ctx.state.adAccounts).filter(
    (a) => rolesOf(a, userId).length > 0 && (includeShared || a.ownerUserId === userId),
  );
  const page = paginate(visible, {
    scope: `ad_accounts:${includeShared}`,
    pageSize: ctx.query.page_size as number,
    order: 'ASCENDING',
    bookmark: ctx.query.bookmark as string | undefined,
  });
  return { status: 200, body: { items: page.items.map((a) => renderAdAccount(ctx, a)), bookmark: page.bookmark }, mutated: false };
};

export const getAdAccount: Handler = (ctx) => ({
  status: 200,
  body: renderAdAccount(ctx, requireAdAccount(ctx, 'read')),
  mutated: false,
});
