/**
 * A real LSP client for the tests: spawns the bundled server (`node dist/server.cjs --stdio`) and
 * talks JSON-RPC over its stdio, as VS Code does. Rebuilds the bundle first when the sources are
 * newer, so a test never runs against a stale server.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
// vscode-jsonrpc's node transport, taken through the protocol package: it re-exports the jsonrpc
// version its request types are built with (a top-level vscode-jsonrpc 8 would reject them).
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type ServerCapabilities,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { URI } from 'vscode-uri';
import { SERVER_NODE_FLAGS } from '../../src/server/node-flags';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const SERVER = join(ROOT, 'dist/server.cjs');
export const EXAMPLE = join(ROOT, 'examples/pinterest-customer-list');

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

let built = false;
export function ensureBuilt(): void {
  if (built) return;
  const stale = !existsSync(SERVER) || statSync(SERVER).mtimeMs < Math.max(newest(join(ROOT, 'src/server')), newest(join(ROOT, 'src/core')), newest(join(ROOT, 'l10n')));
  if (stale) {
    // The server entry alone, with esbuild.mjs's options for it: another front end's unfinished
    // work must not stop the server's tests.
    const script = `import('esbuild').then((e) => e.build({ entryPoints: ['src/server/main.ts'], outfile: 'dist/server.cjs', bundle: true, platform: 'node', mainFields: ['module', 'main'], target: 'node20', format: 'cjs', sourcemap: 'linked', legalComments: 'linked', logLevel: 'warning' }))`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, stdio: 'inherit' });
    if (r.status !== 0) throw new Error('esbuild failed');
  }
  built = true;
}

/** A copy of the example project in a temporary folder (tests edit files on disk). */
export function exampleCopy(): { dir: string; path: (name: string) => string; uri: (name: string) => string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-lsp-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return { dir, path: (n) => join(dir, n), uri: (n) => URI.file(join(dir, n)).toString(), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Splits a fixture with one `|` caret into text and caret offset (another marker when the text needs `|`). */
export function caret(fixture: string, marker = '|'): { text: string; offset: number } {
  const offset = fixture.indexOf(marker);
  if (offset < 0) throw new Error(`fixture has no ${marker} caret`);
  return { text: fixture.slice(0, offset) + fixture.slice(offset + marker.length), offset };
}

export function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, pos: { line: number; character: number }): number {
  const lines = text.split('\n');
  let o = 0;
  for (let i = 0; i < pos.line; i++) o += lines[i]!.length + 1;
  return o + pos.character;
}

export class TestClient {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private waiters: (() => void)[] = [];
  /** Every publishDiagnostics, in order (tests of debouncing look at all of them). */
  readonly published: PublishDiagnosticsParams[] = [];
  private versions = new Map<string, number>();
  stderr = '';
  logs: string[] = [];
  /** What the server registered in its initialize answer. */
  capabilities: ServerCapabilities = {};

  private constructor() {
    ensureBuilt();
    this.process = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (d) => (this.stderr += String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p);
      this.published.push(p);
      const w = this.waiters;
      this.waiters = [];
      w.forEach((f) => f());
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', () => []);
    this.connection.listen();
  }

  /** `locale`: VS Code's display language, as the initialize request gives it. */
  static async start(initializationOptions: unknown = { pindest: { validation: { delay: 0 } } }, locale?: string): Promise<TestClient> {
    const c = new TestClient();
    const init = await c.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: null,
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { dataSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'refactor.rewrite'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
        workspace: { workspaceEdit: { documentChanges: true } },
      },
      workspaceFolders: null,
      initializationOptions,
      locale,
    });
    c.capabilities = init.capabilities;
    await c.connection.sendNotification(InitializedNotification.type, {});
    return c;
  }

  async open(uri: string, text: string, languageId = 'json'): Promise<void> {
    this.versions.set(uri, 1);
    this.diagnostics.delete(uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async replaceAll(uri: string, text: string): Promise<number> {
    return this.change(uri, [{ text }]);
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The next diagnostics for `uri` that satisfy `accept` (default: those for the current version). */
  async diagnosticsFor(uri: string, accept?: (p: PublishDiagnosticsParams) => boolean, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const version = this.versions.get(uri);
    const ok = accept ?? ((p: PublishDiagnosticsParams) => version === undefined || p.version === version);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const p = this.diagnostics.get(uri);
      if (p && ok(p)) return p.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${uri} (last: ${JSON.stringify(p?.diagnostics.map((d) => d.code))})`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }

  /** Forgets what was published for `uri`, so the next wait sees only new diagnostics. */
  reset(uri: string): void {
    this.diagnostics.delete(uri);
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      /* already gone */
    }
    this.connection.dispose();
    if (this.process.exitCode === null) this.process.kill();
  }
}

/** A server and a copy of the example for one test file: started before its tests, stopped after. */
export function serverSession(): { client: TestClient; project: ReturnType<typeof exampleCopy>; read: (name: string) => string } {
  const project = exampleCopy();
  const session = { client: undefined as unknown as TestClient, project, read: (n: string) => readFileSync(project.path(n), 'utf8') };
  before(async () => {
    session.client = await TestClient.start();
  });
  after(async () => {
    await session.client.stop();
    project.dispose();
  });
  return session;
}
