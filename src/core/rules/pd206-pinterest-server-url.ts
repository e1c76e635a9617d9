import { en } from '../report/l10n';
import { SANDBOX_API_BASE_URL, SANDBOX_FACT_TEXT } from '../pinterest/sandbox';
import { PINTEREST_API_BASE_URL } from '../pinterest/urls';
import { asObject, asString } from '../project/project';
import { finding, type Rule } from './rule';

const SANDBOX_ORIGIN = `${new URL(SANDBOX_API_BASE_URL).origin}/`;
const PRODUCTION_ORIGIN = `${new URL(PINTEREST_API_BASE_URL).origin}/`;

/** Since November 2023 the destination runs on Pinterest's v5 API; v3/v4 are retired. */
export const pinterestServerUrl: Rule = {
  code: 'PD206',
  title: "The server URL is on Pinterest's v5 API over HTTPS",
  severity: 'error',
  kinds: ['destination-server'],
  pinterestOnly: true,
  check({ value }) {
    const url = asString(asObject(asObject(value.urlBasedDestination)?.url)?.value);
    if (url === undefined || url.startsWith(`${PINTEREST_API_BASE_URL}/`) || !/pinterest\.com/i.test(url)) return [];
    const pointer = '/urlBasedDestination/url/value';
    if (url.toLowerCase().startsWith(SANDBOX_ORIGIN)) return [finding(this, pointer, en`The server URL is Pinterest's sandbox API, and ${SANDBOX_FACT_TEXT}: call \`${PINTEREST_API_BASE_URL}/…\`.`, { data: { replacement: PRODUCTION_ORIGIN + url.slice(SANDBOX_ORIGIN.length) } })];
    if (/^http:/i.test(url)) return [finding(this, pointer, en`Pinterest's API is served over HTTPS only; use \`${PINTEREST_API_BASE_URL}/…\`.`)];
    const version = /\/v(\d+)\//.exec(url)?.[1];
    if (version && version !== '5') return [finding(this, pointer, en`Pinterest retired API v${version}; this destination must call \`${PINTEREST_API_BASE_URL}/…\`.`)];
    return [finding(this, pointer, en`The server URL must start with \`${PINTEREST_API_BASE_URL}/\`.`)];
  },
};
