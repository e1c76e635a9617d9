/**
 * Where each finding code's rule page is, as the `codeDescription.href` VS Code opens from the
 * Problems view and the hover. The pages ship with the extension (docs/rules/, French in
 * docs/rules/fr/); the root is the extension's install path the client passes, else the folder
 * above the server bundle (dist/server.cjs), which is the same place. A `file:` URI because
 * VS Code opens it as it stands; a command URI is not run from a diagnostic's code link.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { URI } from 'vscode-uri';
import { rulePagePath } from '../core/rules/codes';

export type PageOf = (code: string) => string | undefined;

function bundleRoot(): string {
  // esbuild's CJS bundle defines __dirname; under a plain ESM loader fall back to the entry script.
  const here = typeof __dirname === 'string' ? __dirname : dirname(process.argv[1] ?? '.');
  return resolve(here, '..');
}

export function rulePages(extensionPath: unknown, locale: string | undefined): PageOf {
  const root = typeof extensionPath === 'string' && extensionPath !== '' ? extensionPath : bundleRoot();
  const language = locale?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const cache = new Map<string, string | undefined>();
  return (code) => {
    if (!cache.has(code)) {
      const localized = join(root, rulePagePath(code, language));
      const english = join(root, rulePagePath(code));
      const path = existsSync(localized) ? localized : existsSync(english) ? english : undefined;
      cache.set(code, path && URI.file(path).toString());
    }
    return cache.get(code);
  };
}
