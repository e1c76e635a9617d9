/**
 * Completion inside an embedded template: variables and loop variables in scope, their members,
 * filters after `|`, functions, and tag names after `{%`. The edit replaces the identifier being
 * typed, mapped back to raw offsets of the JSON string (escapes accounted for).
 */
import { en, type Text } from '../core/report/l10n';
import { docText } from './l10n';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { FileKind } from '../core/project/kinds';
import type { Project } from '../core/project/project';
import { FILTERS, FUNCTIONS } from '../core/template';
import type { TemplateAt } from './cursor';
import { globalsFor, membersOf, typeAt, typeLabel, type TemplateType } from './template-model';
import { caretIn, scopeAt } from './template-scope';

const TAGS: [string, string][] = [
  ['for', 'for ${1:item} in ${2:items} %}$0{% endfor'],
  ['if', 'if ${1:condition} %}$0{% endif'],
  ['set', 'set ${1:name} = ${2:value}'],
  ['else', 'else'],
  ['elseif', 'elseif ${1:condition}'],
  ['endfor', 'endfor'],
  ['endif', 'endif'],
  ['filter', 'filter ${1:name} %}$0{% endfilter'],
];

const FUNCTION_DOCS: Record<string, Text> = {
  addedSegments: en`Audiences the profile entered (\`realized\`) among the given memberships.`,
  removedSegments: en`Audiences the profile left (\`exited\`) among the given memberships.`,
  hasSegments: en`Whether the given memberships include any audience.`,
  formUrlEncode: en`Form-URL-encodes name/value pairs.`,
  min: en`The smallest argument.`,
  max: en`The largest argument.`,
};

function item(label: string, kind: CompletionItemKind, detail: string, doc: string | undefined, newText: string, range: Range, snippet = false): CompletionItem {
  return {
    label,
    kind,
    detail,
    documentation: doc ? { kind: MarkupKind.Markdown, value: doc } : undefined,
    textEdit: { range, newText },
    insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: label,
  };
}

/** JSON-escapes inserted text (a snippet's `$` stays as is; no quote or backslash is inserted by snippets). */
function escape(s: string): string {
  return JSON.stringify(s).slice(1, -1);
}

export function templateCompletions(doc: TextDocument, t: TemplateAt, kind: FileKind | undefined, project: Project): CompletionItem[] {
  const c = caretIn(t.template, t.offset);
  if (!c.inside) return [];
  const start = doc.positionAt(t.raw[Math.min(c.segmentStart, t.raw.length - 1)]!);
  const end = doc.positionAt(t.raw[Math.min(t.offset, t.raw.length - 1)]!);
  const range = { start, end };
  const esc = t.plain ? (s: string) => s : escape;
  if (c.filter) return FILTERS.map((f) => item(f, CompletionItemKind.Function, docText(en`filter`), undefined, f, range));
  if (c.tagName && c.path.length === 1) {
    return TAGS.map(([label, snippet]) => item(label, CompletionItemKind.Keyword, docText(en`tag`), undefined, esc(snippet), range, true));
  }
  const { types } = scopeAt(t.template, t.offset, globalsFor(kind, project));
  if (c.path.length > 1) {
    const owner = typeAt(types, c.path.slice(0, -1));
    return membersOf(owner).map(([name, type]) => variableItem(name, type, range));
  }
  return [
    ...Object.entries(types).map(([name, type]) => variableItem(name, type, range)),
    ...FUNCTIONS.map((f) => item(f, CompletionItemKind.Function, docText(en`function`), FUNCTION_DOCS[f] && docText(FUNCTION_DOCS[f]), esc(`${f}($1)`), range, true)),
  ];
}

function variableItem(name: string, type: TemplateType, range: Range): CompletionItem {
  return item(name, type.kind === 'object' || type.kind === 'array' ? CompletionItemKind.Variable : CompletionItemKind.Field, typeLabel(type), docText(type.doc), name, range);
}
