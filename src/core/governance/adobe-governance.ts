/**
 * Adobe's published data-governance facts, kept as data: the core data usage labels, the core
 * marketing actions (and how the Destination SDK's `marketingActions` enum maps onto them), and
 * the core (out-of-the-box) policies whose label expressions Adobe documents.
 *
 * Why data and not code: every rule and the policy evaluation read these tables, and each entry
 * carries where it was read, so a reviewer can check one fact against one page. Nothing here is
 * guessed: where Adobe's text does not state a fact (an API name, a core policy's labels or id),
 * the field is `null` and `NOT_FOUND` below says what is missing.
 *
 * Sources (GitHub repository, path, commit of the stored version read):
 */
export const SOURCES = {
  labels: {
    repo: 'AdobeDocs/experience-platform.en',
    path: 'help/data-governance/labels/reference.md',
    commit: '03b425ce11613b9cf9f82805fdf83e4274bc4319',
  },
  policiesOverview: {
    repo: 'AdobeDocs/experience-platform.en',
    path: 'help/data-governance/policies/overview.md',
    commit: '03e7863f38b882a2fbf6ba0de1755e1924e8e228',
  },
  policyApi: {
    repo: 'AdobeDocs/experience-platform.en',
    path: 'help/data-governance/api/policies.md',
    commit: '08d02e7323f75c450e7a250835f26a569685cdd1',
  },
  evaluationApi: {
    repo: 'AdobeDocs/experience-platform.en',
    path: 'help/data-governance/api/evaluation.md',
    commit: '149b34dbaa34fdcb09ff88239d82e4ea9f818188',
  },
  enabledCorePolicies: {
    repo: 'AdobeDocs/experience-platform.en',
    path: 'help/data-governance/api/enabled-core-policies.md',
    commit: '149b34dbaa34fdcb09ff88239d82e4ea9f818188',
  },
  autoEnforcement: {
    repo: 'AdobeDocs/experience-platform.en',
    path: 'help/data-governance/enforcement/auto-enforcement.md',
    commit: '0085306a2f5172eb19590cc12bc9645278bd2b42',
  },
  policyServiceOpenApi: {
    repo: 'AdobeDocs/experience-platform-apis',
    path: 'static/swagger-specs/policy-service.yaml',
    commit: '526fbcf07d3f8661419c2f63cf84c4579fc997cb',
  },
  governanceTutorial: {
    repo: 'AdobeDocs/platform-learn.en',
    path: 'help/tutorial-data-architect-and-engineer/apply-data-governance-framework.md',
    commit: 'e422cf716648870da8b9eda3ba210eeb08a96137',
  },
  policiesUserGuide: {
    repo: 'https://experienceleague.adobe.com/docs/experience-platform/data-governance/policies/user-guide.html (page)',
    path: 'Create a custom policy: "When selecting multiple marketing actions, the policy interprets them as an \\"OR\\" rule."',
    commit: null,
  },
  destinationSdk: {
    repo: 'AdobeDocs/experience-platform-apis',
    path: 'static/swagger-specs/destination-authoring.yaml (destination: marketingActions, duleLabels enums; vendored as spec/adobe/destination-authoring.yaml)',
    commit: '16c60cd7a5617582fc21500f5ab3edf0e2ee308b',
  },
} as const;

export type SourceKey = keyof typeof SOURCES;

export type LabelCategory = 'Contract' | 'Identity' | 'Sensitive' | 'Partner Ecosystem';

export interface LabelInfo {
  /** The label's name as the Policy Service and dataset APIs write it (case-sensitive). */
  code: string;
  category: LabelCategory;
  /** Adobe's one-line definition. */
  definition: string;
  /** Marked beta by Adobe. */
  beta?: boolean;
  source: SourceKey;
}

