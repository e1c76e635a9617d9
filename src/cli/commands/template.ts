/**
 * `pindest template sample DESTINATION [--json]`: the starting template Adobe's sample-template
 * endpoint returns for the destination (core/plan/sample-template.ts), offline: the single-profile
 * template under best effort aggregation with `maxUsersPerRequest` 1, else the one over
 * `input.profiles`. `--json` prints it as a JSON string, ready for the destination server's
 * `httpTemplate.requestBody.value` (Adobe's create-template.md asks to character-escape it).
 */
import { stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveActivation } from '../../core/plan/activation';
import { sampleTemplate } from '../../core/plan/sample-template';
import { loadProject } from '../../core/project/load';
import { asObject, type Json } from '../../core/project/project';
import { didYouMeanText } from '../args';
import { kindName } from '../files';
import { EXIT, t, UsageError, type CliIO } from '../io';

export const templateUsage = `usage: pindest template sample DESTINATION [--json]
  Prints the starting message template Adobe's sample-template endpoint gives for the destination
  (GET /authoring/testing/template/sample/{DESTINATION_ID}): for best effort aggregation with
  maxUsersPerRequest 1, the template for a single profile (input.profile); otherwise the template
  for multiple profiles (input.profiles). DESTINATION is a destination.json, an activation file
  (its destination) or a project folder with one destination.
  --json   print the template as a JSON string, ready for httpTemplate.requestBody.value
  Which template and why is said on stderr. Exit 0 when printed, 1 when the destination cannot be
  read, 2 on a usage error.`;

const SUBCOMMANDS = ['sample'];

export async function runTemplate(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub.startsWith('-')) throw new UsageError('name what to do: {0}', SUBCOMMANDS.join(', '));
  if (!SUBCOMMANDS.includes(sub)) throw new UsageError("unknown subcommand '{0}'.{1}", sub, didYouMeanText(sub, SUBCOMMANDS));
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { json: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new UsageError('name one destination file (destination.json) or project folder');

  const found = await destinationAt(resolve(io.cwd, positionals[0]!), io.cwd);
  if (typeof found === 'string') {
    io.stderr(`pindest template: ${found}\n`);
    return EXIT.findings;
  }
  const sample = sampleTemplate(found);
  io.stdout((values.json ? JSON.stringify(sample.template) : sample.template) + '\n');
  const why = sample.aggregationType === 'CONFIGURABLE_AGGREGATION'
    ? t('configurable aggregation')
    : t('best effort aggregation, maxUsersPerRequest {0}', sample.profilesPerCall);
  io.stderr(`pindest template: ${sample.singleProfile ? t('{0}: the template for a single profile (input.profile), as Adobe\'s sample-template endpoint gives it', why) : t('{0}: the template for multiple profiles (input.profiles), as Adobe\'s sample-template endpoint gives it', why)}\n`);
  return EXIT.ok;
}

/** The destination configuration a path names, or a sentence saying why there is none. */
async function destinationAt(path: string, cwd: string): Promise<Json | string> {
  const shown = relative(cwd, path).startsWith('..') ? path : relative(cwd, path) || path;
  let folder = false;
  try {
    folder = (await stat(path)).isDirectory();
  } catch {
    return t('cannot read {0}: no such file or folder', shown);
  }
  const { project, problems } = await loadProject(folder ? [path] : [dirname(path), path]);
  if (problems.length && !folder) return `${problems[0]!.path} ${problems[0]!.message}`;
  if (folder) {
    const destinations = project.ofKind('destination');
    if (destinations.length !== 1) return t('{0} has {1} destination configurations: name the destination.json to use', shown, destinations.length);
    return asObject(destinations[0]!.doc.value) ?? t('{0} is not valid JSON; run pindest validate', destinations[0]!.path);
  }
  const file = project.file(path);
  if (file?.kind === 'activation') {
    try {
      return resolveActivation(project, file).destination;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (file?.kind !== 'destination') {
    return file?.kind ? t('{0} is {1}: pass the destination configuration (destination.json)', shown, kindName(file.kind)) : t('{0} is not a destination configuration (destination.json)', shown);
  }
  return asObject(file.doc.value) ?? t('{0} is not valid JSON; run pindest validate', shown);
}
