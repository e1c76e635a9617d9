/** `pindest deploy PROJECT`: the project's three Adobe files into AEP through the Destination Authoring API. */
import { parseArgs } from 'node:util';
import { deployProject, planDeploy } from '../../core/aep/deploy';
import { formatDeployJson, formatDeployText } from '../../core/aep/report';
import { openProjectArg, parseAepEnv, withAepState } from '../aep-target';
import { EXIT, UsageError, type CliIO } from '../io';
import { progressBar } from '../progress';

export const deployUsage = `usage: pindest deploy PROJECT [--env local|production] [--aep-url URL] [--dry-run] [--force] [--format text|json]
  Creates or updates the project's destination server, audience template and destination
  configuration in AEP, in that order, with the server's and template's instanceIds put into the
  destination. Refused while the files have validation errors. A file AEP already holds unchanged
  is not sent again. The instanceIds are remembered in .pindest/deploy.json in the project folder
  (per environment, URL, sandbox and org), so a deploy stopped half-way is finished by the next one
  and nothing is created twice; a resource changed in AEP since the last deploy or pull from the
  folder is reported as a conflict and not overwritten (--force overwrites it).
  --env local (the default) starts an embedded AEP simulator (it starts empty; nothing is
  remembered); with --aep-url it deploys to that simulator, with AEP_ACCESS_TOKEN or the simulator's
  own credentials. --env production deploys to https://platform.adobe.io/data/core/activation/authoring
  (or --aep-url) with AEP_ACCESS_TOKEN, or AEP_CLIENT_ID and AEP_CLIENT_SECRET; and AEP_API_KEY,
  AEP_IMS_ORG, AEP_SANDBOX (default prod).
  --dry-run prints, per file, the diff between what AEP holds and what would be sent; it only reads.
  Exit 0 when deployed (or a dry run that would deploy), 1 when refused, stopped on a conflict
  (a dry run too) or failed, 2 on a usage error.`;

export async function runDeploy(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      env: { type: 'string' },
      'aep-url': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
    },
  });
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError("unknown format '{0}': use text or json", values.format!);
  const environment = parseAepEnv(values.env);
  const opened = await openProjectArg('deploy', io, positionals);
  if (typeof opened === 'number') return opened;
  const { dir, project } = opened;
  return withAepState('deploy', io, environment, values['aep-url'], dir, async (target, state) => {
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    const bar = progressBar(io);
    try {
      const options = { projectDir: dir, project, api: target.api, state, calls: target.calls, force: values.force, signal: controller.signal, onProgress: bar.update };
      const report = values['dry-run'] ? await planDeploy(options) : await deployProject(options);
      bar.done();
      io.stdout(values.format === 'json' ? formatDeployJson(report, io.cwd) : formatDeployText(report, io.cwd));
      return report.outcome === 'succeeded' || report.outcome === 'dry-run' ? EXIT.ok : EXIT.findings;
    } finally {
      process.removeListener('SIGINT', stop);
    }
  });
}
