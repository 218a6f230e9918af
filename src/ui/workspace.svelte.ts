// The learner's workspace: the simulated host the page's terminals and
// panels share, kept in IndexedDB. Boot takes the tab lock, loads what was
// saved and restores the host from it; after each command (and, while a long
// command runs or the engine changes at the prompt, a moment after the
// engine's events) the changes and the history are saved in one
// transaction. Saving never stops the page: when the browser refuses, Berth
// goes on in memory and says why.
import type { HostOptions, HostStateApi, SimulatedHost } from '../shell/host.ts';
import { machinesState, splitMachines } from '../shell/machines.ts';
import { WorkspaceStore, type PersistFailure, type PersistResult } from '../persist/store.ts';
import { TabLock, type Channel, type Locks } from '../persist/tabLock.ts';
import { browserPlatform } from './platform.ts';
import { MemoryHistory } from './terminal/history.ts';
import { mark } from './terminal/marks.ts';

// The engine and the workspace file format load beside the page's first
// script, so the prompt is drawn without waiting for them to be parsed.
let hostModule: Promise<typeof import('../shell/host.ts')> | null = null;
/** The engine's code, asked for once (again after a failure). */
const loadHost = () =>
  (hostModule ??= import('../shell/host.ts').catch((error: unknown) => {
    hostModule = null;
    throw error;
  }));
const createHost = async (options: HostOptions): Promise<SimulatedHost> => (await loadHost()).createHost(options);
const workspaceFile = () => import('../persist/workspaceFile.ts');

