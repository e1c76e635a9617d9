/** `pindest pull`: a project folder from the destination AEP holds. */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthoringFailure } from '../../core/aep/api';
import { pullDestination } from '../../core/aep/pull';
import { formatPullJson, formatPullText, type PullReport } from '../../core/aep/report';
import { parseAepEnv, withAepState } from '../aep-target';
import { EXIT, UsageError, type CliIO } from '../io';

export const pullUsage = `usage: pindest pull (--destination-id ID | --name NAME) [--output DIR] [--force] [--env local|production] [--aep-url URL] [--format text|json]
  Writes destination.json, destination-server.json and audience-template.json (into --output,
  default the current folder) from the destination configuration AEP holds and the server and
  template it names, as AEP returns them: they validate, and equal what was deployed except for the
  fields AEP sets (instanceId, dates). A folder that already has one file of a kind (under any
  name) gets that file rewritten; when the content of one differs from AEP's version (the
  fields AEP sets and key order aside), nothing is written unless --force says to replace it. The folder's .pindest/deploy.json remembers what was
  pulled, so a deploy of the unchanged files sends nothing. Other files of the folder are left alone.
  Targets and credentials as for deploy (pindest deploy --help); the embedded simulator of
  --env local without --aep-url starts empty, so there pull only tells what is missing.
  Exit 0 when written, 1 when AEP has no such destination, refused, or files would be replaced
  without --force, 2 on a usage error.`;

export async function runPull(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseArgs({
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
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError("unknown format '{0}': use text or json", values.format!);
  const environment = parseAepEnv(values.env);
  if ((values['destination-id'] === undefined) === (values.name === undefined)) throw new UsageError('name the destination with --destination-id ID or --name NAME (one of them)');
  const dir = resolve(io.cwd, values.output ?? '.');
  return withAepState('pull', io, environment, values['aep-url'], dir, async (target, state) => {
    const about = { environment, aepUrl: target.api.baseUrl, sandbox: target.api.sandbox, calls: target.calls };
    try {
      const files = await pullDestination({ api: target.api, destinationId: values['destination-id'], name: values.name, outputDir: dir, state, overwrite: values.force });
      const report: PullReport = { ...about, outcome: 'succeeded', files };
      io.stdout(values.format === 'json' ? formatPullJson(report, io.cwd) : formatPullText(report, io.cwd));
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof AuthoringFailure)) throw e;
      const error = { message: e.message, whatToDo: e.whatToDo };
      if (values.format === 'json') io.stdout(formatPullJson({ ...about, outcome: 'failed', files: [], error }, io.cwd));
      else io.stderr(`pindest pull: ${e.message} ${e.whatToDo}\n`);
      return EXIT.findings;
    }
  });
}
