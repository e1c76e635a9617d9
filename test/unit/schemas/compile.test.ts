import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, createAjv, loadSchema } from './support';

for (const kind of KINDS) {
  test(`${kind} schema compiles with strict ajv and carries its identity`, () => {
    const schema = loadSchema(kind);
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.$id, `https://pindest.dev/schemas/${kind}.schema.json`);
    assert.equal(typeof schema.title, 'string');
    assert.equal(typeof schema.markdownDescription, 'string');
    const ajv = createAjv();
    assert.doesNotThrow(() => ajv.compile(schema));
  });
}

test('all four schemas compile side by side in one ajv instance (distinct $id, no cross-file refs)', () => {
  const ajv = createAjv();
  for (const kind of KINDS) ajv.addSchema(loadSchema(kind));
  for (const kind of KINDS) assert.ok(ajv.getSchema(`https://pindest.dev/schemas/${kind}.schema.json`));
  for (const kind of KINDS) {
    const refs = JSON.stringify(loadSchema(kind)).match(/"\$ref":"([^"]*)"/g) ?? [];
    for (const r of refs) assert.match(r, /"\$ref":"#\/definitions\//, `${kind}: ${r}`);
  }
});
