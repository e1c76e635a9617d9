/**
 * The "Pinterest Destination" log: a LogOutputChannel behind a redacting front, used by the
 * extension and handed to the language client (server messages, stderr and traces pass through
 * the same redaction). Nothing reaches the channel without `redact`.
 */
import * as vscode from 'vscode';
import { redact } from './redact';

export type Level = 'error' | 'warn' | 'info' | 'debug' | 'trace';
const ORDER: Level[] = ['error', 'warn', 'info', 'debug', 'trace'];

export class Log implements vscode.Disposable {
  readonly channel: vscode.LogOutputChannel;
  private level: Level = 'info';

  constructor(name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  setLevel(level: string | undefined): void {
    this.level = (ORDER as string[]).includes(level ?? '') ? (level as Level) : 'info';
  }

  private on(level: Level): boolean {
    return ORDER.indexOf(level) <= ORDER.indexOf(this.level);
  }

  error(message: string, e?: unknown): void {
    if (!this.on('error')) return;
    const detail = e instanceof Error ? `: ${e.message}` : e !== undefined ? `: ${String(e)}` : '';
    this.channel.error(redact(message + detail));
  }
  warn(message: string): void {
    if (this.on('warn')) this.channel.warn(redact(message));
  }
  info(message: string): void {
    if (this.on('info')) this.channel.info(redact(message));
  }
  debug(message: string): void {
    if (this.on('debug')) this.channel.debug(redact(message));
  }
  trace(message: string): void {
    if (this.on('trace')) this.channel.trace(redact(message));
  }

  show(): void {
    this.channel.show(true);
  }

  /** An OutputChannel for the language client: lines are redacted, then logged at info level. */
  clientChannel(prefix: string): vscode.OutputChannel {
    let pending = '';
    const flush = (text: string) => {
      for (const line of text.split(/\r?\n/)) if (line.trim()) this.channel.info(redact(`${prefix}${line}`));
    };
    return {
      name: this.channel.name,
      append: (value: string) => {
        pending += value;
        const nl = pending.lastIndexOf('\n');
        if (nl >= 0) {
          flush(pending.slice(0, nl));
          pending = pending.slice(nl + 1);
        }
      },
      appendLine: (value: string) => {
        flush(pending + value);
        pending = '';
      },
      replace: (value: string) => flush(value),
      clear: () => undefined,
      show: (_a?: unknown, _b?: boolean) => this.channel.show(true),
      hide: () => this.channel.hide(),
      dispose: () => undefined,
    } as vscode.OutputChannel;
  }

  dispose(): void {
    this.channel.dispose();
  }
}
