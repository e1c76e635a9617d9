/**
 * The webviews' only script (bundled by esbuild for the browser, loaded with the page's nonce). It
 * registers the @vscode-elements components the pages use and, for the report's buttons, posts
 * `{ action, index }` to the extension; the pages themselves are static, escaped HTML built in the
 * extension host, so nothing here turns data into markup.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';

// (typed without the DOM lib: the project's tsconfig is Node-only)
interface El {
  dataset: Record<string, string | undefined>;
  closest(selector: string): El | null;
}
const g = globalThis as unknown as {
  document: { documentElement: El; addEventListener(type: 'click', fn: (e: { target: El | null }) => void): void };
  acquireVsCodeApi?: () => { postMessage(message: unknown): void };
};
const vscode = g.acquireVsCodeApi?.();
g.document.addEventListener('click', (e) => {
  const el = e.target?.closest?.('[data-action]');
  if (!el || !vscode) return;
  const index = el.dataset.index === undefined ? undefined : Number(el.dataset.index);
  vscode.postMessage({ action: el.dataset.action, index });
});
g.document.documentElement.dataset.ready = 'true';
