/**
 * A faster output path for the templates destinations actually use: text, prints of variable
 * paths, `for` over paths and `if` on `loop.*`, `not`, `and`, `or`, `==`, `!=`. Such a template is
 * compiled to one JavaScript function that appends to a string (V8 ropes), instead of running a
 * closure per node and joining an array of pieces: at 10k profiles the closure tree costs ~6× a
 * `JSON.stringify` of the output, this ~1–2×.
 *
 * Anything outside that subset (filters, functions, `set`, tests, arithmetic, dynamic keys…)
 * returns null and the closure evaluator renders it, so behaviour is defined in one place. For the
 * subset the generated code calls the evaluator's own value helpers (getOwnName, getMember,
 * toOutput, deepEqual, isMap) and fails with the same messages, spans and limits; the template
 * test suite runs through this path for every template it accepts.
 *
 * Templates come from workspace files, also untrusted ones, so no template text is ever code:
 * every string or number from the template (text, names, keys, literals) enters the generated
 * source only through `lit` (a JSON string literal, or a number's digits); identifiers are our
 * own (`ctx`, `out`, `R.…`, and fresh `v0`-style names that loop variables map to); the rest is
 * fixed text, span numbers and the fixed `first`/`last`/`and`/`or`. codegen.test.ts checks this
 * on hostile templates by reading the generated source.
 */
import type { Expr, Stmt } from './ast';
import type { LineIndex, Span } from './errors';
import { TemplateFailure } from './errors';
import { say, type Text } from '../report/l10n';
import { loopOutput, loopSteps, notCondition, notIterable, type Where } from './messages';
import { deepEqual, getMember, getOwnName, isInheritedName, isMap, staticMemberChain, LoopInfo, MapEntry, toOutput } from './values';

export type FastRender = (ctx: Record<string, unknown>, maxSteps: number, maxOutput: number) => string;

/** The generated function and the source it was built from (tests read the source). */
export interface FastProgram {
  render: FastRender;
  source: string;
}

/** A template's string or number as JavaScript source: a JSON string literal, or digits. */
function lit(v: string | number | boolean | null): string {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return String(v);
    if (v === Infinity) return 'Infinity'; // A literal beyond double range; JSON would say null.
    throw new Unsupported();
  }
  return JSON.stringify(v);
}

class Unsupported extends Error {}

interface Runtime {
  getOwnName: typeof getOwnName;
  getMember: typeof getMember;
  toOutput: typeof toOutput;
  deepEqual: typeof deepEqual;
  isMap: typeof isMap;
  LoopInfo: typeof LoopInfo;
  MapEntry: typeof MapEntry;
  // The evaluator's own messages (./messages), so both renderers fail alike.
  notIterable: typeof notIterable;
  loopSteps: typeof loopSteps;
  loopOutput: typeof loopOutput;
  fail(span: number, message: Text): never;
  truthy(v: unknown, where: Where, span: number): boolean;
  /** Compiler.condition: booleans as they are, else Pebble's truthiness (or its error). */
  cond(v: unknown, where: Where, span: number): boolean;
}

