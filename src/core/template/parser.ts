/**
 * Parser: tokens -> syntax tree, with Pebble's precedence-climbing expression grammar
 * (or 10, and 15, is/contains 20, comparisons 30, + - 40, * / % 60, | 100, ~ 110, unary 500).
 *
 * It never throws. A syntax error inside one `{{ }}` or `{% %}` is recorded and parsing resumes
 * after that delimiter, so one typo does not hide the next problem. Nesting (blocks, parentheses,
 * operator chains) is capped at MAX_DEPTH so hostile input cannot overflow the stack here or in
 * the evaluator, which recurses along the same tree.
 */
import { en, say, type Text } from '../report/l10n';
import type { Args, BinaryOp, Expr, FilterCall, Stmt } from './ast';
import { FILTER_SPECS, FUNCTION_SPECS, SUPPORTED_TAGS, TESTS, UNSUPPORTED_TAGS, type CallableSpec } from './catalog';
import type { Span } from './errors';
import { lex, type Token } from './lexer';
import { didYouMeanText } from '../text/suggest';

export const MAX_DEPTH = 200;

export interface Problem {
  message: string;
  /** `message` as a template and arguments, for a front end that translates it. */
  text?: Text;
  span: Span;
}

/** A syntax error inside one delimiter: recover at its end. */
class SyntaxFail extends Error {
  constructor(
    readonly text: Text,
    readonly span: Span,
  ) {
    super(say(text));
  }
}

/** Nesting beyond MAX_DEPTH: stop parsing altogether. */
class Abort extends Error {}

const BINARY: Readonly<Record<string, { prec: number; op: BinaryOp | 'test' | 'filter' | 'range' }>> = {
  or: { prec: 10, op: 'or' },
  and: { prec: 15, op: 'and' },
  is: { prec: 20, op: 'test' },
  'is not': { prec: 20, op: 'test' },
  contains: { prec: 20, op: 'contains' },
  '==': { prec: 30, op: '==' },
  equals: { prec: 30, op: '==' },
  '!=': { prec: 30, op: '!=' },
  '<': { prec: 30, op: '<' },
  '>': { prec: 30, op: '>' },
  '<=': { prec: 30, op: '<=' },
  '>=': { prec: 30, op: '>=' },
  '+': { prec: 40, op: '+' },
  '-': { prec: 40, op: '-' },
  '*': { prec: 60, op: '*' },
  '/': { prec: 60, op: '/' },
  '%': { prec: 60, op: '%' },
  '|': { prec: 100, op: 'filter' },
  '~': { prec: 110, op: '~' },
  '..': { prec: 120, op: 'range' },
};
const UNARY_PRECEDENCE = 500;
const RESERVED = new Set(['true', 'false', 'null', 'none']);
const RANGE_MESSAGE = en`range() is not supported by Adobe's Pebble`;
/** Why some well-known names are not in the tables (Twig aliases, Pebble functions that need an unsupported tag). */
const NOT_IN_PEBBLE: Readonly<Record<string, Text>> = {
  'filter:e': en`Pebble has no "e" filter (that is Twig's alias); use "escape".`,
  'filter:format': en`Pebble added "format" (Java's String.format) in 4.1.2, 2026; Adobe does not say its fork has it and this product does not model it. Join the parts with "~" instead.`,
  'filter:keys': en`Pebble has no "keys" filter; iterate the map instead: {% for entry in map %}{{ entry.key }}{% endfor %}.`,
  'function:block': en`block() needs the "block" tag, which Adobe's Pebble does not support.`,
  'function:parent': en`parent() needs the "extends" and "block" tags, which Adobe's Pebble does not support.`,
  'function:i18n': en`i18n() needs resource bundles, which a destination cannot ship.`,
};
const END_TAGS = ['endfor', 'endif', 'endfilter', 'else', 'elseif'];

export function parse(source: string): { body: Stmt[]; problems: Problem[] } {
  const { tokens, problems: lexProblems } = lex(source);
  const parser = new Parser(tokens);
  let body: Stmt[] = [];
  try {
    body = parser.parseTemplate();
  } catch (e) {
    if (!(e instanceof Abort)) throw e;
    body = [];
  }
  const problems = [...lexProblems, ...parser.problems].sort((a, b) => a.span.offset - b.span.offset);
  return { body, problems };
}

