// The extension in a real VS Code (code-server + chromium): the example project opens, an error
// shows in Problems with its PD code, a completion is accepted, the identity mapping preview shows
// its table and the URLs the run will call, and a test activation against the in-process simulator
// succeeds, creating its lists once and reusing them until the state is forgotten; its report opens
// rendered in a webview and closes with no save prompt, and the run history reopens it.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadProject } from '../../src/core/project/load';
import { validateProject } from '../../src/core/validate';
import { ARTIFACTS, SKIP, WORKSPACE, editorText, frameWith, goToLine, lineOf, openFile, openWorkbench, replaceLine, runCommand, shot, waitForText, webview, guardSteps, type Workbench } from './harness';

const figures: Record<string, unknown> = {};

describe('Pinterest Destination Studio in VS Code', { skip: SKIP }, () => {
  let wb: Workbench;
  const guarded = guardSteps(() => wb);
  before(async () => {
    const t0 = Date.now();
    wb = await openWorkbench();
    figures.workbenchLoadMs = Date.now() - t0;
  });
  after(async () => {
    writeFileSync(join(ARTIFACTS, 'figures.json'), JSON.stringify(figures, null, 2));
    await wb?.close();
  });

  test('activates on the example project; the log tells the activation time and shows no secret', guarded('00', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await runCommand(page, 'Pinterest Destination: Show Log');
    const line = await waitForText(page, '.part.panel .view-lines', /Activated\sin\s[\d.]+\sms/);
    figures.activationMs = Number(/Activated in ([\d.]+) ms/.exec(line.replace(/\u00a0/g, ' '))![1]);
    await waitForText(page, '.part.panel .view-lines', /Language\sserver\sstarted\sin\s\d+\sms/);
    const log = (await page.locator('.part.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    figures.serverStartMs = Number(/Language server started in (\d+) ms/.exec(log)?.[1]);
    assert.doesNotMatch(log, /pina_|@example\.com|549755885175/);
    await shot(page, '01-log');
  }));

  test('an error appears in Problems with its PD code, and goes away when fixed', guarded('02', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await goToLine(page, lineOf('examples/pinterest-customer-list/destination.json', '"segmentRequired"'));
    await replaceLine(page, '    "segmentRequired": false,');
    const t0 = Date.now();
    await page.keyboard.press('Control+Shift+M');
    const row = await waitForText(page, '.markers-panel .monaco-list-row', 'PD103');
    figures.diagnosticLatencyMs = Date.now() - t0;
    assert.match(row, /segmentRequired/);
    await shot(page, '02-problems-PD103');
    await runCommand(page, 'File: Revert File');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'PD103' }).first().waitFor({ state: 'detached', timeout: 15_000 });
  }));

  // After the Problems test: its finding came and went, so the server has checked this file and
  // "no problems" below is its verdict, not the state before any diagnostics arrived.
  test('the language status shows the file kind, environment, ad account and validation state', guarded('01b', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await page.locator('[id="status.languageStatus"]').first().click();
    const hover = await waitForText(page, '.monaco-hover, .hover-row, .context-view', /Destination configuration/, 15_000);
    assert.match(hover, /Destination configuration · local/);
    assert.match(hover, /ad account 549755885175 · no problems/);
    await shot(page, '01b-language-status');
    await page.keyboard.press('Escape');
  }));

  test('the status bar shows the environment and the simulator; its menu starts the simulator and the item shows where runs go', guarded('01c', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    const item = '.part.statusbar .statusbar-item';
    await waitForText(page, item, /local · simulator stopped/, 15_000);
    await page.locator(item, { hasText: /local · simulator stopped/ }).first().click();
    const start = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Start Local Pinterest Simulator' }).first();
    await start.waitFor({ timeout: 15_000 });
    await shot(page, '01c-status-bar-menu');
    await start.click();
    const text = await waitForText(page, item, /simulator running/, 15_000);
    assert.match(text, /local · 127\.0\.0\.1:\d+ · simulator running/);
    await shot(page, '01c-status-bar-running');
    await runCommand(page, 'Stop Local Pinterest Simulator');
    await waitForText(page, item, /local · simulator stopped/, 15_000);
  }));

  test('New Destination Project asks its questions and writes a project that validates clean, with fresh instanceIds', guarded('01d', async () => {
    const { page } = wb;
    const dir = join(WORKSPACE, `wizard-${Date.now()}`);
    mkdirSync(dir);
    try {
      // No tab open before: the activation.json tab that appears is the new project's.
      await runCommand(page, 'View: Close All Editors');
      await page.locator('.tab').first().waitFor({ state: 'detached', timeout: 15_000 });
      await runCommand(page, 'Pinterest Destination: New Destination Project');
      const input = page.locator('.quick-input-widget input');
      // VS Code's own folder picker (the simple dialog in a browser): type the folder, accept it.
      await input.waitFor();
      // The simple dialog writes its own starting folder into the box once it has read it: wait for
      // that, then type ours and see that it stayed (typed too early, it is overwritten).
      const until = async (ok: (value: string) => boolean) => {
        for (const t0 = Date.now(); Date.now() - t0 < 15_000; await page.waitForTimeout(100)) if (ok(await input.inputValue())) return;
        throw new Error(`the folder box holds "${await input.inputValue()}"`);
      };
      await until((v) => v !== '');
      // It may write (or complete) its folder more than once while it reads the disk: type ours
      // again until it stays put for half a second.
      for (let attempt = 1; ; attempt++) {
        await input.fill(dir);
        await page.waitForTimeout(500);
        if ((await input.inputValue()) === dir) break;
        if (attempt === 6) throw new Error(`the folder box holds "${await input.inputValue()}"`);
      }
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'Create Destination Project Here' }).first().click();
      await page.locator('.quick-input-widget', { hasText: 'Name of the destination' }).waitFor({ timeout: 15_000 });
      await input.fill('Wizard project');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'ad account id' }).waitFor({ timeout: 15_000 });
      await input.fill('12ab');
      await waitForText(page, '.quick-input-widget', /1 to 18 digits/, 15_000);
      await shot(page, '01d-wizard-ad-account');
      await input.fill('123456789012');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'Identities the test activation maps' }).waitFor({ timeout: 15_000 });
      await shot(page, '01d-wizard-identities');
      await page.keyboard.press('Enter');
      await page.locator('.tab', { hasText: 'activation.json' }).first().waitFor({ timeout: 15_000 });
      const { project } = await loadProject([dir]);
      const findings = validateProject(project).flatMap((r) => r.diagnostics.map((d) => `${r.path} ${d.code} ${d.message}`));
      assert.deepEqual(findings, []);
      const read = (n: string) => JSON.parse(readFileSync(join(dir, n), 'utf8'));
      const example = (n: string) => JSON.parse(readFileSync(join(WORKSPACE, 'examples/pinterest-customer-list', n), 'utf8'));
      const kinds = ['destination.json', 'destination-server.json', 'audience-template.json'];
      assert.equal(new Set([...kinds.map((n) => read(n).instanceId), ...kinds.map((n) => example(n).instanceId)]).size, 6);
      assert.equal(read('destination.json').destinationDelivery[0].destinationServerId, read('destination-server.json').instanceId);
      assert.equal(read('activation.json').connection.customerData.adAccountId, '123456789012');
      assert.equal(read('activation.json').connection.name, 'Wizard project');
      await shot(page, '01d-wizard-done');
      await runCommand(page, 'View: Close All Editors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }));

  test('a completion is offered and accepted', guarded('03', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    const line = lineOf('examples/pinterest-customer-list/activation.json', '"environment"');
    await goToLine(page, line);
    await replaceLine(page, '  "environment": "",');
    await goToLine(page, line, 19);
    await page.keyboard.press('Control+Space');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'production' }).first();
    await item.waitFor({ timeout: 15_000 });
    await shot(page, '03-completion');
    await item.click();
    await page.waitForTimeout(300);
    assert.match(await editorText(page), /"environment": "production"/);
    await runCommand(page, 'File: Revert File');
    await page.waitForTimeout(500);
    assert.match(await editorText(page), /"environment": "local"/);
  }));

  test('Preview Identity Mapping shows the mapping table, counts and requests in the webview', guarded('04', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    const t0 = Date.now();
    await runCommand(page, 'Pinterest Destination: Preview Identity Mapping');
    const view = webview(page);
    await view.locator('#mappings').waitFor({ timeout: 30_000 });
    figures.previewOpenMs = Date.now() - t0;
    const mappings = await view.locator('#mappings').innerText();
    for (const ns of ['Email', 'Email_LC_SHA256', 'GAID', 'IDFA']) assert.match(mappings, new RegExp(`\\b${ns}\\b`));
    assert.match(mappings, /pinterest_audience/);
    assert.match(mappings, /sha256\(lower\(\$\)\)/);
    const requests = Number(await view.locator('[data-count="requests"]').innerText());
    const sent = Number(await view.locator('[data-count="sent"]').innerText());
    assert.ok(requests > 0 && sent > 0, `requests ${requests}, sent ${sent}`);
    assert.match(await view.locator('#by-namespace').innerText(), /GAID/);
    assert.equal(await view.locator('#flow .band').count() > 0, true);
    // the nonce-gated bundle ran (CSP allows it) and the @vscode-elements components are defined
    await view.locator('html[data-ready="true"]').waitFor({ timeout: 10_000 });
    assert.equal(await view.locator('body').evaluate(() => Boolean((globalThis as unknown as { customElements: { get(n: string): unknown } }).customElements.get('vscode-table'))), true);
    assert.doesNotMatch(await view.locator('body').innerText(), /ana\.lopez@example\.com|6513270e-269e/);
    figures.preview = { requests, sent };
    await shot(page, '04-preview');
  }));

  test('the preview follows edits of the activation', guarded('04b', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    const view = webview(page);
    await goToLine(page, lineOf('examples/pinterest-customer-list/activation.json', '"name": "Pinterest - spring retargeting"'));
    await replaceLine(page, '    "name": "Renamed while previewing",');
    await view.locator('#activation-name', { hasText: 'Renamed while previewing' }).waitFor({ timeout: 15_000 });
    await runCommand(page, 'File: Revert File');
    await view.locator('#activation-name', { hasText: 'Pinterest - spring retargeting' }).waitFor({ timeout: 15_000 });
  }));

  test('the preview shows the URLs the run will call: the running simulator\'s, with AEP\'s beside them', guarded('04c', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    await runCommand(page, 'Pinterest Destination: Preview Identity Mapping');
    const view = webview(page);
    // no simulator yet: its port is unknown, and the page says so
    await view.locator('#target-url', { hasText: '<port>' }).waitFor({ timeout: 30_000 });
    assert.match(await view.locator('#target-note').innerText(), /local simulator is not running/);
    await runCommand(page, 'Pinterest Destination: Start Local Pinterest Simulator');
    const toast = await waitForText(page, '.notification-toast', /Local Pinterest simulator running at http:\/\/127\.0\.0\.1:\d+\/v5/, 30_000);
    const simUrl = /(http:\/\/127\.0\.0\.1:\d+\/v5)/.exec(toast)![1]!;
    await view.locator('#target-url', { hasText: simUrl }).waitFor({ timeout: 15_000 });
    assert.equal(await view.locator('#target-url').innerText(), simUrl);
    assert.equal(await view.locator('#aep-base-url').innerText(), 'https://api.pinterest.com/v5');
    assert.equal(await view.locator('#target-note').count(), 0);
    const urls = await view.locator('.request code.url').allInnerTexts();
    const aep = await view.locator('.request code.aep-url').allInnerTexts();
    assert.ok(urls.length > 0);
    assert.equal(aep.length, urls.length, 'AEP\'s URL beside each request');
    for (const [i, u] of urls.entries()) {
      assert.ok(u.startsWith(`${simUrl}/`), u);
      assert.equal(aep[i], u.replace(simUrl, 'https://api.pinterest.com/v5'));
    }
    await view.locator('#target').scrollIntoViewIfNeeded();
    await shot(page, '04c-preview-simulator-url');
  }));

  test('Select Environment offers the activation\'s choice, local and production (no sandbox)', guarded('04d', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    await runCommand(page, 'Pinterest Destination: Select Environment');
    await page.locator('.quick-input-widget', { hasText: 'Environment of test activations' }).waitFor({ timeout: 15_000 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    const labels: string[] = [];
    for (let i = 0; i < (await rows.count()); i++) labels.push((await rows.nth(i).locator('.label-name').first().innerText()).trim());
    assert.deepEqual(labels, ['As the activation file says', 'local', 'production']);
    assert.doesNotMatch(await page.locator('.quick-input-list').innerText(), /sandbox/i);
    await shot(page, '04d-environment-picker');
    await page.keyboard.press('Escape');
  }));

  /**
   * Sends the test activation; the report opens rendered in its webview (not a text editor). Returns
   * the toast and the report's text, then closes the report: no save prompt, no dirty editor left.
   */
  const send = async (name: string) => {
    const { page } = wb;
    await page.keyboard.press('Escape');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    const t0 = Date.now();
    await runCommand(page, 'Pinterest Destination: Send Test Activation');
    const toast = await waitForText(page, '.notification-toast', /Test activation (succeeded|failed|cancelled)|needs a trusted|Not signed in/, 60_000);
    const ms = Date.now() - t0;
    const view = await frameWith(page, '#report #summary', 15_000);
    const tab = page.locator('.tab', { hasText: 'Test Activation:' });
    await tab.first().waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.editor-group-container.active .monaco-editor').count(), 0, 'the report is not a text editor');
    await shot(page, name);
    // textContent: the calls' collapsed details (headers, bodies) count too
    const report = ((await view.locator('#report').textContent()) ?? '').replace(/\s+/g, ' ');
    const calls = await view.locator('li.call').count();
    // its tab's close button, as a person closes it
    await tab.first().hover();
    await tab.first().locator('.tab-actions .action-label').first().click();
    await tab.first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no save prompt');
    assert.equal(await page.locator('.tab.dirty').count(), 0, 'no dirty editor');
    return { toast, ms, report, calls };
  };

  test('Send Test Activation succeeds against the local simulator and reports the counts and the lists it created', guarded('05', async () => {
    const first = await send('05-send');
    figures.sendMs = first.ms;
    figures.sendNotification = first.toast;
    const m = /Test activation succeeded: (\d+) identities accepted, (\d+) rejected \((\d+) requests\)/.exec(first.toast);
    assert.ok(m, first.toast);
    assert.ok(Number(m[1]) > 0);
    assert.match(first.report, /Test activation succeeded/);
    assert.match(first.report, /\d+ accepted/);
    assert.match(first.report, /Calls \(\d+\)/);
    assert.equal(first.report.match(/Calls \((\d+)\)/)![1], String(first.calls), 'every call is listed');
    assert.match(first.report, /POST http:\/\/127\.0\.0\.1:\d+\/v5\/ad_accounts\/\d+\/customer_lists → 20\d/);
    assert.match(first.report, /Response body/);
    assert.match(first.report, /Bearer ••••/);
    assert.match(first.report, /Audience template creates \(sent by AEP\): [1-9]\d* \(lists created [1-9]\d*, reused 0\)/);
    assert.doesNotMatch(first.report, /Opted-in calls, not done by AEP/, 'no CUSTOMER_LIST audience unless opted in');
    assert.doesNotMatch(first.report, /pina_[A-Za-z0-9]{10}/, 'no token in the report');
  }));

  test('a second send reuses the lists; after Forget Test Activation State they are created again', guarded('05b', async () => {
    const second = await send('05b-send-reused');
    assert.match(second.toast, /Test activation succeeded/);
    assert.match(second.report, /Audience template creates \(sent by AEP\): 0 \(lists created 0, reused [1-9]\d*\)/);
    await runCommand(wb.page, 'Pinterest Destination: Forget Test Activation State');
    const forgot = await waitForText(wb.page, '.notification-toast', /Forgot [1-9]\d* remembered customer lists/, 15_000);
    assert.match(forgot, /the next test activation creates them again/);
    const third = await send('05c-send-after-forget');
    assert.match(third.report, /lists created [1-9]\d*, reused 0\)/);
  }));

  test('Open Test Activation Report… lists the saved runs (time, outcome, environment) and reopens one', guarded('05d', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    await runCommand(page, 'Pinterest Destination: Open Test Activation Report…');
    await page.locator('.quick-input-widget', { hasText: 'Test activation runs of' }).waitFor({ timeout: 15_000 });
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 3, 'the three sends of this suite');
    assert.match(await rows.first().innerText(), /succeeded · local/);
    await shot(page, '05d-history');
    await page.keyboard.press('Enter');
    const view = await frameWith(page, '#report #saved-at', 15_000);
    assert.match(await view.locator('#report-title').innerText(), /Test activation succeeded/);
    // the newest run is the send after Forget Test Activation State: its lists were created again
    assert.match(await view.locator('#summary').innerText(), /lists created [1-9]\d*, reused 0/);
    assert.ok((await view.locator('li.call').count()) > 0);
    await shot(page, '05e-history-reopened');
    // "Send Again" is offered for pindest's read-only checks only; it answers under the call
    assert.equal(await view.locator('li.call[data-by="aep"] [data-action="resend"]').count(), 0, 'no re-send of AEP\'s writes');
    assert.match((await view.locator('#resend-note').innerText()).replace(/\s+/g, ' '), /Only pindest's read-only checks \(GET\) can be sent again/);
    await view.locator('li.call[data-step="preflight"] summary').click();
    await view.locator('li.call[data-step="preflight"] vscode-button[data-action="resend"]').click();
    const after = await frameWith(page, '#report .resent', 15_000);
    assert.match(((await after.locator('li.call[data-step="preflight"] .resent').first().textContent()) ?? '').replace(/\s+/g, ' '), /→ 200 · \d+ ms/);
    await after.locator('li.call[data-step="preflight"] summary').click();
    await after.locator('li.call[data-step="preflight"] .resent').scrollIntoViewIfNeeded();
    await shot(page, '05f-send-again');
    const tab = page.locator('.tab', { hasText: 'Test Activation:' });
    // its tab's close button, as a person closes it
    await tab.first().hover();
    await tab.first().locator('.tab-actions .action-label').first().click();
    await tab.first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no save prompt');
  }));
});
