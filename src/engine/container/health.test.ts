import { describe, expect, it } from 'vitest';
import { nodeHasher as hasher, nodeYield as yieldTask } from '../../node/platform.ts';
import { testDaemon } from '../testing.ts';
import type { EngineEvent } from '../events.ts';
import { programsFor } from '../runtime/programs/index.ts';
import { tableResolver } from '../runtime/resolve.ts';
import type { Daemon } from '../daemon.ts';
import type { CreateOptions } from './service.ts';
import { inspectContainer } from '../inspect.ts';
import { lookupImage } from '../image/store.ts';
import { statusText } from './state.ts';
import { LimitedBuffer, mergeHealthConfig, validateHealthConfig, type HealthConfig } from './health.ts';

const S = 1e9;
const resolve = tableResolver({ busybox: programsFor('busybox'), gnu: new Map(), byPath: new Map() });

async function daemon() {
  const d = testDaemon({ hasher, yieldTask, resolve });
  await d.clock.runUntil(d.imageService.pull('busybox', () => {}));
  const events: EngineEvent[] = [];
  d.events.on((e) => events.push(e));
  return { d, events };
}

async function run(d: Daemon, o: Omit<CreateOptions, 'image'> & { image?: string }) {
  const c = await d.containerService.create({ image: 'busybox', ...o });
  await d.clock.runUntil(d.containerService.start(c.id));
  return c;
}

/** Advances the virtual clock by `ms`, letting every process and probe due run. */
async function wait(d: Daemon, ms: number) {
  await d.clock.runUntil(d.clock.sleep(ms));
}

const healthEvents = (events: EngineEvent[]) =>
  events.flatMap((e) => (e.type === 'container' && e.action === 'health_status' ? [e.health] : []));

