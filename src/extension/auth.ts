/**
 * Pinterest credentials: tokens and the app secret live in SecretStorage only (never settings,
 * never logs). The local environment uses the simulator's seeded token without asking.
 */
import * as vscode from 'vscode';
import { accessTokenShape, staticTokenProvider, type TokenProvider, type TokenShapeProblem } from '../core/pinterest';
import { PINTEREST_AUTHORIZE_URL, secretUrl } from '../core/pinterest/urls';
import { OAuthError, authorizeUrl, exchangeCode, isExpiring, newState, refreshTokens, startLoopback, tokenEndpoint, type TokenSet } from './oauth';
import type { Log } from './log';
import type { Environment, Target } from './settings';

const TOKEN_KEY = (env: Environment) => `pindest.tokens.${env}`;
const SECRET_KEY = 'pindest.clientSecret';

export class NotSignedInError extends Error {
  constructor(readonly environment: Environment) {
    super(vscode.l10n.t('Not signed in to Pinterest ({0}). Run "Sign In to Pinterest", or select the local environment to use the simulator.', environment));
  }
}

/** The core's check of a pasted token, in the user's language. */
function pastedTokenProblem(problem: TokenShapeProblem | undefined): string | undefined {
  switch (problem) {
    case undefined:
      return undefined;
    case 'refresh-token':
      return vscode.l10n.t('That is a refresh token (it starts with "pinr"): paste the access token, which starts with "pina".');
    case 'wrong-prefix':
      return vscode.l10n.t('That is not a Pinterest access token: those start with "pina". Copy the access token again.');
    case 'unusual-characters':
      return vscode.l10n.t('That does not look like an access token (it contains spaces or unusual characters): copy the token again.');
    default:
      return vscode.l10n.t('That does not look like an access token.');
  }
}

