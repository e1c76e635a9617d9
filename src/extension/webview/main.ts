/**
 * The preview webview's only script (bundled by esbuild for the browser, loaded with the page's
 * nonce). It registers the @vscode-elements components the page uses; the page itself is static,
 * escaped HTML built in the extension host, so nothing here turns data into markup.
 */
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-table/index.js';
import '@vscode-elements/elements/dist/vscode-table-header/index.js';
import '@vscode-elements/elements/dist/vscode-table-header-cell/index.js';
import '@vscode-elements/elements/dist/vscode-table-body/index.js';
import '@vscode-elements/elements/dist/vscode-table-row/index.js';
import '@vscode-elements/elements/dist/vscode-table-cell/index.js';

// (typed without the DOM lib: the project's tsconfig is Node-only)
(globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset.ready = 'true';
