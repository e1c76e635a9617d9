/**
 * `pindest hash --namespace NS [--input FILE|-]`: what each identity value of a file would become
 * on its way to Pinterest, one output line per input line.
 *
 * Why a command: people preparing an upload, or checking what their CRM export turns into, want
 * to run AEP's rules (trim, lowercase, validate, `sha256(lower($))`) over a whole column without
 * writing a destination project. The rules are `prepareIdentity`'s, so the output is byte for
 * byte what the preview and the test activation would send.
 *
 * Output contract: line N of stdout answers line N of the input (so `paste in out` lines up); a
 * rejected value gives an EMPTY line, never the raw value. Rejections are data, not failures: they
 * are counted by reason on stderr at the end (reason codes and fixed sentences only, never values)
 * and the exit code stays 0. Exit 1 is an I/O error, 2 a usage error.
 *
 * Streaming (issue 13): a file (--input, or standard input when it is a regular file) is read
 * synchronously in big blocks (1 MiB; `PINDEST_HASH_CHUNK_BYTES` sets it, for tests of lines split
 * across reads) into one reused buffer, each block cut at its last line break (core/text/lines.ts);
 * a stream (a pipe, a front end's io.stdin) goes through the same cut. Each block is answered in
 * one synchronous call (../bulk/hash-block.ts). Into a file (or /dev/null) the answers are written
 * straight from where they were made (writeSync, no copy); into a pipe or terminal as one buffer
 * per block, the loop waiting for 'drain', so memory stays bounded even into a slow pipe. Line
 * breaks are node:readline's (LF, CRLF or a lone CR), the break never part of a value, a last
 * line without a break still answered.
 *
 * Where the time went, and what changed (issue 13 asked for >= 0.5 of OpenSSL's single-core
 * SHA-256 rate and >= 2.5x a Python hashlib script, whole process): one `crypto.hash` call per
 * value costs ~0.5 us of binding, UTF-8 and hex work, three times OpenSSL's own per-value time,
 * and that was the floor. Now, for Email, a WebAssembly module (../bulk/email-wasm.ts, built by
 * esbuild.mjs from TypeScript, no .wasm file kept) takes a whole block: it finds the breaks,
 * trims, lowercases and runs isPlausibleEmail's checks on the bytes, and hashes four values at a
 * time in SIMD lanes, hex written into one output buffer; the lines it cannot answer (non-ASCII,
 * 56-254 bytes) come back to JS and prepareIdentity's rules, in place. No npm library batches
 * variable-length SHA-256 (see email-wasm.ts). Start-up matters at this scale too: the CLI bundle
 * is split so `hash` loads only its own code (~45 ms less), and the module's bytes are inlined
 * at build time (emitting them at start cost ~50 ms of cold JS).
 *
 * Figures (1M synthetic emails of bench/hashing.ts, 23.7 MB in, 65 MB out, `node dist/cli.mjs
 * hash --namespace Email --input in.txt > out.txt`; this machine: 2 cores shared with other jobs,
 * load 12-16, Node 20.20, so wall times are inflated and CPU time (user+sys) is the steadier
 * figure; interleaved runs, all outputs byte-identical to each other and to Python's):
 * - before this change: 1.17-1.46 CPU s; now, 1 thread: 0.25-0.27 CPU s (3.7-4.0 M/s per CPU s),
 *   0.6-1.0 s wall, 60 MB peak RSS (was 135-160 MB). Of that, ~0.07 s is node's own start,
 *   ~0.11 s SHA-256 (~440 ns per four values, about the x64 SIMD port limit for 4 lanes; the
 *   variants tried, schedule in memory, a cheaper Maj, two groups of four interleaved, were no
 *   faster), ~0.03 s the byte
 *   checks, ~0.03 s writing 65 MB;
 * - 2 worker threads (PINDEST_HASH_WORKERS=2): 0.45-0.50 CPU s, 1.2-2.2 s wall: isolate start,
 *   a module per worker and the copies to and from them cost more than half the work they share,
 *   and a second core is rarely free here. So the default stays one thread; PINDEST_HASH_WORKERS=N
 *   (or auto) opts in (blocks round-robin to N workers, transferred, answers in block order);
 * - baselines in the same runs: OpenSSL `speed -bytes 64 sha256` 6.14-6.28 M/s per CPU second
 *   (SHA-NI here); the Python hashlib script, file in, file out: 0.96-1.21 CPU s, 2.5-4.3 s wall.
 *   Ratios per CPU second: 0.59-0.64 of OpenSSL, 3.6-4.0x Python. bench/hashing.ts in one run
 *   (load 14): 0.56x OpenSSL wall / -elapsed, 0.59x per CPU second; 3.80x Python wall, 3.74x per
 *   CPU second.
 */
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { isatty } from 'node:tty';
import { Worker } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { findNamespace, listNamespaces, rejectMessage, suggestNamespace } from '../../core/identity';
import type { RejectReason, WarningReason } from '../../core/identity';
import { addCounts, emptyCounts, hashBlock, hashBlockInto, type HashCounts } from '../bulk/hash-block';
import { LineCutter, wholeLinesEnd } from '../../core/text/lines';
import { EXIT, processIO, UsageError, type CliIO } from '../io';