export class Auth {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly log: Log,
  ) {}

  async isSignedIn(env: Environment): Promise<boolean> {
    return (await this.secrets.get(TOKEN_KEY(env))) !== undefined;
  }

  async updateContext(env: Environment): Promise<void> {
    await vscode.commands.executeCommand('setContext', 'pindest.signedIn', env === 'local' || (await this.isSignedIn(env)));
  }

  private async read(env: Environment): Promise<TokenSet | undefined> {
    const raw = await this.secrets.get(TOKEN_KEY(env));
    if (!raw) return undefined;
    try {
      return JSON.parse(raw) as TokenSet;
    } catch {
      return undefined;
    }
  }

  private async store(env: Environment, tokens: TokenSet): Promise<void> {
    await this.secrets.store(TOKEN_KEY(env), JSON.stringify(tokens));
  }

  async signOut(): Promise<string[]> {
    const cleared: string[] = [];
    // `sandbox`: tokens an earlier version stored; signing out removes them too.
    for (const env of ['sandbox', 'production'] as const) {
      const key = `pindest.tokens.${env}`;
      if (await this.secrets.get(key)) cleared.push(env);
      await this.secrets.delete(key);
    }
    await this.secrets.delete(SECRET_KEY);
    this.log.info(`Signed out (${cleared.join(', ') || 'no stored tokens'}); tokens and app secret removed from secret storage.`);
    return cleared;
  }

  /**
   * Tokens for a target (the core's TokenProvider). Local: the simulator's seeded token, never one
   * from SecretStorage, so a real token never reaches a simulator. Others: SecretStorage, refreshed when expiring.
   */
  tokensFor(target: Target, seededToken: string): TokenProvider {
    if (target.environment === 'local') return staticTokenProvider(seededToken);
    const env = target.environment;
    const refresh = async (): Promise<string> => {
      const current = await this.read(env);
      if (!current) throw new NotSignedInError(env);
      const clientId = vscode.workspace.getConfiguration('pindest').get<string>('pinterest.clientId', '');
      const clientSecret = await this.secrets.get(SECRET_KEY);
      if (!clientId || !clientSecret || !current.refreshToken) throw new OAuthError(vscode.l10n.t('The Pinterest token expired and cannot be refreshed here: run "Sign In to Pinterest" again.'));
      const next = await refreshTokens(target.baseUrl, { clientId, clientSecret }, current);
      await this.store(env, next);
      this.log.info(`Refreshed the ${env} access token (expires ${next.expiresAt ? new Date(next.expiresAt).toISOString() : 'unknown'}).`);
      return next.accessToken;
    };
    return {
      accessToken: async () => {
        const t = await this.read(env);
        if (!t) throw new NotSignedInError(env);
        if (isExpiring(t) && t.refreshToken) return refresh();
        return t.accessToken;
      },
      refresh,
    };
  }

  /** Sign In to Pinterest: browser (OAuth code flow with a loopback redirect) or a pasted token. */
  async signIn(env: Environment, baseUrl: string, authorizeBase = PINTEREST_AUTHORIZE_URL): Promise<boolean> {
    // Refused before anything is asked or sent: the secret, the code and the tokens go over https only (or to a loopback simulator).
    secretUrl(authorizeBase, 'the Pinterest sign-in');
    tokenEndpoint(baseUrl, 'the authorization code');
    const how = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('Sign in with the browser'), description: vscode.l10n.t('OAuth, needs your Pinterest app id and secret'), id: 'oauth' },
        { label: vscode.l10n.t('Paste an access token'), description: vscode.l10n.t('e.g. from the Pinterest developer portal'), id: 'paste' },
      ],
      { title: vscode.l10n.t('Sign In to Pinterest ({0})', env), ignoreFocusOut: true },
    );
    if (!how) return false;
    if (how.id === 'paste') {
      const token = await vscode.window.showInputBox({
        title: vscode.l10n.t('Pinterest access token ({0})', env),
        prompt: vscode.l10n.t('Kept in VS Code secret storage only.'),
        password: true,
        ignoreFocusOut: true,
        validateInput: (v) => pastedTokenProblem(accessTokenShape(v)),
      });
      if (!token) return false;
      await this.store(env, { accessToken: token.trim() });
      this.log.info(`Signed in to ${env} with a pasted token.`);
      return true;
    }
    const config = vscode.workspace.getConfiguration('pindest');
    let clientId = config.get<string>('pinterest.clientId', '');
    if (!clientId) {
      clientId = (await vscode.window.showInputBox({ title: vscode.l10n.t('Pinterest app id'), ignoreFocusOut: true, validateInput: (v) => (/^\d+$/.test(v.trim()) ? undefined : vscode.l10n.t('The app id is a number.')) }))?.trim() ?? '';
      if (!clientId) return false;
      await config.update('pinterest.clientId', clientId, vscode.ConfigurationTarget.Global);
    }
    let clientSecret = await this.secrets.get(SECRET_KEY);
    if (!clientSecret) {
      clientSecret = (await vscode.window.showInputBox({ title: vscode.l10n.t('Pinterest app secret'), prompt: vscode.l10n.t('Kept in VS Code secret storage only.'), password: true, ignoreFocusOut: true }))?.trim();
      if (!clientSecret) return false;
      await this.secrets.store(SECRET_KEY, clientSecret);
    }
    const state = newState();
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Waiting for Pinterest in your browser…'), cancellable: true },
      async (_p, cancel) => {
        const abort = new AbortController();
        cancel.onCancellationRequested(() => abort.abort());
        const loop = await startLoopback(state, abort.signal, undefined, vscode.l10n.t);
        try {
          const url = authorizeUrl(authorizeBase, clientId, loop.redirectUri, state);
          await vscode.env.openExternal(vscode.Uri.parse(url));
          const code = await loop.code;
          const tokens = await exchangeCode(baseUrl, { clientId, clientSecret: clientSecret! }, code, loop.redirectUri, fetch, abort.signal);
          await this.store(env, tokens);
          this.log.info(`Signed in to ${env} (scopes ${tokens.scope ?? 'unknown'}).`);
          return true;
        } finally {
          loop.close();
        }
      },
    );
  }
}
