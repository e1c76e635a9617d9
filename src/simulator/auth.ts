// Bearer-token authentication and per-operation scopes, from the `security` of each operation in
// Pinterest's OpenAPI: 401 code 2 for a missing, unknown or expired token; 401 code 3 when no
// security alternative of the operation is satisfied by the token's scopes (a client_credentials
// token only satisfies operations that list the client_credentials scheme).
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from './context';
import type { ContractOperation } from './contract';
import { authFailed, missingScope } from './errors';
import { digest, type SimulatorState } from './state';

export function usesBearer(op: ContractOperation): boolean {
  return op.securityAlternatives.some((s) => s.scheme === 'pinterest_oauth2' || s.scheme === 'client_credentials');
}

export function authenticateBearer(state: SimulatorState, headers: IncomingHttpHeaders, nowMs: number): Principal {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '');
  if (!m) throw authFailed();
  const token = state.tokens[digest(m[1] ?? '')];
  if (!token || token.kind !== 'access' || token.expiresAt <= nowMs) throw authFailed();
  return { userId: token.userId, clientId: token.clientId, scopes: token.scopes, subject: token.subject };
}

export function requireScopes(op: ContractOperation, principal: Principal): void {
  const scheme = principal.subject === 'client' ? 'client_credentials' : 'pinterest_oauth2';
  const ok = op.securityAlternatives.some((alt) => alt.scheme === scheme && alt.scopes.every((s) => principal.scopes.includes(s)));
  if (!ok) throw missingScope();
}
