// Public API of the AEP Destination Authoring API client (pure core: no vscode, no simulator).
export {
  createAepClient,
  createAepClientFromSettings,
  oneResource,
  manyResources,
  type AepClient,
  type AepClientOptions,
  type AepClientEvent,
  type AepCall,
  type AepResponse,
  type AepResource,
  type AepResourceApi,
  type AepPublishStatus,
  type AepPublishDetails,
} from './client';
export { aepSettingsFromEnv, imsTokenSource, staticAepToken, type AepSettings, type AepEnvOptions, type AepTokenSource, type ImsTokenOptions } from './credentials';
export { AepError, type AepErrorReason } from './errors';
export {
  AEP_AUTHORING_BASE_URL,
  AEP_AUTHORING_PATH,
  AEP_IMS_SCOPES,
  AEP_SIMULATOR_SEED,
  DEFAULT_SANDBOX,
  IMS_TOKEN_PATH,
  IMS_TOKEN_URL,
  aepUrlProblem,
} from './urls';
