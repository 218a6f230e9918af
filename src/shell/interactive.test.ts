// `docker run -it IMAGE`: the shell's prompt as each image sets it —
// Debian and Ubuntu's /etc/bash.bashrc gives `root@<short id>:/# `,
// busybox ash gives `/ # `.
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../node/platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import { TEST_EPOCH } from '../engine/testing.ts';
import { createHost } from './host.ts';

async function session(image: string, typed: string[], paced = false): Promise<string> {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  let out = '';
  const w = { write: (s: string) => void (out += s) };
  await h.run(`docker pull -q ${image}`, { stdout: { write() {} }, stderr: w });
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
