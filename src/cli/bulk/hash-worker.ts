/**
 * A worker thread of `pindest hash`: blocks of whole lines in (transferred, not copied), output
 * bytes and counts out (transferred back). Order is kept by the main thread through `seq`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { emptyCounts, hashBlock } from './hash-block';

const { namespace, applyTransformation } = workerData as { namespace: string; applyTransformation: boolean };

parentPort!.on('message', (m: { seq: number; block: Uint8Array }) => {
  const counts = emptyCounts();
  const text = hashBlock(Buffer.from(m.block.buffer, m.block.byteOffset, m.block.byteLength), namespace, applyTransformation, counts);
  // A buffer of its own (not from the shared pool), so it can be transferred.
  const out = new Uint8Array(Buffer.byteLength(text));
  Buffer.from(out.buffer).write(text);
  parentPort!.postMessage({ seq: m.seq, out, counts }, [out.buffer]);
});
