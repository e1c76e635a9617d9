// Bundles the preview webview's script for the browser: dist/webview.js (IIFE, minified).
// Run by `npm run package`, `npm start` and `npm run e2e` after `npm run build`.
//   node src/extension/webview/build.mjs
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ['src/extension/webview/main.ts'],
  outfile: 'dist/webview.js',
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'chrome114',
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
});
