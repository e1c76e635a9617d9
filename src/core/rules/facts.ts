/** Facts about a destination configuration that several rules share. */
import { PINTEREST_AUTHORIZE_URL, PINTEREST_TOKEN_URL } from '../pinterest/urls';
import { asArray, asObject, asString, type Json, type Project, type ProjectFile } from '../project/project';

export const TRANSFORMATION = 'sha256(lower($))';

export const PINTEREST = {
  target: 'pinterest_audience',
  namespaces: ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA'],
  authorizationUrl: PINTEREST_AUTHORIZE_URL,
  tokenUrl: PINTEREST_TOKEN_URL,
} as const;

/** A streaming destination: it aggregates, or it delivers to a URL-based server. */
export function isStreaming(destination: Json, project: Project): boolean {
  if (asString(asObject(destination.uiAttributes)?.frequency)?.toLowerCase() === 'batch') return false;
  if (destination.aggregation !== undefined) return true;
  return asArray(destination.destinationDelivery).some((d) => {
    const id = asString(asObject(d)?.destinationServerId);
    const server = id ? project.serverById(id) : undefined;
    return asObject(server?.doc.value)?.destinationServerType === 'URL_BASED';
  });
}

/** `audienceTemplateId`, wherever the docs' versions put it, with its pointer. */
export function audienceTemplateRef(destination: Json): { id: unknown; pointer: string } | undefined {
  for (const holder of ['audienceMetadataConfig', 'segmentMappingConfig']) {
    const o = asObject(destination[holder]);
    if (o && o.audienceTemplateId !== undefined) return { id: o.audienceTemplateId, pointer: `/${holder}/audienceTemplateId` };
  }
  return undefined;
}

/** The destination configuration(s) a server, template or activation belongs to. */
export function destinationsFor(file: ProjectFile, project: Project): ProjectFile[] {
  const all = project.ofKind('destination');
  if (file.kind === 'activation') {
    const rel = asString(asObject(asObject(file.doc.value)?.files)?.destination);
    const named = rel ? project.file(project.resolveFrom(file, rel)) : undefined;
    return named ? [named] : all.length === 1 ? all : [];
  }
  const id = asString(asObject(file.doc.value)?.instanceId);
  const referencing = all.filter((d) => {
    const v = asObject(d.doc.value) ?? {};
    if (file.kind === 'destination-server') {
      return asArray(v.destinationDelivery).some((x) => project.serverById(String(asObject(x)?.destinationServerId)) === file);
    }
    const ref = audienceTemplateRef(v);
    return ref !== undefined && (ref.id === id || project.audienceTemplateById(String(ref.id)) === file);
  });
  return referencing.length ? referencing : all.length === 1 ? all : [];
}

/** customerDataFields flattened (nested `properties` included), as `customerData.<name>` sees them. */
export function customerDataFieldNames(destination: Json): Set<string> {
  const names = new Set<string>();
  const stack = [...asArray(destination.customerDataFields)];
  while (stack.length) {
    const f = asObject(stack.pop());
    if (!f) continue;
    const n = asString(f.name);
    if (n) names.add(n);
    stack.push(...asArray(f.properties));
  }
  return names;
}

/** Each `aggregationKey` of the destination (configurable and best effort), with its pointer. */
export function aggregationKeys(destination: Json): { pointer: string; key: Json }[] {
  const aggregation = asObject(destination.aggregation);
  return (['configurableAggregation', 'bestEffortAggregation'] as const).flatMap((holder) => {
    const key = asObject(asObject(aggregation?.[holder])?.aggregationKey);
    return key ? [{ pointer: `/aggregation/${holder}/aggregationKey`, key }] : [];
  });
}

const AD_ACCOUNT_FIELD = /^(ad_?)?account_?id$|^adAccount$/i;

/** Index of the customer data field that holds the Pinterest ad account id, or -1. */
export function adAccountFieldIndex(destination: Json): number {
  return asArray(destination.customerDataFields).findIndex((f) => AD_ACCOUNT_FIELD.test(asString(asObject(f)?.name) ?? ''));
}

/** The name of the destination's ad account field (see `adAccountFieldIndex`), if it has one. */
export function adAccountFieldName(destination: Json): string | undefined {
  return asString(asObject(asArray(destination.customerDataFields)[adAccountFieldIndex(destination)])?.name);
}

/** The ad account id in a connection's customer data: its value of the destination's ad account field. */
export function adAccountIdIn(destination: Json, customerData: Json | undefined): string | undefined {
  const field = adAccountFieldName(destination);
  const id = field !== undefined ? customerData?.[field] : undefined;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/**
 * The environment and ad account of an activation file: the ad account is the connection's value of
 * the destination's ad account field (whatever its name, see `adAccountFieldIndex`). The destination
 * is the one `files.destination` names, else the project's only one.
 */
export function activationSummary(project: Project, activation: ProjectFile): { environment?: string; adAccountId?: string } {
  const a = asObject(activation.doc.value);
  if (!a) return {};
  const named = asString(asObject(a.files)?.destination);
  const destinations = project.ofKind('destination');
  const destinationFile = named ? project.file(project.resolveFrom(activation, named)) : destinations.length === 1 ? destinations[0] : undefined;
  const destination = asObject(destinationFile?.doc.value);
  const adAccountId = destination ? adAccountIdIn(destination, asObject(asObject(a.connection)?.customerData)) : undefined;
  return { environment: asString(a.environment), adAccountId };
}
