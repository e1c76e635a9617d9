/**
 * Template errors and their positions. Every error names a span of the template source so the
 * language server can underline it inside the JSON string the template is embedded in.
 */
import { LineIndex as JsonLineIndex } from '../json/lines';
import { say, type Text } from '../report/l10n';

export interface TemplateError {
  message: string;
  /** `message` as a template and arguments, for a front end that translates it. */
  text?: Text;
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
  /** `message` as a template and arguments (not enumerable, like TemplateError's). */
  declare readonly text?: Text;

  constructor(error: TemplateError) {
    super(error.message);
    this.name = 'TemplateFailure';
    this.offset = error.offset;
    this.length = error.length;
    this.line = error.line;
    this.column = error.column;
    if (error.text) Object.defineProperty(this, 'text', { value: error.text, enumerable: false });
  }

  toJSON(): TemplateError {
    return { message: this.message, offset: this.offset, length: this.length, line: this.line, column: this.column };
  }
}

/**
 * Maps offsets to 1-based line/column (the JSON layer's index, shifted). Built lazily: positions
 * are only needed when something is wrong, so rendering a valid template never pays for it.
 */
export class LineIndex {
  private readonly lines: JsonLineIndex;

  constructor(source: string) {
    this.lines = new JsonLineIndex(source);
  }

  position(offset: number): { line: number; column: number } {
    const p = this.lines.position(offset);
    return { line: p.line + 1, column: p.character + 1 };
  }

  error(message: string, span: Span, text?: Text): TemplateError {
    const { line, column } = this.position(span.offset);
    const error: TemplateError = { message, offset: span.offset, length: span.length, line, column };
    // Not enumerable: the error's JSON shape (CLI output, tests) stays as it was.
    if (text) Object.defineProperty(error, 'text', { value: text, enumerable: false });
    return error;
  }
}

/** An error raised while evaluating a value (filter, operator); the caller attaches the span. */
export class ValueError extends Error {
  constructor(readonly text: Text) {
    super(say(text));
  }
}
