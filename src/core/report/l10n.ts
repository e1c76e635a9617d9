/**
 * The core's report lines in the reader's language, without the core knowing any language or
 * importing `vscode`: a function that writes a line takes a `Translate`, and the extension passes
 * `vscode.l10n.t` (its bundle is keyed by the English text, with `{0}` placeholders, as the CLI's
 * catalogue is). English by default, so the CLI's output and the JSON contracts do not change.
 *
 * Lines the core stores in a report (notes, advice, retry policies) stay English there, so a saved
 * run reads the same in any language; they are written through `msg`, and `translateText` finds
 * their message again when the extension shows them.
 */
export type Translate = (message: string, ...args: (string | number)[]) => string;

/** `message` with `{n}` replaced by `args[n]` (a missing argument leaves `{n}`). */
export function fill(message: string, args: readonly (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}

export const english: Translate = (message, ...args) => fill(message, args);

const stored = new Set<string>();

/**
 * Marks an English message the core stores in a report (with `{n}` placeholders, filled with
 * `fill`), so that `translateText` can translate the stored line. Returns the message. Call it
 * when the module loads (a constant), so that a report saved earlier is translated too.
 */
export function msg(message: string): string {
  stored.add(message);
  return message;
}

/** The messages marked so far (the tests check that every `msg` is marked when its module loads). */
export function storedMessages(): ReadonlySet<string> {
  return stored;
}

const patterns = new Map<string, RegExp>();

function patternOf(message: string): RegExp {
  let re = patterns.get(message);
  if (!re) {
    const parts = message.split(/\{\d+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    patterns.set(message, (re = new RegExp(`^${parts.join('([\\s\\S]*?)')}$`)));
  }
  return re;
}

/**
 * A line the core stored in English, in the reader's language: an exact `msg` message, or one
 * filled from a `msg` template (each argument translated the same way when it is itself a `msg`
 * message, e.g. a policy line inside a refusal; other arguments kept as they are); any other text
 * unchanged.
 */
export function translateText(text: string, tr: Translate): string {
  if (tr === english || !text) return text;
  if (stored.has(text)) return tr(text);
  // A line can match a message filled into another ("The plan has 1 problem(s), e.g. The {0} …"
  // matches both): the message with the longest fixed start is the outer one. Of two with the same
  // start ("stopped {0}: wait" and "stopped {0} after {1} attempts: wait"), the one with more fixed
  // text is the more specific.
  let best: { message: string; args: string[]; start: number; fixed: number } | undefined;
  for (const message of stored) {
    const start = message.search(/\{\d+\}/);
    if (start < 0 || (best && start < best.start)) continue;
    const fixed = message.replace(/\{\d+\}/g, '').length;
    if (best && start === best.start && fixed <= best.fixed) continue;
    const m = patternOf(message).exec(text);
    if (m) best = { message, args: m.slice(1), start, fixed };
  }
  return best ? tr(best.message, ...best.args.map((arg) => translateText(arg, tr))) : text;
}

/**
 * A message kept as its English template (`{n}` placeholders) and its arguments, so that a front
 * end can show it in the reader's language by looking the template up (never by matching the
 * finished sentence). An argument may itself be a message (a phrase the sentence is built from).
 */
export interface Text {
  readonly template: string;
  readonly args: readonly Arg[];
}
export type Arg = string | number | Text;

/**
 * Tag for a translatable English message: en`Unknown property \`${key}\`.` is the template
 * "Unknown property `{0}`." with the argument `key`. Tests find every template by this tag.
 */
export function en(strings: TemplateStringsArray, ...values: Arg[]): Text {
  let template = strings[0]!;
  values.forEach((_, i) => (template += `{${i}}` + strings[i + 1]!));
  return { template, args: values };
}

/** The message in `tr`'s language (English by default); a plain string is shown as it is. */
export function say(text: Arg, tr: Translate = english): string {
  if (typeof text !== 'object') return String(text);
  return tr(text.template, ...text.args.map((a) => (typeof a === 'object' ? say(a, tr) : a)));
}

/** A finding's or fix's English message and its template, from one `en` message. */
export function said(text: Text): { message: string; text: Text } {
  return { message: say(text), text };
}
