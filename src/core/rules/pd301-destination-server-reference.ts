import { en } from '../report/l10n';
import { asArray, asObject, asString } from '../project/project';
import { listText } from '../text/suggest';
import { finding, type Rule } from './rule';

/** destinationServerId names a destination server of this project. */
export const destinationServerReference: Rule = {
  code: 'PD301',
  title: 'destinationServerId resolves to a destination server in the project',
  severity: 'error',
  kinds: ['destination'],
  check({ value, project }) {
    const servers = project.ofKind('destination-server');
    // A destination validated on its own (no server in the project) has nothing to resolve against.
    if (servers.length === 0) return [];
    return asArray(value.destinationDelivery).flatMap((d, i) => {
      const id = asString(asObject(d)?.destinationServerId);
      if (id === undefined || project.serverById(id)) return [];
      const known = servers.map((s) => asString(asObject(s.doc.value)?.instanceId)).filter((x): x is string => !!x);
      return [finding(this, `/destinationDelivery/${i}/destinationServerId`, en`No destination server in this project has \`instanceId\` \`${id}\`${known.length ? en`; found ${listText(known)}` : ''}.`, { data: { candidates: known } })];
    });
  },
};
