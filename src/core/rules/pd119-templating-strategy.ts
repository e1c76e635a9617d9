import { en } from '../report/l10n';
import { asArray, asObject, type Json } from '../project/project';
import { finding, type Rule } from './rule';

const TEMPLATED = /\{\{|\{%/;

/** Hard-coded values use NONE, templated values PEBBLE_V1: otherwise AEP sends the braces literally. */
export const templatingStrategy: Rule = {
  code: 'PD119',
  title: 'Templated values use PEBBLE_V1',
  severity: 'warning',
  kinds: ['destination-server'],
  check({ value }) {
    const http = asObject(value.httpTemplate);
    const slots: [string, Json | undefined][] = [
      ['/urlBasedDestination/url', asObject(asObject(value.urlBasedDestination)?.url)],
      ['/httpTemplate/requestBody', asObject(http?.requestBody)],
      ['/httpTemplate/queryParameters', asObject(http?.queryParameters)],
      ...asArray(http?.headers).map((h, i): [string, Json | undefined] => [`/httpTemplate/headers/${i}/value`, asObject(asObject(h)?.value)]),
    ];
    return slots.flatMap(([pointer, slot]) => {
      if (slot?.templatingStrategy !== 'NONE' || typeof slot.value !== 'string' || !TEMPLATED.test(slot.value)) return [];
      return [finding(this, `${pointer}/templatingStrategy`, en`This value contains Pebble (\`{{\`/\`{%\`) but its \`templatingStrategy\` is \`NONE\`, so AEP would send it literally; use \`PEBBLE_V1\`.`, { data: { replacement: 'PEBBLE_V1' } })];
    });
  },
};
