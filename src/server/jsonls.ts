/**
 * vscode-json-languageservice, configured with our bundled schema for each file kind: it gives
 * schema completion and hover (markdownDescription) and the style-keeping formatting, so the server
 * has no schema walker of its own (vscode-anchors.md §7, option a). Validation stays with the core.
 *
 * One service per kind: its only schema association matches every document, and its schema request
 * service answers every URI with that kind's schema. A `$schema` property in a file therefore still
 * gets our bundled schema, and nothing is ever fetched (the server does no network I/O).
 */
import { getLanguageService, type ClientCapabilities, type JSONDocument, type LanguageService } from 'vscode-json-languageservice';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind } from '../core/project/kinds';
import { SCHEMAS } from '../core/schema/schemas';
import { VersionedCache } from '../core/cache';
import { localizedSchema, serverLanguage } from './l10n';

// ClientCapabilities.LATEST, written out: markdown documentation in completion items.
const CAPABILITIES: ClientCapabilities = {
  textDocument: { completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], commitCharactersSupport: true, labelDetailsSupport: true } } },
};

const services = new Map<string, LanguageService>();

export function serviceFor(kind: FileKind | undefined): LanguageService {
  const key = `${kind ?? 'plain'}:${serverLanguage()}`;
  let ls = services.get(key);
  if (!ls) {
    const localized = kind ? localizedSchema(SCHEMAS[kind]) : undefined;
    const schema = localized ? JSON.stringify(localized) : undefined;
    ls = getLanguageService({
      schemaRequestService: (uri) => (schema ? Promise.resolve(schema) : Promise.reject(`pindest does not fetch schemas (${uri.slice(0, 80)})`)),
      clientCapabilities: CAPABILITIES,
    });
    ls.configure({
      validate: false,
      allowComments: false,
      schemas: kind ? [{ uri: `pindest://schemas/${kind}.schema.json`, fileMatch: ['*', '*/**'], schema: localized as object }] : [],
    });
    services.set(key, ls);
  }
  return ls;
}

// The JSON service's own tree, built only when a feature needs it (completion, hover).
const trees = new VersionedCache<JSONDocument>(8);

export function jsonTree(doc: TextDocument, kind: FileKind | undefined): JSONDocument {
  return trees.get(`${doc.uri}#${kind ?? ''}`, doc.version, () => serviceFor(kind).parseJSONDocument(doc));
}

export function forgetTree(uri: string): void {
  for (const k of ['', 'destination', 'destination-server', 'audience-template', 'activation']) trees.delete(`${uri}#${k}`);
}
