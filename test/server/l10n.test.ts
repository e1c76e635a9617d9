/**
 * The language server speaks the client's language: with VS Code in French (`locale` `fr-FR` in
 * initialize) the example's diagnostics, quick-fix titles and hovers are French, their codes,
 * ranges and fix data the same; with any other locale they are the English they always were.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { CodeActionRequest, CompletionRequest, DidChangeConfigurationNotification, HoverRequest, type CompletionItem, type CompletionList, type CodeAction, type Diagnostic, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { exampleCopy, positionAt, TestClient } from './client';

const project = exampleCopy();
const clients: Record<'fr' | 'en', TestClient | undefined> = { fr: undefined, en: undefined };
before(async () => {
  clients.fr = await TestClient.start(undefined, 'fr-FR');
  clients.en = await TestClient.start(undefined, 'en');
});
after(async () => {
  await clients.fr?.stop();
  await clients.en?.stop();
  project.dispose();
});

const read = (name: string) => readFileSync(project.path(name), 'utf8');

async function diagnose(lang: 'fr' | 'en', name: string, text: string): Promise<{ uri: string; ds: Diagnostic[] }> {
  const client = clients[lang]!;
  const uri = project.uri(`${lang}-${name}`);
  await client.open(uri, text);
  return { uri, ds: await client.diagnosticsFor(uri) };
}

async function titles(lang: 'fr' | 'en', uri: string, d: Diagnostic): Promise<string[]> {
  const actions = (await clients[lang]!.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  return actions.map((a) => a.title);
}

async function hoverText(lang: 'fr' | 'en', uri: string, text: string, offset: number): Promise<string> {
  const h = (await clients[lang]!.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, offset) })) as Hover | null;
  return (h?.contents as MarkupContent | undefined)?.value ?? '';
}

test('French client: a misspelt value gets a French diagnostic and a French quick fix; the English client gets the English', async () => {
  const text = read('destination.json').replace('"Streaming"', '"streaming"');
  const fr = await diagnose('fr', 'destination.json', text);
  const en = await diagnose('en', 'destination.json', text);
  const [f] = fr.ds.filter((d) => d.code === 'PD012');
  const [e] = en.ds.filter((d) => d.code === 'PD012');
  assert.ok(f && e);
  assert.equal(e.message, '`streaming` is not an allowed value of `frequency`; did you mean `Streaming`? Values are case-sensitive.');
  assert.equal(f.message, "`streaming` n'est pas une valeur autorisée pour `frequency` ; vouliez-vous dire `Streaming` ? Les valeurs sont sensibles à la casse.");
  // Only the words (and the rule page, in French) change: the code, place and fix data are the same.
  assert.match(f.codeDescription!.href, /\/rules\/fr\/PD012\.md$/);
  assert.deepEqual({ ...f, message: '', codeDescription: undefined }, { ...e, message: '', codeDescription: undefined });
  assert.deepEqual(await titles('fr', fr.uri, f), ['Remplacer par `Streaming`']);
  assert.deepEqual(await titles('en', en.uri, e), ['Change to `Streaming`']);
});

test('French client: rule findings built from phrases and lists read as French sentences', async () => {
  const dest = JSON.parse(read('destination.json'));
  dest.uiAttributes.frequency = 'Batch';
  dest.customerAuthenticationConfigurations[0].grant = 'OAUTH2_PASSWORD';
  const text = JSON.stringify(dest, null, 2);
  const fr = await diagnose('fr', 'destination-2.json', text);
  const en = await diagnose('en', 'destination-2.json', text);
  const byCode = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code).map((d) => d.message);
  assert.deepEqual(byCode(en.ds, 'PD101'), ['This destination aggregates like a streaming destination but `frequency` is `Batch`; set it to `Streaming`.']);
  assert.deepEqual(byCode(fr.ds, 'PD101'), ['Cette destination agrège comme une destination de streaming mais `frequency` vaut `Batch` ; mettez `Streaming`.']);
  assert.deepEqual(byCode(fr.ds, 'PD205'), ['Les utilisateurs de Pinterest se connectent de façon interactive : utilisez `OAUTH2_AUTHORIZATION_CODE`, pas `OAUTH2_PASSWORD`.']);
  assert.equal(fr.ds.length, en.ds.length);
  for (const d of fr.ds) assert.ok(!en.ds.some((x) => x.message === d.message), `English left in French: ${d.message}`);
});

test('French client: hovers on a template variable and on a key are French; English for the English client', async () => {
  const text = read('destination-server.json');
  const at = text.indexOf('input.profiles') + 2;
  const fr = await diagnose('fr', 'destination-server.json', text);
  const en = await diagnose('en', 'destination-server.json', text);
  const frVar = await hoverText('fr', fr.uri, text, at);
  const enVar = await hoverText('en', en.uri, text, at);
  assert.match(enVar, /^`input`: `Input`\n\nThe aggregated batch AEP sends in one call\./);
  assert.match(frVar, /^`input`: `Input`\n\nLe lot agrégé qu'AEP envoie en un appel\./);
  const key = text.indexOf('"httpTemplate"') + 2;
  const enKey = await hoverText('en', en.uri, text, key);
  const frKey = await hoverText('fr', fr.uri, text, key);
  assert.match(enKey, /^How each HTTP call of a streaming server is built: method, body template, content type, headers, query\.\n\n\[Adobe documentation: /);
  assert.match(frKey, /^Comment chaque appel HTTP d'un serveur de streaming est construit : méthode, modèle de corps, type de contenu, en-têtes, requête\.\n\n\[Documentation Adobe : /);
});

test('French client: a mistake in the pindest.rules setting is explained in French', async () => {
  const shown: string[] = [];
  clients.fr!.connection.onRequest('window/showMessageRequest', (p: { type: number; message: string }) => {
    if (p.type === 2) shown.push(p.message);
    return null;
  });
  const uri = project.uri('fr-rules-destination.json');
  await clients.fr!.open(uri, read('destination.json'));
  await clients.fr!.diagnosticsFor(uri);
  await clients.fr!.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { pindest: { rules: { pd503: 'off', PD114: 'errror' } } } });
  // The warning comes with the revalidation the new setting causes.
  await clients.fr!.diagnosticsFor(uri, () => shown.length > 0);
  assert.deepEqual(shown, ['Paramètre pindest.rules : Code de constat inconnu `pd503` : vouliez-vous dire `PD503` ? `PD114` : sévérité inconnue "errror", vouliez-vous dire `error` ? Utilisez off, info, warning ou error.']);
});

test('French client: template completion documents the variables in French', async () => {
  const text = read('destination-server.json');
  const at = text.indexOf('input.profiles') + 'input.'.length;
  const docOf = async (lang: 'fr' | 'en') => {
    const { uri } = await diagnose(lang, 'destination-server-completion.json', text);
    const r = (await clients[lang]!.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, at) })) as CompletionList | CompletionItem[] | null;
    const items = Array.isArray(r) ? r : r?.items ?? [];
    const item = items.find((i) => i.label === 'profiles');
    return [item?.detail, (item?.documentation as MarkupContent | undefined)?.value];
  };
  assert.deepEqual(await docOf('en'), ['list of Profile', 'The profiles of the call (when `maxUsersPerRequest` is not 1).']);
  assert.deepEqual(await docOf('fr'), ['liste de Profile', "Les profils de l'appel (quand `maxUsersPerRequest` ne vaut pas 1)."]);
});

test('French client: the hover on an identity namespace describes it in French', async () => {
  const text = read('activation.json');
  const at = text.indexOf('"source": "Email"') + '"source": "'.length + 1;
  const fr = await diagnose('fr', 'activation.json', text);
  const en = await diagnose('en', 'activation.json', text);
  assert.match(await hoverText('en', en.uri, text, at), /^\*\*Email\*\* \(`Email`\)\n\nPlain email address\./);
  assert.match(await hoverText('fr', fr.uri, text, at), /^\*\*Email\*\* \(`Email`\)\n\nAdresse e-mail en clair\./);
});

test('French client: a Pebble render-time error inside PD406 reads as one French sentence; English unchanged for the English client', async () => {
  const server = JSON.parse(read('destination-server.json'));
  const body = server.httpTemplate.requestBody.value as string;
  const withBody = (prefix: string) => {
    server.httpTemplate.requestBody.value = prefix + body;
    return JSON.stringify(server, null, 2);
  };
  const pd406 = async (lang: 'fr' | 'en', name: string, text: string) => (await diagnose(lang, name, text)).ds.filter((d) => d.code === 'PD406').map((d) => d.message);
  // A filter given the wrong type: the filter's message, and the type it got, are nested phrases.
  const wrongType = withBody('{{ input.profiles | sha256 }}');
  assert.deepEqual(await pd406('en', 'render-type.json', wrongType), [
    'Rendering the body with two sample profiles fails (for a group of profiles with status `realized`) at template line 1, column 21: Filter "sha256": "sha256" hashes a string, not a list.',
  ]);
  assert.deepEqual(await pd406('fr', 'render-type.json', wrongType), [
    "Le rendu du corps avec deux profils d'exemple échoue (pour un groupe de profils au statut `realized`) à la ligne 1, colonne 21 du modèle : Filtre « sha256 » : « sha256 » hache une chaîne, et non une liste.",
  ]);
  // A date pattern Java's DateTimeFormatter has but pindest does not model.
  const badPattern = withBody('{{ "2024-01-02T03:04:05Z" | date("yyyy qq") }}');
  assert.deepEqual(await pd406('en', 'render-date.json', badPattern), [
    'Rendering the body with two sample profiles fails (for a group of profiles with status `realized`) at template line 1, column 29: Filter "date": Unsupported letter "q" in date pattern "yyyy qq".',
  ]);
  assert.deepEqual(await pd406('fr', 'render-date.json', badPattern), [
    "Le rendu du corps avec deux profils d'exemple échoue (pour un groupe de profils au statut `realized`) à la ligne 1, colonne 29 du modèle : Filtre « date » : Lettre « q » non prise en charge dans le motif de date « yyyy qq ».",
  ]);
});
