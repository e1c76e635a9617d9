/**
 * Just enough of a WebAssembly binary writer for `email-wasm.ts`: one memory, functions with
 * locals, structured control flow with named labels, the scalar and SIMD opcodes that module
 * uses. The module is built from this source when first needed (a few kB, well under a
 * millisecond), so no generated .wasm file is kept in the repository.
 */

export const I32 = 0x7f;
export const I64 = 0x7e;
export const V128 = 0x7b;

export function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

export function sleb(n: bigint): number[] {
  const out: number[] = [];
  for (;;) {
    const b = Number(n & 0x7fn);
    n >>= 7n;
    if ((n === 0n && (b & 0x40) === 0) || (n === -1n && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

/** A label for br/br_if: the block or loop it names. */
export interface Label {
  readonly id: number;
}

/** One function body being written; the methods push instructions in order. */
export class Fn {
  readonly code: number[] = [];
  private readonly extra: number[] = [];
  private readonly labels: Label[] = [];
  private nextLabel = 0;

  constructor(
    readonly params: number[],
    readonly results: number[],
  ) {}

  local(type: number): number {
    this.extra.push(type);
    return this.params.length + this.extra.length - 1;
  }

  op(...bytes: number[]): this {
    for (const b of bytes) this.code.push(b);
    return this;
  }

  get(i: number): this {
    return this.op(0x20, ...uleb(i));
  }
  set(i: number): this {
    return this.op(0x21, ...uleb(i));
  }
  tee(i: number): this {
    return this.op(0x22, ...uleb(i));
  }
  globalGet(i: number): this {
    return this.op(0x23, ...uleb(i));
  }
  globalSet(i: number): this {
    return this.op(0x24, ...uleb(i));
  }
  i32(n: number): this {
    return this.op(0x41, ...sleb(BigInt(n | 0)));
  }
  i64(n: bigint): this {
    return this.op(0x42, ...sleb(BigInt.asIntN(64, n)));
  }
  call(i: number): this {
    return this.op(0x10, ...uleb(i));
  }
  /** A SIMD instruction (0xfd prefix) with its immediates. */
  simd(opcode: number, ...imm: number[]): this {
    return this.op(0xfd, ...uleb(opcode), ...imm);
  }
  v128Load(offset = 0): this {
    return this.simd(0x00, 0, ...uleb(offset));
  }
  v128Store(offset = 0): this {
    return this.simd(0x0b, 0, ...uleb(offset));
  }
  v128Const(bytes: ArrayLike<number>): this {
    return this.simd(0x0c, ...Array.from(bytes));
  }
  /** A v128 constant of four equal i32 lanes. */
  i32x4Const(n: number): this {
    const b = new Uint8Array(16);
    new DataView(b.buffer).setUint32(0, n >>> 0, true);
    b.copyWithin(4, 0, 4).copyWithin(8, 0, 8);
    return this.v128Const(b);
  }
  /** A v128 constant of sixteen equal bytes. */
  i8x16Const(n: number): this {
    return this.v128Const(new Uint8Array(16).fill(n & 0xff));
  }
  shuffle(lanes: number[]): this {
    if (lanes.length !== 16) throw new Error('i8x16.shuffle takes 16 lanes');
    return this.simd(0x0d, ...lanes);
  }
  load8(offset = 0): this {
    return this.op(0x2d, 0, ...uleb(offset));
  }
  load32(offset = 0): this {
    return this.op(0x28, 2, ...uleb(offset));
  }
  store8(offset = 0): this {
    return this.op(0x3a, 0, ...uleb(offset));
  }
  store32(offset = 0): this {
    return this.op(0x36, 2, ...uleb(offset));
  }

  private enter(opcode: number, body: (label: Label) => void): this {
    const label = { id: this.nextLabel++ };
    this.op(opcode, 0x40);
    this.labels.push(label);
    body(label);
    this.labels.pop();
    return this.op(0x0b);
  }
  block(body: (label: Label) => void): this {
    return this.enter(0x02, body);
  }
  loop(body: (label: Label) => void): this {
    return this.enter(0x03, body);
  }
  /** `if` on the i32 on the stack; `otherwise` for an else branch. */
  if(then: () => void, otherwise?: () => void): this {
    this.op(0x04, 0x40);
    this.labels.push({ id: this.nextLabel++ });
    then();
    if (otherwise) {
      this.op(0x05);
      otherwise();
    }
    this.labels.pop();
    return this.op(0x0b);
  }
  private depth(label: Label): number {
    const i = this.labels.lastIndexOf(label);
    if (i < 0) throw new Error('branch to a label that is not enclosing');
    return this.labels.length - 1 - i;
  }
  br(label: Label): this {
    return this.op(0x0c, ...uleb(this.depth(label)));
  }
  brIf(label: Label): this {
    return this.op(0x0d, ...uleb(this.depth(label)));
  }
  ret(): this {
    return this.op(0x0f);
  }

  /** The body as the code section stores it (size-prefixed, locals grouped). */
  encode(): number[] {
    const groups: number[][] = [];
    for (const t of this.extra) {
      const last = groups[groups.length - 1];
      if (last && last[1] === t) last[0]!++;
      else groups.push([1, t]);
    }
    const body = [...uleb(groups.length), ...groups.flatMap(([n, t]) => [...uleb(n!), t!]), ...this.code, 0x0b];
    return [...uleb(body.length), ...body];
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

/**
 * A module of one exported memory (`memory`, `pages` of 64 KiB, growable), mutable i32 globals
 * starting at 0, the functions in order, exported by the names given, and bytes the memory starts with.
 */
export function moduleBytes(pages: number, globals: number, functions: { name?: string; fn: Fn }[], data: { offset: number; bytes: Uint8Array }[] = []): Uint8Array {
  const types = functions.map(({ fn }) => [0x60, ...vec(fn.params.map((t) => [t])), ...vec(fn.results.map((t) => [t]))]);
  const exports = functions.flatMap(({ name: n }, i) => (n ? [[...name(n), 0x00, ...uleb(i)]] : []));
  exports.push([...name('memory'), 0x02, 0]);
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(3, vec(functions.map((_, i) => uleb(i)))),
    ...section(5, vec([[0x00, ...uleb(pages)]])),
    ...section(6, vec(Array.from({ length: globals }, () => [I32, 0x01, 0x41, 0x00, 0x0b]))),
    ...section(7, vec(exports)),
    ...section(10, vec(functions.map(({ fn }) => fn.encode()))),
    ...section(11, vec(data.map(({ offset, bytes }) => [0x00, 0x41, ...sleb(BigInt(offset)), 0x0b, ...uleb(bytes.length), ...bytes]))),
  ];
  return Uint8Array.from(bytes);
}
