// Bundles every front end from src/ into dist/. One bundle per entry point; each is self-contained
// so the CLI and the language server start without resolving node_modules at run time.
import { build } from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';

const entries = [
  // Split: each command's code is a chunk loaded when that command runs (src/cli/main.ts).
  { in: 'src/cli/main.ts', out: 'dist/cli.mjs', format: 'esm', splitting: true },
  // `pindest hash`'s worker threads load this file next to the CLI bundle.
  { in: 'src/cli/bulk/hash-worker.ts', out: 'dist/hash-worker.mjs', format: 'esm' },
  { in: 'src/server/main.ts', out: 'dist/server.cjs', format: 'cjs' },
  { in: 'src/extension/main.ts', out: 'dist/extension.cjs', format: 'cjs', external: ['vscode'] },
  // The preview webview's script runs in the browser (lit's browser build, not its server one).
  { in: 'src/extension/webview/main.ts', out: 'dist/webview.js', format: 'iife', platform: 'browser', target: 'chrome114', minify: true },
];

// `pindest hash`'s WebAssembly module, built from its TypeScript source (src/cli/bulk/email-wasm.ts)
// now rather than at each start, and inlined into the bundles as base64; no .wasm file is kept.
const emitter = await build({ entryPoints: ['src/cli/bulk/email-wasm.ts'], bundle: true, write: false, format: 'esm', platform: 'node', logLevel: 'warning' });
const { emailWasmBytes } = await import(`data:text/javascript;base64,${Buffer.from(emitter.outputFiles[0].contents).toString('base64')}`);
const define = { __PINDEST_EMAIL_WASM__: JSON.stringify(Buffer.from(emailWasmBytes()).toString('base64')) };

// Chunk names carry a content hash: drop the previous build's, or dist/ keeps every old one.
if (existsSync('dist')) for (const f of readdirSync('dist')) if (f.startsWith('cli-chunk-') || f.startsWith('cli-') && /-[A-Z0-9]{8}\.mjs(\.map)?$/.test(f)) rmSync(`dist/${f}`);

await Promise.all(
  entries
    .filter((e) => existsSync(e.in))
    .map((e) =>
      build({
        ...(e.splitting
          ? { entryPoints: [{ in: e.in, out: e.out.replace(/^dist\/|\.mjs$/g, '') }], outdir: 'dist', splitting: true, outExtension: { '.js': '.mjs' }, chunkNames: 'cli-[name]-[hash]' }
          : { entryPoints: [e.in], outfile: e.out }),
        bundle: true,
        platform: e.platform ?? 'node',
        // jsonc-parser's UMD build hides its requires from the bundler; its ESM build does not.
        mainFields: e.platform === 'browser' ? undefined : ['module', 'main'],
        target: e.target ?? 'node20',
        minify: e.minify ?? false,
        format: e.format,
        external: e.external ?? [],
        sourcemap: 'linked',
        legalComments: 'linked',
        logLevel: 'warning',
        define,
        // ESM bundles of CommonJS dependencies need a real require().
        banner: e.format === 'esm' ? { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } : undefined,
      }),
    ),
);
