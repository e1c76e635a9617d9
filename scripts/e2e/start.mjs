// `npm start`: build and package the extension, start the local Pinterest and AEP authoring simulators, start a real
// VS Code in the browser (code-server, installed on first run by scripts/e2e/setup.sh into .e2e/)
// with the extension installed, the example project open and the extension pointed at the
// simulator; print the URL. Ctrl+C stops everything.
//   PORT=8080 SIM_PORT=8790 AEP_SIM_PORT=8791 npm start
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { E2E_HOME, ROOT, ensureSetup, freePort, startCodeServer } from './code-server.mjs';

const t0 = Date.now();
const step = (m) => console.log(`[start ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);

ensureSetup({ browser: false });
step('building');
execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
const vsix = join(E2E_HOME, 'pindest-start.vsix');
execFileSync(process.execPath, ['scripts/e2e/package.mjs', vsix], { cwd: ROOT, stdio: 'inherit' });
const example = join(ROOT, 'examples/pinterest-customer-list');
try {
  execFileSync(process.execPath, ['dist/cli.mjs', 'validate', example], { cwd: ROOT, stdio: 'inherit' });
} catch {
  step('the example has findings (shown above); starting anyway');
}

const simPort = await freePort(Number(process.env.SIM_PORT ?? 8790));
const aepPort = await freePort(Number(process.env.AEP_SIM_PORT ?? simPort + 1));
const sim = spawn(process.execPath, ['dist/cli.mjs', 'simulate', '--port', String(simPort), '--aep-port', String(aepPort)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
let simOut = '';
sim.stdout.on('data', (d) => (simOut += d));
const simUrl = `http://127.0.0.1:${simPort}`;
// Ready when it says so: probing the API instead would put a 401 (no token) in its request log.
for (let i = 0; !simOut.includes('press Ctrl+C'); i++) {
  if (sim.exitCode !== null || i > 100) throw new Error(`the simulator did not start:\n${simOut}`);
  await new Promise((r) => setTimeout(r, 100));
}
step(`Pinterest simulator on ${simUrl}/v5`);
const aepUrl = /^AEP authoring API: (\S+)/m.exec(simOut)?.[1] ?? `http://127.0.0.1:${aepPort}/data/core/activation/authoring`;
step(`AEP authoring simulator on ${aepUrl}`);

const server = await startCodeServer({
  runDir: join(E2E_HOME, 'run-start'),
  folder: example,
  port: Number(process.env.PORT ?? 8080),
  vsix,
  settings: { 'pindest.pinterest.baseUrl': `${simUrl}/v5`, 'pindest.environment': 'local', 'workbench.colorTheme': 'Default Dark Modern' },
});
const url = `${server.url}/?folder=${encodeURIComponent(example)}`;
console.log(`
  VS Code with Pinterest Destination Studio:  ${url}
  Local Pinterest simulator (API v5):          ${simUrl}/v5   (the extension uses its seeded token)
  Local AEP authoring simulator:               ${aepUrl}   (pindest deploy --env local --aep-url ${aepUrl})
  Try: Ctrl+Shift+P → "Pinterest Destination: Preview Identity Mapping", then "Send Test Activation".
  Ready in ${((Date.now() - t0) / 1000).toFixed(1)} s. Ctrl+C stops VS Code and the simulator.
`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  // Wait for the simulator to go: exiting first would close the pipe its goodbye line is written to (EPIPE).
  if (sim.exitCode === null) {
    const gone = new Promise((r) => sim.once('exit', r));
    sim.kill('SIGTERM');
    await gone;
  }
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
sim.on('exit', (code) => {
  if (!stopping) {
    console.error(`the simulator exited (${code}); stopping`);
    void stop();
  }
});
