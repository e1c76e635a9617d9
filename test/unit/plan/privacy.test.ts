/**
 * Property test: for random profiles, whenever the mapping hashes, no request body carries a raw
 * email or device id; and no display form ever does, hashed or not.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LAPSED, planExample, profile, SPRING } from '../../helpers/plan';
import { mulberry32 as prng } from '../../../src/simulator/prng';
import { sha256Lower } from '../../../src/core/identity';


function randomProfiles(random: () => number, n: number) {
  const hex = (k: number) => Array.from({ length: k }, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  const raws: string[] = [];
  const profiles = Array.from({ length: n }, (_, i) => {
    const ids: Record<string, string[]> = {};
    if (random() < 0.7) ids.Email = [`${pick(['', ' ', '\t'])}${pick(['Ana', 'bo', 'CHLOE'])}.${hex(6)}@${pick(['Example.com', 'example.org'])}${pick(['', ' '])}`];
    if (random() < 0.5) ids.GAID = [`${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`];
    if (random() < 0.5) ids.IDFA = [`${hex(8)}-${hex(4)}-4${hex(3)}-b${hex(3)}-${hex(12)}`.toUpperCase()];
    for (const v of Object.values(ids).flat()) raws.push(v.trim(), v.trim().toLowerCase());
    return profile(ids, { [SPRING]: pick(['realized', 'existing', 'exited'] as const), ...(random() < 0.5 && { [LAPSED]: pick(['realized', 'exited'] as const) }) }, i);
  });
  return { profiles, raws };
}

test('no raw email or device id in any request body when the mapping hashes (200 random runs)', () => {
  const random = prng(20261128);
  let requests = 0;
  let emailsSeen = 0;
  for (let run = 0; run < 200; run++) {
    const { profiles, raws } = randomProfiles(random, 1 + Math.floor(random() * 12));
    const plan = planExample(undefined, profiles);
    const everything = plan.requests.flatMap((r) => [r.url, r.body, r.display.url, r.display.body]).join('\n');
    for (const raw of raws) assert.ok(!everything.includes(raw), `run ${run} leaked a raw identifier`);
    // The scan covered the records: each email is in the bodies, hashed.
    for (const raw of raws.filter((r) => r.includes('@') && r === r.toLowerCase())) {
      assert.ok(everything.includes(sha256Lower(raw)), `run ${run}: an email is missing from the requests`);
      emailsSeen++;
    }
    requests += plan.requests.length;
  }
  assert.ok(requests >= 200, `requests were produced (${requests})`);
  assert.ok(emailsSeen > 0);
});

test('displays never carry a raw email even when the mapping sends plain emails (100 random runs)', () => {
  const random = prng(7);
  for (let run = 0; run < 100; run++) {
    const { profiles, raws } = randomProfiles(random, 1 + Math.floor(random() * 8));
    const plan = planExample((f) => {
      f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces.Email = {};
      f.activation.mappings[0].applyTransformation = false;
    }, profiles);
    const shown = plan.requests.flatMap((r) => [r.display.url, r.display.body]).join('\n') + JSON.stringify(plan.rows);
    for (const raw of raws) assert.ok(!shown.includes(raw), `run ${run} displayed a raw identifier`);
  }
});

test('a body that renders as invalid JSON is a plan problem that never quotes the rendered identifiers', () => {
  const email = 'al@ex.io';
  const plan = planExample((f) => {
    f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces.Email = {};
    f.activation.mappings[0].applyTransformation = false;
    // A trailing comma after the plain emails: V8's own message quotes the text around it.
    f.server.httpTemplate.requestBody.value = '{"records": [{% for p in input.profiles %}{{ p.identityMap | toJson }},{% endfor %}]}';
  }, [profile({ Email: [email] }, { [SPRING]: 'realized' }, 0)]);
  const messages = plan.problems.map((p) => p.message);
  assert.ok(messages.some((m) => /not valid JSON/.test(m)), messages.join('\n'));
  for (const m of messages) assert.ok(!m.includes('@') && !m.includes('ex.io'), m);
});
