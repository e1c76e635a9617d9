// The editor experience in a real VS Code (code-server + chromium), issue 12: Edit Embedded
// Template's Pebble editor shows a template error while it is typed (unsaved), positioned in the
// Pebble text, and completes there; VS Code's language status names no formatter conflict; "Fix All"
// applies every fix of a file; a diagnostic's code in Problems links to its rule page, which opens.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SKIP, WORKSPACE, editorText, goToLine, guardSteps, lineOf, openFile, openWorkbench, replaceLine, runCommand, shot, waitForText, type Workbench } from './harness';

const EXAMPLE = 'examples/pinterest-customer-list';
const onDisk = (name: string) => readFileSync(join(WORKSPACE, EXAMPLE, name), 'utf8');

describe('Editor experience (issue 12) in VS Code', { skip: SKIP }, () => {
  let wb: Workbench;
  const guarded = guardSteps(() => wb);
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  test('Edit Embedded Template: a template error shows in the Pebble editor while typing, at its place in the Pebble text; completion works there', guarded('10', async () => {
    const { page } = wb;
    const server = onDisk('destination-server.json');
    await openFile(page, 'pinterest-customer-list/destination-server.json', 'destination-server.json');
    await runCommand(page, 'Pinterest Destination: Edit Embedded Template');
    await page.locator('.editor-group-container.active .tab.active', { hasText: 'requestBody.pebble' }).waitFor({ timeout: 15_000 });
    await page.locator('.editor-group-container.active .monaco-editor .view-lines', { hasText: 'operation_type' }).first().waitFor({ timeout: 15_000 });
    const body = JSON.parse(server).httpTemplate.requestBody.value as string;
    // One character typed into `{{ identity.id }}` on line 3 of the template ("records"), after the
    // `"exited"` quotes the JSON string escapes.
    const line3 = body.split('\n')[2]!;
    assert.match(line3, /^ {2}"records"/);
    const column = line3.indexOf('{{ identity.id }}') + 4; // 1-based, before `identity`
    await goToLine(page, 3, column);
    await page.keyboard.type('x');
    await page.keyboard.press('Control+Shift+M');
    const row = await waitForText(page, '.markers-panel .monaco-list-row', 'PD402', 15_000);
    assert.match(row, /`xidentity` is not a variable/);
    // At its line and column in the Pebble text (the JSON file has the whole template on one line).
    assert.match(row, new RegExp(`Ln 3, Col ${column}\\]`));
    assert.match(await waitForText(page, '.markers-panel .monaco-list-row', 'requestBody.pebble'), /requestBody\.pebble/);
    await page.locator('.editor-group-container.active .monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: 15_000 });
    // While typing: nothing saved, the editor is dirty and the JSON file on disk is as it was.
    assert.equal(await page.locator('.tab.dirty', { hasText: 'requestBody.pebble' }).count(), 1);
    assert.equal(onDisk('destination-server.json'), server);
    await shot(page, '10-template-error-while-typing');

    await runCommand(page, 'File: Revert File');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'PD402' }).first().waitFor({ state: 'detached', timeout: 15_000 });

    // Completion after `{{ `: the template variables of the destination server.
    await goToLine(page, 3, 3);
    await page.keyboard.insertText('{{ ');
    await page.keyboard.press('Control+Space');
    const item = page.locator('.suggest-widget .monaco-list-row', { hasText: 'customerData' }).first();
    await item.waitFor({ timeout: 15_000 });
    await shot(page, '10b-template-completion');
    await page.keyboard.press('Escape');
    await runCommand(page, 'File: Revert File');
    await page.locator('.tab.dirty', { hasText: 'requestBody.pebble' }).waitFor({ state: 'detached', timeout: 15_000 });
    assert.equal(onDisk('destination-server.json'), server);
    await runCommand(page, 'View: Close All Editors');
  }));

  test('the language status of a destination file names no formatter conflict', guarded('11', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await page.locator('[id="status.languageStatus"]').first().click();
    // Our item is in the same hover as VS Code's own (JSON validation, formatting): once it shows,
    // a "multiple formatters" entry would show with it.
    const hover = await waitForText(page, '.monaco-hover, .hover-row, .context-view', /Destination configuration/, 15_000);
    assert.match(hover, /schema/i, 'VS Code\'s own JSON items are in this hover');
    assert.doesNotMatch(hover, /format/i);
    assert.equal(await page.locator('.monaco-hover, .context-view', { hasText: /multiple formatters|Formatting/i }).count(), 0);
    await shot(page, '11-language-status-no-formatter-conflict');
    await page.keyboard.press('Escape');
  }));

  test('Fix All applies every fix of the file at once', guarded('12', async () => {
    const { page } = wb;
    const name = 'destination.json';
    const original = onDisk(name);
    try {
      await openFile(page, `pinterest-customer-list/${name}`, name);
      const breakLine = async (find: string, replacement: string) => {
        const line = lineOf(`${EXAMPLE}/${name}`, find);
        const current = original.split('\n')[line - 1]!;
        await goToLine(page, line);
        await replaceLine(page, current.replace(find, replacement));
      };
      // Four findings, each with one unambiguous fix (as the LSP test of source.fixAll).
      await breakLine('"frequency": "Streaming"', '"frequency": "streaming"');
      await breakLine('"segmentRequired": true', '"segmentRequired": false');
      await breakLine('"maxBatchAgeInSecs": 1800', '"maxBatchAgeInSecs": 900');
      await breakLine('"segmentNamespaceDenyList": []', '"segmentNamespaceDenied": []');
      await page.keyboard.press('Control+Shift+M');
      for (const code of ['PD012', 'PD103', 'PD110', 'PD114']) await waitForText(page, '.markers-panel .monaco-list-row', code, 15_000);
      await shot(page, '12-before-fix-all');
      await goToLine(page, 1); // Fix All acts on the focused editor
      await runCommand(page, 'Fix All');
      for (const code of ['PD012', 'PD103', 'PD110', 'PD114']) {
        await page.locator('.markers-panel .monaco-list-row', { hasText: code }).first().waitFor({ state: 'detached', timeout: 15_000 });
      }
      await shot(page, '12-after-fix-all');
      await goToLine(page, 1);
      await page.keyboard.press('Control+S');
      await page.locator('.tab.dirty', { hasText: name }).waitFor({ state: 'detached', timeout: 15_000 });
      // Every fix applied, and nothing else changed.
      assert.equal(onDisk(name), original);
    } finally {
      writeFileSync(join(WORKSPACE, EXAMPLE, name), original);
    }
  }));

  test('a diagnostic\'s code in Problems links to its rule page, which opens', guarded('13', async () => {
    const { page } = wb;
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await goToLine(page, lineOf(`${EXAMPLE}/destination.json`, '"segmentRequired"'));
    await replaceLine(page, '    "segmentRequired": false,');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'PD103' }).first();
    await row.waitFor({ timeout: 15_000 });
    const link = row.locator('a', { hasText: 'PD103' }).first();
    await link.waitFor({ timeout: 15_000 });
    const href = decodeURIComponent((await link.getAttribute('href')) ?? (await link.getAttribute('title')) ?? '');
    assert.match(href, /docs\/rules\/PD103\.md$/);
    await shot(page, '13-problems-code-link');
    await link.click();
    await page.locator('.tab', { hasText: 'PD103.md' }).first().waitFor({ timeout: 15_000 });
    assert.match(await editorText(page), /PD103/);
    await shot(page, '13-rule-page-open');
    // Leave the destination as it was, with no save prompt.
    await openFile(page, 'pinterest-customer-list/destination.json', 'destination.json');
    await runCommand(page, 'File: Revert File');
    await page.locator('.tab.dirty', { hasText: 'destination.json' }).waitFor({ state: 'detached', timeout: 15_000 });
    await runCommand(page, 'View: Close All Editors');
  }));
});
