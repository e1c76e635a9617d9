import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD206: the example calls the v5 API over HTTPS', () => {
  assert.deepEqual(withCode(validateExample(), 'PD206'), []);
});

test('PD206: v4, plain HTTP and a wrong path are errors with their reason', () => {
  const cases: [string, RegExp][] = [
    ['https://api.pinterest.com/v4/ad_accounts/{{customerData.adAccountId}}/customer_lists', /retired API v4/],
    ['http://api.pinterest.com/v5/ad_accounts/{{customerData.adAccountId}}/customer_lists', /HTTPS only/],
    ['https://www.pinterest.com/ad_accounts/{{customerData.adAccountId}}', /must start with/],
  ];
  for (const [url, message] of cases) {
    const [d] = withCode(validateExample((f) => (f.server.urlBasedDestination.url.value = url)), 'PD206');
    assert.ok(d, url);
    assert.equal(d.pointer, '/urlBasedDestination/url/value');
    assert.match(d.message, message);
  }
});

test("PD206: the sandbox API is an error naming x-sandbox, fixed to the production host", () => {
  const [d, ...more] = withCode(validateExample((f) => (f.server.urlBasedDestination.url.value = 'https://api-sandbox.pinterest.com/v5/ad_accounts/{{customerData.adAccountId}}/customer_lists')), 'PD206');
  assert.equal(more.length, 0);
  assert.match(d!.message, /x-sandbox: disabled/);
  assert.deepEqual(d!.data, { replacement: 'https://api.pinterest.com/v5/ad_accounts/{{customerData.adAccountId}}/customer_lists' });
});