/** Adobe's core labels (labels/reference.md): contract C1–C12, identity I1–I2, sensitive, partner. */
export const CORE_LABELS: readonly LabelInfo[] = [
  { code: 'C1', category: 'Contract', definition: 'Data can only be exported from Adobe Experience Cloud in an aggregated form without including individual or device identifiers.', source: 'labels' },
  { code: 'C2', category: 'Contract', definition: 'Data cannot be exported to a third-party.', source: 'labels' },
  { code: 'C3', category: 'Contract', definition: 'Data cannot be combined or otherwise used with directly identifiable information.', source: 'labels' },
  { code: 'C4', category: 'Contract', definition: 'Data cannot be used for targeting any ads or content, either on-site or cross-site.', source: 'labels' },
  { code: 'C5', category: 'Contract', definition: 'Data cannot be used for interest-based, cross-site targeting of content or ads.', source: 'labels' },
  { code: 'C6', category: 'Contract', definition: 'Data cannot be used for on-site ad targeting.', source: 'labels' },
  { code: 'C7', category: 'Contract', definition: 'Data cannot be used for on-site targeting of content.', source: 'labels' },
  { code: 'C8', category: 'Contract', definition: "Data cannot be used for measurement of your organization's websites or apps.", source: 'labels' },
  { code: 'C9', category: 'Contract', definition: 'Data cannot be used in Data Science workflows.', source: 'labels' },
  { code: 'C10', category: 'Contract', definition: 'Data cannot be used for stitched identity activation.', source: 'labels' },
  { code: 'C11', category: 'Contract', definition: 'Data cannot be shared with Segment Match partners.', source: 'labels' },
  { code: 'C12', category: 'Contract', definition: 'Data cannot be exported in any way.', source: 'labels' },
  { code: 'I1', category: 'Identity', definition: 'Directly identifiable data that can identify or contact a specific person, rather than a device.', source: 'labels' },
  { code: 'I2', category: 'Identity', definition: 'Indirectly identifiable data that can be used in combination with any other data to identify or contact a specific person.', source: 'labels' },
  { code: 'S1', category: 'Sensitive', definition: 'Data specifying latitude and longitude that can be used to determine the precise location of a device.', source: 'labels' },
  { code: 'S2', category: 'Sensitive', definition: 'Data that can be used to determine a broadly defined geofence area.', source: 'labels' },
  { code: 'PSPD', category: 'Sensitive', definition: 'Permitted Sensitive Personal Data: data you are contractually permitted by Adobe to upload that is deemed "sensitive", "special category of data", or a similar term used by applicable laws (excludes PHI and other regulated health data).', source: 'labels' },
  { code: 'RHD', category: 'Sensitive', definition: 'Data that refers to Protected Health Information (PHI) or information about a patient that you are contractually permitted by Adobe to upload.', source: 'labels' },
  { code: 'Third-Party', category: 'Partner Ecosystem', definition: 'Third-party data: data provided to you by a third-party data vendor (governs the use of prospect data).', beta: true, source: 'labels' },
];

export interface MarketingActionInfo {
  /** Value of the destination configuration's `marketingActions` enum, or null when it has none. */
  destinationEnum: string | null;
  /** The Policy Service `name` (last segment of `/marketingActions/core/{name}`), or null when no Adobe text states it. */
  name: string | null;
  /** Where `name` was read. */
  nameSource: SourceKey | null;
  /** Adobe's display name (policies/overview.md "Adobe-defined marketing actions"). */
  friendlyName: string;
  description: string;
}

/**
 * Core marketing actions. The destination enum and the display name are matched one to one by
 * wording (each enum is the display name in upper snake case; `COMBINE_WITH_PII` ↔ "Combine with
 * directly identifiable data" is the only pair whose words differ, and it is the only action about
 * PII). `exportToThirdParty` ↔ "Export to Third Party" is stated by the Policy Service OpenAPI
 * (CoreMarketingActionResponse example: name + friendlyName).
 */
export const CORE_MARKETING_ACTIONS: readonly MarketingActionInfo[] = [
  { destinationEnum: 'ANALYTICS', name: null, nameSource: null, friendlyName: 'Analytics', description: "Uses data for analytics purposes, such as measuring, analyzing, and reporting on customers' usage of your organization's sites or apps." },
  { destinationEnum: 'COMBINE_WITH_PII', name: null, nameSource: null, friendlyName: 'Combine with directly identifiable data', description: 'Combines any Personally Identifiable Information (PII) with anonymous data.' },
  { destinationEnum: 'CROSS_SITE_TARGETING', name: 'crossSiteTargeting', nameSource: 'evaluationApi', friendlyName: 'Cross Site Targeting', description: 'Uses data for cross-site ad targeting (data combined from several sites, typically to infer interests).' },
  { destinationEnum: 'DATA_SCIENCE', name: null, nameSource: null, friendlyName: 'Data Science', description: 'Uses data for data science workflows (AI, machine learning, modeling).' },
  { destinationEnum: 'EMAIL_TARGETING', name: 'emailTargeting', nameSource: 'policyServiceOpenApi', friendlyName: 'Email Targeting', description: 'Uses data in email targeting campaigns.' },
  { destinationEnum: 'EXPORT_TO_THIRD_PARTY', name: 'exportToThirdParty', nameSource: 'policyServiceOpenApi', friendlyName: 'Export to Third Party', description: 'Exports data to processors and entities that do not have direct relationships with customers.' },
  { destinationEnum: 'ONSITE_ADVERTISING', name: null, nameSource: null, friendlyName: 'Onsite Advertising', description: "Uses data for onsite ads: selection, delivery and measurement of ads on your organization's websites or apps." },
  { destinationEnum: 'ONSITE_PERSONALIZATION', name: null, nameSource: null, friendlyName: 'Onsite Personalization', description: 'Uses data for onsite content personalization.' },
  { destinationEnum: 'SINGLE_IDENTITY_PERSONALIZATION', name: null, nameSource: null, friendlyName: 'Single Identity Personalization', description: 'Requires that a single identity be used for personalization instead of stitching identities from multiple sources.' },
  { destinationEnum: null, name: null, nameSource: null, friendlyName: 'Segment Match', description: 'Uses data for Adobe Experience Platform Segment Match (exchanging segment data between Platform users). No destination enum value exists for it.' },
];

