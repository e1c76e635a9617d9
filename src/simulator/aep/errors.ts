// The error bodies of the AEP simulator, in the two shapes Adobe documents for Experience Platform
// APIs (help/landing/troubleshooting.md, "Request header errors"; the Destination SDK pages say
// their endpoints "follow the general Experience Platform API error message principles"):
// - gateway errors (token, API key, IMS org): `{"error_code": "401013", "message": "…"}`, with
//   the codes and messages of that page;
// - service errors: `{"type", "status", "title", "detail"}`, the shape of the page's "Valid
//   content-type not specified" example. Adobe documents no body for the Destination SDK's 400
//   (schema), 404 or an unknown sandbox; these use this shape too (a choice, see docs/fidelity.md).

export class AepSimError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
  ) {
    super(typeof body.message === 'string' ? body.message : String(body.detail ?? body.title ?? status));
  }
}

const gateway = (status: number, code: string, message: string) => new AepSimError(status, { error_code: code, message });

/** The documented gateway errors, verbatim. */
export const tokenMissing = () => gateway(403, '403010', 'Oauth token is missing.');
export const tokenInvalid = () => gateway(401, '401013', 'Oauth token is not valid');
export const apiKeyMissing = () => gateway(403, '403000', 'Api Key is required');
export const apiKeyInvalid = () => gateway(403, '403003', 'Api Key is invalid');
export const orgHeaderMissing = () => gateway(400, '400003', 'Missing header');
export const profileInvalid = () => gateway(403, '403025', 'Profile is not valid');

const TITLES: Record<number, string> = {
  400: 'BadRequestError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  405: 'MethodNotAllowedError',
  413: 'PayloadTooLargeError',
  429: 'TooManyRequestsError',
  500: 'InternalServerError',
  501: 'NotImplementedError',
  503: 'ServiceUnavailableError',
};

/** A service error in the problem shape Adobe's troubleshooting page shows. */
export function problem(status: number, detail: string): AepSimError {
  return new AepSimError(status, { type: '/placeholder/type/uri', status, title: TITLES[status] ?? 'Error', detail });
}

/** Documented verbatim: a POST or PUT without `Content-Type: application/json`. */
export const contentTypeInvalid = () => problem(400, 'A valid content-type must be specified');
