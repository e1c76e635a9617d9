/** `npm run bench [-- SECTION ...]`: the benchmarks of the project, each a ratio against a baseline measured in the same run. */
import { hashingBench } from './hashing';
import { pushBench } from './push';
import { renderBench } from './render';
import { serverBench } from './server';
import { validationBench } from './validation';

import { previewBench } from './preview';

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

console.log(`pindest benchmarks — node ${process.version}, ${process.arch}`);
for (const [name, run] of Object.entries(SECTIONS)) if (chosen.length === 0 || chosen.includes(name)) await run();
