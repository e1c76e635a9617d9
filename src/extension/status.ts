/**
 * One language status item on destination files: the file's kind, the environment a test
 * activation would use, the ad account of the activation, and the validation state.
 */
import { dirname } from 'node:path';
import * as vscode from 'vscode';
import type { FileKind } from '../core/project/kinds';
import { activationSummary } from '../core/rules/facts';
import type { Client } from './client';
import { documentSelector } from './client';
import { activationFor, editorProject, kindOfDocument } from './project';
import { environmentFor, type EnvironmentSetting } from './settings';

const KIND_LABEL: Record<FileKind, string> = {
  destination: 'Destination configuration',
  'destination-server': 'Destination server',
  'audience-template': 'Audience template',
  activation: 'Test activation',
};

export interface ActivationInfo {
  environment?: string;
  adAccountId?: string;
}

/**
 * The environment and ad account of the activation next to `path` (open editor text first). The
 * editor project loader parses a file again only when its text changed (open documents by version,
 * files on disk by size and modification time), so calling this on every diagnostics change is cheap.
 * `relist` lists the folder again (after a save or a change of editor, when files may have appeared).
 */
export function activationInfo(path: string, relist = true): ActivationInfo {
  const project = editorProject(dirname(path), relist);
  const activation = activationFor(project, path);
  return activation ? activationSummary(project, activation) : {};
}

export class Status implements vscode.Disposable {
  private item: vscode.LanguageStatusItem;
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly client: Client) {
    this.item = this.create();
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update(false)),
      vscode.workspace.onDidSaveTextDocument(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('pindest.files.globs')) {
          this.item.dispose();
          this.item = this.create();
        }
        if (e.affectsConfiguration('pindest')) this.update();
      }),
      client.onDidChangeState(() => this.update()),
    );
    this.update();
  }

  private create(): vscode.LanguageStatusItem {
    const item = vscode.languages.createLanguageStatusItem('pindest.status', documentSelector());
    item.name = 'Pinterest Destination';
    item.command = { command: 'pindest.selectEnvironment', title: vscode.l10n.t('Select Environment') };
    return item;
  }

  update(relist = true): void {
    const doc = vscode.window.activeTextEditor?.document;
    const kind = doc && kindOfDocument(doc);
    if (!doc || !kind) return;
    const info = activationInfo(doc.uri.fsPath, relist);
    const env = environmentFor(vscode.workspace.getConfiguration('pindest', doc.uri).get<EnvironmentSetting>('environment', 'activation'), info.environment);
    const ours = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'pindest');
    const errors = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = ours.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const state = this.client.state;
    const validation =
      state === 'starting' ? vscode.l10n.t('starting checks…') : state === 'failed' ? vscode.l10n.t('checks stopped (see log)') : errors + warnings === 0 ? vscode.l10n.t('no problems') : vscode.l10n.t('{0} errors, {1} warnings', errors, warnings);
    this.item.text = `${errors ? '$(error)' : warnings ? '$(warning)' : '$(check)'} ${KIND_LABEL[kind]} · ${env}`;
    this.item.detail = `${info.adAccountId ? vscode.l10n.t('ad account {0}', info.adAccountId) : vscode.l10n.t('no ad account')} · ${validation}`;
    this.item.busy = state === 'starting';
    this.item.severity = state === 'failed' || errors ? vscode.LanguageStatusSeverity.Error : warnings ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subs) s.dispose();
  }
}
