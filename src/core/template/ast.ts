/** Syntax tree of the Pebble subset. Every node keeps the span of the source it came from. */
import type { Span } from './errors';

export interface Args {
  positional: Expr[];
  named: { name: string; value: Expr; span: Span }[];
}

interface Base {
  span: Span;
  /** Nesting depth of the expression tree, capped by the parser so nothing recurses too deep. */
  depth: number;
}

export type Expr =
  /** `decimal`: a number literal written with a point (a Java double: 7.0 / 2 = 3.5). */
  | (Base & { type: 'literal'; value: string | number | boolean | null; decimal?: boolean })
  | (Base & { type: 'list'; items: Expr[] })
  | (Base & { type: 'map'; entries: { key: Expr; value: Expr }[] })
  | (Base & { type: 'name'; name: string })
  /** `object.key` or `object[key]`; `key` is a literal for `.name` and `['name']`. */
  | (Base & { type: 'member'; object: Expr; key: Expr; keySpan: Span })
  | (Base & { type: 'unary'; op: 'not' | '-' | '+'; operand: Expr })
  | (Base & { type: 'binary'; op: BinaryOp; left: Expr; right: Expr; opSpan: Span })
  | (Base & { type: 'test'; negated: boolean; operand: Expr; name: string; nameSpan: Span })
  | (Base & { type: 'filter'; input: Expr; name: string; nameSpan: Span; args: Args })
  | (Base & { type: 'call'; name: string; nameSpan: Span; args: Args })
  | (Base & { type: 'ternary'; cond: Expr; then: Expr; otherwise: Expr });

export type BinaryOp =
  | 'or' | 'and' | 'contains' | '==' | '!=' | '<' | '>' | '<=' | '>=' | '+' | '-' | '*' | '/' | '%' | '~';

export interface FilterCall {
  name: string;
  nameSpan: Span;
  args: Args;
}

export type Stmt =
  | { type: 'text'; text: string; span: Span }
  | { type: 'print'; expr: Expr; span: Span }
  /** `bodySpan`: from after the tag's `%}` to the `{%` that ends the body (the end when unclosed); null when the tag never closed. */
  | { type: 'for'; variable: string; variableSpan: Span; iterable: Expr; body: Stmt[]; elseBody: Stmt[] | null; span: Span; bodySpan: Span | null }
  | { type: 'if'; branches: { cond: Expr; body: Stmt[] }[]; elseBody: Stmt[] | null; span: Span }
  | { type: 'set'; name: string; nameSpan: Span; value: Expr; span: Span }
  | { type: 'filterBlock'; filters: FilterCall[]; body: Stmt[]; span: Span };

/**
 * The sub-expressions an analysis walks into, for every kind whose children need no special
 * handling (names and member chains are each analysis's own business).
 */
export function childExpressions(e: Expr): Expr[] {
  switch (e.type) {
    case 'list':
      return e.items;
    case 'map':
      return e.entries.flatMap((en) => [en.key, en.value]);
    case 'unary':
    case 'test':
      return [e.operand];
    case 'binary':
      return [e.left, e.right];
    case 'filter':
      return [e.input, ...argExpressions(e.args)];
    case 'call':
      return argExpressions(e.args);
    case 'ternary':
      return [e.cond, e.then, e.otherwise];
    default:
      return [];
  }
}

export function argExpressions(a: Args): Expr[] {
  return [...a.positional, ...a.named.map((n) => n.value)];
}
