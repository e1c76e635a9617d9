import { asArray, asObject, asString } from '../project/project';
import { finding, type Rule } from './rule';

/** destinationServerId names a destination server of this project. */
export const destinationServerReference: Rule = {
  code: 'PD301',
  title: 'destinationServerId resolves to a destination server in the project',
  severity: 'error',
  kinds: ['destination'],
  check({ value, project }) {
    const servers = project.ofKind('destination-server');
    return asArray(value.destinationDelivery).flatMap((d, i) => {
      const id = asString(asObject(d)?.destinationServerId);
      if (id === undefined || project.serverById(id)) return [];
      const known = servers.map((s) => asString(asObject(s.doc.value)?.instanceId)).filter((x): x is string => !!x);
      return [finding(this, `/destinationDelivery/${i}/destinationServerId`, servers.length === 0
        ? 'No destination server file in this project; add `destination-server.json`, whose `instanceId` this must equal.'
        : `No destination server in this project has \`instanceId\` \`${id}\`${known.length ? `; found ${known.map((k) => '`' + k + '`').join(', ')}` : ''}.`, { data: { candidates: known } })];
    });
  },
};
