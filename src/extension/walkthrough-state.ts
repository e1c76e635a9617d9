/**
 * The walkthrough's context keys from plain state (no `vscode` here, so it is unit-tested). VS Code
 * completes a step on `onContext:` when the key becomes true, including when it already is when the
 * walkthrough opens; `onCommand:` alone misses what the user did before (or in an earlier session).
 */

/** Steps done once stay done: kept in the extension's global state under these names. */
export const DONE_STEPS = ['previewed', 'editedTemplate', 'sent'] as const;
export type DoneStep = (typeof DONE_STEPS)[number];

export const CONTEXT_KEYS = {
  projectOpen: 'pindest.projectOpen',
  previewed: 'pindest.hasPreviewed',
  editedTemplate: 'pindest.hasEditedTemplate',
  sent: 'pindest.hasSent',
} as const;

export const STORAGE_KEY = 'pindest.walkthrough.done';

/** What the stored value says is done (anything else stored there is ignored). */
export function doneSteps(stored: unknown): Set<DoneStep> {
  const list = Array.isArray(stored) ? stored : [];
  return new Set(DONE_STEPS.filter((s) => list.includes(s)));
}

/** Every walkthrough context key with its value now. */
export function walkthroughContexts(done: ReadonlySet<DoneStep>, projectOpen: boolean): Record<string, boolean> {
  return {
    [CONTEXT_KEYS.projectOpen]: projectOpen,
    [CONTEXT_KEYS.previewed]: done.has('previewed'),
    [CONTEXT_KEYS.editedTemplate]: done.has('editedTemplate'),
    [CONTEXT_KEYS.sent]: done.has('sent'),
  };
}