class Parser {
  readonly problems: Problem[] = [];
  private i = 0;
  private blockDepth = 0;
  private exprDepth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseTemplate(): Stmt[] {
    return this.parseBody([]).body;
  }

  // ---- statements -------------------------------------------------------------------------

  private parseBody(ends: readonly string[]): { body: Stmt[]; end: Token | null } {
    const body: Stmt[] = [];
    for (;;) {
      const t = this.tokens[this.i]!;
      switch (t.type) {
        case 'eof':
          return { body, end: null };
        case 'text':
          body.push({ type: 'text', text: t.value, span: { offset: t.offset, length: t.length } });
          this.i++;
          break;
        case 'printOpen':
          this.parsePrint(body);
          break;
        case 'tagOpen': {
          const nameTok = this.tokens[this.i + 1]!;
          if (nameTok.type === 'name' && ends.includes(nameTok.value)) {
            this.i += 2;
            return { body, end: nameTok };
          }
          this.parseTag(body);
          break;
        }
        default:
          this.i++; // a stray close left by error recovery
      }
    }
  }

  private parsePrint(body: Stmt[]): void {
    const open = this.next();
    try {
      if (this.cur().type === 'printClose') throw new SyntaxFail(en`Empty "{{ }}": write an expression to print between the braces.`, this.spanOf(open, this.cur()));
      const expr = this.parseExpression();
      this.expectClose('printClose');
      body.push({ type: 'print', expr, span: this.spanFrom(open.offset) });
    } catch (e) {
      this.recover(e);
    }
  }

  private parseTag(body: Stmt[]): void {
    const open = this.next();
    const nameTok = this.cur();
    if (nameTok.type !== 'name') {
      this.problem(en`Expected a tag name after "{%" (for, if, set or filter).`, nameTok.type === 'tagClose' ? this.spanOf(open, nameTok) : this.span(nameTok));
      this.skipTag();
      return;
    }
    this.i++;
    const name = nameTok.value;
    if (SUPPORTED_TAGS.includes(name)) {
      try {
        if (name === 'for') body.push(this.parseFor(open, nameTok));
        else if (name === 'if') body.push(this.parseIf(open, nameTok));
        else if (name === 'set') body.push(this.parseSet(open, nameTok));
        else body.push(this.parseFilterBlock(open, nameTok));
      } catch (e) {
        this.recover(e);
      }
      return;
    }
    if (END_TAGS.includes(name)) {
      const opener = name === 'else' || name === 'elseif' ? en`if or for` : name.slice(3);
      this.problem(en`Unexpected "{% ${name} %}": no {% ${opener} %} is open here.`, this.span(nameTok));
    } else if (!(name.startsWith('end') && UNSUPPORTED_TAGS.includes(name.slice(3)))) {
      const hint = UNSUPPORTED_TAGS.includes(name) ? '' : didYouMeanText(name, SUPPORTED_TAGS);
      this.problem(en`unsupported tag "${name}": Adobe's Pebble supports only for, if, set and filter.${hint}`, this.span(nameTok));
    }
    this.skipTag();
  }

  private parseFor(open: Token, nameTok: Token): Stmt {
    let variable = '';
    let variableSpan: Span = this.span(nameTok);
    let iterable: Expr = literal(null, this.span(nameTok));
    try {
      const v = this.expectName(en`a loop variable name after "for"`);
      this.checkAssignable(v);
      variable = v.value;
      variableSpan = this.span(v);
      const inTok = this.cur();
      if (!(inTok.type === 'name' && inTok.value === 'in')) throw this.fail(en`Expected "in" after "for ${variable}".`, inTok);
      this.i++;
      iterable = this.parseExpression();
      this.expectClose('tagClose');
    } catch (e) {
      this.recover(e);
    }
    // A close of length 0 is the lexer's stand-in for a missing `%}`: the body has not begun.
    const close = this.tokens[this.i - 1]!;
    const bodyStart = close.type === 'tagClose' && close.length > 0 ? close.offset + close.length : -1;
    this.enterBlock(nameTok);
    const main = this.parseBody(['else', 'endfor']);
    const bodyEnd = main.end ? this.tokens[this.i - 2]!.offset : this.cur().offset;
    const bodySpan = bodyStart < 0 ? null : { offset: bodyStart, length: Math.max(0, bodyEnd - bodyStart) };
    let elseBody: Stmt[] | null = null;
    let end = main.end;
    if (end?.value === 'else') {
      this.closeEndTag();
      const rest = this.parseBody(['endfor']);
      elseBody = rest.body;
      end = rest.end;
    }
    this.finishBlock(end, nameTok, 'endfor');
    return { type: 'for', variable, variableSpan, iterable, body: main.body, elseBody, span: this.spanOf(open, nameTok), bodySpan };
  }

