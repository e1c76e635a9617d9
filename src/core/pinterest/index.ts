// Public API of the Pinterest v5 client (pure core: no vscode, no simulator imports). Front ends
// build a client with createPinterestClient and a TokenProvider; everything else is types, typed
// errors, retry policies and the redaction helpers reports use.
export { createPinterestClient, BASE_URLS, isLoopbackHost, insecureReason, type PinterestClient, type PinterestClientOptions } from './client';
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
export { envTokenProvider, staticTokenProvider, ACCESS_TOKEN_VARIABLE } from './tokens';
export { redactHeaders, redactPath, scrubText } from './redact';
export type * from './types';
