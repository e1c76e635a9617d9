/** `pindest pull`: a project folder from the destination AEP holds. */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthoringFailure } from '../../core/aep/api';
import { openDeployState } from '../../core/aep/deploy';
import type { DeployState } from '../../core/aep/deploy-state';
import { pullDestination } from '../../core/aep/pull';
import { KIND_LABELS } from '../../core/aep/resources';
import { StateError } from '../../core/execute/state';
import { openAepTarget, parseAepEnv } from '../aep-target';
import { EXIT, UsageError, type CliIO } from '../io';

export const pullUsage = `usage: pindest pull (--destination-id ID | --name NAME) [--output DIR] [--force] [--env local|production] [--aep-url URL] [--format text|json]
  Writes destination.json, destination-server.json and audience-template.json (into --output,
  default the current folder) from the destination configuration AEP holds and the server and
  template it names, as AEP returns them: they validate, and equal what was deployed except for the
  fields AEP sets (instanceId, dates). A folder that already has one file of a kind (under any
  name) gets that file rewritten; when one of them differs from AEP's version, nothing is written
  unless --force says to replace them. The folder's .pindest/deploy.json remembers what was
  pulled, so a deploy of the unchanged files sends nothing. Other files of the folder are left alone.
  Targets and credentials as for deploy (pindest deploy --help); the embedded simulator of
  --env local without --aep-url starts empty, so there pull only tells what is missing.
  Exit 0 when written, 1 when AEP has no such destination, refused, or files would be replaced
  without --force, 2 on a usage error.`;

export async function runPull(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      'destination-id': { type: 'string' },
      name: { type: 'string' },
      output: { type: 'string' },
      force: { type: 'boolean', default: false },
      env: { type: 'string' },
      'aep-url': { type: 'string' },
      format: { type: 'string', default: 'text' },
    },
  });
  void positionals;
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError("unknown format '{0}': use text or json", values.format!);
  const environment = parseAepEnv(values.env);
  if ((values['destination-id'] === undefined) === (values.name === undefined)) throw new UsageError('name the destination with --destination-id ID or --name NAME (one of them)');
  const dir = resolve(io.cwd, values.output ?? '.');
  const target = await openAepTarget(environment, values['aep-url']);
  try {
    let state: DeployState;
    try {
      state = await openDeployState(dir, target.api, environment, target.store(dir, io.cwd));
    } catch (e) {
      if (!(e instanceof StateError)) throw e;
      io.stderr(`pindest pull: ${e.message} ${e.whatToDo}\n`);
      return EXIT.findings;
    }
    try {
      const files = await pullDestination({ api: target.api, destinationId: values['destination-id'], name: values.name, outputDir: dir, state, overwrite: values.force });
      if (values.format === 'json') {
        io.stdout(JSON.stringify({ outcome: 'succeeded', files: files.map((f) => ({ kind: f.kind, name: f.name, instanceId: f.instanceId, path: relative(io.cwd, f.path) || f.path })), calls: target.calls }, null, 2) + '\n');
      } else {
        io.stdout(`Pulled from AEP — ${target.api.baseUrl}, sandbox ${target.api.sandbox}\n${files.map((f) => `  ${KIND_LABELS[f.kind]} "${f.name}" (${f.instanceId}) → ${relative(io.cwd, f.path) || f.path}`).join('\n')}\n`);
      }
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof AuthoringFailure)) throw e;
      if (values.format === 'json') io.stdout(JSON.stringify({ outcome: 'failed', error: { message: e.message, whatToDo: e.whatToDo }, calls: target.calls }, null, 2) + '\n');
      else io.stderr(`pindest pull: ${e.message} ${e.whatToDo}\n`);
      return EXIT.findings;
    }
  } finally {
    await target.close();
  }
}
