import { SANDBOX_REFUSAL_TEXT } from '../pinterest/sandbox';
import { finding, type Rule } from './rule';

/**
 * A test activation cannot run on Pinterest's sandbox: every customer-list and audience operation
 * is `x-sandbox: disabled` in Pinterest's OpenAPI. Supersedes the schema's generic enum finding.
 */
export const pinterestSandboxEnvironment: Rule = {
  code: 'PD209',
  title: "A test activation's environment is not Pinterest's sandbox, which refuses customer lists and audiences",
  severity: 'error',
  kinds: ['activation'],
  pinterestOnly: true,
  check({ value }) {
    if (value.environment !== 'sandbox') return [];
    return [finding(this, '/environment', SANDBOX_REFUSAL_TEXT, { data: { replacement: 'local', candidates: ['production'] } })];
  },
};
