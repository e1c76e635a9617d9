/**
 * The server's settings, from `initializationOptions` at start and `workspace/didChangeConfiguration`
 * later. Only what the server itself decides lives here; unknown keys are ignored, bad values fall
 * back to defaults (a typo in settings.json must never stop diagnostics).
 */
export interface ServerSettings {
  /** Milliseconds between the last keystroke and validation (`pindest.validation.delay`). */
  validationDelay: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { validationDelay: 200 };
const MAX_DELAY = 10_000;

function pick(source: unknown, path: string[]): unknown {
  let v: unknown = source;
  for (const k of path) {
    if (!v || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[k];
  }
  return v;
}

/** Accepts `{pindest:{validation:{delay}}}`, `{settings:{pindest:…}}` and `{'pindest.validation.delay': n}`. */
export function readSettings(source: unknown, base: ServerSettings = DEFAULT_SETTINGS): ServerSettings {
  const candidates = [
    pick(source, ['pindest', 'validation', 'delay']),
    pick(source, ['settings', 'pindest', 'validation', 'delay']),
    pick(source, ['pindest.validation.delay']),
    pick(source, ['validation', 'delay']),
  ];
  const delay = candidates.find((c) => typeof c === 'number' && Number.isFinite(c) && c >= 0);
  return { ...base, validationDelay: typeof delay === 'number' ? Math.min(delay, MAX_DELAY) : base.validationDelay };
}
