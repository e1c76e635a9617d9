import { SANDBOX_FACT } from '../pinterest/sandbox';
import { asObject, asString } from '../project/project';
import { finding, type Rule } from './rule';

const V5 = /^https:\/\/api\.pinterest\.com\/v5\//;
const SANDBOX = /^https:\/\/api-sandbox\.pinterest\.com\//i;

/** Since November 2023 the destination runs on Pinterest's v5 API; v3/v4 are retired. */
export const pinterestServerUrl: Rule = {
  code: 'PD206',
  title: "The server URL is on Pinterest's v5 API over HTTPS",
  severity: 'error',
  kinds: ['destination-server'],
  pinterestOnly: true,
  check({ value }) {
    const url = asString(asObject(asObject(value.urlBasedDestination)?.url)?.value);
    if (url === undefined || V5.test(url) || !/pinterest\.com/i.test(url)) return [];
    const pointer = '/urlBasedDestination/url/value';
    if (SANDBOX.test(url)) return [finding(this, pointer, `The server URL is Pinterest's sandbox API, and ${SANDBOX_FACT}: call \`https://api.pinterest.com/v5/…\`.`, { data: { replacement: url.replace(SANDBOX, 'https://api.pinterest.com/') } })];
    if (/^http:/i.test(url)) return [finding(this, pointer, "Pinterest's API is served over HTTPS only; use `https://api.pinterest.com/v5/…`.")];
    const version = /\/v(\d+)\//.exec(url)?.[1];
    if (version && version !== '5') return [finding(this, pointer, `Pinterest retired API v${version}; this destination must call \`https://api.pinterest.com/v5/…\`.`)];
    return [finding(this, pointer, "The server URL must start with `https://api.pinterest.com/v5/`.")];
  },
};
