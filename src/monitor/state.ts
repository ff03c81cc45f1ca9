/**
 * Bounded per-key state for detectors. Every structure here has a hard cap, so memory stays bounded
 * however many identities, operations or object IDs the traffic holds: the least recently used
 * entries are forgotten first (an attacker cycling identities only evicts their own old state).
 */

/**
 * A Map that forgets a least recently used entry beyond `capacity`. Eviction is CLOCK (second
 * chance): a read only sets a flag, and the eviction scan moves flagged entries to the back instead
 * of dropping them. Reads cost one lookup (re-inserting on every read churned the Map's hash table
 * and showed up at the top of the proxy's profile), and the cap is still exact.
 */
const EVICTION_SCAN = 32;

export class LruMap<K, V> {
  private readonly map = new Map<K, { value: V; used: boolean }>();
  constructor(readonly capacity: number) {}

  get size(): number {
    return this.map.size;
  }

  get(key: K): V | undefined {
    const entry = this.map.get(key);
    if (entry === undefined) return undefined;
    entry.used = true;
    return entry.value;
  }

  /** The value without marking it used. */
  peek(key: K): V | undefined {
    return this.map.get(key)?.value;
  }

  set(key: K, value: V): void {
    const entry = this.map.get(key);
    if (entry !== undefined) {
      entry.value = value;
      entry.used = true;
      return;
    }
    if (this.map.size >= this.capacity) this.evict();
    this.map.set(key, { value, used: false });
  }

  /** The value for `key`, created with `make` when absent. */
  upsert(key: K, make: () => V): V {
    const entry = this.map.get(key);
    if (entry !== undefined) {
      entry.used = true;
      return entry.value;
    }
    const value = make();
    this.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  *entries(): IterableIterator<[K, V]> {
    for (const [key, entry] of this.map) yield [key, entry.value];
  }

  /**
   * Drops the oldest entry not used since the scan last passed it; used ones go to the back,
   * unflagged. The scan looks at most `EVICTION_SCAN` entries: when every one of them was used (a
   * full map read since the last pass, which happens at each new round of identities), the oldest
   * after them goes. Unbounded, one call would move the whole map (50,000 entries: milliseconds of
   * a stalled event loop, seen in the bench's p99).
   */
  private evict(): void {
    let scanned = 0;
    for (const [key, entry] of this.map) {
      this.map.delete(key);
      if (!entry.used || ++scanned > EVICTION_SCAN) return;
      entry.used = false;
      this.map.set(key, entry);
    }
  }
}

/**
 * A sliding-window rate with O(1) memory: the count of the current fixed window plus the previous
 * one weighted by how much of it still overlaps the sliding window (the approximation nginx and
 * Cloudflare use for rate limits; error below one window's worth of skew).
 */
export interface SlidingCount {
  windowStart: number;
  current: number;
  previous: number;
}

export function newSlidingCount(now: number): SlidingCount {
  return { windowStart: now, current: 0, previous: 0 };
}

/** Adds `amount` at time `now` (ms) and returns the estimated count over the last `windowMs`. */
export function slide(count: SlidingCount, now: number, windowMs: number, amount = 1): number {
  const elapsed = now - count.windowStart;
  if (elapsed >= 2 * windowMs) {
    count.previous = 0;
    count.current = 0;
    count.windowStart = now;
  } else if (elapsed >= windowMs) {
    count.previous = count.current;
    count.current = 0;
    count.windowStart += windowMs;
  }
  count.current += amount;
  const into = Math.max(0, now - count.windowStart) / windowMs;
  return count.previous * (1 - into) + count.current;
}

/**
 * Distinct values seen within a time window, remembered up to `cap` values. Detectors only need to
 * know whether the count reached a threshold, so a cap at the threshold is exact for the decision
 * and bounded in memory.
 */
export class WindowedDistinct {
  private readonly seen = new Map<string, number>();
  /** The value added last, which is at the back of `seen` while it is there. */
  private newest: string | undefined;
  constructor(readonly cap: number, readonly windowMs: number) {}

  /** Records `value` at `now`; returns the number of distinct values in the window (at most `cap`). */
  add(value: string, now: number): number {
    const seen = this.seen;
    // The same value again (an identity re-reading one object) is already the newest: its time is
    // refreshed in place. Any other value seen again moves to the back, and deleting it first also
    // makes room for it. (Deleting and re-adding on every request churned the map's hash table.)
    const inPlace = value === this.newest && seen.has(value);
    if (!inPlace) {
      seen.delete(value);
      this.newest = value;
    }
    // Oldest first: drop what left the window, and beyond the cap the oldest too.
    const others = inPlace ? 1 : 0;
    for (;;) {
      const first = seen.keys().next();
      if (first.done || first.value === value) break;
      if (now - seen.get(first.value)! < this.windowMs && seen.size - others < this.cap) break;
      seen.delete(first.value);
    }
    seen.set(value, now);
    return seen.size;
  }

  has(value: string): boolean {
    return this.seen.has(value);
  }

  get size(): number {
    return this.seen.size;
  }

  /** A few of the values, for evidence (callers must only store non-sensitive values here). */
  sample(limit: number): string[] {
    return [...this.seen.keys()].slice(-limit);
  }
}

/** A set that forgets its oldest members beyond `cap` (IDs an identity was given, for instance). */
export class BoundedSet {
  private readonly members = new Set<string>();
  constructor(readonly cap: number) {}

  add(value: string): void {
    if (this.members.has(value)) this.members.delete(value);
    else if (this.members.size >= this.cap) this.members.delete(this.members.values().next().value as string);
    this.members.add(value);
  }

  has(value: string): boolean {
    return this.members.has(value);
  }

  get size(): number {
    return this.members.size;
  }
}
