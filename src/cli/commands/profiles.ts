/**
 * `pindest profiles generate ACTIVATION`: sample profiles in AEP's export shape for the
 * activation's mapped namespaces and audiences (core/profiles/generate.ts), offline, the way
 * Adobe's sample-profiles endpoint gives them; preview and push read the file like any sample.
 *
 * Streaming: profiles are generated one at a time and written in blocks of about 256 KB (core
 * `sampleProfileText`), waiting for 'drain' (stdout or the file), so a million profiles never sit
 * in memory.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveActivation } from '../../core/plan/activation';
import { defaultSampleCount, generateSampleProfiles, INJECTABLE_REASONS, parseInvalidOption, profileFormat, SAMPLE_EPOCH, sampleProfileSpec, sampleProfileText } from '../../core/profiles';
import type { GenerateOptions, InjectableReason, SampleProfileSpec } from '../../core/profiles';
import { loadProject } from '../../core/project/load';
import { didYouMeanText } from '../args';
import { notAnActivation } from '../files';
import { count, EXIT, processIO, t, UsageError, type CliIO } from '../io';

export const profilesUsage = `usage: pindest profiles generate ACTIVATION [--count N] [--seed S] [--output FILE] [--format jsonl|json] [--invalid SHARE] [--time ISO]
  Writes sample profiles in AEP's export shape (segmentMembership and identityMap, as Adobe's
  sample-profiles endpoint returns them) for the namespaces the activation maps and the destination
  accepts, and the activation's audiences: valid, varied identities (emails at example.com and
  example.org, random device ids), realized and exited memberships with lastQualificationTime.
  'pindest preview' and 'pindest push' read the file as any sample.
  --count N         profiles to write; default as Adobe's endpoint: the destination's
                    maxUsersPerRequest, else 1 (Adobe caps it at 1000; pindest does not)
  --seed S          an integer; the same seed writes the same bytes (default 1)
  --output FILE     a .jsonl or .json file; absent writes to stdout
  --format F        jsonl (one profile per line, the default) or json (an array)
  --invalid SHARE   not done by AEP: make a share (0 to 1) of identity values invalid, spread over
                    the reasons the preview rejects, or per reason: invalid-email=0.05,zeroed-device-id=0.02;
                    the counts injected are printed on stderr
  --time ISO        qualification times fall in the 30 days before it (default 2026-01-01T00:00:00Z)
  Exit 0 when written, 1 when the activation cannot be read or has nothing to generate, 2 on a usage error.`;

const SUBCOMMANDS = ['generate'];

export async function runProfiles(argv: string[], io: CliIO): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub.startsWith('-')) throw new UsageError('name what to do: {0}', SUBCOMMANDS.join(', '));
  if (!SUBCOMMANDS.includes(sub)) throw new UsageError("unknown subcommand '{0}'.{1}", sub, didYouMeanText(sub, SUBCOMMANDS));
  return generate(rest, io);
}

async function generate(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      count: { type: 'string', short: 'n' },
      seed: { type: 'string' },
      output: { type: 'string', short: 'o' },
      format: { type: 'string' },
      invalid: { type: 'string' },
      time: { type: 'string' },
    },
  });
  if (positionals.length !== 1) throw new UsageError('name one activation file');
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isSafeInteger(seed)) throw new UsageError("the seed must be an integer, not '{0}'", values.seed!);
  let wanted: number | undefined;
  if (values.count !== undefined) {
    wanted = Number(values.count);
    if (!/^\d+$/.test(values.count) || !Number.isSafeInteger(wanted) || wanted < 1) throw new UsageError("the count must be a whole number of profiles, 1 or more, not '{0}'", values.count);
  }
  const now = values.time === undefined ? SAMPLE_EPOCH : new Date(values.time);
  if (Number.isNaN(now.getTime())) throw new UsageError("--time takes an ISO-8601 date and time, such as 2026-01-01T00:00:00Z, not '{0}'", values.time!);
  let invalid: GenerateOptions['invalid'];
  if (values.invalid !== undefined) {
    const parsed = parseInvalidOption(values.invalid);
    if (parsed.unknown !== undefined) throw new UsageError("--invalid: '{0}' is not a reason the generator can inject.{1} Reasons: {2}.", parsed.unknown, didYouMeanText(parsed.unknown, INJECTABLE_REASONS), INJECTABLE_REASONS.join(', '));
    if (parsed.error) throw new UsageError('--invalid takes a share between 0 and 1 (0.1), or reason=share pairs (invalid-email=0.05,zeroed-device-id=0.02)');
    invalid = parsed.invalid;
  }
  const format = outputFormat(values.format, values.output);

  const path = resolve(io.cwd, positionals[0]!);
  const { project, problems } = await loadProject([dirname(path), path]);
  if (problems.length) {
    io.stderr(`pindest profiles: ${problems[0]!.path} ${problems[0]!.message}\n`);
    return EXIT.findings;
  }
  const wrongFile = notAnActivation('profiles generate', project.file(path), project, io.cwd);
  if (wrongFile) {
    io.stderr(`pindest profiles: ${wrongFile}\n`);
    return EXIT.usage;
  }
  let spec: SampleProfileSpec;
  let destinationCount: number;
  try {
    const activation = resolveActivation(project, project.file(path));
    spec = sampleProfileSpec(activation.destination, activation.mappings, activation.audiences);
    destinationCount = defaultSampleCount(activation.destination);
  } catch (e) {
    // ActivationError, or the spec's one sentence (nothing mapped the destination accepts, no audience).
    if (!(e instanceof Error)) throw e;
    io.stderr(`pindest profiles: ${e.message}\n`);
    return EXIT.findings;
  }

  const tally: Partial<Record<InjectableReason, number>> = {};
  const options: GenerateOptions = { count: wanted ?? destinationCount, seed, now, invalid };
  const output = values.output === undefined ? undefined : resolve(io.cwd, values.output);
  const sink = output ? fileSink(output) : stdoutSink(io);
  try {
    for (const block of sampleProfileText(generateSampleProfiles(spec, options, tally), format)) await sink.write(block);
    await sink.close();
  } catch (e) {
    sink.abort();
    io.stderr(`pindest profiles: ${t('cannot write {0}: {1}', values.output ?? 'stdout', describe(e))}\n`);
    return EXIT.findings;
  }
  const where = values.output ?? 'stdout';
  io.stderr(`pindest profiles: ${t('wrote {0} (seed {1}, namespaces {2}) to {3}', count(options.count, 'profile', 'profiles'), seed, spec.namespaces.join(', '), where)}\n`);
  const injected = Object.entries(tally).filter(([, n]) => n! > 0);
  if (injected.length) io.stderr(`pindest profiles: ${t('invalid values injected (not done by AEP): {0}', injected.map(([r, n]) => `${r} ${n}`).join(', '))}\n`);
  return EXIT.ok;
}

/** jsonl or json, from --format or the output's extension; the file must read back as written. */
function outputFormat(asked: string | undefined, output: string | undefined): 'jsonl' | 'json' {
  if (asked !== undefined && asked !== 'jsonl' && asked !== 'json') throw new UsageError("unknown format '{0}': use jsonl or json", asked);
  if (output === undefined) return (asked as 'jsonl' | 'json' | undefined) ?? 'jsonl';
  const byName = /\.(jsonl|ndjson)$/i.test(output) ? 'jsonl' : /\.json$/i.test(output) ? 'json' : undefined;
  if (!byName) throw new UsageError("name the output .jsonl (JSON Lines) or .json: preview and push read a sample's format from its extension, and '{0}' would be read as {1}", output, profileFormat(output) === 'csv' ? 'CSV' : 'JSON');
  if (asked !== undefined && asked !== byName) throw new UsageError("--format {0} does not match '{1}', which preview and push would read as {2}; name it .{0} or drop --format", asked, output, byName === 'jsonl' ? 'JSON Lines' : 'JSON');
  return byName;
}

interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
  abort(): void;
}

function fileSink(path: string): Sink {
  const stream: WriteStream = createWriteStream(path, { encoding: 'utf8' });
  let failure: unknown;
  stream.on('error', (e) => (failure ??= e));
  const opened = once(stream, 'open');
  return {
    async write(text) {
      await opened;
      if (failure) throw failure;
      if (!stream.write(text)) await once(stream, 'drain');
    },
    async close() {
      await opened;
      if (failure) throw failure;
      stream.end();
      await once(stream, 'finish');
    },
    abort: () => stream.destroy(),
  };
}

function stdoutSink(io: CliIO): Sink {
  const stdout = io === processIO ? process.stdout : undefined;
  let failure: unknown;
  const onError = (e: unknown): void => void (failure ??= e);
  stdout?.on('error', onError);
  return {
    async write(text) {
      if (failure) throw failure;
      io.stdout(text);
      if (stdout?.writableNeedDrain) await once(stdout, 'drain');
    },
    async close() {
      stdout?.off('error', onError);
      if (failure) throw failure;
    },
    abort: () => stdout?.off('error', onError),
  };
}

function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return t('no such folder');
    case 'EACCES':
    case 'EPERM':
      return t('permission denied');
    case 'EISDIR':
      return t('it is a folder, not a file');
    case 'EPIPE':
      return t('the reader closed the pipe');
    default:
      return err?.code ?? (err instanceof Error ? err.message : String(e));
  }
}
