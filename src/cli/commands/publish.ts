/** `pindest publish PROJECT`: submits the deployed destination for publishing and reports its status. */
import { parseArgs } from 'node:util';
import { AuthoringFailure } from '../../core/aep/api';
import { publishProject } from '../../core/aep/publish';
import { formatPublishJson, formatPublishText, type PublishCommandReport } from '../../core/aep/report';
import { openProjectArg, parseAepEnv, withAepState } from '../aep-target';
import { EXIT, UsageError, type CliIO } from '../io';

export const publishUsage = `usage: pindest publish PROJECT [--env local|production] [--aep-url URL] [--format text|json]
  Submits the project's destination, as deployed to AEP, for publishing (Adobe reviews it) and
  prints the status of its publish requests. The destination is the one deploy created from this
  folder (.pindest/deploy.json), else the instanceId of destination.json. Adobe publishes what it
  holds: when that differs from the file, publish says so (deploy first).
  Targets and credentials as for deploy (pindest deploy --help).
  Exit 0 when submitted, 1 when the destination is not in AEP or AEP refused, 2 on a usage error.`;

export async function runPublish(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { env: { type: 'string' }, 'aep-url': { type: 'string' }, format: { type: 'string', default: 'text' } },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError("unknown format '{0}': use text or json", values.format!);
  const environment = parseAepEnv(values.env);
  const opened = await openProjectArg('publish', io, positionals);
  if (typeof opened === 'number') return opened;
  const { dir, project } = opened;
  return withAepState('publish', io, environment, values['aep-url'], dir, async (target, state) => {
    const about = { environment, aepUrl: target.api.baseUrl, sandbox: target.api.sandbox, calls: target.calls };
    try {
      const published = await publishProject({ projectDir: dir, project, api: target.api, state });
      const report: PublishCommandReport = { ...about, outcome: 'submitted', published };
      io.stdout(values.format === 'json' ? formatPublishJson(report) : formatPublishText(report));
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof AuthoringFailure)) throw e;
      const error = { message: e.message, whatToDo: e.whatToDo };
      if (values.format === 'json') io.stdout(formatPublishJson({ ...about, outcome: 'failed', error }));
      else io.stderr(`pindest publish: ${e.message} ${e.whatToDo}\n`);
      return EXIT.findings;
    }
  });
}
