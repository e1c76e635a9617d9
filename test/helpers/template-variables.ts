/**
 * Test support: walks the one catalogue of template variables (core/template/variables.ts) so
 * tests can check that completion and the plan's context cover every leaf of it.
 */
import { TEMPLATE_VARIABLES, type TemplateSlot, type VariableSpec } from '../../src/core/template/variables';

/**
 * Every readable leaf of `slot` as a path, map keys as `<key>` placeholders and array items as
 * `0`: `destination.namespaceSegmentTimestamps.<namespace>.<audience>.createdAt`. Maps of `any`
 * are leaves themselves.
 */
export function variableLeaves(slot: TemplateSlot): { path: string[]; spec: VariableSpec; phase?: VariableSpec['phase'] }[] {
  const out: { path: string[]; spec: VariableSpec; phase?: VariableSpec['phase'] }[] = [];
  const walk = (path: string[], spec: VariableSpec, phase: VariableSpec['phase']) => {
    if (spec.fields) for (const [k, v] of Object.entries(spec.fields)) walk([...path, k], v, phase);
    else if (spec.entries && spec.entries.key !== 'any') walk([...path, `<${spec.entries.key}>`], spec.entries.of, phase);
    else if (spec.items && spec.items.kind !== 'any') walk([...path, '0'], spec.items, phase);
    else out.push({ path, spec, phase });
  };
  for (const [k, v] of Object.entries(TEMPLATE_VARIABLES[slot])) walk([k], v, v.phase);
  return out;
}
