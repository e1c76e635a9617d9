/**
 * Evaluator: compiles the syntax tree once into nested closures, then runs them per render.
 *
 * Why closures: rendering thousands of profiles must cost about as much as serialising the output,
 * so nothing is looked up by name at run time. Variables are resolved at compile time to slots of
 * one array (loop variables, `loop`, `set` targets), static member paths are pre-split, filters and
 * functions are bound, and the hot paths allocate nothing but the map entries a loop yields.
 *
 * Scoping follows Pebble's ScopeChain: a for loop opens one scope for the whole loop (so a `set`
 * inside it survives to the next iteration but not past the loop), and `set` updates the nearest
 * scope that already holds the name, else the current one.
 */
import { en, say, type Arg, type Text } from '../report/l10n';
import type { Args, Expr, FilterCall, Stmt } from './ast';
import { FILTER_SPECS, FUNCTION_SPECS } from './catalog';
import { type LineIndex, type Span, TemplateFailure, ValueError } from './errors';
import { FILTER_IMPLS, type FilterFn } from './filters';
import { FUNCTION_IMPLS } from './functions';
import { loopOutput, loopSteps, notCondition, notIterable, type Where } from './messages';
import { arithmetic } from './numbers';
import { ADDED, REMOVED, segmentEntries } from './segments';
import {
  deepEqual, getMember, getOwnName, isEmpty, isInheritedName, isMap, LoopInfo, staticMemberChain, MapEntry, newMap, stringValueOf, toOutput, aType,
} from './values';

export interface Limits {
  maxSteps: number;
  maxOutput: number;
}

const UNSET: unique symbol = Symbol('unset');

/** Output goes to an array joined once at the end: far less garbage than a `+=` rope. */
export class State {
  parts: string[] = [];
  length = 0;
  steps = 0;
  constructor(
    readonly ctx: Record<string, unknown>,
    readonly slots: unknown[],
    readonly maxSteps: number,
    readonly maxOutput: number,
  ) {}
}

type Ev = (s: State) => unknown;
type Ex = (s: State) => void;

export interface Program {
  run: Ex;
  slotCount: number;
}

export function run(program: Program, ctx: Record<string, unknown>, limits: Limits): string {
  const slots = new Array<unknown>(program.slotCount).fill(UNSET);
  const s = new State(ctx, slots, limits.maxSteps, limits.maxOutput);
  program.run(s);
  return s.parts.join('');
}

interface Scope {
  names: Map<string, number>;
  parent: Scope | null;
}

const noop: Ex = () => {};

export function compile(body: Stmt[], lines: LineIndex): Program {
  return new Compiler(lines).program(body);
}

class Compiler {
  private slotCount = 0;
  private scope: Scope = { names: new Map(), parent: null };
  private readonly root = this.scope;

  constructor(private readonly lines: LineIndex) {}

  program(body: Stmt[]): Program {
    // Every set target gets a root slot: a set that finds the name only in the render context
    // overwrites it there (Pebble's ScopeChain.set), i.e. for the rest of the render.
    const all = new Set<string>();
    collectSets(body, all, true);
    for (const name of all) this.declare(this.root, name);
    const run = this.block(body);
    return { run, slotCount: this.slotCount };
  }

  private fail(span: Span, message: Text): never {
    throw new TemplateFailure(this.lines.error(say(message), span, message));
  }

  private declare(scope: Scope, name: string): number {
    let slot = scope.names.get(name);
    if (slot === undefined) {
      slot = this.slotCount++;
      scope.names.set(name, slot);
    }
    return slot;
  }

  private candidates(name: string): number[] {
    const out: number[] = [];
    for (let sc: Scope | null = this.scope; sc; sc = sc.parent) {
      const k = sc.names.get(name);
      if (k !== undefined) out.push(k);
    }
    return out;
  }

  // ---- statements -------------------------------------------------------------------------

