// One virtual clock drives everything that takes time inside the engine:
// sleeps, log timestamps, stop timeouts, restart back-off.
//
// In the browser the clock follows real time (a driver calls `advanceTo`
// with the wall clock). In tests and transcripts it jumps: `runUntil`
// advances straight to the next timer whenever nothing else can make
// progress, so a 10-second `docker stop` takes no real time.
import type { Clock, YieldFn } from '../platform.ts';
import { modulesLoading } from '../lazy.ts';

export class Killed extends Error {
  constructor(readonly signal: number) {
    super(`killed by signal ${signal}`);
  }
}

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
}

export interface AbortHandle {
  /** Called when the sleeper is interrupted; the sleep rejects with the error. */
  onAbort(cb: (err: Error) => void): () => void;
}

export class Scheduler implements Clock {
  private current: number;
  private timers: Timer[] = [];
  private seq = 0;
  private busy = 0;
  /** runUntil waiting for a first timer. */
  private timerWaiters: Array<() => void> = [];
  /** Called when a timer becomes the next one due (the real-time driver wakes for it). */
  onEarlierTimer: (() => void) | null = null;

  constructor(
    startMs: number,
    private readonly yieldTask: YieldFn,
  ) {
    this.current = startMs;
  }

  now(): number {
    if (this.wall) this.current = Math.max(this.current, this.wall());
    return this.current;
  }

  /** Real-time mode: between the driver's ticks, now() reads the wall clock too, so a timer set after a busy spell counts from the real now. */
  private wall: (() => number) | null = null;
  follow(wall: () => number): void {
    this.wall = wall;
  }

  /** Calls `fn` at virtual time `now + ms`; returns a cancel function. */
  setTimer(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.now() + Math.max(0, ms), seq: this.seq++, fire: fn };
    // keep sorted by (at, seq); timers are few, insertion is cheap
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1]!.at > timer.at) i--;
    this.timers.splice(i, 0, timer);
    if (i === 0) this.onEarlierTimer?.();
    if (this.timerWaiters.length > 0) for (const wake of this.timerWaiters.splice(0)) wake();
    return () => {
      const k = this.timers.indexOf(timer);
      if (k >= 0) this.timers.splice(k, 1);
    };
  }

  /** Resolves after `ms` of virtual time; rejects early if `abort` fires. */
  sleep(ms: number, abort?: AbortHandle): Promise<void> {
    return new Promise((resolve, reject) => {
      let detach = () => {};
      const cancel = this.setTimer(ms, () => {
        detach();
        resolve();
      });
      if (abort) {
        detach = abort.onAbort((err) => {
          cancel();
          reject(err);
        });
      }
    });
  }

  /** Marks real asynchronous work (hashing, storage) so the clock never jumps past it. */
  async track<T>(work: Promise<T>): Promise<T> {
    this.busy++;
    try {
      return await work;
    } finally {
      this.busy--;
    }
  }

  /**
   * Lets other work run, so a long loop never freezes the page. A foreground
   * yield (the prompt's own command) holds the clock still meanwhile; a
   * background one (a busy container) must not, or the clock could never
   * move again.
   */
  yieldNow(foreground = false): Promise<void> {
    return foreground ? this.track(this.yieldTask()) : this.yieldTask();
  }

  get pendingTimers(): number {
    return this.timers.length;
  }

  /** Virtual time the next timer is due, or undefined. */
  get nextTimerAt(): number | undefined {
    return this.timers[0]?.at;
  }

  /** Real-time mode: fire every timer due by `ms` (the driver passes wall-clock time). */
  async advanceTo(ms: number): Promise<void> {
    for (;;) {
      await this.settle();
      const next = this.timers[0];
      if (!next || next.at > ms) break;
      this.timers.shift();
      this.current = Math.max(this.current, next.at);
      next.fire();
    }
    this.current = Math.max(this.current, ms);
  }

  /**
   * Real-time mode: fires the timers due by `ms` at once, without letting a
   * task go by first, if nothing holds the clock (a foreground yield, tracked
   * I/O, code being loaded); at most `max` of them. A `docker stop -t 0`
   * typed at the prompt then ends in the task of its Enter key, and the frame
   * after that key shows its answer. Returns how many fired.
   */
  fireDueNow(ms: number, max: number): number {
    let fired = 0;
    while (fired < max && this.busy === 0 && modulesLoading() === 0) {
      const next = this.timers[0];
      if (!next || next.at > ms) break;
      this.timers.shift();
      this.current = Math.max(this.current, next.at);
      fired++;
      next.fire();
    }
    return fired;
  }

  /** Advances virtual time by `ms`, firing the timers on the way. */
  advance(ms: number): Promise<void> {
    return this.advanceTo(this.current + ms);
  }

  /**
   * Jump mode: waits for `work`, advancing virtual time to the next timer
   * whenever everything else is idle. If nothing is scheduled and the work
   * still waits (input that never comes), it waits for real.
   */
  async runUntil<T>(work: Promise<T>): Promise<T> {
    let done = false;
    const result = work.finally(() => {
      done = true;
    });
    result.catch(() => {});
    for (;;) {
      await this.settle();
      if (done) return result;
      const next = this.timers[0];
      if (!next) {
        // nothing scheduled yet: wait for real until the work ends or a timer is set
        // (a process that has not started yet may be about to sleep)
        await Promise.race([result.then(noop, noop), new Promise<void>((r) => this.timerWaiters.push(r))]);
        continue;
      }
      this.timers.shift();
      this.current = Math.max(this.current, next.at);
      next.fire();
    }
  }

  /** Lets microtasks, tracked I/O and code being loaded (lazy.ts) finish. */
  private async settle(): Promise<void> {
    do {
      await this.yieldTask();
    } while (this.busy > 0 || modulesLoading() > 0);
  }
}

function noop(): void {}
