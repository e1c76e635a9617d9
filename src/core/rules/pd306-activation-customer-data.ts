import { en } from '../report/l10n';
import { childPointer } from '../json/pointer';
import { asArray, asObject, asString } from '../project/project';
import { compilePattern } from '../text/pattern';
import { listText, suggest } from '../text/suggest';
import { destinationsFor } from './facts';
import { finding, type Rule } from './rule';

/** The connection's values satisfy the destination's customerDataFields, as AEP's form would check. */
export const activationCustomerData: Rule = {
  code: 'PD306',
  title: "Connection values satisfy the destination's customer data fields",
  severity: 'error',
  kinds: ['activation'],
  check(ctx) {
    const [destination] = destinationsFor(ctx.file, ctx.project);
    const config = asObject(destination?.doc.value);
    if (!config) return [];
    const connection = asObject(ctx.value.connection);
    const data = asObject(connection?.customerData) ?? {};
    const base = '/connection/customerData';
    const fields = asArray(config.customerDataFields).map(asObject).filter((f) => f && typeof f.name === 'string');
    const out = [];
    for (const f of fields) {
      const name = f!.name as string;
      const v = data[name];
      if (v === undefined) {
        if (f!.isRequired === true) out.push(finding(this, connection?.customerData ? base : '/connection', en`The destination requires \`${name}\` (${asString(f!.title) ?? name}); add it to \`connection.customerData\`.`, { data: { insertKey: name } }));
        continue;
      }
      const pointer = childPointer(base, name);
      const enumValues = asArray(f!.enum).length ? asArray(f!.enum) : asArray(f!.namedEnum).map((e) => asObject(e)?.value);
      if (enumValues.length && !enumValues.includes(v)) {
        out.push(finding(this, pointer, en`\`${name}\` must be one of ${listText(enumValues)}.`));
      }
      const pattern = asString(f!.pattern);
      if (pattern !== undefined && typeof v === 'string') {
        const compiled = compilePattern(pattern);
        const found = compiled.ok ? compiled.pattern.find(v) : undefined;
        if (found === false) out.push(finding(this, pointer, en`\`${name}\` does not match the destination's pattern \`${pattern}\`.`));
        else if (!compiled.ok) out.push(finding(this, pointer, en`\`${name}\` was not checked against the destination's pattern: ${compiled.refusal.reason}. Check the value by hand, or simplify the pattern in the destination file.`, { severity: 'warning' }));
        else if (found === undefined) out.push(finding(this, pointer, en`\`${name}\` was not checked against the destination's pattern: at ${v.length} characters it is too long to check in bounded time.`, { severity: 'warning' }));
      }
      if ((f!.type === 'integer' && !Number.isInteger(v)) || (f!.type === 'string' && typeof v !== 'string')) {
        out.push(finding(this, pointer, en`\`${name}\` must be ${f!.type === 'integer' ? en`an integer` : en`a string`}.`));
      }
    }
    const known = fields.map((f) => f!.name as string);
    for (const key of Object.keys(data)) {
      if (known.includes(key)) continue;
      const hint = suggest(key, known);
      out.push(finding(this, childPointer(base, key), en`The destination has no customer data field \`${key}\`${hint ? en`; did you mean \`${hint}\`?` : '.'}`, { severity: 'warning', at: 'key', data: hint ? { renameKey: hint } : undefined }));
    }
    return out;
  },
};