const NAMESPACE_CODES = listNamespaces().map((n) => n.code);

export const hashUsage = `usage: pindest hash --namespace NS [--input FILE|-] [--apply-transformation|--no-transformation]
  Reads one identity value per line (from FILE, or stdin when --input is '-' or absent; LF or CRLF)
  and writes one line per input line: the value that would reach Pinterest (trimmed, lowercased,
  validated, and SHA-256 hashed when the transformation applies), or an EMPTY line when the value
  is rejected. Rejections are counted by reason on stderr; values are never printed there.
  --namespace NS, -n NS     the AEP namespace, case-sensitive: Email, Email_LC_SHA256, GAID,
                             IDFA, Phone, Phone_E.164, Phone_SHA256, Phone_SHA256_E.164, ECID
  --input FILE, -i FILE      the values, one per line; '-' or absent reads stdin
  --apply-transformation     hash with sha256(lower($)), as the mapping's "Apply transformation"
  --no-transformation        send plain values (lowercase emails, digits-only phones); GAID/IDFA
                             are then rejected, as Pinterest takes device IDs only hashed
  Default: the transformation applies to namespaces whose values are not already hashed
  (Email, GAID, IDFA, Phone, Phone_E.164, ECID); values already hashed are never hashed again.
  Exit 0 when the input was read (even with rejections), 1 on an I/O error, 2 on a usage error.
  PINDEST_HASH_WORKERS=N (or auto) hashes on N worker threads; the output is the same.`;

export async function runHash(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      namespace: { type: 'string', short: 'n' },
      input: { type: 'string', short: 'i' },
      'apply-transformation': { type: 'boolean' },
      'no-transformation': { type: 'boolean' },
    },
  });
  if (positionals.length > 0) throw new UsageError('unexpected argument; name the input file with --input FILE');
  if (values.namespace === undefined) {
    throw new UsageError(`name the values' namespace with --namespace NS (one of ${NAMESPACE_CODES.join(', ')})`);
  }
  const info = findNamespace(values.namespace);
  if (!info) {
    // rejectMessage echoes the code only when it looks like a namespace, never like an identifier.
    const suggestion = suggestNamespace(values.namespace);
    const message = rejectMessage('unknown-namespace', values.namespace).replace(/\.$/, '');
    throw new UsageError(
      suggestion
        ? `${message}; did you mean '${suggestion.code}'?`
        : `${message}. Namespaces: ${NAMESPACE_CODES.join(', ')}.`,
    );
  }
  if (values['apply-transformation'] && values['no-transformation']) {
    throw new UsageError('give --apply-transformation or --no-transformation, not both');
  }
  const applyTransformation = values['apply-transformation'] ? true : values['no-transformation'] ? false : !info.hashed;

  const inputName = values.input ?? '-';
  const shownName = inputName === '-' ? 'stdin' : inputName;
  let input: NodeJS.ReadableStream | undefined;
  let path: string | undefined;
  let size = 0;
  let stdinFile = false;
  if (inputName === '-' && io.stdin === undefined && isRegularFile(0)) {
    // `< file`: read like --input, without making process.stdin a stream.
    stdinFile = true;
    size = fstatSync(0).size;
  } else if (inputName === '-') {
    input = io.stdin ?? process.stdin;
    if (input === process.stdin && process.stdin.isTTY) {
      io.stderr('pindest hash: reading values from the terminal, one per line; end with Ctrl-D.\n');
    }
  } else {
    path = resolve(io.cwd, inputName);
    try {
      const info = await stat(path);
      if (info.isDirectory()) return ioError(io, `cannot read '${inputName}': it is a folder, not a file`);
      size = info.size;
    } catch (e) {
      return ioError(io, `cannot read '${inputName}': ${describe(e)}`);
    }
  }

  // An error of stdout (EPIPE when its reader goes away) ends the run with exit 1; the listener
  // also keeps the 'error' event from crashing the process.
  let failure: string | undefined;
  const stdout = io === processIO ? process.stdout : undefined;
  const onOutputError = (e: unknown): void => {
    failure ??= `cannot write the output: ${describe(e)}`;
  };
  stdout?.on('error', onOutputError);
  // Worker answers are bytes: straight to process.stdout, decoded only for a front end's io.
  const write = async (text: string | Uint8Array): Promise<void> => {
    if (text.length === 0) return;
    if (typeof text === 'string') io.stdout(text);
    else if (stdout) stdout.write(text);
    else io.stdout(Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('utf8'));
    // once() also rejects on 'error', which onOutputError has already recorded.
    if (stdout?.writableNeedDrain) await once(stdout, 'drain').catch(() => undefined);
  };

  const counts = emptyCounts();
  const workers = workerCount(size);
  try {
    const blocks = path !== undefined || stdinFile ? fileBlocks(path) : wholeLines(streamReads(input!));
    if (workers > 0) await hashInWorkers(blocks, workers, info.code, applyTransformation, counts, write, () => failure);
    else if (stdout && writesAtOnce(1)) {
      // Into a file (`> out.txt`): each piece written from where it was made, synchronously, no copy.
      const toFile = (bytes: Uint8Array): void => {
        try {
          for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at);
        } catch (e) {
          failure ??= `cannot write the output: ${describe(e)}`;
          throw e;
        }
      };
      for await (const block of blocks) hashBlockInto(block, info.code, applyTransformation, counts, toFile);
    } else {
      for await (const block of blocks) {
        await write(hashBlock(block, info.code, applyTransformation, counts));
        if (failure) break;
      }
    }
  } catch (e) {
    failure ??= e instanceof WorkerFailure ? e.message : `cannot read '${shownName}': ${describe(e)}`;
  } finally {
    stdout?.off('error', onOutputError);
  }
  if (failure) return ioError(io, failure);

  io.stderr(summary(info.code, counts));
  return EXIT.ok;
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** A file, or a device that takes writes at once like /dev/null (not a terminal, not a pipe). */
function writesAtOnce(fd: number): boolean {
  try {
    const info = fstatSync(fd);
    return info.isFile() || (info.isCharacterDevice() && !isatty(fd));
  } catch {
    return false;
  }
}

