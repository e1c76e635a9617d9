// Packages the extension as a .vsix with @vscode/vsce, offline: everything is bundled into dist/
// (`--no-dependencies`), and .vscodeignore lets only bundles, schemas, rule pages, snippets, media and l10n in.
// Expects `npm run build` and the webview build to have run (the `package` script does both).
//   node scripts/e2e/package.mjs [out.vsix]      prints the path, size and file count
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = resolve(process.argv[2] ?? join(root, `${pkg.name}-${pkg.version}.vsix`));
for (const f of ['dist/extension.cjs', 'dist/server.cjs', 'dist/webview.js']) {
  if (!existsSync(join(root, f))) {
    console.error(`${f} is missing: run "npm run package" (it builds first).`);
    process.exit(1);
  }
}
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
const t0 = Date.now();
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--skip-license', '--allow-missing-repository', '--no-update-package-json', '-o', out], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, VSCE_TELEMETRY: 'off' },
});
const listing = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).trim().split('\n');
const kb = (statSync(out).size / 1024).toFixed(0);
console.log(`${out}: ${kb} KiB, ${listing.length} files, packaged in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
