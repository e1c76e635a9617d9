import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveTarget } from '../../src/extension/settings';
import { statusBarView } from '../../src/extension/status-bar-text';

test('status bar: local with the simulator running shows its 127.0.0.1 port', () => {
  const url = 'http://127.0.0.1:41234/v5';
  assert.deepEqual(statusBarView({ target: resolveTarget('local', undefined, url), simulatorUrl: url }), { host: '127.0.0.1:41234', simulator: 'running', offerStart: false });
});

test('status bar: local with the simulator stopped has no host and offers to start it', () => {
  assert.deepEqual(statusBarView({ target: resolveTarget('local', undefined, undefined), simulatorUrl: undefined }), { host: undefined, simulator: 'stopped', offerStart: true });
});

test('status bar: production targets api.pinterest.com whatever the simulator does', () => {
  const url = 'http://127.0.0.1:41234/v5';
  assert.deepEqual(statusBarView({ target: resolveTarget('production', undefined, url), simulatorUrl: url }), { host: 'api.pinterest.com', simulator: 'running', offerStart: false });
});

test('status bar: a configured base URL wins and is shown', () => {
  assert.deepEqual(statusBarView({ target: resolveTarget('local', 'http://localhost:9000/v5/', undefined), simulatorUrl: undefined }), { host: 'localhost:9000', simulator: 'stopped', offerStart: false });
});
