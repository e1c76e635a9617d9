/**
 * The Pinterest v5 operations a test activation performs, with what Pinterest's OpenAPI says of
 * each: the OAuth scopes of its `pinterest_oauth2` security (the user token AEP's authorization code
 * grant yields) and its `x-sandbox` flag. test/unit/core/pinterest-operations.test.ts checks every
 * entry against the spec, so the scope list and the sandbox refusal cannot drift from it.
 */
export interface OperationFacts {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  /** Scopes of the operation's `pinterest_oauth2` security requirement. */
  readonly scopes: readonly string[];
  /** The operation's `x-sandbox`: whether Pinterest's sandbox API serves it. */
  readonly sandbox: 'enabled' | 'disabled';
}

/**
 * Keyed by operationId: the ad account check, the audience template's create, the server's
 * membership updates, the read of a list's counters, the search for a list whose create got no
 * answer, and the opt-in CUSTOMER_LIST audience.
 */
export const ACTIVATION_OPERATIONS: Readonly<Record<string, OperationFacts>> = {
  'ad_accounts/get': { method: 'GET', path: '/ad_accounts/{ad_account_id}', scopes: ['ads:read'], sandbox: 'enabled' },
  'customer_lists/create': { method: 'POST', path: '/ad_accounts/{ad_account_id}/customer_lists', scopes: ['ads:write'], sandbox: 'disabled' },
  'customer_lists/update': { method: 'PATCH', path: '/ad_accounts/{ad_account_id}/customer_lists/{customer_list_id}', scopes: ['ads:write'], sandbox: 'disabled' },
  'customer_lists/get': { method: 'GET', path: '/ad_accounts/{ad_account_id}/customer_lists/{customer_list_id}', scopes: ['ads:read'], sandbox: 'disabled' },
  'customer_lists/list': { method: 'GET', path: '/ad_accounts/{ad_account_id}/customer_lists', scopes: ['ads:read'], sandbox: 'disabled' },
  'audiences/create': { method: 'POST', path: '/ad_accounts/{ad_account_id}/audiences', scopes: ['ads:write'], sandbox: 'disabled' },
};
