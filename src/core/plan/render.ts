/**
 * Renders each batch through the destination server's templates (URL, headers, query, body)
 * with the context AEP gives them: `input`, `destination` and `customerData`.
 */
import { maskIdentity } from '../identity';
import { asArray, asObject, asString, type Json } from '../project/project';
import { renderTemplate, TemplateFailure } from '../template';
import { maskToken, TOKEN_MARKER } from './secrets';
import type { ActivatedAudience, Batch, HttpCall, PlannedRequest, TargetProfile } from './types';

const SHA256 = /^[0-9a-f]{64}$/;

/** `destination.*` as templates see it, with each audience's Pinterest id. */
export function destinationContext(audiences: ActivatedAudience[], aliasOf: (a: ActivatedAudience) => string): Json {
  const namespaceSegmentAliases: Record<string, Record<string, string>> = {};
  const namespaceSegmentNames: Record<string, Record<string, string>> = {};
  const segmentAliases: Record<string, string> = {};
  const segmentNames: Record<string, string> = {};
  for (const a of audiences) {
    const alias = aliasOf(a);
    (namespaceSegmentAliases[a.namespace] ??= {})[a.id] = alias;
    (namespaceSegmentNames[a.namespace] ??= {})[a.id] = a.name;
    segmentAliases[a.id] = alias;
    segmentNames[a.id] = a.name;
  }
  return { namespaceSegmentAliases, namespaceSegmentNames, segmentAliases, segmentNames };
}

function slot(template: unknown, context: Json): string | undefined {
  const o = asObject(template);
  const value = asString(o?.value);
  if (value === undefined) return undefined;
  return o?.templatingStrategy === 'PEBBLE_V1' ? renderTemplate(value, context) : value;
}

function templateProfile(p: TargetProfile): Json {
  return { identityMap: p.identityMap, segmentMembership: p.segmentMembership, attributes: p.attributes };
}

/** The call as people may see it: plain identifiers (not hashes) masked, tokens masked. */
export function displayCall(call: HttpCall, plainValues: Iterable<[string, string]>): HttpCall {
  let url = maskToken(call.url);
  let body = maskToken(call.body);
  for (const [value, namespace] of plainValues) {
    if (SHA256.test(value) || value === '') continue;
    const masked = maskIdentity(namespace, value);
    url = url.split(value).join(masked);
    body = body.split(value).join(masked);
  }
  const headers = Object.fromEntries(Object.entries(call.headers).map(([k, v]) => [k, maskToken(v)]));
  return { method: call.method, url, headers, body };
}

/**
 * AEP adds the customer's token to streaming calls for OAuth2 and bearer destinations (its
 * examples never template it); a server template that sets Authorization itself keeps its own.
 */
export function injectsAuthorization(config: Json): boolean {
  return asArray(config.customerAuthenticationConfigurations).some((c) => ['OAUTH2', 'BEARER'].includes(String(asObject(c)?.authType)));
}

export function renderBatch(server: Json, batch: Batch, index: number, customerData: Json, destination: Json, bearer: boolean): PlannedRequest {
  const http = asObject(server.httpTemplate) ?? {};
  const input: Json = batch.single ? { profile: templateProfile(batch.profiles[0]!) } : { profiles: batch.profiles.map(templateProfile) };
  if (batch.aggregationKey) input.aggregationKey = batch.aggregationKey;
  const context: Json = { input, destination, customerData, authData: { accessToken: TOKEN_MARKER }, oauth2ServiceAccessToken: TOKEN_MARKER };
  const problems: string[] = [];
  const attempt = (what: string, f: () => string | undefined): string => {
    try {
      return f() ?? '';
    } catch (e) {
      problems.push(e instanceof TemplateFailure ? `${what}: line ${e.line}, column ${e.column}: ${e.message}` : `${what}: ${(e as Error).message}`);
      return '';
    }
  };

  let url = attempt('URL template', () => slot(asObject(server.urlBasedDestination)?.url, context));
  const query = attempt('query parameters template', () => slot(http.queryParameters, context));
  if (query) url += (url.includes('?') ? '&' : '?') + query.replace(/^\?/, '');
  const headers: Record<string, string> = {};
  const contentType = asString(http.contentType);
  if (contentType) headers['Content-Type'] = contentType;
  for (const h of asArray(http.headers)) {
    const name = asString(asObject(h)?.header);
    if (name) headers[name] = attempt(`header ${name}`, () => slot(asObject(h)?.value, context));
  }
  if (bearer && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) headers.Authorization = `Bearer ${TOKEN_MARKER}`;
  const body = attempt('request body template', () => slot(http.requestBody, context));
  if (body && contentType?.includes('json')) {
    try {
      JSON.parse(body);
    } catch (e) {
      problems.push(`The rendered body is not valid JSON (${(e as Error).message}); check the template's quotes and commas.`);
    }
  }
  const call: HttpCall = { method: asString(http.httpMethod) ?? 'POST', url, headers, body };
  const plain = batch.profiles.flatMap((p) => Object.entries(p.identityMap).flatMap(([ns, ids]) => ids.map((i): [string, string] => [i.id, ns])));
  return { ...call, batch: index, display: displayCall(call, plain), problems };
}
