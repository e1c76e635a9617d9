/**
 * The one catalogue of what a template can read: the variables AEP gives a destination server
 * template and an audience metadata template. Completion and hover (src/server/template-model.ts),
 * the planner's render context (src/core/plan/render.ts, audiences.ts) and PD402 (unknown
 * variable) all read it, so they cannot disagree.
 *
 * Sources (Adobe, `help/destinations/destination-sdk/`): server templates,
 * functionality/destination-server/message-format.md ("Reference: Context and functions", the
 * aggregation key sections) and functionality/destination-configuration/customer-data-fields.md;
 * audience templates, functionality/audience-metadata-management.md (its table of macros).
 */

export type TemplateSlot = 'server' | 'audience';

/** What the keys of a map stand for; a project fills some of them in (completion, tests). */
export type EntryKey = 'namespace' | 'audience' | 'target' | 'field' | 'header' | 'any';

export interface VariableSpec {
  kind: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'any';
  /** The name people see (completion detail, hover). */
  type: string;
  doc: string;
  fields?: Record<string, VariableSpec>;
  /** A map whose keys are data (audience ids, namespaces, ...): what a key stands for and what it holds. */
  entries?: { key: EntryKey; of: VariableSpec };
  /** An array's items. */
  items?: VariableSpec;
  /**
   * When AEP fills an audience-template variable: on the request (`create`, `update`, `delete`), in
   * `responseFields` (the partner's answer), or only in cases a test activation does not produce
   * (an error answer, enrichment attributes, the user's context).
   */
  phase?: 'request' | 'response' | 'aep-only';
}

const str = (doc: string): VariableSpec => ({ kind: 'string', type: 'string', doc });
const num = (doc: string): VariableSpec => ({ kind: 'number', type: 'number', doc });
const any = (doc: string): VariableSpec => ({ kind: 'any', type: 'any', doc });
const obj = (type: string, doc: string, fields: Record<string, VariableSpec>): VariableSpec => ({ kind: 'object', type, doc, fields });
const map = (type: string, doc: string, key: EntryKey, of: VariableSpec): VariableSpec => ({ kind: 'object', type, doc, entries: { key, of } });
const list = (type: string, doc: string, items: VariableSpec): VariableSpec => ({ kind: 'array', type, doc, items });
const at = (phase: VariableSpec['phase'], v: VariableSpec): VariableSpec => ({ ...v, phase });

const identity = obj('Identity', 'One identity value of the target namespace, after the mapping (hashed when a transformation applies).', { id: str('The identity value sent to the destination.') });
const membership = obj('Membership', 'Audience membership of the profile.', {
  status: str('`realized` (entered) or `exited` (left): an exported profile has no other status.'),
  lastQualificationTime: str('When the status last changed (ISO 8601).'),
});
const profile = obj('Profile', "One profile of the batch, in the destination's target shape.", {
  identityMap: map('IdentityMap', 'Target identities of the profile, by target identity name.', 'target', list('Identity', 'The identities of one target namespace.', identity)),
  segmentMembership: map('SegmentMembership', 'Audience memberships, by audience namespace then audience id.', 'namespace', map('Memberships', 'Memberships by audience id.', 'audience', membership)),
  attributes: map('Attributes', 'Profile attributes the mapping exports (none for Pinterest).', 'any', any('An attribute value.')),
});
const timestamps = obj('Timestamps', 'When the audience and its activation were created and updated, in UNIX seconds.', {
  createdAt: num('When the audience was created (UNIX seconds).'),
  updatedAt: num('When the audience was last updated (UNIX seconds).'),
  mappingCreatedAt: num('When the audience was activated to the destination (UNIX seconds).'),
  mappingUpdatedAt: num('When the activation was last updated (UNIX seconds).'),
});
const customerData = map('CustomerData', "What the customer entered when connecting (the destination's `customerDataFields`).", 'field', str('A customer data field.'));

