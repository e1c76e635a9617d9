/**
 * Document links: `destinationServerId` and `audienceTemplateId` open the file that defines that
 * instanceId; an activation's `files.*` and `profiles` paths open the named files (when they exist).
 */
import { en } from '../core/report/l10n';
import { docText } from './l10n';
import { existsSync } from 'node:fs';
import type { DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { asArray, asObject, asString, type Project, type ProjectFile } from '../core/project/project';
import { audienceTemplateRef } from '../core/rules/facts';
import { uriOf, type Workspace } from './workspace';

function linkAt(doc: TextDocument, file: ProjectFile, pointer: string, target: string, tooltip: string): DocumentLink | undefined {
  const span = file.doc.locate(pointer);
  if (!span || file.doc.text.charCodeAt(span.valueStart) !== 34) return undefined;
  return { range: { start: doc.positionAt(span.valueStart + 1), end: doc.positionAt(Math.max(span.valueStart + 1, span.valueEnd - 1)) }, target: uriOf(target), tooltip };
}

function destinationLinks(doc: TextDocument, file: ProjectFile, project: Project): DocumentLink[] {
  const value = asObject(file.doc.value) ?? {};
  const out: (DocumentLink | undefined)[] = asArray(value.destinationDelivery).map((d, i) => {
    const id = asString(asObject(d)?.destinationServerId);
    const server = id ? project.serverById(id) : undefined;
    return server ? linkAt(doc, file, `/destinationDelivery/${i}/destinationServerId`, server.path, docText(en`Open the destination server`)) : undefined;
  });
  const ref = audienceTemplateRef(value);
  const template = typeof ref?.id === 'string' ? project.audienceTemplateById(ref.id) : undefined;
  if (ref && template) out.push(linkAt(doc, file, ref.pointer, template.path, docText(en`Open the audience template`)));
  return out.filter((l): l is DocumentLink => l !== undefined);
}

function activationLinks(doc: TextDocument, file: ProjectFile, project: Project): DocumentLink[] {
  const value = asObject(file.doc.value) ?? {};
  const out: (DocumentLink | undefined)[] = [];
  const files = asObject(value.files) ?? {};
  for (const slot of ['destination', 'destinationServer', 'audienceTemplate']) {
    const rel = asString(files[slot]);
    const path = rel ? project.resolveFrom(file, rel) : undefined;
    if (path && existsSync(path)) out.push(linkAt(doc, file, `/files/${slot}`, path, docText(en`Open ${rel!}`)));
  }
  const profiles = typeof value.profiles === 'string' ? [value.profiles] : asArray(value.profiles);
  profiles.forEach((p, i) => {
    if (typeof p !== 'string') return;
    const path = project.resolveFrom(file, p);
    if (existsSync(path)) out.push(linkAt(doc, file, typeof value.profiles === 'string' ? '/profiles' : `/profiles/${i}`, path, docText(en`Open the sample profiles`)));
  });
  return out.filter((l): l is DocumentLink => l !== undefined);
}

export function documentLinks(workspace: Workspace, doc: TextDocument): DocumentLink[] {
  const { project, file } = workspace.projectOf(doc);
  if (file.kind === 'destination') return destinationLinks(doc, file, project);
  if (file.kind === 'activation') return activationLinks(doc, file, project);
  return [];
}
