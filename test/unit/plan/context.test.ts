// The template context: every variable of the one catalogue gets a value when the planner renders
// the example, PD402 knows every one of them, and an unknown one is reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { externalAudienceId } from '../../../src/core/plan/audiences';
import type { TemplateSlot } from '../../../src/core/template/variables';
import { variableLeaves } from '../../helpers/template-variables';
import { validateExample, withCode } from '../../helpers/example';
import { LAPSED, planExample, profile, SPRING } from '../../helpers/plan';

/** A catalogue path with its map keys filled in from the example project. */
function concrete(path: string[]): string {
  const fill: Record<string, string> = { '<namespace>': 'ups', '<audience>': SPRING, '<target>': 'pinterest_audience', '<field>': 'adAccountId', '<header>': 'content-type' };
  return path
    .map((seg, i) => {
      const s = fill[seg] ?? seg;
      if (i === 0) return s;
      if (/^\d+$/.test(s)) return `[${s}]`;
      return /^[A-Za-z_]\w*$/.test(s) ? `.${s}` : `["${s}"]`;
    })
    .join('');
}

/** One line per leaf, `<n>=<value>`, so each value can be read back. */
function linesTemplate(paths: string[]): string {
  return paths.map((p, i) => `${i}=<{{ ${p} }}>`).join('\n');
}

function readLines(body: string, paths: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of body.split('\n')) {
    const m = /^(\d+)=<(.*)>$/.exec(line);
    if (m) values[paths[Number(m[1])]!] = m[2]!;
  }
  return values;
}

const leaves = (slot: TemplateSlot, phase?: string) => variableLeaves(slot).filter((l) => phase === undefined || l.phase === phase).map((l) => concrete(l.path));

test('the catalogue has the server variables Adobe documents, timestamps included', () => {
  const server = leaves('server');
  for (const p of [
    'input.profiles[0].identityMap.pinterest_audience[0].id',
    'input.aggregationKey.segmentStatus',
    'input.aggregationKey.identityNamespaces[0]',
    `destination.namespaceSegmentTimestamps.ups["${SPRING}"].mappingUpdatedAt`,
    `destination.segmentTimestamps["${SPRING}"].createdAt`,
    'customerData.adAccountId',
  ]) assert.ok(server.includes(p), p);
});

test('every server variable of the catalogue renders with a value in the planned request for the example', () => {
  const all = leaves('server');
  const many = all.filter((p) => !p.startsWith('input.profile.') && !p.startsWith('input.profile['));
  const one = all.filter((p) => !many.includes(p));
  assert.ok(one.length > 0 && many.length > 20);
  const key = { includeSegmentId: true, includeSegmentStatus: true, includeIdentity: true, oneIdentityPerGroup: true };
  const configurable = planExample((f) => {
    Object.assign(f.destination.aggregation.configurableAggregation.aggregationKey, key);
    f.server.httpTemplate.contentType = 'text/plain';
    f.server.httpTemplate.requestBody.value = linesTemplate(many);
  });
  const single = planExample((f) => {
    f.destination.aggregation = { aggregationType: 'BEST_EFFORT', bestEffortAggregation: { maxUsersPerRequest: 1, splitUserById: false, aggregationKey: key } };
    f.server.httpTemplate.contentType = 'text/plain';
    f.server.httpTemplate.requestBody.value = linesTemplate(one);
  });
  for (const [plan, paths] of [[configurable, many], [single, one]] as const) {
    // The first request is Spring buyers, realized, whose members hold the example's values.
    const values = readLines(plan.requests[0]!.body, paths);
    const empty = paths.filter((p) => !values[p]);
    assert.deepEqual(empty, [], `rendered as nothing: ${empty.join(', ')}`);
  }
});

test('timestamps are UNIX seconds from the sample: created at the first qualification, activated after the last', () => {
  const plan = planExample((f) => {
    f.server.httpTemplate.contentType = 'text/plain';
    f.server.httpTemplate.requestBody.value =
      `{% for ns in destination.namespaceSegmentTimestamps %}{% for a in ns.value %}{{ a.key }} {{ a.value.createdAt }} {{ a.value.updatedAt }} {{ a.value.mappingCreatedAt }} {{ a.value.mappingUpdatedAt }};{% endfor %}{% endfor %}` +
      `|{{ destination.segmentTimestamps["${LAPSED}"].createdAt }}`;
  });
  // Exported Spring buyers members qualified first on 2026-11-20T10:15:00Z (the `existing` one),
  // Lapsed newsletter subscribers on 2026-11-27T08:05:00Z; the last qualification is 08:17:00Z.
  assert.equal(plan.requests[0]!.body, `${SPRING} 1795169700 1795169700 1795767420 1795767420;${LAPSED} 1795766700 1795766700 1795767420 1795767420;|1795766700`);
});

