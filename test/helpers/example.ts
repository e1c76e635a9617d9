/**
 * The example project as mutable objects, validated in memory. Rule tests start from the example
 * (which is clean) and break one thing, so each test shows a violating and a clean case.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/core/diagnostics';
import { Project } from '../../src/core/project/project';
import { validateProject } from '../../src/core/validate';

export const EXAMPLE_DIR = resolve(fileURLToPath(new URL('../../examples/pinterest-customer-list/', import.meta.url)));

/* eslint-disable @typescript-eslint/no-explicit-any */
export interface ExampleFiles {
  destination: any;
  server: any;
  audienceTemplate: any;
  activation: any;
}

const NAMES: Record<keyof ExampleFiles, string> = {
  destination: 'destination.json',
  server: 'destination-server.json',
  audienceTemplate: 'audience-template.json',
  activation: 'activation.json',
};

export function exampleFiles(): ExampleFiles {
  const read = (name: string) => JSON.parse(readFileSync(join(EXAMPLE_DIR, name), 'utf8'));
  return {
    destination: read(NAMES.destination),
    server: read(NAMES.server),
    audienceTemplate: read(NAMES.audienceTemplate),
    activation: read(NAMES.activation),
  };
}

export interface Found extends Diagnostic {
  file: string;
}

/** Validates the example after `mutate`; files set to undefined are left out of the project. */
export function validateExample(mutate: (f: ExampleFiles) => void = () => {}): Found[] {
  const files = exampleFiles();
  mutate(files);
  const entries = (Object.keys(NAMES) as (keyof ExampleFiles)[])
    .filter((k) => files[k] !== undefined)
    .map((k) => ({ path: join(EXAMPLE_DIR, NAMES[k]), text: JSON.stringify(files[k], null, 2) }));
  const project = Project.fromTexts(entries, (p) => entries.some((e) => e.path === p) || p === join(EXAMPLE_DIR, 'profiles.json'));
  return validateProject(project).flatMap((r) => r.diagnostics.map((d) => ({ ...d, file: r.path.slice(EXAMPLE_DIR.length + 1) })));
}

export function withCode(found: Found[], code: string): Found[] {
  return found.filter((d) => d.code === code);
}

/** Validates the mutated example; returns the findings with `code` and the text each one underlines. */
export function checkUnderlined(code: string, mutate: (f: ExampleFiles) => void, file: keyof ExampleFiles = 'server') {
  let text = '';
  const found = withCode(validateExample((f) => {
    mutate(f);
    text = JSON.stringify(f[file], null, 2);
  }), code);
  const lines = text.split('\n');
  const underlined = (d: Found) => {
    assert.equal(d.range.start.line, d.range.end.line, 'one-line range');
    return lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character);
  };
  return { found, lines, underlined };
}
