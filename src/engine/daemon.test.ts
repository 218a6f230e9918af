import { describe, expect, it } from 'vitest';
import { nodeHasher as hasher, nodeYield as yieldTask } from '../node/platform.ts';
import { TEST_EPOCH, testDaemon } from './testing.ts';
import type { BuildRequest } from './build/types.ts';
import type { Program } from './runtime/process.ts';
import type { ProgramResolver } from './runtime/namespace.ts';


const fakePrograms: Record<string, Program> = {
  echo: async (ctx) => {
    ctx.stdout.write(ctx.argv.slice(1).join(' ') + '\n');
    return 0;
  },
  sleep: async (ctx) => {
    await ctx.sleep(Number(ctx.argv[1]) * 1000);
    return 0;
  },
  loop: async (ctx) => {
    for (;;) {
      ctx.stdout.write('hello world\n');
      await ctx.sleep(1000);
    }
  },
};
const resolve: ProgramResolver = (_fs, name) => {
  const p = fakePrograms[name];
  return p ? { program: p, path: `/bin/${name}` } : null;
};

describe('Daemon', () => {
  it('pulls busybox with real digests, equal content giving equal IDs', async () => {
    const d = testDaemon({ hasher, yieldTask, resolve });
    const lines: string[] = [];
    const r = await d.clock.runUntil(d.imageService.pull('busybox', (l) => lines.push(l)));
    expect(lines[0]).toBe('latest: Pulling from library/busybox');
    expect(lines.at(-1)).toBe('Status: Downloaded newer image for busybox:latest');
    expect(r.image.id).toMatch(/^sha256:[0-9a-f]{64}$/);
    const d2 = testDaemon({ hasher, yieldTask, resolve });
    const r2 = await d2.clock.runUntil(d2.imageService.pull('busybox:1.37', () => {}));
    expect(r2.image.id).toBe(r.image.id);
    const again: string[] = [];
    await d.clock.runUntil(d.imageService.pull('busybox', (l) => again.push(l)));
    expect(again.at(-1)).toBe('Status: Image is up to date for busybox:latest');
    expect(d.listImages()[0]!.repoTags).toEqual(['busybox:latest']);
    expect(d.listImages()[0]!.size).toBeGreaterThan(4_000_000);
  });

  it('runs, logs, stops with SIGKILL after the timeout, and removes', async () => {
    const d = testDaemon({ hasher, yieldTask, resolve });
    await d.clock.runUntil(d.imageService.pull('busybox', () => {}));
    const c = await d.containerService.create({ image: 'busybox', name: 'loop', cmd: ['loop'] });
    await d.containerService.start('loop');
    await d.clock.runUntil(d.clock.sleep(2500));
    expect(c.logs.map((l) => l.text)).toEqual(['hello world\n', 'hello world\n', 'hello world\n']);
    expect(d.listContainers()[0]!.status).toBe('Up 2 seconds');
    const t0 = d.now();
    await d.clock.runUntil(d.containerService.stop('loop'));
    expect(d.now() - t0).toBe(10_000);
    expect(c.state.ExitCode).toBe(137);
    expect(d.listContainers()[0]!.status).toBe('Exited (137) Less than a second ago');
    await d.containerService.remove('loop');
    expect(d.listContainers()).toEqual([]);
  });

  it('removes images as moby does: untag, then delete with layers', async () => {
    const d = testDaemon({ hasher, yieldTask, resolve });
    await d.clock.runUntil(d.imageService.pull('busybox', () => {}));
    d.imageService.tag('busybox', 'mybox:v1');
    expect(d.imageService.remove('mybox:v1', false)).toEqual([{ Untagged: 'mybox:v1' }]);
    const id = d.listImages()[0]!.id;
    await d.containerService.create({ image: 'busybox', cmd: ['echo', 'hi'] });
    expect(() => d.imageService.remove('busybox', false)).toThrowError(
      expect.objectContaining({ message: expect.stringMatching(/^conflict: unable to remove repository reference "busybox" \(must force\) - container [0-9a-f]{12} is using its referenced image [0-9a-f]{12}$/) }),
    );
    d.containerService.prune();
    const records = d.imageService.remove('busybox', false);
    expect(records.map((r) => Object.keys(r)[0])).toEqual(['Untagged', 'Untagged', 'Deleted', 'Deleted']);
    expect(records[2]).toEqual({ Deleted: id });
    expect(d.layers.summary()).toEqual([]);
  });
});

describe('docker build in jump mode', () => {
  // the builder's code loads on the first build (real time, longer on a busy
  // machine): the clock must not jump past the load to the next timer (a
  // container's sleep ending during a build that takes no time)
  it('holds the clock while the builder loads', async () => {
    const d = testDaemon({ hasher, yieldTask, resolve });
    let fired = false;
    d.clock.setTimer(1_000_000, () => (fired = true));
    const req: BuildRequest = { builder: 'buildkit', context: new Uint8Array(), dockerfile: 'Dockerfile', tags: [], buildArgs: {}, labels: {}, noCache: false, pull: false, rm: true, forceRm: false, quiet: true };
    await expect(d.clock.runUntil(d.build(req, () => {}))).rejects.toThrow();
    expect(fired).toBe(false);
    expect(d.now()).toBe(TEST_EPOCH);
  });
});

describe('image lookup', () => {
  it('an ambiguous ID prefix is no image, worded as the reference it also is (as a real engine answers)', async () => {
    const d = testDaemon({ hasher, yieldTask, resolve });
    await d.clock.runUntil(d.imageService.pull('busybox', () => {}));
    const c = await d.containerService.create({ image: 'busybox', cmd: ['echo', 'hi'] });
    // seventeen images cannot all start with different hex digits
    const ids = [d.listImages()[0]!.id.slice(7)];
    for (let i = 0; i < 16; i++) {
      const img = await d.clock.runUntil(d.imageService.commit(c, { message: `m${i}` }));
      ids.push(img.id.slice(7));
    }
    const first = ids.map((id) => id[0]!);
    const shared = first.find((ch, i) => first.indexOf(ch) !== i)!;
    expect(() => d.inspectImage(shared)).toThrowError(expect.objectContaining({ message: `No such image: ${shared}:latest` }));
    const unique = ids.find((id) => ids.filter((x) => x.startsWith(id.slice(0, 12))).length === 1)!;
    expect(d.inspectImage(unique.slice(0, 12)).Id).toBe(`sha256:${unique}`);
  });
});
