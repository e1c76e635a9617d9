/**
 * Data usage policy evaluation, the way AEP's Policy Service does it on activation: for each
 * marketing action the destination performs, every ENABLED policy that names that action is
 * checked against the labels of what is actually activated; a policy whose `deny` expression holds
 * is violated.
 *
 * Why our own evaluator: the check must run offline in the editor and CI, before anything is sent.
 * Why it returns carriers: AEP's violation popover explains which dataset/audience/destination in
 * the lineage brought each label; the rules need the same to point at the offending audience or
 * mapping in the activation file. Pure: no I/O, no project model (see activation.ts for that).
 */
import {
  CORE_POLICIES,
  findMarketingAction,
  type MarketingActionInfo,
  type PolicyExpression,
} from './adobe-governance';

export type PolicyStatus = 'ENABLED' | 'DRAFT' | 'DISABLED';

export interface Policy {
  /** Adobe's id (`corepolicy_0003`, a custom policy's id) or null when unknown. */
  id: string | null;
  name: string;
  status: PolicyStatus;
  origin: 'core' | 'custom';
  /** Destination enum values, Policy Service names, or `/marketingActions/core/{name}` URIs. */
  marketingActionRefs: readonly string[];
  deny: PolicyExpression;
  description?: string;
}

/** Something activated that carries labels: an audience, a mapped identity, a mapped attribute. */
export type Carrier =
  | { kind: 'audience'; id: string; index: number; labels: readonly string[] }
  | { kind: 'identity'; namespace: string; mappingIndex: number; labels: readonly string[] }
  | { kind: 'attribute'; path: string; mappingIndex: number; labels: readonly string[] };

export interface GovernanceInput {
  /** Destination `marketingActions` enum values (or the activation's override). */
  marketingActions: readonly string[];
  /** Only what is activated: listed audiences, mapped identities and attributes. */
  carriers: readonly Carrier[];
  policies: readonly Policy[];
}

export interface Violation {
  policy: { id: string | null; name: string; origin: 'core' | 'custom' };
  /** The policy's deny expression as text: `C5 AND (I1 OR I2)`. */
  deny: string;
  /** The destination enum value performed (`CROSS_SITE_TARGETING`). */
  marketingAction: string;
  marketingActionName: string;
  /** The labels that made the deny expression true, sorted. */
  labels: string[];
  /** Each activated thing carrying some of `labels`, with only those labels. */
  carriers: Carrier[];
}

/** Adobe's core policies that have a documented expression, with the given ones enabled. */
export function corePolicies(enabled?: readonly string[]): Policy[] {
  return CORE_POLICIES.map((p) => ({
    id: p.id,
    name: p.name,
    status: enabled === undefined || enabled.includes(p.name) || (p.id !== null && enabled.includes(p.id)) ? 'ENABLED' : 'DRAFT',
    origin: 'core' as const,
    marketingActionRefs: [p.marketingAction],
    deny: p.deny,
    description: p.description,
  }));
}

/** Whether `expr` holds over `present`; malformed nodes (neither label nor operator) never hold. */
export function holds(expr: PolicyExpression, present: ReadonlySet<string>): boolean {
  if (typeof expr.label === 'string') return present.has(expr.label);
  const operands = expr.operands ?? [];
  if (operands.length === 0) return false;
  if (expr.operator === 'AND') return operands.every((o) => holds(o, present));
  if (expr.operator === 'OR') return operands.some((o) => holds(o, present));
  return false;
}

/** The labels that make a holding expression true: all of an AND, the present ones of an OR. */
export function involvedLabels(expr: PolicyExpression, present: ReadonlySet<string>, out = new Set<string>()): Set<string> {
  if (typeof expr.label === 'string') {
    if (present.has(expr.label)) out.add(expr.label);
    return out;
  }
  for (const o of expr.operands ?? []) if (holds(o, present)) involvedLabels(o, present, out);
  return out;
}

/** `C1 AND (C3 OR C7)`: an expression as people read it (Adobe's own notation in the API guide). */
export function expressionText(expr: PolicyExpression, nested = false): string {
  if (typeof expr.label === 'string') return expr.label;
  const parts = (expr.operands ?? []).map((o) => expressionText(o, true));
  const text = parts.join(` ${expr.operator ?? '?'} `);
  return nested && parts.length > 1 ? `(${text})` : text;
}

/** Every label an expression mentions (for unknown-label checks). */
export function expressionLabels(expr: PolicyExpression, out: string[] = []): string[] {
  if (typeof expr.label === 'string') out.push(expr.label);
  for (const o of expr.operands ?? []) expressionLabels(o, out);
  return out;
}

export function resolveActions(refs: readonly string[]): MarketingActionInfo[] {
  return refs.flatMap((r) => findMarketingAction(r) ?? []);
}

/** Every violation of an ENABLED policy, in policy order then action order. */
export function evaluate(input: GovernanceInput): Violation[] {
  const present = new Set(input.carriers.flatMap((c) => c.labels));
  const performed = new Set(input.marketingActions);
  const out: Violation[] = [];
  for (const policy of input.policies) {
    if (policy.status !== 'ENABLED') continue;
    if (!holds(policy.deny, present)) continue;
    const labels = [...involvedLabels(policy.deny, present)].sort();
    const carriers = input.carriers.flatMap((c) => {
      const own = c.labels.filter((l) => labels.includes(l));
      return own.length ? [{ ...c, labels: own }] : [];
    });
    const seen = new Set<string>();
    for (const action of resolveActions(policy.marketingActionRefs)) {
      if (!action.destinationEnum || !performed.has(action.destinationEnum) || seen.has(action.destinationEnum)) continue;
      seen.add(action.destinationEnum);
      out.push({
        policy: { id: policy.id, name: policy.name, origin: policy.origin },
        deny: expressionText(policy.deny),
        marketingAction: action.destinationEnum,
        marketingActionName: action.friendlyName,
        labels,
        carriers,
      });
    }
  }
  return out;
}
