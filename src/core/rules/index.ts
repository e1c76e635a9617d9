/** Every rule, in code order. Adding a rule is adding a file and a line here. */
import { unknownProperty } from './pd014-unknown-property';
import { streamingFrequency } from './pd101-streaming-frequency';
import { identityNamespacesRequired } from './pd102-identity-namespaces-required';
import { segmentRequired } from './pd103-segment-required';
import { destinationDelivery } from './pd104-destination-delivery';
import { streamingAuthType } from './pd105-streaming-auth-type';
import { authenticationRule } from './pd106-authentication-rule';
import { platformAuthenticationId } from './pd107-platform-authentication-id';
import { aggregationType } from './pd108-aggregation-type';
import { maxEventsInBatch } from './pd109-max-events-in-batch';
import { maxBatchAge } from './pd110-max-batch-age';
import { segmentStatusNeedsId } from './pd111-segment-status-needs-id';
import { groupsNeedMultipleIdentities } from './pd112-groups-one-identity';
import { namespaceListsExclusive } from './pd113-namespace-lists-exclusive';
import { legacyNamespaceLists } from './pd114-legacy-namespace-lists';
import { mapUserInputExcludesTemplate } from './pd115-map-user-input-template';
import { transformationExpression } from './pd116-transformation-expression';
import { oauth2GrantFields } from './pd117-oauth2-grant-fields';
import { duplicateNameDescription } from './pd118-duplicate-name-description';
import { templatingStrategy } from './pd119-templating-strategy';
import { identityGroups } from './pd120-identity-groups';
import { pinterestTargetIdentity } from './pd201-pinterest-target-identity';
import { pinterestAcceptedNamespaces } from './pd202-pinterest-accepted-namespaces';
import { pinterestDeviceIdsHashed } from './pd203-pinterest-device-ids-hashed';
import { pinterestAdAccountField } from './pd204-pinterest-ad-account-field';
import { pinterestOAuth } from './pd205-pinterest-oauth';
import { pinterestServerUrl } from './pd206-pinterest-server-url';
import { pinterestOAuthBasicAuth } from './pd208-pinterest-oauth-basic-auth';
import { pinterestSandboxEnvironment } from './pd209-pinterest-sandbox-environment';
import { destinationServerReference } from './pd301-destination-server-reference';
import { audienceTemplateReference } from './pd302-audience-template-reference';
import { customerDataFields } from './pd303-customer-data-fields';
import { activationMappings } from './pd304-activation-mappings';
import { activationFiles } from './pd305-activation-files';
import { activationCustomerData } from './pd306-activation-customer-data';
import { activationAudiences } from './pd307-activation-audiences';
import { policyViolation } from './pd501-policy-violation';
import { unknownLabel } from './pd502-unknown-label';
import { plainEmailToHashedTarget } from './pd503-plain-email-to-hashed-target';
import { templateSyntax } from './pd401-template-syntax';
import { unknownTemplateVariable } from './pd402-unknown-template-variable';
import { profileVsProfiles } from './pd403-profile-vs-profiles';
import { deprecatedSegmentMaps } from './pd404-deprecated-segment-maps';
import { aggregationKeyFlags } from './pd405-aggregation-key-flags';
import { renderedBodyJson } from './pd406-rendered-body-json';
import { identityMapKeys } from './pd407-identity-map-keys';
import type { Rule } from './rule';

export const RULES: readonly Rule[] = [
  unknownProperty,
  streamingFrequency,
  identityNamespacesRequired,
  segmentRequired,
  destinationDelivery,
  streamingAuthType,
  authenticationRule,
  platformAuthenticationId,
  aggregationType,
  maxEventsInBatch,
  maxBatchAge,
  segmentStatusNeedsId,
  groupsNeedMultipleIdentities,
  namespaceListsExclusive,
  legacyNamespaceLists,
  mapUserInputExcludesTemplate,
  transformationExpression,
  oauth2GrantFields,
  duplicateNameDescription,
  templatingStrategy,
  identityGroups,
  pinterestTargetIdentity,
  pinterestAcceptedNamespaces,
  pinterestDeviceIdsHashed,
  pinterestAdAccountField,
  pinterestOAuth,
  pinterestServerUrl,
  pinterestOAuthBasicAuth,
  pinterestSandboxEnvironment,
  destinationServerReference,
  audienceTemplateReference,
  customerDataFields,
  activationMappings,
  activationFiles,
  activationCustomerData,
  activationAudiences,
  templateSyntax,
  unknownTemplateVariable,
  profileVsProfiles,
  deprecatedSegmentMaps,
  aggregationKeyFlags,
  renderedBodyJson,
  identityMapKeys,
  policyViolation,
  unknownLabel,
  plainEmailToHashedTarget,
];

export type { Rule, RuleContext } from './rule';
