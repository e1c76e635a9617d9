/**
 * Sign In to Adobe: the OAuth Server-to-Server credential of an Adobe Developer Console project
 * (client id, client secret, organization id), the sandbox and optionally an API key, kept in
 * SecretStorage only (one entry; never settings, never logs), as the Pinterest tokens are
 * (auth.ts). Sign Out of Adobe forgets them. The local environment (the AEP simulator inside
 * VS Code) needs none of this.
 */
import * as vscode from 'vscode';
import { AEP_SECRET_KEY, DEFAULT_SANDBOX, clientIdProblem, clientSecretProblem, imsOrgProblem, parseStoredCredentials, sandboxProblem, storedCredentials, type AepCredentials, type InputProblem } from './aep-credentials';
import type { Log } from './log';
import { maskId } from './redact';

export class NotSignedInToAdobeError extends Error {
  constructor() {
    super(vscode.l10n.t('Not signed in to Adobe. Run "Sign In to Adobe", or select the local AEP environment to deploy to the AEP simulator inside VS Code.'));
  }
}

function problemText(problem: InputProblem | undefined): string | undefined {
  switch (problem) {
    case undefined:
      return undefined;
    case 'empty':
      return vscode.l10n.t('Enter a value (Escape cancels the sign-in).');
    case 'spaces':
      return vscode.l10n.t('This value has no spaces: copy it again from Adobe Developer Console.');
    default:
      return undefined;
  }
}

export class AepAuth {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Log,
  ) {}

  async credentials(): Promise<AepCredentials | undefined> {
    return parseStoredCredentials(await this.secrets.get(AEP_SECRET_KEY));
  }

  async updateContext(): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'pindest.signedInToAdobe', (await this.credentials()) !== undefined);
  }

  async signOut(): Promise<boolean> {
    const had = (await this.secrets.get(AEP_SECRET_KEY)) !== undefined;
    await this.secrets.delete(AEP_SECRET_KEY);
    this.log.info(`Signed out of Adobe (${had ? 'credentials removed from secret storage' : 'none were stored'}).`);
    await this.updateContext();
    return had;
  }

  /** Asks each value in turn (Escape stops and stores nothing); true when stored. */
  async signIn(): Promise<boolean> {
    const before = await this.credentials();
    const ask = async (o: { title: string; prompt?: string; value?: string; password?: boolean; check: (v: string) => string | vscode.InputBoxValidationMessage | undefined }) =>
      vscode.window.showInputBox({ title: o.title, prompt: o.prompt, value: o.value, password: o.password, ignoreFocusOut: true, validateInput: o.check });
    const step = (n: number) => vscode.l10n.t('Sign In to Adobe ({0}/5)', n);
    const clientId = await ask({
      title: `${step(1)}: ${vscode.l10n.t('client id')}`,
      prompt: vscode.l10n.t('The client id of the OAuth Server-to-Server credential of your Adobe Developer Console project.'),
      value: before?.clientId,
      check: (v) => problemText(clientIdProblem(v)),
    });
    if (clientId === undefined) return false;
    const clientSecret = await ask({
      title: `${step(2)}: ${vscode.l10n.t('client secret')}`,
      prompt: vscode.l10n.t('Kept in VS Code secret storage only.'),
      password: true,
      check: (v) => problemText(clientSecretProblem(v)),
    });
    if (clientSecret === undefined) return false;
    const imsOrg = await ask({
      title: `${step(3)}: ${vscode.l10n.t('organization id')}`,
      prompt: vscode.l10n.t('The IMS organization id, sent as x-gw-ims-org-id (it ends with @AdobeOrg).'),
      value: before?.imsOrg,
      check: (v) => {
        const p = imsOrgProblem(v);
        // An id without the usual suffix may still be right: a warning, not a refusal.
        if (p === 'org-suffix') return { message: vscode.l10n.t('Adobe organization ids end with @AdobeOrg: check the value.'), severity: vscode.InputBoxValidationSeverity.Warning };
        return problemText(p);
      },
    });
    if (imsOrg === undefined) return false;
    const sandbox = await ask({
      title: `${step(4)}: ${vscode.l10n.t('sandbox name')}`,
      prompt: vscode.l10n.t('The sandbox to deploy to, sent as x-sandbox-name (empty: {0}).', DEFAULT_SANDBOX),
      value: before?.sandbox ?? DEFAULT_SANDBOX,
      check: (v) => problemText(sandboxProblem(v)),
    });
    if (sandbox === undefined) return false;
    const apiKey = await ask({
      title: `${step(5)}: ${vscode.l10n.t('API key (optional)')}`,
      prompt: vscode.l10n.t('Sent as x-api-key; leave empty to send the client id, as Adobe Developer Console does.'),
      value: before?.apiKey,
      check: (v) => (v.trim() ? problemText(clientIdProblem(v)) : undefined),
    });
    if (apiKey === undefined) return false;
    const creds: AepCredentials = { clientId, clientSecret, imsOrg, sandbox: sandbox.trim() || DEFAULT_SANDBOX, apiKey: apiKey.trim() || undefined };
    await this.secrets.store(AEP_SECRET_KEY, storedCredentials(creds));
    this.log.info(`Signed in to Adobe: organization ${maskId(imsOrg.trim())}, sandbox ${creds.sandbox}; credentials in secret storage.`);
    await this.updateContext();
    return true;
  }
}
