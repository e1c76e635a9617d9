// Restricted mode (workspace trust on, folder not trusted): Deploy to AEP, Pull from AEP, Publish
// to AEP and Sign In to Adobe refuse with a message that says why; nothing is asked, started or sent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SKIP_UNLESS_UNTRUSTED, guardSteps, openFile, openWorkbench, runCommand, shot, waitForText, type Workbench } from './harness';

describe('AEP commands in a restricted (untrusted) workspace', { skip: SKIP_UNLESS_UNTRUSTED }, () => {
  let wb: Workbench;
  const guarded = guardSteps(() => wb);
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  const refused = async (title: string, why: RegExp, name: string) => {
    const { page } = wb;
    await page.keyboard.press('Escape');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await runCommand(page, title);
    const toast = await waitForText(page, '.notification-toast', why, 30_000);
    assert.match(toast, /Manage Workspace Trust/);
    await shot(page, name);
    assert.equal(await page.locator('.monaco-dialog-box').count(), 0, 'no confirmation');
    assert.equal(await page.locator('.quick-input-widget', { hasText: /Sign In to Adobe|Destination name or id/ }).isVisible(), false, 'nothing asked');
  };

  test('Deploy to AEP is refused with a message that says why; no diff, no simulator', guarded('ud01', async () => {
    await openFile(wb.page, 'pinterest-customer-list/destination.json', 'destination.json');
    await refused('Pinterest Destination: Deploy to AEP', /Deploying to AEP needs a trusted workspace/, 'ud01-restricted-deploy-refused');
    assert.equal(await wb.page.locator('.tab', { hasText: /↔/ }).count(), 0, 'no diff opened');
    await runCommand(wb.page, 'Pinterest Destination: Show Log');
    const log = (await wb.page.locator('.part.panel .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
    assert.doesNotMatch(log, /AEP authoring simulator listening|Deploy plan/);
  }));

  test('Pull from AEP, Publish to AEP and Sign In to Adobe are refused too', guarded('ud02', async () => {
    await refused('Pinterest Destination: Pull from AEP', /Pulling from AEP needs a trusted workspace/, 'ud02-restricted-pull-refused');
    await refused('Pinterest Destination: Publish to AEP', /Publishing to AEP needs a trusted workspace/, 'ud02-restricted-publish-refused');
    await refused('Pinterest Destination: Sign In to Adobe', /Signing in to Adobe needs a trusted workspace/, 'ud02-restricted-sign-in-adobe-refused');
  }));
});
