// `pindest simulate`: runs the local Pinterest API simulator in the foreground until SIGINT or
// SIGTERM, printing the address and the seeded ad account and token to paste into an activation.
// Request log lines (ids, methods, paths, statuses only) go to stderr; usage errors exit 2.
import { parseArgs } from 'node:util';
import { parseErrorMessage } from '../cli/args';
import { FaultSpecError, parseFaultSpec } from './faults';
import { startSimulator, type SimulatorOptions } from './server';
import { startAepSimulator, type AepSimulator } from './aep';

export interface SimulateIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Stops the simulator when aborted (embedders and tests); SIGINT/SIGTERM always do. */
  signal?: AbortSignal;
}

export const SIMULATE_USAGE =
  'Usage: pindest simulate [--port N] [--rate-limit N/min] [--faults SPEC] [--seed N] [--state FILE] ' +
  '[--created-status 200|201] [--processing-delay MS] [--retry-after] [--aep-port N] [--quiet]';

class UsageError extends Error {}

function integer(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}

/** "400", "400/min" or "7/s" → requests per minute. */
export function parseRateLimit(value: string): number {
  const m = /^(\d+)(?:\/(min|m|s|sec))?$/.exec(value.trim());
  if (!m || Number(m[1]) < 1) throw new UsageError(`--rate-limit must look like 400/min or 7/s, got "${value}"`);
  return m[2] === 's' || m[2] === 'sec' ? Number(m[1]) * 60 : Number(m[1]);
}

function parseOptions(argv: string[]): { options: SimulatorOptions; quiet: boolean; help: boolean; aepPort?: number } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: false,
      strict: true,
      options: {
        port: { type: 'string' },
        'rate-limit': { type: 'string' },
        faults: { type: 'string' },
        seed: { type: 'string' },
        state: { type: 'string' },
        'created-status': { type: 'string' },
        'processing-delay': { type: 'string' },
        'retry-after': { type: 'boolean' },
        'aep-port': { type: 'string' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError(parseErrorMessage(e, SIMULATE_USAGE) ?? (e as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const v = parsed.values;
  const createdStatus = integer('created-status', v['created-status'], 200, 201);
  if (v.faults !== undefined) {
    try {
      parseFaultSpec(v.faults);
    } catch (e) {
      if (e instanceof FaultSpecError) throw new UsageError(`--faults: ${e.message}`);
      throw e;
    }
  }
  if (v.state !== undefined && v.state === '') throw new UsageError('--state needs a file path');
  const options: SimulatorOptions = {
    port: integer('port', v.port, 0, 65535) ?? 0,
    rateLimitPerMinute: v['rate-limit'] !== undefined ? parseRateLimit(v['rate-limit']) : undefined,
    faults: v.faults,
    seed: integer('seed', v.seed, 0, 2 ** 32 - 1),
    statePath: v.state,
    createdStatus: createdStatus as 200 | 201 | undefined,
    processingDelayMs: integer('processing-delay', v['processing-delay'], 0, 86_400_000),
    retryAfter: v['retry-after'] ?? false,
  };
  // The AEP authoring simulator too, on this port (0: any free one); faults apply to Pinterest's only.
  const aepPort = integer('aep-port', v['aep-port'], 0, 65535);
  return { options, quiet: v.quiet ?? false, help: v.help ?? false, aepPort };
}

export async function runSimulateCommand(argv: string[], io: SimulateIo): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`pindest simulate: ${/[.?!]$/.test(e.message) ? e.message : e.message + '.'} ${SIMULATE_USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (parsed.help) {
    io.stdout(`${SIMULATE_USAGE}\n`);
    return 0;
  }
  const { options, quiet, aepPort } = parsed;
  let sim;
  let aep: AepSimulator | undefined;
  try {
    sim = await startSimulator({ ...options, log: quiet ? undefined : (line) => io.stderr(`${line}\n`) });
    if (aepPort !== undefined) {
      try {
        aep = await startAepSimulator({ port: aepPort, log: quiet ? undefined : (line) => io.stderr(`aep ${line}\n`) });
      } catch (e) {
        await sim.close();
        throw e;
      }
    }
  } catch (e) {
    io.stderr(`pindest simulate: cannot start: ${(e as Error).message}\n`);
    return 1;
  }
  io.stdout(`listening on ${sim.url}\n`);
  io.stdout(`base URL:          ${sim.baseUrl}\n`);
  io.stdout(`ad account id:     ${sim.seed.adAccountId} (OWNER)\n`);
  io.stdout(`read-only account: ${sim.seed.readOnlyAdAccountId} (ANALYST)\n`);
  io.stdout(`access token:      ${sim.seed.accessToken}\n`);
  io.stdout(`client id/secret:  ${sim.seed.clientId} / ${sim.seed.clientSecret}\n`);
  if (options.faults) io.stdout(`faults:            ${options.faults} (seed ${options.seed ?? 1})\n`);
  if (options.statePath) io.stdout(`state file:        ${options.statePath}\n`);
  if (aep) {
    io.stdout(`AEP authoring API: ${aep.baseUrl} (pindest deploy --env local --aep-url ${aep.baseUrl})\n`);
    io.stdout(`AEP IMS token URL: ${aep.imsUrl} (client id/secret ${aep.seed.clientId} / ${aep.seed.clientSecret}, org ${aep.seed.imsOrg}, sandboxes ${aep.seed.sandboxes.join(', ')})\n`);
  }
  io.stdout('press Ctrl+C to stop\n');

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      io.signal?.removeEventListener('abort', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (io.signal?.aborted) stop();
    else io.signal?.addEventListener('abort', stop);
  });
  await sim.close();
  await aep?.close();
  io.stdout('simulator stopped\n');
  return 0;
}
