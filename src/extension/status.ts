/**
 * One language status item on destination files: the file's kind, the environment a test
 * activation would use, the ad account of the activation, and the validation state.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as vscode from 'vscode';
import { kindFromName, type FileKind } from '../core/project/kinds';
import type { Client } from './client';
import { documentSelector } from './client';
import { kindOfDocument } from './project';
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

/** Reads the environment and ad account of the activation next to `path` (open editor text first). */
export function activationInfo(path: string): ActivationInfo {
  const folder = dirname(path);
  const candidates = [path, ...safeList(folder).map((n) => join(folder, n))].filter((p) => kindFromName(p) === 'activation');
  for (const p of candidates) {
    const open = vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'file' && d.uri.fsPath === p);
    try {
      const a = JSON.parse(open ? open.getText() : readFileSync(p, 'utf8')) as { environment?: unknown; connection?: { customerData?: { adAccountId?: unknown } } };
      const id = a.connection?.customerData?.adAccountId;
      return { environment: typeof a.environment === 'string' ? a.environment : undefined, adAccountId: typeof id === 'string' || typeof id === 'number' ? String(id) : undefined };
    } catch {
      /* try the next */
    }
  }
  return {};
}

function safeList(folder: string): string[] {
  try {
    return readdirSync(folder).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
}

export class Status implements vscode.Disposable {
  private item: vscode.LanguageStatusItem;
  private readonly subs: vscode.Disposable[] = [];

  constructor(private readonly client: Client) {
    this.item = this.create();
    this.subs.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
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

  update(): void {
    const doc = vscode.window.activeTextEditor?.document;
    const kind = doc && kindOfDocument(doc);
    if (!doc || !kind) return;
    const info = activationInfo(doc.uri.fsPath);
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
