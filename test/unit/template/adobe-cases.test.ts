// Adobe's documented template cases (test/fixtures/adobe/pebble-cases) must render as Adobe shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderTemplate } from '../../../src/core/template/index';

const dir = new URL('../../fixtures/adobe/pebble-cases/', import.meta.url);

interface Case {
  input: { profiles: unknown[]; singleProfile?: boolean; aggregationKey?: unknown };
  template: string;
  expected: unknown;
  compare: 'json' | 'text';
}

function contextOf(c: Case): Record<string, unknown> {
  const input: Record<string, unknown> = c.input.singleProfile ? { profile: c.input.profiles[0] } : { profiles: c.input.profiles };
  if (c.input.aggregationKey !== undefined) input['aggregationKey'] = c.input.aggregationKey;
  return { input, destination: {}, customerData: {} };
}

const files = readdirSync(fileURLToPath(dir)).filter((f) => f.endsWith('.json')).sort();

test('the case folder holds Adobe\'s cases', () => {
  assert.ok(files.length >= 4, `found ${files.length} case files in ${fileURLToPath(dir)}`);
});

for (const file of files) {
  test(`Adobe case ${file}`, () => {
    const c = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Case;
    const output = renderTemplate(c.template, contextOf(c));
    if (c.compare === 'json') assert.deepEqual(JSON.parse(output), c.expected);
    else assert.equal(output, c.expected);
  });
}

test('case 13 renders the exact CRLF string of Adobe\'s docs (- trims CRLF, plain %} keeps it)', () => {
  const c = JSON.parse(readFileSync(new URL('13-render-api-single-profile-best-effort.json', dir), 'utf8')) as Case;
  const expected =
    '{\r\n    "identities": [\r\n        {\r\n            "type": "gaid",\r\n            "id": "gaid-BLAcJ"\r\n        },\r\n        {\r\n            "type": "idfa",\r\n            "id": "idfa-Iv5AG"\r\n        },\r\n        {\r\n            "type": "email",\r\n            "id": "email-rbN62"\r\n        }\r\n    ],\r\n    "AdobeExperiencePlatformSegments": {\r\n        "add": [\r\n            "segmentid1",\r\n            "segmentid2"\r\n        ],\r\n        "remove": [\r\n            "segmentid3"\r\n        ]\r\n    }\r\n}';
  assert.equal(renderTemplate(c.template, contextOf(c)), expected);
});
