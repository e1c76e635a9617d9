// Maps an HTTP method and path under /v5 to the contract operation that serves it and to its
// handler. Paths come from the derived contract, so the simulator serves exactly the operations
// whose schemas it enforces.
import { createAudience, getAudience, listAudiences, updateAudience } from './audiences';
import { getAdAccount, listAdAccounts } from './adAccounts';
import type { Handler } from './context';
import { contract, type ContractOperation } from './contract';
import { createCustomerList, getCustomerList, listCustomerLists, updateCustomerList } from './customerLists';
import { oauthToken } from './oauth';
import { getUserAccount } from './userAccount';
import { API_PATH } from '../core/pinterest/urls';

/** Where the API is served, as Pinterest serves it (one place for URL forms: core/pinterest/urls.ts). */
export const API_PREFIX = API_PATH;

export const HANDLERS: Readonly<Partial<Record<string, Handler>>> = {
  'oauth/token': oauthToken,
  'user_account/get': getUserAccount,
  'ad_accounts/list': listAdAccounts,
  'ad_accounts/get': getAdAccount,
  'customer_lists/list': listCustomerLists,
  'customer_lists/create': createCustomerList,
  'customer_lists/get': getCustomerList,
  'customer_lists/update': updateCustomerList,
  'audiences/list': listAudiences,
  'audiences/create': createAudience,
  'audiences/get': getAudience,
  'audiences/update': updateAudience,
};

interface Route {
  op: ContractOperation;
  pattern: RegExp;
  names: string[];
}

const routes: Route[] = Object.values(contract.operations).map((op) => {
  const names: string[] = [];
  const source = op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { op, pattern: new RegExp(`^${API_PREFIX}${source}/?$`), names };
});

export type RouteMatch =
  | { kind: 'operation'; op: ContractOperation; handler: Handler; params: Record<string, string> }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found' };

export function matchRoute(method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    if (route.op.method !== method) {
      allowed.push(route.op.method);
      continue;
    }
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      const raw = m[i + 1] ?? '';
      try {
        params[name] = decodeURIComponent(raw);
      } catch {
        params[name] = raw; // malformed escapes fail the parameter's pattern instead
      }
    });
    const handler = HANDLERS[route.op.operationId];
    if (handler) return { kind: 'operation', op: route.op, handler, params };
  }
  return allowed.length ? { kind: 'method-not-allowed', allowed } : { kind: 'not-found' };
}
