// Which records changed since the last capture. Records come in groups (a
// container with its read-write layer and logs; an image; a layer): a source
// says whether a group may have changed, so a capture with 1,000 idle
// containers looks at 1,000 signatures and serialises nothing. Within a
// group that may have changed, each record carries a stamp, a few values
// that change whenever the record would (an object's identity, a tree's
// mutation counter, a log's length); only records whose stamp moved are
// serialised again.

export type Stamp = readonly unknown[];
export type RecordFn = (key: string, stamp: Stamp, make: () => unknown) => void;

export interface Recorder {
  /**
   * The records of group `id` of kind `kind` ('container', 'image' …), each
   * compared with the last capture by its stamp. A group no source mentions
   * in a capture is gone, and its records with it.
   */
  group(kind: string, id: string, fill: (record: RecordFn) => void): void;
  /**
   * Keeps a group captured before as it was, without looking at it (a
   * source knows it has not changed); false when there is no such group
   * (call `group`).
   */
  keep(kind: string, id: string): boolean;
}

export type RecordSource = (recorder: Recorder) => void;

export interface Changes {
  put: Map<string, unknown>;
  remove: string[];
}

interface Captured {
  stamp: Stamp;
  value: unknown;
}

interface Group {
  records: Map<string, Captured>;
  /** The capture that last mentioned it. */
  generation: number;
}

/** A stamp no source gives: a record carrying it is written again at the next capture. */
const STALE: Stamp = [Symbol('stale')];
const RESTORED = '\0restored';

export class StateTracker {
  /** Groups by kind, then by id (two maps: no key strings are built per capture). */
  private groups = new Map<string, Map<string, Group>>();
  private generation = 0;

  constructor(private readonly sources: readonly RecordSource[]) {}

  /** Every record now; values are fresh or kept from an earlier capture (never mutate them). */
  captureAll(): Map<string, unknown> {
    this.capture();
    const all = new Map<string, unknown>();
    for (const kind of this.groups.values()) for (const g of kind.values()) for (const [key, c] of g.records) all.set(key, c.value);
    return all;
  }

  /** Records that are new or whose stamp moved, and keys gone since the last capture. */
  captureChanges(): Changes {
    return this.capture();
  }

  /**
   * Takes `records` (just restored from) as the last capture: records the
   * sources still give keep those values; records they give that `records`
   * lacks are written at the next capture, and keys of `records` no source
   * gives are removed then.
   */
  prime(records: ReadonlyMap<string, unknown>): void {
    const seen = new Set<string>();
    this.capture((key, make) => {
      seen.add(key);
      return records.has(key) ? { stamp: undefined, value: records.get(key) } : { stamp: STALE, value: make() };
    });
    const leftovers = new Map<string, Captured>();
    for (const [key, value] of records) if (!seen.has(key)) leftovers.set(key, { stamp: STALE, value });
    // mentioned by no source: removed at the next capture
    if (leftovers.size > 0) this.groups.set(RESTORED, new Map([[RESTORED, { records: leftovers, generation: this.generation }]]));
  }

  private capture(priming?: (key: string, make: () => unknown) => { stamp: Stamp | undefined; value: unknown }): Changes {
    const put = new Map<string, unknown>();
    const remove: string[] = [];
    const generation = ++this.generation;
    const recorder: Recorder = {
      keep: (kind, id) => {
        const had = this.groups.get(kind)?.get(id);
        if (had === undefined || priming) return false;
        had.generation = generation;
        return true;
      },
      group: (kind, id, fill) => {
        let groups = this.groups.get(kind);
        if (groups === undefined) this.groups.set(kind, (groups = new Map()));
        const prev = groups.get(id)?.records;
        const next = new Map<string, Captured>();
        fill((key, stamp, make) => {
          if (priming) {
            const p = priming(key, make);
            next.set(key, { stamp: p.stamp ?? stamp, value: p.value });
            return;
          }
          const p = prev?.get(key);
          if (p !== undefined && sameStamp(p.stamp, stamp)) {
            next.set(key, p);
            return;
          }
          const value = make();
          next.set(key, { stamp, value });
          put.set(key, value);
        });
        if (prev !== undefined) for (const key of prev.keys()) if (!next.has(key)) remove.push(key);
        groups.set(id, { records: next, generation });
      },
    };
    for (const source of this.sources) source(recorder);
    for (const groups of this.groups.values()) {
      for (const [id, g] of groups) {
        if (g.generation === generation) continue;
        for (const key of g.records.keys()) remove.push(key);
        groups.delete(id);
      }
    }
    return { put, remove };
  }
}

function sameStamp(a: Stamp, b: Stamp): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
