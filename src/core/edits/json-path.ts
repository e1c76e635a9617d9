/**
 * JSON pointers (what findings carry) to jsonc-parser paths (what its `modify` takes): array
 * indices must be numbers there, and only the text's tree knows which segments index arrays.
 */
import { findNodeAtLocation, type JSONPath, type Node } from 'jsonc-parser';
import { parsePointer } from '../json/pointer';

export function toJsonPath(tree: Node | undefined, pointer: string): JSONPath {
  const out: JSONPath = [];
  let node: Node | undefined = tree;
  for (const seg of parsePointer(pointer)) {
    const isIndex = node?.type === 'array' && /^(0|[1-9]\d*)$/.test(seg);
    out.push(isIndex ? Number(seg) : seg);
    node = node ? findNodeAtLocation(node, [isIndex ? Number(seg) : seg]) : undefined;
  }
  return out;
}

/** The property-name node of the member a path ends at (for renames). */
export function keyNodeAt(tree: Node | undefined, path: JSONPath): Node | undefined {
  if (!tree) return undefined;
  const value = findNodeAtLocation(tree, path);
  const member = value?.parent;
  return member?.type === 'property' ? member.children?.[0] : undefined;
}
