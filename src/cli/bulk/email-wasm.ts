/**
 * The WebAssembly module behind `pindest hash --namespace Email`: a whole block of lines in, the
 * output bytes out, in one call, with SHA-256 computed four messages at a time in SIMD lanes.
 *
 * Why hand-written: the npm libraries hash one message per call (hash-wasm's createSHA256 and
 * @noble/hashes: a JS-to-hash call, a copy and a digest per value, no cheaper than node's own
 * `crypto.hash`), or batch only four fixed 64-byte inputs, Merkle-tree nodes
 * (@chainsafe/as-sha256's `batchHash4UintArray64s`). The command needs many short values of any
 * length per call, with the trim, lowercase and email checks done on the same bytes; nothing on
 * npm does that. The bytes come from this TypeScript through wasm-emit.ts: esbuild.mjs builds
 * them and inlines them into the bundles, and code run from source builds them at first use; no
 * .wasm file is kept.
 *
 * What `run` does per line (only ASCII lines of up to 55 bytes after trimming, a single SHA-256
 * block, are answered here; anything else is handed back to JS, which runs prepareIdentity's
 * rules on it, so the rules have one definition and this is only a faster way to the same answer):
 * - the line break is found 16 bytes at a time (LF, CRLF or a lone CR, as lines.ts splits); a
 *   byte >= 0x80 anywhere in the line sends it to JS (status SLOW);
 * - trim: String#trim's ASCII whitespace, which is TAB, VT, FF and SPACE inside a line; empty
 *   after trimming is `empty`;
 * - 64 bytes of hex, either case: `hashed-value-in-plain-namespace`; over 254 bytes:
 *   `invalid-email`; 56 to 254 bytes: SLOW (JS);
 * - lowercase A-Z, then isPlausibleEmail's checks on bit masks of '@', '.' and whitespace: one
 *   '@', not first; no whitespace; after the '@' a '.', not right after it, not last, never
 *   doubled; else `invalid-email`;
 * - accepted: with the transformation, the padded block goes to a lane and its 64 hex characters
 *   and '\n' get a slot in the output (filled when four lanes are ready, or at the end); without
 *   it, the lowercase value and '\n' are written.
 * Counts (lines, whitespace-trimmed warnings, each reason) accumulate in memory for JS to read.
 */
import { Fn, I32, I64, V128, moduleBytes, type Label } from './wasm-emit';

/** Memory layout shared with fast-email.ts (byte offsets). */
export const LAYOUT = {
  /** i32s: [0] input position, [1] output position, [2] end of a SLOW line, [3] start of the next line. */
  header: 0,
  /** i32s: lines, whitespace-trimmed warnings, empty, hashed-value-in-plain-namespace, invalid-email. */
  counts: 64,
  slots: 128,
  lanes: 256,
  dummy: 512,
  /** SHA-256's 64 round constants, each in four lanes. */
  k: 1024,
  out: 2048,
  outSize: 4 << 20,
  input: (4 << 20) + (64 << 10),
} as const;

export const STATUS = { done: 0, slow: 1, full: 2 } as const;

/** Room a line may need in the output before `run` hands the buffer back (longest answer is 255 bytes + SIMD stores). */
export const OUT_HEADROOM = 320;

const K = [
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
];
const H0 = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

// SIMD opcodes used below.
const I8X16_SWIZZLE = 0x0e;
const I8X16_SPLAT = 0x0f;
const I8X16_EQ = 0x23;
const I8X16_LT_U = 0x26;
const I8X16_GE_U = 0x2c;
const I8X16_LE_U = 0x2a;
const V128_AND = 0x4e;
const V128_OR = 0x50;
const V128_XOR = 0x51;
const V128_BITSELECT = 0x52;
const I8X16_BITMASK = 0x64;
const I8X16_SHR_U = 0x6d;
const I8X16_SUB = 0x71;
const I32X4_SHL = 0xab;
const I32X4_SHR_U = 0xad;
const I32X4_ADD = 0xae;

