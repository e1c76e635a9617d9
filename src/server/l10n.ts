/**
 * The language server's messages in the client's language (the initialize request's `locale`):
 * French for `fr` and `fr-*`, English otherwise. The core builds each message as an English
 * template with arguments (`en` in core/report/l10n); l10n/server.l10n.fr.json is keyed by those
 * templates, `{n}` placeholders included, as the extension's and the CLI's bundles are.
 */
import { english, fill, say, type Arg, type Text, type Translate } from '../core/report/l10n';
import fr from '../../l10n/server.l10n.fr.json' with { type: 'json' };
import schemasFr from '../../l10n/schemas.l10n.fr.json' with { type: 'json' };

const FRENCH: Record<string, string | undefined> = fr;

const french: Translate = (message, ...args) => fill(FRENCH[message] ?? message, args);

let current: Translate = english;

/** Called with the initialize request's locale. */
export function setServerLocale(locale: string | undefined): void {
  current = /^fr(-|$)/i.test(locale ?? '') ? french : english;
}

/** The client's language: `fr` or `en`. */
export function serverLanguage(): 'fr' | 'en' {
  return current === english ? 'en' : 'fr';
}

const SCHEMA_FR: Record<string, string | undefined> = schemasFr;

/**
 * A bundled JSON schema with its `description` and `markdownDescription` texts in the client's
 * language (l10n/schemas.l10n.fr.json, keyed by the English text): the JSON service shows them on
 * hover and in completion. VS Code has no localised schema files (microsoft/vscode#78737), and the
 * extension contributes no `jsonValidation`: these hovers come from this server only.
 */
export function localizedSchema<T>(schema: T): T {
  if (current === english) return schema;
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (!x || typeof x !== 'object') return x;
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, (k === 'description' || k === 'markdownDescription') && typeof v === 'string' ? SCHEMA_FR[v] ?? v : walk(v)]));
  };
  return walk(schema) as T;
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
