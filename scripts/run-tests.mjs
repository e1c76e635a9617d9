// Runs every *.test.ts under test/ (end-to-end suites excluded unless named) with Node's own
// test runner, TypeScript loaded through tsx. Node 20 has no glob support in `--test`, so the
// files are listed here. Usage: node scripts/run-tests.mjs [dir-or-file ...]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (path.endsWith('.test.ts')) {
    out.push(path);
  }
  return out;
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['test']).flatMap((r) => collect(r, []));
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
});
process.exit(run.status ?? 1);
