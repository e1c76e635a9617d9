/**
 * Turns one parsed JSON value into a SourceProfile, checking AEP's profile shape and collecting
 * problems instead of throwing.
 *
 * Why lenient per entry: a bad membership status or a non-string id drops that entry (with a
 * problem) and keeps the rest of the profile, so one typo does not remove a whole sample from the
 * preview; only a value that is not an object at all is dropped entirely.
 *
 * Accepted shape: `identityMap` (namespace → `[{ id }]`), `segmentMembership` (audience namespace
 * → audience id → `{ status, lastQualificationTime? }`), `attributes` (object, free-form). Any
 * other top-level key is kept as an attribute: profiles from AEP's sample-profile API carry raw
 * XDM paths such as `personalEmail.address` at the top level. Explicit `attributes` win over a
 * top-level key of the same name. Extra fields of identity entries (`primary`,
 * `authenticatedState`) are not kept.
 */
import { MEMBERSHIP_STATUSES } from './types';
import type { Membership, MembershipStatus, ProfileProblem, SourceProfile } from './types';

export type JsonPath = (string | number)[];

/** Maps a path inside the profile to a 1-based position, when the caller knows positions. */
export type Locator = (path: JsonPath) => { line: number; column: number } | undefined;

export interface ShapeResult {
  profile?: SourceProfile;
  problems: ProfileProblem[];
}

export function toSourceProfile(value: unknown, origin: SourceProfile['origin'], locate?: Locator): ShapeResult {
  const problems: ProfileProblem[] = [];
  const problem = (path: JsonPath, text: string): void => {
    const at = locate?.(path);
    problems.push({
      file: origin.file,
      index: origin.index,
      line: at?.line ?? origin.line,
      ...(at ? { column: at.column } : {}),
      message: `Profile ${origin.index}: ${path.length ? `${formatPath(path)} ` : ''}${text}`,
    });
  };

  if (!isObject(value)) {
    problem([], `is ${describeType(value)}, not an object; it was skipped.`);
    return { problems };
  }

  const identityMap: SourceProfile['identityMap'] = {};
  if (!('identityMap' in value)) {
    problem([], 'has no identityMap, so it has no identities to send.');
  } else if (!isObject(value.identityMap)) {
    problem(['identityMap'], `must be an object of namespace → [{ "id": "..." }], not ${describeType(value.identityMap)}; it was ignored.`);
  } else {
    for (const [namespace, entries] of Object.entries(value.identityMap)) {
      if (!Array.isArray(entries)) {
        problem(['identityMap', namespace], `must be an array of { "id": "..." }, not ${describeType(entries)}; it was ignored.`);
        continue;
      }
      const ids: { id: string }[] = [];
      entries.forEach((entry, i) => {
        if (!isObject(entry)) problem(['identityMap', namespace, i], `must be an object { "id": "..." }, not ${describeType(entry)}; it was ignored.`);
        else if (typeof entry.id !== 'string') problem(['identityMap', namespace, i, 'id'], `must be a string, not ${describeType(entry.id)}; the identity was ignored.`);
        else ids.push({ id: entry.id });
      });
      put(identityMap, namespace, ids);
    }
  }

  const segmentMembership: SourceProfile['segmentMembership'] = {};
  if (!('segmentMembership' in value)) {
    problem([], 'has no segmentMembership, so it belongs to no audience.');
  } else if (!isObject(value.segmentMembership)) {
    problem(['segmentMembership'], `must be an object of audience namespace → audience id → membership, not ${describeType(value.segmentMembership)}; it was ignored.`);
  } else {
    for (const [namespace, audiences] of Object.entries(value.segmentMembership)) {
      if (!isObject(audiences)) {
        problem(['segmentMembership', namespace], `must be an object of audience id → { "status": ... }, not ${describeType(audiences)}; it was ignored.`);
        continue;
      }
      const members: Record<string, Membership> = {};
      for (const [audienceId, membership] of Object.entries(audiences)) {
        const path = ['segmentMembership', namespace, audienceId];
        if (!isObject(membership)) {
          problem(path, `must be an object { "status": ... }, not ${describeType(membership)}; it was ignored.`);
          continue;
        }
        if (!isStatus(membership.status)) {
          problem([...path, 'status'], `${statusComplaint(membership.status)}; the membership was ignored.`);
          continue;
        }
        const entry: Membership = { status: membership.status };
        if ('lastQualificationTime' in membership) {
          if (typeof membership.lastQualificationTime === 'string') entry.lastQualificationTime = membership.lastQualificationTime;
          else problem([...path, 'lastQualificationTime'], `must be a string (ISO-8601), not ${describeType(membership.lastQualificationTime)}; it was ignored.`);
        }
        put(members, audienceId, entry);
      }
      put(segmentMembership, namespace, members);
    }
  }

  const attributes: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key !== 'identityMap' && key !== 'segmentMembership' && key !== 'attributes') put(attributes, key, v);
  }
  if ('attributes' in value) {
    if (isObject(value.attributes)) for (const [key, v] of Object.entries(value.attributes)) put(attributes, key, v);
    else problem(['attributes'], `must be an object, not ${describeType(value.attributes)}; it was ignored.`);
  }

  return { profile: { identityMap, segmentMembership, attributes, origin }, problems };
}

/**
 * Sets an own, enumerable property even for keys like `__proto__` (which plain assignment would
 * turn into a prototype change): keys here come from user files.
 */
export function put<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

export function isStatus(value: unknown): value is MembershipStatus {
  return typeof value === 'string' && (MEMBERSHIP_STATUSES as readonly string[]).includes(value);
}

/**
 * "status must be ..." with the offending value only when it is word-like (a misspelt status such
 * as `Realised`). Anything else could be data shifted into the wrong place, so it is not echoed.
 */
export function statusComplaint(value: unknown): string {
  const expected = 'must be realized, existing or exited';
  if (value === undefined) return `is missing (it ${expected})`;
  if (typeof value === 'string' && /^[A-Za-z_-]{1,20}$/.test(value)) return `${expected}, not '${value}'`;
  return `${expected}, not ${typeof value === 'string' ? 'an unexpected value' : describeType(value)}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The type of a value for a message, never the value itself. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return 'a boolean';
  return 'missing';
}

/** `identityMap.Email[0].id`; keys that are not plain names are quoted: `segmentMembership.ups["a b"]`. */
export function formatPath(path: JsonPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$.-]*$/.test(part) && !part.includes('..')) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(part.length > 60 ? `${part.slice(0, 60)}…` : part)}]`;
  }
  return out;
}
