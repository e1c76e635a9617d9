/**
 * The one list of OAuth scopes this destination needs, used by PD205, the extension's sign-in and
 * the client's error messages: every scope a test activation's operations ask for (operations.ts).
 */
import { ACTIVATION_OPERATIONS } from './operations';

export const REQUIRED_SCOPES: readonly string[] = [...new Set(Object.values(ACTIVATION_OPERATIONS).flatMap((o) => o.scopes))].sort();

/** Every scope of Pinterest's `pinterest_oauth2` scheme (authorization code flow), for "did you mean". */
export const PINTEREST_SCOPES: readonly string[] = [
  'ads:read', 'ads:write', 'billing:read', 'billing:write', 'biz_access:read', 'biz_access:write', 'boards:read',
  'boards:read_secret', 'boards:write', 'boards:write_secret', 'catalogs:read', 'catalogs:write', 'msot:write', 'pins:read',
  'pins:read_secret', 'pins:write', 'pins:write_secret', 'user_accounts:read', 'user_accounts:write',
];
