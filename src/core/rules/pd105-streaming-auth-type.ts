import { en } from '../report/l10n';
import { asArray, asObject, asString } from '../project/project';
import { listText } from '../text/suggest';
import { isStreaming } from './facts';
import { finding, type Rule } from './rule';

/** Streaming auth types: OAUTH2, BEARER and BASIC in Adobe's docs; OAUTH1 in Adobe's OpenAPI only. */
export const STREAMING_AUTH = ['OAUTH2', 'BEARER', 'BASIC', 'OAUTH1'] as const;
/** The file-based auth types of Adobe's customer authentication page (S3, Azure, SFTP, GCS). */
export const FILE_AUTH = ['S3', 'AZURE_CONNECTION_STRING', 'AZURE_SERVICE_PRINCIPAL', 'SFTP_WITH_PASSWORD', 'SFTP_WITH_SSH_KEY', 'GOOGLE_CLOUD_STORAGE'] as const;

const DOCUMENTED = STREAMING_AUTH.slice(0, 3);

/**
 * File-based auth types (S3, SFTP…) cannot authenticate an HTTP streaming destination. An empty
 * value is said to be empty; any other unknown value is left to the schema's enum finding (PD012),
 * which has the "did you mean".
 */
export const streamingAuthType: Rule = {
  code: 'PD105',
  title: 'Streaming destinations authenticate with OAUTH2, BEARER or BASIC',
  severity: 'error',
  kinds: ['destination'],
  check({ value, project }) {
    if (!isStreaming(value, project)) return [];
    return asArray(value.customerAuthenticationConfigurations).flatMap((c, i) => {
      const type = asString(asObject(c)?.authType);
      const pointer = `/customerAuthenticationConfigurations/${i}/authType`;
      const data = { candidates: [...DOCUMENTED] };
      if (type === undefined) return [];
      if (type.trim() === '') return [finding(this, pointer, en`\`authType\` is empty; a streaming destination authenticates with ${listText(DOCUMENTED)}.`, { data })];
      if (!(FILE_AUTH as readonly string[]).includes(type.toUpperCase())) return [];
      return [finding(this, pointer, en`\`${type}\` is a file-based authentication type; a streaming destination uses ${listText(DOCUMENTED)}.`, { data })];
    });
  },
};
