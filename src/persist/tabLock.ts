// One tab owns the workspace. The owner holds a Web Lock; another tab of the
// origin finds it taken and says so. "Use Berth here" asks the owner over a
// BroadcastChannel to save and let go, then waits for the lock: no two tabs
// ever write the database at once, and the one that takes over reads what
// the other saved last.

/** The parts of navigator.locks used here. */
export interface Locks {
  request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void> | null): Promise<unknown>;
}

/** The parts of BroadcastChannel used here. */
export interface Channel {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}

export const LOCK_NAME = 'berth-workspace';

interface ReleaseRequest {
  type: 'berth-release';
  from: string;
}

const isReleaseRequest = (data: unknown): data is ReleaseRequest =>
  typeof data === 'object' && data !== null && (data as { type?: unknown }).type === 'berth-release';

export class TabLock {
  private letGo: (() => void) | null = null;
  private releasing: Promise<void> | null = null;
  private readonly id = Math.random().toString(36).slice(2);

  /**
   * @param onReleaseRequested called when another tab asks for the workspace
   *   while this one owns it: save and stop writing; the lock is released
   *   when the returned promise settles.
   */
  constructor(
    private readonly locks: Locks,
    private readonly channel: Channel,
    private readonly onReleaseRequested: () => Promise<void>,
    private readonly name = LOCK_NAME,
  ) {
    channel.onmessage = (event) => {
      if (isReleaseRequest(event.data) && event.data.from !== this.id) void this.release();
    };
  }

  get owned(): boolean {
    return this.letGo !== null;
  }

  /** Takes the lock if no other tab holds it; false when one does. */
  tryAcquire(): Promise<boolean> {
    return this.acquire(true);
  }

  /** Asks the owner to let go, and resolves once this tab holds the lock. */
  claim(): Promise<void> {
    const held = this.acquire(false);
    this.channel.postMessage({ type: 'berth-release', from: this.id } satisfies ReleaseRequest);
    return held.then(() => undefined);
  }

  /** Saves (through onReleaseRequested) and lets go; nothing when not the owner. */
  release(): Promise<void> {
    if (!this.letGo) return this.releasing ?? Promise.resolve();
    const letGo = this.letGo;
    this.releasing = this.onReleaseRequested()
      .catch(() => undefined)
      .then(() => {
        this.letGo = null;
        this.releasing = null;
        letGo();
      });
    return this.releasing;
  }

  /** Lets go without saving (the page is going away or restarting). */
  drop(): void {
    const letGo = this.letGo;
    this.letGo = null;
    letGo?.();
  }

  close(): void {
    this.drop();
    this.channel.onmessage = null;
    this.channel.close();
  }

  private acquire(ifAvailable: boolean): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.locks
        .request(this.name, { ifAvailable }, (lock) => {
          if (lock === null) {
            resolve(false);
            return null;
          }
          // held until letGo is called
          return new Promise<void>((done) => {
            this.letGo = done;
            resolve(true);
          });
        })
        .catch(reject);
    });
  }
}
