/**
 * `sha256Lower` over a large array on worker threads.
 *
 * Why workers at all: in the extension host or the language server, hashing a million values on
 * the main thread blocks it for most of a second; on workers the main thread stays responsive,
 * and with free cores the wall time drops. (On the 2-core CI machine, measured: two workers take
 * ~0.6–1.0 s for 1M emails against ~0.55–0.9 s on one thread, i.e. no speed-up there; startup of
 * a fresh isolate and the copy in and out eat the gain. The benchmark reports the ratio.)
 *
 * How the worker runs: its source is the plain JavaScript string below, started with
 * `eval: true`. So there is no worker file to locate: it works the same under plain Node, under
 * `node --import tsx` (tests), and inside the esbuild ESM and CJS bundles, where a separate
 * `.ts` worker file would be missing or untranspiled, and `import.meta.url` does not exist in CJS.
 * `execArgv: []` stops the worker from inheriting `--import tsx`: there is nothing to transpile,
 * and loading tsx in each worker costs startup time.
 *
 * Transfer (measured; structured clone of string arrays was ~1.5x slower): each worker gets its
 * slice as ONE concatenated string plus an Int32Array of lengths (exact for any content, no
 * separator that a value could contain), and answers with ONE string of concatenated 64-char hex
 * digests, which the main thread slices.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import { hashEmailsBatch } from './batch';

/** Kept in step with hash.ts (trim, toLowerCase, SHA-256 hex); the tests compare the two. */
const WORKER_SOURCE = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const crypto = require('node:crypto');
const sha256 = typeof crypto.hash === 'function'
  ? (s) => crypto.hash('sha256', s, 'hex')
  : (s) => crypto.createHash('sha256').update(s, 'utf8').digest('hex');
const { text, lengths } = workerData;
const digests = new Array(lengths.length);
let offset = 0;
for (let i = 0; i < lengths.length; i++) {
  const value = text.slice(offset, offset + lengths[i]);
  offset += lengths[i];
  digests[i] = sha256(value.trim().toLowerCase());
}
parentPort.postMessage(digests.join(''));
`;

export interface WorkerHashOptions {
  /**
   * Below this many values per thread the work stays on the calling thread (a worker's startup,
   * ~20–40 ms, costs more than hashing 10k values). Default 10,000; tests set 0.
   */
  minValuesPerThread?: number;
}

/**
 * The same result as `hashEmailsBatch(values)`, computed on up to `threads` worker threads
 * (capped at the machine's available parallelism). Values must be strings.
 */
export async function hashInWorkers(
  values: readonly string[],
  threads: number,
  options: WorkerHashOptions = {},
): Promise<string[]> {
  const minPerThread = options.minValuesPerThread ?? 10_000;
  const wanted = Math.max(1, Math.min(Math.floor(threads) || 1, availableParallelism()));
  const count = Math.min(wanted, Math.max(1, minPerThread > 0 ? Math.floor(values.length / minPerThread) : values.length));
  if (count <= 1 && minPerThread > 0) return hashEmailsBatch(values);

  const size = Math.ceil(values.length / count);
  const slices: Promise<string>[] = [];
  for (let start = 0; start < values.length; start += size) {
    slices.push(runWorker(values.slice(start, start + size)));
  }
  const out = new Array<string>(values.length);
  let i = 0;
  for (const hex of await Promise.all(slices)) {
    for (let offset = 0; offset < hex.length; offset += 64) out[i++] = hex.slice(offset, offset + 64);
  }
  return out;
}

function runWorker(slice: readonly string[]): Promise<string> {
  const lengths = new Int32Array(slice.length);
  for (let i = 0; i < slice.length; i++) {
    if (typeof slice[i] !== 'string') return Promise.reject(new TypeError('hashInWorkers takes strings only'));
    lengths[i] = slice[i].length;
  }
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      execArgv: [],
      workerData: { text: slice.join(''), lengths },
      transferList: [lengths.buffer],
    });
    worker.once('message', (hex: string) => resolve(hex));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`hash worker stopped with exit code ${code}`));
    });
  });
}
