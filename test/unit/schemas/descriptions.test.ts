import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KINDS, isSchema, loadSchema, type Schema } from './support';

// Keywords whose content is data or a condition, not a property declaration: `if` only tests a
// value (`if: { properties: { destinationServerType: { const: ... } } }`), it declares nothing.
const NOT_DECLARATIONS = new Set(['defaultSnippets', 'examples', 'default', 'enum', 'const', 'if', 'not']);

/** Every property schema at every depth (inside definitions too), with a readable location. */
function everyProperty(schema: Schema): { where: string; sub: unknown }[] {
  const found: { where: string; sub: unknown }[] = [];
  const visit = (node: unknown, where: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => visit(n, `${where}/${i}`));
      return;
    }
    if (!isSchema(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && isSchema(value)) {
        for (const [name, sub] of Object.entries(value)) {
          found.push({ where: `${where}/properties/${name}`, sub });
          visit(sub, `${where}/properties/${name}`);
        }
      } else if (!NOT_DECLARATIONS.has(key)) {
        visit(value, `${where}/${key}`);
      }
    }
  };
  visit(schema, '#');
  return found;
}

for (const kind of KINDS) {
  test(`${kind}: every property at every depth has a hover text (markdownDescription)`, () => {
    const props = everyProperty(loadSchema(kind));
    assert.ok(props.length > 10, 'the walk found properties');
    const missing = props.filter(({ sub }) => !isSchema(sub) || typeof sub.markdownDescription !== 'string' || sub.markdownDescription.trim().length < 10);
    assert.deepEqual(missing.map((m) => m.where), []);
  });

  test(`${kind}: hover texts are short (one to three sentences, no long copied passages)`, () => {
    const tooLong = everyProperty(loadSchema(kind)).filter(({ sub }) => isSchema(sub) && typeof sub.markdownDescription === 'string' && sub.markdownDescription.length > 400);
    assert.deepEqual(tooLong.map((m) => m.where), []);
  });
}
