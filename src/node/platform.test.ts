import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Scheduler } from '../engine/runtime/scheduler.ts';
import { createNodePlatform } from './platform.ts';

describe('Node platform', () => {
  it('has a fixed start clock that a Scheduler takes over', async () => {
    const before = Date.now();
    const p = createNodePlatform();
    const t0 = p.clock.now();
    expect(t0).toBeGreaterThanOrEqual(before);
    await new Promise((r) => setTimeout(r, 5));
    expect(p.clock.now()).toBe(t0);
    const s = new Scheduler(p.clock.now(), p.yieldTask);
    let woke = false;
    await s.runUntil(s.sleep(60_000).then(() => (woke = true)));
    expect(woke).toBe(true);
    expect(s.now()).toBe(t0 + 60_000);
    expect(createNodePlatform({ startMs: 1234 }).clock.now()).toBe(1234);
  });

  it('makes random ids', () => {
    const { ids } = createNodePlatform();
    const a = ids.randomHex(32);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(ids.randomHex(32)).not.toBe(a);
    expect(ids.randomHex(6)).toMatch(/^[0-9a-f]{12}$/);
    for (let i = 0; i < 200; i++) {
      const n = ids.randomInt(7);
      expect(Number.isInteger(n) && n >= 0 && n < 7).toBe(true);
    }
    expect(ids.randomInt(1)).toBe(0);
    expect(() => ids.randomInt(0)).toThrow(RangeError);
  });

  it('hashes with SHA-256', async () => {
    const { hasher } = createNodePlatform();
    const data = new TextEncoder().encode('hello\n');
    expect(await hasher.sha256(data)).toBe(createHash('sha256').update(data).digest('hex'));
    expect(await hasher.sha256(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    // a view into a larger buffer hashes only its own bytes
    const big = new TextEncoder().encode('xxhello\nyy');
    expect(await hasher.sha256(big.subarray(2, 8))).toBe(await hasher.sha256(data));
  });

  it('yields to I/O callbacks', async () => {
    const { yieldTask } = createNodePlatform();
    let immediate = false;
    setImmediate(() => (immediate = true));
    await yieldTask();
    expect(immediate).toBe(true);
  });
});
