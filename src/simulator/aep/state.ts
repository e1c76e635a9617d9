// In-memory state of the AEP simulator: one IMS organisation with its sandboxes; each sandbox holds
// its own destination servers, audience templates, destination configurations and publish
// requests, so nothing of one sandbox is visible from another (as AEP isolates sandboxes).
import { randomBytes, randomUUID } from 'node:crypto';
import { sha256Hex } from '../../core/identity/hash';
import { AEP_SIMULATOR_SEED } from '../../core/aep/urls';

export type AepKind = 'destination-servers' | 'audience-templates' | 'destinations';
export const AEP_KINDS: readonly AepKind[] = ['destination-servers', 'audience-templates', 'destinations'];

export interface AepRecord {
  instanceId: string;
  createdDate: string;
  lastModifiedDate: string;
  /** What the author sent, minus the fields the server sets. */
  body: Record<string, unknown>;
}

export interface PublishDetails {
  configId: string;
  allowedOrgs: string[];
  status: 'TEST' | 'REVIEW' | 'APPROVED' | 'PUBLISHED' | 'DENIED' | 'REVOKED' | 'DEPRECATED';
  destinationType: 'PUBLIC' | 'DEV';
  publishedDate?: string;
  /** Milliseconds since the epoch of the submission (not sent). */
  submittedAt?: number;
}

export interface SandboxState {
  name: string;
  id: string;
  resources: Record<AepKind, Map<string, AepRecord>>;
  publish: Map<string, PublishDetails[]>;
}

export interface TokenRecord {
  clientId: string;
  imsOrg: string;
  expiresAt: number;
}

export interface AepSimulatorState {
  imsOrg: string;
  clients: Map<string, { secretSha256: string }>;
  /** Access tokens by SHA-256, never in clear. */
  tokens: Map<string, TokenRecord>;
  sandboxes: Map<string, SandboxState>;
}

/** Tokens and secrets are kept by their digest only. */
export const sha256 = sha256Hex;

export function createAepState(nowMs: number, sandboxes: readonly string[] = AEP_SIMULATOR_SEED.sandboxes): AepSimulatorState {
  const seed = AEP_SIMULATOR_SEED;
  const state: AepSimulatorState = {
    imsOrg: seed.imsOrg,
    clients: new Map([[seed.clientId, { secretSha256: sha256(seed.clientSecret) }]]),
    tokens: new Map(),
    sandboxes: new Map(),
  };
  for (const name of sandboxes) {
    state.sandboxes.set(name, {
      name,
      id: randomUUID(),
      resources: { 'destination-servers': new Map(), 'audience-templates': new Map(), destinations: new Map() },
      publish: new Map(),
    });
  }
  // The seeded token lives a year; the expired one expired a minute before the start.
  state.tokens.set(sha256(seed.accessToken), { clientId: seed.clientId, imsOrg: seed.imsOrg, expiresAt: nowMs + 365 * 86_400_000 });
  state.tokens.set(sha256(seed.expiredAccessToken), { clientId: seed.clientId, imsOrg: seed.imsOrg, expiresAt: nowMs - 60_000 });
  return state;
}

/** A new opaque access token (Adobe's are JWTs; nothing reads inside this one). */
export function issueToken(state: AepSimulatorState, clientId: string, nowMs: number, lifetimeSeconds: number): string {
  const token = `aepsim_${randomBytes(24).toString('base64url')}`;
  state.tokens.set(sha256(token), { clientId, imsOrg: state.imsOrg, expiresAt: nowMs + lifetimeSeconds * 1000 });
  return token;
}
