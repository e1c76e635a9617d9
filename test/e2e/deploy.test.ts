// Deploy to AEP in a real VS Code (code-server + chromium), against the AEP authoring simulator
// inside VS Code (the default `local` AEP environment, no sign-in): validation errors refuse and
// name the file; a deploy shows VS Code's diff of each resource it would create before anything
// is sent, asks to confirm, applies it, and its report lists what was created and every call; a
// second deploy of the same files changes nothing and says so; an edit is shown as an update; a
// change made in AEP since is shown and overwritten only when asked;
// pull writes the deployed project into a folder (asking before it overwrites); Sign In to Adobe
// keeps its values in secret storage and Sign Out forgets them.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadProject } from '../../src/core/project/load';
import { validateProject } from '../../src/core/validate';
import { manyResources, oneResource } from '../../src/core/aep/client';
import { AEP_SIMULATOR_SEED } from '../../src/core/aep/urls';
import type { AepSimulator } from '../../src/simulator/aep';
import { aepCall } from '../aep/helpers';
import { SKIP, WORKSPACE, frameWith, goToLine, guardSteps, lineOf, openFile, openWorkbench, replaceLine, runCommand, shot, waitForText, type Workbench } from './harness';

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
    const calls = await view.locator('#deploy-calls vscode-table-body vscode-table-row').evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('vscode-table-cell')].map((c) => (c.textContent ?? '').trim()).join(' ')));
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
    await shot(page, 'd04-deploy-update-diff');
    await dialog.locator('.monaco-button', { hasText: /^Deploy$/ }).click();
    const toast = await waitForText(page, '.notification-toast', /Deployed to AEP|Deploy failed/, 60_000);
    assert.match(toast, /Deployed to AEP: 0 created, 1 updated, 2 unchanged\./);
    const r = await report('d04-deploy-report-update');
    assert.deepEqual(r.results, ['audience-template=unchanged', 'destination-server=unchanged', 'destination=updated']);
    assert.ok(r.calls.some((c) => /^PUT \/destinations\/\S+ 200$/.test(c)), r.calls.join(' | '));
    // the diff that was shown: the edit on the right, AEP's description on the left (scrolled to the change)
    await diffTab.first().click();
    await runCommand(page, 'Go to Next Change');
    await page.locator('.monaco-diff-editor .editor.modified .view-line', { hasText: 'Edited before a deploy' }).first().waitFor({ timeout: 15_000 });
    assert.doesNotMatch((await page.locator('.monaco-diff-editor .editor.original .view-lines').first().innerText()).replace(/\u00a0/g, ' '), /Edited before a deploy/);
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await runCommand(page, 'File: Revert File');
  }));

  test('a destination changed in AEP since the last deploy: the diff shows AEP\'s version, nothing is sent unless you overwrite', guarded('d04b', async () => {
    const { page } = wb;
    await clear();
    await runCommand(page, 'View: Close All Editors');
    // the simulator inside VS Code, as anyone with its URL and credentials reaches it (the UI or Postman would, in AEP)
    await runCommand(page, 'Pinterest Destination: Show Log');
    const line = await waitForText(page, '.part.panel .view-lines', /Local\sAEP\sauthoring\ssimulator\slistening\son/);
    const sim = { baseUrl: /(http:\/\/127\.0\.0\.1:\d+\/data\/core\/activation\/authoring)/.exec(line.replace(/\u00a0/g, ' '))![1]!, seed: AEP_SIMULATOR_SEED } as AepSimulator;
    const [dest] = manyResources((await aepCall(sim, 'GET', '/destinations')).body);
    const id = dest.instanceId as string;
    const current: Record<string, unknown> = { ...oneResource((await aepCall(sim, 'GET', `/destinations/${id}`)).body) };
    const edited: Record<string, unknown> = { ...current, description: 'Changed in AEP by someone else' };
    for (const k of ['instanceId', 'createdDate', 'lastModifiedDate', 'imsOrg', 'sandboxName', 'sandboxId']) delete edited[k];
    assert.equal((await aepCall(sim, 'PUT', `/destinations/${id}`, { body: edited })).status, 200);
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await runCommand(page, 'Pinterest Destination: Deploy to AEP');
    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 60_000 });
    const message = (await dialog.innerText()).replace(/\s+/g, ' ');
    assert.match(message, /AEP changed since the last deploy or pull from this folder: nothing was sent\. Overwrite with your files\?/);
    assert.match(message, /changed in AEP since the last deploy or pull/);
    await shot(page, 'd04b-conflict-diff-and-ask');
    await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
    await dialog.waitFor({ state: 'detached', timeout: 10_000 });
    // the diff's left side is AEP's changed version (scrolled to the change: the editor shows only what is in view)
    const original = page.locator('.monaco-diff-editor .editor.original .view-lines').first();
    await runCommand(page, 'Go to Next Change');
    await page.locator('.monaco-diff-editor .editor.original .view-line', { hasText: 'Changed in AEP by someone else' }).first().waitFor({ timeout: 15_000 });
    assert.match((await original.innerText()).replace(/\u00a0/g, ' '), /"description": "Changed in AEP by someone else"/);
    await shot(page, 'd04b-conflict-diff-aep-side');
    assert.equal(oneResource((await aepCall(sim, 'GET', `/destinations/${id}`)).body).description, 'Changed in AEP by someone else', 'nothing was sent');
    // asked again, overwriting puts the file's version back
    await clear();
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await runCommand(page, 'Pinterest Destination: Deploy to AEP');
    await dialog.waitFor({ timeout: 60_000 });
    await dialog.locator('.monaco-button', { hasText: "Overwrite AEP's Version" }).click();
    const toast = await waitForText(page, '.notification-toast', /Deployed to AEP|Deploy failed/, 60_000);
    assert.match(toast, /Deployed to AEP: 0 created, 1 updated, 2 unchanged\./);
    await report('d04b-conflict-overwritten');
    assert.equal(oneResource((await aepCall(sim, 'GET', `/destinations/${id}`)).body).description, JSON.parse(readFileSync(join(WORKSPACE, DEST), 'utf8')).description);
  }));

  /** Pull from AEP through its prompts: the destination by name, then VS Code's folder dialog. */
  const pull = async (dir: string, name: string) => {
    const { page } = wb;
    await clear();
    await runCommand(page, 'Pinterest Destination: Pull from AEP');
    const input = page.locator('.quick-input-widget input');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ timeout: 30_000 });
    await shot(page, 'd05-pull-pick');
    await row.click();
    // VS Code's own folder dialog (the simple dialog in a browser): wait for its starting folder, then type ours.
    const until = async (ok: (value: string) => boolean) => {
      for (const t0 = Date.now(); Date.now() - t0 < 15_000; await page.waitForTimeout(100)) if (ok(await input.inputValue())) return;
      throw new Error(`the folder box holds "${await input.inputValue()}"`);
    };
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'Pull Here' }).first().waitFor({ timeout: 15_000 });
    await until((v) => v !== '');
    // With the trailing slash the dialog is in the folder itself (without it, it may take its parent).
    // The dialog may write its starting folder again while it settles: type ours until it stays.
    for (let i = 0; i < 5; i++) {
      await input.fill(`${dir}/`);
      await page.waitForTimeout(700);
      if ((await input.inputValue()) === `${dir}/`) break;
    }
    await until((v) => v === `${dir}/`);
    // Accept until it closes (a first click may only complete the typed folder).
    const accept = page.locator('.quick-input-widget .monaco-button', { hasText: 'Pull Here' }).first();
    for (let i = 0; i < 3 && (await accept.isVisible()); i++) {
      await accept.click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    }
  };

  test('Pull from AEP lists the deployed destination by name, writes the project into a folder, opens it, and asks before overwriting', guarded('d05', async () => {
    const { page } = wb;
    const dir = join(WORKSPACE, `pulled-${Date.now()}`);
    mkdirSync(dir);
    try {
      await runCommand(page, 'View: Close All Editors');
      const name = JSON.parse(readFileSync(join(WORKSPACE, DEST), 'utf8')).name as string;
      await pull(dir, name);
      const toast = await waitForText(page, '.notification-toast', /Pulled from AEP|Pull from AEP failed/, 30_000);
      assert.match(toast, /Pulled from AEP: 3 files written to/);
      await page.locator('.editor-group-container.active .tab.active', { hasText: 'destination.json' }).waitFor({ timeout: 15_000 });
      const { project } = await loadProject([dir]);
      assert.deepEqual(validateProject(project).flatMap((r) => r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${r.path} ${d.code}`)), []);
      assert.equal(JSON.parse(readFileSync(join(dir, 'destination.json'), 'utf8')).name, name);
      await shot(page, 'd05-pulled');
      // a second pull into the same folder asks first; Cancel leaves the files as they are
      const before = readFileSync(join(dir, 'destination.json'), 'utf8');
      await pull(dir, name);
      const dialog = page.locator('.monaco-dialog-box');
      await dialog.waitFor({ timeout: 30_000 });
      assert.match((await dialog.innerText()).replace(/\s+/g, ' '), /already holds audience-template\.json, destination-server\.json, destination\.json\. Overwrite with what AEP holds\?/);
      await shot(page, 'd05-pull-overwrite-asked');
      await dialog.locator('.monaco-button', { hasText: /^Cancel$/ }).click();
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      assert.equal(readFileSync(join(dir, 'destination.json'), 'utf8'), before);
      await runCommand(page, 'View: Close All Editors');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }));

  test('Sign In to Adobe asks its five values (the secret in a password box) and keeps them; Sign Out of Adobe forgets them', guarded('d06', async () => {
    const { page } = wb;
    await clear();
    await runCommand(page, 'Pinterest Destination: Sign In to Adobe');
    const input = page.locator('.quick-input-widget input');
    const answer = async (title: RegExp, value: string) => {
      await page.locator('.quick-input-widget', { hasText: title }).waitFor({ timeout: 15_000 });
      await input.fill(value);
      await page.keyboard.press('Enter');
    };
    await answer(/Sign In to Adobe \(1\/5\): client id/, 'e2e-client-id');
    await page.locator('.quick-input-widget', { hasText: /\(2\/5\): client secret/ }).waitFor({ timeout: 15_000 });
    assert.equal(await input.getAttribute('type'), 'password', 'the secret is typed in a password box');
    await input.fill('e2e-not-a-real-secret');
    await page.keyboard.press('Enter');
    // an organization id without @AdobeOrg is flagged before it is kept
    await page.locator('.quick-input-widget', { hasText: /\(3\/5\): organization id/ }).waitFor({ timeout: 15_000 });
    await input.fill('0123456789ABCDEF01234567');
    await waitForText(page, '.quick-input-widget', /end with @AdobeOrg/, 15_000);
    await shot(page, 'd06-sign-in-org-warning');
    await input.fill('0123456789ABCDEF01234567@AdobeOrg');
    await page.keyboard.press('Enter');
    await answer(/\(4\/5\): sandbox name/, 'prod');
    await answer(/\(5\/5\): API key \(optional\)/, '');
    await waitForText(page, '.notification-toast', /Signed in to Adobe/, 15_000);
    await runCommand(page, 'Pinterest Destination: Show Log');
    const log = (await page.locator('.part.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    assert.match(log, /Signed in to Adobe: organization …eOrg, sandbox prod/);
    assert.doesNotMatch(log, /e2e-not-a-real-secret|e2e-client-id/, 'no credential in the log');
    await clear();
    await runCommand(page, 'Pinterest Destination: Sign Out of Adobe');
    await waitForText(page, '.notification-toast', /Signed out of Adobe: credentials removed from secret storage\./, 15_000);
  }));
});
