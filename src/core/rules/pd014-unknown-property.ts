import { en } from '../report/l10n';
import { childPointer } from '../json/pointer';
import { itemSchemas, objectShape } from '../schema/walk';
import { SCHEMAS, type JsonSchema } from '../schema/schemas';
import { suggest } from '../text/suggest';
import { finding, type Rule } from './rule';
import type { Finding } from '../diagnostics';

/**
 * Keys are case-sensitive and Adobe ignores or rejects what it does not know, so a misspelt key
 * silently loses its setting. A near miss of a known key is a warning with "did you mean";
 * any other unknown key is information (Adobe's docs show keys its API reference omits).
 */
export const unknownProperty: Rule = {
  code: 'PD014',
  title: 'Properties are ones Adobe documents (names are case-sensitive)',
  severity: 'warning',
  kinds: ['destination', 'destination-server', 'audience-template', 'activation'],
  check({ file, value }) {
    const root = SCHEMAS[file.kind!];
    const out: Finding[] = [];
    const stack: [unknown, JsonSchema[], string][] = [[value, [root], '']];
    while (stack.length) {
      const [v, schemas, pointer] = stack.pop()!;
      if (schemas.length === 0 || v === null || typeof v !== 'object') continue;
      if (Array.isArray(v)) {
        const items = itemSchemas(root, schemas);
        v.forEach((x, i) => x !== null && typeof x === 'object' && stack.push([x, items, `${pointer}/${i}`]));
        continue;
      }
      const shape = objectShape(root, schemas);
      const known = shape.known;
      for (const key in v) {
        const child = (v as Record<string, unknown>)[key];
        const unknown = known !== undefined && !known.has(key) && key !== '$schema';
        // Only objects and arrays can hold keys further down: skip scalars without building pointers.
        if (!unknown && (child === null || typeof child !== 'object')) continue;
        const p = childPointer(pointer, key);
        if (unknown) {
          const hint = suggest(key, [...(known ?? [])]);
          out.push(hint
            ? finding(this, p, en`Unknown property \`${key}\`; did you mean \`${hint}\`? Property names are case-sensitive.`, { at: 'key', data: { renameKey: hint } })
            : finding(this, p, en`Unknown property \`${key}\`: Adobe does not document it, so it may be ignored or rejected.`, { at: 'key', severity: 'info' }));
          continue;
        }
        stack.push([child, shape.child(key), p]);
      }
    }
    return out;
  },
};