  private block(body: Stmt[]): Ex {
    const fns: Ex[] = [];
    for (let i = 0; i < body.length; i++) {
      const st = body[i]!;
      if (st.type === 'text' || st.type === 'print') {
        // A run of text and prints becomes one string and one push: fewer pieces to join.
        const run: (string | Ev)[] = [];
        let j = i;
        for (; j < body.length; j++) {
          const r = body[j]!;
          if (r.type === 'text') {
            if (typeof run[run.length - 1] === 'string') run[run.length - 1] += r.text;
            else run.push(r.text);
          } else if (r.type === 'print') {
            run.push(this.expr(r.expr));
          } else break;
        }
        fns.push(this.outputRun(run, st.span));
        i = j - 1;
      } else {
        fns.push(this.stmt(st));
      }
    }
    if (fns.length === 0) return noop;
    if (fns.length === 1) return fns[0]!;
    if (fns.length === 2) {
      const [a, b] = fns as [Ex, Ex];
      return (s) => {
        a(s);
        b(s);
      };
    }
    const n = fns.length;
    return (s) => {
      for (let i = 0; i < n; i++) fns[i]!(s);
    };
  }

  private outputTooLong(s: State, span: Span): never {
    this.fail(span, loopOutput(s.maxOutput));
  }

  private outputRun(run: (string | Ev)[], span: Span): Ex {
    if (run.length === 1) {
      const only = run[0]!;
      if (typeof only === 'string') return this.text(only, span);
      return (s) => {
        const v = only(s);
        const text = typeof v === 'string' ? v : toOutput(v);
        s.parts.push(text);
        if ((s.length += text.length) > s.maxOutput) this.outputTooLong(s, span);
      };
    }
    const n = run.length;
    return (s) => {
      let text = '';
      for (let i = 0; i < n; i++) {
        const r = run[i]!;
        if (typeof r === 'string') text += r;
        else {
          const v = r(s);
          text += typeof v === 'string' ? v : toOutput(v);
        }
      }
      s.parts.push(text);
      if ((s.length += text.length) > s.maxOutput) this.outputTooLong(s, span);
    };
  }

  private text(text: string, span: Span): Ex {
    return (s) => {
      s.parts.push(text);
      if ((s.length += text.length) > s.maxOutput) this.outputTooLong(s, span);
    };
  }

  private stmt(st: Stmt): Ex {
    switch (st.type) {
      case 'text':
        return this.text(st.text, st.span);
      case 'print': {
        const ev = this.expr(st.expr);
        const span = st.span;
        return (s) => {
          const v = ev(s);
          const text = typeof v === 'string' ? v : toOutput(v);
          s.parts.push(text);
          if ((s.length += text.length) > s.maxOutput) this.outputTooLong(s, span);
        };
      }
      case 'if':
        return this.ifStmt(st);
      case 'for':
        return this.forStmt(st);
      case 'set':
        return this.setStmt(st);
      case 'filterBlock':
        return this.filterBlock(st);
    }
  }

  private ifStmt(st: Extract<Stmt, { type: 'if' }>): Ex {
    const conds = st.branches.map((b) => this.condition(b.cond, 'if'));
    const bodies = st.branches.map((b) => this.block(b.body));
    const otherwise = st.elseBody ? this.block(st.elseBody) : noop;
    if (conds.length === 1) {
      const c = conds[0]!;
      const b = bodies[0]!;
      return (s) => (c(s) ? b(s) : otherwise(s));
    }
    const n = conds.length;
    return (s) => {
      for (let i = 0; i < n; i++) {
        if (conds[i]!(s)) return bodies[i]!(s);
      }
      otherwise(s);
    };
  }

  /** `m | added`, `removedSegments(m)`...: iterate the selected entries without an interim map. */
  private segmentIterable(e: Expr): Ev | null {
    let statuses: ReadonlySet<string> | undefined;
    let input: Expr | undefined;
    let what: Arg = '';
    if (e.type === 'filter' && (e.name === 'added' || e.name === 'removed') && e.args.positional.length + e.args.named.length === 0) {
      statuses = e.name === 'added' ? ADDED : REMOVED;
      input = e.input;
      what = e.name === 'added' ? en`The "added" filter` : en`The "removed" filter`;
    } else if (e.type === 'call' && (e.name === 'addedSegments' || e.name === 'removedSegments') && e.args.positional.length === 1 && e.args.named.length === 0) {
      statuses = e.name === 'addedSegments' ? ADDED : REMOVED;
      input = e.args.positional[0]!;
      what = `${e.name}()`;
    }
    if (!statuses || !input) return null;
    const ev = this.expr(input);
    const span = e.type === 'filter' || e.type === 'call' ? e.nameSpan : e.span;
    const st = statuses;
    return (s) => {
      try {
        return segmentEntries(ev(s), st, what);
      } catch (err) {
        if (err instanceof ValueError) this.fail(span, err.text);
        throw err;
      }
    };
  }

