/** `npm run bench`: every benchmark of the project, each a ratio against a baseline measured in the same run. */
import { hashingBench } from './hashing';
import { pushBench } from './push';
import { renderBench } from './render';
import { serverBench } from './server';
import { validationBench } from './validation';

console.log(`pindest benchmarks — node ${process.version}, ${process.arch}`);
await validationBench();
await hashingBench();
await renderBench();
await pushBench();
await serverBench();
