/**
 * `hashBlock` for the Email namespace through the WebAssembly module of email-wasm.ts: the block is
 * copied into the module's memory once, `run` answers every line it can in one call, and each line
 * it hands back (non-ASCII, or 56 to 254 bytes) is answered by `answerLine`, prepareIdentity's rules
 * in JS, its bytes written in place, so the output keeps the input's order.
 */
import type { NamespaceInfo, WarningReason } from '../../core/identity';
import { emailWasmBytes, LAYOUT, OUT_HEADROOM, STATUS } from './email-wasm';
import type { HashCounts } from './hash-block';

interface Exports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  run(inPos: number, inEnd: number, outPos: number, outLimit: number, apply: number): number;
  flush(): void;
}

/** The global WebAssembly API, typed here: the project's `lib` has no DOM types. */
const { Module, Instance } = (globalThis as unknown as {
  WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: unknown } };
}).WebAssembly;

/** The module's bytes as esbuild.mjs inlines them into the bundles; from source, undefined. */
declare const __PINDEST_EMAIL_WASM__: string | undefined;

let instance: Exports | undefined;

function wasm(): Exports {
  if (instance) return instance;
  // Built at build time for the bundles (building costs ~50 ms of cold JS), at first use from source.
  const bytes = typeof __PINDEST_EMAIL_WASM__ === 'string' ? Buffer.from(__PINDEST_EMAIL_WASM__, 'base64') : emailWasmBytes();
  instance = new Instance(new Module(bytes)).exports as Exports;
  return instance;
}

/** Room after the input for the SIMD reads past its end (and the break added after a last line). */
const INPUT_SLACK = 128;
const LF = 10;
const CR = 13;

export type AnswerLine = (info: NamespaceInfo, line: string, apply: boolean, counts: HashCounts, warnings: WarningReason[]) => string;

/**
 * The output bytes of a block of whole lines (each answer ends with '\n'), counting into `counts`,
 * handed to `emit` in order, in pieces that are views of the module's memory, valid only during
 * the call (copy them to keep them).
 */
export function hashEmailBlock(
  block: Uint8Array,
  info: NamespaceInfo,
  apply: boolean,
  counts: HashCounts,
  answerLine: AnswerLine,
  emit: (bytes: Uint8Array) => void,
): void {
  const w = wasm();
  const end = block.length;
  // A last line without a break gets one, so that every line ends with a break.
  const needBreak = end > 0 && block[end - 1] !== LF && block[end - 1] !== CR;
  const needed = LAYOUT.input + end + INPUT_SLACK;
  if (needed > w.memory.buffer.byteLength) w.memory.grow(Math.ceil((needed - w.memory.buffer.byteLength) / 65536));
  const memory = new Uint8Array(w.memory.buffer);
  memory.set(block, LAYOUT.input);
  memory.fill(0, LAYOUT.input + end, LAYOUT.input + end + INPUT_SLACK);
  if (needBreak) memory[LAYOUT.input + end] = LF;
  const inEnd = LAYOUT.input + end + (needBreak ? 1 : 0);
  const header = new Int32Array(w.memory.buffer, LAYOUT.header, 4);
  const wasmCounts = new Int32Array(w.memory.buffer, LAYOUT.counts, 5);
  wasmCounts.fill(0);

  const outLimit = LAYOUT.out + LAYOUT.outSize;
  let inPos = LAYOUT.input;
  let outPos: number = LAYOUT.out;
  const take = (): void => {
    if (outPos > LAYOUT.out) emit(memory.subarray(LAYOUT.out, outPos));
    outPos = LAYOUT.out;
  };
  const warnings: WarningReason[] = [];
  for (;;) {
    const status = w.run(inPos, inEnd, outPos, outLimit, apply ? 1 : 0);
    inPos = header[0]!;
    outPos = header[1]!;
    if (status === STATUS.done) break;
    if (status === STATUS.full) {
      take();
      continue;
    }
    // SLOW: the line [inPos, header[2]) is answered in JS, written where its answer belongs.
    const text = Buffer.from(memory.buffer, inPos, header[2]! - inPos).toString('utf8');
    const answer = answerLine(info, text, apply, counts, warnings) + '\n';
    counts.total++;
    if (outLimit - outPos < Buffer.byteLength(answer) + OUT_HEADROOM) {
      w.flush();
      take();
    }
    outPos += Buffer.from(memory.buffer).write(answer, outPos);
    inPos = header[3]!;
  }
  take();
  counts.total += wasmCounts[0]!;
  if (wasmCounts[1]) counts.warned['whitespace-trimmed'] = (counts.warned['whitespace-trimmed'] ?? 0) + wasmCounts[1];
  const reasons = [, , 'empty', 'hashed-value-in-plain-namespace', 'invalid-email'] as const;
  for (let i = 2; i < 5; i++) {
    const n = wasmCounts[i]!;
    if (n === 0) continue;
    const reason = reasons[i]!;
    counts.rejectedTotal += n;
    counts.rejected[reason] = (counts.rejected[reason] ?? 0) + n;
  }
}
