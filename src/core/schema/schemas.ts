/**
 * The four JSON Schemas, compiled once per process with ajv. The same compiled validators serve
 * the CLI, the language server and the tests.
 */
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import activation from '../../../schemas/activation.schema.json' with { type: 'json' };
import audienceTemplate from '../../../schemas/audience-template.schema.json' with { type: 'json' };
import destination from '../../../schemas/destination.schema.json' with { type: 'json' };
import destinationServer from '../../../schemas/destination-server.schema.json' with { type: 'json' };
import type { FileKind } from '../project/kinds';

export type JsonSchema = Record<string, unknown>;

export const SCHEMAS: Record<FileKind, JsonSchema> = {
  destination: destination as JsonSchema,
  'destination-server': destinationServer as JsonSchema,
  'audience-template': audienceTemplate as JsonSchema,
  activation: activation as JsonSchema,
};

/** Editor-only keywords the schemas carry for hovers and completion. */
export const ANNOTATION_KEYWORDS = [
  'markdownDescription',
  'defaultSnippets',
  'deprecationMessage',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'errorMessage',
];

let ajv: Ajv | undefined;
const compiled = new Map<FileKind, ValidateFunction>();

export function createAjv(): Ajv {
  const instance = new Ajv({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  for (const k of ANNOTATION_KEYWORDS) instance.addKeyword(k);
  addFormats(instance);
  return instance;
}

export function validatorFor(kind: FileKind): ValidateFunction {
  let v = compiled.get(kind);
  if (!v) {
    ajv ??= createAjv();
    v = ajv.compile(SCHEMAS[kind]);
    compiled.set(kind, v);
  }
  return v;
}
