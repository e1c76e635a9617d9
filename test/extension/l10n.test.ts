// Every user-visible string of the extension has its French translation: the extension's own
// (vscode.l10n.t, and `tr(...)` in its pure pages), the core's report lines it shows (`tr` and
// `msg` in src/core), every manifest placeholder (%key%), every walkthrough page. The rule pages'
// French twins are checked by test/unit/rules/rule-pages.test.ts. The pages rendered in French
// (the bundle applied as VS Code applies it) keep none of those English sentences.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { visit } from 'jsonc-parser';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { test } from 'node:test';
import { executePlan } from '../../src/core/execute/execute';
import { formatActivationText } from '../../src/core/execute/report';
import { fileStateStore } from '../../src/core/execute/state';
import { rejectMessage } from '../../src/core/identity/reasons';
import { aepRetryPolicy, createPinterestClient, staticTokenProvider } from '../../src/core/pinterest';
import { resolveActivation } from '../../src/core/plan/activation';
import { buildPlan } from '../../src/core/plan/plan';
import { Project } from '../../src/core/project/project';
import { fill, translateText, type Translate } from '../../src/core/report/l10n';
import { previewReport } from '../../src/core/report/preview';
import { generateSampleProfiles, INJECTABLE_REASONS, sampleProfileSpec } from '../../src/core/profiles/generate';
import { parseProfiles } from '../../src/core/profiles';
import { activationMarkdown } from '../../src/extension/activation-md';
import { renderPreviewPage } from '../../src/extension/preview-html';
import { ENGLISH_LABELS, renderReportPage } from '../../src/extension/report-html';
import { loadRun } from '../../src/extension/runs';
import { startSimulator } from '../../src/simulator';
import { EXAMPLE_DIR, exampleFiles, type ExampleFiles } from '../helpers/example';
import { exampleProfiles } from '../helpers/plan';

const ROOT = join(import.meta.dirname, '../..');
const read = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
const FR = read('l10n/bundle.l10n.fr.json') as Record<string, string>;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/**
 * The English messages the extension shows, by file: `vscode.l10n.t('…')` in src/extension,
 * `tr('…')` (a Translate, vscode.l10n.t at run time) and `msg('…')` (a line the core stores in
 * English and the extension translates when it shows it) in src/extension and src/core.
 */
function messages(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [dir, calls] of [['src/extension', /\b(?:l10n\.t|tr|msg)\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g], ['src/core', /\b(?:tr|msg)\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g]] as const) {
    for (const file of sources(join(ROOT, dir))) {
      for (const m of readFileSync(file, 'utf8').matchAll(calls)) {
        const text = m[1]!.slice(1, -1).replace(/\\(.)/g, '$1');
        found.set(text, [...(found.get(text) ?? []), file.slice(ROOT.length + 1)]);
      }
    }
  }
  return found;
}

/** What vscode.l10n.t does with the French bundle: the translation (else the English), `{n}` filled. */
const french: Translate = (message, ...args) => fill(FR[message] ?? message, args);

