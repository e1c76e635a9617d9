/**
 * The one walker of Pebble scopes over the parser's syntax tree: which names `for` (its variable
 * and `loop`) and `set` bind, and where. The validator's analyses (references.ts, paths.ts) and
 * the editor's completion and hover (localsAt) all read scope through it.
 *
 * Pebble's rules: a `for` body is a new scope (its variable and `loop`), gone after `endfor`; the
 * `else` of a `for` runs in the outer scope; `if` and `filter` bodies open no scope; `set` updates
 * the nearest scope that holds the name, else the current one.
 */
import { argExpressions, type Expr, type Stmt } from './ast';
import { parse } from './parser';

export type Binding =
  /** A `for` variable: an element of `iterable`. */
  | { kind: 'loop'; name: string; iterable: Expr }
  /** The `loop` state of a `for`. */
  | { kind: 'loopState'; name: 'loop' }
  | { kind: 'set'; name: string; value: Expr };

/** What a name is bound to where the walk is; undefined for a free (context) name. */
export type Lookup = (name: string) => Binding | undefined;

export interface ScopeVisitor {
  /** A statement reached, before any of its expressions. */
  stmt?(st: Stmt): void;
  /** An expression evaluated where `lookup` answers. */
  expr?(e: Expr, lookup: Lookup): void;
  /** A name about to be bound; `lookup` still answers as where its value is evaluated. */
  bind?(b: Binding, lookup: Lookup): void;
}

/**
 * Walks the template in source order. With `until`, stops at that offset and returns the scopes
 * there (outermost first); without, walks everything.
 */
export function walkScopes(body: Stmt[], visit: ScopeVisitor, until?: number): Map<string, Binding>[] {
  const scopes: Map<string, Binding>[] = [new Map()];
  const lookup: Lookup = (name) => {
    for (let i = scopes.length - 1; i >= 0; i--) {
      const b = scopes[i]!.get(name);
      if (b) return b;
    }
    return undefined;
  };
  let stopped = false;
  const expr = (e: Expr) => visit.expr?.(e, lookup);

  function stmts(list: Stmt[]): void {
    for (const st of list) {
      if (stopped) return;
      if (until !== undefined && st.span.offset >= until) {
        stopped = true;
        return;
      }
      visit.stmt?.(st);
      switch (st.type) {
        case 'text':
          break;
        case 'print':
          expr(st.expr);
          break;
        case 'for': {
          expr(st.iterable);
          if (until !== undefined && st.bodySpan === null) {
            stopped = true; // the stop is in the unfinished tag itself: its variable is not bound yet
            return;
          }
          const inside = until !== undefined && st.bodySpan !== null && until >= st.bodySpan.offset && until <= st.bodySpan.offset + st.bodySpan.length;
          const variable: Binding = { kind: 'loop', name: st.variable, iterable: st.iterable };
          const state: Binding = { kind: 'loopState', name: 'loop' };
          visit.bind?.(variable, lookup);
          visit.bind?.(state, lookup);
          scopes.push(new Map<string, Binding>([[st.variable, variable], ['loop', state]]));
          stmts(st.body);
          if (inside) stopped = true;
          if (stopped) return;
          scopes.pop();
          if (st.elseBody) stmts(st.elseBody);
          break;
        }
        case 'if':
          for (const b of st.branches) {
            if (stopped) return;
            expr(b.cond);
            stmts(b.body);
          }
          if (st.elseBody) stmts(st.elseBody);
          break;
        case 'set': {
          expr(st.value);
          const b: Binding = { kind: 'set', name: st.name, value: st.value };
          visit.bind?.(b, lookup);
          const holder = [...scopes].reverse().find((s) => s.has(st.name)) ?? scopes[scopes.length - 1]!;
          holder.set(st.name, b);
          break;
        }
        case 'filterBlock':
          for (const f of st.filters) argExpressions(f.args).forEach(expr);
          stmts(st.body);
          break;
      }
    }
  }

  stmts(body);
  return scopes;
}

/** `a.b['c'].d` → ['a', 'b', 'c', 'd']; null for anything but a name with static keys. */
export function staticPath(e: Expr): string[] | null {
  const keys: string[] = [];
  let node = e;
  while (node.type === 'member') {
    if (node.key.type !== 'literal' || (typeof node.key.value !== 'string' && typeof node.key.value !== 'number')) return null;
    keys.unshift(String(node.key.value));
    node = node.object;
  }
  return node.type === 'name' ? [node.name, ...keys] : null;
}

export interface Local {
  name: string;
  kind: Binding['kind'];
  /** The iterable (loop) or value (set) as a static path, when it is one. */
  from: string[] | null;
}

/**
 * The local names in scope at `offset`, in the order they were bound (a later entry for the same
 * name replaces an earlier one). Only the text before the offset is read, so a template being
 * typed (an unclosed `{%` or `{{` at the caret, no `endfor` yet) gives what is in scope there.
 */
export function localsAt(source: string, offset: number): Local[] {
  const { body } = parse(source.slice(0, offset));
  const order: Binding[] = [];
  const scopes = walkScopes(body, { bind: (b) => order.push(b) }, offset);
  const live = new Set<Binding>(scopes.flatMap((s) => [...s.values()]));
  return order.filter((b) => live.has(b)).map((b) => ({
    name: b.name,
    kind: b.kind,
    from: b.kind === 'loop' ? staticPath(b.iterable) : b.kind === 'set' ? staticPath(b.value) : null,
  }));
}
