// Public API of the Pinterest v5 client (pure core: no vscode, no simulator imports). Front ends
// build a client with createPinterestClient and a TokenProvider; everything else is types, typed
// errors, retry policies and the redaction helpers reports use.
export { createPinterestClient, type PinterestClient, type PinterestClientOptions } from './client';
export {
  BASE_URLS,
  PINTEREST_API_BASE_URL,
  PINTEREST_AUTHORIZE_URL,
  PINTEREST_TOKEN_URL,
  SIMULATOR_HOST,
  API_PATH,
  EMBEDDED_SIMULATOR_BASE,
  simulatorBaseUrl,
  isLoopbackHost,
  insecureReason,
  secretUrl,
} from './urls';
export {
  PinterestError,
  PinterestApiError,
  PinterestNetworkError,
  PinterestConfigError,
  PinterestAbortError,
} from './errors';
export {
  aepClock,
  aepRetryPolicy,
  aepBestEffortPolicy,
  aepConfigurableAggregationPolicy,
  noRetryPolicy,
  defaultRetryTimeScale,
  parseRetryTimeScale,
  serverDelayMs,
  type RetryPolicy,
} from './retry';
export { envTokenProvider, staticTokenProvider, simulatorTokenProvider, accessTokenProblem, accessTokenShape, type TokenShapeProblem } from './tokens';
export { redactHeaders, redactPath, scrubText } from './redact';
export type * from './types';
