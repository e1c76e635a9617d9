/** The server's own requests, shared with the extension (no imports: the extension bundle stays small). */

/** Params: `DocumentFormattingParams` (optionally with a `range`); result: `TextEdit[]` in the file's own style. */
export const FORMAT_KEEPING_STYLE = 'pindest/formatKeepingStyle';