  private forStmt(st: Extract<Stmt, { type: 'for' }>): Ex {
    const iterable = this.segmentIterable(st.iterable) ?? this.expr(st.iterable);
    const elseBody = st.elseBody ? this.block(st.elseBody) : null;
    const scope: Scope = { names: new Map(), parent: this.scope };
    const varSlot = this.declare(scope, st.variable);
    const loopSlot = this.declare(scope, 'loop');
    const sets = new Set<string>();
    collectSets(st.body, sets, false);
    for (const name of sets) this.declare(scope, name);
    this.scope = scope;
    const body = this.block(st.body);
    this.scope = scope.parent!;
    const own = [...scope.names.values()];
    const iterSpan = st.iterable.span;

    const reset = (slots: unknown[]) => {
      for (let i = 0; i < own.length; i++) slots[own[i]!] = UNSET;
    };
    const tooManySteps = (s: State): never =>
      this.fail(iterSpan, loopSteps(s.maxSteps));

    let loopInfo: LoopInfo | undefined;
    return (s) => {
      const it = iterable(s);
      if (it === null || it === undefined) return;
      const slots = s.slots;
      let keys: string[] | null = null;
      let n: number;
      if (Array.isArray(it)) n = it.length;
      else if (isMap(it)) n = (keys = Object.keys(it)).length;
      else this.fail(iterSpan, notIterable(it));
      if (n === 0) {
        if (elseBody) elseBody(s);
        return;
      }
      reset(slots);
      // One LoopInfo per for node, reused: loops cannot recurse, and it saves an allocation per run.
      const loop = (loopInfo ??= new LoopInfo());
      loop.length = n;
      slots[loopSlot] = loop;
      for (let i = 0; i < n; i++) {
        if (++s.steps > s.maxSteps) tooManySteps(s);
        loop.index = i;
        loop.revindex = n - i - 1;
        loop.first = i === 0;
        loop.last = i === n - 1;
        if (keys === null) slots[varSlot] = (it as unknown[])[i];
        else slots[varSlot] = new MapEntry(keys[i]!, (it as Record<string, unknown>)[keys[i]!]);
        body(s);
      }
      reset(slots);
    };
  }

  private setStmt(st: Extract<Stmt, { type: 'set' }>): Ex {
    const ev = this.expr(st.value);
    const c = this.candidates(st.name);
    const rootSlot = this.root.names.get(st.name)!;
    const name = st.name;
    const first = c[0]!;
    return (s) => {
      const v = ev(s);
      const slots = s.slots;
      for (let i = 0; i < c.length; i++) {
        if (slots[c[i]!] !== UNSET) {
          slots[c[i]!] = v;
          return;
        }
      }
      slots[Object.prototype.hasOwnProperty.call(s.ctx, name) ? rootSlot : first] = v;
    };
  }

  private filterBlock(st: Extract<Stmt, { type: 'filterBlock' }>): Ex {
    const body = this.block(st.body);
    let apply: (s: State, v: unknown) => unknown = (_s, v) => v;
    for (const f of st.filters) {
      const prev = apply;
      const call = this.filterCall(f);
      apply = (s, v) => call(s, prev(s, v));
    }
    const span = st.span;
    return (s) => {
      const mark = s.parts.length;
      const markLength = s.length;
      body(s);
      const captured = s.parts.splice(mark).join('');
      s.length = markLength;
      const v = apply(s, captured);
      const text = typeof v === 'string' ? v : toOutput(v);
      s.parts.push(text);
      if ((s.length += text.length) > s.maxOutput) this.outputTooLong(s, span);
    };
  }

  // ---- expressions ------------------------------------------------------------------------

  /** A condition for if/and/or/not/ternary: Pebble accepts booleans, numbers and strings. */
  private condition(e: Expr, where: Where): (s: State) => boolean {
    const ev = this.expr(e);
    const span = e.span;
    return (s) => {
      const v = ev(s);
      if (v === true || v === false) return v;
      return this.truthy(v, where, span);
    };
  }

