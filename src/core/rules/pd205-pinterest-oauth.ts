import { en, type Arg } from '../report/l10n';
import { asArray, asObject, asString, type Json } from '../project/project';
import { suggest } from '../text/suggest';
import { PINTEREST_SCOPES, REQUIRED_SCOPES } from '../pinterest/scopes';
import { PINTEREST } from './facts';
import { FILE_AUTH, STREAMING_AUTH } from './pd105-streaming-auth-type';
import { finding, type Rule } from './rule';

/**
 * Users sign in to Pinterest with OAuth2 authorization code against Pinterest's own endpoints,
 * with the scopes a test activation's operations need (REQUIRED_SCOPES); extra scopes are fine.
 */
const KNOWN_AUTH = new Set<string>([...STREAMING_AUTH, ...FILE_AUTH]);

const both = (scopes: readonly string[]) => scopes.slice(1).reduce<Arg>((all, s) => en`${all} and ${`\`${s}\``}`, `\`${scopes[0]}\``);

export const pinterestOAuth: Rule = {
  code: 'PD205',
  title: "OAuth2 uses Pinterest's authorization and token URLs and the needed scopes",
  severity: 'error',
  kinds: ['destination'],
  pinterestOnly: true,
  check({ value }) {
    const configs = asArray(value.customerAuthenticationConfigurations);
    const index = configs.findIndex((c) => asObject(c)?.authType === 'OAUTH2');
    if (index < 0) {
      // An empty or misspelt authType (`OAuth2`, `OAUTH3`) is already reported, by PD105 or the
      // schema with its did-you-mean: one mistake, one finding.
      if (configs.some((c) => { const t = asString(asObject(c)?.authType); return t !== undefined && !KNOWN_AUTH.has(t); })) return [];
      return [finding(this, value.customerAuthenticationConfigurations === undefined ? '' : '/customerAuthenticationConfigurations', en`Pinterest users sign in with OAuth: add a customer authentication configuration with \`authType\` \`OAUTH2\` and \`grant\` \`OAUTH2_AUTHORIZATION_CODE\`.`)];
    }
    const c = configs[index] as Json;
    const base = `/customerAuthenticationConfigurations/${index}`;
    const out = [];
    if (c.grant !== undefined && c.grant !== 'OAUTH2_AUTHORIZATION_CODE') {
      out.push(finding(this, `${base}/grant`, en`Pinterest users sign in interactively: use \`OAUTH2_AUTHORIZATION_CODE\`, not \`${String(c.grant)}\`.`, { data: { replacement: 'OAUTH2_AUTHORIZATION_CODE' } }));
    }
    const urls: [string, string][] = [['authorizationUrl', PINTEREST.authorizationUrl], ['accessTokenUrl', PINTEREST.tokenUrl], ['refreshTokenUrl', PINTEREST.tokenUrl]];
    for (const [key, expected] of urls) {
      const actual = asString(c[key]);
      if (actual === undefined || actual === expected) continue;
      out.push(finding(this, `${base}/${key}`, en`Pinterest's ${key === 'authorizationUrl' ? en`authorization` : en`token`} URL is \`${expected}\`, not \`${actual}\`.`, { data: { replacement: expected } }));
    }
    if (c.refreshTokenUrl === undefined) {
      out.push(finding(this, base, en`Add \`"refreshTokenUrl": "${PINTEREST.tokenUrl}"\`: without it AEP does not refresh expired Pinterest tokens and exports stop.`, { severity: 'warning', data: { set: { pointer: `${base}/refreshTokenUrl`, value: PINTEREST.tokenUrl } } }));
    }
    const scopeKey = c.scope !== undefined ? 'scope' : c.scopes !== undefined ? 'scopes' : undefined;
    const scopes = asArray(scopeKey ? c[scopeKey] : undefined).filter((s): s is string => typeof s === 'string');
    const known = PINTEREST_SCOPES;
    scopes.forEach((s, i) => {
      if (known.includes(s)) return;
      const hint = suggest(s, known);
      out.push(finding(this, `${base}/${scopeKey}/${i}`, en`\`${s}\` is not a Pinterest scope${hint ? en`; did you mean \`${hint}\`?` : '.'}`, { severity: 'warning', data: hint ? { replacement: hint } : undefined }));
    });
    const missing = REQUIRED_SCOPES.filter((s) => !scopes.includes(s));
    if (missing.length) {
      out.push(finding(this, scopeKey ? `${base}/${scopeKey}` : base, missing.length > 1 ? en`Request the scopes ${both(missing)}: Pinterest's OpenAPI asks for ${both(REQUIRED_SCOPES)} to read ad accounts and to read and write customer lists.` : en`Request the scope ${both(missing)}: Pinterest's OpenAPI asks for ${both(REQUIRED_SCOPES)} to read ad accounts and to read and write customer lists.`, { data: { addScopes: missing } }));
    }
    return out;
  },
};
