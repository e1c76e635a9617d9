/**
 * The generated-function path must render exactly what the evaluator renders: same output, same
 * error and position, same limits. Random templates from the fast path's subset, both ways.
 */
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { renderTemplate, setFastPath, TemplateFailure } from '../../../src/core/template';
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
    return e instanceof TemplateFailure ? `error:${e.line}:${e.column}:${e.message}` : `throw:${(e as Error).message}`;
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
        const fast = outcome(template, context, maxSteps);
        setFastPath(false);
        const slow = outcome(template, context, maxSteps);
        assert.equal(fast, slow, `template: ${template}`);
      }
    }
  }
});
