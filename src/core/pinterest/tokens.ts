// Token providers. The client asks for the token on every attempt (never caches it), so a provider
// backed by SecretStorage or an OAuth refresh flow hands out the current one after a refresh.
// A provider's errors name where the token should come from and never echo a value.
import { PinterestConfigError } from './errors';
import type { TokenProvider } from './types';

export const ACCESS_TOKEN_VARIABLE = 'PINTEREST_ACCESS_TOKEN';

/** Visible ASCII only: anything else would corrupt (or inject into) the Authorization header. */
export function checkToken(token: string, source: string): string {
  const t = token.trim();
  if (t === '') throw new PinterestConfigError('missing-token', `${source} is empty: set it to a Pinterest access token (it starts with "pina").`);
  if (!/^[\x21-\x7e]+$/.test(t)) {
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
