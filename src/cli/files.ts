/** What a command says when it is given a project file of the wrong kind. */
import { relative } from 'node:path';
import type { FileKind } from '../core/project/kinds';
import type { Project, ProjectFile } from '../core/project/project';
import { t } from './io';

/** The kind of file, as a user names it. */
export function kindName(kind: FileKind): string {
  const names: Record<FileKind, string> = {
    destination: t('a destination configuration (destination.json)'),
    'destination-server': t('a destination server (destination-server.json)'),
    'audience-template': t('an audience template (audience-template.json)'),
    activation: t('an activation file (activation.json)'),
  };
  return names[kind];
}

/**
 * For `preview` and `push`, which take the activation file (it names the other three): undefined
 * when `file` is an activation, or of no known kind (then the activation's own checks speak);
 * else a sentence naming the activation file to pass, the folder's own when it has one.
 */
export function notAnActivation(command: string, file: ProjectFile | undefined, project: Project, cwd: string): string | undefined {
  if (!file?.kind || file.kind === 'activation') return undefined;
  // Relative to where the user is, unless that climbs out of it.
  const shown = (path: string) => (relative(cwd, path).startsWith('..') ? path : relative(cwd, path) || path);
  const activations = project.ofKind('activation');
  const what = t('{0} is {1}: pass the activation file (activation.json), which names the project\'s other files', shown(file.path), kindName(file.kind));
  return activations.length === 1
    ? t('{0}: {1}', what, `pindest ${command} ${shown(activations[0]!.path)}`)
    : `${what}.`;
}
