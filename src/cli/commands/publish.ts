/** `pindest publish PROJECT`: submits the deployed destination for publishing and reports its status. */
import { relative } from 'node:path';
import { parseArgs } from 'node:util';
import { AuthoringFailure } from '../../core/aep/api';
import { DeployState } from '../../core/aep/deploy-state';
import { publishProject } from '../../core/aep/publish';
import { StateError } from '../../core/execute/state';
import { loadProject } from '../../core/project/load';
import { openAepTarget, parseAepEnv } from '../aep-target';
import { EXIT, UsageError, type CliIO } from '../io';
import { projectFolder } from './deploy';

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
  if (positionals.length !== 1) throw new UsageError('name one project folder');
  const dir = projectFolder(io.cwd, positionals[0]!);
  const { project, problems } = await loadProject([dir]);
  if (problems.length) {
    io.stderr(`pindest publish: ${relative(io.cwd, problems[0]!.path) || problems[0]!.path} ${problems[0]!.message}\n`);
    return EXIT.findings;
  }
  const target = await openAepTarget(environment, values['aep-url']);
  try {
    let state: DeployState;
    try {
      state = await DeployState.open(target.store(dir, io.cwd), { environment, aepUrl: target.api.baseUrl, sandbox: target.api.sandbox, imsOrg: target.api.imsOrg });
    } catch (e) {
      if (!(e instanceof StateError)) throw e;
      io.stderr(`pindest publish: ${e.message} ${e.whatToDo}\n`);
      return EXIT.findings;
    }
    try {
      const report = await publishProject({ projectDir: dir, project, api: target.api, state });
      if (values.format === 'json') {
        io.stdout(JSON.stringify({ outcome: 'submitted', destinationId: report.destinationId, name: report.name, requests: report.requests, ...(report.notDeployed ? { note: report.notDeployed } : {}), calls: target.calls }, null, 2) + '\n');
      } else {
        const lines = [`Submitted "${report.name}" (${report.destinationId}) for publishing — ${target.api.baseUrl}, sandbox ${target.api.sandbox}`];
        for (const r of report.requests) lines.push(`  ${r.destinationType ?? '?'} ${r.configId ?? ''}: ${r.status ?? 'no status'}${r.allowedOrgs?.length ? `, orgs ${r.allowedOrgs.join(', ')}` : ''}`);
        if (report.notDeployed) lines.push(report.notDeployed);
        io.stdout(lines.join('\n') + '\n');
      }
      return EXIT.ok;
    } catch (e) {
      if (!(e instanceof AuthoringFailure)) throw e;
      if (values.format === 'json') io.stdout(JSON.stringify({ outcome: 'failed', error: { message: e.message, whatToDo: e.whatToDo }, calls: target.calls }, null, 2) + '\n');
      else io.stderr(`pindest publish: ${e.message} ${e.whatToDo}\n`);
      return EXIT.findings;
    }
  } finally {
    await target.close();
  }
}
