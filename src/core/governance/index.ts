/** Data governance: Adobe's labels, marketing actions and core policies, and their evaluation. */
export * from './adobe-governance';
export { corePolicies, evaluate, expressionLabels, expressionText, holds, involvedLabels, resolveActions } from './evaluate';
export type { Carrier, GovernanceInput, Policy, PolicyStatus, Violation } from './evaluate';
export { activatedCarriers, customPolicies, governanceOf } from './activation';
export type { ActivationGovernance } from './activation';
export { hashedValueProblems } from './hashed-values';
export type { HashedValueProblem } from './hashed-values';
export { carrierPlace, violationMessage } from './explain';
