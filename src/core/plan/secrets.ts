/**
 * Tokens never enter the plan: templates that read the access token render this marker instead,
 * the executor swaps in the real token at send time, and display forms show a mask.
 */
export const TOKEN_MARKER = '\u0000pindest-access-token\u0000';
export const TOKEN_MASK = '••••';

export function withToken(text: string, token: string): string {
  return text.split(TOKEN_MARKER).join(token);
}

export function maskToken(text: string): string {
  return text.split(TOKEN_MARKER).join(TOKEN_MASK);
}
