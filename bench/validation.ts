/**
 * Issue 2 figures: core validation of the example destination (median), and of a generated
 * 1 MB configuration, against VS Code's JSON language service (`parseJSONDocument` +
 * `doValidation`) on the same text with the same schema.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Project } from '../src/core/project/project';
import { SCHEMAS } from '../src/core/schema/schemas';
import { validateProject } from '../src/core/validate';
import { median, ms, row } from './measure';

const EXAMPLE = new URL('../examples/pinterest-customer-list/', import.meta.url);

function coreValidate(path: string, text: string) {
  return validateProject(Project.fromTexts([{ path, text }]));
}

/** The example destination grown to ~1 MB with realistic customer data fields, two of them wrong. */
export function generatedDestination(targetBytes = 1024 * 1024): string {
  const base = JSON.parse(readFileSync(new URL('destination.json', EXAMPLE), 'utf8'));
  const fields = [...base.customerDataFields];
  let i = 0;
  while (JSON.stringify(base, null, 2).length < targetBytes) {
    for (let k = 0; k < 200; k++, i++) {
      fields.push({ name: `field${i}`, title: `Field ${i}`, description: `Generated field number ${i} for size.`, type: i % 7 ? 'string' : 'integer', isRequired: false, hidden: false, readOnly: false, pattern: '^[A-Za-z0-9]+$' });
    }
    base.customerDataFields = fields;
  }
  fields[5]!.type = 'String';
  fields[fields.length - 3]!.isRequired = 'no';
  return JSON.stringify(base, null, 2);
}

async function languageService(text: string) {
  const ls = getLanguageService({});
  ls.configure({ validate: true, schemas: [{ uri: 'https://pindest.dev/schemas/destination.schema.json', fileMatch: ['*.json'], schema: SCHEMAS.destination }] });
  const doc = TextDocument.create('file:///bench/destination.json', 'json', 1, text);
  const run = async () => ls.doValidation(doc, ls.parseJSONDocument(doc));
  const found = await run();
  return { run, found: found.length };
}

export async function validationBench(): Promise<void> {
  console.log('\n## Validation (issue 2)');
  const examplePath = join(EXAMPLE.pathname, 'destination.json');
  const example = readFileSync(examplePath, 'utf8');
  const exampleMedian = await median(() => coreValidate(examplePath, example), { warmup: 50, runs: 500 });
  row('core: example destination, median', ms(exampleMedian), 'target ≤ 1 ms');

  const big = generatedDestination();
  const bigPath = '/bench/destination.json';
  const coreFindings = coreValidate(bigPath, big)[0]!.diagnostics.length;
  const coreBig = await median(() => coreValidate(bigPath, big), { warmup: 3, runs: 21 });
  const ls = await languageService(big);
  const lsBig = await median(ls.run, { warmup: 3, runs: 21 });
  row(`core: generated ${(big.length / 1048576).toFixed(2)} MB destination, median`, ms(coreBig), `${coreFindings} findings`);
  row('vscode-json-languageservice parse+doValidation, median', ms(lsBig), `${ls.found} findings`);
  row('ratio core / language service', (coreBig / lsBig).toFixed(3), 'target ≤ 0.25');
}
