// Every identity rule of prepareIdentity, clean and violating: the value that reaches Pinterest,
// the hashed/transformed flags, the warnings, and rejection messages that never leak the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { REJECT_REASONS, prepareIdentity } from '../../../src/core/identity/index';
import type { PrepareResult, PreparedIdentity, RejectedIdentity } from '../../../src/core/identity/index';

const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const on = { applyTransformation: true };
const off = { applyTransformation: false };

function accepted(r: PrepareResult): PreparedIdentity {
  assert.equal(r.ok, true, r.ok ? '' : `unexpected rejection ${r.reason}: ${r.message}`);
  return r as PreparedIdentity;
}
function rejected(r: PrepareResult, reason: string): RejectedIdentity {
  assert.equal(r.ok, false, 'expected a rejection');
  const rej = r as RejectedIdentity;
  assert.equal(rej.reason, reason);
  return rej;
}
const warningCodes = (r: PreparedIdentity) => (r.warnings ?? []).map((w) => w.reason);

test('Email with the transformation is sha256 of the trimmed lowercase address', () => {
  const r = accepted(prepareIdentity('Email', '  Test@Example.COM ', on));
  assert.equal(r.value, '973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b');
  assert.equal(r.hashed, true);
  assert.equal(r.transformed, true);
  assert.deepEqual(warningCodes(r), ['whitespace-trimmed']);
});

test('Email without the transformation is the plain lowercase address, no warning when clean', () => {
  const r = accepted(prepareIdentity('Email', 'Jane.Doe@Example.ORG', off));
  assert.equal(r.value, 'jane.doe@example.org');
  assert.equal(r.hashed, false);
  assert.equal(r.transformed, false);
  assert.equal(r.warnings, undefined);
});

test('Email rejections: implausible addresses and digests', () => {
  for (const bad of ['a@b@example.com', 'user@localhost', 'user@', '@example.com', 'us er@example.com', 'user@.example.com', 'user@example.com.', `${'a'.repeat(250)}@example.com`]) {
    rejected(prepareIdentity('Email', bad, on), 'invalid-email');
  }
  rejected(prepareIdentity('Email', sha('user@example.com'), on), 'hashed-value-in-plain-namespace');
  rejected(prepareIdentity('Email', sha('user@example.com').toUpperCase(), off), 'hashed-value-in-plain-namespace');
});

test('Email_LC_SHA256 is sent unchanged and never hashed twice', () => {
  const h = sha('user@example.com');
  const plainRun = accepted(prepareIdentity('Email_LC_SHA256', h, off));
  assert.deepEqual([plainRun.value, plainRun.hashed, plainRun.transformed, plainRun.warnings], [h, true, false, undefined]);
  const withTransform = accepted(prepareIdentity('Email_LC_SHA256', h, on));
  assert.equal(withTransform.value, h);
  assert.equal(withTransform.transformed, false);
  assert.deepEqual(warningCodes(withTransform), ['transformation-ignored-already-hashed']);
});

test('Email_LC_SHA256 rejections name the exact mistake', () => {
  const h = sha('user@example.com');
  const upper = rejected(prepareIdentity('Email_LC_SHA256', h.toUpperCase(), on), 'uppercase-hex');
  assert.match(upper.message, /lowercase/);
  assert.match(upper.message, /AEP/);
  rejected(prepareIdentity('Email_LC_SHA256', createHash('md5').update('user@example.com').digest('hex'), on), 'md5-not-sha256');
  rejected(prepareIdentity('Email_LC_SHA256', createHash('sha1').update('user@example.com').digest('hex'), on), 'sha1-not-sha256');
  rejected(prepareIdentity('Email_LC_SHA256', 'User@Example.com', on), 'plain-email-in-hashed-namespace');
  rejected(prepareIdentity('Email_LC_SHA256', `${h}0`, on), 'not-sha256-hex');
  rejected(prepareIdentity('Email_LC_SHA256', 'zz' + h.slice(2), on), 'not-sha256-hex');
  rejected(prepareIdentity('Email_LC_SHA256', '\t \n', on), 'empty');
});

