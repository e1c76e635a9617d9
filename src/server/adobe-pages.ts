/**
 * The Adobe Experience League page of a key's topic, for the hover's "Adobe documentation" link:
 * each top-level section of a destination, destination server or audience template file maps to
 * the Destination SDK page that documents it (the page paths docs/fidelity.md and the rule pages
 * cite, under help/destinations/destination-sdk/). The activation file is pindest's own: no page.
 */
import { en, say } from '../core/report/l10n';
import { serverTr } from './l10n';
import type { JSONPath } from 'jsonc-parser';
import type { FileKind } from '../core/project/kinds';

const BASE = 'https://experienceleague.adobe.com/en/docs/experience-platform/destinations/destination-sdk/';
const CONFIG = 'functionality/destination-configuration/';
const SERVER = 'functionality/destination-server/';

interface Page {
  title: string;
  path: string;
}

const DESTINATION: Record<string, Page> = {
  customerAuthenticationConfigurations: { title: 'Customer authentication configuration', path: CONFIG + 'customer-authentication' },
  customerDataFields: { title: 'Customer data fields', path: CONFIG + 'customer-data-fields' },
  uiAttributes: { title: 'UI attributes', path: CONFIG + 'ui-attributes' },
  identityNamespaces: { title: 'Identity namespace configuration', path: CONFIG + 'identity-namespace-configuration' },
  schemaConfig: { title: 'Schema configuration', path: CONFIG + 'schema-configuration' },
  segmentMappingConfig: { title: 'Audience mapping configuration', path: CONFIG + 'segment-mapping' },
  audienceMetadataConfig: { title: 'Audience metadata configuration', path: CONFIG + 'audience-metadata-configuration' },
  destinationDelivery: { title: 'Destination delivery', path: CONFIG + 'destination-delivery' },
  aggregation: { title: 'Aggregation policy', path: CONFIG + 'aggregation-policy' },
  backfillHistoricalProfileData: { title: 'Historical profile qualifications', path: CONFIG + 'historical-profile-qualifications' },
  batchConfig: { title: 'Batch configuration', path: CONFIG + 'batch-configuration' },
};
const OAUTH2: Page = { title: 'OAuth 2 authorization', path: CONFIG + 'oauth2-authorization' };
/** Keys of an authentication configuration that only the OAuth 2 page documents. */
const OAUTH2_KEYS = new Set(['grant', 'clientId', 'clientSecret', 'authorizationUrl', 'accessTokenUrl', 'refreshTokenUrl', 'scope', 'options', 'accessTokenRequest', 'refreshTokenRequest', 'validityPeriodInSeconds', 'authenticationDataFields']);
const CREATE_DESTINATION: Page = { title: 'Create a destination configuration', path: 'authoring-api/destination-configuration/create-destination-configuration' };

const SERVER_PAGES: Record<string, Page> = {
  destinationServerType: { title: 'Server specs', path: SERVER + 'server-specs' },
  urlBasedDestination: { title: 'Server specs', path: SERVER + 'server-specs' },
  httpTemplate: { title: 'Templating specs', path: SERVER + 'templating-specs' },
};
const CREATE_SERVER: Page = { title: 'Create a destination server', path: 'authoring-api/destination-server/create-destination-server' };
const AUDIENCE_TEMPLATE: Page = { title: 'Create an audience template', path: 'metadata-api/create-audience-template' };

function pageFor(kind: FileKind | undefined, path: JSONPath): Page | undefined {
  const top = typeof path[0] === 'string' ? path[0] : undefined;
  if (!top) return undefined;
  if (kind === 'destination') {
    if (top === 'customerAuthenticationConfigurations' && typeof path[2] === 'string' && OAUTH2_KEYS.has(path[2])) return OAUTH2;
    return DESTINATION[top] ?? CREATE_DESTINATION;
  }
  if (kind === 'destination-server') return SERVER_PAGES[top] ?? CREATE_SERVER;
  if (kind === 'audience-template') return AUDIENCE_TEMPLATE;
  return undefined;
}

/** A Markdown line linking to the page of the key at `path`, or undefined. */
export function adobeLink(kind: FileKind | undefined, path: JSONPath): string | undefined {
  const page = pageFor(kind, path);
  return page && say(en`[Adobe documentation: ${page.title}](${BASE}${page.path})`, serverTr());
}