test('every string the extension shows, its own and the core report lines, has French with the same placeholders', () => {
  const found = messages();
  assert.ok(found.size > 200, `only ${found.size} messages found: the scan is broken`);
  const ph = (x: string) => [...x.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort().join();
  const missing = [...found].filter(([s]) => !(s in FR)).map(([s, files]) => `${s}  (${files[0]})`);
  assert.deepEqual(missing, [], 'no French in l10n/bundle.l10n.fr.json for these');
  for (const s of found.keys()) {
    assert.equal(ph(FR[s]!), ph(s), s);
    assert.notEqual(FR[s]!.trim(), '', s);
  }
  // The new-file snippets' descriptions: the language server shows them from the same bundle.
  const snippets = Object.values(read('snippets/pindest.snippets.json') as Record<string, { description: string }>).map((x) => x.description);
  for (const d of snippets) assert.ok(FR[d]?.trim(), `no French for the snippet description: ${d}`);
  for (const k of Object.keys(FR)) assert.ok(found.has(k) || snippets.includes(k), `unused French string: ${k}`);
});

test('manifest placeholders resolve in English and French', () => {
  const manifest = readFileSync(join(ROOT, 'package.json'), 'utf8');
  const keys = new Set([...manifest.matchAll(/"%([\w.-]+)%"/g)].map((m) => m[1]!));
  const en = read('package.nls.json');
  const fr = read('package.nls.fr.json');
  assert.ok(keys.size > 20);
  for (const k of keys) {
    assert.ok(en[k], `package.nls.json lacks ${k}`);
    assert.ok(fr[k], `package.nls.fr.json lacks ${k}`);
  }
  assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
});

test('manifest: every command is in the category, settings have scopes and markdown descriptions', () => {
  const pkg = read('package.json');
  for (const c of pkg.contributes.commands) assert.equal(c.category, '%category%', c.command);
  for (const [k, v] of Object.entries(pkg.contributes.configuration.properties) as [string, { scope?: string; markdownDescription?: string }][]) {
    assert.ok(v.scope, `${k} has no scope`);
    assert.ok(v.markdownDescription, `${k} has no markdownDescription`);
  }
  assert.equal(pkg.contributes.configuration.properties['pindest.pinterest.baseUrl'].scope, 'machine', 'a workspace must not redirect tokens');
  // The language server validates with the schemas; VS Code's own JSON validation would repeat every error.
  assert.equal(pkg.contributes.jsonValidation, undefined);
  assert.ok(!pkg.activationEvents.includes('*'));
});

test('every walkthrough page has its French twin (name.nls.fr.md, which VS Code reads in French), with the same code and commands', () => {
  const pkg = read('package.json');
  const pages = pkg.contributes.walkthroughs.flatMap((w: { steps: { media: { markdown?: string } }[] }) => w.steps.map((s) => s.media.markdown).filter(Boolean)) as string[];
  assert.ok(pages.length >= 5);
  const shape = (text: string) => ({
    code: [...text.matchAll(/`[^`]+`/g)].map((m) => m[0]).sort(),
    links: [...text.matchAll(/\]\(([^)]+)\)/g)].map((m) => m[1]).sort(),
    headings: (text.match(/^#+ /gm) ?? []).length,
    rows: (text.match(/^\|/gm) ?? []).length,
  });
  for (const page of pages) {
    const twin = page.replace(/\.md$/, '.nls.fr.md');
    assert.ok(statSync(join(ROOT, twin), { throwIfNoEntry: false })?.size, `${twin} is missing or empty`);
    const en = readFileSync(join(ROOT, page), 'utf8');
    const fr = readFileSync(join(ROOT, twin), 'utf8');
    assert.notEqual(fr, en, `${twin} is not translated`);
    assert.deepEqual(shape(fr), shape(en), `${twin} has other code, links, headings or table rows than ${page}`);
  }
});

/** The page's text as a reader sees it: tags dropped, entities decoded, spaces collapsed. */
function visibleText(page: string): string {
  return page
    .replace(/<(style|script)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#96;/g, '`')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** English sentences of these files that a French page must not show: their fixed parts of three words or more that French changes. */
function englishSentences(files: string[]): string[] {
  const out: string[] = [];
  for (const [message, where] of messages()) {
    if (!where.some((f) => files.some((x) => f.endsWith(x))) || FR[message] === message) continue;
    for (const part of message.split(/\{\d+\}/)) if (part.trim().split(/\s+/).length >= 3 && !(FR[message] ?? '').includes(part.trim())) out.push(part.trim());
  }
  return out;
}

/** The report page's labels as the extension passes them: report-panel.ts translates each English label. */
function frenchLabels<T>(labels: T): T {
  return (typeof labels === 'string' ? french(labels) : Object.fromEntries(Object.entries(labels as object).map(([k, v]) => [k, frenchLabels(v)]))) as T;
}

const RES = { cspSource: 'https://file+.vscode-resource.vscode-cdn.net', nonce: 'AAAAAAAAAAAAAAAAAAAAAA==', scriptUri: 'https://x/dist/webview.js', styleUri: 'https://x/media/preview.css' };
const NAMES: [keyof ExampleFiles, string][] = [['destination', 'destination.json'], ['server', 'destination-server.json'], ['audienceTemplate', 'audience-template.json'], ['activation', 'activation.json']];
const exampleActivation = () => resolveActivation(Project.fromTexts(NAMES.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(exampleFiles()[k]) }))));

test('the preview page in French: its words and counts in French, no English sentence left', () => {
  const activation = exampleActivation();
  const report = previewReport(activation, buildPlan(activation, exampleProfiles()), EXAMPLE_DIR, {}, french);
  const page = renderPreviewPage(report, RES, french, 'fr');
  const text = visibleText(page);
  assert.match(page, /<html lang="fr">/);
  assert.match(text, /Aperçu du mappage des identités/);
  assert.match(text, /\d+ profils, \d+ exportés ; \d+ identités envoyées, \d+ rejetées ; \d+ requêtes prévues\./);
  assert.match(text, /Mappages Espace de noms source Cible Transformation Email pinterest_audience sha256\(lower\(\$\)\) \(exigée par la destination\)/);
  assert.match(text, /Les requêtes vont vers \S+ \(local\) ; AEP appelle https:\/\/api\.pinterest\.com\/v5 \./);
  assert.match(text, /création de la liste de clients pour « Spring buyers »/);
  assert.match(text, /mise à jour realized de « Spring buyers », 3 profils/);
  for (const english of englishSentences(['preview-html.ts', 'report/preview.ts', 'execute/summary.ts'])) assert.ok(!text.includes(english), `English left on the French preview: "${english}"`);
});

test('the preview page in French: every rejection reason, not-mapped line and plain-text problem in French, no English sentence left', () => {
  // The example, mapping every namespace the generator can spoil, with a sample holding every injectable reason.
  const files = exampleFiles();
  const extra = ['Phone', 'Phone_E.164', 'Phone_SHA256', 'ECID'];
  for (const ns of extra) files.destination.identityNamespaces.pinterest_audience.acceptedGlobalNamespaces[ns] = {};
  files.activation.mappings.push(...extra.map((source) => ({ source, target: 'pinterest_audience', applyTransformation: false })));
  const activation = resolveActivation(Project.fromTexts(NAMES.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) }))));
  const spec = sampleProfileSpec(activation.destination, activation.mappings, activation.audiences);
  const generated = [...generateSampleProfiles(spec, { count: 300, seed: 7, invalid: Object.fromEntries(INJECTABLE_REASONS.map((r) => [r, 0.3])) })];
  // One profile with a namespace no mapping takes.
  generated.push({ segmentMembership: generated[0]!.segmentMembership, identityMap: { 'Phone_SHA256_E.164': [{ id: 'f'.repeat(64) }] } });
  const { profiles } = parseProfiles(JSON.stringify(generated), join(EXAMPLE_DIR, 'generated.json'));
  const report = previewReport(activation, buildPlan(activation, profiles), EXAMPLE_DIR, {}, french);
  const reasons = new Set(report.identities.map((r) => r.reason));
  for (const r of [...INJECTABLE_REASONS, 'not-mapped']) assert.ok(reasons.has(r), `the sample has no ${r} value`);
  assert.ok(report.problems.some((p) => /holds plain text in the hashed namespace/.test(p.message)), 'the plan stores the English problem');
  const text = visibleText(renderPreviewPage(report, RES, french, 'fr'));
  assert.match(text, /La valeur IDFA est l'identifiant tout à zéro qu'un appareil indique quand l'utilisateur limite le suivi publicitaire : elle n'identifie personne\./);
  assert.match(text, /Aucun mappage ne prend Phone_SHA256_E\.164 : cette identité n'est pas exportée\./);
  assert.match(text, /identityMap\.Email_LC_SHA256\[0\]\.id du profil \d+ (?:\(ligne \d+\) )?de \S*generated\.json contient du texte en clair dans l'espace de noms haché `Email_LC_SHA256`/);
  const english = englishSentences(['preview-html.ts', 'report/preview.ts', 'execute/summary.ts', 'identity/reasons.ts', 'plan/map.ts', 'plan/plan.ts', 'governance/hashed-values.ts']);
  assert.ok(english.some((e) => e.startsWith('value is the all-zero ID')), 'the scan covers the reasons');
  for (const e of english) assert.ok(!text.includes(e), `English left on the French preview: "${e}"`);
});

test('policy violations and identities in no aggregation group: French on the preview page and on the refused test activation report', async () => {
  const english = englishSentences(['governance/explain.ts', 'plan/plan.ts', 'execute/execute.ts']);
  assert.ok(english.some((e) => e.startsWith('for data labelled')), 'the scan covers the policy lines');
  // examples/policy-violation: Adobe's core policy blocks the activation (read only, nothing written there).
  const dir = join(ROOT, 'examples/policy-violation');
  const activation = resolveActivation(Project.fromTexts(['destination.json', 'destination-server.json', 'audience-template.json', 'activation.json'].map((name) => ({ path: join(dir, name), text: readFileSync(join(dir, name), 'utf8') }))));
  const plan = buildPlan(activation, parseProfiles(readFileSync(join(dir, 'profiles.json'), 'utf8'), join(dir, 'profiles.json')).profiles);
  assert.ok(plan.problems.length > 0);
  const policyText = visibleText(renderPreviewPage(previewReport(activation, plan, dir, {}, french), RES, french, 'fr'));
  assert.match(policyText, /La politique de base « [^»]+ »( \(\S+\))? interdit .+ pour les données étiquetées .+ ; l('|’)\S+ .+ porte .+\. Pour résoudre : retirez/);
  for (const e of english) assert.ok(!policyText.includes(e), `English left on the French preview: "${e}"`);
  // The refused run says why, the plan's first problem included, in French too (no request is sent).
  const refused = await executePlan(activation, plan, createPinterestClient({ environment: 'local', baseUrl: 'http://127.0.0.1:9/v5', tokens: staticTokenProvider('unused'), retry: aepRetryPolicy(activation.destination) }), {});
  assert.equal(refused.outcome, 'refused');
  assert.match(refused.failure!.message, /^The plan has \d+ problem\(s\), e\.g\. The core policy/);
  const reportText = visibleText(renderReportPage({ report: refused, tr: french, lang: 'fr', labels: frenchLabels(ENGLISH_LABELS) }, RES));
  assert.match(reportText, /Le plan comporte \d+ problème\(s\), par exemple : La politique de base « /);
  for (const e of english) assert.ok(!reportText.includes(e), `English left on the French report: "${e}"`);
  // Custom identity groups that do not name the example's target identity: nothing is exported, and the page says why.
  const files = exampleFiles();
  Object.assign(files.destination.aggregation.configurableAggregation.aggregationKey, { includeIdentity: true, oneIdentityPerGroup: false, groups: [{ namespaces: ['Email', 'GAID'] }] });
  const grouped = resolveActivation(Project.fromTexts(NAMES.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) }))));
  const groupedText = visibleText(renderPreviewPage(previewReport(grouped, buildPlan(grouped, exampleProfiles()), EXAMPLE_DIR, {}, french), RES, french, 'fr'));
  assert.match(groupedText, /Pas d'export pour \d+ identités de \d+ profils \(\d+ profils en entier\) : l'identité cible `pinterest_audience` n'est dans aucun groupe `aggregationKey\.groups`/);
  assert.match(groupedText, /Dans aucun groupe `aggregationKey\.groups` de la destination \(\[Email, GAID\]\) : AEP ne l'exporte donc pas\./);
  for (const e of english) assert.ok(!groupedText.includes(e), `English left on the French preview: "${e}"`);
});

test('a request template that fails or renders a body that is not JSON: the problems in French on the preview page', () => {
  const english = englishSentences(['plan/render.ts']);
  const preview = (body: string) => {
    const files = exampleFiles();
    files.server.httpTemplate.requestBody.value = body;
    const activation = resolveActivation(Project.fromTexts(NAMES.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) }))));
    const report = previewReport(activation, buildPlan(activation, exampleProfiles()), EXAMPLE_DIR, {}, french);
    assert.ok(report.problems.length > 0, body);
    const text = visibleText(renderPreviewPage(report, RES, french, 'fr'));
    for (const e of english) assert.ok(!text.includes(e), `English left on the French preview: "${e}"`);
    return text;
  };
  assert.match(preview('{"records": "{{ input.profiles | length }}"'), /Le corps produit n'est pas du JSON valide \(il cesse d'être du JSON au caractère \d+\) ; vérifiez les guillemets et les virgules du modèle\./);
  assert.match(preview('{% if %}'), /requête 1 : Modèle du corps de requête, ligne 1, colonne \d+ : /);
});

