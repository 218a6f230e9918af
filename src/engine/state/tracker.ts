// Which records changed since the last capture. Every record comes with a
// stamp, a few values that change whenever the record would (an object's
// identity, a tree's mutation counter, a container's event count); a record
// whose stamp is unchanged is not serialised again. Comparing 1,000
// containers' stamps costs microseconds; serialising them would not.

export type Stamp = readonly unknown[];
/** Calls `record` once per record: its key, its stamp, and how to make its value. */
export type RecordSource = (record: (key: string, stamp: Stamp, make: () => unknown) => void) => void;

export interface Changes {
  put: Map<string, unknown>;
  remove: string[];
}

/** A stamp no source gives: a record carrying it is written again (or removed) at the next capture. */
const STALE: Stamp = [Symbol('stale')];

export class StateTracker {
  private last = new Map<string, { stamp: Stamp; value: unknown }>();

  constructor(private readonly sources: readonly RecordSource[]) {}

  /** Every record now; values are fresh or kept from an earlier capture (never mutate them). */
  captureAll(): Map<string, unknown> {
    const all = new Map<string, unknown>();
    const next = new Map<string, { stamp: Stamp; value: unknown }>();
    this.visit((key, stamp, make) => {
      const prev = this.last.get(key);
      const value = prev !== undefined && sameStamp(prev.stamp, stamp) ? prev.value : make();
      next.set(key, { stamp, value });
      all.set(key, value);
    });
    this.last = next;
    return all;
  }

  /** Records whose stamp changed or that are new, and keys gone since the last capture. */
  captureChanges(): Changes {
    const put = new Map<string, unknown>();
    const next = new Map<string, { stamp: Stamp; value: unknown }>();
    this.visit((key, stamp, make) => {
      const prev = this.last.get(key);
      if (prev !== undefined && sameStamp(prev.stamp, stamp)) {
        next.set(key, prev);
        return;
      }
      const value = make();
      next.set(key, { stamp, value });
      put.set(key, value);
    });
    const remove: string[] = [];
    for (const key of this.last.keys()) if (!next.has(key)) remove.push(key);
    this.last = next;
    return { put, remove };
  }

  /**
   * Takes `records` (just restored) as the last capture: records that still
   * match keep their values, the others are written again or removed at the
   * next captureChanges.
   */
  prime(records: ReadonlyMap<string, unknown>): void {
    const next = new Map<string, { stamp: Stamp; value: unknown }>();
    for (const [key, value] of records) next.set(key, { stamp: STALE, value });
    this.visit((key, stamp) => {
      const had = next.get(key);
      if (had !== undefined) had.stamp = stamp;
    });
    this.last = next;
  }

  private visit(record: (key: string, stamp: Stamp, make: () => unknown) => void): void {
    for (const source of this.sources) source(record);
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
