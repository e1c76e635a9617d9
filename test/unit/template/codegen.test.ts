/**
 * The generated-function path must render exactly what the evaluator renders: same output, same
 * error and position, same limits. Random templates from the fast path's subset, both ways.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { renderPath, renderTemplate, setFastPath, TemplateFailure } from '../../../src/core/template';
import { say } from '../../../src/core/report/l10n';
import { mulberry32 as prng } from '../../../src/simulator/prng';


const CONTEXTS = [
  { input: { profiles: [{ identityMap: { pinterest_audience: [{ id: 'a' }, { id: 'b' }] } }, { identityMap: {} }], aggregationKey: { segmentStatus: 'exited' } } },
  { input: { profiles: [], aggregationKey: { segmentStatus: 'realized' } } },
  { input: { profile: { identityMap: { pinterest_audience: [{ id: 'x"y' }] } } } },
  {},
];

function randomTemplate(r: () => number, depth = 0): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const parts: string[] = [];
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const kind = depth > 2 ? 0 : Math.floor(r() * 4);
    if (kind === 0) parts.push(pick(['{"a": ', ',', '\n  ', 'ADD', '"', ' ']));
    else if (kind === 1) parts.push(`{{ ${pick(['input.aggregationKey.segmentStatus', 'p.identityMap.pinterest_audience', 'i.id', 'loop.index', 'missing.path', 'input.profile.identityMap'])} }}`);
    else if (kind === 2) parts.push(`{% for ${pick(['p', 'i'])} in ${pick(['input.profiles', 'p.identityMap.pinterest_audience', 'input.profile.identityMap.pinterest_audience'])} %}${randomTemplate(r, depth + 1)}{% if not loop.last %},{% endif %}{% endfor %}`);
    else parts.push(`{% if ${pick(['input.aggregationKey.segmentStatus == "exited"', 'not loop.first', 'loop.last and not loop.first', 'input.profiles != null'])} %}${randomTemplate(r, depth + 1)}{% else %}${pick(['REMOVE', 'x'])}{% endif %}`);
  }
  return parts.join('');
}

function outcome(template: string, context: object, maxSteps?: number): string {
  try {
    return 'ok:' + renderTemplate(template, context as Record<string, unknown>, { maxSteps });
  } catch (e) {
    if (!(e instanceof TemplateFailure)) return `throw:${(e as Error).message}`;
    // The template a front end translates is the same on both paths, and says the message.
    assert.equal(e.text && say(e.text), e.message);
    return `error:${e.line}:${e.column}:${e.message}:${JSON.stringify(e.text)}`;
  }
}

after(() => setFastPath(true));

test('1,000 random templates render identically through both paths, limits included', () => {
  const r = prng(42);
  for (let i = 0; i < 1000; i++) {
    const template = randomTemplate(r);
    for (const context of CONTEXTS) {
      for (const maxSteps of [undefined, 3]) {
        setFastPath(true);
        assert.equal(renderPath(template).path, 'generated', `not on the fast path: ${template}`);
        const fast = outcome(template, context, maxSteps);
        setFastPath(false);
        assert.equal(renderPath(template).path, 'evaluator');
        const slow = outcome(template, context, maxSteps);
        assert.equal(fast, slow, `template: ${template}`);
      }
    }
  }
});

test('templates outside the subset render through the evaluator', () => {
  setFastPath(true);
  for (const t of ["{{ name | upper }}", '{% set x = 1 %}{{ x }}', '{{ 1 + 2 }}', '{{ range(1, 3) }}']) {
    assert.equal(renderPath(t).path, 'evaluator', t);
  }
});

/** The generated source with its string literals (JSON's "…" and the fixed '…' messages) taken out. */
function codeOutsideStrings(source: string): string {
  let code = '';
  for (let i = 0; i < source.length; i++) {
    const q = source[i]!;
    if (q !== '"' && q !== "'") {
      code += q;
      continue;
    }
    for (i++; i < source.length && source[i] !== q; i++) if (source[i] === '\\') i++;
    code += ' ';
  }
  return code;
}