/** Adobe's policy expression (Policy Service `PolicyExpression`): a label, or an operator over operands. */
export interface PolicyExpression {
  label?: string;
  operator?: 'AND' | 'OR';
  operands?: PolicyExpression[];
}

export interface CorePolicyInfo {
  /** `corepolicy_NNNN` when Adobe's text gives it, else null. */
  id: string | null;
  name: string;
  /** Display name of the marketing action (see CORE_MARKETING_ACTIONS). */
  marketingAction: string;
  deny: PolicyExpression;
  description: string;
  source: SourceKey;
  /** How firm the fact is, in Adobe's own framing. */
  evidence: string;
}

/** Core policies whose label expression Adobe's published text states. */
export const CORE_POLICIES: readonly CorePolicyInfo[] = [
  {
    id: null,
    name: '3rd party export restriction',
    marketingAction: 'Export to Third Party',
    deny: { label: 'C2' },
    description: 'Out-of-the-box policy that associates the C2 label with the marketing action Export to Third Party.',
    source: 'governanceTutorial',
    evidence: 'Adobe tutorial: "an out-of-the-box policy called \\"3rd party export restriction\\" that associates the C2 label with the marketing action Export to Third Party".',
  },
  {
    id: 'corepolicy_0003',
    name: 'Restrict email targeting',
    marketingAction: 'Email Targeting',
    deny: { operator: 'OR', operands: [{ label: 'C4' }, { label: 'C5' }] },
    description: 'Restrict use of data labeled C4 OR C5 for email targeting.',
    source: 'policyServiceOpenApi',
    evidence: 'Policy Service OpenAPI, CorePolicyResponse example (id corepolicy_0003). An API example, the only core policy whose id and expression Adobe prints together.',
  },
  {
    id: null,
    name: 'Restrict data sharing',
    marketingAction: 'Segment Match',
    deny: { label: 'C11' },
    description: 'Data with a C11 label cannot be used for Segment Match.',
    source: 'policiesOverview',
    evidence: 'policies/overview.md: "if the core policy \\"Restrict data sharing\\" is enabled, any data with a C11 label cannot be used for Segment Match".',
  },
];

/** What was looked for in Adobe's docs and not found (so it is absent above, not guessed). */
export const NOT_FOUND: readonly string[] = [
  'A published table of all core policies with their label expressions: Adobe shows them only in the Policies workspace UI. Core policy names seen in Adobe use-case pages without labels (so not evaluated here): "Restrict Sensitive Data", "Restrict Onsite Advertising", "Restrict cross-site Targeting", "Restrict combining directly identifiable data with anonymous data".',
  'The ids of core policies other than corepolicy_0003 (enabled-core-policies.md lists corepolicy_0001…0008 without names).',
  'Policy Service names of the core marketing actions Analytics, Combine with directly identifiable data, Data Science, Onsite Advertising, Onsite Personalization, Single Identity Personalization and Segment Match.',
  'The code Adobe uses for the beta "Third-Party" partner label (the glossary shows only the display name).',
];

export const CORE_LABEL_CODES: readonly string[] = CORE_LABELS.map((l) => l.code);

/** The marketing action a destination enum value, a Policy Service name or URI, or a display name denotes. */
export function findMarketingAction(ref: string): MarketingActionInfo | undefined {
  const last = ref.replace(/\/+$/, '').split('/').pop() ?? ref;
  return CORE_MARKETING_ACTIONS.find((a) => a.destinationEnum === last || (a.name !== null && a.name === last) || a.friendlyName === ref);
}

/** A destination enum value for messages: `Export to Third Party (EXPORT_TO_THIRD_PARTY)`. */
export function describeAction(action: MarketingActionInfo): string {
  return action.destinationEnum ? `${action.friendlyName} (\`${action.destinationEnum}\`)` : action.friendlyName;
}
