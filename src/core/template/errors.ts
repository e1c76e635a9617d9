/**
 * Template errors and their positions. Every error names a span of the template source so the
 * language server can underline it inside the JSON string the template is embedded in.
 */

export interface TemplateError {
  message: string;
  /** 0-based UTF-16 offset into the template source. */
  offset: number;
  length: number;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units. */
  column: number;
}

export interface Span {
  offset: number;
  length: number;
}

/** Thrown by renderTemplate, for syntax errors as well as render-time errors. */
export class TemplateFailure extends Error implements TemplateError {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;

  constructor(error: TemplateError) {
    super(error.message);
    this.name = 'TemplateFailure';
    this.offset = error.offset;
    this.length = error.length;
    this.line = error.line;
    this.column = error.column;
  }

  toJSON(): TemplateError {
    return { message: this.message, offset: this.offset, length: this.length, line: this.line, column: this.column };
  }
}

/**
 * Maps offsets to line/column. Built lazily: positions are only needed when something is wrong,
 * so rendering a valid template never pays for it.
 */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly source: string) {}

  position(offset: number): { line: number; column: number } {
    const starts = (this.starts ??= lineStarts(this.source));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  error(message: string, span: Span): TemplateError {
    const { line, column } = this.position(span.offset);
    return { message, offset: span.offset, length: span.length, line, column };
  }
}

// \r\n, \n and a lone \r each end a line, as in LSP.
function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** An error raised while evaluating a value (filter, operator); the caller attaches the span. */
export class ValueError extends Error {}