/** Where the saving stands (the header's status). */
export type SaveStatus =
  | { kind: 'starting' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  /** Not being saved: the page works in memory. */
  | { kind: 'memory'; failure: PersistFailure }
  /** Another tab owns the workspace; this one shows the notice. */
  | { kind: 'other-tab' };

/** Who owns the workspace, from this tab's point of view. */
export type Ownership =
  | 'starting'
  | 'owner'
  /** Another tab held it when this one opened. */
  | 'other-tab'
  /** This tab owned it and let another take it. */
  | 'moved'
  /** Asked the owner to let go; waiting for it. */
  | 'claiming';

/** A saved workspace that could not be restored: kept until downloaded or discarded. */
export interface RestoreProblem {
  detail: string;
  records: Map<string, unknown>;
  history: string[];
}

/** An import file, read and checked, ready to replace the workspace. */
export interface CheckedImport {
  file: string;
  records: Map<string, unknown>;
  history: string[];
}

export type ImportCheck = { ok: true; value: CheckedImport } | { ok: false; reason: 'unreadable' | 'not-restorable'; detail: string };

/** Saves after engine events wait this long for quiet… */
const EVENT_DEBOUNCE_MS = 1000;
/** …but no longer than this while the engine keeps changing (a container logging every second). */
const EVENT_MAX_WAIT_MS = 5000;
/** After a failed save, the next attempt (a full one) waits at least this long. */
const RETRY_AFTER_MS = 15_000;
/** A reload can find the lock still held by the page it replaces for a moment. */
const LOCK_RETRIES = [50, 150, 300];
/**
 * Set in the page's history entry before a reload that should take the
 * workspace back from another tab: a reload keeps it, and reading it costs no
 * round trip to the browser process (sessionStorage's first read does, on the
 * way to the first prompt).
 */
const CLAIM_KEY = 'berthClaim';

interface Pending {
  full: Map<string, unknown> | null;
  put: Map<string, unknown>;
  remove: Set<string>;
  history: string[];
}

export interface WorkspaceOptions {
  /** Restarts the page (after a reset or an import). */
  restart?: () => void;
  /** The database's name (tests). */
  databaseName?: string;
}

/** The second machine's host name (its prompt is root@berth2). */
export const SECOND_HOSTNAME = 'berth2';

export class Workspace {
  readonly host: Promise<SimulatedHost>;
  readonly secondHostname = SECOND_HOSTNAME;
  /** The second machine, once asked for (secondMachine). */
  private second: Promise<SimulatedHost> | null = null;
  /** The terminals' shared history. */
  readonly history = new MemoryHistory();

  /**
   * Resolves once this tab knows whether it owns the workspace (or is
   * waiting for another tab to let go): the page mounts then, so a tab that
   * owns it draws its first prompt in the same task as its terminal.
   */
  readonly decided: Promise<void>;
  private markDecided: () => void = () => {};

  status = $state.raw<SaveStatus>({ kind: 'starting' });
  ownership = $state<Ownership>('starting');
  restoreProblem = $state.raw<RestoreProblem | null>(null);

  private store: WorkspaceStore | null = null;
  /** The second machine once it exists. */
  private secondLive: SimulatedHost | null = null;
  /** Every machine's records (what is saved). */
  private machines: HostStateApi | null = null;
  private lock: TabLock | null = null;
  private live: SimulatedHost | null = null;
  /** False while nothing may be written: a restore problem, another tab, a reset or import under way. */
  private writable = false;
  private pending: Pending | null = null;
  private inflight: Promise<void> | null = null;
  /** The database missed a save: the next one writes everything. */
  private needsFull = false;
  private failedAt = 0;
  private eventTimer: ReturnType<typeof setTimeout> | null = null;
  /** A save is waiting for the next frame (saveAfterFrame). */
  private frameSaveQueued = false;
  private firstEventAt = 0;
  private claimed: (() => void) | null = null;
  private readonly restart: () => void;
  private readonly databaseName: string | undefined;

  constructor(options: WorkspaceOptions = {}) {
    this.restart = options.restart ?? (() => location.reload());
    this.databaseName = options.databaseName;
    this.decided = new Promise<void>((resolve) => (this.markDecided = resolve));
    this.host = this.boot();
    // boot's own failures are reported by the terminal that awaits the host
    this.host.catch(() => this.markDecided());
  }

  /**
   * Another machine, created the first time it is asked for (or restored with
   * the workspace): on the same network and Docker Hub as the first (push on
   * one, pull on the other) with its own images, containers, files and
   * logins. It is saved with the first, in the same transaction.
   */
  secondMachine(): Promise<SimulatedHost> {
    return (this.second ??= this.host.then(async (first) => {
      const second = await createHost({ platform: browserPlatform(), realtime: true, hostname: SECOND_HOSTNAME, registries: first.registries });
      this.attachSecond(second);
      return second;
    }));
  }

  /** The second machine saves after its commands and events, as the first does. */
  private attachSecond(second: SimulatedHost): void {
    this.secondLive = second;
    this.second ??= Promise.resolve(second);
    second.onCommand(() => this.saveAfterFrame());
    second.daemon.events.on(() => this.afterEvent());
  }

  /** Whether some machine is half-way through a command. */
  private midCommand(): boolean {
    return (this.live?.midCommand() ?? false) || (this.secondLive?.midCommand() ?? false);
  }

  /** This tab may be typed into. */
  get owner(): boolean {
    return this.ownership === 'owner';
  }

  // ---- boot ----

  private async boot(): Promise<SimulatedHost> {
    this.lock = this.makeLock();
    if (this.lock) {
      let owned = false;
      if (takeClaimFlag()) {
        this.ownership = 'claiming';
        this.markDecided();
        await this.lock.claim();
        owned = true;
      } else {
        owned = await this.lock.tryAcquire();
        // held by another tab, or by the page this one replaces for a moment: the retries come after the mount
        if (!owned) this.markDecided();
        for (const ms of LOCK_RETRIES) {
          if (owned) break;
          await sleep(ms);
          owned = await this.lock.tryAcquire();
        }
      }
      if (!owned) {
        this.ownership = 'other-tab';
        this.status = { kind: 'other-tab' };
        await new Promise<void>((resolve) => (this.claimed = resolve));
      }
    }
    this.ownership = 'owner';
    this.markDecided();
    const host = await this.start();
    mark('host-ready');
    this.live = host;
    this.machines = machinesState(host, () => (this.secondLive ? [this.secondLive] : []));
    // the first save: everything for a new database; for a restored one, what
    // the restore itself changed (containers that were running start again).
    // It and each command's save wait for the frame that shows the prompt or
    // the command's answer: capturing and writing (IndexedDB clones every
    // record on the page's thread) take a few ms that frame would wait for.
    this.saveAfterFrame();
    host.onCommand(() => this.saveAfterFrame());
    host.daemon.events.on(() => this.afterEvent());
    globalThis.addEventListener?.('pagehide', () => this.saveSoon());
    return host;
  }

  private makeLock(): TabLock | null {
    const locks = (globalThis.navigator as { locks?: Locks } | undefined)?.locks;
    if (!locks || typeof BroadcastChannel === 'undefined') return null;
    const channel = new BroadcastChannel('berth-workspace') as unknown as Channel;
    return new TabLock(locks, channel, () => this.stepAside());
  }

  /** Opens the store, loads, and creates the host: the saved one, or a fresh one with the reason. */
  private async start(): Promise<SimulatedHost> {
    const fresh = () => createHost({ platform: browserPlatform(), realtime: true });
    // the engine's code loads while the database opens, asked for in the next
    // task: this one goes on to mount the page and write the first prompt (a
    // failure shows when the host is created)
    setTimeout(() => loadHost().catch(() => undefined), 0);
    const opened = await WorkspaceStore.open(this.databaseName);
    mark('store-opened');
    if (!opened.ok) {
      this.status = { kind: 'memory', failure: opened.failure };
      return fresh();
    }
    this.store = opened.value;
    const loaded = await this.store.load();
    if (!loaded.ok) {
      this.status = { kind: 'memory', failure: loaded.failure };
      return fresh();
    }
    const { records, history } = loaded.value;
    if (records.size === 0) {
      this.history.replace(history);
      this.writable = true;
      this.needsFull = true;
      return fresh();
    }
    try {
      const { first, others } = splitMachines(records);
      const host = await createHost({ platform: browserPlatform(), realtime: true, restore: first });
      const saved = others.get(SECOND_HOSTNAME);
      if (saved) {
        const second = await createHost({ platform: browserPlatform(), realtime: true, hostname: SECOND_HOSTNAME, registries: host.registries, restore: saved });
        this.attachSecond(second);
      }
      this.history.replace(history);
      this.writable = true;
      this.status = { kind: 'saved', at: loaded.value.savedAt ?? Date.now() };
      return host;
    } catch (error) {
      const detail = describe(error);
      this.restoreProblem = { detail, records, history };
      this.status = { kind: 'memory', failure: { kind: 'unreadable', detail } };
      return fresh();
    }
  }

  // ---- saving ----

  /**
   * Saves after the next frame (or 100 ms, whatever comes first: a hidden tab
   * draws no frames), between commands only: if a command runs by then, its
   * own end saves. `flush` and `saveSoon` do it at once.
   */
  saveAfterFrame(): void {
    if (this.frameSaveQueued) return;
    this.frameSaveQueued = true;
    afterNextFrame(() => {
      if (!this.frameSaveQueued) return; // saved meanwhile
      this.frameSaveQueued = false;
      if (this.midCommand()) return;
      this.saveSoon();
    });
  }

  /** Captures what changed now and writes it after any save in flight. */
  saveSoon(): void {
    this.frameSaveQueued = false;
    if (!this.writable || !this.store || !this.live || !this.machines) return;
    if (this.eventTimer) clearTimeout(this.eventTimer);
    this.eventTimer = null;
    this.firstEventAt = 0;
    const state = this.machines;
    const history = [...this.history.lines];
    if (this.needsFull) {
      if (this.status.kind === 'memory' && Date.now() - this.failedAt < RETRY_AFTER_MS) return;
      state.captureChanges();
      this.pending = { full: state.captureAll(), put: new Map(), remove: new Set(), history };
      this.needsFull = false;
    } else {
      const { put, remove } = state.captureChanges();
      const p = (this.pending ??= { full: null, put: new Map(), remove: new Set(), history });
      p.history = history;
      for (const key of remove) {
        if (p.full) p.full.delete(key);
        else {
          p.put.delete(key);
          p.remove.add(key);
        }
      }
      for (const [key, value] of put) {
        if (p.full) p.full.set(key, value);
        else {
          p.remove.delete(key);
          p.put.set(key, value);
        }
      }
    }
    this.pump();
  }

  /** Resolves once every captured change, and a save waiting for a frame, has been written (or has failed). */
  async flush(): Promise<void> {
    if (this.frameSaveQueued) this.saveSoon();
    while (this.inflight) await this.inflight;
  }

  private pump(): void {
    if (this.inflight || !this.pending || !this.store) return;
    const job = this.pending;
    this.pending = null;
    const store = this.store;
    this.status = { kind: 'saving' };
    const write: Promise<PersistResult> = job.full
      ? store.replace(job.full, job.history)
      : store.save({ put: job.put, remove: [...job.remove] }, job.history);
    this.inflight = write.then((result) => {
      this.inflight = null;
      if (result.ok) {
        if (this.ownership === 'owner') this.status = { kind: 'saved', at: Date.now() };
      } else {
        // the database keeps the previous save; what was captured since builds on the lost one
        this.pending = null;
        this.needsFull = true;
        this.failedAt = Date.now();
        this.status = { kind: 'memory', failure: result.failure };
      }
      this.pump();
    });
  }

  /** Engine events while a command runs or at the prompt: save once they quiet down. */
  private afterEvent(): void {
    if (!this.writable) return;
    const now = Date.now();
    if (!this.firstEventAt) this.firstEventAt = now;
    if (this.eventTimer) clearTimeout(this.eventTimer);
    const wait = Math.max(0, Math.min(EVENT_DEBOUNCE_MS, this.firstEventAt + EVENT_MAX_WAIT_MS - now));
    this.eventTimer = setTimeout(() => this.saveAtBoundary(), wait);
  }

  /**
   * A save between commands only: while a command line is half-way (a shell
   * loop creating containers, a pull) it waits for the command's end, so a
   * page killed then reloads to the state before or after that command. A
   * program reading the keyboard (a container's shell at its prompt) is a
   * boundary: what was typed into it so far is saved.
   */
  private saveAtBoundary(): void {
    this.eventTimer = null;
    if (this.midCommand()) return; // host.onCommand saves when it ends
    this.saveSoon();
  }

  /** After a failure: try a full save now. */
  retry(): void {
    if (!this.writable || !this.live) return;
    this.failedAt = 0;
    this.needsFull = true;
    this.saveSoon();
  }

  // ---- two tabs ----

  /** Another tab asked for the workspace: save, stop writing, show the notice. */
  private async stepAside(): Promise<void> {
    this.saveSoon();
    await this.flush();
    this.writable = false;
    this.store?.close();
    this.store = null;
    this.ownership = 'moved';
    this.status = { kind: 'other-tab' };
  }

  /** "Use Berth here": take the workspace from the tab that has it. */
  async useHere(): Promise<void> {
    if (this.ownership === 'moved') {
      // this page's engine is out of date: start again on what the other tab saved
      try {
        history.replaceState({ ...(history.state ?? {}), [CLAIM_KEY]: true }, '');
      } catch {
        // without it the reloaded page finds the lock taken and shows the notice again
      }
      this.restart();
      return;
    }
    if (this.ownership !== 'other-tab' || !this.lock) return;
    this.ownership = 'claiming';
    await this.lock.claim();
    this.claimed?.();
  }

  // ---- reset, export, import ----

  /** Deletes everything saved (the language choice stays) and restarts on a fresh engine. */
  async reset(): Promise<PersistResult> {
    this.writable = false;
    await this.flush();
    if (this.store) {
      const cleared = await this.store.clear();
      if (!cleared.ok) {
        this.writable = !this.restoreProblem;
        return cleared;
      }
    }
    this.lock?.drop();
    this.restart();
    return { ok: true, value: undefined };
  }

  /** The whole workspace as one file. */
  async exportBytes(): Promise<Uint8Array> {
    await this.host;
    const records = this.machines!.captureAll();
    // captureAll is a capture: what changed since the last save is in it and
    // no longer in the next captureChanges, so the next save writes everything
    this.needsFull = true;
    return workspaceFile().then((f) => f.encodeWorkspace({ records, history: [...this.history.lines] }));
  }

  /** The saved workspace that could not be restored, as a file. */
  savedBytes(): Promise<Uint8Array> | null {
    const problem = this.restoreProblem;
    return problem ? workspaceFile().then((f) => f.encodeWorkspace({ records: problem.records, history: problem.history })) : null;
  }

  /** Gives up the saved workspace that could not be restored: the fresh one is saved from now on. */
  async discardSaved(): Promise<void> {
    if (!this.restoreProblem || !this.store) return;
    this.restoreProblem = null;
    this.writable = true;
    this.needsFull = true;
    this.saveSoon();
    await this.flush();
  }

  /** Reads a file and checks it fully (its format, then that an engine restores from it); changes nothing. */
  async checkImport(file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }): Promise<ImportCheck> {
    let decoded: { records: Map<string, unknown>; history: string[] };
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const workspace = await (await workspaceFile()).decodeWorkspace(bytes);
      decoded = { records: workspace.records, history: [...workspace.history] };
    } catch (error) {
      return { ok: false, reason: 'unreadable', detail: describe(error) };
    }
    try {
      // a host in jump mode is never driven by a timer: it goes when this check is done with it
      const { first, others } = splitMachines(decoded.records);
      const host = await createHost({ platform: browserPlatform(), realtime: false, restore: first });
      for (const [hostname, restore] of others) await createHost({ platform: browserPlatform(), realtime: false, hostname, registries: host.registries, restore });
    } catch (error) {
      return { ok: false, reason: 'not-restorable', detail: describe(error) };
    }
    return { ok: true, value: { file: file.name, ...decoded } };
  }

  /** Replaces the saved workspace with a checked import and restarts on it; on failure nothing changed. */
  async importChecked(checked: CheckedImport): Promise<PersistResult> {
    const wasWritable = this.writable;
    this.writable = false;
    await this.flush();
    const store = this.store;
    if (!store) {
      this.writable = wasWritable;
      return { ok: false, failure: this.status.kind === 'memory' ? this.status.failure : { kind: 'unavailable', detail: 'no database' } };
    }
    const replaced = await store.replace(checked.records, checked.history);
    if (!replaced.ok) {
      this.writable = wasWritable;
      return replaced;
    }
    this.lock?.drop();
    this.restart();
    return replaced;
  }
}

function takeClaimFlag(): boolean {
  try {
    const state: unknown = globalThis.history?.state;
    if (typeof state !== 'object' || state === null || !(CLAIM_KEY in state)) return false;
    const { [CLAIM_KEY]: _, ...rest } = state as Record<string, unknown>;
    history.replaceState(Object.keys(rest).length > 0 ? rest : null, '');
    return true;
  } catch {
    return false;
  }
}

/** Runs `run` in a task after the next frame is drawn, or after 100 ms if no frame comes (a hidden tab). */
function afterNextFrame(run: () => void): void {
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    setTimeout(run, 0);
  };
  globalThis.requestAnimationFrame?.(go);
  setTimeout(go, 100);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
