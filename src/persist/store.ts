// The workspace in IndexedDB: the engine's records (key → value, stored as
// the engine hands them over: structured-cloneable, Uint8Array included) and
// the meta data saved with them (the terminal history, the format version,
// when it was saved). A save is one readwrite transaction over both stores,
// so a tab killed mid-save leaves the database as it was before the save or
// after it, never in between. Failures come back as values (a full disk, a
// private window, a closed connection): the page keeps running in memory.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

/** The database's name: one workspace per origin. */
export const DATABASE_NAME = 'berth-workspace';

/** IndexedDB's schema version (the object stores); bumped with an upgrade step when they change. */
const DATABASE_VERSION = 1;

/** The version of what the meta store holds; a database written by a later Berth is not read. */
export const FORMAT_VERSION = 1;

interface WorkspaceSchema extends DBSchema {
  records: { key: string; value: unknown };
  meta: { key: MetaKey; value: unknown };
}

type MetaKey = 'format' | 'history' | 'savedAt';

/** Why the workspace is not being saved or could not be read. */
export type PersistFailureKind =
  /** The browser's storage quota is used up (QuotaExceededError). */
  | 'quota'
  /** IndexedDB cannot be used here (a private window, storage turned off, an insecure page). */
  | 'unavailable'
  /** The database was written by a newer Berth, or holds something this one cannot read. */
  | 'unreadable'
  /** Anything else the browser reported (a closed connection, an I/O error). */
  | 'failed';

export interface PersistFailure {
  kind: PersistFailureKind;
  /** The browser's own words (DOMException name and message), for the details. */
  detail: string;
}

export type PersistResult<T = void> = { ok: true; value: T } | { ok: false; failure: PersistFailure };

/** Changes since the previous save: records written and records removed. */
export interface RecordChanges {
  put: ReadonlyMap<string, unknown>;
  remove: readonly string[];
}

export interface SavedWorkspace {
  records: Map<string, unknown>;
  history: string[];
  /** Wall-clock time of the last save (ms), or null for a database never saved to. */
  savedAt: number | null;
}

const ok = <T>(value: T): PersistResult<T> => ({ ok: true, value });
const fail = <T = void>(kind: PersistFailureKind, detail: string): PersistResult<T> => ({ ok: false, failure: { kind, detail } });

/** Sorts a browser error into a failure kind. */
export function classifyError(error: unknown): PersistFailure {
  const name = (error as { name?: unknown } | null)?.name;
  const message = (error as { message?: unknown } | null)?.message;
  const detail = typeof name === 'string' ? `${name}${typeof message === 'string' && message ? `: ${message}` : ''}` : String(error);
  if (name === 'QuotaExceededError') return { kind: 'quota', detail };
  // Firefox's private windows and disabled storage refuse to open; Safari says SecurityError
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError') return { kind: 'unavailable', detail };
  // the database was opened by a newer Berth (a higher schema version)
  if (name === 'VersionError') return { kind: 'unreadable', detail };
  return { kind: 'failed', detail };
}

async function attempt<T>(work: () => Promise<T>): Promise<PersistResult<T>> {
  try {
    return ok(await work());
  } catch (error) {
    return { ok: false, failure: classifyError(error) };
  }
}

export class WorkspaceStore {
  private closed = false;

  private constructor(private readonly db: IDBPDatabase<WorkspaceSchema>) {
    // another connection upgrading or deleting the database: let it, this one is done
    db.addEventListener('versionchange', () => this.close());
    db.addEventListener('close', () => (this.closed = true));
  }

  /** Opens (creating when needed) the workspace database. */
  static async open(name = DATABASE_NAME): Promise<PersistResult<WorkspaceStore>> {
    try {
      // reading it can throw: Firefox with site data blocked says SecurityError
      if (!globalThis.indexedDB) return fail('unavailable', 'IndexedDB is not available in this browser');
    } catch (error) {
      return { ok: false, failure: classifyError(error) };
    }
    const opened = await attempt(() =>
      openDB<WorkspaceSchema>(name, DATABASE_VERSION, {
        upgrade(db, oldVersion) {
          if (oldVersion < 1) {
            db.createObjectStore('records');
            db.createObjectStore('meta');
          }
        },
      }),
    );
    return opened.ok ? ok(new WorkspaceStore(opened.value)) : opened;
  }

