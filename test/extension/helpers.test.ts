// Pure helpers of the extension: log redaction, restart budget, target resolution, OAuth, Markdown report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { activationMarkdown, mdCell, totals } from '../../src/extension/activation-md';
import { authorizeUrl, exchangeCode, isExpiring, parseTokenResponse, refreshTokens, startLoopback } from '../../src/extension/oauth';
import { maskId, redact } from '../../src/extension/redact';
import { RestartBudget } from '../../src/extension/restart';
import { environmentFor, resolveTarget } from '../../src/extension/settings';
import type { ActivationReport } from '../../src/core/execute/report';

test('redact() removes tokens, e-mails, device ids, hashes and long ids', () => {
  const line = 'Authorization: Bearer pina_AbC123.xyz sent {"access_token":"pina_zzz","refresh_token":"pinr_yyy"} for ana.lopez@example.com and 6513270e-269e-4d37-b2a7-4de452e6b438 on 549755885175 hash 0a1b2c3d' + 'e'.repeat(56);
  const out = redact(line);
  for (const secret of ['pina_AbC123', 'pina_zzz', 'pinr_yyy', 'ana.lopez@example.com', '6513270e-269e', '549755885175', 'e'.repeat(56)]) assert.ok(!out.includes(secret), `${secret} in ${out}`);
  assert.match(out, /••••/);
  assert.equal(redact('sent with Bearer pina_x.y'), 'sent with Bearer ••••');
  assert.match(out, /hash \[hash\]/);
  assert.equal(redact('PD103 at /schemaConfig/segmentRequired'), 'PD103 at /schemaConfig/segmentRequired');
  assert.equal(maskId('549755885175'), '…5175');
  assert.equal(maskId(undefined), '(none)');
});

test('RestartBudget allows max restarts per window, then refuses; reset starts over', () => {
  let now = 0;
  const b = new RestartBudget(3, 1000, () => now);
  assert.deepEqual([b.crashed(), b.crashed(), b.crashed(), b.crashed()], [true, true, true, false]);
  now = 1500;
  assert.equal(b.crashed(), true, 'old crashes left the window');
  b.reset();
  assert.equal(b.recent, 0);
});

test('environment and target: settings win, local means the simulator, base URL is machine-checked', () => {
  assert.equal(environmentFor('activation', 'production'), 'production');
  // Sandbox is no environment any more (Pinterest's sandbox refuses customer lists): the run itself refuses such an activation.
  assert.equal(environmentFor('activation', 'sandbox'), 'local');
  assert.equal(environmentFor('sandbox' as never, 'production'), 'production', 'a sandbox setting left from an earlier version is ignored');
  assert.equal(environmentFor('production', 'local'), 'production');
  assert.equal(environmentFor(undefined, 'bogus'), 'local');
  assert.deepEqual(resolveTarget('local', '', undefined), { environment: 'local', baseUrl: '', needsSimulator: true });
  assert.deepEqual(resolveTarget('local', '', 'http://127.0.0.1:9/v5'), { environment: 'local', baseUrl: 'http://127.0.0.1:9/v5', needsSimulator: false });
  assert.equal(resolveTarget('local', 'http://127.0.0.1:8790/v5/', undefined).baseUrl, 'http://127.0.0.1:8790/v5');
  assert.equal(resolveTarget('production', '', undefined).baseUrl, 'https://api.pinterest.com/v5');
});

test('OAuth: authorize URL, token parsing, expiry', () => {
  const u = new URL(authorizeUrl('https://www.pinterest.com/oauth/', '1500100', 'http://127.0.0.1:5/callback', 'st'));
  assert.equal(u.searchParams.get('response_type'), 'code');
  assert.equal(u.searchParams.get('scope'), 'ads:read,ads:write', 'the one list of required scopes (REQUIRED_SCOPES)');
  assert.equal(u.searchParams.get('redirect_uri'), 'http://127.0.0.1:5/callback');
  const t = parseTokenResponse({ access_token: 'a', refresh_token: 'r', expires_in: 60, scope: 'ads:read' }, 1000);
  assert.deepEqual(t, { accessToken: 'a', refreshToken: 'r', expiresAt: 61_000, scope: 'ads:read' });
  assert.equal(isExpiring(t, 1000), true, 'within the 60 s skew');
  assert.equal(isExpiring(t, 0), false);
  assert.equal(isExpiring({ accessToken: 'x' }), false);
  assert.throws(() => parseTokenResponse({}), /without an access token/);
});

