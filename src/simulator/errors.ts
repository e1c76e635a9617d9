// Pinterest's error shapes and codes (Pinterest OpenAPI v5 `Error` and its examples) in one place, so every module
// answers the same situation with the same status, `code` and message.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }

  toBody(): { code: number; message: string } {
    return { code: this.code, message: this.message };
  }
}

export const MESSAGES = {
  authFailed: 'Authentication failed.',
  missingScope:
    'Your token does not have sufficient permissions to perform this operation. Please ensure your token is authorized with the correct set of scopes.',
  notPermitted: 'You are not permitted to access that resource.',
  adAccountNotFound: 'AdAccount not found.',
  customerListNotFound: 'Customer list not found.',
  audienceNotFound: 'Audience not found.',
  rateLimited:
    'This request exceeded a rate limit. This can happen if the client exceeds one of the published rate limits within a short time window.',
} as const;

export const authFailed = (): ApiError => new ApiError(401, 2, MESSAGES.authFailed);
export const missingScope = (): ApiError => new ApiError(401, 3, MESSAGES.missingScope);
export const notPermitted = (): ApiError => new ApiError(403, 29, MESSAGES.notPermitted);
export const adAccountNotFound = (): ApiError => new ApiError(404, 2, MESSAGES.adAccountNotFound);
export const customerListNotFound = (): ApiError => new ApiError(404, 2, MESSAGES.customerListNotFound);
export const audienceNotFound = (): ApiError => new ApiError(404, 2, MESSAGES.audienceNotFound);
/** 400 code 1, Pinterest's generic "Invalid parameters." with what is wrong appended. */
export const invalidParameters = (what: string): ApiError => new ApiError(400, 1, `Invalid parameters. ${what}`);
