/**
 * Bounded caches of parsed files (language server and editor project loader). Open documents are keyed by URI and version (a keystroke parses
 * once however many features ask), files on disk by path, size and modification time. Bounded so a
 * session that opens thousands of files keeps a flat memory profile.
 */
export class BoundedCache<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      // Refresh recency.
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }
}

/** A value computed from a versioned input: recomputed only when the version changes. */
export class VersionedCache<V> {
  private readonly cache: BoundedCache<string, { version: number | string; value: V }>;
  constructor(limit: number) {
    this.cache = new BoundedCache(limit);
  }

  get(key: string, version: number | string, compute: () => V): V {
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit.value;
    const value = compute();
    this.cache.set(key, { version, value });
    return value;
  }

  delete(key: string): void {
    this.cache.delete(key);
  }

  clear(): void {
    this.cache.clear();
  }
}