/** Bytes per read: big enough that reads, splits and writes cost little per line. */
function chunkBytes(): number {
  const n = Number(process.env.PINDEST_HASH_CHUNK_BYTES);
  return Number.isInteger(n) && n > 0 ? n : 1 << 20;
}

/** With PINDEST_HASH_WORKERS=auto, input from this size on goes to worker threads. */
const WORKER_MIN_BYTES = 16 << 20;

/**
 * How many worker threads: none unless PINDEST_HASH_WORKERS=N asks (the figures at the top: they
 * did not pay off here); then N, but only for a file of WORKER_MIN_BYTES or more ('auto': one per
 * core), since under that isolate start-up costs more than it saves.
 */
function workerCount(size: number): number {
  const asked = process.env.PINDEST_HASH_WORKERS;
  if (asked === undefined || asked === '' || asked === '0') return 0;
  if (asked === 'auto') return size >= WORKER_MIN_BYTES && availableParallelism() > 1 ? Math.min(availableParallelism(), 8) : 0;
  const n = Number(asked);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 16) : 0;
}

/**
 * A file in blocks of whole lines (the last one may lack its break), read into one buffer that is
 * used again for each read: the partial line at the end of a read moves to its start and the next
 * read goes after it. A block is only valid until the next one is asked for (both consumers are
 * done with it by then: the hot loop is synchronous, and hashInWorkers copies it to transfer it).
 */
function* fileBlocks(path: string | undefined): Generator<Buffer> {
  const size = chunkBytes();
  // No path: standard input, a regular file (read from where it stands, never closed here).
  const fd = path !== undefined ? openSync(path, 'r') : 0;
  try {
    let buffer = Buffer.allocUnsafeSlow(2 * size);
    let kept = 0;
    for (;;) {
      // Room for a whole read after the partial line (a line longer than a read makes it grow).
      if (buffer.length - kept < size) {
        const bigger = Buffer.allocUnsafeSlow(2 * (kept + size));
        buffer.copy(bigger, 0, 0, kept);
        buffer = bigger;
      }
      const bytesRead = readSync(fd, buffer, kept, buffer.length - kept, null);
      if (bytesRead === 0) {
        if (kept > 0) yield buffer.subarray(0, kept);
        return;
      }
      const data = buffer.subarray(0, kept + bytesRead);
      const cut = wholeLinesEnd(data);
      if (cut > 0) yield data.subarray(0, cut);
      buffer.copyWithin(0, cut, data.length);
      kept = data.length - cut;
    }
  } finally {
    if (path !== undefined) closeSync(fd);
  }
}

