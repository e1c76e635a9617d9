/** Timing helpers for benchmarks: warm up, then take the median of many runs. */
import { performance } from 'node:perf_hooks';

export async function median(run: () => unknown, { warmup = 5, runs = 50 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export function ms(x: number): string {
  return x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(2)} ms`;
}

export function row(label: string, value: string, note = ''): void {
  console.log(`${label.padEnd(58)} ${value.padStart(12)}${note ? '  ' + note : ''}`);
}
