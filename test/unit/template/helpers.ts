import assert from 'node:assert/strict';
import { parseTemplate, renderTemplate, TemplateFailure, type RenderOptions } from '../../../src/core/template/index';

export function render(template: string, context: Record<string, unknown> = {}, options?: RenderOptions): string {
  return renderTemplate(template, context, options);
}

/** The first parse error, asserting its position and message. */
export function assertParseError(template: string, line: number, column: number, message: RegExp): void {
  const { errors } = parseTemplate(template);
  assert.ok(errors.length > 0, `expected a parse error for ${JSON.stringify(template)}`);
  const e = errors[0]!;
  assert.match(e.message, message);
  assert.deepEqual({ line: e.line, column: e.column }, { line, column }, `position of: ${e.message}`);
  // renderTemplate reports the same error as a TemplateFailure
  assert.throws(() => renderTemplate(template, {}), (f: unknown) => f instanceof TemplateFailure && f.offset === e.offset && f.message === e.message);
}

/** A render-time failure at a position. */
export function assertRenderError(
  template: string,
  context: Record<string, unknown>,
  line: number,
  column: number,
  message: RegExp,
  options?: RenderOptions,
): TemplateFailure {
  assert.deepEqual(parseTemplate(template).errors, [], 'template should parse');
  let caught: unknown;
  try {
    renderTemplate(template, context, options);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof TemplateFailure, `expected a TemplateFailure, got ${String(caught)}`);
  assert.match(caught.message, message);
  assert.deepEqual({ line: caught.line, column: caught.column }, { line, column }, `position of: ${caught.message}`);
  return caught;
}
