import { en } from '../report/l10n';
import type { FileKind } from '../project/kinds';
import { asArray, asObject, asString } from '../project/project';
import { finding, type Rule } from './rule';

const SLOTS: [string, FileKind][] = [
  ['destination', 'destination'],
  ['destinationServer', 'destination-server'],
  ['audienceTemplate', 'audience-template'],
];

/** The files an activation names exist, and are of the kind their slot says. */
export const activationFiles: Rule = {
  code: 'PD305',
  title: 'Files named by the activation exist and are of the right kind',
  severity: 'error',
  kinds: ['activation'],
  check({ file, value, project }) {
    const files = asObject(value.files);
    const out = [];
    for (const [slot, kind] of SLOTS) {
      const rel = asString(files?.[slot]);
      if (rel === undefined) continue;
      const target = project.file(project.resolveFrom(file, rel));
      if (!target) {
        out.push(finding(this, `/files/${slot}`, project.exists(project.resolveFrom(file, rel))
          ? en`\`${rel}\` is not part of the validated project; validate the folder that holds it.`
          : en`\`${rel}\` does not exist (paths are relative to this activation file).`));
      } else if (target.kind !== kind) {
        out.push(finding(this, `/files/${slot}`, en`\`${rel}\` is ${target.kind ? en`a ${target.kind} file` : en`not a destination file`}, not a ${kind} file.`));
      }
    }
    const profiles = typeof value.profiles === 'string' ? [value.profiles] : asArray(value.profiles);
    profiles.forEach((p, i) => {
      if (typeof p !== 'string' || project.exists(project.resolveFrom(file, p))) return;
      out.push(finding(this, typeof value.profiles === 'string' ? '/profiles' : `/profiles/${i}`, en`Sample profiles \`${p}\` do not exist (paths are relative to this activation file).`));
    });
    return out;
  },
};
