// `docker run -it IMAGE`: the shell's prompt as each image sets it —
// Debian and Ubuntu's /etc/bash.bashrc gives `root@<short id>:/# `,
// busybox ash gives `/ # `.
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../node/platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import { TEST_EPOCH } from '../engine/testing.ts';
import { createHost } from './host.ts';
import { prefetchModules } from '../engine/lazy.ts';

async function session(image: string, typed: string[], paced = false): Promise<string> {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  let out = '';
  const w = { write: (s: string) => void (out += s) };
  await h.run(`docker pull -q ${image}`, { stdout: { write() {} }, stderr: w });
  // paced lines assume each command is over within 5 ms: load the lazily loaded programs first, as the page does once its prompt is up
  if (paced) await prefetchModules();
  const lines = [...typed];
  // paced: each line comes a moment later, after what the last one started is over
  const stdin = {
    read: async () => {
      if (paced) await new Promise((r) => setTimeout(r, 5));
      return lines.shift() ?? null;
    },
  };
  const status = await h.run(`docker run -it ${image}`, { stdout: w, stderr: w, stdin, tty: true });
  expect(status).toBe(0);
  return out;
}

describe('interactive shells in containers', () => {
  it('Debian: root@<short id>:/# from /etc/bash.bashrc', async () => {
    expect(await session('debian:bookworm-slim', ['cd /tmp\n', 'echo $HOME\n', 'exit\n'])).toBe('root@000000000000:/# root@000000000000:/tmp# /root\nroot@000000000000:/tmp# exit\n');
  });
  it('Ubuntu 14.04 too', async () => {
    expect(await session('ubuntu:14.04', ['exit\n'])).toBe('root@000000000000:/# exit\n');
  });
  it('busybox: ash\'s / #, and no exit echo', async () => {
    expect(await session('busybox', ['exit\n'])).toBe('/ # ');
  });
  it('a line typed after top is over reaches the shell, not the read top left pending', async () => {
    expect(await session('busybox', ['top -n 1 > /dev/null\n', 'echo hi\n', 'exit\n'], true)).toBe('/ # / # hi\n/ # ');
  });
});

describe('Ctrl-C on a container terminal', () => {
  it('interrupts the foreground program, not the container (run -it)', async () => {
    const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    await h.run('docker pull -q busybox', { stdout: { write() {} }, stderr: w });
    // typed lines arrive when the test releases them; waiting for them holds the virtual clock
    const queue: (string | null)[] = [];
    let wake: (() => void) | null = null;
    const type = (s: string | null) => {
      queue.push(s);
      const w = wake;
      wake = null;
      w?.();
    };
    const stdin = {
      read: () =>
        h.daemon.clock.track(
          new Promise<string | null>((resolve) => {
            const take = () => (queue.length ? resolve(queue.shift() ?? null) : (wake = take));
            take();
          }),
        ),
    };
    const running = h.run('docker run -it --name box busybox', { stdout: w, stderr: w, stdin, tty: true });
    type('sleep 100\n');
    await new Promise((r) => setTimeout(r, 50));
    h.interrupt();
    await new Promise((r) => setTimeout(r, 50));
    type('echo status=$?\n');
    type('exit\n');
    type(null);
    const status = await Promise.race([running, new Promise((r) => setTimeout(() => r('timeout'), 2000))]);
    expect(out).toBe('/ # \n/ # status=130\n/ # ');
    expect(status).toBe(0);
    expect(h.daemon.clock.now() - TEST_EPOCH).toBeLessThan(100_000);
  });
});
