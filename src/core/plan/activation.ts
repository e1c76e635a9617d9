/**
 * Reads an activation file and the files it names into what the planner needs: mappings with
 * their effective transformation, the audiences, the connection's customer data.
 */
import { SANDBOX_REFUSAL } from '../pinterest/sandbox';
import { asArray, asObject, asString, type Json, type Project, type ProjectFile } from '../project/project';
import { audienceTemplateRef, TRANSFORMATION } from '../rules/facts';
import type { ActivatedAudience, Mapping } from './types';

/** Not Pinterest's sandbox: it refuses every customer-list and audience operation (pinterest/sandbox.ts). */
export type Environment = 'local' | 'production';

export interface ResolvedActivation {
  file: ProjectFile;
  name: string;
  destination: Json;
  /** Path of the destination configuration file (for problems that point into it). */
  destinationPath: string;
  server: Json;
  audienceTemplate: Json | undefined;
  customerData: Record<string, unknown>;
  mappings: Mapping[];
  audiences: ActivatedAudience[];
  /** Absolute paths of the sample profiles. */
  profiles: string[];
  environment: Environment;
}

export class ActivationError extends Error {}

/**
 * A mapping without a target gets one of the source's name, as Platform fills it in ("If customers
 * select a source identity namespace and do not select a target mapping, Platform automatically
 * populates the target mapping with an attribute with the same name": Adobe's
 * identity-namespace-configuration page). PD304 says when that name is no declared target.
 */
export function defaultTarget(target: unknown, source: string): string {
  return typeof target === 'string' && target !== '' ? target : source;
}

function objectAt(project: Project, from: ProjectFile, rel: string | undefined, what: string): Json {
  return fileAt(project, from, rel, what).value;
}

function fileAt(project: Project, from: ProjectFile, rel: string | undefined, what: string): { value: Json; path: string } {
  if (!rel) throw new ActivationError(`The activation does not name its ${what} file (\`files\`).`);
  const file = project.file(project.resolveFrom(from, rel));
  const value = asObject(file?.doc.value);
  if (!file) throw new ActivationError(`The ${what} file \`${rel}\` is not in the project or does not exist.`);
  if (!value || file.doc.syntax.some((d) => d.severity === 'error')) throw new ActivationError(`The ${what} file \`${rel}\` is not valid JSON; run \`pindest validate\`.`);
  return { value, path: file.path };
}

export function resolveActivation(project: Project, file?: ProjectFile): ResolvedActivation {
  const activations = project.ofKind('activation');
  const activationFile = file ?? (activations.length === 1 ? activations[0] : undefined);
  if (!activationFile) throw new ActivationError(activations.length ? 'Several activation files: name the one to use.' : 'No activation file (activation.json) in the project.');
  const a = asObject(activationFile.doc.value);
  if (!a || activationFile.doc.syntax.some((d) => d.severity === 'error')) throw new ActivationError(`\`${activationFile.path}\` is not valid JSON; run \`pindest validate\`.`);
  if (a.environment === 'sandbox') throw new ActivationError(`The activation's \`environment\` is \`sandbox\`. ${SANDBOX_REFUSAL}`);

  const files = asObject(a.files);
  const { value: destination, path: destinationPath } = fileAt(project, activationFile, asString(files?.destination), 'destination');
  const server = objectAt(project, activationFile, asString(files?.destinationServer), 'destination server');
  const templateRel = asString(files?.audienceTemplate);
  let audienceTemplate: Json | undefined;
  if (templateRel) audienceTemplate = objectAt(project, activationFile, templateRel, 'audience template');
  else {
    const ref = audienceTemplateRef(destination);
    audienceTemplate = typeof ref?.id === 'string' ? asObject(project.audienceTemplateById(ref.id)?.doc.value) : undefined;
  }

  const targets = asObject(destination.identityNamespaces) ?? {};
  const mappings: Mapping[] = asArray(a.mappings).flatMap((m) => {
    const o = asObject(m);
    const source = asString(o?.source);
    if (!o || !source) return [];
    const target = defaultTarget(o.target, source);
    const def = asObject(targets[target]);
    const forced = asObject(asObject(def?.acceptedGlobalNamespaces)?.[source])?.requiredTransformation === TRANSFORMATION;
    return [{ source, target, applyTransformation: forced || o.applyTransformation === true, forced }];
  });

  const audiences: ActivatedAudience[] = asArray(a.audiences).flatMap((x) => {
    const o = asObject(x);
    const id = asString(o?.id);
    if (!o || !id) return [];
    return [{ id, namespace: asString(o.namespace) ?? 'ups', name: asString(o.name) ?? id, alias: asString(o.alias) }];
  });

  const profileList = typeof a.profiles === 'string' ? [a.profiles] : asArray(a.profiles).filter((p): p is string => typeof p === 'string');
  const connection = asObject(a.connection);
  const env = asString(a.environment);
  return {
    file: activationFile,
    name: asString(connection?.name) ?? 'activation',
    destination,
    destinationPath,
    server,
    audienceTemplate,
    customerData: asObject(connection?.customerData) ?? {},
    mappings,
    audiences,
    profiles: profileList.map((p) => project.resolveFrom(activationFile, p)),
    environment: env === 'production' ? env : 'local',
  };
}