/** Compiles the template to one function, or returns null when it uses anything outside the subset. */
export function compileFast(body: Stmt[], lines: LineIndex): FastProgram | null {
  const spans: Span[] = [];
  const spanId = (s: Span) => spans.push(s) - 1;
  let nextVar = 0;
  const fresh = (p: string) => `${p}${nextVar++}`;
  const locals: Map<string, string>[] = [];
  const local = (name: string) => {
    for (let i = locals.length - 1; i >= 0; i--) {
      const v = locals[i]!.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  };

  function expr(e: Expr): string {
    switch (e.type) {
      case 'literal':
        if (typeof e.value === 'number' || typeof e.value === 'string' || typeof e.value === 'boolean' || e.value === null) return lit(e.value);
        throw new Unsupported();
      case 'name': {
        const v = local(e.name);
        if (v) return v;
        return isInheritedName(e.name) ? `R.getMember(ctx, ${lit(e.name)})` : `(ctx[${lit(e.name)}] ?? null)`;
      }
      case 'member': {
        const flag = loopFlag(e);
        if (flag) return flag;
        // Mirrors Compiler.member: a run of static, non-inherited names becomes getOwnName calls.
        const { base: node, keys } = staticMemberChain(e);
        if (keys.length > 0) {
          let code = expr(node);
          if (keys.length <= 2) {
            for (const k of keys) code = `R.getOwnName(${code}, ${lit(k)})`;
            return code;
          }
          const v = fresh('m');
          return `((${v}) => { ${keys.map((k) => `if (${v} !== null) ${v} = R.getOwnName(${v}, ${lit(k)});`).join(' ')} return ${v}; })(${code})`;
        }
        if (e.key.type === 'literal' && (typeof e.key.value === 'number' || typeof e.key.value === 'string')) {
          return `R.getMember(${expr(e.object)}, ${lit(e.key.value)})`;
        }
        throw new Unsupported();
      }
      case 'unary':
        if (e.op === 'not') return `!${condition(e.operand, 'not')}`;
        throw new Unsupported();
      case 'binary':
        if (e.op === 'and' || e.op === 'or') return `(${condition(e.left, e.op)} ${e.op === 'and' ? '&&' : '||'} ${condition(e.right, e.op)})`;
        if (e.op === '==') return `R.deepEqual(${expr(e.left)}, ${expr(e.right)})`;
        if (e.op === '!=') return `!R.deepEqual(${expr(e.left)}, ${expr(e.right)})`;
        throw new Unsupported();
      default:
        throw new Unsupported();
    }
  }

  /** `loop.first` / `loop.last` of an enclosing loop: a boolean field, read directly. */
  function loopFlag(e: Expr): string | undefined {
    if (e.type !== 'member' || e.object.type !== 'name' || e.key.type !== 'literal' || (e.key.value !== 'first' && e.key.value !== 'last')) return undefined;
    const v = local(e.object.name);
    return v !== undefined && v.startsWith('loop') ? `${v}.${e.key.value}` : undefined;
  }

  function condition(e: Expr, where: Where): string {
    const flag = loopFlag(e);
    if (flag) return flag;
    if (e.type === 'unary' && e.op === 'not') return `!${condition(e.operand, 'not')}`;
    return `R.cond(${expr(e)}, ${lit(where)}, ${spanId(e.span)})`;
  }

  function block(stmts: Stmt[]): string {
    let code = '';
    for (let i = 0; i < stmts.length; i++) {
      const st = stmts[i]!;
      if (st.type === 'text' || st.type === 'print') {
        // Same grouping as Compiler.block: one maxOutput check per run of text and prints.
        let j = i;
        for (; j < stmts.length; j++) {
          const r = stmts[j]!;
          if (r.type === 'text') code += `out += ${lit(r.text)};\n`;
          else if (r.type === 'print') {
            const v = fresh('p');
            code += `{ const ${v} = ${expr(r.expr)}; out += typeof ${v} === 'string' ? ${v} : R.toOutput(${v}); }\n`;
          } else break;
        }
        code += `if (out.length > maxOutput) R.fail(${spanId(st.span)}, R.loopOutput(maxOutput));\n`;
        i = j - 1;
      } else if (st.type === 'if') {
        st.branches.forEach((b, k) => {
          code += `${k ? 'else ' : ''}if (${condition(b.cond, 'if')}) {\n${block(b.body)}}\n`;
        });
        if (st.elseBody) code += `else {\n${block(st.elseBody)}}\n`;
      } else if (st.type === 'for') {
        code += forStmt(st);
      } else {
        throw new Unsupported();
      }
    }
    return code;
  }

  function forStmt(st: Extract<Stmt, { type: 'for' }>): string {
    // `{% for loop in … %}`: the evaluator gives the variable and `loop` one slot; not worth mirroring.
    if (st.variable === 'loop') throw new Unsupported();
    const it = fresh('it');
    const keys = fresh('k');
    const n = fresh('n');
    const i = fresh('i');
    const loop = fresh('loop');
    const item = fresh('v');
    const iterSpan = spanId(st.iterable.span);
    const iterable = expr(st.iterable);
    const elseCode = st.elseBody ? block(st.elseBody) : '';
    locals.push(new Map([[st.variable, item], ['loop', loop]]));
    const body = block(st.body);
    locals.pop();
    return `{
const ${it} = ${iterable};
if (${it} !== null && ${it} !== undefined) {
  let ${keys} = null, ${n};
  if (Array.isArray(${it})) ${n} = ${it}.length;
  else if (R.isMap(${it})) ${n} = (${keys} = Object.keys(${it})).length;
  else R.fail(${iterSpan}, R.notIterable(${it}));
  if (${n} === 0) {
${elseCode}  } else {
    const ${loop} = new R.LoopInfo();
    ${loop}.length = ${n};
    for (let ${i} = 0; ${i} < ${n}; ${i}++) {
      if (++steps > maxSteps) R.fail(${iterSpan}, R.loopSteps(maxSteps));
      ${loop}.index = ${i}; ${loop}.revindex = ${n} - ${i} - 1; ${loop}.first = ${i} === 0; ${loop}.last = ${i} === ${n} - 1;
      const ${item} = ${keys} === null ? ${it}[${i}] : new R.MapEntry(${keys}[${i}], ${it}[${keys}[${i}]]);
${body}    }
  }
}
}
`;
  }

  let code: string;
  try {
    code = block(body);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
  const fail = (span: number, message: Text): never => {
    throw new TemplateFailure(lines.error(say(message), spans[span]!, message));
  };
  const runtime: Runtime = {
    getOwnName, getMember, toOutput, deepEqual, isMap, LoopInfo, MapEntry, notIterable, loopSteps, loopOutput, fail,
    truthy(v, where, span) {
      if (v === null || v === undefined) return false;
      if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
      if (typeof v === 'string') return v.length > 0;
      return fail(span, notCondition(where, v));
    },
    cond(v, where, span) {
      return v === true || (v !== false && runtime.truthy(v, where, span));
    },
  };
  const source = `"use strict";\nreturn function render(ctx, maxSteps, maxOutput) {\nlet out = '';\nlet steps = 0;\n${code}return out;\n};`;
  let factory: (R: Runtime) => FastRender;
  try {
    factory = new Function('R', source) as typeof factory;
  } catch {
    return null; // No eval (a strict CSP): the closure evaluator renders.
  }
  return { render: factory(runtime), source };
}
