/**
 * Hover: on a template variable, its type, what it is, and an example value from the sample
 * profiles (identities masked); on a namespace code, the catalogue's description; elsewhere the
 * schema's markdownDescription through vscode-json-languageservice.
 */
import { en, say } from '../core/report/l10n';
import { docText, serverTr } from './l10n';
import { MarkupKind, type Hover, type MarkupContent, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { findNamespace } from '../core/identity';
import { adobeLink } from './adobe-pages';
import { FILTERS, FUNCTIONS } from '../core/template';
import { caretAt, templateAt, type TemplateAt } from './cursor';
import { jsonTree, serviceFor } from './jsonls';
import { exampleAt, exampleContext } from './samples';
import { globalsFor, typeAt, typeLabel } from './template-model';
import { pathAt, scopeAt } from './template-scope';
import { hostOf, plainTemplateAt, templateView } from './template-doc';
import type { Workspace } from './workspace';
import type { FileKind } from '../core/project/kinds';
import type { Project } from '../core/project/project';

const MAX_EXAMPLE = 400;

function example(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  let s = JSON.stringify(v, null, 2) ?? String(v);
  if (s.length > MAX_EXAMPLE) s = s.slice(0, MAX_EXAMPLE) + '\n…';
  return s;
}

function templateHover(doc: TextDocument, t: TemplateAt, kind: FileKind | undefined, project: Project): Hover | undefined {
  const at = pathAt(t.template, t.offset);
  if (!at) return undefined;
  // Only the segments up to the one under the caret: hovering `input` in `input.profiles` is `input`.
  const upto = t.template.slice(at.start, t.offset).split('.').length;
  const path = at.path.slice(0, Math.max(1, upto));
  let end = at.start + path.join('.').length;
  const range = { start: doc.positionAt(t.raw[at.start]!), end: doc.positionAt(t.raw[Math.min(end, t.raw.length - 1)]!) };
  const name = path.join('.');
  if (path.length === 1 && (FILTERS.includes(name) || FUNCTIONS.includes(name)) && !globalsFor(kind, project)[name]) {
    const isFilter = /\|\s*$/.test(t.template.slice(0, at.start));
    return { range, contents: { kind: MarkupKind.Markdown, value: say(isFilter || !FUNCTIONS.includes(name) ? en`\`${name}\` — Pebble filter` : en`\`${name}\` — Pebble function`, serverTr()) } };
  }
  const scope = scopeAt(t.template, at.start, globalsFor(kind, project));
  const type = typeAt(scope.types, path);
  if (!type) return undefined;
  const lines = [`\`${name}\`: \`${typeLabel(type)}\``, '', docText(type.doc)];
  if (kind === 'destination-server') {
    const value = example(exampleAt(exampleContext(project), path, scope.origins));
    if (value !== undefined) lines.push('', say(en`Example from the sample profiles (identities masked):`, serverTr()), '```json', value, '```');
  }
  end = Math.max(end, at.start);
  return { range, contents: { kind: MarkupKind.Markdown, value: lines.join('\n') } };
}

export async function hover(workspace: Workspace, doc: TextDocument, position: Position): Promise<Hover | null> {
  // Edit Embedded Template's editor: the Pebble text is the template, checked as part of its host.
  const pebble = templateView(workspace, doc);
  if (pebble) return templateHover(doc, plainTemplateAt(doc, doc.offsetAt(position)), pebble.file.kind, pebble.project) ?? null;
  if (hostOf(doc.uri)) return null;
  const { project, file } = workspace.projectOf(doc);
  const text = doc.getText();
  const caret = caretAt(text, doc.offsetAt(position));
  const template = templateAt(text, caret, file.kind);
  if (template) return templateHover(doc, template, file.kind, project) ?? null;
  if (caret.literal) {
    const ns = findNamespace(caret.literal.value);
    const where = caret.path.join('/');
    if (ns && (/acceptedGlobalNamespaces/.test(where) || /^mappings\/\d+\/source$/.test(where))) {
      const range = { start: doc.positionAt(caret.literal.start), end: doc.positionAt(caret.literal.end) };
      return { range, contents: { kind: MarkupKind.Markdown, value: `**${ns.displayName}** (\`${ns.code}\`)\n\n${docText(ns.description)}` } };
    }
  }
  const h = await serviceFor(file.kind).doHover(doc, position, jsonTree(doc, file.kind));
  if (!h) return null;
  const contents = asMarkup(h.contents);
  // The schema's description, then where Adobe documents the key's topic.
  const link = adobeLink(file.kind, caret.path);
  if (link) contents.value = contents.value ? `${contents.value}\n\n${link}` : link;
  return { range: h.range, contents };
}

/** The JSON service answers with MarkedString lists; clients expect MarkupContent now. */
function asMarkup(contents: unknown): MarkupContent {
  const parts = (Array.isArray(contents) ? contents : [contents]).map((c) =>
    typeof c === 'string' ? c : c && typeof c === 'object' && 'value' in c ? String((c as { value: unknown }).value) : '');
  return { kind: MarkupKind.Markdown, value: parts.filter(Boolean).join('\n\n') };
}