  private truthy(v: unknown, where: Where, span: Span): boolean {
    if (v === null || v === undefined) return false;
    if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
    if (typeof v === 'string') return v.length > 0;
    if (typeof v === 'boolean') return v;
    return this.fail(span, notCondition(where, v));
  }

  private expr(e: Expr): Ev {
    switch (e.type) {
      case 'literal': {
        const v = e.value;
        return () => v;
      }
      case 'name':
        return this.variable(e.name);
      case 'member':
        return this.member(e);
      case 'list': {
        const items = e.items.map((i) => this.expr(i));
        return (s) => items.map((f) => f(s));
      }
      case 'map': {
        const entries = e.entries.map((en) => [this.expr(en.key), this.expr(en.value)] as const);
        return (s) => {
          const m = newMap();
          for (const [k, v] of entries) m[toOutput(k(s))] = v(s);
          return m;
        };
      }
      case 'unary':
        return this.unary(e);
      case 'binary':
        return this.binary(e);
      case 'test':
        return this.test(e);
      case 'filter': {
        const input = this.expr(e.input);
        const call = this.filterCall(e);
        return (s) => call(s, input(s));
      }
      case 'call':
        return this.call(e);
      case 'ternary': {
        const c = this.condition(e.cond, '?:');
        const a = this.expr(e.then);
        const b = this.expr(e.otherwise);
        return (s) => (c(s) ? a(s) : b(s));
      }
    }
  }

  private variable(name: string): Ev {
    const c = this.candidates(name);
    const fromCtx: Ev = isInheritedName(name)
      ? (s) => getMember(s.ctx, name)
      : (s) => {
          const v = s.ctx[name];
          return v === undefined ? null : v;
        };
    if (c.length === 0) return fromCtx;
    if (c.length === 1) {
      const k = c[0]!;
      return (s) => {
        const v = s.slots[k];
        return v !== UNSET ? v : fromCtx(s);
      };
    }
    return (s) => {
      for (let i = 0; i < c.length; i++) {
        const v = s.slots[c[i]!];
        if (v !== UNSET) return v;
      }
      return fromCtx(s);
    };
  }

  private member(e: Extract<Expr, { type: 'member' }>): Ev {
    // Flatten a.b.c into one closure over pre-split names.
    const { base: node, keys } = staticMemberChain(e);
    if (keys.length > 0) {
      const base = this.expr(node);
      if (keys.length === 1) {
        const k0 = keys[0]!;
        return (s) => getOwnName(base(s), k0);
      }
      if (keys.length === 2) {
        const [k0, k1] = keys as [string, string];
        return (s) => getOwnName(getOwnName(base(s), k0), k1);
      }
      const n = keys.length;
      return (s) => {
        let v = base(s);
        for (let i = 0; i < n && v !== null; i++) v = getOwnName(v, keys[i]!);
        return v;
      };
    }
    const obj = this.expr(e.object);
    const key = this.expr(e.key);
    return (s) => getMember(obj(s), key(s));
  }

  private unary(e: Extract<Expr, { type: 'unary' }>): Ev {
    if (e.op === 'not') {
      const c = this.condition(e.operand, 'not');
      return (s) => !c(s);
    }
    const operand = this.expr(e.operand);
    const sign = e.op === '-' ? -1 : 1;
    const span = e.span;
    return (s) => {
      const v = operand(s);
      if (typeof v !== 'number') this.fail(span, en`Unary "${e.op}" needs a number, not ${aType(v)}.`);
      return sign * v;
    };
  }

