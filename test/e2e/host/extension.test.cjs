// Tests that run inside VS Code's extension host, against the real API and the real extension.
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vscode = require('vscode');

const ID = 'pindest.pinterest-destination-studio';
const folder = () => vscode.workspace.workspaceFolders[0].uri;
const example = (name) => vscode.Uri.joinPath(folder(), 'examples/pinterest-customer-list', name);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function waitFor(fn, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(100);
  }
}

module.exports = [
  ['the extension activates and reports its activation time', async () => {
    const ext = vscode.extensions.getExtension(ID);
    assert.ok(ext, 'extension not installed');
    const api = await ext.activate();
    assert.strictEqual(ext.isActive, true);
    assert.strictEqual(typeof api.activationMs, 'number');
    assert.ok(api.activationMs < 1000, `activation took ${api.activationMs} ms`);
    console.log(`[pindest] activation ${api.activationMs} ms, VS Code ${vscode.version}`);
  }],
  ['every command is registered under pindest.*', async () => {
    const all = await vscode.commands.getCommands(true);
    for (const id of ['previewIdentityMapping', 'sendTestActivation', 'forgetTestActivationState', 'openTestActivationReport', 'compareTestActivationRuns', 'signIn', 'signOut', 'selectEnvironment', 'startSimulator', 'stopSimulator', 'editEmbeddedTemplate', 'newProject', 'showLog', 'restartServer']) {
      assert.ok(all.includes(`pindest.${id}`), `pindest.${id} missing`);
    }
  }],
  ['the language server publishes a PD diagnostic for a broken file', async () => {
    const doc = await vscode.workspace.openTextDocument(example('destination.json'));
    await vscode.window.showTextDocument(doc);
    const api = vscode.extensions.getExtension(ID).exports;
    await waitFor(() => api.serverState() === 'running');
    const line = doc.lineAt(doc.getText().split('\n').findIndex((l) => l.includes('"segmentRequired"')));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, line.range, '    "segmentRequired": false,');
    await vscode.workspace.applyEdit(edit);
    const d = await waitFor(() => vscode.languages.getDiagnostics(doc.uri).find((x) => String(x.code && x.code.value !== undefined ? x.code.value : x.code) === 'PD103'));
    assert.strictEqual(d.source, 'pindest');
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !vscode.languages.getDiagnostics(doc.uri).some((x) => x.source === 'pindest'));
  }],
  ['Preview Identity Mapping returns the counts it shows', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example('activation.json')));
    const r = await vscode.commands.executeCommand('pindest.previewIdentityMapping');
    assert.ok(r, 'no preview result');
    assert.ok(r.sent > 0 && r.requests > 0, JSON.stringify(r));
    assert.ok(r.counts.byNamespace.Email.sent > 0);
  }],
  ['Edit Embedded Template: the template opens unescaped and saving writes it back escaped, nothing else changes', async () => {
    const file = example('destination-server.json');
    const before = fs.readFileSync(file.fsPath, 'utf8');
    const uriText = await vscode.commands.executeCommand('pindest.editEmbeddedTemplate', file);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(uriText));
    assert.strictEqual(doc.languageId, 'pebble');
    const template = JSON.parse(before).httpTemplate.requestBody.value;
    assert.strictEqual(doc.getText(), template);
    const editor = await vscode.window.showTextDocument(doc);
    await editor.edit((b) => b.insert(doc.positionAt(doc.getText().length), '\n{# checked by "e2e" \\o/ #}'));
    assert.ok(await doc.save(), 'save failed');
    const after = fs.readFileSync(file.fsPath, 'utf8');
    const expected = template + '\n{# checked by "e2e" \\o/ #}';
    assert.strictEqual(JSON.parse(after).httpTemplate.requestBody.value, expected);
    const lit = JSON.stringify(template);
    const i = before.indexOf(lit);
    assert.ok(i > 0);
    assert.strictEqual(after, before.slice(0, i) + JSON.stringify(expected) + before.slice(i + lit.length));
    fs.writeFileSync(file.fsPath, before);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  }],
  ['Start/Stop Local Pinterest Simulator', async () => {
    const url = await vscode.commands.executeCommand('pindest.startSimulator');
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/v5$/);
    const res = await fetch(`${url}/user_account`);
    assert.strictEqual(res.status, 401, 'the simulator answers (no token: 401)');
    assert.strictEqual(await vscode.commands.executeCommand('pindest.stopSimulator'), true);
  }],
  ['Send Test Activation against the local simulator succeeds', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example('activation.json')));
    const report = await vscode.commands.executeCommand('pindest.sendTestActivation');
    assert.ok(report, 'no report');
    assert.strictEqual(report.outcome, 'succeeded', JSON.stringify(report.failure));
    const accepted = report.counts.reduce((n, c) => n + c.accepted, 0);
    assert.ok(accepted > 0);
    assert.ok(!JSON.stringify(report).includes('ana.lopez@example.com'), 'no raw identifier in the report');
    // the report shows in its view, not in an untitled (dirty) document
    const api = vscode.extensions.getExtension(ID).exports;
    assert.strictEqual(api.reportVisible(), true, 'the report view is open');
    assert.deepStrictEqual(api.lastReport(), report);
    assert.deepStrictEqual(vscode.workspace.textDocuments.filter((d) => d.isUntitled).map((d) => d.uri.toString()), [], 'no untitled document');
    assert.ok(report.calls.every((c) => typeof c.durationMs === 'number'), 'every call has its duration');
    // the run is in the project's history, redacted, and reopens
    const runs = path.join(path.dirname(example('activation.json').fsPath), '.pindest', 'runs');
    const saved = fs.readdirSync(runs).filter((n) => n.endsWith('.json')).sort();
    assert.ok(saved.length > 0, 'no saved run');
    const text = fs.readFileSync(path.join(runs, saved[saved.length - 1]), 'utf8');
    assert.ok(!text.includes('ana.lopez@example.com') && !/pina_[A-Za-z0-9]{10}/.test(text), 'the saved run is redacted');
    const reopened = await vscode.commands.executeCommand('pindest.openTestActivationReport', 'latest');
    assert.deepStrictEqual(reopened, JSON.parse(text).report);
    assert.deepStrictEqual(api.lastReport(), reopened);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => !api.reportVisible());
    await vscode.commands.executeCommand('pindest.stopSimulator');
  }],
  ['the status bar shows the environment, the target and the simulator state, and follows start and stop', async () => {
    const api = vscode.extensions.getExtension(ID).exports;
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(example('activation.json')));
    await waitFor(() => api.statusBar().visible);
    await vscode.commands.executeCommand('pindest.stopSimulator');
    await waitFor(() => api.statusBar().text.endsWith('simulator stopped'));
    assert.ok(api.statusBar().text.includes('local'), api.statusBar().text);
    const url = await vscode.commands.executeCommand('pindest.startSimulator');
    const host = new URL(url).host;
    assert.ok(host.startsWith('127.0.0.1:'), url);
    await waitFor(() => api.statusBar().text.includes(host));
    assert.ok(api.statusBar().text.endsWith('simulator running'), api.statusBar().text);
    await vscode.commands.executeCommand('pindest.selectEnvironment', 'production');
    await waitFor(() => api.statusBar().text.includes('api.pinterest.com'));
    await vscode.commands.executeCommand('pindest.selectEnvironment', 'activation');
    await vscode.commands.executeCommand('pindest.stopSimulator');
    await waitFor(() => api.statusBar().text.endsWith('simulator stopped'));
  }],
  ['New Destination Project writes a project that validates', async () => {
    const target = vscode.Uri.joinPath(folder(), 'new-project-' + Date.now());
    await vscode.workspace.fs.createDirectory(target);
    // The wizard's answers as the command's argument object (a folder inside the workspace: no window switch).
    await vscode.commands.executeCommand('pindest.newProject', { folder: target, name: 'E2E project', adAccountId: '123456789012', identities: ['Email', 'GAID'] });
    const names = (await vscode.workspace.fs.readDirectory(target)).map(([n]) => n).sort();
    assert.deepStrictEqual(names, ['activation.json', 'audience-template.json', 'destination-server.json', 'destination.json', 'profiles.json']);
    const read = (n) => JSON.parse(fs.readFileSync(vscode.Uri.joinPath(target, n).fsPath, 'utf8'));
    const ids = ['destination.json', 'destination-server.json', 'audience-template.json'].map((n) => read(n).instanceId);
    const exampleIds = ['destination.json', 'destination-server.json', 'audience-template.json'].map((n) => JSON.parse(fs.readFileSync(example(n).fsPath, 'utf8')).instanceId);
    assert.strictEqual(new Set([...ids, ...exampleIds]).size, 6, 'fresh, distinct instanceIds');
    assert.strictEqual(read('destination.json').destinationDelivery[0].destinationServerId, ids[1]);
    assert.strictEqual(read('destination.json').segmentMappingConfig.audienceTemplateId, ids[2]);
    assert.strictEqual(read('activation.json').connection.customerData.adAccountId, '123456789012');
    assert.ok(read('activation.json').$schema.endsWith('/schemas/activation.schema.json'));
    // The wizard opened the project's files.
    const opened = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(opened.includes(vscode.Uri.joinPath(target, 'destination.json').toString()) && opened.includes(vscode.Uri.joinPath(target, 'activation.json').toString()), 'destination.json and activation.json are open');
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(target, 'destination.json'));
    await vscode.window.showTextDocument(doc);
    // "No errors" means something only once the server has checked this file: break it, wait for
    // the PD103 it must report, then restore the written text and wait until the server clears it.
    const pindestErrors = () => vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'pindest' && d.severity <= vscode.DiagnosticSeverity.Warning);
    const original = doc.getText();
    const line = doc.lineAt(original.split('\n').findIndex((l) => l.includes('"segmentRequired"')));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, line.range, line.text.replace('true', 'false'));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitFor(() => pindestErrors().some((d) => String(d.code && d.code.value !== undefined ? d.code.value : d.code) === 'PD103'));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    assert.strictEqual(doc.getText(), original);
    await waitFor(() => !pindestErrors().some((d) => String(d.code && d.code.value !== undefined ? d.code.value : d.code) === 'PD103'));
    assert.deepStrictEqual(pindestErrors().map((d) => d.message), []);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(target, { recursive: true });
  }],
];