async function* streamReads(input: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  } finally {
    if (input !== process.stdin && 'destroy' in input && typeof input.destroy === 'function') input.destroy();
  }
}

/** Reads regrouped into blocks of whole lines (the last one may lack its break). */
async function* wholeLines(reads: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const cutter = new LineCutter();
  for await (const chunk of reads) {
    const block = cutter.push(chunk);
    if (block) yield block;
  }
  const last = cutter.end();
  if (last) yield last;
}

/**
 * Blocks go round the workers (copied once into a buffer of their own, then transferred); answers
 * are written strictly in block order. At most two blocks per worker are in flight, so memory
 * stays bounded whatever the input size.
 */
async function hashInWorkers(
  blocks: AsyncIterable<Buffer> | Iterable<Buffer>,
  count: number,
  namespace: string,
  applyTransformation: boolean,
  counts: HashCounts,
  write: (text: string | Uint8Array) => Promise<void>,
  failed: () => string | undefined,
): Promise<void> {
  // The bundle runs dist/hash-worker.mjs; from source (tests in process) the worker is TypeScript.
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(fromSource ? '../bulk/hash-worker.ts' : './hash-worker.mjs', import.meta.url);
  const workerData = { namespace, applyTransformation };
  const pool = Array.from({ length: count }, () =>
    fromSource
      ? new Worker(`import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true, workerData })
      : new Worker(url, { workerData }),
  );
  const done = new Map<number, { out: Uint8Array; counts: HashCounts }>();
  let wake: (() => void) | undefined;
  let crashed: unknown;
  for (const w of pool) {
    w.on('message', (m: { seq: number; out: Uint8Array; counts: HashCounts }) => {
      done.set(m.seq, m);
      wake?.();
    });
    w.on('error', (e) => {
      crashed ??= e;
      wake?.();
    });
  }
  const next = (): Promise<void> => new Promise((r) => (wake = r));
  let sent = 0;
  let written = 0;
  const drainReady = async (): Promise<void> => {
    for (let m = done.get(written); m; m = done.get(written)) {
      done.delete(written++);
      addCounts(counts, m.counts);
      await write(m.out);
    }
  };
  try {
    for await (const block of blocks) {
      while (sent - written >= 2 * count && !crashed && !failed()) {
        const woken = next();
        await drainReady();
        if (sent - written >= 2 * count) await woken;
      }
      if (crashed) throw new WorkerFailure(crashed);
      if (failed()) return;
      const own = new Uint8Array(block.length);
      own.set(block);
      pool[sent % count]!.postMessage({ seq: sent, block: own }, [own.buffer]);
      sent++;
    }
    while (written < sent && !crashed && !failed()) {
      const woken = next();
      await drainReady();
      if (written < sent) await woken;
    }
    if (crashed) throw crashed;
  } catch (e) {
    // A worker that fails is not a read error: say where it happened.
    if (crashed === e) throw new WorkerFailure(e);
    throw e;
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** `rejected 3 of 1000: invalid-email 2, zeroed-device-id 1`, then what each reason means. */
function summary(namespace: string, { total, rejectedTotal, rejected: rejectedCounts, warned: warnedCounts }: HashCounts): string {
  const rejected = new Map(Object.entries(rejectedCounts) as [RejectReason, number][]);
  const warned = new Map(Object.entries(warnedCounts) as [WarningReason, number][]);
  const byCount = <K extends string>(m: Map<K, number>): [K, number][] =>
    [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const list = <K extends string>(m: Map<K, number>): string => byCount(m).map(([k, n]) => `${k} ${n}`).join(', ');
  let out = `rejected ${rejectedTotal} of ${total}${rejectedTotal ? ': ' + list(rejected) : ''}\n`;
  for (const [reason] of byCount(rejected)) out += `  ${reason}: ${rejectMessage(reason, namespace)}\n`;
  if (warned.size) out += `warnings: ${list(warned)}\n`;
  return out;
}

class WorkerFailure extends Error {
  constructor(cause: unknown) {
    super(`a worker thread failed (${cause instanceof Error ? cause.message.split('\n')[0] : String(cause)}); run again without PINDEST_HASH_WORKERS`);
  }
}

function ioError(io: CliIO, message: string): number {
  io.stderr(`pindest hash: ${message}\n`);
  return EXIT.findings;
}

/** A system error as a short phrase ("no such file or directory"), without a stack. */
function describe(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  switch (err?.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EPIPE':
      return 'the reader closed the pipe';
    default:
      return err?.code ?? (err instanceof Error ? err.message : String(e));
  }
}
