/**
 * The Pebble template subset of Adobe's Destination SDK (`templatingStrategy: PEBBLE_V1`).
 *
 * Hand-written: no maintained Pebble engine exists for JavaScript, and Adobe runs its own fork of
 * Pebble (Java) with a reduced tag set, raw (unescaped) output and extra functions and filters.
 * This module reproduces that fork's observable behaviour for what a destination template can use:
 * tags for/if/set/filter, Pebble's expression grammar and precedence, the core filters, Adobe's
 * added/removed/addedSegments/removedSegments/hasSegments/formUrlEncode/toJson, non-strict
 * variables (missing = null), Java-style number printing, and `-` whitespace control without
 * stock Pebble's newline trimming. It is pure TypeScript with no editor or Node-only imports.
 *
 * Other modules import from this file only.
 */
import type { Stmt } from './ast';
import { FILTERS, FUNCTIONS } from './catalog';
import { LineIndex, TemplateFailure, type TemplateError } from './errors';
import { compileFast, type FastProgram } from './codegen';
import { compile, run, type Program } from './evaluate';
import { parse } from './parser';
import { collectPaths, type PathSegment, type ResolvedPath } from './paths';
import { collectReferences, type Reference } from './references';

export { TemplateFailure, FILTERS, FUNCTIONS };
export type { TemplateError, Reference, PathSegment, ResolvedPath };

/** A parsed template. Opaque: pass it to renderTemplate or references. */
export interface Template {
  readonly source: string;
}

export interface RenderOptions {
  /** Loop iterations (and list elements built) before giving up; default 1,000,000. */
  maxSteps?: number;
  /** Characters of output before giving up; default 10,485,760 (10 MB). */
  maxOutput?: number;
}

/** Off only to compare the two output paths (tests): both render the same text. */
let FAST_PATH = true;
export function setFastPath(on: boolean): void {
  FAST_PATH = on;
  cache.clear();
}

export const DEFAULT_MAX_STEPS = 1_000_000;
export const DEFAULT_MAX_OUTPUT = 10 * 1024 * 1024;

class ParsedTemplate implements Template {
  private program: Program | undefined;

  constructor(
    readonly source: string,
    readonly body: Stmt[],
    readonly errors: TemplateError[],
    readonly lines: LineIndex,
  ) {}

  private fastProgram: FastProgram | null | undefined;

  compiled(): Program {
    return (this.program ??= compile(this.body, this.lines));
  }

  /** The generated-function path for templates within its subset (see codegen.ts), else null. */
  fast(): FastProgram | null {
    if (this.fastProgram === undefined) this.fastProgram = FAST_PATH ? compileFast(this.body, this.lines) : null;
    return this.fastProgram;
  }
}

/** Parses a template; never throws. A template with errors can still be analysed, not rendered. */
export function parseTemplate(source: string): { template: Template; errors: TemplateError[] } {
  const lines = new LineIndex(source);
  const { body, problems } = parse(source);
  const errors = problems.map((p) => lines.error(p.message, p.span, p.text));
  return { template: new ParsedTemplate(source, body, errors, lines), errors };
}

// Callers often render the same template text many times (one call per profile batch).
const cache = new Map<string, ParsedTemplate>();
const CACHE_SIZE = 32;

function parsedFrom(source: string | Template): ParsedTemplate {
  if (source instanceof ParsedTemplate) return source;
  if (typeof source !== 'string') throw new TypeError('renderTemplate: pass a template string or the template from parseTemplate');
  let t = cache.get(source);
  if (!t) {
    t = parseTemplate(source).template as ParsedTemplate;
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(source, t);
  }
  return t;
}

/**
 * Renders with a context such as `{ input: { profile }, destination: {...}, customerData: {...} }`.
 * Throws TemplateFailure for the first syntax error or for a render-time error, with its position.
 */
export function renderTemplate(source: string | Template, context: Record<string, unknown>, options: RenderOptions = {}): string {
  const t = parsedFrom(source);
  if (t.errors.length > 0) throw new TemplateFailure(t.errors[0]!);
  const limits = {
    maxSteps: options.maxSteps ?? DEFAULT_MAX_STEPS,
    maxOutput: options.maxOutput ?? DEFAULT_MAX_OUTPUT,
  };
  try {
    const fast = t.fast();
    if (fast) return fast.render(context ?? {}, limits.maxSteps, limits.maxOutput);
    return run(t.compiled(), context ?? {}, limits);
  } catch (e) {
    // Only data nested thousands deep (toJson, ==) can exhaust the stack; the template cannot.
    if (e instanceof RangeError) {
      throw new TemplateFailure(t.lines.error(`The data could not be processed: ${e.message}.`, { offset: 0, length: 0 }));
    }
    throw e;
  }
}

/**
 * Which path renders the template: the generated function (with the source it was built from) or
 * the closure evaluator. For tests and diagnostics; rendering chooses on its own.
 */
export function renderPath(template: string | Template): { path: 'generated'; source: string } | { path: 'evaluator' } {
  const fast = parsedFrom(template).fast();
  return fast ? { path: 'generated', source: fast.source } : { path: 'evaluator' };
}

/** Variables, filters, functions and tags the template uses, in source order. */
export function references(template: Template): Reference[] {
  return collectReferences(parsedFrom(template).body);
}

/** Data paths the template reads, with loop and `set` variables resolved to their sources. */
export function resolvedPaths(template: Template): ResolvedPath[] {
  return collectPaths(parsedFrom(template).body);
}
