// The simulator's whole world, in memory: users, the OAuth app, ad accounts with per-user roles,
// tokens, authorization codes, customer lists and audiences. It can be loaded from and saved to a
// JSON file (atomically: write a temp file, then rename) so a demo can be inspected and resumed.
//
// Nothing secret or raw is stored: tokens, codes and the client secret are kept as SHA-256
// digests, and customer-list members as hex digests (see records.ts). The seeded credentials are
// derived from fixed labels, so they are the same on every start and can be printed again.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { ListType } from './records';

export const ACCESS_TOKEN_SECONDS = 30 * 24 * 3600; // 2592000, Pinterest-like (docs §6.3)
export const REFRESH_TOKEN_SECONDS = 60 * 24 * 3600; // continuous refresh token, 60 days
export const AUTH_CODE_SECONDS = 600;

export type Role =
  | 'OWNER'
  | 'ADMIN'
  | 'ANALYST'
  | 'AUDIENCE_MANAGER'
  | 'CAMPAIGN_MANAGER'
  | 'FINANCE_MANAGER'
  | 'FINANCE_VIEW'
  | 'FINANCE_EDIT';

/** Roles that may write customer lists and audiences: a choice, Pinterest's OpenAPI v5 does not say which may. */
export const WRITER_ROLES: readonly Role[] = ['OWNER', 'ADMIN', 'AUDIENCE_MANAGER'];

export interface UserRecord {
  id: string;
  username: string;
  account_type: 'PINNER' | 'BUSINESS';
  business_name: string | null;
}

export interface AppRecord {
  clientId: string;
  clientSecretHash: string;
  /** The app's own user: client_credentials tokens act for it. */
  ownerUserId: string;
}

export interface AdAccountRecord {
  id: string;
  name: string;
  ownerUserId: string;
  country: string;
  currency: string;
  createdTime: number;
  updatedTime: number;
  /** Business Access roles per user id. */
  roles: Record<string, Role[]>;
}

export interface TokenRecord {
  kind: 'access' | 'refresh';
  /** 'user' tokens come from the authorization-code flow; 'client' from client_credentials. */
  subject: 'user' | 'client';
  userId: string;
  clientId: string;
  scopes: string[];
  expiresAt: number; // ms
}

export interface AuthCodeRecord {
  clientId: string;
  userId: string;
  redirectUri: string;
  scopes: string[];
  expiresAt: number; // ms
}

export type ListStatus = 'PROCESSING' | 'READY' | 'TOO_SMALL' | 'UPLOADING';

export interface CustomerListRecord {
  id: string;
  adAccountId: string;
  name: string;
  listType: ListType;
  createdTime: number; // s
  updatedTime: number; // s
  numBatches: number;
  numUploadedUserRecords: number;
  numRemovedUserRecords: number;
  status: ListStatus;
  /** When the last write started processing (ms); the status settles on a read after the delay. */
  processingSince: number | null;
  /** Matched members: hex digests of valid records currently in the list. */
  members: Set<string>;
  invalidRecords: number;
  invalidReasons: Record<string, number>;
}

export interface AudienceRecord {
  id: string;
  adAccountId: string;
  name: string;
  description: string | null;
  audienceType: 'CUSTOMER_LIST';
  customerListId: string;
  status: 'INITIALIZING' | 'READY' | 'TOO_SMALL';
  size: number | null;
  createdTimestamp: number; // s
  updatedTimestamp: number; // s
}

export interface SimulatorState {
  version: 1;
  nextId: number;
  users: Record<string, UserRecord>;
  apps: Record<string, AppRecord>;
  adAccounts: Record<string, AdAccountRecord>;
  tokens: Record<string, TokenRecord>; // by sha256(token)
  authCodes: Record<string, AuthCodeRecord>; // by sha256(code)
  customerLists: Record<string, CustomerListRecord>;
  audiences: Record<string, AudienceRecord>;
}

export interface SeedInfo {
  userId: string;
  adAccountId: string;
  readOnlyAdAccountId: string;
  /** Exists, but the seeded user has no role on it (403 code 29). */
  noAccessAdAccountId: string;
  /** Shared with the seeded user as AUDIENCE_MANAGER (writable without being the owner). */
  audienceManagerAdAccountId: string;
  clientId: string;
  clientSecret: string;
  accessToken: string;
  /** Same user, scopes ads:read,user_accounts:read only (no ads:write). */
  limitedAccessToken: string;
  accessTokenScopes: string[];
  limitedAccessTokenScopes: string[];
}

export const digest = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

const fixed = (label: string, length: number): string =>
  createHash('sha256').update(`pindest-simulator:${label}`).digest('base64url').slice(0, length);

export const newAccessToken = (): string => `pina_${randomBytes(36).toString('base64url')}`;
export const newRefreshToken = (): string => `pinr.${randomBytes(36).toString('base64url')}`;
export const newAuthCode = (): string => randomBytes(24).toString('base64url');

