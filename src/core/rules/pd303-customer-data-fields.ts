import { en } from '../report/l10n';
import { asObject } from '../project/project';
import { suggest } from '../text/suggest';
import { customerDataFieldNames, destinationsFor } from './facts';
import { finding, type Rule } from './rule';
import { templateStrings } from './template-strings';

const USE = /customerData\.([A-Za-z_$][\w$]*)/g;

/** Every `customerData.X` a template reads is a field the connection asks for. */
export const customerDataFields: Rule = {
  code: 'PD303',
  title: 'customerData.X used in templates exists in customerDataFields',
  severity: 'error',
  kinds: ['destination-server', 'audience-template'],
  check(ctx) {
    const [destination] = destinationsFor(ctx.file, ctx.project);
    const config = asObject(destination?.doc.value);
    if (!config) return [];
    const names = customerDataFieldNames(config);
    const out = [];
    for (const { pointer, text } of templateStrings(ctx.file.kind, ctx.value)) {
      for (const m of text.matchAll(USE)) {
        const name = m[1]!;
        if (names.has(name)) continue;
        const hint = suggest(name, [...names]);
        out.push(finding(this, pointer, en`\`customerData.${name}\` is not a customer data field of the destination${hint ? en`; did you mean \`${hint}\`?` : en`: add it to \`customerDataFields\`.`}`, {
          inner: { offset: m.index! + 'customerData.'.length, length: name.length },
          data: hint ? { replacement: hint } : { addCustomerDataField: name },
        }));
      }
    }
    return out;
  },
};