  private binary(e: Extract<Expr, { type: 'binary' }>): Ev {
    const op = e.op;
    if (op === 'and' || op === 'or') {
      const a = this.condition(e.left, op);
      const b = this.condition(e.right, op);
      return op === 'and' ? (s) => a(s) && b(s) : (s) => a(s) || b(s);
    }
    const a = this.expr(e.left);
    const b = this.expr(e.right);
    const span = e.opSpan;
    switch (op) {
      case '==':
        return (s) => deepEqual(a(s), b(s));
      case '!=':
        return (s) => !deepEqual(a(s), b(s));
      case '<': case '>': case '<=': case '>=':
        return (s) => this.compare(op, a(s), b(s), span);
      case '~':
        return (s) => {
          const r = toOutput(a(s)) + toOutput(b(s));
          if (r.length > s.maxOutput) this.fail(span, en`A string built with "~" exceeded maxOutput (${s.maxOutput} characters).`);
          return r;
        };
      case 'contains':
        return (s) => this.contains(a(s), b(s), span);
      case '+':
        return (s) => this.add(s, a(s), b(s), span);
      case '-':
        return (s) => {
          const x = a(s);
          const y = b(s);
          if (Array.isArray(x)) {
            const drop = Array.isArray(y) ? y : [y];
            return Array.isArray(y) ? x.filter((v) => !drop.some((d) => deepEqual(v, d))) : removeFirst(x, y);
          }
          return this.math(op, x, y, span);
        };
      case '*': case '/': case '%': {
        const decimal = isDecimal(e.left) || isDecimal(e.right);
        return (s) => this.math(op, a(s), b(s), span, decimal);
      }
    }
  }

  private math(op: '+' | '-' | '*' | '/' | '%', x: unknown, y: unknown, span: Span, decimal = false): number {
    if (typeof x !== 'number' || typeof y !== 'number') {
      this.fail(span, en`"${op}" needs two numbers but got ${aType(x)} and ${aType(y)}.`);
    }
    try {
      return arithmetic(op, x, y, decimal);
    } catch (err) {
      if (err instanceof ValueError) this.fail(span, err.text);
      throw err;
    }
  }

  private add(s: State, x: unknown, y: unknown, span: Span): unknown {
    if (typeof x === 'string' || typeof y === 'string') {
      const r = stringValueOf(x) + stringValueOf(y);
      if (r.length > s.maxOutput) this.fail(span, en`A string built with "+" exceeded maxOutput (${s.maxOutput} characters).`);
      return r;
    }
    if (Array.isArray(x)) {
      const r = Array.isArray(y) ? [...x, ...y] : [...x, y];
      this.charge(s, r.length, span);
      return r;
    }
    return this.math('+', x, y, span);
  }

  /** Building big lists costs steps, so doubling a list in a loop hits maxSteps, not the heap. */
  private charge(s: State, n: number, span: Span): void {
    s.steps += n;
    if (s.steps > s.maxSteps) {
      this.fail(span, en`The template exceeded maxSteps (${s.maxSteps} evaluation steps) while building lists. Raise maxSteps if the data is really that large.`);
    }
  }

  private compare(op: '<' | '>' | '<=' | '>=', x: unknown, y: unknown, span: Span): boolean {
    // Pebble: a comparison with null is false, not an error.
    if (x === null || x === undefined || y === null || y === undefined) return false;
    if (typeof x !== 'number' || typeof y !== 'number') {
      this.fail(span, en`"${op}" compares numbers but got ${aType(x)} and ${aType(y)}.`);
    }
    switch (op) {
      case '<': return x < y;
      case '>': return x > y;
      case '<=': return x <= y;
      case '>=': return x >= y;
    }
  }

  private contains(x: unknown, y: unknown, span: Span): boolean {
    if (x === null || x === undefined) return false;
    if (typeof x === 'string') return x.includes(stringValueOf(y));
    if (Array.isArray(x)) {
      if (Array.isArray(y)) return y.every((v) => x.some((w) => deepEqual(v, w)));
      return x.some((w) => deepEqual(y, w));
    }
    if (isMap(x)) {
      const has = (k: unknown) => Object.prototype.hasOwnProperty.call(x, toOutput(k));
      return Array.isArray(y) ? y.every(has) : has(y);
    }
    return this.fail(span, en`"contains" needs a list, a map or a string on its left, not ${aType(x)}.`);
  }

  private test(e: Extract<Expr, { type: 'test' }>): Ev {
    const operand = this.expr(e.operand);
    const neg = e.negated;
    const span = e.nameSpan;
    let t: (v: unknown) => boolean;
    switch (e.name) {
      case 'empty': t = isEmpty; break;
      case 'null': t = (v) => v === null || v === undefined; break;
      case 'defined': t = (v) => v !== null && v !== undefined; break;
      case 'iterable': t = (v) => Array.isArray(v); break;
      case 'map': t = isMap; break;
      case 'odd': case 'even': {
        const want = e.name === 'odd' ? 1 : 0;
        t = (v) => {
          if (typeof v !== 'number') this.fail(span, en`The "${e.name}" test needs a number, not ${aType(v)}.`);
          return Math.abs(Math.trunc(v) % 2) === want;
        };
        break;
      }
      default:
        t = () => this.fail(span, en`Unknown test "${e.name}".`);
    }
    return neg ? (s) => !t(operand(s)) : (s) => t(operand(s));
  }

