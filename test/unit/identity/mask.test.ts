// maskIdentity: the documented masks, and a property check that a mask never shows more than a
// few characters of a raw email or device ID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID, createHash } from 'node:crypto';
import { maskIdentity } from '../../../src/core/identity/index';

test('documented masks', () => {
  assert.equal(maskIdentity('Email', 'Jane.Doe@Example.com'), 'j•••@e•••.com');
  assert.equal(maskIdentity('Email', '  Test@Example.COM '), 't•••@e•••.com');
  assert.equal(maskIdentity('Email', 'someone@example.photography'), 's•••@e•••.•••');
  assert.equal(maskIdentity('Email', 'Élodie@example.org'), 'é•••@e•••.org');
  assert.equal(maskIdentity('Email', '😀smile@example.org'), '😀•••@e•••.org');
  assert.equal(maskIdentity('Email', 'not-an-email'), 'n•••');
  assert.equal(maskIdentity('IDFA', 'CDDA802E-FB9C-47AD-9866-0794D394C912'), 'cdda…c912');
  assert.equal(maskIdentity('GAID', '08b54163-f7b1-46b4-961d-716c4863485a'), '08b5…485a');
  assert.equal(
    maskIdentity('Email_LC_SHA256', '973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b'),
    '973dfe46…',
  );
  assert.equal(maskIdentity('GAID', '08b54163f7b146b4961d716c4863485a'), '08b5…');
  assert.equal(maskIdentity('Phone_E.164', '+14155550100'), '+•••00');
  assert.equal(maskIdentity('Phone', '415 555 0100'), '•••00');
  assert.equal(maskIdentity('ECID', '12345678901234567890123456789012345678'), '1•••');
  assert.equal(maskIdentity('Email', ' \t '), '(empty)');
  assert.equal(maskIdentity('Email', undefined as unknown as string), '(empty)');
});

test('an email in a non-email namespace is still masked as an email', () => {
  assert.equal(maskIdentity('ECID', 'jane@example.com'), 'j•••@e•••.com');
  assert.equal(maskIdentity('Unknown', 'jane@example.com'), 'j•••@e•••.com');
});

/** Longest run of characters of `raw` (lowercased) that appears contiguously in `mask`. */
function longestSharedRun(raw: string, mask: string): number {
  const a = raw.toLowerCase();
  const b = mask.toLowerCase();
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = i + best + 1; j <= a.length; j++) {
      if (b.includes(a.slice(i, j))) best = j - i;
      else break;
    }
  }
  return best;
}

test('masks of random emails and device IDs never show more than a few raw characters', () => {
  for (let n = 0; n < 300; n++) {
    const local = createHash('sha1').update(String(n)).digest('hex').slice(0, 6 + (n % 20));
    const email = `${local}.user${n}@mail${n}.example.com`;
    const m = maskIdentity('Email', email);
    const shown = [...m].filter((c) => c !== '•' && c !== '@' && c !== '.').length;
    assert.ok(shown <= 5, `${m} shows ${shown} characters`);
    assert.ok(longestSharedRun(email, m) <= 4, m);
    const uuid = randomUUID();
    const u = maskIdentity(n % 2 ? 'GAID' : 'IDFA', n % 3 ? uuid : uuid.toUpperCase());
    assert.equal(u.length, 9);
    assert.ok(longestSharedRun(uuid, u) <= 4, u);
    assert.ok(!u.includes(uuid.slice(4, 28)));
  }
});
