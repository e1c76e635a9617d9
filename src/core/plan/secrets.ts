/**
 * Tokens never enter the plan: templates that read the access token render this marker instead,
 * the executor drops what carries it (the client authenticates every call itself), and display
 * forms show a mask.
 */
export const TOKEN_MARKER = '\u0000pindest-access-token\u0000';
export const TOKEN_MASK = '••••';

export function maskToken(text: string): string {
  return text.split(TOKEN_MARKER).join(TOKEN_MASK);
}
