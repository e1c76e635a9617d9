// The extension-host suite (test/e2e/host/) in a desktop VS Code, through @vscode/test-electron.
// It needs a VS Code binary: VSCODE_BINARY, or a usual install location. @vscode/test-electron would
// otherwise download one, which this project's machines cannot (only npm and Debian apt are
// reachable), so without a binary the test is skipped with that reason. `npm run e2e` runs the same
// suite inside code-server's real extension host instead.
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';

const ROOT = resolve(import.meta.dirname, '../..');
const CANDIDATES = ['/usr/bin/code', '/usr/share/code/code', '/snap/bin/code', '/Applications/Visual Studio Code.app/Contents/MacOS/Electron', 'C:\\Program Files\\Microsoft VS Code\\Code.exe'];
const binary = process.env.VSCODE_BINARY ?? CANDIDATES.find((p) => existsSync(p));

test(
  'extension-host suite in desktop VS Code (@vscode/test-electron)',
  {
    skip: binary
      ? false
      : 'no VS Code binary here: set VSCODE_BINARY=/path/to/code to run it (@vscode/test-electron cannot download VS Code on this network; npm run e2e runs the same suite in code-server)',
    timeout: 300_000,
  },
  async () => {
    if (!existsSync(join(ROOT, 'dist/extension.cjs')) || !existsSync(join(ROOT, 'dist/webview.js'))) {
      assert.fail('build first: npm run build && node src/extension/webview/build.mjs');
    }
    const { runTests } = await import('@vscode/test-electron');
    const tmp = mkdtempSync(join(tmpdir(), 'pindest-electron-'));
    try {
      const ws = join(tmp, 'workspace');
      cpSync(join(ROOT, 'schemas'), join(ws, 'schemas'), { recursive: true });
      cpSync(join(ROOT, 'examples/pinterest-customer-list'), join(ws, 'examples/pinterest-customer-list'), { recursive: true });
      const report = join(tmp, 'host-report.txt');
      const code = await runTests({
        vscodeExecutablePath: binary!,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: join(ROOT, 'test/e2e/host/index.cjs'),
        launchArgs: [ws, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust', `--user-data-dir=${join(tmp, 'data')}`],
        extensionTestsEnv: { PINDEST_HOST_REPORT: report },
      });
      if (existsSync(report)) console.log((await import('node:fs')).readFileSync(report, 'utf8'));
      assert.equal(code, 0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  },
);
