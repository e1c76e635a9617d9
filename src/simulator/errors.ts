// Pinterest's error shape ({code, message}: the spec's Error and Pinterest.Lib.Error) and the codes
// its examples use, in one place, so every module answers the same situation with the same
// status, `code` and message.

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
  // The two bodies below are the examples Pinterest's OpenAPI gives for these operations.
  audienceListParameters: 'Invalid ad account audience parameters.', // audiences/list 400
  userAccountNotAuthorized: 'Not authorized to access the user account.', // user_account/get 403
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
/** 403 of user_account/get, with the body the spec's example gives (code 403). */
export const userAccountNotAuthorized = (): ApiError => new ApiError(403, 403, MESSAGES.userAccountNotAuthorized);
/** 501 for a request the spec allows but the simulator does not model: never a fake Pinterest verdict. */
export const notModelled = (what: string): ApiError => new ApiError(501, 501, `Not implemented by the Pinterest simulator: ${what}`);

/**
 * Where the spec documents an operation's error body (audiences/list: 400 with code 400 "Invalid
 * ad account audience parameters."), a generic 400 code 1 takes that documented code and message,
 * keeping what is wrong after it.
 */
export function asDocumented(operationId: string, e: ApiError): ApiError {
  if (operationId === 'audiences/list' && e.status === 400 && e.code === 1) {
    const what = e.message.replace(/^Invalid parameters\.\s*/, '');
    return new ApiError(400, 400, `${MESSAGES.audienceListParameters}${what ? ` ${what}` : ''}`, e.headers);
  }
  return e;
}
