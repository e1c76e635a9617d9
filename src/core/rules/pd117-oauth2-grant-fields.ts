import { en } from '../report/l10n';
import { asArray, asObject, asString } from '../project/project';
import { listText } from '../text/suggest';
import { finding, type Rule } from './rule';

/** What each OAuth2 grant needs, per Adobe's OAuth2 page (username/password are asked from the user). */
const REQUIRED: Record<string, string[]> = {
  OAUTH2_AUTHORIZATION_CODE: ['clientId', 'clientSecret', 'authorizationUrl', 'accessTokenUrl'],
  OAUTH2_PASSWORD: ['clientId', 'clientSecret', 'accessTokenUrl'],
  OAUTH2_CLIENT_CREDENTIALS: ['clientId', 'clientSecret', 'accessTokenUrl'],
};

/** A field can also come from the customer, through authenticationDataFields. */
function suppliedByDataField(config: Record<string, unknown>, field: string): boolean {
  return asArray(config.authenticationDataFields).some((f) => asObject(f)?.name === field);
}

export const oauth2GrantFields: Rule = {
  code: 'PD117',
  title: 'OAuth2 configurations have every field their grant needs',
  severity: 'error',
  kinds: ['destination'],
  check({ value }) {
    return asArray(value.customerAuthenticationConfigurations).flatMap((c, i) => {
      const config = asObject(c);
      if (!config || config.authType !== 'OAUTH2') return [];
      const pointer = `/customerAuthenticationConfigurations/${i}`;
      const grant = asString(config.grant);
      if (grant === undefined) {
        return [finding(this, pointer, en`This OAuth2 configuration has no \`grant\`: use \`OAUTH2_AUTHORIZATION_CODE\`, \`OAUTH2_PASSWORD\` or \`OAUTH2_CLIENT_CREDENTIALS\`.`)];
      }
      const missing = (REQUIRED[grant] ?? []).filter((k) => typeof config[k] !== 'string' && !suppliedByDataField(config, k));
      if (missing.length === 0) return [];
      return [finding(this, `${pointer}/grant`, missing.length === 1 ? en`The \`${grant}\` grant needs ${listText(missing)}, which is missing.` : en`The \`${grant}\` grant needs ${listText(missing)}, which are missing.`, { data: { missing } })];
    });
  },
};
