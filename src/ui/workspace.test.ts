// The workspace over fake-indexeddb in Node: what one page saves the next
// restores; a save the browser refuses leaves the database at the last save
// that landed, and the next one writes everything.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { SimulatedHost } from '../shell/host.ts';
import { Workspace } from './workspace.svelte.ts';

let n = 0;
const pages: Workspace[] = [];

function page(name: string): Workspace {
  const w = new Workspace({ databaseName: name, restart: () => {} });
  pages.push(w);
  return w;
}

async function sh(host: SimulatedHost, line: string): Promise<string> {
  let out = '';
  const w = { write: (s: string) => void (out += s) };
  await host.run(line, { stdout: w, stderr: w });
  return out;
}

/** Runs a line as the terminal does: history first, then the command (the save follows its end). */
async function type(w: Workspace, line: string): Promise<string> {
  const host = await w.host;
  w.history.add(line);
  const out = await sh(host, line);
  await w.flush();
  return out;
}

const realPut = IDBObjectStore.prototype.put;
afterEach(() => {
  IDBObjectStore.prototype.put = realPut;
});

/** Every put throws as Chromium does when the quota is used up. */
function diskFull(): void {
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
}

describe('Workspace', () => {
  it('saves after each command; the next page restores the engine, the files and the history', async () => {
    const db = `ws-${++n}`;
    const a = page(db);
    await type(a, 'docker run --name one hello-world >/dev/null');
    await type(a, 'echo kept > notes.txt');
    expect(a.status.kind).toBe('saved');

    const b = page(db);
    const host = await b.host;
    expect(await sh(host, 'docker ps -a --format "{{.Names}}"; cat notes.txt')).toBe('one\nkept\n');
    expect(b.history.lines).toEqual(['docker run --name one hello-world >/dev/null', 'echo kept > notes.txt']);
  });

  it('a refused save: memory-only with the reason, the database at the last save; a retry writes everything', async () => {
    const db = `ws-${++n}`;
    const a = page(db);
    await type(a, 'docker run --name before hello-world >/dev/null');
    diskFull();
    await type(a, 'docker run --name lost hello-world >/dev/null');
    expect(a.status).toMatchObject({ kind: 'memory', failure: { kind: 'quota' } });
    // the page goes on
    expect(await type(a, 'docker ps -a --format "{{.Names}}" | sort')).toBe('before\nlost\n');
    // a second page reads the database (Node has no tab lock to stop it)
    const b = page(db);
    expect(await sh(await b.host, 'docker ps -a --format "{{.Names}}"')).toBe('before\n');

    IDBObjectStore.prototype.put = realPut;
    a.retry();
    await a.flush();
    expect(a.status.kind).toBe('saved');
    const c = page(db);
    expect(await sh(await c.host, 'docker ps -a --format "{{.Names}}" | sort')).toBe('before\nlost\n');
  });

  it('changes made while a save is in flight are merged into the next one', async () => {
    const db = `ws-${++n}`;
    const a = page(db);
    const host = await a.host;
    await a.flush();
    await sh(host, 'docker pull -q hello-world');
    await a.flush();
    // each command's save starts at its end; the next command runs while it is in flight
    await sh(host, 'docker create --name xx hello-world');
    await sh(host, 'docker rm xx; docker create --name yy hello-world');
    await sh(host, 'docker rename yy zz');
    await a.flush();
    const b = page(db);
    expect(await sh(await b.host, 'docker ps -a --format "{{.Names}}"')).toBe('zz\n');
  });

  it('an export between saves takes nothing from the next save', async () => {
    const db = `ws-${++n}`;
    const a = page(db);
    await type(a, 'docker create --name before hello-world >/dev/null');
    const host = await a.host;
    // a change no command ends (as a container's own exit would be): saved once its events quiet down
    host.daemon.containerService.rename('before', 'after');
    await a.exportBytes();
    await new Promise((resolve) => setTimeout(resolve, 1300));
    await a.flush();
    const b = page(db);
    expect(await sh(await b.host, 'docker ps -a --format "{{.Names}}"')).toBe('after\n');
  });

  it('an import is checked fully first: a file that is not a workspace changes nothing', async () => {
    const db = `ws-${++n}`;
    const a = page(db);
    await type(a, 'docker run --name mine hello-world >/dev/null');
    const bad = await a.checkImport({ name: 'notes.txt', arrayBuffer: async () => new TextEncoder().encode('hello').buffer });
    expect(bad).toMatchObject({ ok: false, reason: 'unreadable' });

    const bytes = await a.exportBytes();
    const good = await a.checkImport({ name: 'w.tar.gz', arrayBuffer: async () => bytes.slice().buffer });
    expect(good.ok).toBe(true);
    if (!good.ok) return;
    await type(a, 'docker rm mine >/dev/null');
    expect((await a.importChecked(good.value)).ok).toBe(true);
    const b = page(db);
    expect(await sh(await b.host, 'docker ps -a --format "{{.Names}}"')).toBe('mine\n');
    expect(b.history.lines).toContain('docker run --name mine hello-world >/dev/null');
  });

  it('reset empties the database', async () => {
    const db = `ws-${++n}`;
    const a = page(db);
    await type(a, 'docker run --name gone hello-world >/dev/null');
    expect((await a.reset()).ok).toBe(true);
    const b = page(db);
    expect(await sh(await b.host, 'docker ps -a -q; docker images -q')).toBe('');
    expect(b.history.lines).toEqual([]);
  });
  it('knows whether it owns the workspace before the page mounts; a command is saved after the frame, or at once by flush', async () => {
    const db = `ws-${++n}`;
    const a = page(db);
    await a.decided;
    expect(a.ownership).toBe('owner');
    const host = await a.host;
    await a.flush();
    expect(a.status.kind).toBe('saved');
    await sh(host, 'docker create --name later hello-world >/dev/null');
    // the command's end asked for a save after the next frame: nothing is being written yet
    expect(a.status.kind).toBe('saved');
    await a.flush();
    const b = page(db);
    expect(await sh(await b.host, 'docker ps -a --format "{{.Names}}"')).toBe('later\n');
  });
});
