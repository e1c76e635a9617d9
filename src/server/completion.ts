/**
 * Completion: inside an embedded template, template completions only; elsewhere the domain
 * completions (namespace codes, targets, fields, ids) first, then the schema's own (property names,
 * enum values, defaults with their markdown) from vscode-json-languageservice, narrowed where the
 * project says which values fit; and the new-file snippets where a whole file fits.
 */
import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { caretAt, templateAt } from './cursor';
import { domainCompletions, valuesThatFit } from './domain-completion';
import { jsonTree, serviceFor } from './jsonls';
import { snippetCompletions } from './snippets';
import { templateCompletions } from './template-completion';
import { hostOf, plainTemplateAt, templateView } from './template-doc';
import type { Workspace } from './workspace';

export async function complete(workspace: Workspace, doc: TextDocument, position: Position): Promise<CompletionList> {
  // Edit Embedded Template's editor: the Pebble text is the template, checked as part of its host.
  const pebble = templateView(workspace, doc);
  if (pebble) return { isIncomplete: false, items: templateCompletions(doc, plainTemplateAt(doc, doc.offsetAt(position)), pebble.file.kind, pebble.project) };
  if (hostOf(doc.uri)) return { isIncomplete: false, items: [] };
  const { project, file } = workspace.projectOf(doc);
  const text = doc.getText();
  const caret = caretAt(text, doc.offsetAt(position));
  const template = templateAt(text, caret, file.kind);
  if (template) return { isIncomplete: false, items: templateCompletions(doc, template, file.kind, project) };
  const domain = file.kind ? domainCompletions(doc, caret, file, project) : [];
  const schema = await serviceFor(file.kind).doComplete(doc, position, jsonTree(doc, file.kind));
  const seen = new Set(domain.map((i) => i.label));
  let schemaItems = ((schema?.items ?? []) as CompletionItem[]).filter((i) => !seen.has(i.label));
  const fit = file.kind ? valuesThatFit(caret, file, project) : undefined;
  if (fit) {
    // Enum items are labelled with their JSON text (`"OAUTH2"`).
    const rank = (i: CompletionItem) => fit.indexOf(i.label.replace(/^"|"$/g, ''));
    schemaItems = schemaItems.filter((i) => rank(i) >= 0).map((i) => ({ ...i, sortText: `0${String(rank(i)).padStart(4, '0')}` }));
  }
  const items: CompletionItem[] = [...domain, ...schemaItems, ...snippetCompletions(doc, caret.offset, file.kind)];
  return { isIncomplete: schema?.isIncomplete ?? false, items };
}
