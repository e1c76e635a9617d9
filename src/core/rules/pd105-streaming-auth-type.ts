import { asArray, asObject, asString } from '../project/project';
import { listOf } from '../text/suggest';
import { isStreaming } from './facts';
import { finding, type Rule } from './rule';

const STREAMING_AUTH = ['OAUTH2', 'BEARER', 'BASIC', 'OAUTH1'];

/** File-based auth types (S3, SFTP…) cannot authenticate an HTTP streaming destination. */
export const streamingAuthType: Rule = {
  code: 'PD105',
  title: 'Streaming destinations authenticate with OAUTH2, BEARER or BASIC',
  severity: 'error',
  kinds: ['destination'],
  check({ value, project }) {
    if (!isStreaming(value, project)) return [];
    return asArray(value.customerAuthenticationConfigurations).flatMap((c, i) => {
      const type = asString(asObject(c)?.authType);
      if (type === undefined || STREAMING_AUTH.includes(type) || STREAMING_AUTH.includes(type.toUpperCase())) return [];
      return [finding(this, `/customerAuthenticationConfigurations/${i}/authType`, `\`${type}\` is a file-based authentication type; a streaming destination uses ${listOf(STREAMING_AUTH.slice(0, 3))}.`)];
    });
  },
};
