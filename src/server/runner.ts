/**
 * Every request handler runs through here: a cancelled request answers RequestCancelled (as LSP
 * requires) instead of a stale result, and an exception becomes a logged error and an empty answer
 * instead of a dead server. After json-language-features' `server/src/utils/runner.ts`.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import { describeError, type Logger } from './log';

export type Result<T> = T | ResponseError<void>;

function cancelled<T>(): Result<T> {
  return new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export class Runner {
  constructor(private readonly log: Logger) {}

  /**
   * Yields once before running, so a `$/cancelRequest` sent right after the request is seen, and
   * checks again after the work, so a result the client has given up on is never sent.
   */
  run<T>(what: string, token: CancellationToken | undefined, fallback: T, work: () => T | Promise<T>): Promise<Result<T>> {
    return new Promise((resolve) => {
      setImmediate(async () => {
        if (token?.isCancellationRequested) return resolve(cancelled());
        try {
          const result = await work();
          resolve(token?.isCancellationRequested ? cancelled() : result);
        } catch (e) {
          this.log.error(`${what} failed: ${describeError(e)}`);
          resolve(fallback);
        }
      });
    });
  }

  /** For notifications: nothing to answer, but an exception must still not escape. */
  guard(what: string, work: () => void): void {
    try {
      work();
    } catch (e) {
      this.log.error(`${what} failed: ${describeError(e)}`);
    }
  }
}