test('GAID and IDFA: lowercased UUID hashed with the transformation', () => {
  const r = accepted(prepareIdentity('IDFA', 'CDDA802E-FB9C-47AD-9866-0794D394C912', on));
  assert.equal(r.value, 'f23b554b2a8fb732a8b973733832e70f018da7bc294dfea289735a07d5dd2c9f');
  assert.deepEqual([r.hashed, r.transformed, r.warnings], [true, true, undefined]);
  const g = accepted(prepareIdentity('GAID', '08b54163-f7b1-46b4-961d-716c4863485a', on));
  assert.equal(g.value, sha('08b54163-f7b1-46b4-961d-716c4863485a'));
});

test('GAID and IDFA rejections: raw without transformation, zeroed, malformed', () => {
  const must = rejected(prepareIdentity('GAID', '08b54163-f7b1-46b4-961d-716c4863485a', off), 'device-id-must-be-hashed');
  assert.match(must.message, /Apply transformation/);
  rejected(prepareIdentity('IDFA', '00000000-0000-0000-0000-000000000000', on), 'zeroed-device-id');
  rejected(prepareIdentity('IDFA', '00000000-0000-0000-0000-000000000000', off), 'zeroed-device-id');
  for (const bad of ['08b54163f7b146b4961d716c4863485a', 'gaid-adKYs', '08b54163-f7b1-46b4-961d-716c4863485', '08b54163-f7b1-46b4-961d-716c4863485g', '{08b54163-f7b1-46b4-961d-716c4863485a}']) {
    rejected(prepareIdentity('GAID', bad, on), 'invalid-device-id');
  }
  rejected(prepareIdentity('GAID', sha('x').toUpperCase(), on), 'uppercase-hex');
});

test('a device ID that is already a SHA-256 digest is accepted as is, with a warning', () => {
  const h = sha('08b54163-f7b1-46b4-961d-716c4863485a');
  const r = accepted(prepareIdentity('GAID', h, off));
  assert.deepEqual([r.value, r.hashed, r.transformed], [h, true, false]);
  assert.deepEqual(warningCodes(r), ['pre-hashed-device-id']);
  const t = accepted(prepareIdentity('IDFA', h, on));
  assert.equal(t.value, h);
  assert.deepEqual(warningCodes(t), ['pre-hashed-device-id', 'transformation-ignored-already-hashed']);
});

test('Phone_E.164: strict E.164, hashed with the + kept; Pinterest does not accept phones', () => {
  const r = accepted(prepareIdentity('Phone_E.164', '+14155550100', on));
  assert.equal(r.value, sha('+14155550100'));
  assert.deepEqual(warningCodes(r), ['not-accepted-by-pinterest']);
  assert.equal(accepted(prepareIdentity('Phone_E.164', '+14155550100', off)).value, '+14155550100');
  for (const bad of ['+1 415 555 0100', '14155550100', '+0155550100', '+123456', '+1234567890123456', '+1415555010a']) {
    rejected(prepareIdentity('Phone_E.164', bad, on), 'invalid-phone-e164');
  }
  rejected(prepareIdentity('Phone_E.164', sha('+14155550100'), on), 'hashed-value-in-plain-namespace');
});

test('Phone: symbols removed, digits only, no leading zero, 7 to 15 digits', () => {
  assert.equal(accepted(prepareIdentity('Phone', '+1 (415) 555-0100', off)).value, '14155550100');
  assert.equal(accepted(prepareIdentity('Phone', '+44 20.7946/0958', on)).value, sha('442079460958'));
  rejected(prepareIdentity('Phone', '0151 2345678', on), 'phone-leading-zero');
  rejected(prepareIdentity('Phone', '00 44 20 7946 0958', on), 'phone-leading-zero');
  rejected(prepareIdentity('Phone', '415-CALL-NOW', on), 'invalid-phone');
  rejected(prepareIdentity('Phone', '123456', on), 'invalid-phone');
  rejected(prepareIdentity('Phone', '1234567890123456', on), 'invalid-phone');
  rejected(prepareIdentity('Phone', sha('14155550100'), on), 'hashed-value-in-plain-namespace');
});

