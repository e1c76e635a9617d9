// Builds the bundles, then runs every *.test.ts under test/ (end-to-end suites excluded unless named) with Node's own
// test runner, TypeScript loaded through tsx. Node 20 has no glob support in `--test`, so the
// files are listed here. Usage: node scripts/run-tests.mjs [dir-or-file ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(path, out, top = true) {
  if (statSync(path).isDirectory()) {
    // End-to-end suites need a real VS Code: they run with `npm run e2e`, or when named.
    if (!top && path.endsWith(join('test', 'e2e'))) return out;
    for (const name of readdirSync(path).sort()) collect(join(path, name), out, false);
  } else if (path.endsWith('.test.ts')) {
    out.push(path);
  }
  return out;
}

// Bundles once, before any test runs: tests run the real CLI and server bundles, and a test that
// rebuilt them while another one ran them would race.
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['test']).flatMap((r) => collect(r, [], true));
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
