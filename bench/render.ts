/**
 * Render figures: the example's request body template over 10k profiles (one aggregation batch of
 * an audience, as a configurable-aggregation call could carry), against `JSON.stringify` of the
 * same output's value — the floor for producing that body in JavaScript at all. Target ≤ 3×.
 * The figure before the generated-function output path (template/codegen.ts) was ≈ 6.6×.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { renderTemplate } from '../src/core/template';
import { median, ms, row } from './measure';

const SERVER = new URL('../examples/pinterest-customer-list/destination-server.json', import.meta.url);
const PROFILES = 10_000;
const AUDIENCE = '5b3c6d1e-8a4f-4e2b-9c1d-0f7a6b5e4d3c';

/** Target profiles as AEP hands them to the template: identityMap keyed by pinterest_audience, hashed ids. */
export function syntheticContext(count = PROFILES): Record<string, unknown> {
  const profiles = Array.from({ length: count }, (_, i) => ({
    identityMap: { pinterest_audience: [{ id: createHash('sha256').update(`user${i}@example.com`).digest('hex') }] },
    segmentMembership: { ups: { [AUDIENCE]: { lastQualificationTime: '2026-11-20T16:01:17Z', status: 'realized' } } },
    attributes: {},
  }));
  return {
    input: { profiles, aggregationKey: { segmentId: AUDIENCE, segmentNamespace: 'ups', segmentAlias: '549755885175', segmentStatus: 'realized' } },
    destination: { namespaceSegmentAliases: { ups: { [AUDIENCE]: '549755885175' } } },
    customerData: { adAccountId: '549755885175' },
  };
}

export async function renderBench(): Promise<void> {
  console.log('\n## Template rendering');
  const template = JSON.parse(readFileSync(SERVER, 'utf8')).httpTemplate.requestBody.value as string;
  const context = syntheticContext();
  const output = renderTemplate(template, context);
  const value: unknown = JSON.parse(output);
  const records = String((value as { records: string }).records).split(',').length;
  if (records !== PROFILES) throw new Error(`expected ${PROFILES} records in the rendered body, got ${records}`);

  // Read a character of the result: a string built by appending is flattened on first use, and the
  // caller (hashing, sending) pays for that, so the figure includes it.
  const rendered = await median(() => {
    const s = renderTemplate(template, context);
    return s.charCodeAt(s.length >> 1);
  }, { warmup: 10, runs: 51 });
  const baseline = await median(() => JSON.stringify(value), { warmup: 10, runs: 51 });
  const ratio = rendered / baseline;
  row(`example request body, ${PROFILES / 1000}k profiles, median`, ms(rendered), `${(output.length / 1024).toFixed(0)} KB`);
  row('JSON.stringify of the same output value, median', ms(baseline));
  row('ratio', `${ratio.toFixed(2)}×`, ratio <= 3 ? 'target ≤ 3× met' : 'target ≤ 3× NOT met');
}
