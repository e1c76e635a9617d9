import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateExample, withCode } from '../../helpers/example';

test('PD302: the example destination names its audience template', () => {
  assert.deepEqual(withCode(validateExample(), 'PD302'), []);
});

test('PD302: an unknown audienceTemplateId is an error at the id, wherever it is placed', () => {
  const [d] = withCode(validateExample((f) => (f.destination.segmentMappingConfig.audienceTemplateId = 'nope')), 'PD302');
  assert.equal(d!.pointer, '/segmentMappingConfig/audienceTemplateId');
  const [moved] = withCode(validateExample((f) => {
    delete f.destination.segmentMappingConfig.audienceTemplateId;
    f.destination.audienceMetadataConfig = { audienceTemplateId: 'nope' };
  }), 'PD302');
  assert.equal(moved!.pointer, '/audienceMetadataConfig/audienceTemplateId');
});
