// `npm run e2e`: end-to-end tests in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven by
// playwright-core and Debian's chromium. Builds and packages the extension, installs the .vsix into
// a throw-away code-server, runs test/e2e/*.test.ts (UI tests) against it, then the extension-host
// suite (test/e2e/host/) inside the same VS Code, and stops everything it started. Test files named
// untrusted*.test.ts run afterwards against a second code-server with workspace trust on and the
// folder not trusted (restricted mode).
//   npm run e2e [-- --no-build] [-- test/e2e/one.test.ts]
// Screenshots and logs: .test-artifacts/e2e/ (git-ignored).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, E2E_HOME, ROOT, ensureSetup, startCodeServer } from './code-server.mjs';
import { runHostSuite } from './ext-host.mjs';
import { prepareWorkspace } from './workspace.mjs';

const t0 = Date.now();
const secs = (t) => ((Date.now() - t) / 1000).toFixed(1);
const args = process.argv.slice(2);
const noBuild = args.includes('--no-build');
const files = args.filter((a) => a.endsWith('.test.ts'));
const hostOnly = args.includes('--host-only');
const withHost = !files.length || args.includes('--host');

let t = Date.now();
ensureSetup({ browser: true });
console.log(`[e2e] setup checked in ${secs(t)} s`);

const vsix = join(E2E_HOME, 'pindest-e2e.vsix');
if (!noBuild) {
  t = Date.now();
  const npm = (script) => execFileSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  npm('build');
  execFileSync(process.execPath, ['scripts/e2e/package.mjs', vsix], { cwd: ROOT, stdio: 'inherit' });
  console.log(`[e2e] build + package in ${secs(t)} s`);
}

rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS, { recursive: true });
const runDir = join(E2E_HOME, 'run-e2e');
const ws = prepareWorkspace(join(E2E_HOME, 'workspace-e2e'));
// the extension host inherits code-server's environment: tell the host suite where to report
process.env.PINDEST_HOST_REPORT = join(ARTIFACTS, 'host-report.txt');
t = Date.now();
const server = await startCodeServer({ runDir, folder: ws.root, port: 8765, vsix, settings: { 'pindest.log.level': 'debug' } });
console.log(`[e2e] code-server ${server.url} up in ${secs(t)} s (vsix install ${(server.installMs / 1000).toFixed(1)} s)`);

let rc = 0;
let untrustedTests = [];
try {
  const all = files.length ? files : readdirSync(join(ROOT, 'test/e2e')).filter((f) => f.endsWith('.test.ts')).sort().map((f) => join('test/e2e', f));
  const isUntrusted = (f) => /(^|\/)untrusted[^/]*\.test\.ts$/.test(f);
  const tests = all.filter((f) => !isUntrusted(f));
  untrustedTests = all.filter(isUntrusted);
  t = Date.now();
  const env = { ...process.env, PINDEST_E2E_URL: server.url, PINDEST_E2E_WORKSPACE: ws.root, PINDEST_E2E_ARTIFACTS: ARTIFACTS, PINDEST_E2E_RUN: runDir };
  if (!hostOnly && tests.length) {
    const ui = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...tests], { cwd: ROOT, env, stdio: 'inherit' });
    rc ||= ui.status ?? 1;
    console.log(`[e2e] UI tests (${tests.length} files) in ${secs(t)} s: ${ui.status === 0 ? 'passed' : 'FAILED'}`);
  }
  if (withHost || hostOnly) {
    t = Date.now();
    const host = await runHostSuite({ url: server.url, devPath: ROOT, testsPath: join(ROOT, 'test/e2e/host/index.cjs'), folder: ws.root, report: process.env.PINDEST_HOST_REPORT, tmp: runDir });
    process.stdout.write(host.text);
    rc ||= host.code === 0 ? 0 : 1;
    console.log(`[e2e] extension-host suite in ${secs(t)} s: ${host.code === 0 ? 'passed' : `FAILED (exit ${host.code})`}`);
  }
} finally {
  await server.stop();
  // keep the server and extension logs next to the screenshots
  try {
    copyFileSync(join(runDir, 'server.log'), join(ARTIFACTS, 'code-server.log'));
    const logs = join(runDir, 'data/logs');
    for (const session of readdirSync(logs)) {
      const walk = (d) => {
        for (const n of readdirSync(d)) {
          const p = join(d, n);
          if (statSync(p).isDirectory()) walk(p);
          else if (/Pinterest Destination|exthost/.test(n)) copyFileSync(p, join(ARTIFACTS, `${session}-${n}`));
        }
      };
      walk(join(logs, session));
    }
  } catch {
    /* logs are a convenience */
  }
}
// Restricted mode: a second code-server (its own state and workspace copy) with trust on.
if (untrustedTests.length && !hostOnly) {
  t = Date.now();
  const uRun = join(E2E_HOME, 'run-e2e-untrusted');
  const uWs = prepareWorkspace(join(E2E_HOME, 'workspace-e2e-untrusted'));
  const uServer = await startCodeServer({ runDir: uRun, folder: uWs.root, port: 8766, vsix, untrusted: true, settings: { 'pindest.log.level': 'debug' } });
  try {
    const env = { ...process.env, PINDEST_E2E_URL: uServer.url, PINDEST_E2E_UNTRUSTED: '1', PINDEST_E2E_WORKSPACE: uWs.root, PINDEST_E2E_ARTIFACTS: ARTIFACTS, PINDEST_E2E_RUN: uRun };
    const ui = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...untrustedTests], { cwd: ROOT, env, stdio: 'inherit' });
    rc ||= ui.status ?? 1;
    console.log(`[e2e] restricted-mode UI tests (${untrustedTests.length} files, code-server ${uServer.url}) in ${secs(t)} s: ${ui.status === 0 ? 'passed' : 'FAILED'}`);
  } finally {
    await uServer.stop();
    try {
      copyFileSync(join(uRun, 'server.log'), join(ARTIFACTS, 'code-server-untrusted.log'));
    } catch {
      /* logs are a convenience */
    }
  }
}
console.log(`[e2e] total ${secs(t0)} s; artefacts in ${ARTIFACTS}`);
process.exit(rc);
