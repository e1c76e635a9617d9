import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD119: the example templates its URL and body with PEBBLE_V1', () => {
  assert.deepEqual(withCode(validateExample(), 'PD119'), []);
});

test('PD119: Pebble in a NONE value is a warning; a literal NONE header is fine', () => {
  const [d, ...rest] = withCode(validateExample((f) => {
    f.server.urlBasedDestination.url.templatingStrategy = 'NONE';
    f.server.httpTemplate.headers = [{ header: 'X-Static', value: { templatingStrategy: 'NONE', value: 'fixed' } }];
  }), 'PD119');
  assert.equal(rest.length, 0);
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/urlBasedDestination/url/templatingStrategy');
  assert.deepEqual(d!.data, { replacement: 'PEBBLE_V1' });
});
