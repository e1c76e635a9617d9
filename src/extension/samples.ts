/**
 * "Generate Sample Profiles…" and "Show Sample Template": thin wrappers over the core
 * (core/profiles/generate.ts, core/plan/sample-template.ts), the same as `pindest profiles
 * generate` and `pindest template sample`.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { once } from 'node:events';
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import { resolveActivation } from '../core/plan/activation';
import { sampleTemplate } from '../core/plan/sample-template';
import { defaultSampleCount, generateSampleProfiles, sampleProfileSpec, sampleProfileText } from '../core/profiles';
import { asObject } from '../core/project/project';
import type { Log } from './log';
import { currentActivationPath, currentProjectFolder, loadEditorProject } from './project';
import { freshSampleFile, parseCount } from './sample-file';
import { refuseUntrusted } from './trust';

/** Writes sample profiles next to the activation and opens them; the file's path, or undefined. */
export async function generateSampleProfilesCommand(log: Log, count?: number): Promise<string | undefined> {
  if (refuseUntrusted(vscode.l10n.t('Generating sample profiles writes a file: trust this folder first (Manage Workspace Trust).'))) return undefined;
  const activationPath = await currentActivationPath();
  if (!activationPath) return undefined;
  const project = await loadEditorProject(dirname(activationPath));
  let spec;
  let suggested;
  try {
    const activation = resolveActivation(project, project.file(activationPath));
    spec = sampleProfileSpec(activation.destination, activation.mappings, activation.audiences);
    suggested = defaultSampleCount(activation.destination);
  } catch (e) {
    void vscode.window.showErrorMessage((e as Error).message);
    return undefined;
  }
  if (count === undefined) {
    const typed = await vscode.window.showInputBox({
      title: vscode.l10n.t('Generate Sample Profiles'),
      prompt: vscode.l10n.t('How many profiles? Adobe\'s sample-profiles endpoint gives 1 to 1000 (by default the destination\'s maxUsersPerRequest, else 1); a local file can hold more.'),
      value: String(suggested),
      validateInput: (text) => (parseCount(text) === undefined ? vscode.l10n.t('Type a whole number of profiles, 1 or more.') : undefined),
    });
    if (typed === undefined) return undefined;
    count = parseCount(typed)!;
  }
  // A new seed each time; the message gives it, so the CLI can write the same file again.
  const seed = Math.floor(Math.random() * 0x7fffffff);
  const path = freshSampleFile(dirname(activationPath), existsSync);
  const n = count;
  const written = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Generating {0} sample profiles', n), cancellable: true },
    async (progress, token) => {
      const stream = createWriteStream(path, { encoding: 'utf8' });
      let failure: unknown;
      stream.on('error', (e) => (failure ??= e));
      let done = 0;
      const profiles = (function* () {
        for (const p of generateSampleProfiles(spec, { count: n, seed })) {
          done++;
          yield p;
        }
      })();
      let reported = 0;
      try {
        for (const block of sampleProfileText(profiles, 'jsonl')) {
          if (token.isCancellationRequested || failure) break;
          if (!stream.write(block)) await once(stream, 'drain');
          progress.report({ increment: ((done - reported) / n) * 100 });
          reported = done;
        }
      } finally {
        // Closed whatever happened (a generator error, a failed write), so no handle stays open.
        stream.end();
        await once(stream, 'close').catch(() => undefined);
      }
      if (failure) throw failure;
      return !token.isCancellationRequested;
    },
  );
  const name = vscode.workspace.asRelativePath(path);
  if (!written) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Generation cancelled; {0} holds the profiles written so far.', name));
    return path;
  }
  log.info(`Wrote ${n} sample profiles (seed ${seed}) to ${name}.`);
  await vscode.window.showTextDocument(vscode.Uri.file(path), { preview: false });
  void vscode.window.showInformationMessage(vscode.l10n.t('Wrote {0} sample profiles to {1} (seed {2}; the same as pindest profiles generate --seed {2}). Name the file in the activation\'s "profiles" to preview or send them.', n, basename(path), seed));
  return path;
}

/** Opens the sample template of the current project's destination in an untitled Pebble document. */
export async function showSampleTemplateCommand(): Promise<vscode.TextDocument | undefined> {
  const where = await currentProjectFolder();
  const project = where && (await loadEditorProject(where.folder));
  const destinations = project?.ofKind('destination') ?? [];
  let file = destinations.length === 1 ? destinations[0] : undefined;
  if (destinations.length > 1) {
    const pick = await vscode.window.showQuickPick(destinations.map((d) => ({ label: vscode.workspace.asRelativePath(d.path), file: d })), { title: vscode.l10n.t('Destination configuration of the sample template') });
    file = pick?.file;
    if (!file) return undefined;
  }
  const destination = asObject(file?.doc.value);
  if (!destination) {
    void vscode.window.showWarningMessage(vscode.l10n.t('No destination configuration (destination.json) here: open a destination project first.'));
    return undefined;
  }
  const sample = sampleTemplate(destination);
  const doc = await vscode.workspace.openTextDocument({ language: 'pebble', content: sample.template });
  await vscode.window.showTextDocument(doc, { preview: false });
  const copy = vscode.l10n.t('Copy as JSON String');
  const why = sample.singleProfile
    ? vscode.l10n.t('Adobe\'s sample template for a single profile (input.profile): the destination sends one profile per call (best effort aggregation, maxUsersPerRequest 1).')
    : vscode.l10n.t('Adobe\'s sample template for multiple profiles (input.profiles): the destination sends up to {0} profiles per call.', sample.profilesPerCall);
  void vscode.window.showInformationMessage(why, copy).then(async (pick) => {
    if (pick === copy) await vscode.env.clipboard.writeText(JSON.stringify(sample.template));
  });
  return doc;
}