  private parseIf(open: Token, nameTok: Token): Stmt {
    const branches: { cond: Expr; body: Stmt[] }[] = [];
    let cond = this.parseTagExpression(nameTok);
    this.enterBlock(nameTok);
    let elseBody: Stmt[] | null = null;
    for (;;) {
      const part = this.parseBody(['elseif', 'else', 'endif']);
      branches.push({ cond, body: part.body });
      if (part.end?.value === 'elseif') {
        cond = this.parseTagExpression(part.end);
        continue;
      }
      let end = part.end;
      if (end?.value === 'else') {
        this.closeEndTag();
        const rest = this.parseBody(['endif']);
        elseBody = rest.body;
        end = rest.end;
      }
      this.finishBlock(end, nameTok, 'endif');
      break;
    }
    return { type: 'if', branches, elseBody, span: this.spanOf(open, nameTok) };
  }

  private parseSet(open: Token, nameTok: Token): Stmt {
    const v = this.expectName(en`a variable name after "set"`);
    this.checkAssignable(v);
    const eq = this.cur();
    if (!(eq.type === 'punct' && eq.value === '=')) throw this.fail(en`Expected "=" after "set ${v.value}".`, eq);
    this.i++;
    const value = this.parseExpression();
    this.expectClose('tagClose');
    return { type: 'set', name: v.value, nameSpan: this.span(v), value, span: this.spanOf(open, nameTok) };
  }

  private parseFilterBlock(open: Token, nameTok: Token): Stmt {
    const filters: FilterCall[] = [];
    try {
      for (;;) {
        filters.push(this.parseFilterCall());
        const t = this.cur();
        if (t.type === 'punct' && t.value === '|') {
          this.i++;
          continue;
        }
        break;
      }
      this.expectClose('tagClose');
    } catch (e) {
      this.recover(e);
    }
    this.enterBlock(nameTok);
    const { body, end } = this.parseBody(['endfilter']);
    this.finishBlock(end, nameTok, 'endfilter');
    return { type: 'filterBlock', filters, body, span: this.spanOf(open, nameTok) };
  }

  /** The condition of if/elseif; on a syntax error, recover and use null. */
  private parseTagExpression(nameTok: Token): Expr {
    try {
      if (this.cur().type === 'tagClose') throw this.fail(en`"{% ${nameTok.value} %}" needs a condition.`, nameTok);
      const e = this.parseExpression();
      this.expectClose('tagClose');
      return e;
    } catch (e) {
      this.recover(e);
      return literal(null, this.span(nameTok));
    }
  }

  private enterBlock(nameTok: Token): void {
    if (++this.blockDepth > MAX_DEPTH) {
      this.problem(en`Blocks are nested more than ${MAX_DEPTH} deep: flatten the template.`, this.span(nameTok));
      throw new Abort();
    }
  }

  private finishBlock(end: Token | null, opener: Token, endName: string): void {
    this.blockDepth--;
    if (!end) {
      this.problem(en`Unclosed "{% ${opener.value} %}": add "{% ${endName} %}".`, this.span(opener));
      return;
    }
    this.closeEndTag();
  }

  /** After an end/else tag name: expect `%}`; anything else is an error. */
  private closeEndTag(): void {
    try {
      this.expectClose('tagClose');
    } catch (e) {
      this.recover(e);
    }
  }

  // ---- expressions ------------------------------------------------------------------------