test('Phone_SHA256 and Phone_SHA256_E.164 take only lowercase SHA-256 hex', () => {
  const h = sha('14155550100');
  const r = accepted(prepareIdentity('Phone_SHA256', h, on));
  assert.equal(r.value, h);
  assert.deepEqual(warningCodes(r), ['transformation-ignored-already-hashed', 'not-accepted-by-pinterest']);
  rejected(prepareIdentity('Phone_SHA256', '+1 415 555 0100', off), 'plain-phone-in-hashed-namespace');
  rejected(prepareIdentity('Phone_SHA256_E.164', '+14155550100', off), 'plain-phone-in-hashed-namespace');
  rejected(prepareIdentity('Phone_SHA256_E.164', h.toUpperCase(), off), 'uppercase-hex');
  rejected(prepareIdentity('Phone_SHA256_E.164', h.slice(0, 32), off), 'md5-not-sha256');
  rejected(prepareIdentity('Phone_SHA256_E.164', h.slice(0, 40), off), 'sha1-not-sha256');
  rejected(prepareIdentity('Phone_SHA256', 'phone-abcde', off), 'not-sha256-hex');
});

test('ECID passes through with a not-accepted warning; inner whitespace is refused', () => {
  const r = accepted(prepareIdentity('ECID', '12345678901234567890123456789012345678', off));
  assert.deepEqual(warningCodes(r), ['not-accepted-by-pinterest']);
  rejected(prepareIdentity('ECID', '1234 5678', off), 'invalid-identifier');
});

test('unknown namespaces are refused, with a did-you-mean for near misses', () => {
  const r = rejected(prepareIdentity('email_lc_sha256', 'x', on), 'unknown-namespace');
  assert.match(r.message, /did you mean 'Email_LC_SHA256'\?/);
  const far = rejected(prepareIdentity('CRMID', 'x', on), 'unknown-namespace');
  assert.doesNotMatch(far.message, /did you mean/);
});

test('a non-string value is refused, not thrown', () => {
  rejected(prepareIdentity('Email', 42 as unknown as string, on), 'invalid-identifier');
  rejected(prepareIdentity('GAID', null as unknown as string, on), 'invalid-identifier');
});

test('every reject reason is reachable and its message is one sentence without the raw value', () => {
  const h = sha('user@example.com');
  const inputs: [string, string, boolean][] = [
    ['Email', '   ', true],
    ['user@example.com', 'user@example.com', true],
    ['Email', 'user@@example.com', true],
    ['Email_LC_SHA256', h.toUpperCase(), true],
    ['Email_LC_SHA256', h.slice(0, 32), true],
    ['Email_LC_SHA256', h.slice(0, 40), true],
    ['Email_LC_SHA256', 'user@example.com', true],
    ['Phone_SHA256', '+14155550100', true],
    ['Email_LC_SHA256', 'user-at-example-com', true],
    ['GAID', 'cdda802e-fb9c-47ad-9866-0794d394c91', true],
    ['IDFA', '00000000-0000-0000-0000-000000000000', true],
    ['IDFA', 'CDDA802E-FB9C-47AD-9866-0794D394C912', false],
    ['Phone_E.164', '+1 415 555 0100', true],
    ['Phone', '415-CALL-NOW', true],
    ['Phone', '04155550100', true],
    ['Email', h, true],
    ['ECID', 'ecid with spaces', true],
  ];
  const seen = new Set<string>();
  for (const [ns, raw, apply] of inputs) {
    const r = prepareIdentity(ns, raw, { applyTransformation: apply });
    assert.equal(r.ok, false, `${ns} should reject`);
    if (r.ok) continue;
    seen.add(r.reason);
    const value = raw.trim();
    if (value !== '') {
      assert.ok(!r.message.includes(value), `message of ${r.reason} leaks the value`);
      assert.ok(!r.message.toLowerCase().includes(value.slice(0, 8).toLowerCase()), `message of ${r.reason} leaks a prefix`);
    }
    assert.match(r.message, /^[^\n]+[.?]$/, 'one sentence');
  }
  assert.deepEqual([...seen].sort(), [...REJECT_REASONS].sort());
});
