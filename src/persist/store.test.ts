// The workspace store over fake-indexeddb (an in-memory IndexedDB in Node):
// saves are whole or absent, failures are values.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDB } from 'idb';
import { classifyError, FORMAT_VERSION, WorkspaceStore } from './store.ts';

let n = 0;
async function freshStore(): Promise<{ store: WorkspaceStore; name: string }> {
  const name = `test-${++n}`;
  const opened = await WorkspaceStore.open(name);
  if (!opened.ok) throw new Error(opened.failure.detail);
  return { store: opened.value, name };
}

describe('WorkspaceStore', () => {
  it('reads an empty database as no records and no history', async () => {
    const { store } = await freshStore();
    const loaded = await store.load();
    expect(loaded).toEqual({ ok: true, value: { records: new Map(), history: [], savedAt: null } });
  });

  it('saves records as they are (Uint8Array included) with the history and the time', async () => {
    const { store, name } = await freshStore();
    const bytes = new Uint8Array([1, 2, 3, 255]);
    const put = new Map<string, unknown>([
      ['layer/sha256:aa', bytes],
      ['container/c1', { name: 'web', created: 1700000000000, env: ['A=1'] }],
    ]);
    expect(await store.save({ put, remove: [] }, ['docker pull busybox'], 1234)).toEqual({ ok: true, value: undefined });
    store.close();

    const again = await WorkspaceStore.open(name);
    if (!again.ok) throw new Error('reopen');
    const loaded = await again.value.load();
    if (!loaded.ok) throw new Error(loaded.failure.detail);
    expect(loaded.value.history).toEqual(['docker pull busybox']);
    expect(loaded.value.savedAt).toBe(1234);
    const layer = loaded.value.records.get('layer/sha256:aa');
    expect(layer).toBeInstanceOf(Uint8Array);
    expect([...(layer as Uint8Array)]).toEqual([1, 2, 3, 255]);
    expect(loaded.value.records.get('container/c1')).toEqual({ name: 'web', created: 1700000000000, env: ['A=1'] });
  });

  it('applies puts and deletes of later saves on top of earlier ones', async () => {
    const { store } = await freshStore();
    await store.save({ put: new Map([['a', 1], ['b', 2]]), remove: [] }, ['one']);
    await store.save({ put: new Map([['c', 3], ['a', 10]]), remove: ['b'] }, ['one', 'two']);
    const loaded = await store.load();
    if (!loaded.ok) throw new Error('load');
    expect([...loaded.value.records].sort()).toEqual([['a', 10], ['c', 3]]);
    expect(loaded.value.history).toEqual(['one', 'two']);
  });

  it('a save that fails part-way leaves the database as before it: records and history', async () => {
    const { store } = await freshStore();
    await store.save({ put: new Map([['a', 1]]), remove: [] }, ['first']);
    // a function cannot be cloned: put() throws in the middle of the save
    const bad = new Map<string, unknown>([
      ['b', 2],
      ['c', () => 0],
      ['d', 4],
    ]);
    const result = await store.save({ put: bad, remove: ['a'] }, ['first', 'second']);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.kind).toBe('failed');
    const loaded = await store.load();
    if (!loaded.ok) throw new Error('load');
    expect([...loaded.value.records]).toEqual([['a', 1]]);
    expect(loaded.value.history).toEqual(['first']);
  });

  it('replace drops every record not given', async () => {
    const { store } = await freshStore();
    await store.save({ put: new Map([['a', 1], ['b', 2]]), remove: [] }, ['x']);
    await store.replace(new Map([['z', 26]]), ['imported']);
    const loaded = await store.load();
    if (!loaded.ok) throw new Error('load');
    expect([...loaded.value.records]).toEqual([['z', 26]]);
    expect(loaded.value.history).toEqual(['imported']);
  });

  it('clear empties records and meta', async () => {
    const { store } = await freshStore();
    await store.save({ put: new Map([['a', 1]]), remove: [] }, ['x'], 99);
    expect((await store.clear()).ok).toBe(true);
    expect(await store.load()).toEqual({ ok: true, value: { records: new Map(), history: [], savedAt: null } });
  });

  it('refuses a database saved in a later format, as a value', async () => {
    const { store, name } = await freshStore();
    store.close();
    const raw = await openDB(name);
    await raw.put('meta', FORMAT_VERSION + 1, 'format');
    raw.close();
    const again = await WorkspaceStore.open(name);
    if (!again.ok) throw new Error('reopen');
    const loaded = await again.value.load();
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.failure.kind).toBe('unreadable');
  });

  it('refuses a history that is not a list of lines', async () => {
    const { store, name } = await freshStore();
    store.close();
    const raw = await openDB(name);
    await raw.put('meta', 'not a list', 'history');
    raw.close();
    const again = await WorkspaceStore.open(name);
    if (!again.ok) throw new Error('reopen');
    const loaded = await again.value.load();
    expect(loaded.ok).toBe(false);
  });

  it('a closed store answers with a failure, not an exception', async () => {
    const { store } = await freshStore();
    store.close();
    const result = await store.save({ put: new Map([['a', 1]]), remove: [] }, []);
    expect(result.ok).toBe(false);
    expect((await store.load()).ok).toBe(false);
  });

  it('a database of a higher schema version is unreadable, not a crash', async () => {
    const name = `test-${++n}`;
    const raw = await openDB(name, 7, { upgrade: (db) => void db.createObjectStore('other') });
    raw.close();
    const opened = await WorkspaceStore.open(name);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.failure.kind).toBe('unreadable');
  });
});

describe('classifyError', () => {
  it('sorts the browser errors', () => {
    const err = (name: string, message = '') => Object.assign(new Error(message), { name });
    expect(classifyError(err('QuotaExceededError', 'The quota has been exceeded.'))).toEqual({
      kind: 'quota',
      detail: 'QuotaExceededError: The quota has been exceeded.',
    });
    expect(classifyError(err('InvalidStateError')).kind).toBe('unavailable');
    expect(classifyError(err('SecurityError')).kind).toBe('unavailable');
    expect(classifyError(err('UnknownError', 'I/O')).kind).toBe('failed');
    expect(classifyError('boom')).toEqual({ kind: 'failed', detail: 'boom' });
  });
});
