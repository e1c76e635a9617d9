/**
 * The render-time errors that both renderers raise (the closure evaluator and the compiled one in
 * codegen), written once so that both say the same thing. Messages, so that a front end can
 * translate them.
 */
import { en, type Text } from '../report/l10n';
import { aType } from './values';

/** Where a condition is, named in its error: an "if", a ternary, or an operator ("not", "and", "or"). */
export type Where = 'if' | '?:' | 'not' | 'and' | 'or';

function whereText(where: Where): Text {
  if (where === 'if') return en`An "if" condition`;
  if (where === '?:') return en`The condition of "?:"`;
  return en`"${where}"`;
}

export const notCondition = (where: Where, v: unknown): Text =>
  en`${whereText(where)} needs a boolean, number or string but got ${aType(v)}; use "is empty" or "is not empty" to test ${aType(v)}.`;

export const notIterable = (v: unknown): Text => en`Can not loop over ${aType(v)}: "for" needs a list or a map.`;

export const loopSteps = (maxSteps: number): Text =>
  en`The template exceeded maxSteps (${maxSteps} evaluation steps): loops run too often. Raise maxSteps if the data is really that large.`;

export const loopOutput = (maxOutput: number): Text =>
  en`The output exceeded maxOutput (${maxOutput} characters): a loop writes too much. Raise maxOutput if that is expected.`;
