/**
 * The words and documents of "Deploy to AEP": the two sides of each diff (what AEP holds, what
 * would be sent), the confirmation that lists what is created, updated and left alone, and the
 * refusal that names the files with errors. Pure: no `vscode`, unit-tested in plain Node. The
 * shapes follow the core's deploy report (src/core/aep/deploy.ts); aep-core.ts maps it here.
 */

export type ResourceKind = 'destination-server' | 'audience-template' | 'destination';

/** Dependency order: the server and the audience template first, then the destination naming them. */
export const KIND_ORDER: ResourceKind[] = ['destination-server', 'audience-template', 'destination'];

export const KIND_LABEL: Record<ResourceKind, string> = {
  'destination-server': 'destination server',
  'audience-template': 'audience template',
  destination: 'destination',
};

export type PlannedAction = 'create' | 'update' | 'unchanged' | 'conflict';
export type DoneAction = 'created' | 'updated' | 'unchanged' | 'conflict' | 'failed' | 'not sent';

/** One resource of the plan: what AEP holds (absent for a create) and what would be sent. */
export interface PlanItem {
  kind: ResourceKind;
  name: string;
  /** The project file, relative to the project folder. */
  file: string;
  /** AEP's instanceId when the resource exists there. */
  instanceId?: string;
  action: PlannedAction;
  /** AEP's copy as the diff's left side (text as the core compares it); absent for a create. */
  aep?: string;
  /** What would be sent, the diff's right side. */
  local?: string;
  /** Why a conflict. */
  message?: string;
}

export interface DeployCall {
  method: string;
  path: string;
  /** null: no answer came. */
  status: number | null;
}

export interface DeployResource {
  kind: ResourceKind;
  name: string;
  file?: string;
  instanceId?: string;
  action: DoneAction | PlannedAction;
  message?: string;
}

export type DeployOutcome = 'succeeded' | 'failed' | 'cancelled' | 'conflict' | 'refused';

export interface DeployResultView {
  outcome: DeployOutcome;
  environment: string;
  baseUrl: string;
  sandbox: string;
  resources: DeployResource[];
  calls: DeployCall[];
  /** The core's message (with what exists in AEP now) and what to do, when it did not succeed. */
  failure?: { message: string; whatToDo: string };
  /** ISO time the deploy finished. */
  at: string;
}

/** The plan, as the core gives it before anything is written. */
export interface DeployPlanView {
  /** `ready`: something to do, nothing in the way; `conflict`: AEP changed since the last deploy or pull. */
  outcome: 'ready' | 'conflict' | 'refused' | 'failed';
  items: PlanItem[];
  failure?: { message: string; whatToDo: string };
}

/** A diff side's text; empty when AEP has nothing; always ending with a newline. */
export function sideText(text: string | undefined): string {
  if (!text) return '';
  return text.endsWith('\n') ? text : `${text}\n`;
}

export function sortByKind<T extends { kind: ResourceKind }>(items: T[]): T[] {
  return [...items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind));
}

/** The items a diff is shown for: those the deploy would change (and conflicts), in dependency order. */
export function changedItems(plan: PlanItem[]): PlanItem[] {
  return sortByKind(plan.filter((i) => i.action !== 'unchanged'));
}

/** The path part of a diff side's URI: `/<side>/<kind>/<file name>` (the tab shows the file name). */
export function sidePath(side: 'aep' | 'local', item: Pick<PlanItem, 'kind' | 'file'>): string {
  const name = item.file.split(/[\\/]/).pop() || `${item.kind}.json`;
  return `/${side}/${item.kind}/${name}`;
}

export function counts<T extends { action?: string }>(items: T[], actions: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of actions) out[a] = items.filter((i) => i.action === a).length;
  return out;
}

function itemLine(i: { kind: ResourceKind; name: string; instanceId?: string; file?: string }): string {
  return `${KIND_LABEL[i.kind]} "${i.name}"${i.file ? ` (${i.file})` : ''}${i.instanceId ? `, ${i.instanceId}` : ''}`;
}

export interface ConfirmLabels {
  to: string;
  created: string;
  updated: string;
  unchanged: string;
  none: string;
}

export const ENGLISH_CONFIRM: ConfirmLabels = { to: 'To', created: 'Created', updated: 'Updated', unchanged: 'Unchanged', none: 'none' };

/** The modal's detail: where, then each group on its own lines, in dependency order. */
export function confirmDetail(plan: PlanItem[], where: string, l: ConfirmLabels = ENGLISH_CONFIRM): string {
  const sorted = sortByKind(plan);
  const group = (action: PlannedAction, title: string) => {
    const items = sorted.filter((i) => i.action === action);
    return items.length ? [`${title} (${items.length}):`, ...items.map((i) => `  • ${itemLine(i)}`)] : [`${title}: ${l.none}`];
  };
  return [`${l.to} ${where}.`, '', ...group('create', l.created), ...group('update', l.updated), ...group('unchanged', l.unchanged)].join('\n');
}

/** The files whose validation errors refuse a deploy: each with its count and first error. */
export function refusalFiles(errors: { file: string; count: number; first: string }[]): string {
  return errors.map((e) => `${e.file} (${e.count} error${e.count === 1 ? '' : 's'}; ${e.first})`).join('; ');
}

/** Validation errors by file, as the refusal names them (input: the core's findings). */
export function errorsByFile(findings: { file: string; code: string; message: string }[]): { file: string; count: number; first: string }[] {
  const out = new Map<string, { file: string; count: number; first: string }>();
  for (const f of findings) {
    const e = out.get(f.file);
    if (e) e.count++;
    else out.set(f.file, { file: f.file, count: 1, first: `${f.code} ${f.message}` });
  }
  return [...out.values()];
}
