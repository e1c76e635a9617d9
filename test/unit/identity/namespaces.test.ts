// The namespace catalogue: exact case-sensitive lookup, the facts each namespace carries, and the
// "did you mean" suggestions (and their absence for unrelated names).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findNamespace, listNamespaces, pinterestNamespaces, suggestNamespace } from '../../../src/core/identity/index';

test('the catalogue holds the documented codes, exactly', () => {
  assert.deepEqual(
    listNamespaces().map((n) => n.code),
    ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA', 'Phone', 'Phone_E.164', 'Phone_SHA256', 'Phone_SHA256_E.164', 'ECID'],
  );
  for (const n of listNamespaces()) {
    assert.ok(n.displayName.length > 0);
    assert.ok(n.description.length > 20, `${n.code} has a hover description`);
  }
});

test('Pinterest takes Email, Email_LC_SHA256, GAID and IDFA, feeding EMAIL, MAID and IDFA lists', () => {
  assert.deepEqual(
    pinterestNamespaces().map((n) => [n.code, n.pinterestListType]),
    [['Email', 'EMAIL'], ['Email_LC_SHA256', 'EMAIL'], ['GAID', 'MAID'], ['IDFA', 'IDFA']],
  );
  assert.equal(findNamespace('ECID')?.pinterestListType, null);
  assert.equal(findNamespace('Phone_E.164')?.pinterestListType, null);
});

test('kinds and hashed flags', () => {
  const facts = Object.fromEntries(listNamespaces().map((n) => [n.code, `${n.kind}/${n.hashed}`]));
  assert.deepEqual(facts, {
    Email: 'email/false',
    Email_LC_SHA256: 'email/true',
    GAID: 'device/false',
    IDFA: 'device/false',
    Phone: 'phone/false',
    'Phone_E.164': 'phone/false',
    Phone_SHA256: 'phone/true',
    'Phone_SHA256_E.164': 'phone/true',
    ECID: 'other/false',
  });
});

test('findNamespace is exact and case-sensitive', () => {
  assert.equal(findNamespace('Email')?.code, 'Email');
  assert.equal(findNamespace('email'), undefined);
  assert.equal(findNamespace('EMAIL_LC_SHA256'), undefined);
  assert.equal(findNamespace(' Email'), undefined);
});

test('suggestNamespace: wrong case, separators, near misses', () => {
  const cases: [string, string | undefined][] = [
    ['email', 'Email'],
    ['EMAIL_LC_SHA256', 'Email_LC_SHA256'],
    ['PHONE_E.164', 'Phone_E.164'],
    ['idfa', 'IDFA'],
    ['EmailLCSHA256', 'Email_LC_SHA256'],
    ['phone e164', 'Phone_E.164'],
    ['Emial', 'Email'],
    ['GAD', 'GAID'],
    ['Phone_SHA265', 'Phone_SHA256'],
    ['Email', undefined],
    ['CRMID', undefined],
    ['firstName', undefined],
    ['pinterest_audience', undefined],
    ['', undefined],
  ];
  for (const [input, expected] of cases) assert.equal(suggestNamespace(input)?.code, expected, input);
});
