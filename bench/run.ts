/** `npm run bench`: every benchmark of the project, each a ratio against a baseline measured in the same run. */
import { hashingBench } from './hashing';
import { renderBench } from './render';
import { validationBench } from './validation';

console.log(`pindest benchmarks — node ${process.version}, ${process.arch}`);
await validationBench();
await hashingBench();
await renderBench();
