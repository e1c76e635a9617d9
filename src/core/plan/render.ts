/**
 * Renders each batch through the destination server's templates (URL, headers, query, body)
 * with the context AEP gives them: `input`, `destination` and `customerData`.
 */
import { maskIdentity } from '../identity';
import { asArray, asObject, asString, type Json } from '../project/project';
import { renderTemplate, TemplateFailure } from '../template';
import { audienceKey } from './map';
import { maskToken, TOKEN_MARKER } from './secrets';
import type { ActivatedAudience, Batch, HttpCall, PlannedRequest, TargetProfile } from './types';
import { fill, msg } from '../report/l10n';

// A request's problems, stored in English; the extension shows them translated (translateText).
// Each template's place is in the message, so no message starts with a bare "{0}: ".
const FAILED = {
  url: [msg('URL template: line {0}, column {1}: {2}'), msg('URL template: {0}')],
  query: [msg('query parameters template: line {0}, column {1}: {2}'), msg('query parameters template: {0}')],
  header: [msg('header {0}: line {1}, column {2}: {3}'), msg('header {0}: {1}')],
  body: [msg('request body template: line {0}, column {1}: {2}'), msg('request body template: {0}')],
} as const;
const NOT_JSON_AT = msg("The rendered body is not valid JSON (it stops being JSON at character {0}); check the template's quotes and commas.");
const NOT_JSON = msg("The rendered body is not valid JSON; check the template's quotes and commas.");

const SHA256 = /^[0-9a-f]{64}$/;

type Timestamps = { createdAt: number; updatedAt: number; mappingCreatedAt: number; mappingUpdatedAt: number };

/**
 * `destination.namespaceSegmentTimestamps` / `segmentTimestamps` (UNIX seconds, Adobe's
 * message-format page), derived from the one clock a project has, the sample profiles'
 * `lastQualificationTime`: an audience was created (and last updated) no later than its first
 * member qualified, so `createdAt` = `updatedAt` = its earliest qualification; the test activation
 * happens after every qualification in the sample, so `mappingCreatedAt` = `mappingUpdatedAt` = the
 * latest one. An audience without a dated member takes the activation time; a sample without any
 * date gives 0 (the Unix epoch) rather than an empty value.
 */
export function audienceTimestamps(audiences: ActivatedAudience[], members: TargetProfile[]): Map<ActivatedAudience, Timestamps> {
  const first = new Map<string, number>();
  let latest: number | undefined;
  for (const p of members) {
    for (const [ns, byId] of Object.entries(p.segmentMembership)) {
      for (const [id, m] of Object.entries(byId)) {
        const ms = m.lastQualificationTime ? Date.parse(m.lastQualificationTime) : NaN;
        if (Number.isNaN(ms)) continue;
        const t = Math.floor(ms / 1000);
        const key = audienceKey(ns, id);
        first.set(key, Math.min(first.get(key) ?? t, t));
        latest = Math.max(latest ?? t, t);
      }
    }
  }
  const activation = latest ?? 0;
  return new Map(audiences.map((a) => {
    const created = first.get(audienceKey(a.namespace, a.id)) ?? activation;
    return [a, { createdAt: created, updatedAt: created, mappingCreatedAt: activation, mappingUpdatedAt: activation }];
  }));
}

/** `destination.*` as templates see it, with each audience's Pinterest id and timestamps. */
export function destinationContext(audiences: ActivatedAudience[], aliasOf: (a: ActivatedAudience) => string, members: TargetProfile[] = []): Json {
  const namespaceSegmentAliases: Record<string, Record<string, string>> = {};
  const namespaceSegmentNames: Record<string, Record<string, string>> = {};
  const namespaceSegmentTimestamps: Record<string, Record<string, Timestamps>> = {};
  const segmentAliases: Record<string, string> = {};
  const segmentNames: Record<string, string> = {};
  const segmentTimestamps: Record<string, Timestamps> = {};
  const times = audienceTimestamps(audiences, members);
  for (const a of audiences) {
    const alias = aliasOf(a);
    (namespaceSegmentAliases[a.namespace] ??= {})[a.id] = alias;
    (namespaceSegmentNames[a.namespace] ??= {})[a.id] = a.name;
    (namespaceSegmentTimestamps[a.namespace] ??= {})[a.id] = times.get(a)!;
    segmentAliases[a.id] = alias;
    segmentNames[a.id] = a.name;
    segmentTimestamps[a.id] = times.get(a)!;
  }
  return { namespaceSegmentAliases, namespaceSegmentNames, namespaceSegmentTimestamps, segmentAliases, segmentNames, segmentTimestamps };
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
  // Exactly the roots of the template variable catalogue (core/template/variables.ts): AEP gives a
  // server template no token; it adds the Authorization header itself (below).
  const context: Json = { input, destination, customerData };
  const problems: string[] = [];
  const attempt = (what: keyof typeof FAILED, name: string[], f: () => string | undefined): string => {
    try {
      return f() ?? '';
    } catch (e) {
      const [at, bare] = FAILED[what];
      problems.push(e instanceof TemplateFailure ? fill(at, [...name, e.line, e.column, e.message]) : fill(bare, [...name, (e as Error).message]));
      return '';
    }
  };

  let url = attempt('url', [], () => slot(asObject(server.urlBasedDestination)?.url, context));
  const query = attempt('query', [], () => slot(http.queryParameters, context));
  if (query) url += (url.includes('?') ? '&' : '?') + query.replace(/^\?/, '');
  const headers: Record<string, string> = {};
  const contentType = asString(http.contentType);
  if (contentType) headers['Content-Type'] = contentType;
  for (const h of asArray(http.headers)) {
    const name = asString(asObject(h)?.header);
    if (name) headers[name] = attempt('header', [name], () => slot(asObject(h)?.value, context));
  }
  if (bearer && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) headers.Authorization = `Bearer ${TOKEN_MARKER}`;
  const body = attempt('body', [], () => slot(http.requestBody, context));
  if (body && contentType?.includes('json')) {
    try {
      JSON.parse(body);
    } catch (e) {
      // Only the place: V8's wording quotes the text around it, which holds the sample's identifiers.
      const at = /at position (\d+)/.exec((e as Error).message)?.[1];
      problems.push(at === undefined ? NOT_JSON : fill(NOT_JSON_AT, [Number(at) + 1]));
    }
  }
  const call: HttpCall = { method: asString(http.httpMethod) ?? 'POST', url, headers, body };
  const plain = batch.profiles.flatMap((p) => Object.entries(p.identityMap).flatMap(([ns, ids]) => ids.map((i): [string, string] => [i.id, ns])));
  return { ...call, batch: index, display: displayCall(call, plain), problems };
}
