/**
 * The language client: starts the bundled server (dist/server.cjs, node IPC) on the first
 * destination file, restarts it after a crash at most 4 times in 3 minutes, and routes everything
 * the server prints through the redacting log.
 */
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { SERVER_NODE_FLAGS } from '../server/node-flags';
import { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions, type TextEdit } from 'vscode-languageclient/node';
import type { Log } from './log';
import { RestartBudget } from './restart';
import { FORMAT_KEEPING_STYLE } from '../server/requests';
import { documentFilters, type DocumentFilter, type Kind } from './settings';
import { TEMPLATE_SCHEME } from '../core/template/embedded';

export type ClientState = 'stopped' | 'starting' | 'running' | 'failed';

export function documentSelector(): DocumentFilter[] {
  const extra = vscode.workspace.getConfiguration('pindest').get<Partial<Record<Kind, unknown>>>('files.globs', {});
  return documentFilters(extra, vscode.workspace.isTrusted);
}

export class Client implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private readonly budget = new RestartBudget(4, 3 * 60_000);
  private readonly changed = new vscode.EventEmitter<ClientState>();
  readonly onDidChangeState = this.changed.event;
  state: ClientState = 'stopped';
  startedInMs: number | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Log,
  ) {}

  private set(state: ClientState): void {
    this.state = state;
    this.changed.fire(state);
  }

  /** The same shape `workspace/didChangeConfiguration` sends for the `pindest` section. */
  private settings(): Record<string, unknown> {
    const c = vscode.workspace.getConfiguration('pindest');
    return {
      pindest: {
        validation: { delay: c.get<number>('validation.delay', 250) },
        log: { level: c.get<string>('log.level', 'info') },
        files: { globs: vscode.workspace.isTrusted ? c.get('files.globs', {}) : {} },
        rules: c.get('rules', {}),
      },
      // Where the rule pages ship (docs/rules/): each diagnostic's code links to its page.
      extensionPath: this.context.extensionPath,
    };
  }

  async start(): Promise<void> {
    if (this.client || this.state === 'starting') return;
    const module = this.context.asAbsolutePath('dist/server.cjs');
    if (!existsSync(module)) {
      this.log.error(`The language server bundle is missing (${module}); run "npm run build".`);
      this.set('failed');
      return;
    }
    const t0 = Date.now();
    this.set('starting');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      // And Edit Embedded Template's Pebble editors: checked, completed and hovered as they are typed.
      documentSelector: [...documentSelector(), { scheme: TEMPLATE_SCHEME, language: 'pebble' }],
      initializationOptions: this.settings(),
      synchronize: {
        configurationSection: 'pindest',
        fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{json,csv,jsonl}'),
      },
      outputChannel: this.log.clientChannel('[server] '),
      traceOutputChannel: this.log.clientChannel('[lsp] '),
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      diagnosticCollectionName: 'pindest',
      errorHandler: {
        error: (error, _message, count) => {
          this.log.error('Language server connection error', error);
          return { action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
        },
        closed: () => {
          if (this.budget.crashed()) {
            this.log.warn(`The language server stopped unexpectedly; restarting (${this.budget.recent} of ${this.budget.max} within 3 minutes).`);
            return { action: CloseAction.Restart, handled: true };
          }
          this.log.error(`The language server crashed ${this.budget.recent} times within 3 minutes and will not be restarted.`);
          this.set('failed');
          void vscode.window
            .showErrorMessage(vscode.l10n.t('The Pinterest destination language server keeps crashing and was stopped. The log may say why.'), vscode.l10n.t('Show Log'), vscode.l10n.t('Restart'))
            .then((pick) => {
              if (pick === vscode.l10n.t('Show Log')) this.log.show();
              else if (pick === vscode.l10n.t('Restart')) void this.restart();
            });
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
    const client = new LanguageClient('pindest', 'Pinterest Destination language server', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((e) => {
      if (e.newState === State.Running) this.set('running');
      else if (e.newState === State.Starting) this.set('starting');
      else if (this.state !== 'failed') this.set('stopped');
    });
    try {
      await client.start();
      this.startedInMs = Date.now() - t0;
      this.log.info(`Language server started in ${this.startedInMs} ms.`);
    } catch (e) {
      this.log.error('The language server did not start', e);
      this.client = undefined;
      this.set('failed');
    }
  }

  /** The server's formatting in the file's own style (whole file, or the selection), or undefined when it is not running. */
  async formatKeepingStyle(editor: vscode.TextEditor): Promise<vscode.TextEdit[] | undefined> {
    const c = this.client;
    if (!c || this.state !== 'running') return undefined;
    const params = {
      textDocument: { uri: c.code2ProtocolConverter.asUri(editor.document.uri) },
      range: editor.selection.isEmpty ? undefined : c.code2ProtocolConverter.asRange(editor.selection),
      options: { tabSize: Number(editor.options.tabSize) || 2, insertSpaces: editor.options.insertSpaces !== false },
    };
    return c.protocol2CodeConverter.asTextEdits(await c.sendRequest<TextEdit[]>(FORMAT_KEEPING_STYLE, params));
  }

  async restart(): Promise<void> {
    this.budget.reset();
    const c = this.client;
    this.client = undefined;
    if (c) {
      try {
        await c.stop(5000);
      } catch (e) {
        this.log.warn(`Stopping the language server: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    this.set('stopped');
    await this.start();
  }

  async stop(): Promise<void> {
    const c = this.client;
    this.client = undefined;
    if (c) await c.stop(3000).catch(() => undefined);
  }

  dispose(): void {
    void this.stop();
    this.changed.dispose();
  }
}
