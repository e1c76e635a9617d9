/**
 * Every English message template of the core and the server, found in the source by its `en` tag
 * (core/report/l10n): the text between the backticks, with `{n}` for the n-th `${…}`, as the tag
 * builds it at run time. Read with the TypeScript parser, so nested templates are handled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Template → the files it is in. */
export function messageTemplates(dirs = ['src/core', 'src/server']): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of dirs.flatMap((d) => sources(join(ROOT, d)))) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('en`')) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(n) && ts.isIdentifier(n.tag) && n.tag.text === 'en') {
        const t = n.template;
        const template = ts.isNoSubstitutionTemplateLiteral(t) ? t.text : t.head.text + t.templateSpans.map((s, i) => `{${i}}` + s.literal.text).join('');
        found.set(template, [...(found.get(template) ?? []), file.slice(ROOT.length + 1)]);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return found;
}
