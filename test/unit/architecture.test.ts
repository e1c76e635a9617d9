/**
 * The layering of docs/architecture.md, checked on the sources: the core is the engine every front
 * end shares, so it imports nothing from them (nor `vscode`); the language server does not reach
 * into the extension. A new import across a line fails here, naming the file and the import.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|mts|cts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module a file names: static imports and re-exports, `import('…')` and `require('…')`. */
function imports(text: string): string[] {
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|(?:^|[\s;])import\s*['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/** The files of `layer` that import from `forbidden` layers (or the named packages), as "file: import". */
function crossings(layer: string, forbidden: string[], packages: string[]): string[] {
  const bad: string[] = [];
  for (const file of sources(join(SRC, layer))) {
    for (const spec of imports(readFileSync(file, 'utf8'))) {
      const rel = relative(ROOT, file);
      if (packages.includes(spec) || packages.some((p) => spec.startsWith(`${p}/`))) bad.push(`${rel}: ${spec}`);
      if (!spec.startsWith('.')) continue;
      const target = relative(SRC, resolve(dirname(file), spec)).split(sep)[0];
      if (target && forbidden.includes(target)) bad.push(`${rel}: ${spec}`);
    }
  }
  return bad;
}

test('the import scanner sees every form of import it is meant to police', () => {
  const text = [
    "import { a } from '../cli/io';",
    "import type { B } from '../server/x';",
    "export { c } from '../simulator/y';",
    "import '../extension/side-effect';",
    "const m = await import('../cli/lazy');",
    "const r = require('vscode');",
    "import * as v from 'vscode';",
  ].join('\n');
  assert.deepEqual(imports(text), ['../cli/io', '../server/x', '../simulator/y', '../extension/side-effect', '../cli/lazy', 'vscode', 'vscode']);
});

test('src/core imports nothing from src/cli, src/server, src/extension, src/simulator or vscode', () => {
  assert.deepEqual(crossings('core', ['cli', 'server', 'extension', 'simulator'], ['vscode', 'vscode-languageserver', 'vscode-languageclient']), []);
});

test('src/server imports nothing from src/extension, src/cli or vscode', () => {
  assert.deepEqual(crossings('server', ['extension', 'cli'], ['vscode']), []);
});
