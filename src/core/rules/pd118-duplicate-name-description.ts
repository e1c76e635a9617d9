import { en } from '../report/l10n';
import { asArray, asObject, asString } from '../project/project';
import { finding, type Rule } from './rule';

/** AEP adds Name and Description to every connection; defining them again shows them twice. */
export const duplicateNameDescription: Rule = {
  code: 'PD118',
  title: 'customerDataFields do not redefine Name or Description',
  severity: 'warning',
  kinds: ['destination'],
  check({ value }) {
    return asArray(value.customerDataFields).flatMap((f, i) => {
      const n = asString(asObject(f)?.name);
      if (!n || !['name', 'description'].includes(n.toLowerCase())) return [];
      return [finding(this, `/customerDataFields/${i}/name`, en`AEP adds a \`${n.toLowerCase() === 'name' ? 'Name' : 'Description'}\` field to every connection; this one would appear twice. Remove it.`)];
    });
  },
};
