/**
 * A worker thread of `pindest hash`: blocks of whole lines in (transferred, not copied), output
 * bytes and counts out (transferred back). Order is kept by the main thread through `seq`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { emptyCounts, hashBlock } from './hash-block';

const { namespace, applyTransformation } = workerData as { namespace: string; applyTransformation: boolean };

parentPort!.on('message', (m: { seq: number; block: Uint8Array }) => {
  const counts = emptyCounts();
  let out = hashBlock(m.block, namespace, applyTransformation, counts);
  // A buffer of its own (not a slice of the shared pool), so it can be transferred.
  if (out.byteOffset !== 0 || out.buffer.byteLength !== out.byteLength) out = out.slice();
  parentPort!.postMessage({ seq: m.seq, out, counts }, [out.buffer as ArrayBuffer]);
});
