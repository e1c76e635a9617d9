import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode, checkUnderlined as check } from '../../helpers/example';

test('PD404: the example uses no deprecated destination maps', () => {
  assert.deepEqual(withCode(validateExample(), 'PD404'), []);
});

test('PD404: destination.segmentAliases in a loop over ups memberships is rewritten with the ups namespace', () => {
  const body = '{\n  "lists": [\n    "{% for profile in input.profiles %}{% for s in profile.segmentMembership.ups %}{{ destination.segmentAliases[s.key] }}{% endfor %}{% endfor %}"\n  ]\n}';
  const { found, underlined } = check('PD404', (f) => (f.server.httpTemplate.requestBody.value = body));
  assert.equal(found.length, 1);
  const [d] = found;
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/httpTemplate/requestBody/value');
  assert.equal(underlined(d!), 'destination.segmentAliases');
  assert.deepEqual(d!.data, { replacement: "destination.namespaceSegmentAliases['ups']" });
  assert.match(d!.message, /write `destination\.namespaceSegmentAliases\['ups'\]` in its place/);
});

test('PD404: indexed by the aggregation key, the namespace comes from the aggregation key too', () => {
  const { found, underlined } = check('PD404', (f) => {
    f.server.urlBasedDestination.url.value = 'https://api.pinterest.com/v5/ad_accounts/{{customerData.adAccountId}}/customer_lists/{{ destination.segmentNames[input.aggregationKey.segmentId] }}';
  });
  assert.equal(found.length, 1);
  assert.equal(found[0]!.pointer, '/urlBasedDestination/url/value');
  assert.equal(underlined(found[0]!), 'destination.segmentNames');
  assert.deepEqual(found[0]!.data, { replacement: 'destination.namespaceSegmentNames[input.aggregationKey.segmentNamespace]' });
});

test('PD404: the namespaced maps are fine', () => {
  const { found } = check('PD404', (f) => {
    f.server.urlBasedDestination.url.value = 'https://api.pinterest.com/v5/ad_accounts/{{customerData.adAccountId}}/customer_lists/{{ destination.namespaceSegmentAliases[input.aggregationKey.segmentNamespace][input.aggregationKey.segmentId] }}';
  });
  assert.deepEqual(found, []);
});
