/**
 * From an activation file (and its destination) to the evaluator's input: which marketing actions
 * are performed, which labelled things are actually activated, which policies apply.
 *
 * Why one builder: the PD5xx rules, the preview and the push refusal must agree on what is
 * evaluated, so they all call this. The semantics follow AEP's enforcement:
 * - marketing actions: the activation's `marketingActions` replaces the destination's list when
 *   present (a connection's marketing use cases are chosen per connection in AEP);
 * - audiences: only those listed in `audiences` carry their labels;
 * - identities: only namespaces used as a mapping `source` carry their labels;
 * - attributes: field labels count only when the field is activated, i.e. is a mapping `source`
 *   (auto-enforcement.md: projected attributes; fields used in an audience definition are already
 *   part of the audience's labels);
 * - policies: Adobe's documented core policies (all ENABLED unless `enabledCorePolicies` lists the
 *   ones enabled in the organisation, as PUT /enabledCorePolicies does) plus the custom `policies`.
 */
import { asArray, asObject, asString, type Json } from '../project/project';
import type { PolicyExpression } from './adobe-governance';
import { corePolicies, type Carrier, type GovernanceInput, type Policy, type PolicyStatus } from './evaluate';

export interface ActivationGovernance {
  input: GovernanceInput;
  /** Where the marketing actions came from, for messages. */
  actionsFrom: 'activation' | 'destination';
}

function strings(v: unknown): string[] {
  return asArray(v).flatMap((x) => (typeof x === 'string' ? [x] : []));
}

function expression(v: unknown): PolicyExpression {
  const o = asObject(v);
  if (!o) return {};
  if (typeof o.label === 'string') return { label: o.label };
  const operator = o.operator === 'AND' || o.operator === 'OR' ? o.operator : undefined;
  return operator ? { operator, operands: asArray(o.operands).map(expression) } : {};
}

/** The activation's custom policies in Adobe's PolicyBody shape; entries without a name are skipped. */
export function customPolicies(activation: Json): Policy[] {
  return asArray(activation.policies).flatMap((p, i) => {
    const o = asObject(p);
    const name = asString(o?.name);
    if (!o || !name) return [];
    const status: PolicyStatus = o.status === 'ENABLED' || o.status === 'DISABLED' ? o.status : 'DRAFT';
    return [{
      id: asString(o.id) ?? `policies/${i}`,
      name,
      status,
      origin: 'custom' as const,
      marketingActionRefs: strings(o.marketingActionRefs),
      deny: expression(o.deny),
      description: asString(o.description),
    }];
  });
}

/** Labels per key of one `labels` section (`audiences`, `identities`, `attributes`). */
function section(activation: Json, name: string): Map<string, string[]> {
  const o = asObject(asObject(activation.labels)?.[name]) ?? {};
  return new Map(Object.entries(o).map(([k, v]) => [k, strings(v)]));
}

export function activatedCarriers(activation: Json): Carrier[] {
  const audienceLabels = section(activation, 'audiences');
  const identityLabels = section(activation, 'identities');
  const attributeLabels = section(activation, 'attributes');
  const out: Carrier[] = [];
  asArray(activation.audiences).forEach((a, index) => {
    const id = asString(asObject(a)?.id);
    const labels = id ? audienceLabels.get(id) : undefined;
    if (id && labels?.length) out.push({ kind: 'audience', id, index, labels });
  });
  asArray(activation.mappings).forEach((m, mappingIndex) => {
    const source = asString(asObject(m)?.source);
    if (!source) return;
    const identity = identityLabels.get(source);
    if (identity?.length) out.push({ kind: 'identity', namespace: source, mappingIndex, labels: identity });
    const attribute = attributeLabels.get(source);
    if (attribute?.length) out.push({ kind: 'attribute', path: source, mappingIndex, labels: attribute });
  });
  return out;
}

export function governanceOf(activation: Json, destination: Json | undefined): ActivationGovernance {
  const override = Array.isArray(activation.marketingActions);
  const marketingActions = strings(override ? activation.marketingActions : destination?.marketingActions);
  const enabled = Array.isArray(activation.enabledCorePolicies) ? strings(activation.enabledCorePolicies) : undefined;
  return {
    input: {
      marketingActions,
      carriers: activatedCarriers(activation),
      policies: [...corePolicies(enabled), ...customPolicies(activation)],
    },
    actionsFrom: override ? 'activation' : 'destination',
  };
}
