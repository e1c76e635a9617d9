import { en } from '../report/l10n';
import { asArray, asObject } from '../project/project';
import { finding, type Rule } from './rule';

const MESSAGE =
  en`Pinterest's token endpoint takes the app id and secret only as HTTP Basic: set \`"options": {"useBasicAuth": true}\`, or AEP sends them in the request body and Pinterest refuses the token exchange.`;

/**
 * Pinterest's `POST /oauth/token` authenticates the client with HTTP Basic only (its `basic`
 * security); AEP sends the client id and secret that way only when `options.useBasicAuth` is true
 * (Adobe's "OAuth 2 authorization" page), and in the form body otherwise.
 */
export const pinterestOAuthBasicAuth: Rule = {
  code: 'PD208',
  title: 'OAuth2 sends the client credentials as HTTP Basic (`options.useBasicAuth: true`), as Pinterest requires',
  severity: 'error',
  kinds: ['destination'],
  pinterestOnly: true,
  check({ value }) {
    return asArray(value.customerAuthenticationConfigurations).flatMap((c, i) => {
      const config = asObject(c);
      if (config?.authType !== 'OAUTH2') return [];
      const base = `/customerAuthenticationConfigurations/${i}`;
      const options = asObject(config.options);
      if (options?.useBasicAuth === true) return [];
      if (options && options.useBasicAuth !== undefined) {
        return [finding(this, `${base}/options/useBasicAuth`, MESSAGE, { data: { replacement: true } })];
      }
      if (options) return [finding(this, `${base}/options`, MESSAGE, { data: { set: { pointer: `${base}/options/useBasicAuth`, value: true } } })];
      const pointer = config.options === undefined ? base : `${base}/options`;
      return [finding(this, pointer, MESSAGE, { data: { set: { pointer: `${base}/options`, value: { useBasicAuth: true } } } })];
    });
  },
};
