// Deploy to AEP in a real VS Code (code-server + chromium), against the AEP authoring simulator
// inside VS Code (the default `local` AEP environment, no sign-in): validation errors refuse and
// name the file; a deploy shows VS Code's diff of each resource it would create before anything
// is sent, asks to confirm, applies it, and its report lists what was created and every call; a
// second deploy of the same files changes nothing and says so; an edit is shown as an update.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SKIP, frameWith, goToLine, guardSteps, lineOf, openFile, openWorkbench, replaceLine, runCommand, shot, waitForText, type Workbench } from './harness';

const DEST = 'examples/pinterest-customer-list/destination.json';

describe('Deploy to AEP in VS Code (local AEP simulator)', { skip: SKIP }, () => {
  let wb: Workbench;
  const guarded = guardSteps(() => wb);
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  const clear = async () => {
    await wb.page.keyboard.press('Escape');
    await runCommand(wb.page, 'Notifications: Clear All Notifications');
  };

  /** The deploy report's webview; returns its text and closes its tab. */
  const report = async (name: string) => {
    const { page } = wb;
    const view = await frameWith(page, '#deploy-report #deploy-totals', 30_000);
    const tab = page.locator('.tab', { hasText: 'Deploy to AEP:' });
    await tab.first().waitFor({ timeout: 15_000 });
    await shot(page, name);
    const text = ((await view.locator('#deploy-report').textContent()) ?? '').replace(/\s+/g, ' ');
    const results = await view.locator('[data-result]').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-kind')}=${e.getAttribute('data-result')}`));
    const calls = await view.locator('#deploy-calls vscode-table-row').allInnerTexts();
    await tab.first().hover();
    await tab.first().locator('.tab-actions .action-label').first().click();
    await tab.first().waitFor({ state: 'detached', timeout: 10_000 });
    return { text, results: results.sort(), calls: calls.map((c) => c.replace(/\s+/g, ' ').trim()) };
  };

  test('validation errors refuse the deploy and name the file; nothing is sent', guarded('d01', async () => {
    const { page } = wb;
    await clear();
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await goToLine(page, lineOf(DEST, '"segmentRequired"'));
    await replaceLine(page, '    "segmentRequired": false,');
    await runCommand(page, 'Pinterest Destination: Deploy to AEP');
    const toast = await waitForText(page, '.notification-toast', /Not deployed: fix the validation errors first/, 30_000);
    assert.match(toast, /examples\/pinterest-customer-list\/destination\.json \(1 error; PD103/);
    await shot(page, 'd01-deploy-refused');
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no confirmation: refused before');
    await runCommand(page, 'File: Revert File');
    await runCommand(page, 'Pinterest Destination: Show Log');
    const log = (await page.locator('.part.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(log, /Deploy refused: validation errors in examples\/pinterest-customer-list\/destination\.json/);
    assert.doesNotMatch(log, /AEP authoring simulator listening/, 'the simulator was not even started');
  }));

  test('a first deploy shows the diff of the three resources to create, asks, applies it; the report lists what was created', guarded('d02', async () => {
    const { page } = wb;
    await clear();
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await runCommand(page, 'Pinterest Destination: Deploy to AEP');
    // Before anything is sent: the confirmation, over one diff editor per resource (AEP empty, left; what would be sent, right).
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 60_000 });
    const message = (await dialog.innerText()).replace(/\s+/g, ' ');
    assert.match(message, /Deploy to AEP: create 3, update 0, leave 0 unchanged\?/);
    assert.match(message, /To the local AEP simulator \(sandbox prod, http:\/\/127\.0\.0\.1:\d+\/data\/core\/activation\/authoring\)/);
    assert.match(message, /Created \(3\): • destination server "[^"]+" \(destination-server\.json\) • audience template "[^"]+" \(audience-template\.json\) • destination "[^"]+" \(destination\.json\)/);
    const tabs = (await page.locator('.tab').allInnerTexts()).map((t) => t.trim());
    for (const f of ['destination-server.json', 'audience-template.json', 'destination.json']) {
      assert.ok(tabs.some((t) => t.includes(`${f}: not in AEP ↔ to be created`)), `a diff tab for ${f}: ${tabs.join(' | ')}`);
    }
    assert.ok((await page.locator('.monaco-diff-editor').count()) >= 1, 'a diff editor is open');
    await shot(page, 'd02-deploy-diff-and-confirm');
    await dialog.locator('.monaco-button', { hasText: /^Deploy$/ }).click();
    const toast = await waitForText(page, '.notification-toast', /Deployed to AEP|Deploy failed/, 60_000);
    assert.match(toast, /Deployed to AEP: 3 created, 0 updated, 0 unchanged\./);
    const r = await report('d02-deploy-report');
    assert.deepEqual(r.results, ['audience-template=created', 'destination-server=created', 'destination=created']);
    assert.match(r.text, /Deployed to AEP/);
    assert.match(r.text, /3 created, 0 updated, 0 unchanged; \d+ calls/);
    // the writes, in the order AEP needs them, each answered
    const posts = r.calls.filter((c) => /^POST/.test(c)).map((c) => c.split(' ').slice(0, 2).join(' '));
    assert.deepEqual(posts, ['POST /destination-servers', 'POST /audience-templates', 'POST /destinations']);
    for (const c of r.calls.filter((c) => /^POST/.test(c))) assert.match(c, / 200$/, c);
    assert.doesNotMatch(r.text, /aepsim-static-access-token|p8e-pindest-local-simulator-secret/, 'no credential in the report');
  }));

  test('a second deploy of the same files changes nothing and says so', guarded('d03', async () => {
    const { page } = wb;
    await clear();
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await runCommand(page, 'Pinterest Destination: Deploy to AEP');
    const toast = await waitForText(page, '.notification-toast', /Nothing to deploy|Deploy to AEP:/, 60_000);
    assert.match(toast, /Nothing to deploy: AEP already holds these files \(3 unchanged\)\./);
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'nothing to confirm');
    await shot(page, 'd03-deploy-unchanged');
  }));

  test('an edited destination is shown as an update (AEP left, the edit right) and applied after confirming', guarded('d04', async () => {
    const { page } = wb;
    await clear();
    await runCommand(page, 'View: Close All Editors');
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await goToLine(page, lineOf(DEST, '"description"'));
    await replaceLine(page, '  "description": "Edited before a deploy",');
    await runCommand(page, 'Pinterest Destination: Deploy to AEP');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 60_000 });
    assert.match((await dialog.innerText()).replace(/\s+/g, ' '), /Deploy to AEP: create 0, update 1, leave 2 unchanged\?/);
    const diffTab = page.locator('.tab', { hasText: /destination\.json: AEP \([^)]+\) ↔ to be sent/ });
    assert.equal(await diffTab.count(), 1);
    const diff = page.locator('.monaco-diff-editor').first();
    assert.match((await diff.locator('.editor.modified .view-lines').innerText()).replace(/\u00a0/g, ' '), /Edited before a deploy/);
    await shot(page, 'd04-deploy-update-diff');
    await dialog.locator('.monaco-button', { hasText: /^Deploy$/ }).click();
    const toast = await waitForText(page, '.notification-toast', /Deployed to AEP|Deploy failed/, 60_000);
    assert.match(toast, /Deployed to AEP: 0 created, 1 updated, 2 unchanged\./);
    const r = await report('d04-deploy-report-update');
    assert.deepEqual(r.results, ['audience-template=unchanged', 'destination-server=unchanged', 'destination=updated']);
    assert.ok(r.calls.some((c) => /^PUT \/destinations\/\S+ 200$/.test(c)), r.calls.join(' | '));
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await runCommand(page, 'File: Revert File');
  }));
});
