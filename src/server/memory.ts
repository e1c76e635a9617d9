/**
 * Keeps the server's memory flat around large documents. Each edit of a multi-megabyte file leaves
 * its previous text and parsed value behind, and V8 collects old space lazily: resident memory
 * climbs by tens of MB per edit before a major GC brings it back. After work on a large document,
 * once the editor is idle for a moment, one full collection is requested so memory settles
 * (a few tens of milliseconds, off the typing path). Small documents never trigger it.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

const LARGE = 1024 * 1024;
const IDLE_MS = 750;

let collect: (() => void) | undefined;
try {
  // Smaller young generation: fewer MB of short-lived garbage held between scavenges.
  setFlagsFromString('--max-semi-space-size=4');
  setFlagsFromString('--expose-gc');
  collect = runInNewContext('gc') as () => void;
} catch {
  collect = undefined;
}

let timer: NodeJS.Timeout | undefined;

/** Called after processing a document of `size` characters. */
export function afterWork(size: number): void {
  if (!collect || size < LARGE) return;
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    try {
      collect?.();
    } catch {
      /* best effort */
    }
  }, IDLE_MS);
  timer.unref();
}
