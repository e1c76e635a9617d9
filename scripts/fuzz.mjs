// `npm run fuzz`: 100,000 seeded random edits against the bundled language server (see
// test/server/fuzz.ts). Usage: node scripts/fuzz.mjs [edits=100000] [seed=random]
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const run = spawnSync(process.execPath, ['--import', 'tsx', 'test/server/fuzz.ts', args[0] ?? '100000', ...(args[1] ? [args[1]] : [])], { stdio: 'inherit' });
process.exit(run.status ?? 1);
