// Bounded reads of response bodies. Pinterest's answers to the calls this product makes are small
// (a page of at most 250 lists, a token), so anything past the cap is a wrong base URL or a proxy:
// reading stops there and the connection is dropped, instead of holding a huge body in memory.

/** The cap on one response body: far above any answer Pinterest gives to these calls. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** The body went past the cap; nothing more was read. */
export class ResponseTooLargeError extends Error {
  override readonly name = 'ResponseTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The answer is larger than ${describeBytes(maxBytes)}, so it was not read.`);
  }
}

export function describeBytes(n: number): string {
  return n % (1024 * 1024) === 0 ? `${n / (1024 * 1024)} MiB` : n % 1024 === 0 ? `${n / 1024} KiB` : `${n} bytes`;
}

/**
 * The body as text (UTF-8, as `Response.text()` decodes it), or ResponseTooLargeError as soon as
 * it is declared or seen to exceed `maxBytes`; the stream is cancelled then, which closes the socket.
 */
export async function readBoundedText(res: Response, maxBytes = MAX_RESPONSE_BYTES): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new ResponseTooLargeError(maxBytes);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new ResponseTooLargeError(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}
