/**
 * Logging to the client's output channel. Messages are ours; error text from elsewhere is reduced to
 * its kind and stack frames, because an exception message can quote the document (an email, a token)
 * and the log must never show a raw identifier or a token.
 */
export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

/** The error's class and where it happened; never its message, which may contain user data. */
export function describeError(e: unknown): string {
  if (!(e instanceof Error)) return typeof e;
  const frames = (e.stack ?? '').split('\n').slice(1, 6).map((l) => l.trim()).join(' | ');
  return `${e.name}${frames ? ` at ${frames}` : ''}`;
}
