/**
 * What a template can read, as a small structural type model: the variables AEP gives a destination
 * server template (`input`, `destination`, `customerData`, tokens) or an audience template
 * (`segment`, `customerData`, the response `body`), filled in with this project's facts (its target
 * identities, customer data fields, audience namespaces). Completion and hover walk it.
 */
import { asArray, asObject, asString, type Project } from '../core/project/project';
import type { FileKind } from '../core/project/kinds';
import { customerDataFieldNames } from '../core/rules/facts';

export type TemplateType =
  | { kind: 'object'; name: string; doc: string; fields: Record<string, TemplateType>; any?: TemplateType }
  | { kind: 'array'; name: string; doc: string; of: TemplateType }
  | { kind: 'string' | 'number' | 'boolean' | 'any'; name: string; doc: string };

const str = (doc: string, name = 'string'): TemplateType => ({ kind: 'string', name, doc });
const obj = (name: string, doc: string, fields: Record<string, TemplateType>, any?: TemplateType): TemplateType => ({ kind: 'object', name, doc, fields, any });
const arr = (name: string, doc: string, of: TemplateType): TemplateType => ({ kind: 'array', name, doc, of });

export function typeLabel(t: TemplateType): string {
  return t.kind === 'array' ? `list of ${t.of.name}` : t.name;
}

function projectFacts(project: Project | undefined): { targets: string[]; fields: string[]; audienceNamespaces: string[] } {
  const dest = asObject(project?.ofKind('destination')[0]?.doc.value);
  const targets = Object.keys(asObject(dest?.identityNamespaces) ?? {});
  const fields = dest ? [...customerDataFieldNames(dest)] : [];
  const namespaces = new Set(['ups']);
  for (const a of project?.ofKind('activation') ?? []) {
    for (const x of asArray(asObject(a.doc.value)?.audiences)) {
      const ns = asString(asObject(x)?.namespace);
      if (ns) namespaces.add(ns);
    }
  }
  return { targets: targets.length ? targets : ['pinterest_audience'], fields, audienceNamespaces: [...namespaces] };
}

export function globalsFor(kind: FileKind | undefined, project: Project | undefined): Record<string, TemplateType> {
  const facts = projectFacts(project);
  const identity = obj('Identity', 'One identity value of the target namespace, after the mapping (hashed when a transformation applies).', { id: str('The identity value sent to the destination.') });
  const identities = arr('Identity', 'The identities of one target namespace.', identity);
  const membership = obj('Membership', 'Audience membership of the profile.', {
    status: str('`realized` (entered), `existing` (still in) or `exited` (left).', 'string'),
    lastQualificationTime: str('When the status last changed (ISO 8601).'),
  });
  const profile = obj('Profile', 'One profile of the batch, in the destination\'s target shape.', {
    identityMap: obj('IdentityMap', 'Target identities of the profile, by target namespace.', Object.fromEntries(facts.targets.map((t) => [t, identities])), identities),
    segmentMembership: obj('SegmentMembership', 'Audience memberships, by audience namespace then audience id.', Object.fromEntries(facts.audienceNamespaces.map((n) => [n, obj('Memberships', `Memberships in the \`${n}\` namespace, by audience id.`, {}, membership)])), obj('Memberships', 'Memberships by audience id.', {}, membership)),
    attributes: obj('Attributes', 'Profile attributes the mapping exports (none for Pinterest).', {}, { kind: 'any', name: 'any', doc: 'An attribute value.' }),
  });
  const customerData = obj('CustomerData', 'What the customer entered when connecting (the destination\'s `customerDataFields`).', Object.fromEntries(facts.fields.map((f) => [f, str(`Customer data field \`${f}\`.`)])));
  const tokens = {
    oauth2ServiceAccessToken: str('The OAuth2 access token of the connection (AEP adds it; never logged).'),
    authData: obj('AuthData', 'Credentials of the connection.', { accessToken: str('The access token (bearer/OAuth2).') }),
  };
  if (kind === 'audience-template') {
    return {
      segment: obj('Segment', 'The audience being created or updated.', { id: str('AEP audience id.'), name: str('Audience name.'), namespace: str('Audience namespace (`ups`, ...).') }),
      customerData,
      body: obj('ResponseBody', 'The parsed response body (in `responseFields`).', {}, { kind: 'any', name: 'any', doc: 'A field of the response.' }),
      response: obj('Response', 'The HTTP response (in `responseFields`).', { body: { kind: 'any', name: 'any', doc: 'Response body.' }, headers: obj('Headers', 'Response headers.', {}, str('A header value.')) }),
      ...tokens,
    };
  }
  return {
    input: obj('Input', 'The aggregated batch AEP sends in one call.', {
      profiles: arr('Profile', 'The profiles of the batch (configurable aggregation).', profile),
      profile: profile,
      aggregationKey: obj('AggregationKey', 'What the profiles of this call have in common (the destination\'s `aggregationKey`).', {
        segmentId: str('AEP audience id.'),
        segmentNamespace: str('Audience namespace.'),
        segmentAlias: str('The audience\'s id at the destination (the Pinterest customer list id).'),
        segmentStatus: str('`realized`, `existing` or `exited`.'),
        identityNamespaces: arr('string', 'Identity namespaces of the group.', str('A namespace.')),
      }),
    }),
    destination: obj('Destination', 'Audience ids and names at the destination.', {
      namespaceSegmentAliases: obj('Aliases', 'Destination-side audience ids, by namespace then AEP audience id.', {}, obj('Aliases', 'By AEP audience id.', {}, str('Destination audience id.'))),
      namespaceSegmentNames: obj('Names', 'Audience names, by namespace then AEP audience id.', {}, obj('Names', 'By AEP audience id.', {}, str('Audience name.'))),
      segmentAliases: obj('Aliases', 'Destination-side audience ids, by AEP audience id.', {}, str('Destination audience id.')),
      segmentNames: obj('Names', 'Audience names, by AEP audience id.', {}, str('Audience name.')),
    }),
    customerData,
    ...tokens,
  };
}

export const LOOP: TemplateType = obj('Loop', 'The loop\'s state.', {
  index: { kind: 'number', name: 'number', doc: '0-based iteration.' },
  length: { kind: 'number', name: 'number', doc: 'Number of items.' },
  first: { kind: 'boolean', name: 'boolean', doc: 'True on the first iteration.' },
  last: { kind: 'boolean', name: 'boolean', doc: 'True on the last iteration.' },
  revindex: { kind: 'number', name: 'number', doc: 'Iterations left.' },
});

/** The type at a path, or undefined when the model does not know it. */
export function typeAt(scope: Record<string, TemplateType>, path: string[]): TemplateType | undefined {
  let t: TemplateType | undefined = scope[path[0]!];
  for (const seg of path.slice(1)) {
    if (!t) return undefined;
    if (t.kind === 'object') t = t.fields[seg] ?? t.any;
    else if (t.kind === 'array' && /^\d+$/.test(seg)) t = t.of;
    else return undefined;
  }
  return t;
}

export function membersOf(t: TemplateType | undefined): [string, TemplateType][] {
  return t?.kind === 'object' ? Object.entries(t.fields) : [];
}
