// Token providers. The client asks for the token on every attempt (never caches it), so a provider
// backed by SecretStorage or an OAuth refresh flow hands out the current one after a refresh.
// A provider's errors name where the token should come from and never echo a value.
import { fill, msg } from '../report/l10n';
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

// English templates (`msg`), so that the extension shows these refusals in the reader's language.
// Where the token comes from is a phrase of its own, filled into the sentence.
const SAY = {
  pasted: msg('The pasted value'),
  given: msg('The access token'),
  simulator: msg('The simulator token'),
  refreshed: msg('The refreshed access token'),
  variable: msg('The {0} environment variable'),
  tooLong: msg('{0} is too long to be a Pinterest access token: copy the access token again.'),
  pasteEmpty: msg('{0} is empty: paste a Pinterest access token (it starts with "{1}").'),
  refreshToken: msg('{0} is a refresh token (it starts with "{1}"): use the access token, which starts with "{2}".'),
  wrongPrefix: msg('{0} is not a Pinterest access token: those start with "{1}". Copy the access token again.'),
  unusual: msg('{0} does not look like an access token (it contains spaces or unusual characters): copy the token again.'),
  empty: msg('{0} is empty: set it to a Pinterest access token (it starts with "pina").'),
  noToken: msg('No Pinterest access token: set the {0} environment variable (or sign in from VS Code), then retry.'),
  sameToken: msg("{0} holds the same token as {1}: a real token is never sent to the simulator. Unset {2} to use the simulator's seeded token."),
};
/** Where a token came from, for the refusals of `checkToken`. */
export const TOKEN_SOURCE = { refreshed: SAY.refreshed } as const;

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
export function accessTokenProblem(value: string, source = SAY.pasted): string | undefined {
  switch (accessTokenShape(value)) {
    case 'too-long':
      return fill(SAY.tooLong, [source]);
    case 'empty':
      return fill(SAY.pasteEmpty, [source, ACCESS_TOKEN_PREFIX]);
    case 'refresh-token':
      return fill(SAY.refreshToken, [source, REFRESH_TOKEN_PREFIX, ACCESS_TOKEN_PREFIX]);
    case 'wrong-prefix':
      return fill(SAY.wrongPrefix, [source, ACCESS_TOKEN_PREFIX]);
    case 'unusual-characters':
      return fill(SAY.unusual, [source]);
    default:
      return undefined;
  }
}

/** The token trimmed, or a PinterestConfigError when it is empty or not visible ASCII. */
export function checkToken(token: string, source: string): string {
  const t = token.trim();
  if (t === '') throw new PinterestConfigError('missing-token', fill(SAY.empty, [source]));
  if (!VISIBLE_ASCII.test(t)) {
    throw new PinterestConfigError('invalid-token', fill(SAY.unusual, [source]));
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
          fill(SAY.noToken, [ACCESS_TOKEN_VARIABLE]),
        );
      }
      const problem = accessTokenProblem(value, fill(SAY.variable, [ACCESS_TOKEN_VARIABLE]));
      if (problem) throw new PinterestConfigError('invalid-token', problem);
      return checkToken(value, fill(SAY.variable, [ACCESS_TOKEN_VARIABLE]));
    },
  };
}

/** A fixed token (tests, one-off scripts). */
export function staticTokenProvider(token: string): TokenProvider {
  return {
    async accessToken() {
      return checkToken(token, SAY.given);
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
      if (!given) return checkToken(seededToken, SAY.simulator);
      if (given === env[ACCESS_TOKEN_VARIABLE]?.trim()) {
        throw new PinterestConfigError(
          'invalid-token',
          fill(SAY.sameToken, [SIMULATOR_TOKEN_VARIABLE, ACCESS_TOKEN_VARIABLE, SIMULATOR_TOKEN_VARIABLE]),
        );
      }
      return checkToken(given, fill(SAY.variable, [SIMULATOR_TOKEN_VARIABLE]));
    },
  };
}
