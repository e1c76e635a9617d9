/** `npm run bench [-- SECTION ...]`: the benchmarks of the project, each a ratio against a baseline measured in the same run. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { hashingBench } from './hashing';
import { previewBench } from './preview';
import { pushBench } from './push';
import { renderBench } from './render';
import { serverBench } from './server';
import { validationBench } from './validation';


/** Sections by name; `node --import tsx bench/run.ts hashing render` runs only those (all when none given). */
const SECTIONS: Record<string, () => Promise<void>> = {
  validation: validationBench,
  hashing: hashingBench,
  preview: previewBench,
  render: renderBench,
  push: pushBench,
  server: serverBench,
};
const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in SECTIONS));
if (unknown.length) {
  console.error(`unknown bench section ${unknown.join(', ')}: use ${Object.keys(SECTIONS).join(', ')}`);
  process.exit(2);
}

const names = Object.keys(SECTIONS).filter((name) => chosen.length === 0 || chosen.includes(name));
if (!process.env.PINDEST_BENCH_SECTION) console.log(`pindest benchmarks — node ${process.version}, ${process.arch}`);
if (names.length === 1) {
  await SECTIONS[names[0]!]!();
} else {
  // One process per section: a section's heap and JIT state (a million hashed lines, a 1M-profile
  // preview) made the next one's ratios drift (render: 2.0× alone, 2.9× after the preview).
  for (const name of names) {
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name], { stdio: 'inherit', env: { ...process.env, PINDEST_BENCH_SECTION: name } });
    if (child.status !== 0) process.exit(child.status ?? 1);
  }
}