const SERVER: Record<string, VariableSpec> = {
  input: obj('Input', 'The aggregated batch AEP sends in one call.', {
    profiles: list('Profile', 'The profiles of the call (when `maxUsersPerRequest` is not 1).', profile),
    profile: { ...profile, doc: 'The one profile of the call (best effort with `maxUsersPerRequest: 1`).' },
    aggregationKey: obj('AggregationKey', "What the profiles of this call have in common (the destination's `aggregationKey`).", {
      segmentId: str('AEP audience id (`includeSegmentId`).'),
      segmentNamespace: str('Audience namespace (`includeSegmentId`).'),
      segmentAlias: str("The audience's id at the destination, e.g. the Pinterest customer list id (`includeSegmentId`)."),
      segmentStatus: str('`realized` or `exited` (`includeSegmentStatus`).'),
      identityNamespaces: list('string', 'Target identity names of the group (`includeIdentity`).', str('A target identity name.')),
    }),
  }),
  destination: obj('Destination', 'Audience ids, names and timestamps at the destination.', {
    namespaceSegmentAliases: map('Aliases', 'Destination-side audience ids, by namespace then AEP audience id.', 'namespace', map('Aliases', 'By AEP audience id.', 'audience', str('Destination audience id.'))),
    namespaceSegmentNames: map('Names', 'Audience names, by namespace then AEP audience id.', 'namespace', map('Names', 'By AEP audience id.', 'audience', str('Audience name.'))),
    namespaceSegmentTimestamps: map('Timestamps', 'Audience timestamps, by namespace then AEP audience id.', 'namespace', map('Timestamps', 'By AEP audience id.', 'audience', timestamps)),
    segmentAliases: map('Aliases', 'Deprecated (use `namespaceSegmentAliases`): destination-side audience ids by AEP audience id.', 'audience', str('Destination audience id.')),
    segmentNames: map('Names', 'Deprecated (use `namespaceSegmentNames`): audience names by AEP audience id.', 'audience', str('Audience name.')),
    segmentTimestamps: map('Timestamps', 'Deprecated (use `namespaceSegmentTimestamps`): audience timestamps by AEP audience id.', 'audience', timestamps),
  }),
  customerData,
};

const AUDIENCE: Record<string, VariableSpec> = {
  segment: at('request', obj('Segment', 'The audience being created, updated or deleted.', {
    id: str('AEP audience id.'),
    name: str('Audience name.'),
    namespace: str('Audience namespace (`ups`, ...).'),
    alias: str("The audience's id at the destination (after `create`)."),
    description: str('Audience description.'),
  })),
  customerData: at('request', customerData),
  destination: at('request', obj('Destination', 'The destination connection.', { name: str('Destination name.'), id: str('Destination id.') })),
  oauth2ServiceAccessToken: at('request', str('The OAuth2 access token of the connection (never logged).')),
  authData: at('request', obj('AuthData', 'Credentials of the connection.', { accessToken: str('The access token (bearer/OAuth2).') })),
  body: at('response', map('ResponseBody', 'The parsed response body (in `responseFields`).', 'any', any('A field of the response.'))),
  response: at('response', obj('Response', 'The HTTP response (in `responseFields`).', {
    body: any('Response body.'),
    status: num('HTTP status.'),
    headers: map('Headers', 'Response headers.', 'header', str('A header value.')),
  })),
  headers: at('response', map('Headers', 'Response headers (in `responseFields`).', 'header', str('A header value.'))),
  root: at('response', any('The whole parsed response body (in `responseFields`).')),
  message: at('aep-only', str("The partner's error message (in `responseFields` of a failed call).")),
  error: at('aep-only', obj('Error', 'The error of a failed call (in `responseFields`).', { message: str('Error message shown in the Platform UI.') })),
  segmentEnrichmentAttributes: at('aep-only', list('EnrichmentAttribute', 'Enrichment attributes of a custom upload audience.', any('An enrichment attribute.'))),
  userContext: at('aep-only', any("The Platform user's context.")),
};

export const TEMPLATE_VARIABLES: Readonly<Record<TemplateSlot, Readonly<Record<string, VariableSpec>>>> = { server: SERVER, audience: AUDIENCE };

/** The root names a template of `slot` can read. */
export function templateRoots(slot: TemplateSlot): string[] {
  return Object.keys(TEMPLATE_VARIABLES[slot]);
}
