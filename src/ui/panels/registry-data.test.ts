import { afterEach, describe, expect, it, vi } from 'vitest';
import { testHost } from '../../node/test-host.ts';
import { LiveReader, hubRepoName, pushedHere, readRegistries, registriesStamp } from './registry-data.ts';

describe('LiveReader', () => {
  afterEach(() => vi.useRealTimers());

  it('makes one reading of a burst of changes, one at a time, and another for a change during a reading', async () => {
    vi.useFakeTimers();
    let reads = 0;
    let release: (() => void) | null = null;
    const applied: number[] = [];
    const reader = new LiveReader(
      () =>
        new Promise<number>((resolve) => {
          const n = ++reads;
          release = () => resolve(n);
        }),
      (n) => applied.push(n),
      100,
    );
    for (let i = 0; i < 50; i++) reader.poke();
    expect(reads).toBe(0); // nothing in the frame of the change
    await vi.advanceTimersByTimeAsync(100);
    expect(reads).toBe(1);
    reader.poke(); // a change while the registry answers
    reader.poke();
    await vi.advanceTimersByTimeAsync(500);
    expect(reads).toBe(1); // never two readings at once
    release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(applied).toEqual([1]); // the reading still shows what is newer than the screen
    await vi.advanceTimersByTimeAsync(100);
    expect(reads).toBe(2);
    release!();
    await vi.advanceTimersByTimeAsync(0);
    expect(applied).toEqual([1, 2]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(reads).toBe(2);
  });

  it('keeps the last reading when one fails, and does nothing once disposed', async () => {
    vi.useFakeTimers();
    let fail = true;
    const applied: string[] = [];
    const reader = new LiveReader(async () => (fail ? Promise.reject(new Error('connection refused')) : 'ok'), (v) => applied.push(v), 10);
    reader.poke();
    await vi.advanceTimersByTimeAsync(10);
    expect(applied).toEqual([]);
    fail = false;
    reader.poke();
    await vi.advanceTimersByTimeAsync(10);
    expect(applied).toEqual(['ok']);
    reader.poke();
    reader.dispose();
    await vi.advanceTimersByTimeAsync(100);
    expect(applied).toEqual(['ok']);
  });
});

describe('readRegistries', () => {
  it("reads this machine's servers and the Hub's pushes; the stamp moves with a push", async () => {
    const { h, sh } = await testHost('busybox');
    // the test host serves a registry on 5000 (as the recorder's machine does); registry:2 publishes 5001
    expect((await sh('docker run -d -p 5001:5000 --name registry registry:2')).status).toBe(0);
    const stamp0 = registriesStamp(h);
    const before = await readRegistries(h);
    expect(before.hub).toEqual([]);
    const r = await sh('docker tag busybox localhost:5001/box:1 && docker push -q localhost:5001/box:1 && docker tag busybox bob/box:v1 && echo pw | docker login -u bob --password-stdin >/dev/null && docker push -q bob/box:v1');
    expect(r.status).toBe(0);
    expect(registriesStamp(h)).not.toBe(stamp0);
    const after = await readRegistries(h);
    const server = after.servers.find((s) => s.address === 'localhost:5001')!;
    expect(server.container?.name).toBe('registry');
    expect(server.repos.map((x) => [x.path, x.tags.map((t) => t.tag)])).toEqual([['box', ['1']]]);
    expect(after.hub.map((x) => [hubRepoName(x.path), x.tags.map((t) => t.tag)])).toEqual([['bob/box', ['v1']]]);
    expect(after.hub[0]!.tags[0]!.manifest!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(hubRepoName('library/busybox')).toBe('busybox');
    expect(pushedHere([{ ref: 'bob/box:v1' }]).has(`${hubRepoName('bob/box')}:v1`)).toBe(true);
  }, 30_000);
});
