/** How `pindest` treats a user's slips: misspelt options and commands, the wrong kind of file, a locale. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXAMPLE_DIR } from '../helpers/example';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli.mjs');
const ENGLISH = { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' };

function pindest(args: string[], env: Record<string, string> = ENGLISH, cwd = ROOT) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PINTEREST_ACCESS_TOKEN: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A copy of the example (pushes write state next to the activation; examples/ stays untouched). */
function exampleCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-manners-'));
  cpSync(EXAMPLE_DIR, dir, { recursive: true });
  return dir;
}

test('a misspelt option of each command: our one line with the option meant, the synopsis, where help is; exit 2', () => {
  const cases: [string[], string][] = [
    [['validate', '--fromat', 'json', '.'], '--format'],
    [['render', '--contxt', 'c.json', 'body.peb'], '--context'],
    [['preview', '--base-ulr', 'http://127.0.0.1:1/v5', 'activation.json'], '--base-url'],
    [['push', '--frsh', 'activation.json'], '--fresh'],
    [['hash', '--namspace', 'Email'], '--namespace'],
  ];
  for (const [args, meant] of cases) {
    const r = pindest(args);
    assert.equal(r.code, 2, args.join(' '));
    const lines = r.stderr.split('\n');
    assert.equal(lines[0], `pindest ${args[0]}: unknown option '${args[1]}'. Did you mean "${meant}"?`);
    assert.match(lines[1]!, new RegExp(`^usage: pindest ${args[0]} `));
    assert.equal(lines[2], `Run 'pindest ${args[0]} --help' for its options.`);
    assert.equal(lines.length, 4, r.stderr);
    assert.doesNotMatch(r.stderr, /To specify a positional/);
  }
});

test('simulate names the option meant in its one line', () => {
  const r = pindest(['simulate', '--prot', '8080']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^pindest simulate: unknown option '--prot'\. Did you mean "--port"\? Usage: pindest simulate \[--port N\]/);
  assert.equal(r.stderr.trimEnd().split('\n').length, 1);
});

test('an option without its value, and an option far from any: said plainly, no guess', () => {
  const missing = pindest(['validate', '.', '--format']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.split('\n')[0], "pindest validate: option '--format' needs a value.");
  const far = pindest(['push', '--zzzzzzzz', 'activation.json']);
  assert.equal(far.stderr.split('\n')[0], "pindest push: unknown option '--zzzzzzzz'.");
});

test('a misspelt command names the command meant; exit 2', () => {
  const r = pindest(['vaildate', '.']);
  assert.equal(r.code, 2);
  assert.deepEqual(r.stderr.split('\n'), [
    `pindest: unknown command 'vaildate'. Did you mean "validate"?`,
    "Commands: validate, render, preview, push, hash, deploy, pull, publish, simulate, profiles, template. Run 'pindest --help' for help.",
    '',
  ]);
  assert.equal(pindest(['--verison']).stderr.split('\n')[0], `pindest: unknown option '--verison'. Did you mean "--version"?`);
});

test('LANG=fr_FR.UTF-8 gives the messages in French; LANG=C in English; LC_ALL wins over LANG', () => {
  const french = pindest(['push', '--frsh', 'activation.json'], { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' });
  assert.equal(french.code, 2);
  assert.deepEqual(french.stderr.split('\n').filter((_, i) => i !== 1), [
    'pindest push: option inconnue « --frsh ». Vouliez-vous dire « --fresh » ?',
    "Lancez 'pindest push --help' pour voir ses options.",
    '',
  ]);
  const english = pindest(['push', '--frsh', 'activation.json'], { LANG: 'C', LC_ALL: '', LC_MESSAGES: '' });
  assert.equal(english.stderr.split('\n')[0], `pindest push: unknown option '--frsh'. Did you mean "--fresh"?`);
  const overridden = pindest(['push', '--frsh', 'activation.json'], { LANG: 'fr_FR.UTF-8', LC_ALL: 'en_US.UTF-8', LC_MESSAGES: '' });
  assert.match(overridden.stderr, /^pindest push: unknown option/);
  const messages = pindest(['frobnicate'], { LANG: 'C', LC_ALL: '', LC_MESSAGES: 'fr_CA.UTF-8' });
  assert.match(messages.stderr, /^pindest: commande inconnue « frobnicate »\.\nCommandes : validate/);
});

test('a text file given to validate is one finding, exit 1', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-manners-'));
  writeFileSync(join(dir, 'notes.txt'), 'these are my notes about the destination\nand a second line of words\n');
  const r = pindest(['validate', 'notes.txt'], ENGLISH, dir);
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    'notes.txt:1:1 error PD001 This file is not JSON: it does not start with a JSON value (a destination file starts with `{`). Pass a JSON file, or check that this is the file you meant.',
    '1 file checked: 1 error, 0 warnings',
  ]);
});

test('validate in French: the findings and the summary in French under a French locale, the JSON contract in English', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-manners-'));
  writeFileSync(join(dir, 'notes.txt'), 'these are my notes about the destination\n');
  const FRENCH = { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const r = pindest(['validate', 'notes.txt'], FRENCH, dir);
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    "notes.txt:1:1 error PD001 Ce fichier n'est pas du JSON : il ne commence pas par une valeur JSON (un fichier de destination commence par `{`). Passez un fichier JSON, ou vérifiez que c'est bien le fichier voulu.",
    '1 fichier vérifié : 1 erreur, 0 avertissement',
  ]);
  const json = JSON.parse(pindest(['validate', '--format', 'json', 'notes.txt'], FRENCH, dir).stdout);
  assert.match(json.files[0].diagnostics[0].message, /^This file is not JSON/);
});

