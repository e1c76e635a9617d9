/**
 * Node's parseArgs errors as pindest's own one-line messages: Node's wording ends in an example
 * with an unclosed quote and never suggests the option meant, so the options a command's usage
 * text names become the candidates of the product's one "did you mean".
 */
import { suggest } from '../core/text/suggest';
import { t } from './io';

/** The long options a usage text names (`--fresh`, `--base-url`…), and `--help`. */
export function optionsOf(usage: string): string[] {
  return [...new Set([...(usage.match(/--[a-z][a-z0-9-]*/g) ?? []), '--help'])];
}

/** ` Did you mean "x"?` in the user's language, or nothing. */
export function didYouMeanText(value: string, candidates: readonly string[]): string {
  const best = suggest(value, candidates);
  return best !== undefined && best !== value ? ' ' + t('Did you mean "{0}"?', best) : '';
}

/** The message for an error parseArgs threw, or undefined when it is not one. */
export function parseErrorMessage(e: unknown, usage: string): string | undefined {
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS')) return undefined;
  const message = (e as Error).message;
  // The option as the user wrote it (Node quotes it first in each of these messages).
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
      const name = quoted.split('=')[0]!;
      // Short options are single letters: too short to guess from.
      const hint = name.startsWith('--') ? didYouMeanText(name, optionsOf(usage)) : '';
      return t("unknown option '{0}'.", name) + hint;
    }
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // "Option '-c, --context <value>' argument missing" or "Option '--fresh' does not take an argument".
      const name = /--[a-z][a-z0-9-]*/.exec(quoted)?.[0] ?? quoted;
      return /does not take/.test(message) ? t("option '{0}' takes no value.", name) : t("option '{0}' needs a value.", name);
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t("unexpected argument '{0}': this command takes options only.", quoted);
    default:
      return message.split('\n')[0]!;
  }
}