test('sample files with malformed JSON, bad CSV rows and shape problems: the problems in French on the preview page', () => {
  const english = englishSentences(['preview-html.ts', 'report/preview.ts', 'profiles/json-text.ts', 'profiles/jsonl.ts', 'profiles/csv.ts', 'profiles/shape.ts']);
  assert.ok(english.some((e) => e.startsWith('Malformed JSON at line')), 'the scan covers the profile problems');
  const activation = exampleActivation();
  const preview = (name: string, text: string) => {
    const { profiles, problems } = parseProfiles(text, join(EXAMPLE_DIR, name));
    assert.ok(problems.length > 0, name);
    const report = previewReport(activation, buildPlan(activation, profiles, problems), EXAMPLE_DIR, {}, french);
    const page = visibleText(renderPreviewPage(report, RES, french, 'fr'));
    for (const e of english) assert.ok(!page.includes(e), `English left on the French preview of ${name}: "${e}"`);
    return { report, page };
  };
  const json = preview('broken.json', [
    '[',
    '  { "identityMap": { "Email": [{ "id": 7 }] }, "segmentMembership": { "ups": { "a": { "status": "Realised" } } }, "attributes": [] },',
    '  { "identityMap": { "Email": "x" }, "segmentMembership": { "ups": { "a": {} } } },',
    '  { "identityMap": { "Email": [{ "id": "sample.one@example.com" }] } oops }',
    ']',
  ].join('\n'));
  assert.ok(json.report.problems.some((p) => /^Malformed JSON at line 4, column \d+: /.test(p.message)), 'the report keeps the English problem');
  assert.match(json.page, /JSON mal formé à la ligne 4, colonne \d+ : caractère inattendu\./);
  assert.match(json.page, /Profil 0 : identityMap\.Email\[0\]\.id doit être une chaîne, et non un nombre ; l'identité a été ignorée\./);
  assert.match(json.page, /Profil 0 : segmentMembership\.ups\.a\.status doit valoir realized, existing ou exited, et non « Realised » ; l'appartenance a été ignorée\./);
  assert.match(json.page, /Profil 0 : attributes doit être un objet, et non un tableau ; il a été ignoré\./);
  assert.match(json.page, /Profil 1 : segmentMembership\.ups\.a\.status manque \(il doit valoir realized, existing ou exited\) ; l'appartenance a été ignorée\./);
  const lines = preview('broken.jsonl', '{ "identityMap": { "Email": [{ "id": "sample.two@example.com" }] } }\n{ "identityMap": \n');
  assert.match(lines.page, /JSON mal formé à la ligne 2, colonne \d+ : une valeur était attendue ; la ligne a été ignorée\./);
  assert.match(lines.page, /Profil 0 : il n'a pas de segmentMembership, donc il n'appartient à aucune audience\./);
  const csv = preview('broken.csv', ['Email,ups:a,email,Email:1,', 'sample.three@example.com,Realised,,,', 'too,few', 'sam"ple,realized,,,'].join('\n'));
  assert.match(csv.page, /La colonne « email » est lue comme un attribut ; les codes d'espace de noms respectent la casse, nommez-la donc « Email » si elle contient des identités\./);
  assert.match(csv.page, /La colonne « Email:1 » a un type inconnu : « Email » est un espace de noms d'identité/);
  assert.match(csv.page, /La colonne 5 a un en-tête vide, son type est donc inconnu ; ses cellules sont ignorées\./);
  assert.match(csv.page, /Ligne de données 0 \(ligne 2\), colonne « ups:a » : le statut doit valoir realized, existing ou exited, et non « Realised » ; l'appartenance a été ignorée\./);
  assert.match(csv.page, /La ligne de données 1 \(ligne 3\) a 2 cellules, mais l'en-tête en a 5 ; elle a été ignorée\./);
  assert.match(csv.page, /CSV mal formé à la ligne 4 : un guillemet apparaît dans une cellule sans guillemets ; la ligne a été ignorée\./);
});

test('a test activation stopped by a stale list id, and the stand-in for an unrecognised namespace: French on the report page', async () => {
  const english = englishSentences(['report-html.ts', 'execute/report.ts', 'execute/execute.ts', 'identity/reasons.ts']);
  assert.ok(english.some((e) => e.includes('is stale')), 'the scan covers the refusals');
  // A namespace that is not shaped like one is never echoed; its stand-in is French too.
  assert.equal(translateText(rejectMessage('unknown-namespace', 'ab12'.repeat(8)), french), "« (espace de noms non reconnu) » n'est pas un espace de noms d'identité que connaît cette destination (les codes sont sensibles à la casse).");
  const sim = await startSimulator({ port: 0, seed: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'pindest-l10n-'));
  try {
    const state = fileStateStore(join(dir, 'activation.json'));
    const activation = exampleActivation();
    const once = () => executePlan(activation, buildPlan(activation, exampleProfiles()), createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: aepRetryPolicy(activation.destination), retryTimeScale: 0.0001 }), { state });
    assert.equal((await once()).outcome, 'succeeded');
    // The list the state file remembers is gone from the simulator: its id is stale.
    const file = join(dir, '.pindest', 'state.json');
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    saved.audiences[0].responseFields.externalAudienceId = '999999999';
    writeFileSync(file, JSON.stringify(saved));
    const stale = await once();
    assert.match(stale.failure!.message, /^Pinterest has no customer list 999999999 for audience "Spring buyers"/);
    const text = visibleText(renderReportPage({ report: stale, tr: french, lang: 'fr', labels: frenchLabels(ENGLISH_LABELS) }, RES));
    assert.match(text, /Pinterest n'a pas de liste de clients 999999999 pour l'audience « Spring buyers » : l'identifiant mémorisé dans \S+ est périmé/);
    for (const e of english) assert.ok(!text.includes(e), `English left on the French report: "${e}"`);
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

async function run(faults?: string, signal?: AbortSignal) {
  const sim = await startSimulator({ port: 0, rateLimitPerMinute: 100_000, faults, seed: 1 });
  try {
    const activation = exampleActivation();
    const client = createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(sim.seed.accessToken), retry: aepRetryPolicy(activation.destination), retryTimeScale: 0.0001 });
    return await executePlan(activation, buildPlan(activation, exampleProfiles()), client, { signal });
  } finally {
    await sim.close();
  }
}

test("the Pinterest client's errors on the French report page: a refused token, no token, a plain-http URL, an ad account the user cannot see, calls that fail with 500", async () => {
  const english = englishSentences(['report-html.ts', 'execute/report.ts', 'execute/execute.ts', 'pinterest/errors.ts', 'pinterest/tokens.ts', 'pinterest/client.ts', 'pinterest/urls.ts']);
  assert.ok(english.some((e) => e.includes('did not accept the token it was sent')) && english.some((e) => e.includes('was not found: check the id')), 'the scan covers the client errors');
  // Response bodies are data, shown as they were recorded (in English, as the saved run keeps them).
  const page = (report: Awaited<ReturnType<typeof executePlan>>) => visibleText(renderReportPage({ report, tr: french, lang: 'fr', labels: frenchLabels(ENGLISH_LABELS) }, RES).replace(/<pre class="response-body">[\s\S]*?<\/pre>/g, ' '));
  const sim = await startSimulator({ port: 0, seed: 1 });
  try {
    const push = (activation: ReturnType<typeof exampleActivation>, token: string) =>
      executePlan(activation, buildPlan(activation, exampleProfiles()), createPinterestClient({ environment: 'local', baseUrl: sim.baseUrl, tokens: staticTokenProvider(token), retry: aepRetryPolicy(activation.destination), retryTimeScale: 0.0001 }), {});
    // A token the simulator does not know: refused before anything is written.
    const refused = await push(exampleActivation(), 'pina-not-the-seeded-one');
    assert.equal(refused.outcome, 'refused');
    assert.match(refused.failure!.message, /^The simulator did not accept the token it was sent while reading ad account \d+: .* \(request id \S+\)$/);
    const refusedText = page(refused);
    assert.match(refusedText, /Le simulateur n'a pas accepté le jeton qui lui a été envoyé lors de la lecture du compte publicitaire \d+ : retirez PINDEST_SIMULATOR_TOKEN .* \(identifiant de requête \S+\)/);
    assert.ok(!refusedText.includes('pina-not-the-seeded-one'), 'the token is never shown');
    for (const e of english) assert.ok(!refusedText.includes(e), `English left on the French report: "${e}"`);
    // No token at all: the client refuses before sending anything.
    const empty = await push(exampleActivation(), '');
    assert.equal(empty.failure!.message, 'The access token is empty: set it to a Pinterest access token (it starts with "pina").');
    const emptyText = page(empty);
    assert.match(emptyText, /Le jeton d'accès : vide ; mettez-y un jeton d'accès Pinterest \(il commence par « pina »\)\./);
    for (const e of english) assert.ok(!emptyText.includes(e), `English left on the French report: "${e}"`);
    // An ad account that is not the user's: the refusal quotes the client's 404 sentence.
    const files = exampleFiles();
    files.activation.connection.customerData.adAccountId = '123456789';
    const other = resolveActivation(Project.fromTexts(NAMES.map(([k, name]) => ({ path: join(EXAMPLE_DIR, name), text: JSON.stringify(files[k]) }))));
    const missing = await push(other, sim.seed.accessToken);
    assert.equal(missing.outcome, 'refused');
    assert.match(missing.failure!.message, /^Ad account 123456789 is not available to this Pinterest user: Ad account 123456789 was not found: check the id/);
    const missingText = page(missing);
    assert.match(missingText, /Le compte publicitaire 123456789 n'est pas accessible à cet utilisateur Pinterest : Le compte publicitaire 123456789 est introuvable : vérifiez l'identifiant \(les chiffres dans ads\.pinterest\.com\/advertiser\/<id>\/\)/);
    for (const e of english) assert.ok(!missingText.includes(e), `English left on the French report: "${e}"`);
  } finally {
    await sim.close();
  }
  // A base URL that would carry the token in plain http off this machine: refused, nothing sent.
  const activation = exampleActivation();
  const plain = await executePlan(activation, buildPlan(activation, exampleProfiles()), createPinterestClient({ environment: 'local', baseUrl: 'http://pinterest.example/v5', tokens: staticTokenProvider('unused'), retry: aepRetryPolicy(activation.destination) }), {});
  assert.equal(plain.outcome, 'refused');
  assert.match(plain.failure!.message, /^Refusing to send the Pinterest access token over plain http to pinterest\.example: use https/);
  const plainText = page(plain);
  assert.match(plainText, /Refus d'envoyer le jeton d'accès Pinterest en http simple à pinterest\.example : utilisez https/);
  for (const e of english) assert.ok(!plainText.includes(e), `English left on the French report: "${e}"`);
  // Every call answers 500 (not retried for this destination), or 429 (retried, then dropped as AEP would): the call's
  // error and the refusal carry the client's sentence, the attempts counted when there were several.
  const failed = await run('500:1');
  assert.equal(failed.outcome, 'refused');
  assert.match(failed.failure!.message, /Pinterest failed while reading ad account \d+ \(HTTP 500\): try again later/);
  const limited = await run('429:1');
  assert.match(limited.failure!.message, /Pinterest's rate limit stopped reading ad account \d+ after \d+ attempts: wait a minute/);
  const [failedText, limitedText] = [page(failed), page(limited)];
  assert.match(failedText, /Le compte publicitaire \d+ n'est pas accessible à cet utilisateur Pinterest : Pinterest a échoué lors de la lecture du compte publicitaire \d+ \(HTTP 500\) : réessayez plus tard ; si cela persiste, donnez l'identifiant de requête au support de Pinterest\. \(identifiant de requête \S+\)/);
  assert.match(limitedText, /La limite de débit de Pinterest a arrêté la lecture du compte publicitaire \d+ après \d+ tentatives : attendez une minute et réessayez, ou baissez maxRequestsPerMinute\./);
  for (const text of [failedText, limitedText]) for (const e of english) assert.ok(!text.includes(e), `English left on the French report: "${e}"`);
});

test('the test activation report in French: summary lines, retries, notes and advice the core stored in English are shown in French', async () => {
  // The page's default labels are the English of the ones report-panel.ts translates.
  const flat = (o: unknown): string[] => (typeof o === 'string' ? [o] : Object.values(o as object).flatMap(flat));
  for (const label of flat(ENGLISH_LABELS)) if (label !== 'AEP') assert.ok(label in FR, `no French for the report label: ${label}`);
  const ok = await run();
  assert.equal(ok.outcome, 'succeeded', ok.failure?.message);
  // Every call answered 429: the preflight check is retried as AEP would, then the run is refused.
  const dropped = await run('429:1');
  assert.equal(dropped.outcome, 'refused');
  const cancelled = await run(undefined, AbortSignal.abort());
  assert.equal(cancelled.outcome, 'cancelled');
  const english = englishSentences(['report-html.ts', 'report-panel.ts', 'execute/report.ts', 'execute/summary.ts', 'execute/execute.ts', 'pinterest/retry.ts', 'pinterest/errors.ts']);
  // Response bodies are data, shown as they were recorded.
  const pages = [ok, dropped, cancelled].map((report) => visibleText(renderReportPage({ report, tr: french, lang: 'fr', labels: frenchLabels(ENGLISH_LABELS) }, RES).replace(/<pre class="response-body">[\s\S]*?<\/pre>/g, ' ')));
  for (const text of pages) for (const e of english) assert.ok(!text.includes(e), `English left on the French report: "${e}"`);
  const [okText, droppedText, cancelledText] = pages as [string, string, string];
  assert.match(okText, /Identités : \d+ mappées, \d+ rejetées, \d+ non mappées/);
  assert.match(okText, /Créations par le modèle d'audience \(envoyées par AEP\) : 2 \(listes créées 2, réutilisées 0\)/);
  assert.match(okText, /Les listes ne sont gardées qu'en mémoire, pour un simulateur qui démarre vide/);
  assert.match(droppedText, /Nouvelles tentatives : AEP agrégation configurable : 420, 429, .* ensuite AEP abandonne le lot \(attentes comprimées ×0\.0001 dans cette exécution\)/);
  assert.match(droppedText, /la tentative 1 a échoué \(http-429 429\) : AEP attend 30 min \(cette exécution a attendu 180 ms\) ; Pinterest a demandé \d+ s, ce qu'AEP ignore/);
  assert.match(droppedText, /Abandonné : AEP renonce à cet appel après ses nouvelles tentatives/);
  assert.match(droppedText, /Vérifiez l'identifiant du compte publicitaire, ou demandez à un propriétaire du compte de le partager avec vous\./);
  assert.match(cancelledText, /L'activation de test a été annulée ; les appels listés ont été envoyés\. Relancez-la quand vous êtes prêt ; les listes déjà créées sont mémorisées dans \S.* et réutilisées\./);
  // the saved report stays English, as `pindest push --format json` writes it
  assert.match(cancelled.failure!.message, /^The test activation was cancelled/);
  // "Export as Markdown" (and the diff of two runs) in French too, every call included
  const mdEnglish = englishSentences(['activation-md.ts', 'execute/report.ts', 'execute/summary.ts', 'execute/execute.ts', 'pinterest/retry.ts', 'pinterest/errors.ts']);
  for (const report of [ok, dropped, cancelled]) {
    const md = activationMarkdown(report, formatActivationText(report, french), french);
    for (const e of mdEnglish) assert.ok(!md.includes(e), `English left in the French Markdown: "${e}"`);
  }
  const md = activationMarkdown(ok, formatActivationText(ok, french), french);
  assert.match(md, /^# Activation de test réussie$/m);
  assert.match(md, /^\| Audience \| Type d'identité \| Envoyées \| Acceptées \| Rejetées \| Réessayées \|$/m);
  assert.match(md, /^## Chaque requête et chaque réponse$/m);
  assert.match(md, /^ {2}audience \/ type d'identité {24}envoyées {2}acceptées {2}rejetées {2}réessayées {2}abandonnées par AEP$/m);
  assert.match(md, /^ {2}\d+\. POST \S+ → 200 .*\(create-list, Spring buyers; AEP : création par le modèle d'audience\)$/m);
});

test('an error the extension shows is translated where it is shown, its arguments kept; other text is left as it is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pindest-l10n-'));
  try {
    const junk = join(dir, 'x (1) [a]+.json');
    writeFileSync(junk, '{ not json');
    const e = await loadRun(junk).then(() => undefined, (x: Error) => x);
    assert.equal(e?.message, `${junk} is not a saved test activation run.`);
    assert.equal(translateText(e!.message, french), `${junk} n'est pas une activation de test enregistrée.`);
    assert.equal(translateText('Pinterest said no.', french), 'Pinterest said no.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every msg-marked message is marked when its module loads, so a run saved earlier is translated when reopened', () => {
  const marked = new Map<string, string>();
  for (const file of [...sources(join(ROOT, 'src/core')), ...sources(join(ROOT, 'src/extension'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bmsg\(\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")/g)) marked.set(m[1]!.slice(1, -1).replace(/\\(.)/g, '$1'), file.slice(ROOT.length + 1));
  }
  assert.ok(marked.size > 30, `only ${marked.size} msg messages found`);
  for (const file of new Set(marked.values())) {
    const code = readFileSync(join(ROOT, file), 'utf8');
    if (/from 'vscode'/.test(code)) {
      // Cannot load outside VS Code: its msg calls must be module constants.
      for (const line of code.split('\n').filter((l) => /\bmsg\(/.test(l))) assert.match(line, /^(export )?const [A-Z_]+ = msg\(/, `${file}: msg outside a module constant: ${line.trim()}`);
    }
  }
  // In a fresh process: loading the modules, and nothing else, must mark every message.
  const pure = [...new Set(marked.values())].filter((f) => !/from 'vscode'/.test(readFileSync(join(ROOT, f), 'utf8')));
  const script = `const l = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/core/report/l10n.ts')).href)});
for (const f of ${JSON.stringify(pure.map((f) => pathToFileURL(join(ROOT, f)).href))}) await import(f);
console.log(JSON.stringify([...l.storedMessages()]));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  const loaded = new Set(JSON.parse(child.stdout) as string[]);
  for (const [text, file] of marked) if (!/from 'vscode'/.test(readFileSync(join(ROOT, file), 'utf8'))) assert.ok(loaded.has(text), `${file}: msg('${text}') is called inside a function, not when the module loads`);
});

test('no translation file names a key twice (JSON.parse would keep the last one without a word; parallel edits append)', () => {
  const files = ['package.nls.json', 'package.nls.fr.json', ...readdirSync(join(ROOT, 'l10n')).filter((f) => f.endsWith('.json')).map((f) => `l10n/${f}`)];
  for (const file of files) {
    const seen = new Set<string>();
    const twice: string[] = [];
    visit(readFileSync(join(ROOT, file), 'utf8'), { onObjectProperty: (key) => (seen.has(key) ? twice.push(key) : seen.add(key)) });
    assert.deepEqual(twice, [], `${file}: keys given twice`);
  }
});
