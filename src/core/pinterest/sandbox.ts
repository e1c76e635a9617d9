/**
 * Pinterest's sandbox API (api-sandbox.pinterest.com) does not serve customer lists or audiences:
 * its OpenAPI marks those operations `x-sandbox: disabled`. So a sandbox test activation of this
 * destination cannot work, and the product neither offers nor accepts one.
 */
import { en, say } from '../report/l10n';
import { ACTIVATION_OPERATIONS } from './operations';

/** The operationIds of a test activation that the sandbox refuses. */
export const SANDBOX_REFUSED_OPERATIONS: readonly string[] = Object.entries(ACTIVATION_OPERATIONS)
  .filter(([, o]) => o.sandbox === 'disabled')
  .map(([id]) => id);

/** Why a sandbox run cannot work, in the spec's words. */
export const SANDBOX_FACT_TEXT = en`Pinterest's sandbox does not serve customer lists or audiences (its OpenAPI marks ${SANDBOX_REFUSED_OPERATIONS.join(', ')} \`x-sandbox: disabled\`)`;
export const SANDBOX_FACT = say(SANDBOX_FACT_TEXT);

/** Why, and what to do instead: one sentence for CLI refusals, findings and the extension. */
export const SANDBOX_REFUSAL_TEXT = en`${SANDBOX_FACT_TEXT}: use \`local\` (the simulator) or \`production\` with a test ad account.`;
export const SANDBOX_REFUSAL = say(SANDBOX_REFUSAL_TEXT);

/** The sandbox's address, named only so that it can be recognised and refused (PD206, the client). */
export const SANDBOX_API_BASE_URL = 'https://api-sandbox.pinterest.com/v5';
