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
import { fill, msg } from '../report/l10n';

// Problems are stored in English; `msg` marks each template so the extension can show it translated.
const SAY = {
  notObject: msg('Profile {0}: is {1}, not an object; it was skipped.'),
  noIdentityMap: msg('Profile {0}: has no identityMap, so it has no identities to send.'),
  identityMap: msg('Profile {0}: {1} must be an object of namespace → [{ "id": "..." }], not {2}; it was ignored.'),
  identities: msg('Profile {0}: {1} must be an array of { "id": "..." }, not {2}; it was ignored.'),
  identity: msg('Profile {0}: {1} must be an object { "id": "..." }, not {2}; it was ignored.'),
  id: msg('Profile {0}: {1} must be a string, not {2}; the identity was ignored.'),
  noMembership: msg('Profile {0}: has no segmentMembership, so it belongs to no audience.'),
  membershipMap: msg('Profile {0}: {1} must be an object of audience namespace → audience id → membership, not {2}; it was ignored.'),
  audiences: msg('Profile {0}: {1} must be an object of audience id → { "status": ... }, not {2}; it was ignored.'),
  membership: msg('Profile {0}: {1} must be an object { "status": ... }, not {2}; it was ignored.'),
  time: msg('Profile {0}: {1} must be a string (ISO-8601), not {2}; it was ignored.'),
  attributes: msg('Profile {0}: {1} must be an object, not {2}; it was ignored.'),
};
const STATUS_IN_PROFILE = {
  missing: msg('Profile {0}: {1} is missing (it must be realized, existing or exited); the membership was ignored.'),
  word: msg("Profile {0}: {1} must be realized, existing or exited, not '{2}'; the membership was ignored."),
  other: msg('Profile {0}: {1} must be realized, existing or exited, not {2}; the membership was ignored.'),
};
const STATUS = {
  missing: msg('is missing (it must be realized, existing or exited)'),
  word: msg("must be realized, existing or exited, not '{0}'"),
  other: msg('must be realized, existing or exited, not {0}'),
};
const UNEXPECTED = msg('an unexpected value');
const TYPE = {
  null: msg('null'),
  array: msg('an array'),
  object: msg('an object'),
  string: msg('a string'),
  number: msg('a number'),
  boolean: msg('a boolean'),
  missing: msg('missing'),
};

export type JsonPath = (string | number)[];

/** Maps a path inside the profile to a 1-based position, when the caller knows positions. */
export type Locator = (path: JsonPath) => { line: number; column: number } | undefined;

export interface ShapeResult {
  profile?: SourceProfile;
  problems: ProfileProblem[];
}

export function toSourceProfile(value: unknown, origin: SourceProfile['origin'], locate?: Locator): ShapeResult {
  const problems: ProfileProblem[] = [];
  // The message is stored in English (a `msg` template, filled here); the extension translates it.
  const problem = (path: JsonPath, template: string, ...args: string[]): void => {
    const at = locate?.(path);
    problems.push({
      file: origin.file,
      index: origin.index,
      line: at?.line ?? origin.line,
      ...(at ? { column: at.column } : {}),
      message: fill(template, path.length ? [origin.index, formatPath(path), ...args] : [origin.index, ...args]),
    });
  };

  if (!isObject(value)) {
    problem([], SAY.notObject, describeType(value));
    return { problems };
  }

  const identityMap: SourceProfile['identityMap'] = {};
  if (!('identityMap' in value)) {
    problem([], SAY.noIdentityMap);
  } else if (!isObject(value.identityMap)) {
    problem(['identityMap'], SAY.identityMap, describeType(value.identityMap));
  } else {
    for (const [namespace, entries] of Object.entries(value.identityMap)) {
      if (!Array.isArray(entries)) {
        problem(['identityMap', namespace], SAY.identities, describeType(entries));
        continue;
      }
      const ids: { id: string }[] = [];
      entries.forEach((entry, i) => {
        if (!isObject(entry)) problem(['identityMap', namespace, i], SAY.identity, describeType(entry));
        else if (typeof entry.id !== 'string') problem(['identityMap', namespace, i, 'id'], SAY.id, describeType(entry.id));
        else ids.push({ id: entry.id });
      });
      put(identityMap, namespace, ids);
    }
  }

  const segmentMembership: SourceProfile['segmentMembership'] = {};
  if (!('segmentMembership' in value)) {
    problem([], SAY.noMembership);
  } else if (!isObject(value.segmentMembership)) {
    problem(['segmentMembership'], SAY.membershipMap, describeType(value.segmentMembership));
  } else {
    for (const [namespace, audiences] of Object.entries(value.segmentMembership)) {
      if (!isObject(audiences)) {
        problem(['segmentMembership', namespace], SAY.audiences, describeType(audiences));
        continue;
      }
      const members: Record<string, Membership> = {};
      for (const [audienceId, membership] of Object.entries(audiences)) {
        const path = ['segmentMembership', namespace, audienceId];
        if (!isObject(membership)) {
          problem(path, SAY.membership, describeType(membership));
          continue;
        }
        if (!isStatus(membership.status)) {
          const [template, ...args] = statusParts(membership.status, STATUS_IN_PROFILE);
          problem([...path, 'status'], template, ...args);
          continue;
        }
        const entry: Membership = { status: membership.status };
        if ('lastQualificationTime' in membership) {
          if (typeof membership.lastQualificationTime === 'string') entry.lastQualificationTime = membership.lastQualificationTime;
          else problem([...path, 'lastQualificationTime'], SAY.time, describeType(membership.lastQualificationTime));
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
    else problem(['attributes'], SAY.attributes, describeType(value.attributes));
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
  const [template, ...args] = statusParts(value, STATUS);
  return fill(template, args);
}

/** The complaint's template (missing, a word, a type) and its argument: whole sentences, so each translates. */
function statusParts(value: unknown, say: { missing: string; word: string; other: string }): string[] {
  if (value === undefined) return [say.missing];
  if (typeof value === 'string' && /^[A-Za-z_-]{1,20}$/.test(value)) return [say.word, value];
  return [say.other, typeof value === 'string' ? UNEXPECTED : describeType(value)];
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The type of a value for a message, never the value itself. */
export function describeType(value: unknown): string {
  if (value === null) return TYPE.null;
  if (Array.isArray(value)) return TYPE.array;
  if (typeof value === 'object') return TYPE.object;
  if (typeof value === 'string') return TYPE.string;
  if (typeof value === 'number') return TYPE.number;
  if (typeof value === 'boolean') return TYPE.boolean;
  return TYPE.missing;
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