  /** Reads everything saved; an empty database reads as no records and no history. */
  async load(): Promise<PersistResult<SavedWorkspace>> {
    if (this.closed) return fail('failed', 'the database connection is closed');
    const read = await attempt(async () => {
      const tx = this.db.transaction(['records', 'meta'], 'readonly');
      const records = tx.objectStore('records');
      const meta = tx.objectStore('meta');
      const [keys, values, format, history, savedAt] = await Promise.all([
        records.getAllKeys(),
        records.getAll(),
        meta.get('format'),
        meta.get('history'),
        meta.get('savedAt'),
        tx.done,
      ]);
      return { keys, values, format, history, savedAt };
    });
    if (!read.ok) return read;
    const { keys, values, format, history, savedAt } = read.value;
    if (format !== undefined && format !== FORMAT_VERSION) {
      return fail('unreadable', `the saved workspace has format ${String(format)}; this Berth reads format ${FORMAT_VERSION}`);
    }
    if (history !== undefined && !(Array.isArray(history) && history.every((l) => typeof l === 'string'))) {
      return fail('unreadable', 'the saved history is not a list of lines');
    }
    if (savedAt !== undefined && typeof savedAt !== 'number') return fail('unreadable', 'the saved time is not a number');
    if (keys.length !== values.length) return fail('unreadable', 'the records changed while they were read');
    const map = new Map<string, unknown>();
    keys.forEach((k, i) => map.set(k, values[i]));
    return ok({ records: map, history: (history as string[] | undefined) ?? [], savedAt: (savedAt as number | undefined) ?? null });
  }

  /** Writes the changes and the history in one transaction: all of it or none. */
  save(changes: RecordChanges, history: readonly string[], now = Date.now()): Promise<PersistResult> {
    return this.write(false, changes.put, changes.remove, history, now);
  }

  /** Replaces everything with these records and this history, in one transaction. */
  replace(records: ReadonlyMap<string, unknown>, history: readonly string[], now = Date.now()): Promise<PersistResult> {
    return this.write(true, records, [], history, now);
  }

  /** Empties both stores (a reset), in one transaction. */
  async clear(): Promise<PersistResult> {
    if (this.closed) return fail('failed', 'the database connection is closed');
    return attempt(async () => {
      const tx = this.db.transaction(['records', 'meta'], 'readwrite');
      await Promise.all([tx.objectStore('records').clear(), tx.objectStore('meta').clear(), tx.done]);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }

  private async write(
    replace: boolean,
    put: ReadonlyMap<string, unknown>,
    remove: readonly string[],
    history: readonly string[],
    now: number,
  ): Promise<PersistResult> {
    if (this.closed) return fail('failed', 'the database connection is closed');
    return attempt(async () => {
      const tx = this.db.transaction(['records', 'meta'], 'readwrite');
      const records = tx.objectStore('records');
      const meta = tx.objectStore('meta');
      // handled from the start: it may reject before the requests are awaited
      const done = tx.done;
      done.catch(() => undefined);
      // every request's promise is awaited (a rejected one would otherwise go
      // unhandled); the first failure aborts the transaction, and tx.done
      // rejects with the reason
      const pending: Promise<unknown>[] = [];
      const track = (p: Promise<unknown>) => pending.push(p.catch(() => undefined));
      try {
        if (replace) track(records.clear());
        for (const key of remove) track(records.delete(key));
        for (const [key, value] of put) track(records.put(value, key));
        track(meta.put(FORMAT_VERSION, 'format'));
        track(meta.put([...history], 'history'));
        track(meta.put(now, 'savedAt'));
      } catch (error) {
        // put() throws at once for a value it cannot clone: nothing of this save may land
        try {
          tx.abort();
        } catch {
          // already aborted
        }
        await Promise.all(pending);
        await done.catch(() => undefined);
        throw error;
      }
      await Promise.all(pending);
      await done;
    });
  }
}
