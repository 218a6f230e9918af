// Two terminals on one host: each its own bash (working directory, Ctrl-C),
// the same engine and the same files.
import { describe, expect, it } from 'vitest';
import { testHost } from '../node/test-host.ts';
import type { Host } from './host.ts';

async function run(t: Host, cmd: string, tty = false): Promise<{ out: string; status: number }> {
  let out = '';
  const w = { write: (s: string) => void (out += s) };
  const status = await t.run(cmd, { stdout: w, stderr: w, tty });
  return { out, status };
}

describe('a second terminal', () => {
  it('sees the containers and files the first one made, with its own working directory', async () => {
    const { h, sh } = await testHost('busybox');
    const second = await h.openTerminal();
    await sh('docker run --name one busybox true');
    await sh('mkdir /root/work && cd /root/work && echo hi > note');
    expect((await run(second, 'docker ps -a --format {{.Names}}')).out).toBe('one\n');
    expect((await run(second, 'cat /root/work/note')).out).toBe('hi\n');
    expect(h.cwd()).toBe('/root/work');
    expect(second.cwd()).toBe('/root');
  });

  it('Ctrl-C in one terminal stops its command only', async () => {
    const { h, sh } = await testHost('busybox');
    await sh('docker run -di --name cat busybox cat');
    const second = await h.openTerminal();
    const first = run(h, 'docker logs -f cat');
    const other = run(second, 'docker logs -f cat');
    await new Promise((r) => setTimeout(r, 20));
    h.interrupt();
    expect((await first).status).toBe(130);
    const pending = await Promise.race([other.then(() => 'ended'), new Promise((r) => setTimeout(() => r('waiting'), 50))]);
    expect(pending).toBe('waiting');
    second.interrupt!();
    expect((await other).status).toBe(130);
  });

  it('each terminal has its own tty flag', async () => {
    const { h, sh } = await testHost('busybox');
    expect((await sh('docker run -di --name term busybox cat')).status).toBe(0);
    const second = await h.openTerminal();
    const [a, b] = await Promise.all([
      run(h, 'docker exec -it term echo on a tty', true),
      run(second, 'docker exec -it term echo on a tty', false),
    ]);
    expect(a).toEqual({ out: 'on a tty\n', status: 0 });
    expect(b).toEqual({ out: 'the input device is not a TTY\n', status: 1 });
  });
});

describe('onCommand', () => {
  it('tells listeners each command line that ended, from any terminal', async () => {
    const { h, sh } = await testHost();
    const seen: string[] = [];
    h.onCommand((e) => seen.push(`${e.command} ${e.status}`));
    await sh('true');
    await run(await h.openTerminal(), 'false');
    expect(seen).toEqual(['true 0', 'false 1']);
  });
});
