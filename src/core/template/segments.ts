/**
 * Adobe's audience helpers (`added`/`removed` filters, `addedSegments`/`removedSegments`/
 * `hasSegments` functions). They accept either the whole `segmentMembership` map
 * (namespace -> audience id -> {status}) or one namespace of it (audience id -> {status}), which is
 * what Adobe's own sample templates pass (`profile.segmentMembership.ups | added`).
 */
import { en, type Arg } from '../report/l10n';
import { ValueError } from './errors';
import { aTypeNamed, isMap, MapEntry, newMap, type PebbleMap } from './values';

/** Adobe's message-format page: `addedSegments` "returns only the audiences that have status `realized`". */
export const ADDED: ReadonlySet<string> = new Set(['realized']);
export const REMOVED: ReadonlySet<string> = new Set(['exited']);

function isMembership(v: unknown): v is PebbleMap {
  return isMap(v) && typeof v['status'] === 'string';
}

function checkMap(v: unknown, what: Arg): PebbleMap | null {
  if (v === null || v === undefined) return null;
  if (!isMap(v)) throw new ValueError(en`${what} expects the segmentMembership map (or one namespace of it) but got ${aTypeNamed(Array.isArray(v) ? 'list' : typeof v)}.`);
  return v;
}

/** The audiences whose status is in `statuses`, as a map audience id -> membership, in input order. */
export function filterSegments(value: unknown, statuses: ReadonlySet<string>, what: Arg): PebbleMap {
  const out = newMap();
  const map = checkMap(value, what);
  if (!map) return out;
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (isMembership(v)) {
      if (statuses.has(v['status'] as string) && !(key in out)) out[key] = v;
    } else if (isMap(v)) {
      for (const id of Object.keys(v)) {
        const m = v[id];
        if (isMembership(m) && statuses.has(m['status'] as string) && !(id in out)) out[id] = m;
      }
    }
  }
  return out;
}

/**
 * The same selection as a list of entries, for `{% for s in m | added %}`: the loop needs entries
 * anyway, so building the intermediate map would only make garbage.
 */
export function segmentEntries(value: unknown, statuses: ReadonlySet<string>, what: Arg): MapEntry[] {
  const out: MapEntry[] = [];
  const map = checkMap(value, what);
  if (!map) return out;
  let seen: Set<string> | undefined;
  for (const key in map) {
    const v = map[key];
    if (isMembership(v)) {
      if (statuses.has(v['status'] as string) && !seen?.has(key)) {
        out.push(new MapEntry(key, v));
        seen?.add(key);
      }
    } else if (isMap(v)) {
      // namespaces flattened: the same audience id may appear under two of them
      seen ??= new Set(out.map((e) => e.key));
      for (const id in v) {
        const m = v[id];
        if (isMembership(m) && statuses.has(m['status'] as string) && !seen.has(id)) {
          out.push(new MapEntry(id, m));
          seen.add(id);
        }
      }
    }
  }
  return out;
}

/** True when the map holds at least one audience, whatever its status. */
export function hasSegments(value: unknown): boolean {
  const map = checkMap(value, 'hasSegments()');
  if (!map) return false;
  for (const key of Object.keys(map)) {
    const v = map[key];
    if (isMembership(v)) return true;
    if (isMap(v)) for (const id of Object.keys(v)) if (isMap(v[id])) return true;
  }
  return false;
}
