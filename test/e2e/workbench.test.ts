// The extension in a real VS Code (code-server + chromium): the example project opens, an error
// shows in Problems with its PD code, a completion is accepted, the identity mapping preview shows
// its table, and a test activation against the in-process simulator succeeds.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ARTIFACTS, SKIP, editorText, goToLine, openFile, openWorkbench, replaceLine, runCommand, shot, waitForText, webview, type Workbench } from './harness';

const figures: Record<string, unknown> = {};

describe('Pinterest Destination Studio in VS Code', { skip: SKIP }, () => {
  let wb: Workbench;
  /** Runs a step; on failure keeps a screenshot named after it. */
  const guarded = (name: string, fn: () => Promise<void>) => async () => {
    try {
      await fn();
    } catch (e) {
      await shot(wb.page, `${name}-FAIL`).catch(() => undefined);
      throw e;
    }
  };
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

  test('an error appears in Problems with its PD code, and goes away when fixed', guarded('02', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await goToLine(page, 63);
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

  test('a completion is offered and accepted', guarded('03', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    await goToLine(page, 15);
    await replaceLine(page, '  "environment": "",');
    await goToLine(page, 15, 19);
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
    await goToLine(page, 4);
    await replaceLine(page, '    "name": "Renamed while previewing",');
    await view.locator('#activation-name', { hasText: 'Renamed while previewing' }).waitFor({ timeout: 15_000 });
    await runCommand(page, 'File: Revert File');
    await view.locator('#activation-name', { hasText: 'Pinterest - spring retargeting' }).waitFor({ timeout: 15_000 });
  }));

  test('Send Test Activation succeeds against the local simulator and reports the counts', guarded('05', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    const t0 = Date.now();
    await runCommand(page, 'Pinterest Destination: Send Test Activation');
    const toast = await waitForText(page, '.notification-toast', /Test activation (succeeded|failed|cancelled)|Sending is not|Not signed in/, 60_000);
    figures.sendMs = Date.now() - t0;
    figures.sendNotification = toast;
    await shot(page, '05-send');
    const m = /Test activation succeeded: (\d+) identities accepted, (\d+) rejected \((\d+) requests\)/.exec(toast);
    assert.ok(m, toast);
    assert.ok(Number(m[1]) > 0);
    const report = await editorText(page);
    assert.match(report, /# Test activation succeeded/);
    assert.match(report, /\d+ accepted/);
    assert.doesNotMatch(report, /pina_[A-Za-z0-9]{10}/, 'no token in the report');
  }));
});
