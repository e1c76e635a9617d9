/**
 * Audiences without a Pinterest id are created through the audience metadata template's `create`
 * call (a customer list), as AEP does on activation; its `responseFields` say where the new id
 * (`externalAudienceId`) is read from the answer.
 */
import { asArray, asObject, asString, type Json } from '../project/project';
import { renderTemplate } from '../template';
import { displayCall } from './render';
import { TOKEN_MARKER } from './secrets';
import type { ActivatedAudience, AudienceCreation, HttpCall } from './types';

/** Every string inside a JSON body is a template; other values pass through. */
function renderDeep(value: unknown, context: Json): unknown {
  if (typeof value === 'string') return renderTemplate(value, context);
  if (Array.isArray(value)) return value.map((v) => renderDeep(v, context));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderDeep(v, context)]));
  return value;
}

export function audienceContext(audience: ActivatedAudience, customerData: Json, destination: Json): Json {
  return {
    segment: { id: audience.id, name: audience.name, namespace: audience.namespace, alias: audience.alias ?? '', description: '' },
    customerData,
    destination: { name: asString(destination.name) ?? '', id: asString(destination.instanceId) ?? '' },
    oauth2ServiceAccessToken: TOKEN_MARKER,
    authData: { accessToken: TOKEN_MARKER },
  };
}

export function planCreation(template: Json, audience: ActivatedAudience, customerData: Json, destination: Json): AudienceCreation | undefined {
  const create = asObject(asObject(template.metadataTemplate)?.create);
  const urlTemplate = asString(create?.url);
  if (!create || !urlTemplate) return undefined;
  const context = audienceContext(audience, customerData, destination);
  const headers: Record<string, string> = {};
  for (const h of asArray(create.headers)) {
    const name = asString(asObject(h)?.header);
    const value = asString(asObject(h)?.value);
    if (name && value !== undefined) headers[name] = renderTemplate(value, context);
  }
  const json = asObject(create.requestBody)?.json;
  const call: HttpCall = {
    method: asString(create.httpMethod) ?? 'POST',
    url: renderTemplate(urlTemplate, context),
    headers,
    body: json === undefined ? '' : JSON.stringify(renderDeep(json, context)),
  };
  const responseFields = asArray(create.responseFields).flatMap((f) => {
    const o = asObject(f);
    return typeof o?.name === 'string' && typeof o.value === 'string' ? [{ name: o.name, value: o.value }] : [];
  });
  return { audience, call, display: displayCall(call, []), responseFields };
}

/** The partner's id for a created audience, read with the template's `responseFields`. */
export function externalAudienceId(creation: AudienceCreation, response: { status: number; headers: Record<string, string>; body: unknown }): string | undefined {
  return responseFieldValues(creation, response).externalAudienceId || undefined;
}

/** Every `responseFields` entry rendered against the partner's answer (what AEP keeps of a create). */
export function responseFieldValues(creation: AudienceCreation, response: { status: number; headers: Record<string, string>; body: unknown }): Record<string, string> {
  const body = response.body;
  const context = { body, response: { body, status: response.status, headers: response.headers }, headers: response.headers, root: body };
  return Object.fromEntries(creation.responseFields.map((f) => [f.name, renderTemplate(f.value, context).trim()]));
}
