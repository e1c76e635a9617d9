import { en } from '../report/l10n';
import { asArray, asObject } from '../project/project';
import { finding, type Rule } from './rule';

/** PLATFORM_AUTHENTICATION uses a /credentials object, which must be named. */
export const platformAuthenticationId: Rule = {
  code: 'PD107',
  title: 'PLATFORM_AUTHENTICATION names its credentials',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    return asArray(value.destinationDelivery).flatMap((d, i) => {
      const item = asObject(d);
      if (item?.authenticationRule !== 'PLATFORM_AUTHENTICATION' || typeof item.authenticationId === 'string') return [];
      return [finding(this, `/destinationDelivery/${i}/authenticationRule`, en`\`PLATFORM_AUTHENTICATION\` needs an \`authenticationId\`: the \`instanceId\` of a \`/authoring/credentials\` object.`)];
    });
  },
};
