/**
 * Completions the schemas cannot give, because they depend on AEP's catalogue or on this project:
 * namespace codes (acceptedGlobalNamespaces keys, activation mapping `source`), target identity names
 * (`target`), customer data field names (connection.customerData keys), and the instanceIds of the
 * project's destination servers and audience templates. Keys and mapped sources already present are
 * not offered again; a streaming destination's `authType` keeps only the streaming types.
 */
import { en } from '../core/report/l10n';
import { docText } from './l10n';
import { CompletionItemKind, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { listNamespaces } from '../core/identity';
import { asArray, asObject, asString, type Project, type ProjectFile } from '../core/project/project';
import { destinationsFor, isStreaming } from '../core/rules/facts';
import { STREAMING_AUTH } from '../core/rules/pd105-streaming-auth-type';
import { pathIs, type Caret } from './cursor';

interface Candidate {
  label: string;
  detail?: string;
  doc?: string;
  /** What follows a property name when there is no colon yet. */
  valueSnippet?: string;
}

function destinationOf(file: ProjectFile, project: Project): Record<string, unknown> | undefined {
  return asObject(destinationsFor(file, project)[0]?.doc.value);
}

function namespaceCandidates(only?: string[]): Candidate[] {
  const all = listNamespaces();
  const list = only?.length ? all.filter((n) => only.includes(n.code)) : all;
  return list.map((n) => ({ label: n.code, detail: n.displayName + (n.pinterestListType ? ` → Pinterest ${n.pinterestListType}` : ''), doc: docText(n.description) }));
}

/** The keys of the object the caret's key is in, except the one being typed. */
function keysBeside(file: ProjectFile, caret: Caret): Set<string> {
  let node: unknown = file.doc.value;
  for (const seg of caret.path.slice(0, -1)) node = asObject(node)?.[String(seg)] ?? asArray(node)[Number(seg)];
  const keys = new Set(Object.keys(asObject(node) ?? {}));
  keys.delete(caret.literal?.value ?? String(caret.path.at(-1) ?? ''));
  return keys;
}

function candidatesAt(caret: Caret, file: ProjectFile, project: Project): Candidate[] {
  const { path, atKey } = caret;
  if (file.kind === 'destination') {
    if (atKey && pathIs(path, ['identityNamespaces', '*', 'acceptedGlobalNamespaces', '*'])) {
      const present = keysBeside(file, caret);
      return namespaceCandidates()
        .filter((c) => !present.has(c.label))
        .map((c) => ({ ...c, valueSnippet: c.label === 'Email_LC_SHA256' ? '{}' : '{ "requiredTransformation": "sha256(lower($))" }' }));
    }
    if (!atKey && pathIs(path, ['destinationDelivery', '*', 'destinationServerId'])) {
      return project.ofKind('destination-server').flatMap((s) => {
        const v = asObject(s.doc.value);
        const id = asString(v?.instanceId);
        return id ? [{ label: id, detail: asString(v?.name) ?? docText(en`destination server`), doc: docText(en`Destination server in \`${s.path.split(/[\\/]/).pop()!}\`.`) }] : [];
      });
    }
    if (!atKey && pathIs(path, ['segmentMappingConfig', 'audienceTemplateId'], ['audienceMetadataConfig', 'audienceTemplateId'])) {
      return project.ofKind('audience-template').flatMap((t) => {
        const v = asObject(t.doc.value);
        const id = asString(v?.instanceId);
        return id ? [{ label: id, detail: asString(asObject(v?.metadataTemplate)?.name) ?? 'audience template' }] : [];
      });
    }
  }
  if (file.kind === 'activation') {
    const dest = destinationOf(file, project);
    const targets = asObject(dest?.identityNamespaces) ?? {};
    if (!atKey && pathIs(path, ['mappings', '*', 'source'])) {
      const mappings = asArray(asObject(file.doc.value)?.mappings);
      const targetOf = (m: unknown) => asString(asObject(m)?.target) ?? Object.keys(targets)[0];
      const target = targetOf(mappings[Number(path[1])]);
      const accepted = Object.keys(asObject(asObject(targets[target ?? ''])?.acceptedGlobalNamespaces) ?? {});
      // A source another mapping already sends to the same target would only repeat it.
      const mapped = new Set(mappings.flatMap((m, i) => (i !== Number(path[1]) && targetOf(m) === target ? [asString(asObject(m)?.source)] : [])));
      return namespaceCandidates(accepted).filter((c) => !mapped.has(c.label));
    }
    if (!atKey && pathIs(path, ['mappings', '*', 'target'])) {
      return Object.keys(targets).map((t) => ({ label: t, detail: docText(en`target identity`), doc: docText(en`Accepts ${Object.keys(asObject(asObject(targets[t])?.acceptedGlobalNamespaces) ?? {}).map((n) => `\`${n}\``).join(', ') || en`no namespace yet`}.`) }));
    }
    if (atKey && pathIs(path, ['connection', 'customerData', '*'])) {
      const present = keysBeside(file, caret);
      return asArray(dest?.customerDataFields).flatMap((f) => {
        const o = asObject(f);
        const name = asString(o?.name);
        if (!name || present.has(name)) return [];
        return [{ label: name, detail: o?.isRequired === true ? docText(en`${asString(o?.title) ?? name} (required)`) : asString(o?.title) ?? name, doc: asString(o?.description), valueSnippet: o?.type === 'integer' ? '0' : '""' }];
      });
    }
  }
  return [];
}

export function domainCompletions(doc: TextDocument, caret: Caret, file: ProjectFile, project: Project): CompletionItem[] {
  const candidates = candidatesAt(caret, file, project);
  if (candidates.length === 0) return [];
  const text = doc.getText();
  const start = caret.literal?.start ?? caret.offset;
  const end = caret.literal ? Math.min(caret.literal.end, text.length) : caret.offset;
  // A literal cut off at the line end (still being typed) is replaced up to the caret only.
  const closed = caret.literal ? text.charCodeAt(end - 1) === 34 && end - 1 > start : false;
  const range = { start: doc.positionAt(start), end: doc.positionAt(closed ? end : Math.max(caret.offset, start)) };
  const colonFollows = /^\s*:/.test(text.slice(end, end + 64));
  return candidates.map((c, i) => {
    const quoted = JSON.stringify(c.label);
    const newText = caret.atKey && !colonFollows && c.valueSnippet !== undefined ? `${quoted}: ${c.valueSnippet}` : quoted;
    return {
      label: c.label,
      kind: caret.atKey ? CompletionItemKind.Property : CompletionItemKind.Value,
      detail: c.detail,
      documentation: c.doc ? { kind: MarkupKind.Markdown, value: c.doc } : undefined,
      filterText: quoted,
      sortText: `0${String(i).padStart(4, '0')}`,
      textEdit: { range, newText },
    };
  });
}

/**
 * Where the schema's enum is wider than what fits this project: the values to keep, in this order.
 * A streaming destination (frequency `Streaming`, aggregation or a URL-based server) authenticates
 * with the streaming types only; the file-based ones (S3, SFTP…) would be PD105 errors.
 */
export function valuesThatFit(caret: Caret, file: ProjectFile, project: Project): readonly string[] | undefined {
  if (file.kind !== 'destination' || caret.atKey || !pathIs(caret.path, ['customerAuthenticationConfigurations', '*', 'authType'])) return undefined;
  const value = asObject(file.doc.value);
  if (!value) return undefined;
  const streaming = asString(asObject(value.uiAttributes)?.frequency)?.toLowerCase() === 'streaming' || isStreaming(value, project);
  return streaming ? STREAMING_AUTH : undefined;
}
