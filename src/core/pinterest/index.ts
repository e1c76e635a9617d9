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
  isTransientStatus,
  describeCall,
  type NetworkFailure,
  type ConfigProblem,
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
  AEP_BEST_EFFORT_STATUSES,
  type RetryPolicy,
  type RetryOutcome,
  type RetryContext,
} from './retry';
export { createPacer, defaultSleep, type Pacer, type PacerOptions, type Sleep } from './pacing';
export { envTokenProvider, staticTokenProvider, ACCESS_TOKEN_VARIABLE } from './tokens';
export { redactHeaders, redactPath, scrubText, MASK } from './redact';
export type * from './types';
