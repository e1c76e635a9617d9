/**
 * Fuzzing the bundled server over LSP: seeded random edits (deletions; insertions of quotes, braces,
 * escapes, template delimiters, surrogates, huge strings) to real project files, with requests in
 * between. The server must stay alive, keep answering, and log no handler failure.
 *
 * `runFuzz` is shared by the test (10,000 edits) and `node scripts/fuzz.mjs [edits] [seed]` (100,000).
 */
import { readFileSync } from 'node:fs';
import {
  CodeActionRequest,
  CompletionRequest,
  DocumentLinkRequest,
  HoverRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { FORMAT_KEEPING_STYLE } from '../../src/server/requests';
import { mulberry32 as prng } from '../../src/simulator/prng';
import { exampleCopy, TestClient } from './client';


const TOKENS = ['"', '\\"', '{', '}', '[', ']', ',', ':', '\\', '\\n', '\\u00e9', '\\u', '\\ud83d', '{{', '}}', '{%', '%}', '{% for x in input.profiles %}', '{% endfor %}', '|', '.', 'customerData.', 'input.', 'null', 'true', '-1e999', '\n', '\r\n', '\t', '\u0000', '\ud83d', '\ude00', 'é', '/*', '*/', '//', '"$schema"', '"identityNamespaces": {', '"value": "'];
const MAX_LENGTH = 400_000;

function positionAt(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

export interface FuzzResult {
  edits: number;
  requests: number;
  ms: number;
  errors: string[];
}

export async function runFuzz(edits: number, seed = 1, log: (s: string) => void = () => {}): Promise<FuzzResult> {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const project = exampleCopy();
  const client = await TestClient.start();
  const t0 = Date.now();
  let requests = 0;
  try {
    const names = ['destination-server.json', 'destination.json', 'activation.json', 'audience-template.json'];
    const originals = new Map(names.map((n) => [n, readFileSync(project.path(n), 'utf8')]));
    const texts = new Map(originals);
    for (const n of names) await client.open(project.uri(n), texts.get(n)!);
    for (let i = 0; i < edits; i++) {
      const name = random() < 0.6 ? names[0]! : pick(names);
      const uri = project.uri(name);
      let text = texts.get(name)!;
      if (text.length > MAX_LENGTH || random() < 0.002) {
        text = originals.get(name)!;
        await client.replaceAll(uri, text);
        texts.set(name, text);
        continue;
      }
      const at = Math.floor(random() * (text.length + 1));
      const r = random();
      let length = 0;
      let insert = '';
      if (r < 0.35) length = Math.min(text.length - at, 1 + Math.floor(random() * 20));
      else if (r < 0.9) insert = pick(TOKENS);
      else if (r < 0.997) insert = String.fromCharCode(...Array.from({ length: 1 + Math.floor(random() * 8) }, () => 32 + Math.floor(random() * 95)));
      else insert = (random() < 0.5 ? '"' : '') + 'x'.repeat(50_000 + Math.floor(random() * 250_000));
      // Never split a surrogate pair or a CRLF with the edit's ends (the client would not either).
      const range = { start: positionAt(text, at), end: positionAt(text, at + length) };
      text = text.slice(0, at) + insert + text.slice(at + length);
      texts.set(name, text);
      // Sent without waiting for each write, as an editor streams keystrokes; flushed every 100.
      const sent = client.change(uri, [{ range, text: insert }]);
      if (i % 100 === 99) await sent;
      if (i % 50 === 49) {
        requests++;
        const offset = Math.floor(random() * (text.length + 1));
        const position = positionAt(text, offset);
        const doc = { textDocument: { uri } };
        switch (Math.floor(random() * 6)) {
          case 0: await client.connection.sendRequest(CompletionRequest.type, { ...doc, position }); break;
          case 1: await client.connection.sendRequest(HoverRequest.type, { ...doc, position }); break;
          case 2: await client.connection.sendRequest(CodeActionRequest.type, { ...doc, range: { start: position, end: position }, context: { diagnostics: [] } }); break;
          case 3: await client.connection.sendRequest(DocumentLinkRequest.type, doc); break;
          case 4: await client.connection.sendRequest(FORMAT_KEEPING_STYLE, { ...doc, options: { tabSize: 2, insertSpaces: true } }); break;
          default: await client.connection.sendRequest(FORMAT_KEEPING_STYLE, { ...doc, range: { start: { line: 0, character: 0 }, end: position }, options: { tabSize: 4, insertSpaces: false } }); break;
        }
      }
      if (i % 2000 === 1999) log(`${i + 1} edits, ${requests} requests, ${Date.now() - t0} ms`);
    }
    // Still alive and answering: every document gets diagnostics for its last version.
    for (const n of names) await client.diagnosticsFor(project.uri(n), undefined, 30_000);
    if (client.process.exitCode !== null) throw new Error(`server exited with ${client.process.exitCode}`);
    return { edits, requests, ms: Date.now() - t0, errors: client.logs.filter((l) => /failed|Uncaught|Unhandled/.test(l)) };
  } finally {
    await client.stop();
    project.dispose();
  }
}

// `node --import tsx test/server/fuzz.ts [edits] [seed]`
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!) && process.argv[1].endsWith('fuzz.ts')) {
  const edits = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? Date.now() % 100000);
  console.log(`fuzz: ${edits} edits, seed ${seed}`);
  const r = await runFuzz(edits, seed, (s) => console.log(s));
  console.log(`fuzz: done in ${r.ms} ms, ${r.requests} requests, ${r.errors.length} handler errors`);
  for (const e of r.errors.slice(0, 20)) console.log('  ' + e);
  process.exit(r.errors.length ? 1 : 0);
}
