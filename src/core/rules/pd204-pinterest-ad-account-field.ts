import { en, type Text } from '../report/l10n';
import { asArray, asString, type Json } from '../project/project';
import { compilePattern } from '../text/pattern';
import { adAccountFieldIndex } from './facts';
import { finding, type Rule } from './rule';

const SUGGESTED_PATTERN = '^[0-9]{1,18}$';

/** Pinterest ad account ids are strings of 1 to 18 digits (its OpenAPI: ^\d+$, maxLength 18). */
const MUST_ACCEPT = ['1', '549755885175', '123456789012345678'];
const MUST_REJECT = ['', 'abc', '12a4', '1234567890123456789', ' 549755885175', '549755885175 ', '-12'];

/**
 * Whether a customer data field's pattern takes exactly 1–18 digits, judged on the linear-time
 * engine every workspace pattern runs on. As Java's Matcher.matches(), the whole value must match.
 */
export function patternProblem(pattern: string): { message: Text; inner?: { offset: number; length: number } } | undefined {
  const compiled = compilePattern(pattern);
  if (!compiled.ok) {
    const { reason, offset, length } = compiled.refusal;
    return { message: en`\`pattern\` cannot be checked: ${reason}; use \`${SUGGESTED_PATTERN}\`.`, inner: { offset, length } };
  }
  const whole = (s: string) => compiled.pattern.matches(s) === true;
  const refused = MUST_ACCEPT.find((s) => !whole(s));
  if (refused) return { message: en`\`pattern\` rejects the valid ad account id \`${refused}\`; use \`${SUGGESTED_PATTERN}\`.` };
  const accepted = MUST_REJECT.find((s) => whole(s));
  if (accepted !== undefined) return { message: en`\`pattern\` accepts \`${JSON.stringify(accepted)}\`, which is not an ad account id; use \`${SUGGESTED_PATTERN}\`.` };
  return undefined;
}

export const pinterestAdAccountField: Rule = {
  code: 'PD204',
  title: 'The ad account id field takes only 1–18 digits',
  severity: 'error',
  kinds: ['destination'],
  pinterestOnly: true,
  check({ value }) {
    const fields = asArray(value.customerDataFields);
    const index = adAccountFieldIndex(value);
    if (index < 0) {
      return [finding(this, value.customerDataFields === undefined ? '' : '/customerDataFields', en`Add a customer data field for the Pinterest ad account id (e.g. \`adAccountId\`, type string, required, pattern \`^[0-9]{1,18}$\`): every request goes to that ad account.`, { data: { insertField: { name: 'adAccountId', title: 'Ad Account ID', type: 'string', isRequired: true, pattern: SUGGESTED_PATTERN } } })];
    }
    const field = fields[index] as Json;
    const base = `/customerDataFields/${index}`;
    const out = [];
    if (field.type !== 'string') {
      out.push(finding(this, `${base}/type`, en`Make the ad account id a \`string\`: ids have up to 18 digits, beyond the precision of JSON numbers in many clients, and Pinterest sends them as strings.`, { data: { replacement: 'string' } }));
    }
    if (field.isRequired !== true) {
      out.push(finding(this, base, en`Set \`isRequired: true\` on the ad account id: without it a connection has nowhere to send audiences.`, { severity: 'warning', data: { set: { pointer: `${base}/isRequired`, value: true } } }));
    }
    const pattern = asString(field.pattern);
    const problem = pattern === undefined ? { message: en`Add \`"pattern": "${SUGGESTED_PATTERN}"\` so users cannot enter anything but an ad account id (1 to 18 digits).` } : patternProblem(pattern);
    if (problem) out.push(finding(this, pattern === undefined ? base : `${base}/pattern`, problem.message, { inner: problem.inner, data: { set: { pointer: `${base}/pattern`, value: SUGGESTED_PATTERN } } }));
    return out;
  },
};
