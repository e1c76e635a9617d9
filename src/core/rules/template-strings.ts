/** The string values of a server or audience template that AEP renders with Pebble. */
import type { FileKind } from '../project/kinds';
import { childPointer } from '../json/pointer';
import { asArray, asObject, type Json } from '../project/project';

export interface TemplateString {
  pointer: string;
  text: string;
}

export function templateStrings(kind: FileKind | undefined, value: Json): TemplateString[] {
  const out: TemplateString[] = [];
  const slot = (pointer: string, v: unknown) => {
    const o = asObject(v);
    if (typeof o?.value === 'string') out.push({ pointer: `${pointer}/value`, text: o.value });
  };
  if (kind === 'destination-server') {
    const http = asObject(value.httpTemplate);
    slot('/urlBasedDestination/url', asObject(value.urlBasedDestination)?.url);
    slot('/httpTemplate/requestBody', http?.requestBody);
    slot('/httpTemplate/queryParameters', http?.queryParameters);
    asArray(http?.headers).forEach((h, i) => slot(`/httpTemplate/headers/${i}/value`, asObject(h)?.value));
  } else if (kind === 'audience-template') {
    // Every string under metadataTemplate is a template (URLs, headers, JSON bodies).
    const stack: [string, unknown][] = [['/metadataTemplate', value.metadataTemplate]];
    while (stack.length) {
      const [pointer, v] = stack.pop()!;
      if (typeof v === 'string') out.push({ pointer, text: v });
      else if (Array.isArray(v)) v.forEach((x, i) => stack.push([`${pointer}/${i}`, x]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([childPointer(pointer, k), x]);
    }
    out.sort((a, b) => (a.pointer < b.pointer ? -1 : 1));
  }
  return out;
}
