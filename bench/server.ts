/**
 * Issue 5 figures: the language server's didChange → publishDiagnostics latency (p50, p95) over a
 * real stdio LSP connection to the bundled server, with the debounce set to 0 so only the server's
 * own work and the transport are measured; on the example destination (target p95 ≤ 30 ms) and on a
 * generated 1 MB destination, next to vscode-json-languageservice's parse + doValidation of the same
 * 1 MB text (in process, no transport). Then the server's resident memory with a 5 MB document open
 * (target ≤ 100 MB).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SCHEMAS } from '../src/core/schema/schemas';
import { exampleCopy, positionAt, TestClient } from '../test/server/client';
import { median, ms, row } from './measure';
import { generatedDestination } from './validation';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]!;
}

/** One-character edits inside the `"TEST"` status value, alternating, each timed to its diagnostics. */
async function latency(client: TestClient, uri: string, text: string, runs: number, warmup: number): Promise<number[]> {
  const at = text.indexOf('"TEST"') + 1;
  const pos = positionAt(text, at);
  const range = { start: pos, end: { line: pos.line, character: pos.character + 1 } };
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t = performance.now();
    const version = await client.change(uri, [{ range, text: i % 2 ? 'T' : 'X' }]);
    await client.diagnosticsFor(uri, (p) => p.version === version, 60_000);
    if (i >= warmup) times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

function rssOf(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export async function serverBench(): Promise<void> {
  console.log('\n## Language server (issue 5)');
  const project = exampleCopy();
  const client = await TestClient.start({ pindest: { validation: { delay: 0 } } });
  try {
    const uri = project.uri('destination.json');
    const example = readFileSync(project.path('destination.json'), 'utf8');
    await client.open(uri, example);
    await client.diagnosticsFor(uri);
    const small = await latency(client, uri, example, 200, 20);
    row('server: example destination, didChange → diagnostics p50', ms(percentile(small, 0.5)));
    row('server: example destination, didChange → diagnostics p95', ms(percentile(small, 0.95)), 'target ≤ 30 ms');
    await client.close(uri);

    const big = generatedDestination();
    await client.open(uri, big);
    await client.diagnosticsFor(uri, undefined, 60_000);
    const large = await latency(client, uri, big, 30, 3);
    const mb = (big.length / 1048576).toFixed(2);
    row(`server: ${mb} MB destination, didChange → diagnostics p50`, ms(percentile(large, 0.5)));
    row(`server: ${mb} MB destination, didChange → diagnostics p95`, ms(percentile(large, 0.95)));
    const ls = getLanguageService({});
    ls.configure({ validate: true, schemas: [{ uri: 'https://pindest.dev/schemas/destination.schema.json', fileMatch: ['*.json'], schema: SCHEMAS.destination }] });
    const doc = TextDocument.create('file:///bench/destination.json', 'json', 1, big);
    const baseline = await median(async () => ls.doValidation(doc, ls.parseJSONDocument(doc)), { warmup: 3, runs: 21 });
    row(`vscode-json-languageservice parse+doValidation, ${mb} MB, median`, ms(baseline), `server p50 is ${(percentile(large, 0.5) / baseline).toFixed(2)}× (includes stdio)`);
    await client.close(uri);

    const huge = generatedDestination(5 * 1024 * 1024);
    await client.open(uri, huge);
    await client.diagnosticsFor(uri, undefined, 120_000);
    const pid = client.process.pid!;
    const show = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(0)} MB`);
    const opened = rssOf(pid);
    // A few edits, so the figure includes what a session really builds; then the editor idles and
    // the server's idle collection (src/server/memory.ts) lets memory settle.
    let peak = opened ?? 0;
    for (let i = 0; i < 5; i++) {
      await latency(client, uri, huge, 1, 0);
      peak = Math.max(peak, rssOf(pid) ?? 0);
    }
    await new Promise((r) => setTimeout(r, 2000));
    const mb5 = (huge.length / 1048576).toFixed(2);
    row(`server RSS, ${mb5} MB document just opened and validated`, show(opened));
    row(`server RSS, ${mb5} MB document, peak while editing`, show(peak));
    row(`server RSS, ${mb5} MB document, settled after editing`, show(rssOf(pid)), 'target ≤ 100 MB');
    await client.close(uri);
  } finally {
    await client.stop();
    project.dispose();
  }
}

// `node --import tsx bench/server.ts` runs it alone.
if (process.argv[1]?.endsWith('bench/server.ts')) await serverBench();
