// The browser's clock mode: virtual time follows the wall clock, and the
// driver wakes for the next timer rather than at its next tick.
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../node/platform.ts';
import { createHost, startRealtimeDriver } from './host.ts';
import { Scheduler } from '../engine/runtime/scheduler.ts';

/** The Node platform with the wall clock the browser's platform has. */
const wallClock = () => ({ ...createNodePlatform(), clock: { now: () => Date.now() } });

/** A scheduler on the wall clock with the page's driver. */
function drivenScheduler(): Scheduler {
  const platform = wallClock();
  const scheduler = new Scheduler(platform.clock.now(), platform.yieldTask);
  startRealtimeDriver(scheduler, platform.clock);
  return scheduler;
}

/** Lets the driver's first tick go by. */
const settled = () => new Promise((r) => setTimeout(r, 5));

describe('real-time clock', () => {
  it('timers fire when due, not at the next 50 ms tick of the driver', async () => {
    const scheduler = drivenScheduler();
    const times: number[] = [];
    for (let i = 0; i < 9; i++) {
      await new Promise((r) => setTimeout(r, 7));
      const t0 = performance.now();
      await scheduler.sleep(10);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[4]).toBeLessThan(30);
  });

  it('sleep 0.2 in a container takes 0.2 s of wall time', async () => {
    const h = await createHost({ platform: wallClock(), realtime: true });
    const sink = { write() {} };
    await h.run('docker pull -q busybox', { stdout: sink, stderr: sink });
    const t0 = performance.now();
    await h.run('docker run --rm busybox sleep 0.2', { stdout: sink, stderr: sink });
    const took = performance.now() - t0;
    expect(took).toBeGreaterThanOrEqual(180);
    expect(took).toBeLessThan(600);
  }, 20_000);

  it('a timer due at once fires before a task goes by, so `docker stop -t 0` ends in the task of its Enter', async () => {
    const scheduler = drivenScheduler();
    await settled();
    let taskRan = false;
    setImmediate(() => (taskRan = true));
    await scheduler.sleep(0);
    expect(taskRan).toBe(false);

    const h = await createHost({ platform: wallClock(), realtime: true });
    const sink = { write() {} };
    await h.run('docker pull -q busybox', { stdout: sink, stderr: sink });
    await h.run('docker run -d --name bx busybox sleep 1000', { stdout: sink, stderr: sink });
    await settled();
    let out = '';
    taskRan = false;
    setImmediate(() => (taskRan = true));
    const status = await h.run('docker stop -t 0 bx', { stdout: { write: (s) => (out += s) }, stderr: { write: (s) => (out += s) } });
    expect(taskRan).toBe(false);
    expect([status, out]).toEqual([0, 'bx\n']);
    out = '';
    await h.run("docker inspect -f '{{.State.Status}} {{.State.ExitCode}}' bx", { stdout: { write: (s) => (out += s) }, stderr: sink });
    expect(out).toBe('exited 137\n');

    // kill and rm -f end with the exit, in the same task too
    for (const [line, want] of [
      ['docker start bx', 'bx\n'],
      ['docker kill bx', 'bx\n'],
      ['docker start bx', 'bx\n'],
      ['docker rm -f bx', 'bx\n'],
    ] as const) {
      await settled();
      out = '';
      taskRan = false;
      setImmediate(() => (taskRan = true));
      const st = await h.run(line, { stdout: { write: (s) => (out += s) }, stderr: { write: (s) => (out += s) } });
      expect([line, st, out, taskRan]).toEqual([line, 0, want, false]);
    }
  });

  it('timers due at once still let the page run: a loop of `sleep 0` gives way to other tasks', async () => {
    const scheduler = drivenScheduler();
    await settled();
    let taskRan = false;
    setTimeout(() => (taskRan = true), 0);
    for (let i = 0; i < 100 && !taskRan; i++) await scheduler.sleep(0);
    expect(taskRan).toBe(true);
  });
});
