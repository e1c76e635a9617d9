/** A one-line progress bar on stderr, only when stderr is a terminal (CI logs stay clean). */
import type { CliIO } from './io';

export function progressBar(io: CliIO, tty = process.stderr.isTTY === true) {
  let last = '';
  return {
    update: (p: { phase: string; done: number; total: number }) => {
      if (!tty || p.total === 0) return;
      const width = 30;
      const filled = Math.round((p.done / p.total) * width);
      const line = `\r${p.phase.padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${p.done}/${p.total}`;
      if (line !== last) io.stderr((last = line));
    },
    done: () => {
      if (tty && last) io.stderr('\r' + ' '.repeat(last.length) + '\r');
    },
  };
}
