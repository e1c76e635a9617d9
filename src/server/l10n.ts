/**
 * The language server's messages in the client's language (the initialize request's `locale`):
 * French for `fr` and `fr-*`, English otherwise. The core builds each message as an English
 * template with arguments (`en` in core/report/l10n); l10n/server.l10n.fr.json is keyed by those
 * templates, `{n}` placeholders included, as the extension's and the CLI's bundles are.
 */
import { english, fill, say, type Arg, type Text, type Translate } from '../core/report/l10n';
import fr from '../../l10n/server.l10n.fr.json' with { type: 'json' };

const FRENCH: Record<string, string | undefined> = fr;

const french: Translate = (message, ...args) => fill(FRENCH[message] ?? message, args);

let current: Translate = english;

/** Called with the initialize request's locale. */
export function setServerLocale(locale: string | undefined): void {
  current = /^fr(-|$)/i.test(locale ?? '') ? french : english;
}

/** The server's translation now (English until initialize says otherwise). */
export function serverTr(): Translate {
  return current;
}

/**
 * A template variable's documentation (a fixed English sentence of core/template/variables.ts, or
 * a message) in the client's language: the bundle is keyed by the English sentence.
 */
export function docText(doc: string | Text): string {
  if (typeof doc !== 'string') return say(doc, current);
  return current === english ? doc : FRENCH[doc] ?? doc;
}

/** A core message in the client's language; `fallback` (the English) when the message has no template. */
export function localize(text: Arg | undefined, fallback: string): string {
  return text === undefined ? fallback : say(text, current);
}