describe('health checks', () => {
  it('runs the check every Interval, turns healthy on success, and shows it in docker ps and inspect', async () => {
    const { d, events } = await daemon();
    const c = await run(d, {
      name: 'web',
      cmd: ['sh', '-c', 'sleep 2; touch /tmp/ok; sleep 60'],
      healthcheck: { Test: ['CMD-SHELL', 'test -e /tmp/ok'], Interval: 1 * S, Retries: 2 },
    });
    expect(c.state.Health).toEqual({ Status: 'starting', FailingStreak: 0, Log: [] });
    expect(statusText(c.state, d.clock.now())).toBe('Up Less than a second (health: starting)');
    await wait(d, 1500);
    // the first probe (at 1s) failed: one failure, still starting
    expect(c.state.Health!.Status).toBe('starting');
    expect(c.state.Health!.FailingStreak).toBe(1);
    expect(c.state.Health!.Log).toHaveLength(1);
    expect(c.state.Health!.Log[0]!.ExitCode).toBe(1);
    await wait(d, 3000);
    expect(c.state.Health!.Status).toBe('healthy');
    expect(c.state.Health!.FailingStreak).toBe(0);
    expect(statusText(c.state, d.clock.now())).toBe('Up 4 seconds (healthy)');
    expect(healthEvents(events)).toEqual(['healthy']);
    // each probe is an exec of the image's shell, its record dropped afterwards
    const creates = events.filter((e) => e.type === 'container' && e.action === 'exec_create');
    expect(creates.length).toBe(4);
    expect(creates[0]!.type === 'container' && creates[0]!.exec!.command).toBe('/bin/sh -c test -e /tmp/ok');
    expect(d.execs.size).toBe(0);
    const state = inspectContainer(d, c).State as Record<string, unknown>;
    const health = state.Health as { Status: string; FailingStreak: number; Log: Array<Record<string, unknown>> };
    expect(health.Status).toBe('healthy');
    expect(health.Log[0]).toEqual({ Start: '2026-11-23T12:00:01Z', End: '2026-11-23T12:00:01Z', ExitCode: 1, Output: '' });
    expect((inspectContainer(d, c).Config as Record<string, unknown>).Healthcheck).toEqual({ Test: ['CMD-SHELL', 'test -e /tmp/ok'], Interval: 1 * S, Retries: 2 });
  });

  it('counts Retries consecutive failures as unhealthy, keeps the last five outputs, and says so once', async () => {
    const { d, events } = await daemon();
    const c = await run(d, { cmd: ['sleep', '100'], healthcheck: { Test: ['CMD-SHELL', 'echo out; echo err >&2; exit 3'], Interval: 1 * S } });
    await wait(d, 2500);
    expect(c.state.Health!.Status).toBe('starting');
    await wait(d, 1000);
    expect(c.state.Health!.Status).toBe('unhealthy');
    expect(c.state.Health!.FailingStreak).toBe(3);
    await wait(d, 5000);
    const h = c.state.Health!;
    expect(h.FailingStreak).toBe(8);
    expect(h.Log).toHaveLength(5);
    expect(h.Log.map((r) => r.Start - c.state.StartedAt)).toEqual([4000, 5000, 6000, 7000, 8000]);
    expect(h.Log[4]).toMatchObject({ ExitCode: 3, Output: 'out\nerr\n' });
    expect(healthEvents(events)).toEqual(['unhealthy']);
    expect(statusText(c.state, d.clock.now())).toBe('Up 8 seconds (unhealthy)');
  });

  it('kills a probe that outlasts Timeout and records why', async () => {
    const { d } = await daemon();
    const c = await run(d, { cmd: ['sleep', '100'], healthcheck: { Test: ['CMD', 'sleep', '10'], Interval: 1 * S, Timeout: 2 * S, Retries: 1 } });
    await wait(d, 3500);
    const h = c.state.Health!;
    expect(h.Status).toBe('unhealthy');
    expect(h.Log[0]).toMatchObject({ ExitCode: -1, Output: 'Health check exceeded timeout (2s)' });
    expect(h.Log[0]!.End - h.Log[0]!.Start).toBe(2000);
    // the killed probe is gone from the container
    expect(d.tasks.get(c.id)!.ns.processes().map((p) => p.argv.join(' '))).toEqual(['sleep 100']);
  });

  it('puts the output before the timeout message, and cuts output at 4096 bytes', async () => {
    const { d } = await daemon();
    const c = await run(d, { cmd: ['sleep', '100'], healthcheck: { Test: ['CMD-SHELL', 'echo partial; sleep 10'], Interval: 1 * S, Timeout: 1 * S } });
    await wait(d, 2500);
    expect(c.state.Health!.Log[0]!.Output).toBe('Health check exceeded timeout (1s): partial\n');
    const b = new LimitedBuffer();
    b.write('a'.repeat(4000));
    b.write('é'.repeat(100));
    expect(b.toString()).toBe(`${'a'.repeat(4000)}${'é'.repeat(48)}...`);
  });

  it('does not count failures in the start period, probing every StartInterval meanwhile', async () => {
    const { d } = await daemon();
    const c = await run(d, {
      cmd: ['sleep', '100'],
      healthcheck: { Test: ['CMD', 'false'], Interval: 1 * S, StartPeriod: 10 * S, StartInterval: 3 * S, Retries: 1 },
    });
    await wait(d, 9500);
    expect(c.state.Health!.Log.map((r) => r.Start - c.state.StartedAt)).toEqual([3000, 6000, 9000]);
    expect(c.state.Health).toMatchObject({ Status: 'starting', FailingStreak: 0 });
    await wait(d, 3000);
    // the interval is chosen when a probe ends: at 9s, still in the start period, the next comes 3s later and counts
    expect(c.state.Health!.Log.map((r) => r.Start - c.state.StartedAt)).toEqual([3000, 6000, 9000, 12000]);
    expect(c.state.Health).toMatchObject({ Status: 'unhealthy', FailingStreak: 1 });
    await wait(d, 2000);
    expect(c.state.Health!.Log.map((r) => r.Start - c.state.StartedAt)).toEqual([6000, 9000, 12000, 13000, 14000]);
  });

  it('reports a probe that cannot start as exit code -1 with the runtime error', async () => {
    const { d } = await daemon();
    const c = await run(d, { cmd: ['sleep', '100'], healthcheck: { Test: ['CMD', 'nosuch'], Interval: 1 * S, Retries: 1 } });
    await wait(d, 1500);
    expect(c.state.Health!.Log[0]!.ExitCode).toBe(-1);
    expect(c.state.Health!.Log[0]!.Output).toContain('"nosuch": executable file not found in $PATH');
    expect(c.state.Health!.Status).toBe('unhealthy');
  });

  it('stops with the container (status unhealthy, as moby leaves it) and starts over on start', async () => {
    const { d } = await daemon();
    const c = await run(d, { cmd: ['sleep', '100'], healthcheck: { Test: ['CMD', 'true'], Interval: 1 * S } });
    await wait(d, 1500);
    expect(c.state.Health!.Status).toBe('healthy');
    // sleep ignores SIGTERM as PID 1: checks go on for the 10 seconds docker stop waits
    await d.clock.runUntil(d.containerService.stop(c.id));
    expect(d.containerService.health.running(c.id)).toBe(false);
    expect(c.state.Health).toMatchObject({ Status: 'unhealthy', FailingStreak: 0 });
    expect(statusText(c.state, d.clock.now())).toBe('Exited (137) Less than a second ago');
    const logged = c.state.Health!.Log.map((r) => r.Start);
    expect(logged).toHaveLength(5);
    await wait(d, 5000);
    expect(c.state.Health!.Log.map((r) => r.Start)).toEqual(logged);
    await d.clock.runUntil(d.containerService.start(c.id));
    expect(c.state.Health).toMatchObject({ Status: 'starting', FailingStreak: 0 });
    expect(statusText(c.state, d.clock.now())).toBe('Up Less than a second (health: starting)');
    await wait(d, 1500);
    expect(c.state.Health!.Status).toBe('healthy');
    expect(c.state.Health!.Log.map((r) => r.Start)).toEqual([...logged.slice(1), c.state.StartedAt + 1000]);
    await d.clock.runUntil(d.containerService.remove(c.id, true));
    expect(d.containerService.health.running(c.id)).toBe(false);
    expect(d.clock.pendingTimers).toBe(0);
  });

  it('pauses with the container', async () => {
    const { d } = await daemon();
    const c = await run(d, { cmd: ['sleep', '100'], healthcheck: { Test: ['CMD', 'true'], Interval: 1 * S } });
    await wait(d, 1500);
    d.containerService.pause(c.id);
    expect(c.state.Health!.Status).toBe('unhealthy');
    expect(statusText(c.state, d.clock.now())).toBe('Up 1 second (Paused)');
    await wait(d, 3000);
    expect(c.state.Health!.Log).toHaveLength(1);
    d.containerService.unpause(c.id);
    await wait(d, 1500);
    expect(c.state.Health!.Status).toBe('healthy');
    expect(c.state.Health!.Log).toHaveLength(2);
  });

  it('runs nothing for NONE, --no-healthcheck or no check at all', async () => {
    const { d } = await daemon();
    const a = await run(d, { cmd: ['sleep', '100'], healthcheck: { Test: ['NONE'] } });
    const b = await run(d, { cmd: ['sleep', '100'] });
    await wait(d, 40_000);
    expect(a.state.Health).toBeUndefined();
    expect(b.state.Health).toBeUndefined();
    expect(statusText(a.state, d.clock.now())).toBe('Up 40 seconds');
    expect((inspectContainer(d, a).State as Record<string, unknown>).Health).toBeUndefined();
    expect((inspectContainer(d, b).Config as Record<string, unknown>).Healthcheck).toBeUndefined();
  });

  it('uses the defaults: first probe after 30s, 3 retries', async () => {
    const { d } = await daemon();
    const c = await run(d, { cmd: ['sleep', '1000'], healthcheck: { Test: ['CMD', 'false'] } });
    await wait(d, 29_000);
    expect(c.state.Health!.Log).toHaveLength(0);
    await wait(d, 2000);
    expect(c.state.Health!.Log).toHaveLength(1);
    await wait(d, 60_000);
    expect(c.state.Health).toMatchObject({ Status: 'unhealthy', FailingStreak: 3 });
  });

  it('refuses durations under 1ms and negative retries before looking for the image', async () => {
    const { d } = await daemon();
    const create = (h: HealthConfig) => d.containerService.create({ image: 'nosuch', healthcheck: h });
    await expect(create({ Interval: 500_000 })).rejects.toThrow('Interval in Healthcheck cannot be less than 1ms');
    await expect(create({ Timeout: 1 })).rejects.toThrow('Timeout in Healthcheck cannot be less than 1ms');
    await expect(create({ Retries: -1 })).rejects.toThrow('Retries in Healthcheck cannot be negative');
    await expect(create({ StartPeriod: 10 })).rejects.toThrow('StartPeriod in Healthcheck cannot be less than 1ms');
    await expect(create({ StartInterval: 10 })).rejects.toThrow('StartInterval in Healthcheck cannot be less than 1ms');
    expect(validateHealthConfig({ Interval: 1_000_000 })).toBeUndefined();
  });

  it("merges the user's settings over the image's", () => {
    const image: HealthConfig = { Test: ['CMD-SHELL', 'check'], Interval: 5 * S, Timeout: 3 * S, Retries: 2 };
    expect(mergeHealthConfig(undefined, image)).toEqual(image);
    expect(mergeHealthConfig({ Interval: 1 * S }, image)).toEqual({ Test: ['CMD-SHELL', 'check'], Interval: 1 * S, Timeout: 3 * S, Retries: 2 });
    expect(mergeHealthConfig({ Test: ['NONE'] }, image)).toEqual({ Test: ['NONE'], Interval: 5 * S, Timeout: 3 * S, Retries: 2 });
    expect(mergeHealthConfig({ Test: ['CMD', 'x'] }, undefined)).toEqual({ Test: ['CMD', 'x'] });
  });

  it("takes the image's HEALTHCHECK, and starts over when a restart policy restarts the container", async () => {
    const { d } = await daemon();
    // an image whose config carries a check, as a build's HEALTHCHECK leaves it
    lookupImage(d.images, d.refs, 'busybox').image.config.config.Healthcheck = { Test: ['CMD', 'true'], Interval: 1 * S, Retries: 2 };
    const c = await run(d, { cmd: ['sh', '-c', 'sleep 3; exit 1'], restart: 'always', healthcheck: { Timeout: 5 * S } });
    expect(c.config.Healthcheck).toEqual({ Test: ['CMD', 'true'], Interval: 1 * S, Timeout: 5 * S, Retries: 2 });
    await wait(d, 1500);
    expect(c.state.Health!.Status).toBe('healthy');
    await wait(d, 1700);
    // exited at 3s, restarted 100ms later: starting again, the log kept
    expect(c.restartCount).toBe(1);
    expect(c.state.Health).toMatchObject({ Status: 'starting', FailingStreak: 0 });
    expect(c.state.Health!.Log).toHaveLength(2);
    await wait(d, 1000);
    expect(c.state.Health!.Status).toBe('healthy');
    const off = await run(d, { cmd: ['sleep', '100'], healthcheck: { Test: ['NONE'] } });
    await wait(d, 2000);
    expect(off.state.Health).toBeUndefined();
  });
});