test('preview and push given another project file name the activation file to pass; exit 2', () => {
  const dir = exampleCopy();
  const preview = pindest(['preview', 'destination.json'], ENGLISH, dir);
  assert.equal(preview.code, 2);
  assert.equal(
    preview.stderr,
    "pindest preview: destination.json is a destination configuration (destination.json): pass the activation file (activation.json), which names the project's other files: pindest preview activation.json\n",
  );
  const push = pindest(['push', 'destination-server.json'], ENGLISH, dir);
  assert.equal(push.code, 2);
  assert.match(push.stderr, /^pindest push: destination-server\.json is a destination server \(destination-server\.json\): pass the activation file \(activation\.json\).*: pindest push activation\.json\n$/);
  assert.equal(push.stdout, '', 'nothing was run');
});

test('render given a destination server renders its request body template; errors land in the JSON file', () => {
  const dir = exampleCopy();
  writeFileSync(join(dir, 'context.json'), JSON.stringify({ input: { aggregationKey: { segmentStatus: 'exited' }, profiles: [] } }));
  const ok = pindest(['render', 'destination-server.json', '--context', 'context.json'], ENGLISH, dir);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(JSON.parse(ok.stdout), { operation_type: 'REMOVE', records: '' });
  assert.equal(ok.stderr, '');
  const hollow = pindest(['render', 'destination-server.json'], ENGLISH, dir);
  assert.equal(hollow.code, 0);
  assert.match(hollow.stderr, /rendered with no --context/);

  // A syntax error after escaped quotes and \n: its line and column are those of the JSON file.
  const path = join(dir, 'destination-server.json');
  const text = readFileSync(path, 'utf8').replace('{% endif %}{% endfor %}', '{% endif %}{{ profile. }}{% endfor %}');
  writeFileSync(path, text);
  const broken = pindest(['render', 'destination-server.json'], ENGLISH, dir);
  assert.equal(broken.code, 1);
  const at = text.indexOf('{{ profile. }}') + '{{ profile. '.length;
  const line = text.slice(0, at).split('\n').length;
  const column = at - text.lastIndexOf('\n', at - 1);
  assert.equal(broken.stderr, `destination-server.json:${line}:${column}: Expected an attribute name after "." but found "}}".\n`);
});

test('render given another project file says what it takes and names Edit Embedded Template; exit 2', () => {
  const r = pindest(['render', join(EXAMPLE_DIR, 'destination.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr.split('\n')[0]!, /is a destination configuration \(destination\.json\), not a Pebble template: render takes a template file \(plain text\), or a destination server whose httpTemplate\.requestBody\.value it renders\. In VS Code, "Edit Embedded Template"/);
});

test('a production push refused for want of a token lists no call and gives advice about the token only', () => {
  const dir = exampleCopy();
  const r = pindest(['push', '--env', 'production', 'activation.json'], ENGLISH, dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /was refused before sending anything/);
  assert.match(r.stdout, /No Pinterest access token: set the PINTEREST_ACCESS_TOKEN environment variable/);
  assert.match(r.stdout, /What to do: Nothing was sent\. To try the activation without a Pinterest token, use the local environment/);
  assert.doesNotMatch(r.stdout, /Use https/);
  assert.match(r.stdout, /Calls \(0\)/);
  assert.match(r.stdout, /pindest's read-only checks \(not done by AEP\): 0/);
  assert.equal(r.stdout.match(/No Pinterest access token/g)?.length, 1, 'said once');
});

test('bin/pindest.mjs without a build says to run npm run build; exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-manners-'));
  mkdirSync(join(dir, 'bin'));
  copyFileSync(join(ROOT, 'bin/pindest.mjs'), join(dir, 'bin/pindest.mjs'));
  const r = spawnSync(process.execPath, [join(dir, 'bin/pindest.mjs'), '--help'], { encoding: 'utf8', env: { ...process.env, ...ENGLISH } });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^pindest: the CLI is not built yet \(dist\/cli\.mjs is missing\); run `npm run build` in /);
  const built = spawnSync(process.execPath, [join(ROOT, 'bin/pindest.mjs'), '--version'], { encoding: 'utf8' });
  assert.equal(built.status, 0);
  assert.match(built.stdout, /^\d+\.\d+\.\d+\n$/);
});

test('in French, the validate summary and the wrong-file sentence are French; findings and JSON stay as they are', () => {
  const FRENCH = { LANG: 'fr_FR.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  const clean = pindest(['validate', 'examples/pinterest-customer-list'], FRENCH);
  assert.equal(clean.stdout, '4 fichiers vérifiés : 0 erreur, 0 avertissement\n');
  const one = pindest(['validate', 'examples/pinterest-customer-list/destination.json'], FRENCH);
  assert.equal(one.stdout, '1 fichier vérifié : 0 erreur, 0 avertissement\n');
  const json = JSON.parse(pindest(['validate', '--format', 'json', 'examples/pinterest-customer-list'], FRENCH).stdout);
  assert.deepEqual(json.summary, { errors: 0, warnings: 0 });
  const dir = exampleCopy();
  const wrong = pindest(['preview', 'destination.json'], FRENCH, dir);
  assert.equal(
    wrong.stderr,
    "pindest preview: destination.json est une configuration de destination (destination.json) : passez le fichier d'activation (activation.json), qui nomme les autres fichiers du projet : pindest preview activation.json\n",
  );
});
