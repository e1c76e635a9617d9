/**
 * Large generated samples (issue 13) for the preview's summary form and its bench: a copy of the
 * example project in a folder of the caller's (never examples/), with `count` synthetic profiles.
 */
import { copyFileSync, createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { mulberry32 } from '../../src/simulator/prng';
import { EXAMPLE_DIR } from './example';

/**
 * A copy of the example destination with a generated sample of `count` profiles (JSON Lines or
 * CSV): emails (some padded, upper-cased or invalid), some GAIDs, memberships realized or exited.
 * Returns the activation's path.
 */
export async function writeLargeSample(dir: string, count: number, format: 'jsonl' | 'csv', seed = 0x5eed): Promise<string> {
  mkdirSync(dir, { recursive: true });
  for (const f of ['destination.json', 'destination-server.json', 'audience-template.json']) copyFileSync(join(EXAMPLE_DIR, f), join(dir, f));
  const activation = JSON.parse(readFileSync(join(EXAMPLE_DIR, 'activation.json'), 'utf8')) as Record<string, unknown>;
  delete activation.$schema;
  activation.profiles = `profiles.${format}`;
  const audiences = activation.audiences as { id: string }[];
  const ids = audiences.map((a) => a.id);
  writeFileSync(join(dir, 'activation.json'), JSON.stringify(activation, null, 2) + '\n');

  const random = mulberry32(seed);
  const out = createWriteStream(join(dir, `profiles.${format}`));
  const hex = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  if (format === 'csv') out.write(`Email,GAID,ups:${ids[0]},ups:${ids[1]}\n`);
  let chunk = '';
  for (let i = 0; i < count; i++) {
    const r = random();
    const email = r < 0.02 ? `user${i}.example.com` : r < 0.3 ? ` User${i}@Example.com ` : `user${i}@example.com`;
    const gaid = random() < 0.2 ? `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}` : '';
    const s0 = random() < 0.7 ? 'realized' : random() < 0.5 ? 'exited' : '';
    const s1 = random() < 0.3 ? 'existing' : '';
    if (format === 'csv') chunk += `${email},${gaid},${s0},${s1}\n`;
    else {
      const identityMap: Record<string, { id: string }[]> = { Email: [{ id: email }] };
      if (gaid) identityMap.GAID = [{ id: gaid }];
      const ups: Record<string, { status: string }> = {};
      if (s0) ups[ids[0]!] = { status: s0 };
      if (s1) ups[ids[1]!] = { status: s1 };
      chunk += JSON.stringify({ identityMap, segmentMembership: { ups } }) + '\n';
    }
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return join(dir, 'activation.json');
}

