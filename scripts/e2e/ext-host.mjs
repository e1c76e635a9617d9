// Runs test/e2e/host/ INSIDE code-server's real Node extension host, as @vscode/test-electron does
// on a desktop: the workbench URL's `payload` carries extensionDevelopmentPath/extensionTestsPath.
// A headless chromium must be connected for the server to start an extension host; the workbench
// calls window.codeAutomationExit(code) when the suite settles.
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export async function runHostSuite({ url, devPath, testsPath, folder, report, tmp, timeoutMs = 180_000 }) {
  const remote = (p) => `vscode-remote://${new URL(url).host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(devPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['skipWelcome', 'true'],
  ]);
  const profile = mkdtempSync(join(tmp, 'chromium-host-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: `${profile}/xdg-config`, XDG_CACHE_HOME: `${profile}/xdg-cache` },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const done = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    rmSync(report, { force: true });
    await page.goto(`${url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`);
    const code = await Promise.race([done, new Promise((r) => setTimeout(() => r('timeout'), timeoutMs))]);
    const text = existsSync(report) ? readFileSync(report, 'utf8') : 'no report written (the suite did not start?)\n';
    return { code, text };
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