  private parseExpression(minPrec = 0): Expr {
    if (++this.exprDepth > MAX_DEPTH) throw this.tooDeep(this.span(this.cur()));
    try {
      let left = this.parseOperand();
      for (;;) {
        const t = this.cur();
        const info = (t.type === 'op' || (t.type === 'punct' && t.value === '|')) ? BINARY[t.value] : undefined;
        if (!info || info.prec < minPrec) break;
        this.i++;
        const opSpan = this.span(t);
        if (info.op === 'range') throw new SyntaxFail(en`${RANGE_MESSAGE} (the ".." operator is range()).`, opSpan);
        if (info.op === 'filter') {
          const call = this.parseFilterCall();
          left = this.node({ type: 'filter', input: left, ...call, span: this.join(left.span), depth: 0 }, left, ...call.args.positional, ...call.args.named.map((a) => a.value));
        } else if (info.op === 'test') {
          const nameTok = this.expectName(en`a test name after "is" (empty, null, defined, odd, even, iterable, map)`);
          if (!TESTS.includes(nameTok.value)) {
            this.problem(en`Unknown test "${nameTok.value}".${didYouMeanText(nameTok.value, TESTS)} Tests: ${TESTS.join(', ')}.`, this.span(nameTok));
          }
          if (this.isPunct('(')) throw this.fail(en`The test "${nameTok.value}" takes no arguments.`, this.cur());
          left = this.node({ type: 'test', negated: t.value === 'is not', operand: left, name: nameTok.value, nameSpan: this.span(nameTok), span: this.join(left.span), depth: 0 }, left);
        } else {
          const right = this.parseExpression(info.prec + 1);
          left = this.node({ type: 'binary', op: info.op, left, right, opSpan, span: this.join(left.span), depth: 0 }, left, right);
        }
      }
      if (minPrec === 0 && this.isPunct('?')) {
        this.i++;
        const then = this.parseExpression();
        this.expectPunct(':', en`in a "cond ? a : b" expression`);
        const otherwise = this.parseExpression();
        left = this.node({ type: 'ternary', cond: left, then, otherwise, span: this.join(left.span), depth: 0 }, left, then, otherwise);
      }
      return left;
    } finally {
      this.exprDepth--;
    }
  }

  private parseOperand(): Expr {
    const t = this.cur();
    const start = t.offset;
    if (t.type === 'op' && (t.value === 'not' || t.value === '-' || t.value === '+')) {
      this.i++;
      const operand = this.parseExpression(UNARY_PRECEDENCE);
      return this.node({ type: 'unary', op: t.value, operand, span: this.spanFrom(start), depth: 0 }, operand);
    }
    let e: Expr;
    if (t.type === 'punct' && t.value === '(') {
      this.i++;
      e = this.parseExpression();
      this.expectPunct(')', en`to close "("`);
    } else if (t.type === 'punct' && t.value === '[') {
      e = this.parseList();
    } else if (t.type === 'punct' && t.value === '{') {
      e = this.parseMap();
    } else if (t.type === 'name') {
      this.i++;
      switch (t.value) {
        case 'true': case 'TRUE':
          e = literal(true, this.span(t)); break;
        case 'false': case 'FALSE':
          e = literal(false, this.span(t)); break;
        case 'null': case 'NULL': case 'none': case 'NONE':
          e = literal(null, this.span(t)); break;
        default:
          e = this.isPunct('(') ? this.parseCall(t) : { type: 'name', name: t.value, span: this.span(t), depth: 1 };
      }
    } else if (t.type === 'number') {
      this.i++;
      e = literal(Number(t.value), this.span(t));
      if (t.value.includes('.')) e = { ...e, decimal: true } as Expr;
    } else if (t.type === 'string') {
      this.i++;
      e = literal(t.value, this.span(t));
    } else {
      throw this.fail(en`Expected an expression but found ${describe(t)}.`, t);
    }
    return this.parsePostfix(e);
  }

  private parsePostfix(e: Expr): Expr {
    for (;;) {
      const t = this.cur();
      if (t.type === 'punct' && t.value === '.') {
        this.i++;
        const k = this.cur();
        if (k.type !== 'name' && k.type !== 'number') throw this.fail(en`Expected an attribute name after "." but found ${describe(k)}.`, k);
        this.i++;
        const key = literal(k.type === 'number' ? Number(k.value) : k.value, this.span(k));
        if (this.isPunct('(')) throw this.fail(en`Method calls like ".${k.value}(...)" are not supported: use a filter or function instead.`, k);
        e = this.node({ type: 'member', object: e, key, keySpan: this.span(k), span: this.join(e.span), depth: 0 }, e);
      } else if (t.type === 'punct' && t.value === '[') {
        this.i++;
        const key = this.parseExpression();
        this.expectPunct(']', en`to close "["`);
        e = this.node({ type: 'member', object: e, key, keySpan: this.spanFrom(t.offset), span: this.join(e.span), depth: 0 }, e, key);
      } else if (t.type === 'punct' && t.value === '(') {
        throw this.fail(en`Only a function name can be called with "(...)".`, t);
      } else {
        return e;
      }
    }
  }

