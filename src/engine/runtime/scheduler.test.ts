import { describe, expect, it } from 'vitest';
import { Scheduler } from './scheduler.ts';

const yieldTask = () => new Promise<void>((r) => setImmediate(r));

describe('Scheduler', () => {
  it('jumps over sleeps in order', async () => {
    const s = new Scheduler(1000, yieldTask);
    const seen: string[] = [];
    const loop = (async () => {
      for (let i = 0; i < 3; i++) {
        seen.push(`tick ${s.now()}`);
        await s.sleep(1000);
      }
    })();
    await s.runUntil(s.sleep(2500));
    expect(seen).toEqual(['tick 1000', 'tick 2000', 'tick 3000']);
    expect(s.now()).toBe(3500);
    await s.runUntil(loop);
    expect(s.now()).toBe(4000);
  });

  it('does not jump while tracked work is pending', async () => {
    const s = new Scheduler(0, yieldTask);
    let ticks = 0;
    void (async () => {
      for (;;) {
        await s.sleep(1000);
        ticks++;
      }
    })();
    const slow = s.track(new Promise<number>((r) => setTimeout(() => r(7), 20)));
    expect(await s.runUntil(slow)).toBe(7);
    expect(ticks).toBe(0);
  });

  it('aborts a sleep', async () => {
    const s = new Scheduler(0, yieldTask);
    let abort: (e: Error) => void = () => {};
    const p = s.sleep(10_000, { onAbort: (cb) => ((abort = cb), () => {}) });
    abort(new Error('stop'));
    await expect(p).rejects.toThrow('stop');
    expect(s.pendingTimers).toBe(0);
  });
});
