import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD014: the example has no unknown property', () => {
  assert.deepEqual(withCode(validateExample(), 'PD014'), []);
});

test('PD014: a wrong-case key is a warning with did-you-mean, on the key', () => {
  const [d, ...rest] = withCode(validateExample((f) => {
    f.destination.schemaConfig.SegmentRequired = f.destination.schemaConfig.segmentRequired;
  }), 'PD014');
  assert.equal(rest.length, 0);
  assert.equal(d!.severity, 'warning');
  assert.equal(d!.pointer, '/schemaConfig/SegmentRequired');
  assert.match(d!.message, /did you mean `segmentRequired`/);
  assert.deepEqual(d!.data, { renameKey: 'segmentRequired' });
  assert.equal(d!.range.end.character - d!.range.start.character, '"SegmentRequired"'.length);
});

test('PD014: an undocumented key is information only; open maps are not checked', () => {
  const found = withCode(validateExample((f) => {
    f.server.httpTemplate.xCustomTuning = 3;
    f.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces.Phone = {};
    f.activation.connection.customerData.anythingGoes = 'x';
  }), 'PD014');
  assert.deepEqual(found.map((d) => [d.file, d.pointer, d.severity]), [['destination-server.json', '/httpTemplate/xCustomTuning', 'info']]);
});

test('PD014: keys Adobe adds on export are known', () => {
  const found = withCode(validateExample((f) => {
    f.destination.instanceId = 'x';
    f.destination.createdDate = '2026-01-01T00:00:00Z';
    f.destination.lastModifiedDate = '2026-01-01T00:00:00Z';
  }), 'PD014');
  assert.deepEqual(found, []);
});

test('PD014: a misspelt required key is one finding, the did-you-mean, not also "missing" (nor a rule\'s "must set")', () => {
  const found = validateExample((f) => {
    const sc = f.destination.schemaConfig;
    sc.segmentRequried = sc.segmentRequired;
    delete sc.segmentRequired;
    const ui = f.destination.uiAttributes;
    ui.frequncy = ui.frequency;
    delete ui.frequency;
  }).filter((d) => d.file === 'destination.json');
  assert.deepEqual(found.map((d) => [d.code, d.pointer, d.data]).sort(), [
    ['PD014', '/schemaConfig/segmentRequried', { renameKey: 'segmentRequired' }],
    ['PD014', '/uiAttributes/frequncy', { renameKey: 'frequency' }],
  ]);
});

test('PD014: a missing required key with no near miss is still reported', () => {
  const found = validateExample((f) => {
    delete f.destination.schemaConfig.identityRequired;
    f.destination.schemaConfig.colour = 'red';
  }).filter((d) => d.file === 'destination.json');
  assert.ok(found.some((d) => d.code === 'PD014' && d.pointer === '/schemaConfig/colour'), JSON.stringify(found.map((d) => d.code)));
  assert.ok(found.some((d) => d.code === 'PD010' && /Missing required property `identityRequired`/.test(d.message)), JSON.stringify(found.map((d) => d.message)));
});
