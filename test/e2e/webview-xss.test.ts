// XSS payloads in the activation's connection name, an audience name, the destination name, an
// identity-map namespace and profile values reach the preview webview as text: nothing runs, no
// element or handler is created (checked in the real Chromium DOM of VS Code's webview). Each
// payload sets window.__pwned to its name if it runs, and the test reads that flag in the webview.
import assert from 'node:assert/strict';
import { runInNewContext } from 'node:vm';
import { after, before, describe, test } from 'node:test';
import { SKIP, openFile, openWorkbench, runCommand, shot, webview, type Workbench } from './harness';
// the same payloads scripts/e2e/workspace.mjs writes into the xss-project
import XSS from './xss-payloads.json';

/** The payloads the page shows as text (identity values are masked, so they never appear). */
const PAYLOADS = { connection: XSS.connection, audience: XSS.audience, destination: XSS.destination, namespace: XSS.namespace };

/** The code a browser would run from a payload: its inline handler or script body. */
function payloadCode(payload: string): string {
  const m = /on(?:error|load)="([^"]*)"/.exec(payload) ?? /<script>([^<]*)<\/script>/.exec(payload);
  if (!m) throw new Error(`payload has no code: ${payload}`);
  return m[1]!;
}

test('every XSS payload would set the watched flag if it ran (so the webview test can fail)', () => {
  for (const [name, payload] of Object.entries(XSS)) {
    const window: { __pwned?: string } = {};
    runInNewContext(payloadCode(payload), { window });
    assert.equal(window.__pwned, name, payload);
  }
});

describe('preview webview against XSS payloads', { skip: SKIP }, () => {
  let wb: Workbench;
  before(async () => {
    wb = await openWorkbench();
  });
  after(async () => {
    await wb?.close();
  });

  test('payloads render as text and none runs', async () => {
    const { page } = wb;
    try {
      await openFile(page, 'xss-project/activation.json', 'activation.json');
      await runCommand(page, 'Pinterest Destination: Preview Identity Mapping');
      const view = webview(page);
      await view.locator('#preview[data-state="ok"]').waitFor({ timeout: 30_000 });
      await view.locator('html[data-ready="true"]').waitFor({ timeout: 10_000 }); // our nonce'd script did run
      await page.waitForTimeout(1500); // give any handler time to fire

      // shown literally, where a person would look for them
      assert.equal(await view.locator('#activation-name').innerText(), PAYLOADS.connection);
      const text = await view.locator('body').innerText();
      for (const p of Object.values(PAYLOADS)) assert.ok(text.includes(p), `payload not shown as text: ${p}`);

      // and nothing of them became markup
      const dom = await view.locator('body').evaluate((body) => {
        const all = [...body.ownerDocument.querySelectorAll('*')];
        return {
          imgs: body.ownerDocument.querySelectorAll('img').length,
          svgs: body.ownerDocument.querySelectorAll('svg').length,
          // VS Code injects one inline script of its own (it defines acquireVsCodeApi); every other script is ours
          scripts: [...body.ownerDocument.querySelectorAll('script')].filter((s) => !(s.textContent ?? '').includes('acquireVsCodeApi')).map((s) => s.getAttribute('src') ?? `inline: ${(s.textContent ?? '').slice(0, 80)}`),
          handlers: all.flatMap((el) => [...el.attributes].filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName}[${a.name}]`)),
          pwned: (globalThis as unknown as { __pwned?: unknown }).__pwned ?? null,
        };
      });
      assert.equal(dom.imgs, 0, 'an <img> was created');
      assert.equal(dom.svgs, 1, 'only the flow picture is an <svg>');
      assert.equal(dom.scripts.length, 1, dom.scripts.join('\n'));
      assert.match(dom.scripts[0]!, /dist\/webview\.js/);
      assert.deepEqual(dom.handlers, []);
      assert.equal(dom.pwned, null);
      assert.deepEqual(wb.dialogs, [], `a payload opened a dialog: ${wb.dialogs.join('; ')}`);
      await shot(page, '06-xss-preview');
    } catch (e) {
      await shot(page, '06-xss-FAIL').catch(() => undefined);
      throw e;
    }
  });
});
