// The page's view of the engine: follows the daemon's EventBus and tells the
// panels "something changed" at most once per animation frame. Panels derive
// their read models (src/engine/views) from `version`, so only the panel on
// screen computes anything, and a burst of events costs one recompute.
import type { Daemon } from '../engine/daemon.ts';
import type { EngineEvent } from '../engine/events.ts';
import type { ContainerStatus } from '../engine/container/state.ts';

export interface FsChange {
  seq: number;
  containerId: string;
  action: Extract<EngineEvent, { type: 'fs' }>['action'];
  path: string;
  time: number;
}

export interface Transition {
  seq: number;
  id: string;
  name: string;
  action: string;
  time: number;
}

export interface Pushed {
  ref: string;
  time: number;
}

const FS_KEEP = 60;
const TRANSITIONS_KEEP = 30;
/** How long a removed container's token stays on `removed` (ms of page time). */
export const REMOVED_SHOWN_MS = 6000;

/** Container actions that move a token on the lifecycle diagram. */
const STATE_ACTIONS = new Set(['create', 'start', 'restart', 'die', 'stop', 'kill', 'pause', 'unpause', 'destroy', 'rename']);

export class EngineView {
  /** Bumped once per frame in which the engine changed. */
  version = $state(0);
  /** The latest file changes in containers, newest last. */
  fsChanges = $state.raw<FsChange[]>([]);
  /** The latest container state changes, newest last. */
  transitions = $state.raw<Transition[]>([]);
  /** Containers removed a moment ago: their tokens rest on `removed`. */
  removed = $state.raw<Array<{ id: string; name: string; at: number; state: ContainerStatus | 'removed' }>>([]);
  /** Pushes this engine made (to the Hub once logged in, and to the private registry). */
  pushes = $state.raw<Pushed[]>([]);

  private seq = 0;
  private pendingFs: FsChange[] = [];
  private pendingTransitions: Transition[] = [];
  private pendingRemoved: Array<{ id: string; name: string; at: number; state: 'removed' }> = [];
  private pendingPushes: Pushed[] = [];
  private scheduled = false;
  private readonly off: () => void;

  constructor(readonly daemon: Daemon) {
    this.off = daemon.events.on((e) => this.onEvent(e));
  }

  dispose(): void {
    this.off();
  }

  private onEvent(e: EngineEvent): void {
    if (e.type === 'log') return;
    if (e.type === 'fs') {
      this.pendingFs.push({ seq: ++this.seq, containerId: e.containerId, action: e.action, path: e.path, time: e.time });
      if (this.pendingFs.length > FS_KEEP) this.pendingFs.splice(0, this.pendingFs.length - FS_KEEP);
    } else if (e.type === 'container') {
      if (STATE_ACTIONS.has(e.action)) {
        this.pendingTransitions.push({ seq: ++this.seq, id: e.id, name: e.name, action: e.action, time: e.time });
        if (this.pendingTransitions.length > TRANSITIONS_KEEP) this.pendingTransitions.shift();
      }
      if (e.action === 'destroy') this.pendingRemoved.push({ id: e.id, name: e.name, at: Date.now(), state: 'removed' });
    } else if (e.type === 'image' && e.action === 'push' && e.ref) {
      this.pendingPushes.push({ ref: e.id, time: e.time });
    }
    this.schedule();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    const raf = globalThis.requestAnimationFrame ?? ((cb: () => void) => setTimeout(cb, 16));
    raf(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    if (this.pendingFs.length > 0) {
      this.fsChanges = [...this.fsChanges, ...this.pendingFs].slice(-FS_KEEP);
      this.pendingFs = [];
    }
    if (this.pendingTransitions.length > 0) {
      this.transitions = [...this.transitions, ...this.pendingTransitions].slice(-TRANSITIONS_KEEP);
      this.pendingTransitions = [];
    }
    const now = Date.now();
    if (this.pendingRemoved.length > 0 || this.removed.some((r) => now - r.at > REMOVED_SHOWN_MS)) {
      this.removed = [...this.removed, ...this.pendingRemoved].filter((r) => now - r.at <= REMOVED_SHOWN_MS).slice(-50);
      this.pendingRemoved = [];
    }
    if (this.pendingPushes.length > 0) {
      this.pushes = [...this.pushes, ...this.pendingPushes];
      this.pendingPushes = [];
    }
    this.version++;
  }

  /** Drops removed tokens whose time is up (the lifecycle panel calls it on a timer). */
  expireRemoved(): void {
    const now = Date.now();
    if (this.removed.some((r) => now - r.at > REMOVED_SHOWN_MS)) this.removed = this.removed.filter((r) => now - r.at <= REMOVED_SHOWN_MS);
  }
}
