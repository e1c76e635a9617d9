/**
 * Redaction for everything that reaches the log channel (ours and the language server's). Pure.
 * The core's rule set (tokens of every Pinterest prefix, authorization headers, secret fields,
 * e-mail addresses, device ids, hashes), the same the Pinterest client applies to its errors, plus
 * long digit runs (ad account ids, phone numbers): the client keeps ids in its messages because
 * they are what a person needs to find the call, but the log is kept and shared.
 */
import { redactText } from '../core/pinterest/redact';

export function redact(text: string): string {
  return redactText(text).replace(/\b(\d{2})\d{5,}(\d{2})\b/g, '$1…$2');
}

/** Masks an identifier for display in the log: the last four characters only. */
export function maskId(id: string | undefined): string {
  if (!id) return '(none)';
  return id.length <= 4 ? '****' : '…' + id.slice(-4);
}