  /** Orders positional and named arguments as the spec's parameters. */
  private orderedArgs(args: Args, params: readonly string[] | null): Ev[] {
    if (params === null) return args.positional.map((a) => this.expr(a));
    const out: Ev[] = args.positional.map((a) => this.expr(a));
    for (const n of args.named) {
      const i = params.indexOf(n.name);
      if (i >= 0) out[i] = this.expr(n.value);
    }
    const none: Ev = () => undefined;
    for (let i = 0; i < out.length; i++) out[i] ??= none;
    return out;
  }

  private filterCall(f: FilterCall): (s: State, input: unknown) => unknown {
    const impl: FilterFn | undefined = FILTER_IMPLS[f.name];
    const spec = FILTER_SPECS[f.name];
    const span = f.nameSpan;
    if (!impl || !spec) return () => this.fail(span, en`Unknown filter "${f.name}".`);
    const args = this.orderedArgs(f.args, spec.params);
    const n = args.length;
    const invoke = (s: State, input: unknown, values: unknown[]) => {
      let r: unknown;
      try {
        r = impl(input, values);
      } catch (err) {
        if (err instanceof ValueError) this.fail(span, en`Filter "${f.name}": ${err.text}`);
        throw err;
      }
      if (typeof r === 'string' && r.length > s.maxOutput) this.fail(span, en`Filter "${f.name}" produced more than maxOutput (${s.maxOutput} characters).`);
      if (Array.isArray(r) && r.length > 64) this.charge(s, r.length, span);
      return r;
    };
    if (n === 0) {
      const empty: unknown[] = [];
      return (s, input) => invoke(s, input, empty);
    }
    return (s, input) => {
      const values = new Array<unknown>(n);
      for (let i = 0; i < n; i++) values[i] = args[i]!(s);
      return invoke(s, input, values);
    };
  }

  private call(e: Extract<Expr, { type: 'call' }>): Ev {
    const impl = FUNCTION_IMPLS[e.name];
    const spec = FUNCTION_SPECS[e.name];
    const span = e.nameSpan;
    if (!impl || !spec) return () => this.fail(span, en`Unknown function "${e.name}".`);
    const args = this.orderedArgs(e.args, spec.params);
    return (s) => {
      const values = args.map((a) => a(s));
      try {
        return impl(values);
      } catch (err) {
        if (err instanceof ValueError) this.fail(span, en`${e.name}(): ${err.text}`);
        throw err;
      }
    };
  }
}

/** Statically a Java double: a decimal literal, or arithmetic involving one. */
function isDecimal(e: Expr): boolean {
  if (e.type === 'literal') return e.decimal === true;
  if (e.type === 'unary') return e.op !== 'not' && isDecimal(e.operand);
  if (e.type === 'binary' && ['+', '-', '*', '/', '%'].includes(e.op)) return isDecimal(e.left) || isDecimal(e.right);
  return false;
}

function removeFirst(list: unknown[], v: unknown): unknown[] {
  const i = list.findIndex((w) => deepEqual(v, w));
  return i === -1 ? [...list] : [...list.slice(0, i), ...list.slice(i + 1)];
}

/** Names assigned by `set` in a body; nested for bodies are their own scope unless `deep`. */
function collectSets(body: Stmt[], into: Set<string>, deep: boolean): void {
  for (const st of body) {
    switch (st.type) {
      case 'set':
        into.add(st.name);
        break;
      case 'if':
        for (const b of st.branches) collectSets(b.body, into, deep);
        if (st.elseBody) collectSets(st.elseBody, into, deep);
        break;
      case 'filterBlock':
        collectSets(st.body, into, deep);
        break;
      case 'for':
        if (deep) collectSets(st.body, into, deep);
        // the else branch runs in the enclosing scope
        if (st.elseBody) collectSets(st.elseBody, into, deep);
        break;
    }
  }
}
