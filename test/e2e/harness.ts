/**
 * Drives the real VS Code workbench served by code-server with playwright-core and Debian's
 * chromium. `npm run e2e` (scripts/e2e/run.mjs) starts code-server with the packaged extension and
 * sets PINDEST_E2E_URL; without it these tests are skipped (plain `npm test` runs no browser).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Frame, type FrameLocator, type Page } from 'playwright-core';

export const E2E_URL = process.env.PINDEST_E2E_URL;
export const WORKSPACE = process.env.PINDEST_E2E_WORKSPACE ?? '';
export const ARTIFACTS = process.env.PINDEST_E2E_ARTIFACTS ?? join(import.meta.dirname, '../../.test-artifacts/e2e');
/** Set by `npm run e2e` for the second code-server, whose folder is not trusted (restricted mode). */
export const UNTRUSTED = process.env.PINDEST_E2E_UNTRUSTED === '1';
export const SKIP = E2E_URL ? (UNTRUSTED ? 'this VS Code runs in restricted mode: these tests need a trusted folder' : false) : 'needs a running VS Code: run `npm run e2e` (starts code-server and sets PINDEST_E2E_URL)';
export const SKIP_UNLESS_UNTRUSTED = E2E_URL && UNTRUSTED ? false : 'needs the restricted-mode VS Code that `npm run e2e` starts second (PINDEST_E2E_UNTRUSTED=1)';

/** 1-based number of the first line of a workspace file that contains `text` (the examples move as they grow). */
export function lineOf(relPath: string, text: string): number {
  const i = readFileSync(join(WORKSPACE, relPath), 'utf8').split('\n').findIndex((l) => l.includes(text));
  if (i < 0) throw new Error(`${relPath} has no line with ${text}`);
  return i + 1;
}

export interface Workbench {
  page: Page;
  ctx: BrowserContext;
  /** Dialogs (alert/confirm) opened by any frame: XSS payloads would land here. */
  dialogs: string[];
  pageErrors: string[];
  close(): Promise<void>;
}

export async function openWorkbench(folder = WORKSPACE): Promise<Workbench> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const profile = mkdtempSync(join(process.env.PINDEST_E2E_RUN ?? ARTIFACTS, 'chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1500, height: 950 },
    env: { ...process.env, XDG_CONFIG_HOME: `${profile}/xdg-config`, XDG_CACHE_HOME: `${profile}/xdg-cache` },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(`${E2E_URL}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return {
    page,
    ctx,
    dialogs,
    pageErrors,
    close: async () => {
      await ctx.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Test steps that keep a screenshot named after the step when they fail: `const guarded = guardSteps(() => wb)`. */
export function guardSteps(workbench: () => Workbench) {
  return (name: string, fn: () => Promise<void>) => async () => {
    try {
      await fn();
    } catch (e) {
      await shot(workbench().page, `${name}-FAIL`).catch(() => undefined);
      throw e;
    }
  };
}

export async function shot(page: Page, name: string): Promise<string> {
  await page.waitForTimeout(700); // notifications fade in
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

const quickInput = (page: Page) => page.locator('.quick-input-widget input');

/** Quick Open (Ctrl+P) a workspace file by a path fragment; waits until its tab is active. */
export async function openFile(page: Page, pathFragment: string, tabLabel: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  await quickInput(page).waitFor();
  await quickInput(page).fill(pathFragment);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.waitForTimeout(300);
  await page.keyboard.press('Enter');
  await page.locator('.editor-group-container.active .tab.active', { hasText: tabLabel }).waitFor(); // the focused group's (others have an active tab too)
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Runs a command from the palette (F1) by its full title. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  await quickInput(page).waitFor();
  await quickInput(page).fill(`>${title}`);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: 15_000 });
  await page.waitForTimeout(200);
  await page.keyboard.press('Enter');
}

/** Go to a line (and column) of the active editor with Ctrl+G; the editor has the focus afterwards. */
export async function goToLine(page: Page, line: number, column?: number): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+G');
  await quickInput(page).waitFor();
  await quickInput(page).fill(column ? `:${line}:${column}` : `:${line}`); // the go-to-line picker's prefix is ':'
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor();
  const want = column ? `Ln ${line}, Col ${column}` : `Ln ${line},`;
  await page.locator('.statusbar-item', { hasText: want }).first().waitFor({ timeout: 5000 });
}

/** Replaces the current line's text (no auto-closing: inserted as one input event). */
export async function replaceLine(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Home');
  await page.keyboard.press('Home'); // first press may stop at the indentation
  await page.keyboard.press('Shift+End');
  await page.keyboard.insertText(text);
}

/** The text of the visible lines of the active editor group's editor. */
export async function editorText(page: Page): Promise<string> {
  return (await page.locator('.editor-group-container.active .editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
}

/** The preview webview's content frame (code-server nests it: iframe.webview > #active-frame). */
export function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('#active-frame');
}

/**
 * The webview frame that shows `selector` (the report and the preview can be open side by side, so
 * "the last webview" is not enough): polls every frame of the page, nested ones included.
 */
export async function frameWith(page: Page, selector: string, timeout = 30_000): Promise<Frame> {
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of page.frames()) if ((await f.locator(selector).count().catch(() => 0)) > 0) return f;
    if (Date.now() > end) throw new Error(`no webview shows ${selector}`);
    await page.waitForTimeout(250);
  }
}

export async function waitForText(page: Page, selector: string, text: string | RegExp, timeout = 30_000): Promise<string> {
  const loc = page.locator(selector, { hasText: text }).first();
  await loc.waitFor({ timeout });
  return (await loc.innerText()).replace(/\s+/g, ' ');
}

