import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD115: the example uses an audience template without user input', () => {
  assert.deepEqual(withCode(validateExample(), 'PD115'), []);
});

test('PD115: mapUserInput true with an audienceTemplateId is an error, in either holder', () => {
  const [d] = withCode(validateExample((f) => (f.destination.segmentMappingConfig.mapUserInput = true)), 'PD115');
  assert.equal(d!.pointer, '/segmentMappingConfig/mapUserInput');
  const moved = withCode(validateExample((f) => {
    const id = f.destination.segmentMappingConfig.audienceTemplateId;
    delete f.destination.segmentMappingConfig.audienceTemplateId;
    f.destination.audienceMetadataConfig = { audienceTemplateId: id };
    f.destination.segmentMappingConfig.mapUserInput = true;
  }), 'PD115');
  assert.equal(moved.length, 1);
});
