/** What a command may touch of the outside world; tests pass their own. */
import fr from '../../l10n/cli.l10n.fr.json' with { type: 'json' };
import serverFr from '../../l10n/server.l10n.fr.json' with { type: 'json' };
import { english, fill, type Translate } from '../core/report/l10n';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  /** Where `-` input is read from; absent means process.stdin (tests may pass a stream). */
  stdin?: NodeJS.ReadableStream;
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  cwd: process.cwd(),
};

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/**
 * The language of the CLI's own messages: the locale POSIX uses for messages (LC_ALL, then
 * LC_MESSAGES, then LANG; the first one set wins), French for `fr*`, else English.
 */
export function cliLanguage(env: Record<string, string | undefined> = process.env): 'fr' | 'en' {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^fr([_.@-]|$)/i.test(locale) ? 'fr' : 'en';
}

/**
 * A CLI message in the user's language, `{0}`-style placeholders filled (the format of the
 * extension's l10n bundles, keyed by the English text); English when there is no translation.
 */
export function t(message: string, ...args: (string | number)[]): string {
  const table: Record<string, string | undefined> | undefined = cliLanguage() === 'fr' ? fr : undefined;
  const text = table?.[message] ?? message;
  return text.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] === undefined ? m : String(args[Number(i)])));
}

/**
 * The findings' language for `pindest validate`'s text output: the language server's catalogue
 * (l10n/server.l10n.fr.json, keyed by the findings' English templates) when the locale is French.
 */
export function findingsTranslate(): Translate {
  return cliLanguage() === 'fr' ? (message, ...args) => fill((serverFr as Record<string, string | undefined>)[message] ?? message, args) : english;
}

/** A usage error (exit 2); its message is translated when the catalogue has it. */
export class UsageError extends Error {
  constructor(message: string, ...args: (string | number)[]) {
    super(t(message, ...args));
  }
}

/** `n` and its noun, singular or plural by the language's rule (French: 0 and 1 are singular). */
export function count(n: number, one: string, many: string): string {
  const singular = cliLanguage() === 'fr' ? n < 2 : n === 1;
  return `${n} ${t(singular ? one : many)}`;
}

/**
 * The `validate` text summary ("4 files checked: 1 error, 0 warnings") in the user's language;
 * the findings above it and any other line are left as they are.
 */
export function localizeSummary(text: string): string {
  if (cliLanguage() === 'en') return text;
  return text.replace(/^(\d+) files? checked: (\d+) errors?, (\d+) warnings?$/m, (_, f: string, e: string, w: string) =>
    t('{0}: {1}, {2}', count(Number(f), 'file checked', 'files checked'), count(Number(e), 'error', 'errors'), count(Number(w), 'warning', 'warnings')),
  );
}