// Scalar opcodes used below.
const I32_EQZ = 0x45;
const I32_EQ = 0x46;
const I32_NE = 0x47;
const I32_LT_U = 0x49;
const I32_GT_U = 0x4b;
const I32_LE_U = 0x4d;
const I32_GE_U = 0x4f;
const I32_CTZ = 0x68;
const I32_ADD = 0x6a;
const I32_SUB = 0x6b;
const I32_AND = 0x71;
const I32_OR = 0x72;
const I32_SHL = 0x74;
const I32_SHR_U = 0x76;
const I64_EQZ = 0x50;
const I64_NE = 0x52;
const I64_CTZ = 0x7a;
const I64_POPCNT = 0x7b;
const I64_SUB = 0x7d;
const I64_AND = 0x83;
const I64_OR = 0x84;
const I64_SHL = 0x86;
const I64_SHR_U = 0x88;
const I32_WRAP_I64 = 0xa7;
const I64_EXTEND_I32_U = 0xad;

const range = (from: number, n: number): number[] => Array.from({ length: n }, (_, i) => from + i);
const HEX_DIGITS = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** hash4(): SHA-256 of the four padded one-block messages in `lanes`, hex written to each lane's slot. */
function hash4(): Fn {
  const f = new Fn([], []);
  const W = range(0, 16).map(() => f.local(V128));
  const S = range(0, 8).map(() => f.local(V128));
  const t1 = f.local(V128);
  const t2 = f.local(V128);
  const tmp = range(0, 4).map(() => f.local(V128));
  const slot = f.local(I32);
  const kAt = f.local(I32);

  const rotr = (x: number, n: number): void => {
    f.get(x).i32(n).simd(I32X4_SHR_U).get(x).i32(32 - n).simd(I32X4_SHL).simd(V128_OR);
  };
  const bigSigma = (x: number, a: number, b: number, c: number): void => {
    rotr(x, a);
    rotr(x, b);
    f.simd(V128_XOR);
    rotr(x, c);
    f.simd(V128_XOR);
  };
  const smallSigma = (x: number, a: number, b: number, shift: number): void => {
    rotr(x, a);
    rotr(x, b);
    f.simd(V128_XOR);
    f.get(x).i32(shift).simd(I32X4_SHR_U).simd(V128_XOR);
  };
  // Words 0-15: big-endian words of each lane, transposed so that W[t] holds word t of lanes 0-3.
  const lo = [...range(0, 8), ...range(16, 8)];
  const hi = [...range(8, 8), ...range(24, 8)];
  for (let g = 0; g < 4; g++) {
    for (let j = 0; j < 4; j++) f.i32(LAYOUT.lanes + 64 * j + 16 * g).v128Load().set(tmp[j]!);
    // Byte-swap each word and interleave two lanes: (a.w0, b.w0, a.w1, b.w1) and (a.w2, b.w2, a.w3, b.w3).
    const swapLo = [3, 2, 1, 0, 19, 18, 17, 16, 7, 6, 5, 4, 23, 22, 21, 20];
    const swapHi = swapLo.map((i) => i + 8);
    f.get(tmp[0]!).get(tmp[1]!).shuffle(swapLo).get(tmp[0]!).get(tmp[1]!).shuffle(swapHi);
    f.get(tmp[2]!).get(tmp[3]!).shuffle(swapLo).get(tmp[2]!).get(tmp[3]!).shuffle(swapHi);
    // Stack: t01lo t01hi t23lo t23hi.
    f.set(tmp[3]!).set(tmp[2]!).set(tmp[1]!).set(tmp[0]!);
    f.get(tmp[0]!).get(tmp[2]!).shuffle(lo).set(W[4 * g]!);
    f.get(tmp[0]!).get(tmp[2]!).shuffle(hi).set(W[4 * g + 1]!);
    f.get(tmp[1]!).get(tmp[3]!).shuffle(lo).set(W[4 * g + 2]!);
    f.get(tmp[1]!).get(tmp[3]!).shuffle(hi).set(W[4 * g + 3]!);
  }
  for (let k = 0; k < 8; k++) f.i32x4Const(H0[k]!).set(S[k]!);
  // Rounds 0-15, then a loop of three times 16 rounds (the schedule's 16 words and the roles a..h
  // come back to the same locals after 16 rounds, so the body is written once). Unrolling all 64
  // ran no faster and took ~30 ms more to compile, at every start.
  const round = (t: number, scheduled: boolean): void => {
    const w = W[t]!;
    if (scheduled) {
      smallSigma(W[(t + 14) % 16]!, 17, 19, 10);
      f.get(W[(t + 9) % 16]!).simd(I32X4_ADD);
      smallSigma(W[(t + 1) % 16]!, 7, 18, 3);
      f.simd(I32X4_ADD).get(w).simd(I32X4_ADD).set(w);
    }
    const [a, b, c, d, e, ff, g, h] = r as [number, number, number, number, number, number, number, number];
    f.get(h);
    bigSigma(e, 6, 11, 25);
    f.simd(I32X4_ADD);
    f.get(ff).get(g).get(e).simd(V128_BITSELECT).simd(I32X4_ADD);
    f.get(kAt).v128Load(16 * t).simd(I32X4_ADD).get(w).simd(I32X4_ADD).set(t1);
    bigSigma(a, 2, 13, 22);
    f.get(b).get(a).get(a).get(c).simd(V128_XOR).simd(V128_BITSELECT).simd(I32X4_ADD).set(t2);
    f.get(d).get(t1).simd(I32X4_ADD).set(d);
    f.get(t1).get(t2).simd(I32X4_ADD).set(h);
    r = [h, a, b, c, d, e, ff, g];
  };
  let r = [...S];
  f.i32(LAYOUT.k).set(kAt);
  for (let t = 0; t < 16; t++) round(t, false);
  f.loop((more) => {
    f.get(kAt).i32(256).op(I32_ADD).set(kAt);
    for (let t = 0; t < 16; t++) round(t, true);
    f.get(kAt).i32(LAYOUT.k + 48 * 16).op(I32_LT_U).brIf(more);
  });
  for (let k = 0; k < 8; k++) f.get(S[k]!).i32x4Const(H0[k]!).simd(I32X4_ADD).set(S[k]!);

  // Back to one digest per vector: transpose S0-S3 and S4-S7, then hex each lane.
  const pair04 = [0, 1, 2, 3, 16, 17, 18, 19, 4, 5, 6, 7, 20, 21, 22, 23];
  const pair26 = pair04.map((i) => i + 8);
  const table = Uint8Array.from(HEX_DIGITS);
  // Hex characters of bytes in big-endian word order: byte m of the digest is at 4*(m>>2)+3-(m&3).
  const be = (m: number): number => 4 * (m >> 2) + 3 - (m & 3);
  const hexFirst = range(0, 8).flatMap((m) => [be(m), 16 + be(m)]);
  const hexSecond = range(8, 8).flatMap((m) => [be(m), 16 + be(m)]);
  for (let half = 0; half < 2; half++) {
    const [s0, s1, s2, s3] = S.slice(4 * half, 4 * half + 4) as [number, number, number, number];
    f.get(s0).get(s1).shuffle(pair04).set(tmp[0]!);
    f.get(s0).get(s1).shuffle(pair26).set(tmp[1]!);
    f.get(s2).get(s3).shuffle(pair04).set(tmp[2]!);
    f.get(s2).get(s3).shuffle(pair26).set(tmp[3]!);
    const lanes = [
      [tmp[0]!, tmp[2]!, lo],
      [tmp[0]!, tmp[2]!, hi],
      [tmp[1]!, tmp[3]!, lo],
      [tmp[1]!, tmp[3]!, hi],
    ] as const;
    for (let j = 0; j < 4; j++) {
      const [x, y, sel] = lanes[j]!;
      f.i32(LAYOUT.slots + 4 * j).load32().set(slot);
      // t1 = the lane's 16 digest bytes; t2 = high-nibble digits, t1 = low-nibble digits.
      f.get(x).get(y).shuffle([...sel]).set(t1);
      f.v128Const(table).get(t1).i32(4).simd(I8X16_SHR_U).simd(I8X16_SWIZZLE).set(t2);
      f.v128Const(table).get(t1).i8x16Const(0x0f).simd(V128_AND).simd(I8X16_SWIZZLE).set(t1);
      f.get(slot).get(t2).get(t1).shuffle(hexFirst).v128Store(32 * half);
      f.get(slot).get(t2).get(t1).shuffle(hexSecond).v128Store(32 * half + 16);
    }
  }
  return f;
}