/** Every identifier the generator itself writes; template names never become identifiers. */
const GENERATOR_WORDS = new Set([
  'return', 'function', 'render', 'ctx', 'maxSteps', 'maxOutput', 'let', 'const', 'out', 'steps', 'if', 'else', 'for', 'typeof',
  'null', 'undefined', 'true', 'false', 'Infinity', 'new', 'Array', 'isArray', 'Object', 'keys', 'length', 'R', 'getOwnName',
  'getMember', 'toOutput', 'deepEqual', 'isMap', 'notIterable', 'loopSteps', 'loopOutput', 'LoopInfo', 'MapEntry', 'fail', 'cond', 'index', 'revindex', 'first', 'last',
]);
const FRESH = /^(m|p|it|k|n|i|loop|v)\d+$/;

const PAYLOADS = [
  '"; globalThis.__pindestPwned = 1; "',
  "'; globalThis.__pindestPwned = 1; '",
  '`${globalThis.__pindestPwned = 1}`',
  '*/ globalThis.__pindestPwned = 1; /*',
  '\u2028globalThis.__pindestPwned = 1;\u2029//',
  '</script><script>globalThis.__pindestPwned = 1</script>',
  'process.exit(3)',
  "}); require('child_process').execSync('exit 3'); ({",
  '\\"; globalThis.__pindestPwned = 1; //',
  '\ud800 lone surrogate',
];

function hostileTemplates(): string[] {
  const out: string[] = [];
  for (const p of PAYLOADS) {
    const dq = p.replaceAll('\\', '\\\\').replaceAll('"', '\\"');
    const sq = p.replaceAll('\\', '\\\\').replaceAll("'", "\\'");
    out.push(
      `text ${p} {{ list }}`,
      `{% if x == "${dq}" %}same{% else %}${p}{% endif %}`,
      `{% if '${sq}' != x %}{{ a['${sq}'] }}{{ a["${dq}"].b.c }}{% endif %}`,
      `{% for item in list %}${p}{{ item }}{% if not loop.last %}, {% endif %}{% endfor %}`,
    );
  }
  // Names that are JavaScript's or the generator's own, as variables, loop variables and keys.
  for (const name of ['process', 'require', 'globalThis', 'constructor', '__proto__', 'R', 'ctx', 'out', 'steps', 'maxSteps', 'Function', 'eval', 'arguments', 'loop0', 'v1']) {
    out.push(`{{ ${name} }}|{{ a.${name} }}|{{ a.b.c.${name} }}|{% for ${name} in list %}{{ ${name} }}{% endfor %}`);
  }
  out.push(`{{ ${'9'.repeat(400)} }}|{{ a[${'9'.repeat(400)}] }}|{% if ${'9'.repeat(400)} == 0 %}zero{% endif %}`);
  return out;
}

test('hostile template text, strings and names stay data: same output as the evaluator, no side effect, no raw text in the code', () => {
  const g = globalThis as { __pindestPwned?: unknown };
  const context = { list: ['p', 'q'], x: 'y', a: { b: { c: { process: 1 } } }, process: 'shadowed', R: 'r', ctx: 'c' };
  for (const template of hostileTemplates()) {
    setFastPath(true);
    const path = renderPath(template);
    assert.equal(path.path, 'generated', `not on the fast path: ${template}`);
    const fast = outcome(template, context);
    assert.equal(g.__pindestPwned, undefined, `side effect from: ${template}`);
    setFastPath(false);
    assert.equal(fast, outcome(template, context), `template: ${template}`);
    const code = codeOutsideStrings(path.source);
    for (const word of code.match(/[A-Za-z_$][\w$]*/g) ?? []) {
      assert.ok(GENERATOR_WORDS.has(word) || FRESH.test(word), `template text became code (${word}): ${template}`);
    }
    assert.doesNotMatch(code, /[`\u2028\u2029]|\/\*|\*\/|<\//, `template text became code: ${template}`);
  }
});