test('OAuth loopback: only the matching state yields the code', async () => {
  const loop = await startLoopback('good-state');
  const bad = await fetch(`${loop.redirectUri}?code=c1&state=wrong`);
  assert.equal(bad.status, 400);
  const ok = await fetch(`${loop.redirectUri}?code=c2&state=good-state`);
  assert.equal(ok.status, 200);
  assert.equal(await loop.code, 'c2');
  loop.close();
});

test('OAuth: code exchange and refresh against the simulator', async () => {
  const { startSimulator, SEED } = await import('../../src/simulator');
  const sim = await startSimulator();
  try {
    const loop = await startLoopback('s1');
    const authorize = await fetch(`${sim.url}/oauth/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ client_id: SEED.clientId, redirect_uri: loop.redirectUri, response_type: 'code', scope: 'ads:read,ads:write', state: 's1', decision: 'allow' }).toString(),
      redirect: 'manual',
    });
    await fetch(authorize.headers.get('location')!);
    const code = await loop.code;
    const client = { clientId: SEED.clientId, clientSecret: SEED.clientSecret };
    const tokens = await exchangeCode(sim.baseUrl, client, code, loop.redirectUri);
    assert.match(tokens.accessToken, /^pina_/);
    assert.ok(tokens.refreshToken);
    const next = await refreshTokens(sim.baseUrl, client, tokens);
    assert.notEqual(next.accessToken, tokens.accessToken);
    await assert.rejects(exchangeCode(sim.baseUrl, { ...client, clientSecret: 'wrong' }, code, loop.redirectUri), /refused the token request \(HTTP 401/);
  } finally {
    await sim.close();
  }
});

test('Markdown report: counts and escaped cells', () => {
  assert.equal(mdCell('a|b\n<img src=x>`x`'), 'a\\|b &lt;img src=x&gt;\'x\'');
  const report: ActivationReport = {
    activation: { file: 'activation.json', name: 'Spring | <b>', destination: 'Pinterest' },
    environment: 'local',
    baseUrl: 'http://127.0.0.1:1/v5',
    adAccount: { id: '549755885175' },
    outcome: 'succeeded',
    summary: { profiles: 2, exported: 2, identities: { mapped: 3, rejected: 1, notMapped: 0 }, membershipRequests: 1, records: 3, listCreates: 0, accepted: 2, rejected: 1, created: 0, reused: 0, checks: 0, notDoneByAep: 0 },
    state: { where: '.pindest/state.json', persistent: true },
    notes: [],
    calls: [{ step: 'membership', by: 'aep', request: { method: 'PATCH', uri: '/x', headers: {}, body: '' }, response: { code: 200, body: {} }, attempts: 1 }],
    counts: [{ audience: 'Spring buyers', identityType: 'Email', sent: 3, accepted: 2, rejected: 1, retried: 0 }],
    notSent: { 'invalid-email': 1 },
    lists: [],
  };
  assert.deepEqual(totals(report), { sent: 3, accepted: 2, rejected: 1, retried: 0, calls: 1, failedCalls: 0 });
  const md = activationMarkdown(report, 'text ``` report');
  assert.match(md, /# Test activation succeeded/);
  assert.match(md, /\*\*2 accepted\*\*, 1 rejected/);
  assert.match(md, /\| Spring buyers \| Email \| 3 \| 2 \| 1 \| 0 \|/);
  assert.match(md, /- Membership requests \(sent by AEP\): 1, carrying 3 identity records/);
  assert.match(md, /Spring \\\| &lt;b&gt;/);
  assert.equal(md.match(/```/g)!.length, 2, 'the text cannot close the code block');
});