  private parseList(): Expr {
    const open = this.next();
    const items: Expr[] = [];
    if (!this.isPunct(']')) {
      for (;;) {
        items.push(this.parseExpression());
        if (this.isPunct(']')) break;
        this.expectPunct(',', en`between list items`);
      }
    }
    this.i++;
    return this.node({ type: 'list', items, span: this.spanFrom(open.offset), depth: 0 }, ...items);
  }

  private parseMap(): Expr {
    const open = this.next();
    const entries: { key: Expr; value: Expr }[] = [];
    const children: Expr[] = [];
    if (!this.isPunct('}')) {
      for (;;) {
        const key = this.parseExpression();
        this.expectPunct(':', en`between a map key and its value`);
        const value = this.parseExpression();
        entries.push({ key, value });
        children.push(key, value);
        if (this.isPunct('}')) break;
        this.expectPunct(',', en`between map entries`);
      }
    }
    this.i++;
    return this.node({ type: 'map', entries, span: this.spanFrom(open.offset), depth: 0 }, ...children);
  }

  private parseCall(nameTok: Token): Expr {
    const nameSpan = this.span(nameTok);
    if (nameTok.value === 'range') {
      this.problem(en`${RANGE_MESSAGE}.`, nameSpan);
    }
    const args = this.parseArgs();
    const spec = FUNCTION_SPECS[nameTok.value];
    if (nameTok.value !== 'range') {
      if (!spec) {
        const why = NOT_IN_PEBBLE[`function:${nameTok.value}`];
        this.problem(en`Unknown function "${nameTok.value}".${why ? en` ${why}` : didYouMeanText(nameTok.value, Object.keys(FUNCTION_SPECS))} Functions: ${Object.keys(FUNCTION_SPECS).sort().join(', ')}.`, nameSpan);
      } else {
        this.checkArgs('Function', nameTok.value, spec, args, nameSpan);
      }
    }
    return this.node({ type: 'call', name: nameTok.value, nameSpan, args, span: this.spanFrom(nameTok.offset), depth: 0 }, ...args.positional, ...args.named.map((a) => a.value));
  }

  private parseFilterCall(): FilterCall {
    const nameTok = this.expectName(en`a filter name`);
    const nameSpan = this.span(nameTok);
    const args: Args = this.isPunct('(') ? this.parseArgs() : { positional: [], named: [] };
    const spec = FILTER_SPECS[nameTok.value];
    if (!spec) {
      const why = NOT_IN_PEBBLE[`filter:${nameTok.value}`];
      this.problem(en`Unknown filter "${nameTok.value}".${why ? en` ${why}` : didYouMeanText(nameTok.value, Object.keys(FILTER_SPECS)) || en` Filters: ${Object.keys(FILTER_SPECS).sort().join(', ')}.`}`, nameSpan);
    } else {
      this.checkArgs('Filter', nameTok.value, spec, args, nameSpan);
    }
    return { name: nameTok.value, nameSpan, args };
  }

  private parseArgs(): Args {
    this.i++; // '('
    const args: Args = { positional: [], named: [] };
    while (!this.isPunct(')')) {
      if (args.positional.length + args.named.length > 0) this.expectPunct(',', en`between arguments`);
      const t = this.cur();
      const after = this.tokens[this.i + 1]!;
      if (t.type === 'name' && after.type === 'punct' && after.value === '=') {
        this.i += 2;
        const value = this.parseExpression();
        args.named.push({ name: t.value, value, span: this.spanFrom(t.offset) });
      } else {
        const value = this.parseExpression();
        if (args.named.length > 0) throw new SyntaxFail(en`Positional arguments must come before named arguments.`, value.span);
        args.positional.push(value);
      }
    }
    this.i++;
    return args;
  }

