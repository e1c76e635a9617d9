/** RFC 6901 JSON pointers: the address every finding carries. */

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function formatPointer(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}

export function childPointer(parent: string, key: string | number): string {
  const k = String(key);
  // Most keys need no escaping; skip the regexes for them (hot in large documents).
  return parent + '/' + (k.indexOf('~') < 0 && k.indexOf('/') < 0 ? k : k.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** The value at a pointer, or undefined. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const seg of parsePointer(pointer)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node;
}
