// Extension-host test suite: runs INSIDE a real VS Code extension host (`vscode` is the real API),
// started by code-server's workbench with extensionDevelopmentPath/extensionTestsPath (npm run e2e)
// or by @vscode/test-electron with a desktop VS Code (test/e2e/electron.test.ts). No mocha: a tiny
// sequential runner, so nothing has to be installed into the extension. The report goes to
// PINDEST_HOST_REPORT (or .vscode-test/host-report.txt), because the host's console is mixed with
// the workbench's.
const fs = require('fs');
const path = require('path');

exports.run = async function run() {
  const report = process.env.PINDEST_HOST_REPORT || path.resolve(__dirname, '../../../.vscode-test/host-report.txt');
  fs.mkdirSync(path.dirname(report), { recursive: true });
  const lines = [];
  const tests = require('./extension.test.cjs');
  let failed = 0;
  const t0 = Date.now();
  for (const [name, fn] of tests) {
    const t = Date.now();
    try {
      await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timed out after 60 s')), 60_000))]);
      lines.push(`  ✔ ${name} (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      lines.push(`  ✖ ${name} (${Date.now() - t} ms)\n      ${String((e && e.stack) || e).split('\n').slice(0, 6).join('\n      ')}`);
    }
  }
  lines.push(`extension host: ${tests.length - failed} passed, ${failed} failed in ${Date.now() - t0} ms`);
  fs.writeFileSync(report, lines.join('\n') + '\n');
  if (failed) throw new Error(`${failed} extension-host tests failed`);
};
