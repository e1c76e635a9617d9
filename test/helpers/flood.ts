// A real HTTP server on 127.0.0.1 that answers every request with an endless JSON-looking body,
// written as fast as the client reads it. It records whether the client hung up before the server
// finished (it never finishes on its own before `limitBytes`), and how much it managed to write.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Flood {
  url: string;
  /** Requests received (method, path, headers). */
  requests: { method: string; path: string; headers: IncomingHttpHeaders }[];
  /** Resolves once the response is over: closedEarly when the client dropped it before limitBytes. */
  ended: Promise<{ closedEarly: boolean; bytesWritten: number }>;
  close(): Promise<void>;
}

export async function startFlood(options: { limitBytes: number; contentLength?: number }): Promise<Flood> {
  const requests: Flood['requests'] = [];
  let settle!: (r: { closedEarly: boolean; bytesWritten: number }) => void;
  const ended = new Promise<{ closedEarly: boolean; bytesWritten: number }>((r) => (settle = r));
  const chunk = Buffer.alloc(64 * 1024, 'a');
  const server = createServer((req, res) => {
    requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers });
    let written = 0;
    let done = false;
    const finish = (closedEarly: boolean) => {
      if (done) return;
      done = true;
      settle({ closedEarly, bytesWritten: written });
    };
    res.on('close', () => finish(written < options.limitBytes));
    res.writeHead(200, { 'content-type': 'application/json', ...(options.contentLength !== undefined && { 'content-length': String(options.contentLength) }) });
    res.write('{"items":["');
    const pump = () => {
      while (!done && written < options.limitBytes) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!done) res.end('"]}', () => finish(false));
    };
    req.resume();
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    ended,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
