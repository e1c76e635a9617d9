import { en } from '../report/l10n';
import { asArray, asObject } from '../project/project';
import { finding, type Rule } from './rule';

/** Customer credentials are used only when delivery says CUSTOMER_AUTHENTICATION. */
export const authenticationRule: Rule = {
  code: 'PD106',
  title: 'authenticationRule is CUSTOMER_AUTHENTICATION when customers authenticate',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    if (asArray(value.customerAuthenticationConfigurations).length === 0) return [];
    return asArray(value.destinationDelivery).flatMap((d, i) => {
      const rule = asObject(d)?.authenticationRule;
      if (rule === undefined || rule === 'CUSTOMER_AUTHENTICATION' || String(rule).toUpperCase() === 'CUSTOMER_AUTHENTICATION') return [];
      return [finding(this, `/destinationDelivery/${i}/authenticationRule`, en`Customers authenticate to this destination (\`customerAuthenticationConfigurations\`), so \`authenticationRule\` must be \`CUSTOMER_AUTHENTICATION\`, not \`${String(rule)}\`.`, { data: { replacement: 'CUSTOMER_AUTHENTICATION' } })];
    });
  },
};