test('an audience with no dated member takes the activation time; a sample without dates gives 0, never an empty value', () => {
  const body = `{{ destination.segmentTimestamps["${SPRING}"].createdAt }} {{ destination.segmentTimestamps["${LAPSED}"].createdAt }} {{ destination.segmentTimestamps["${LAPSED}"].mappingCreatedAt }}`;
  const edit = (f: { server: any }) => {
    f.server.httpTemplate.contentType = 'text/plain';
    f.server.httpTemplate.requestBody.value = body;
  };
  const dated = profile({ Email: ['ana.lopez@example.com'] }, { [SPRING]: 'realized', [LAPSED]: 'realized' });
  dated.segmentMembership.ups![SPRING]!.lastQualificationTime = '2026-11-27T08:17:00Z';
  assert.equal(planExample(edit, [dated]).requests[0]!.body, '1795767420 1795767420 1795767420');
  assert.equal(planExample(edit, [profile({ Email: ['ana.lopez@example.com'] }, { [SPRING]: 'realized' })]).requests[0]!.body, '0 0 0');
});

test('an `existing` member is exported as `realized`: no `existing` batch, and addedSegments counts it once', () => {
  const plan = planExample((f) => {
    f.server.httpTemplate.contentType = 'text/plain';
    f.server.httpTemplate.requestBody.value = '{{ input.aggregationKey.segmentStatus }}:{% for p in input.profiles %}{% for s in addedSegments(p.segmentMembership) %}{{ s.value.status }} {% endfor %}{% endfor %}';
  }, [profile({ Email: ['ana.lopez@example.com'] }, { [SPRING]: 'existing' })]);
  assert.deepEqual(plan.batches.map((b) => b.aggregationKey?.segmentStatus), ['realized']);
  assert.equal(plan.requests[0]!.body, 'realized:realized ');
});

test('audience template: every request variable renders in the planned create, every response variable reads the answer', () => {
  const request = leaves('audience', 'request');
  const plan = planExample((f) => {
    f.audienceTemplate.metadataTemplate.create.requestBody.json = { lines: linesTemplate(request) };
  });
  const values = readLines(JSON.parse(plan.creations[0]!.call.body).lines, request);
  assert.deepEqual(request.filter((p) => !values[p] && p !== 'segment.alias' && p !== 'segment.description'), []);

  const response = leaves('audience', 'response');
  const creation = { ...plan.creations[0]!, responseFields: [{ name: 'externalAudienceId', value: linesTemplate(response) }] };
  const answer = externalAudienceId(creation, { status: 200, headers: { 'content-type': 'application/json' }, body: { id: '5497558000001' } });
  const got = readLines(answer ?? '', response);
  assert.deepEqual(response.filter((p) => !got[p]), []);
});

test('PD402 knows every catalogue variable and reports an unknown root or member, with did-you-mean', () => {
  const server = validateExample((f) => {
    f.server.httpTemplate.requestBody.value = linesTemplate(leaves('server'));
  });
  assert.deepEqual(withCode(server, 'PD402'), []);
  const audience = validateExample((f) => {
    f.audienceTemplate.metadataTemplate.create.requestBody.json.name = linesTemplate(leaves('audience'));
  });
  assert.deepEqual(withCode(audience, 'PD402'), []);

  const bad = withCode(validateExample((f) => {
    f.server.httpTemplate.requestBody.value = `{{ destinaton.segmentNames }} {{ destination.segmentTimestamp["${SPRING}"].createdAt }} {% for p in input.profiles %}{{ p.identityMapp }}{% endfor %}`;
  }), 'PD402');
  assert.deepEqual(bad.map((d) => d.data), [{ replacement: 'destination' }, { replacement: 'segmentTimestamps' }, { replacement: 'identityMap' }]);
  assert.match(bad[1]!.message, /`destination` has no member `segmentTimestamp`, so it renders as nothing; did you mean `segmentTimestamps`\?/);
  assert.match(bad[2]!.message, /`input\.profiles\[…\]` has no member `identityMapp`/);
});
