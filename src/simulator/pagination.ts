// Pinterest-style cursor pagination ({items, bookmark}: the spec's Paginated schema) over the
// simulator's id-ordered collections. Bookmarks are opaque base64url keyset cursors (last id seen
// + order), so pages stay stable while items are added, and a bookmark from one order or one
// collection is rejected rather than silently misread.
import { invalidParameters } from './errors';

export type Order = 'ASCENDING' | 'DESCENDING';

interface Cursor {
  v: 1;
  scope: string;
  order: Order;
  after: string;
}

const compareIds = (a: string, b: string): number => {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

function decode(bookmark: string, scope: string, order: Order): Cursor {
  try {
    const c = JSON.parse(Buffer.from(bookmark, 'base64url').toString('utf8')) as Cursor;
    if (c.v === 1 && c.scope === scope && c.order === order && /^\d{1,18}$/.test(c.after)) return c;
  } catch {
    /* fall through */
  }
  throw invalidParameters('bookmark is not a bookmark returned by this list request (use it with the same order).');
}

export function paginate<T extends { id: string }>(
  all: T[],
  opts: { scope: string; pageSize: number; order: Order; bookmark?: string },
): { items: T[]; bookmark: string | null } {
  const sign = opts.order === 'ASCENDING' ? 1 : -1;
  let sorted = [...all].sort((a, b) => sign * compareIds(a.id, b.id));
  if (opts.bookmark !== undefined) {
    const cursor = decode(opts.bookmark, opts.scope, opts.order);
    sorted = sorted.filter((item) => sign * compareIds(item.id, cursor.after) > 0);
  }
  const items = sorted.slice(0, opts.pageSize);
  const more = sorted.length > items.length;
  const last = items[items.length - 1];
  const bookmark =
    more && last
      ? Buffer.from(JSON.stringify({ v: 1, scope: opts.scope, order: opts.order, after: last.id } satisfies Cursor)).toString(
          'base64url',
        )
      : null;
  return { items, bookmark };
}