export const SEED: SeedInfo = {
  userId: '4503599627370497',
  adAccountId: '549755885175',
  readOnlyAdAccountId: '549756359984',
  noAccessAdAccountId: '549755813901',
  audienceManagerAdAccountId: '549756001122',
  clientId: '1500100',
  clientSecret: fixed('client-secret', 40),
  accessToken: `pina_${fixed('access-token', 48)}`,
  limitedAccessToken: `pina_${fixed('limited-access-token', 48)}`,
  accessTokenScopes: ['ads:read', 'ads:write', 'user_accounts:read'],
  limitedAccessTokenScopes: ['ads:read', 'user_accounts:read'],
};
const OTHER_USER_ID = '4503599627370498';

/** (Re)installs the seeded tokens with a fresh 30-day lifetime, so printed credentials always work. */
export function installSeedTokens(state: SimulatorState, nowMs: number): void {
  const base = { kind: 'access', subject: 'user', userId: SEED.userId, clientId: SEED.clientId } as const;
  const expiresAt = nowMs + ACCESS_TOKEN_SECONDS * 1000;
  state.tokens[digest(SEED.accessToken)] = { ...base, scopes: [...SEED.accessTokenScopes], expiresAt };
  state.tokens[digest(SEED.limitedAccessToken)] = { ...base, scopes: [...SEED.limitedAccessTokenScopes], expiresAt };
}

export function createSeedState(nowMs: number): SimulatorState {
  const t = Math.floor(nowMs / 1000);
  const account = (id: string, name: string, ownerUserId: string, roles: Record<string, Role[]>): AdAccountRecord => ({
    id,
    name,
    ownerUserId,
    country: 'US',
    currency: 'USD',
    createdTime: t,
    updatedTime: t,
    roles,
  });
  const state: SimulatorState = {
    version: 1,
    nextId: 5497558000001,
    users: {
      [SEED.userId]: { id: SEED.userId, username: 'pindest_demo', account_type: 'BUSINESS', business_name: 'Pindest Demo Co.' },
      [OTHER_USER_ID]: { id: OTHER_USER_ID, username: 'partner_agency', account_type: 'BUSINESS', business_name: 'Partner Agency' },
    },
    apps: {
      [SEED.clientId]: { clientId: SEED.clientId, clientSecretHash: digest(SEED.clientSecret), ownerUserId: SEED.userId },
    },
    adAccounts: {
      [SEED.adAccountId]: account(SEED.adAccountId, 'Pindest Demo Ads', SEED.userId, { [SEED.userId]: ['OWNER'] }),
      [SEED.readOnlyAdAccountId]: account(SEED.readOnlyAdAccountId, 'Partner Agency (analyst access)', OTHER_USER_ID, {
        [OTHER_USER_ID]: ['OWNER'],
        [SEED.userId]: ['ANALYST'],
      }),
      [SEED.audienceManagerAdAccountId]: account(SEED.audienceManagerAdAccountId, 'Partner Agency (audience access)', OTHER_USER_ID, {
        [OTHER_USER_ID]: ['OWNER'],
        [SEED.userId]: ['AUDIENCE_MANAGER'],
      }),
      [SEED.noAccessAdAccountId]: account(SEED.noAccessAdAccountId, 'Partner Agency (private)', OTHER_USER_ID, {
        [OTHER_USER_ID]: ['OWNER'],
      }),
    },
    tokens: {},
    authCodes: {},
    customerLists: {},
    audiences: {},
  };
  installSeedTokens(state, nowMs);
  return state;
}

export function allocateId(state: SimulatorState): string {
  const id = String(state.nextId);
  state.nextId += 1;
  return id;
}

/** JSON form: Sets become sorted arrays. */
export function serializeState(state: SimulatorState): string {
  return JSON.stringify(
    state,
    (_key, value: unknown) => (value instanceof Set ? [...(value as Set<string>)].sort() : value),
    2,
  );
}

export function deserializeState(text: string): SimulatorState {
  const raw = JSON.parse(text) as SimulatorState & { customerLists: Record<string, { members: string[] }> };
  if (raw.version !== 1 || typeof raw.nextId !== 'number' || typeof raw.customerLists !== 'object') {
    throw new Error('not a Pinterest simulator state file (version 1)');
  }
  for (const list of Object.values(raw.customerLists)) {
    (list as unknown as CustomerListRecord).members = new Set(list.members as unknown as string[]);
  }
  return raw as SimulatorState;
}

export function loadState(path: string): SimulatorState | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return deserializeState(text);
  } catch (e) {
    throw new Error(`Cannot read simulator state ${path}: ${(e as Error).message}`);
  }
}

/** Writes the state next to `path`, then renames it over `path`: readers never see half a file. */
export function saveState(path: string, state: SimulatorState): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, serializeState(state), { mode: 0o600 });
  renameSync(tmp, path);
}
