// Token providers. The client asks for the token on every attempt (never caches it), so a provider
// backed by SecretStorage or an OAuth refresh flow hands out the current one after a refresh.
// A provider's errors name where the token should come from and never echo a value.
import { PinterestConfigError } from './errors';
import type { TokenProvider } from './types';

const ACCESS_TOKEN_VARIABLE = 'PINTEREST_ACCESS_TOKEN';
/** A token for a simulator (local runs): never the real one above, which a local run never reads. */
const SIMULATOR_TOKEN_VARIABLE = 'PINDEST_SIMULATOR_TOKEN';

/** Pinterest's access tokens start with this, its refresh tokens with `pinr` (Pinterest's Token Debugger page). */
const ACCESS_TOKEN_PREFIX = 'pina';
const REFRESH_TOKEN_PREFIX = 'pinr';
/** Far above any Pinterest token; longer input is refused without being looked at further. */
const MAX_TOKEN_LENGTH = 4096;
/** Visible ASCII only: anything else would corrupt (or inject into) the Authorization header. */
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

/** What is wrong with the shape of a value given as a Pinterest access token. */
export type TokenShapeProblem = 'too-long' | 'empty' | 'refresh-token' | 'wrong-prefix' | 'unusual-characters';

/**
 * What is wrong with a value typed or pasted as a Pinterest access token, or undefined when it may
 * be one. Looks only at the shape (length, prefix, characters), so it answers at once on any input.
 */
export function accessTokenShape(value: string): TokenShapeProblem | undefined {
  if (value.length > MAX_TOKEN_LENGTH) return 'too-long';
  const t = value.trim();
  if (t === '') return 'empty';
  if (t.startsWith(REFRESH_TOKEN_PREFIX)) return 'refresh-token';
  if (!t.startsWith(ACCESS_TOKEN_PREFIX)) return 'wrong-prefix';
  if (!VISIBLE_ASCII.test(t)) return 'unusual-characters';
  return undefined;
}

/** accessTokenShape in one sentence that says what to do, naming `source`; undefined when fine. */
export function accessTokenProblem(value: string, source = 'The pasted value'): string | undefined {
  switch (accessTokenShape(value)) {
    case 'too-long':
      return `${source} is too long to be a Pinterest access token: copy the access token again.`;
    case 'empty':
      return `${source} is empty: paste a Pinterest access token (it starts with "${ACCESS_TOKEN_PREFIX}").`;
    case 'refresh-token':
      return `${source} is a refresh token (it starts with "${REFRESH_TOKEN_PREFIX}"): use the access token, which starts with "${ACCESS_TOKEN_PREFIX}".`;
    case 'wrong-prefix':
      return `${source} is not a Pinterest access token: those start with "${ACCESS_TOKEN_PREFIX}". Copy the access token again.`;
    case 'unusual-characters':
      return `${source} does not look like an access token (it contains spaces or unusual characters): copy the token again.`;
    default:
      return undefined;
  }
}

/** The token trimmed, or a PinterestConfigError when it is empty or not visible ASCII. */
export function checkToken(token: string, source: string): string {
  const t = token.trim();
  if (t === '') throw new PinterestConfigError('missing-token', `${source} is empty: set it to a Pinterest access token (it starts with "pina").`);
  if (!VISIBLE_ASCII.test(t)) {
    throw new PinterestConfigError('invalid-token', `${source} does not look like an access token (it contains spaces or unusual characters): copy the token again.`);
  }
  return t;
}

/** Reads PINTEREST_ACCESS_TOKEN on each request, so a changed environment is picked up. */
export function envTokenProvider(env: Record<string, string | undefined> = process.env): TokenProvider {
  return {
    async accessToken() {
      const value = env[ACCESS_TOKEN_VARIABLE];
      if (value === undefined || value.trim() === '') {
        throw new PinterestConfigError(
          'missing-token',
          `No Pinterest access token: set the ${ACCESS_TOKEN_VARIABLE} environment variable (or sign in from VS Code), then retry.`,
        );
      }
      const problem = accessTokenProblem(value, `The ${ACCESS_TOKEN_VARIABLE} environment variable`);
      if (problem) throw new PinterestConfigError('invalid-token', problem);
      return checkToken(value, `The ${ACCESS_TOKEN_VARIABLE} environment variable`);
    },
  };
}

/** A fixed token (tests, one-off scripts). */
export function staticTokenProvider(token: string): TokenProvider {
  return {
    async accessToken() {
      return checkToken(token, 'The access token');
    },
  };
}

/**
 * The token of a local run (a simulator): PINDEST_SIMULATOR_TOKEN when set, else the simulator's
 * own seeded token. PINTEREST_ACCESS_TOKEN is never read, so a real token never reaches a simulator;
 * a PINDEST_SIMULATOR_TOKEN equal to it is refused for the same reason.
 */
export function simulatorTokenProvider(seededToken: string, env: Record<string, string | undefined> = process.env): TokenProvider {
  return {
    async accessToken() {
      const given = env[SIMULATOR_TOKEN_VARIABLE]?.trim();
      if (!given) return checkToken(seededToken, 'The simulator token');
      if (given === env[ACCESS_TOKEN_VARIABLE]?.trim()) {
        throw new PinterestConfigError(
          'invalid-token',
          `${SIMULATOR_TOKEN_VARIABLE} holds the same token as ${ACCESS_TOKEN_VARIABLE}: a real token is never sent to the simulator. Unset ${SIMULATOR_TOKEN_VARIABLE} to use the simulator's seeded token.`,
        );
      }
      return checkToken(given, `The ${SIMULATOR_TOKEN_VARIABLE} environment variable`);
    },
  };
}
