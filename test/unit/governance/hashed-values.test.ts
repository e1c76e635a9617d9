import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashedValueProblems } from '../../../src/core/governance/hashed-values';
import { sha256Lower } from '../../../src/core/identity';
import { parseProfiles, type SourceProfile } from '../../../src/core/profiles';
import { EXAMPLE_DIR } from '../../helpers/example';

const profile = (identityMap: SourceProfile['identityMap'], index = 0): SourceProfile =>
  ({ identityMap, segmentMembership: {}, attributes: {}, origin: { file: 'p.json', index, line: 3 } });

test('PD505: the example profiles hold no plain text in hashed namespaces (only the deliberate upper-case digest)', () => {
  const { profiles } = parseProfiles(readFileSync(join(EXAMPLE_DIR, 'profiles.json'), 'utf8'), 'profiles.json');
  assert.ok(profiles.length > 0);
  const found = hashedValueProblems(profiles);
  assert.deepEqual(found.filter((p) => p.plainText), []);
  assert.deepEqual(found.map((p) => [p.reason, p.path, p.index]), [['uppercase-hex', 'identityMap.Email_LC_SHA256[0].id', 4]]);
});

test('PD505: a plain email in Email_LC_SHA256 or a plain phone in Phone_SHA256 is an error that never shows the value', () => {
  const found = hashedValueProblems([
    profile({ Email_LC_SHA256: [{ id: sha256Lower('a@example.com') }, { id: 'Jane.Doe@Example.com' }] }),
    profile({ Phone_SHA256: [{ id: '+1 (555) 010-9999' }] }, 1),
  ]);
  assert.equal(found.length, 2);
  assert.deepEqual(found.map((p) => [p.severity, p.plainText, p.namespace, p.path, p.index]), [
    ['error', true, 'Email_LC_SHA256', 'identityMap.Email_LC_SHA256[1].id', 0],
    ['error', true, 'Phone_SHA256', 'identityMap.Phone_SHA256[0].id', 1],
  ]);
  for (const p of found) {
    assert.doesNotMatch(p.message, /Jane|example\.com|555/i);
    assert.match(p.message, /line 3/);
  }
});

test('PD505: upper-case, MD5 and other non-digests are warnings; plain namespaces are not checked', () => {
  const found = hashedValueProblems([profile({
    Email_LC_SHA256: [{ id: sha256Lower('b@example.com').toUpperCase() }, { id: 'd41d8cd98f00b204e9800998ecf8427e' }, { id: 'not a hash' }],
    Email: [{ id: 'plain@example.com' }],
  })]);
  assert.deepEqual(found.map((p) => [p.severity, p.reason]), [['warning', 'uppercase-hex'], ['warning', 'md5-not-sha256'], ['warning', 'not-sha256-hex']]);
});
