#!/usr/bin/env node
// The installed `pindest` command: runs the bundled CLI (build it with `npm run build`).
import '../dist/cli.mjs';