  private checkArgs(which: 'Function' | 'Filter', name: string, spec: CallableSpec, args: Args, nameSpan: Span): void {
    const kind = which === 'Filter' ? en`Filter` : en`Function`;
    const lower = which === 'Filter' ? en`filter` : en`function`;
    const params = spec.params;
    if (params === null) {
      if (args.named.length > 0) this.problem(en`${kind} "${name}" takes no named arguments.`, args.named[0]!.span);
      else if (args.positional.length < spec.required) this.problem(spec.required > 1 ? en`${kind} "${name}" needs at least ${spec.required} arguments.` : en`${kind} "${name}" needs at least ${spec.required} argument.`, nameSpan);
      return;
    }
    const list = params.length ? params.join(', ') : en`none`;
    if (args.positional.length > params.length) {
      this.problem(params.length === 1 ? en`${kind} "${name}" takes at most ${params.length} argument (${list}).` : en`${kind} "${name}" takes at most ${params.length} arguments (${list}).`, args.positional[params.length]!.span);
      return;
    }
    const given = new Set(params.slice(0, args.positional.length));
    for (const a of args.named) {
      if (!params.includes(a.name)) {
        this.problem(en`${kind} "${name}" has no argument "${a.name}"; its arguments: ${list}.${didYouMeanText(a.name, params)}`, a.span);
      } else if (given.has(a.name)) {
        this.problem(en`Argument "${a.name}" of ${lower} "${name}" is given twice.`, a.span);
      }
      given.add(a.name);
    }
    for (const p of params.slice(0, spec.required)) {
      if (!given.has(p)) this.problem(en`${kind} "${name}" needs the argument "${p}".`, nameSpan);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------

  /** Sets the depth of a new node from its children and enforces the cap. */
  private node<T extends Expr>(e: T, ...children: Expr[]): T {
    let d = 0;
    for (const c of children) if (c.depth > d) d = c.depth;
    e.depth = d + 1;
    if (e.depth > MAX_DEPTH) throw this.tooDeep(e.span);
    return e;
  }

  private tooDeep(span: Span): SyntaxFail {
    return new SyntaxFail(en`Expression nested more than ${MAX_DEPTH} levels deep: simplify it or split it with {% set %}.`, span);
  }

  private cur(): Token {
    return this.tokens[this.i]!;
  }

  private next(): Token {
    return this.tokens[this.i++]!;
  }

  private isPunct(v: string): boolean {
    const t = this.tokens[this.i]!;
    return t.type === 'punct' && t.value === v;
  }

  private expectPunct(v: string, why: Text): void {
    if (!this.isPunct(v)) throw this.fail(en`Expected "${v}" ${why} but found ${describe(this.cur())}.`, this.cur());
    this.i++;
  }

  private expectName(what: Text): Token {
    const t = this.cur();
    if (t.type !== 'name') throw this.fail(en`Expected ${what} but found ${describe(t)}.`, t);
    this.i++;
    return t;
  }

  private expectClose(type: 'printClose' | 'tagClose'): void {
    const t = this.cur();
    if (t.type !== type) throw this.fail(en`Expected "${type === 'printClose' ? '}}' : '%}'}" but found ${describe(t)}.`, t);
    this.i++;
  }

  private checkAssignable(t: Token): void {
    if (RESERVED.has(t.value)) throw this.fail(en`Can not assign a value to "${t.value}": choose another name.`, t);
  }

  private recover(e: unknown): void {
    if (!(e instanceof SyntaxFail)) throw e;
    this.problems.push({ message: e.message, text: e.text, span: e.span });
    this.skipTag();
  }

  /** Skips to just after the close of the current delimiter (the lexer always emits one). */
  private skipTag(): void {
    for (;;) {
      const t = this.tokens[this.i]!;
      if (t.type === 'eof') return;
      this.i++;
      if (t.type === 'tagClose' || t.type === 'printClose') return;
    }
  }

  private problem(message: Text, span: Span): void {
    this.problems.push({ message: say(message), text: message, span });
  }

  private fail(message: Text, t: Token): SyntaxFail {
    return new SyntaxFail(message, this.span(t));
  }

  private span(t: Token): Span {
    return { offset: t.offset, length: t.length };
  }

  private spanOf(a: Token, b: Token): Span {
    return { offset: a.offset, length: b.offset + b.length - a.offset };
  }

  /** From `start` to the end of the last consumed token. */
  private spanFrom(start: number): Span {
    const last = this.tokens[this.i - 1]!;
    return { offset: start, length: Math.max(0, last.offset + last.length - start) };
  }

  private join(first: Span): Span {
    return this.spanFrom(first.offset);
  }
}

function literal(value: string | number | boolean | null, span: Span): Expr {
  return { type: 'literal', value, span, depth: 1 };
}

function describe(t: Token): Text {
  switch (t.type) {
    case 'eof':
      return en`the end of the template`;
    case 'string':
      return en`a string`;
    case 'text':
      return en`text`;
    default:
      return en`"${t.value}"`;
  }
}
