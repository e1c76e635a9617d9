import { en } from '../report/l10n';
import { asArray, asObject } from '../project/project';
import { finding, type Rule } from './rule';

/** Every destination delivers somewhere: at least one delivery item naming a server. */
export const destinationDelivery: Rule = {
  code: 'PD104',
  title: 'destinationDelivery names a destination server',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    const items = asArray(value.destinationDelivery);
    if (items.length === 0) {
      return [finding(this, value.destinationDelivery === undefined ? '' : '/destinationDelivery', en`Add a \`destinationDelivery\` item with the \`destinationServerId\` of your destination server; without it AEP has nowhere to send data.`)];
    }
    return items.flatMap((item, i) =>
      asObject(item)?.destinationServerId === undefined
        ? [finding(this, `/destinationDelivery/${i}`, en`This delivery item has no \`destinationServerId\`: set it to the \`instanceId\` of your destination server.`)]
        : [],
    );
  },
};
