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

describe('a terminal whose shell exits, and closing one', () => {
  it('after `false || exit` the terminal logs in again: the next command runs, at /root', async () => {
    const { h, sh } = await testHost();
    await sh('cd /tmp');
    expect(await sh('false || exit 3')).toEqual({ out: 'exit\n', status: 3 });
    expect(await sh('echo still here; pwd')).toEqual({ out: 'still here\n/root\n', status: 0 });
    expect(h.cwd()).toBe('/root');
    // the old bash is gone: one login shell per terminal
    expect((await sh('ps -e -o comm | grep -c bash')).out).toBe('1\n');
  });

  it('close() ends the terminal\'s shell and what it runs', async () => {
    const { h, sh } = await testHost();
    const second = await h.openTerminal();
    const bashes = async () => (await sh('ps -e -o comm | grep -c bash')).out;
    expect(await bashes()).toBe('2\n');
    second.close!();
    expect(await bashes()).toBe('1\n');
    expect(await run(second, 'echo gone')).toEqual({ out: '', status: 0 });
  });
});

describe('midCommand', () => {
  it('is true while a command line runs without reading the keyboard, false at a prompt or while a program reads it', async () => {
    const { h, sh } = await testHost('busybox');
    await sh('docker run -di --name quiet busybox cat');
    expect(h.midCommand()).toBe(false);
    let release: (line: string | null) => void = () => {};
    const stdin = { read: () => new Promise<string | null>((r) => (release = r)) };
    const sink = { write() {} };
    const reading = h.run('read line; echo got $line', { stdout: sink, stderr: sink, stdin });
    await new Promise((r) => setTimeout(r, 10));
    expect(h.midCommand()).toBe(false);
    release('x\n');
    await reading;
    const second = await h.openTerminal();
    const follow = second.run('docker logs -f quiet', { stdout: sink, stderr: sink });
    await new Promise((r) => setTimeout(r, 20));
    expect(h.midCommand()).toBe(true);
    second.interrupt!();
    await follow;
    expect(h.midCommand()).toBe(false);
  });
});
