/**
 * The files of a new destination project, built from the bundled example (pure: no `vscode` here,
 * so the unit test validates what it returns). What the example makes its own (instanceIds, the
 * connection name and ad account, the audience ids, the app's client id) is replaced; the rest is
 * the example's working configuration. The destination keeps accepting every identity Pinterest takes
 * (PD202 asks for all of them); the picked identities are what the test activation maps and sends.
 */
import { randomUUID } from 'node:crypto';
import activation from '../../examples/pinterest-customer-list/activation.json';
import audienceTemplate from '../../examples/pinterest-customer-list/audience-template.json';
import server from '../../examples/pinterest-customer-list/destination-server.json';
import destination from '../../examples/pinterest-customer-list/destination.json';
import profiles from '../../examples/pinterest-customer-list/profiles.json';

/** The identities the example maps to Pinterest (Pinterest OpenAPI v5, customer_lists: EMAIL, MAID, IDFA). */
export const IDENTITIES = ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA'] as const;
export type Identity = (typeof IDENTITIES)[number];

/** The digits of a Pinterest ad account id, as the example's customer data field requires. */
export const AD_ACCOUNT_ID = /^[0-9]{1,18}$/;

export const PROJECT_FILE_NAMES = ['destination.json', 'destination-server.json', 'audience-template.json', 'activation.json', 'profiles.json'] as const;

export interface ScaffoldOptions {
  /** The connection's name (the activation's `connection.name`) and the destination's name. */
  name: string;
  adAccountId: string;
  identities: readonly Identity[];
  /** The `$schema` value of each kind's file (the extension's shipped schema). */
  schemaFor: (kind: 'destination' | 'destination-server' | 'audience-template' | 'activation') => string;
  uuid?: () => string;
}

/** A sentence saying what is wrong with the options, or undefined when they make a project. */
export function scaffoldProblem(o: Pick<ScaffoldOptions, 'name' | 'adAccountId' | 'identities'>): string | undefined {
  if (!o.name.trim()) return 'The project needs a name.';
  if (!AD_ACCOUNT_ID.test(o.adAccountId)) return 'The ad account id is 1 to 18 digits (the number in ads.pinterest.com/advertiser/<id>/).';
  if (!o.identities.length || o.identities.some((i) => !IDENTITIES.includes(i))) return `Pick at least one identity among ${IDENTITIES.join(', ')}.`;
  return undefined;
}

type Json = Record<string, any>;
const copy = <T>(v: T): T => structuredClone(v);

/** Adobe sets these when a configuration is created: a new project has none yet. */
function fresh(value: Json, schema: string, instanceId: string): Json {
  const { $schema: _s, instanceId: _i, createdDate: _c, lastModifiedDate: _l, ...rest } = copy(value);
  return { $schema: schema, instanceId, ...rest };
}

/** The project's files, name to text (2-space JSON with a final newline, like the example). */
export function scaffoldProject(o: ScaffoldOptions): Record<string, string> {
  const problem = scaffoldProblem(o);
  if (problem) throw new Error(problem);
  const uuid = o.uuid ?? randomUUID;
  const picked = new Set<string>(o.identities);
  const ids = { destination: uuid(), server: uuid(), template: uuid() };

  const dest = fresh(destination, o.schemaFor('destination'), ids.destination);
  dest.name = o.name.trim();
  for (const auth of dest.customerAuthenticationConfigurations ?? []) if ('clientId' in auth) auth.clientId = 'replace-with-your-pinterest-app-id';
  dest.segmentMappingConfig.audienceTemplateId = ids.template;
  for (const d of dest.destinationDelivery ?? []) d.destinationServerId = ids.server;

  // Fresh audience ids: the profiles' memberships follow them.
  const act = copy(activation) as Json;
  const audienceIds = new Map<string, string>((act.audiences ?? []).map((a: Json) => [a.id, uuid()]));
  const { $schema: _s, ...actRest } = act;
  const newActivation: Json = { $schema: o.schemaFor('activation'), ...actRest };
  newActivation.connection.name = o.name.trim();
  newActivation.connection.description = `Test connection for ${o.name.trim()}`;
  newActivation.connection.customerData.adAccountId = o.adAccountId;
  newActivation.mappings = (act.mappings ?? []).filter((m: Json) => picked.has(m.source));
  newActivation.audiences = (act.audiences ?? []).map((a: Json) => ({ ...a, id: audienceIds.get(a.id) }));

  const newProfiles = (copy(profiles) as Json[]).flatMap((p) => {
    const identityMap = Object.fromEntries(Object.entries<unknown>(p.identityMap ?? {}).filter(([k]) => picked.has(k)));
    if (!Object.keys(identityMap).length) return [];
    const segmentMembership = Object.fromEntries(
      Object.entries<Json>(p.segmentMembership ?? {}).map(([ns, byId]) => [ns, Object.fromEntries(Object.entries(byId).map(([id, m]) => [audienceIds.get(id) ?? id, m]))]),
    );
    return [{ ...p, identityMap, segmentMembership }];
  });

  const text = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
  return {
    'destination.json': text(dest),
    'destination-server.json': text(fresh(server, o.schemaFor('destination-server'), ids.server)),
    'audience-template.json': text(fresh(audienceTemplate, o.schemaFor('audience-template'), ids.template)),
    'activation.json': text(newActivation),
    'profiles.json': text(newProfiles),
  };
}
