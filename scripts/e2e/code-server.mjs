// Starts and stops code-server (a real VS Code: server + web workbench) with throw-away state.
// Shared by `npm run e2e` (run.mjs) and `npm start` (start.mjs). Installed by setup.sh under .e2e/.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E_HOME = process.env.PINDEST_E2E_HOME ?? join(ROOT, '.e2e');
export const CODE_SERVER = join(E2E_HOME, 'cs/node_modules/code-server/out/node/entry.js');
export const ARTIFACTS = join(ROOT, '.test-artifacts/e2e');

/** Runs setup.sh when code-server (or, with `browser`, chromium) is missing. */
export function ensureSetup({ browser = false } = {}) {
  if (existsSync(CODE_SERVER) && (!browser || existsSync('/usr/bin/chromium'))) return;
  execFileSync('bash', [join(ROOT, 'scripts/e2e/setup.sh'), ...(browser ? ['--browser'] : [])], { stdio: 'inherit' });
}

export async function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((res) => {
      const s = createServer();
      s.once('error', () => res(undefined));
      s.listen(port, '127.0.0.1', () => {
        const p = s.address().port;
        s.close(() => res(p));
      });
    });
  return (preferred && (await tryPort(preferred))) || tryPort(0);
}

const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.editor.enablePreview': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'chat.disableAIFeatures': true,
  'json.schemaDownload.enable': false,
  'git.enabled': false,
  'files.autoSave': 'off',
  'files.hotExit': 'off',
};

/**
 * @param {{ runDir: string, folder: string, port?: number, vsix?: string, settings?: object, log?: string, untrusted?: boolean }} o
 *   untrusted: workspace trust on and the folder never trusted (VS Code's restricted mode), as a user
 *   who opens a cloned repository and answers nothing to the trust prompt sees it.
 * @returns {Promise<{ url: string, port: number, pid: number, runDir: string, stop(): Promise<void> }>}
 */
export async function startCodeServer(o) {
  const runDir = resolve(o.runDir);
  rmSync(runDir, { recursive: true, force: true });
  for (const d of ['data/User', 'ext', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp']) mkdirSync(join(runDir, d), { recursive: true });
  // code-server writes config.yaml and logs under XDG dirs: keep them out of $HOME
  const env = { ...process.env, XDG_CONFIG_HOME: join(runDir, 'xdg-config'), XDG_DATA_HOME: join(runDir, 'xdg-data'), XDG_CACHE_HOME: join(runDir, 'xdg-cache'), TMPDIR: join(runDir, 'tmp') };
  delete env.VSCODE_IPC_HOOK_CLI;
  const trust = o.untrusted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'always' } : {};
  writeFileSync(join(runDir, 'data/User/settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...trust, ...o.settings }, null, 2));
  const common = ['--user-data-dir', join(runDir, 'data'), '--extensions-dir', join(runDir, 'ext')];
  let installMs = 0;
  if (o.vsix) {
    const t0 = Date.now();
    execFileSync(process.execPath, [CODE_SERVER, ...common, '--install-extension', o.vsix], { env, stdio: ['ignore', openSync(join(runDir, 'install-ext.log'), 'w'), 'inherit'] });
    installMs = Date.now() - t0;
  }
  const port = await freePort(o.port);
  const out = openSync(o.log ?? join(runDir, 'server.log'), 'w');
  const child = spawn(
    process.execPath,
    [CODE_SERVER, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', ...common, '--config', join(runDir, 'config.yaml'), '--disable-telemetry', '--disable-update-check', ...(o.untrusted ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', o.folder],
    { env, stdio: ['ignore', out, out], detached: true },
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); see ${join(runDir, 'server.log')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error('code-server did not come up within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGTERM'); // its own process group: the server and its extension hosts
    } catch {
      /* gone */
    }
    for (let i = 0; i < 100 && child.exitCode === null; i++) await new Promise((r) => setTimeout(r, 50));
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  };
  return { url, port, pid: child.pid, runDir, installMs, stop };
}
