// A small in-memory cache of promises with a time to live and a size bound, shared by the chain
// reader and ENS. In-flight lookups are shared (a list of 50 conversations asks once per address),
// and a rejected lookup is forgotten at once, so a network error is retried on the next render.

export class TtlCache {
  readonly #entries = new Map<string, { readonly expires: number; readonly value: Promise<unknown> }>();

  constructor(
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(key);
    if (hit && hit.expires > this.now()) return hit.value as Promise<T>;
    const value = load();
    this.#entries.delete(key);
    this.#entries.set(key, { expires: this.now() + ttlMs, value });
    // Map keeps insertion order: the first key is the oldest.
    if (this.#entries.size > this.maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    value.catch(() => {
      if (this.#entries.get(key)?.value === value) this.#entries.delete(key);
    });
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
