// Restricted mode in the real VS Code: workspace trust on and the folder not trusted (run.mjs starts
// a second code-server for this file). Checks still run (a PD finding shows in Problems, the preview
// opens), while Send Test Activation and Sign In refuse with a message that says why.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SKIP_UNLESS_UNTRUSTED, goToLine, lineOf, openFile, openWorkbench, replaceLine, runCommand, shot, waitForText, webview, guardSteps, type Workbench } from './harness';

describe('Pinterest Destination Studio in a restricted (untrusted) workspace', { skip: SKIP_UNLESS_UNTRUSTED }, () => {
  let wb: Workbench;
  const guarded = guardSteps(() => wb);
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  test('VS Code shows the folder in restricted mode', guarded('u00', async () => {
    await wb.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 30_000 });
  }));

  test('diagnostics still work: a PD finding appears in Problems and goes away when fixed', guarded('u01', async () => {
    const { page } = wb;
    const file = 'examples/pinterest-customer-list/destination.json';
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await goToLine(page, lineOf(file, '"segmentRequired"'));
    await replaceLine(page, '    "segmentRequired": false,');
    await page.keyboard.press('Control+Shift+M');
    const row = await waitForText(page, '.markers-panel .monaco-list-row', 'PD103');
    assert.match(row, /segmentRequired/);
    await shot(page, 'u01-restricted-problems-PD103');
    await runCommand(page, 'File: Revert File');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'PD103' }).first().waitFor({ state: 'detached', timeout: 15_000 });
  }));

  test('the preview still opens (it reads the files, sends nothing)', guarded('u02', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    await runCommand(page, 'Pinterest Destination: Preview Identity Mapping');
    const view = webview(page);
    await view.locator('#preview[data-state="ok"]').waitFor({ timeout: 30_000 });
    assert.ok(Number(await view.locator('[data-count="requests"]').innerText()) > 0);
  }));

  test('Send Test Activation is refused with a message that says why, and nothing is sent', guarded('u03', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/activation.json', 'activation.json');
    await runCommand(page, 'Pinterest Destination: Send Test Activation');
    const toast = await waitForText(page, '.notification-toast', /needs a trusted workspace/, 30_000);
    assert.match(toast, /Sending a test activation needs a trusted workspace/);
    assert.match(toast, /Manage Workspace Trust/);
    await shot(page, 'u03-restricted-send-refused');
    // no run happened: no report opened, no progress, and the simulator was never started
    assert.equal(await page.locator('.tab', { hasText: /^Untitled|Test Activation:/ }).count(), 0, 'a report opened');
    await runCommand(page, 'Pinterest Destination: Show Log');
    const log = (await page.locator('.part.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    assert.doesNotMatch(log, /Test activation of|simulator listening/);
  }));

  test('Sign In to Pinterest is refused with a message that says why', guarded('u04', async () => {
    const { page } = wb;
    await runCommand(page, 'Pinterest Destination: Sign In to Pinterest');
    const toast = await waitForText(page, '.notification-toast', /Signing in to Pinterest needs a trusted workspace/, 30_000);
    assert.match(toast, /Manage Workspace Trust/);
    // no sign-in picker opened
    assert.equal(await page.locator('.quick-input-widget', { hasText: 'Paste an access token' }).isVisible(), false);
    await shot(page, 'u04-restricted-sign-in-refused');
  }));
});
