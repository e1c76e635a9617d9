/**
 * The four new-file snippets (snippets/pindest.snippets.json, VS Code's snippet format), offered by
 * the server only where a whole file fits: an empty file, or a top-level object with nothing in it
 * yet. Contributed through package.json they came in every JSON completion list, inside strings and
 * templates, once per prefix. A file whose name gives its kind gets only that kind's snippet.
 */
import { CompletionItemKind, InsertTextFormat, InsertTextMode, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { kindFromContent, type FileKind } from '../core/project/kinds';
import raw from '../../snippets/pindest.snippets.json' with { type: 'json' };
import fr from '../../l10n/bundle.l10n.fr.json' with { type: 'json' };

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** What the snippet inserts with every placeholder at its default: the JSON it stands for. */
function expand(body: string): string {
  return body.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\([$}\\])/g, '$1');
}

function kindOf(body: string): FileKind | undefined {
  try {
    return kindFromContent(JSON.parse(expand(body)));
  } catch {
    return undefined; // test/extension/snippets.test.ts keeps every body valid JSON
  }
}

const SNIPPETS = Object.values(raw as Record<string, Snippet>).map((s) => {
  const body = s.body.join('\n');
  return { label: s.prefix[0]!, description: s.description, body, kind: kindOf(body) };
});

/** The descriptions in VS Code's display language (the extension's French bundle, keyed by the English). */
let descriptions: Record<string, string | undefined> | undefined;

/** Called with the initialize request's locale. */
export function setSnippetLocale(locale: string | undefined): void {
  descriptions = locale?.toLowerCase().startsWith('fr') ? fr : undefined;
}

const WORD = /[\w-]/;

export function snippetCompletions(doc: TextDocument, offset: number, kind: FileKind | undefined): CompletionItem[] {
  const text = doc.getText();
  // The word being typed at the caret (`pin`) is what the snippet replaces; set it aside.
  let ws = offset;
  while (ws > 0 && WORD.test(text[ws - 1]!)) ws--;
  let we = offset;
  while (we < text.length && WORD.test(text[we]!)) we++;
  const rest = text.slice(0, ws) + text.slice(we);
  // Otherwise nothing but whitespace, or `{` and `}` with the caret between them.
  const emptyObject = /^\s*\{\s*\}\s*$/.test(rest) && ws > rest.indexOf('{') && ws <= rest.lastIndexOf('}');
  if (rest.trim() !== '' && !emptyObject) return [];
  // VS Code takes a completion's main edit on the caret's line only: that line is replaced, the
  // lines before and after are removed by additional edits.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineBreak = text.indexOf('\n', offset);
  const lineEnd = lineBreak < 0 ? text.length : lineBreak;
  const range = { start: doc.positionAt(lineStart), end: doc.positionAt(lineEnd) };
  const additionalTextEdits = [
    ...(lineStart > 0 ? [{ range: { start: doc.positionAt(0), end: doc.positionAt(lineStart) }, newText: '' }] : []),
    ...(lineEnd < text.length ? [{ range: { start: doc.positionAt(lineEnd), end: doc.positionAt(text.length) }, newText: '' }] : []),
  ];
  // VS Code filters on the text from the edit's start to the caret (a `{` here, say): keep it in front.
  const typed = text.slice(lineStart, ws).trimStart();
  return SNIPPETS.filter((s) => !kind || s.kind === kind).map((s, i) => ({
    label: s.label,
    kind: CompletionItemKind.Snippet,
    detail: descriptions?.[s.description] ?? s.description,
    documentation: { kind: MarkupKind.Markdown, value: '```json\n' + expand(s.body) + '\n```' },
    filterText: typed + s.label,
    sortText: `1${i}`,
    insertTextFormat: InsertTextFormat.Snippet,
    insertTextMode: InsertTextMode.asIs,
    textEdit: { range, newText: s.body },
    additionalTextEdits,
  }));
}