/** flush(): hashes the lanes filled so far (the others write to a dummy slot). */
function flush(): Fn {
  const f = new Fn([], []);
  const j = f.local(I32);
  f.globalGet(0).if(() => {
    f.globalGet(0).set(j);
    f.block((done) => {
      f.loop((next) => {
        f.get(j).i32(4).op(I32_GE_U).brIf(done);
        f.get(j).i32(2).op(I32_SHL).i32(LAYOUT.dummy).store32(LAYOUT.slots);
        f.get(j).i32(1).op(I32_ADD).set(j).br(next);
      });
    });
    f.call(0).i32(0).globalSet(0);
  });
  return f;
}

/** run(inPos, inEnd, outPos, outLimit, apply): answers lines until the end, a SLOW line or a full output. */
function run(): Fn {
  const f = new Fn([I32, I32, I32, I32, I32], [I32]);
  const [inPos, inEnd, outPos, outLimit, apply] = [0, 1, 2, 3, 4];
  const p = f.local(I32);
  const bm = f.local(I32);
  const high = f.local(I32);
  const le = f.local(I32);
  const next = f.local(I32);
  const s = f.local(I32);
  const e = f.local(I32);
  const len = f.local(I32);
  const trimmed = f.local(I32);
  const at = f.local(I32);
  const base = f.local(I32);
  const v = range(0, 4).map(() => f.local(V128));
  const low = range(0, 4).map(() => f.local(V128));
  const mAt = f.local(I64);
  const mDot = f.local(I64);
  const mWs = f.local(I64);
  const lenMask = f.local(I64);
  const tail = f.local(I64);
  const chunk = f.local(V128);

  const saveAndReturn = (status: number): void => {
    f.i32(LAYOUT.header).get(inPos).store32(0);
    f.i32(LAYOUT.header).get(outPos).store32(4);
    f.i32(status).ret();
  };
  const count = (index: number): void => {
    f.i32(LAYOUT.counts).i32(LAYOUT.counts).load32(4 * index).i32(1).op(I32_ADD).store32(4 * index);
  };
  /** A rejected line: an empty output line, the reason counted, on to the next line. */
  const reject = (index: number, lines: Label): void => {
    f.get(outPos).i32(10).store8();
    f.get(outPos).i32(1).op(I32_ADD).set(outPos);
    count(0);
    count(index);
    f.br(lines);
  };
  /** i32 on the stack is 1 when the byte in local `b` is String#trim whitespace (TAB, VT, FF, SPACE). */
  const isSpace = (b: () => void): void => {
    b();
    f.i32(32).op(I32_EQ);
    b();
    f.i32(9).op(I32_SUB).i32(4).op(I32_LT_U).op(I32_OR);
  };
  /** The 64-bit mask of lanes where `cmp` holds over v0..v3 (left on the stack). */
  const mask64 = (n: number, cmp: (x: number) => void): void => {
    for (let k = 0; k < n; k++) {
      cmp(v[k]!);
      f.simd(I8X16_BITMASK).op(I64_EXTEND_I32_U);
      if (k > 0) f.i64(BigInt(16 * k)).op(I64_SHL).op(I64_OR);
    }
  };

  f.loop((lines) => {
    f.get(inPos).get(inEnd).op(I32_GE_U).if(() => {
      f.call(1);
      saveAndReturn(STATUS.done);
    });
    f.get(outLimit).get(outPos).op(I32_SUB).i32(OUT_HEADROOM).op(I32_LT_U).if(() => {
      f.call(1);
      saveAndReturn(STATUS.full);
    });
    // The line break: the first LF or CR, 16 bytes at a time; high bits of earlier bytes kept.
    f.get(inPos).set(p).i32(0).set(high);
    f.block((found) => {
      f.loop((scan) => {
        f.get(p).v128Load().set(chunk);
        f.get(chunk).i8x16Const(10).simd(I8X16_EQ).get(chunk).i8x16Const(13).simd(I8X16_EQ).simd(V128_OR).simd(I8X16_BITMASK).tee(bm);
        f.if(() => {
          f.get(high).get(chunk).simd(I8X16_BITMASK).i32(1).get(bm).op(I32_CTZ).op(I32_SHL).i32(1).op(I32_SUB).op(I32_AND).op(I32_OR).set(high);
          f.get(p).get(bm).op(I32_CTZ).op(I32_ADD).set(le).br(found);
        });
        f.get(high).get(chunk).simd(I8X16_BITMASK).op(I32_OR).set(high);
        f.get(p).i32(16).op(I32_ADD).set(p).br(scan);
      });
    });
    // CRLF is one break.
    f.get(le).i32(1).op(I32_ADD).set(next);
    f.get(le).load8().i32(13).op(I32_EQ).get(le).load8(1).i32(10).op(I32_EQ).op(I32_AND).if(() => {
      f.get(le).i32(2).op(I32_ADD).set(next);
    });
    const slow = (): void => {
      f.i32(LAYOUT.header).get(le).store32(8);
      f.i32(LAYOUT.header).get(next).store32(12);
      saveAndReturn(STATUS.slow);
    };
    f.get(high).if(slow);
    // Trim.
    f.get(inPos).set(s).get(le).set(e);
    f.block((stop) => {
      f.loop((more) => {
        f.get(s).get(e).op(I32_GE_U).brIf(stop);
        isSpace(() => f.get(s).load8());
        f.op(I32_EQZ).brIf(stop);
        f.get(s).i32(1).op(I32_ADD).set(s).br(more);
      });
    });
    f.block((stop) => {
      f.loop((more) => {
        f.get(e).get(s).op(I32_EQ).brIf(stop);
        isSpace(() => f.get(e).i32(1).op(I32_SUB).load8());
        f.op(I32_EQZ).brIf(stop);
        f.get(e).i32(1).op(I32_SUB).set(e).br(more);
      });
    });
    f.get(e).get(s).op(I32_SUB).set(len);
    f.get(s).get(inPos).op(I32_NE).get(e).get(le).op(I32_NE).op(I32_OR).set(trimmed);
    // The line is answered here from now on (or handed back whole, inPos still at its start).
    f.get(len).op(I32_EQZ).if(() => {
      f.get(next).set(inPos);
      reject(2, lines);
    });
    f.get(len).i32(55).op(I32_GT_U).if(() => {
      f.get(len).i32(64).op(I32_EQ).if(() => {
        // 64 hex characters of either case: already a digest, not an address.
        f.block((notHex) => {
          f.i32(0).set(p);
          f.loop((more) => {
            f.get(s).get(p).op(I32_ADD).load8().set(bm);
            f.get(bm).i32(48).op(I32_SUB).i32(10).op(I32_LT_U);
            f.get(bm).i32(32).op(I32_OR).i32(97).op(I32_SUB).i32(6).op(I32_LT_U).op(I32_OR);
            f.op(I32_EQZ).brIf(notHex);
            f.get(p).i32(1).op(I32_ADD).tee(p).i32(64).op(I32_LT_U).brIf(more);
          });
          f.get(next).set(inPos);
          reject(3, lines);
        });
      });
      f.get(len).i32(254).op(I32_GT_U).if(() => {
        f.get(next).set(inPos);
        reject(4, lines);
      });
      slow();
    });
    f.get(next).set(inPos);
    const accept = (n: number): void => {
    // Up to 55 bytes: four 16-byte chunks from the trimmed start (bytes past the line are masked off).
    for (let k = 0; k < n; k++) {
      f.get(s).v128Load(16 * k).set(v[k]!);
      // Lowercase A-Z: OR 0x20 where 'A' <= byte <= 'Z'.
      f.get(v[k]!).get(v[k]!).i8x16Const(65).simd(I8X16_GE_U).get(v[k]!).i8x16Const(90).simd(I8X16_LE_U).simd(V128_AND);
      f.i8x16Const(0x20).simd(V128_AND).simd(V128_OR).set(low[k]!);
    }
    f.i64(1n).get(len).op(I64_EXTEND_I32_U).op(I64_SHL).i64(1n).op(I64_SUB).set(lenMask);
    mask64(n, (x) => f.get(x).i8x16Const(64).simd(I8X16_EQ));
    f.get(lenMask).op(I64_AND).set(mAt);
    mask64(n, (x) => f.get(x).i8x16Const(46).simd(I8X16_EQ));
    f.get(lenMask).op(I64_AND).set(mDot);
    mask64(n, (x) => {
      f.get(x).i8x16Const(32).simd(I8X16_EQ);
      f.get(x).i8x16Const(9).simd(I8X16_SUB).i8x16Const(4).simd(I8X16_LT_U).simd(V128_OR);
    });
    f.get(lenMask).op(I64_AND).set(mWs);
    // isPlausibleEmail on the masks.
    f.block((valid) => {
      f.block((invalid) => {
        f.get(mWs).op(I64_EQZ).op(I32_EQZ).brIf(invalid);
        f.get(mAt).op(I64_POPCNT).i64(1n).op(I64_NE).brIf(invalid);
        f.get(mAt).op(I64_CTZ).op(I32_WRAP_I64).tee(at).op(I32_EQZ).brIf(invalid);
        // Dots after the '@': at least one, none right after it, none last, no two in a row.
        f.get(mDot).i64(2n).get(at).op(I64_EXTEND_I32_U).op(I64_SHL).i64(1n).op(I64_SUB).i64(-1n).op(0x85).op(I64_AND).tee(tail);
        f.op(I64_EQZ).brIf(invalid);
        f.get(mDot).get(at).i32(1).op(I32_ADD).op(I64_EXTEND_I32_U).op(I64_SHR_U).i64(1n).op(I64_AND).op(I64_EQZ).op(I32_EQZ).brIf(invalid);
        f.get(mDot).get(len).i32(1).op(I32_SUB).op(I64_EXTEND_I32_U).op(I64_SHR_U).i64(1n).op(I64_AND).op(I64_EQZ).op(I32_EQZ).brIf(invalid);
        f.get(tail).get(tail).i64(1n).op(I64_SHR_U).op(I64_AND).op(I64_EQZ).brIf(valid);
      });
      reject(4, lines);
    });
    count(0);
    f.get(trimmed).if(() => count(1));
    f.get(apply).if(
      () => {
        // The lane's padded block: the value, 0x80, zeros, the bit length big-endian at the end.
        f.globalGet(0).i32(6).op(I32_SHL).i32(LAYOUT.lanes).op(I32_ADD).set(base);
        for (let k = 0; k < 4; k++) {
          if (k >= n) {
            f.get(base).i8x16Const(0).v128Store(16 * k);
            continue;
          }
          f.get(base).get(low[k]!);
          f.v128Const(Uint8Array.from(range(16 * k, 16))).get(len).simd(I8X16_SPLAT).simd(I8X16_LT_U);
          f.simd(V128_AND).v128Store(16 * k);
        }
        f.get(base).get(len).op(I32_ADD).i32(0x80).store8();
        f.get(base).get(len).i32(5).op(I32_SHR_U).store8(62);
        f.get(base).get(len).i32(3).op(I32_SHL).store8(63);
        f.i32(LAYOUT.slots).globalGet(0).i32(2).op(I32_SHL).op(I32_ADD).get(outPos).store32();
        f.get(outPos).i32(10).store8(64);
        f.get(outPos).i32(65).op(I32_ADD).set(outPos);
        f.globalGet(0).i32(1).op(I32_ADD).tee(at).globalSet(0);
        f.get(at).i32(4).op(I32_EQ).if(() => {
          f.call(0).i32(0).globalSet(0);
        });
      },
      () => {
        for (let k = 0; k < n; k++) f.get(outPos).get(low[k]!).v128Store(16 * k);
        f.get(outPos).get(len).op(I32_ADD).i32(10).store8();
        f.get(outPos).get(len).op(I32_ADD).i32(1).op(I32_ADD).set(outPos);
      },
    );
      f.br(lines);
    };
    // Most addresses fit in two chunks: half the work for them.
    f.get(len).i32(32).op(I32_LE_U).if(() => accept(2), () => accept(4));
    f.br(lines);
  });
  // The loop only leaves through its returns.
  f.op(0x00);
  return f;
}

let bytes: Uint8Array | undefined;

/** The module's bytes (built once per thread). */
export function emailWasmBytes(): Uint8Array {
  bytes ??= moduleBytes(Math.ceil((LAYOUT.input + (2 << 20)) / 65536), 1, [
    { fn: hash4() },
    { name: 'flush', fn: flush() },
    { name: 'run', fn: run() },
  ], [{ offset: LAYOUT.k, bytes: new Uint8Array(Uint32Array.from(K.flatMap((k) => [k, k, k, k])).buffer) }]);
  return bytes;
}
