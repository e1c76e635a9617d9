// Seeded pseudo-random numbers, for anything that must be reproducible from a seed: the
// simulator's fault injection (the same seed and requests give the same faults, so a flaky-looking
// client bug can be replayed) and the sample-profile generator (the same seed gives the same file).
// mulberry32 is tiny, fast and good enough for that; it is not for secrets (tokens use node:crypto).

/** A function returning floats in [0, 1), deterministic for a given seed. */
export type Random = () => number;

export function mulberry32(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
