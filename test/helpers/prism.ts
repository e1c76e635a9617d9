// Stoplight Prism as a validating proxy (`proxy --errors`) in front of a simulator, for the
// contract tests: started on a free port, its output kept for the assertions, stopped after.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const PRISM = join(ROOT, 'node_modules/.bin/prism');

export interface PrismProxy {
  url: string;
  /** Everything Prism printed since it was listening (or since the last `clearLog`). */
  readonly log: string;
  clearLog(): void;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Prism validating every request to `upstream` and its answer against the OpenAPI file `spec`. */
export async function startPrism(spec: string, upstream: string): Promise<PrismProxy> {
  const port = await freePort();
  const prism = spawn(PRISM, ['proxy', spec, upstream, '--errors', '-h', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Prism did not start:\n${log.slice(-2000)}`)), 90_000);
      const onData = (chunk: Buffer) => {
        log += chunk.toString();
        if (log.includes('Prism is listening')) {
          clearTimeout(timer);
          resolve();
        }
      };
      prism.stdout!.on('data', onData);
      prism.stderr!.on('data', onData);
      prism.on('exit', (code) => reject(new Error(`Prism exited with ${code}:\n${log.slice(-2000)}`)));
    });
  } catch (e) {
    prism.kill();
    throw e;
  }
  log = '';
  return {
    url: `http://127.0.0.1:${port}`,
    get log() {
      return log;
    },
    clearLog() {
      log = '';
    },
    stop() {
      prism.kill();
    },
  };
}
