/**
 * Data paths a template reads, with loop and `set` variables resolved to where their values come
 * from. `references()` reports free variables only, so `profile.identityMap.pinterest_audience`
 * inside `{% for profile in input.profiles %}` is invisible to it; the validator needs to know that
 * this reads `input.profiles.*.identityMap.pinterest_audience` (PD407) and where each segment of
 * that path is written in the source.
 *
 * `*` stands for "an element of" (a `for` over the path). A path stops at the first dynamic key
 * (`a[b]`); the key expression is given so callers can see what indexes it. Read-only over the
 * AST; the evaluator does not use it.
 */
import { childExpressions, type Expr, type Stmt } from './ast';
import { walkScopes, type Binding as Bound, type Lookup } from './scope';
import type { Span } from './errors';

export interface PathSegment {
  /** Member name, or `*` for an element of a loop's iterable. */
  name: string;
  /** Where the segment is written: the key itself, or for `*` the loop variable's iterable. */
  offset: number;
  length: number;
}

export interface ResolvedPath {
  /** From a context root (`input`, `destination`, …) when `local` is undefined. */
  segments: PathSegment[];
  /** The expression as written: from its first name to the end of its last static key. */
  offset: number;
  length: number;
  /** The loop or `set` variable the expression starts from, if any. */
  local?: string;
  /** The key expression that ended the static path (`x` in `a.b[x]`), if any. */
  dynamicKey?: Span;
}

type Binding = PathSegment[] | null;

/** Every data path the template reads, in source order. */
export function collectPaths(body: Stmt[]): ResolvedPath[] {
  const out: ResolvedPath[] = [];
  // What each binding of the walk resolves to, fixed where it is bound (its value's scope).
  const resolved = new Map<Bound, Binding>();
  let scope: Lookup = () => undefined;
  const lookup = (name: string): Binding | undefined => {
    const b = scope(name);
    return b ? (resolved.get(b) ?? null) : undefined;
  };

  /** The path of a plain name/member expression, or null when it is anything else. */
  function pathOf(e: Expr): { segments: PathSegment[]; local?: string; dynamicKey?: Span; start: number; end: number } | null {
    const chain: Extract<Expr, { type: 'member' }>[] = [];
    let node: Expr = e;
    while (node.type === 'member') {
      chain.unshift(node);
      node = node.object;
    }
    if (node.type !== 'name') return null;
    const bound = lookup(node.name);
    if (bound === null) return null;
    const segments: PathSegment[] = bound ? [...bound] : [{ name: node.name, offset: node.span.offset, length: node.span.length }];
    let end = node.span.offset + node.span.length;
    let dynamicKey: Span | undefined;
    for (const m of chain) {
      if (m.key.type !== 'literal' || (typeof m.key.value !== 'string' && typeof m.key.value !== 'number')) {
        dynamicKey = { offset: m.key.span.offset, length: m.key.span.length };
        break;
      }
      segments.push({ name: String(m.key.value), offset: m.keySpan.offset, length: m.keySpan.length });
      end = m.keySpan.offset + m.keySpan.length;
    }
    return { segments, local: bound ? node.name : undefined, dynamicKey, start: node.span.offset, end };
  }

  function expr(e: Expr): void {
    switch (e.type) {
      case 'literal':
        return;
      case 'name':
      case 'member': {
        const p = pathOf(e);
        if (p) {
          const found: ResolvedPath = { segments: p.segments, offset: p.start, length: p.end - p.start };
          if (p.local !== undefined) found.local = p.local;
          if (p.dynamicKey) found.dynamicKey = p.dynamicKey;
          out.push(found);
        }
        // Walk what the static path does not cover: a non-name object, dynamic keys.
        let node: Expr = e;
        while (node.type === 'member') {
          if (node.key.type !== 'literal') expr(node.key);
          node = node.object;
        }
        if (node.type !== 'name') expr(node);
        return;
      }
      default:
        childExpressions(e).forEach(expr);
    }
  }

  /** A `for` variable is an element of its iterable; a `set` variable aliases its value's path. */
  function bindingOf(e: Expr, element: boolean): Binding {
    const p = pathOf(e);
    if (!p || p.dynamicKey) return null;
    return element ? [...p.segments, { name: '*', offset: e.span.offset, length: e.span.length }] : p.segments;
  }

  walkScopes(body, {
    expr(e, l) {
      scope = l;
      expr(e);
    },
    bind(b, l) {
      scope = l;
      resolved.set(b, b.kind === 'loop' ? bindingOf(b.iterable, true) : b.kind === 'set' ? bindingOf(b.value, false) : null);
    },
  });
  return out.sort((a, b) => a.offset - b.offset);
}
