import { en } from '../report/l10n';
import { asObject, asString } from '../project/project';
import { isStreaming } from './facts';
import { finding, type Rule } from './rule';

/** A streaming destination must say so: `uiAttributes.frequency` is exactly `Streaming`. */
export const streamingFrequency: Rule = {
  code: 'PD101',
  title: 'Streaming destinations set uiAttributes.frequency to Streaming',
  severity: 'error',
  kinds: ['destination'],
  check({ value, project }) {
    const ui = asObject(value.uiAttributes);
    const frequency = asString(ui?.frequency);
    if (frequency?.toLowerCase() === 'batch' && value.aggregation !== undefined) {
      return [finding(this, '/uiAttributes/frequency', en`This destination aggregates like a streaming destination but \`frequency\` is \`Batch\`; set it to \`Streaming\`.`, { data: { replacement: 'Streaming' } })];
    }
    if (!isStreaming(value, project) || frequency !== undefined) return [];
    return [finding(this, ui ? '/uiAttributes/frequency' : '/uiAttributes', en`A streaming destination must set \`uiAttributes.frequency\` to \`Streaming\`, or AEP shows it as a file-based destination.`, { data: { insert: { frequency: 'Streaming' } } })];
  },
};
