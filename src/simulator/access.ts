// Ad-account access checks shared by every ad-account-scoped operation: the account must exist
// (404 code 2 "AdAccount not found."), the caller must hold a Business Access role on it, and
// writes need OWNER, ADMIN or AUDIENCE_MANAGER (otherwise 403 code 29).
import type { RequestContext } from './context';
import { adAccountNotFound, notPermitted } from './errors';
import { WRITER_ROLES, type AdAccountRecord, type Role } from './state';

export function rolesOf(account: AdAccountRecord, userId: string): Role[] {
  return account.roles[userId] ?? [];
}

export function requireAdAccount(ctx: RequestContext, access: 'read' | 'write'): AdAccountRecord {
  const id = ctx.path.ad_account_id ?? '';
  const account = ctx.state.adAccounts[id];
  if (!account) throw adAccountNotFound();
  const roles = rolesOf(account, ctx.principal?.userId ?? '');
  if (roles.length === 0) throw notPermitted();
  if (access === 'write' && !roles.some((r) => WRITER_ROLES.includes(r))) throw notPermitted();
  return account;
}
