#!/usr/bin/env node
// The installed `pindest` command: runs the bundled CLI, which `npm run build` makes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  const french = /^fr([_.@-]|$)/i.test(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '');
  const root = fileURLToPath(new URL('..', import.meta.url));
  process.stderr.write(
    french
      ? `pindest : le CLI n'est pas encore construit (dist/cli.mjs manque) ; lancez \`npm run build\` dans ${root}.\n`
      : `pindest: the CLI is not built yet (dist/cli.mjs is missing); run \`npm run build\` in ${root}.\n`,
  );
  process.exit(2);
}
await import(bundle.href);
