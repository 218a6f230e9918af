// docker attach, and the detach keys of run -it / start -ai, through the
// simulated host with a terminal: what cannot be recorded without one.
// Texts from docker/cli 28.2 (attach.go inspectContainerAndCheckState;
// run.go and start.go return nil on term.EscapeError, attach returns it:
// "read escape sequence", status 1).
import { describe, expect, it } from 'vitest';
import { createHost, type SimulatedHost } from '../../../shell/host.ts';
import { createNodePlatform } from '../../../node/platform.ts';
import { sequentialIds } from '../../../engine/platform.ts';
import { TEST_EPOCH } from '../../../engine/testing.ts';
import { runDocker } from '../../dispatch.ts';
import type { InputStream } from '../../../engine/runtime/process.ts';

/** Keys typed at the terminal, one chunk at a time; `end` is Ctrl-D on an empty line (EOF). */
function keyboard(): InputStream & { type(s: string): void; end(): void } {
  const queue: Array<string | null> = [];
  const waiting: Array<(v: string | null) => void> = [];
  const push = (v: string | null) => {
    const w = waiting.shift();
    if (w) w(v);
    else queue.push(v);
  };
  return {
    read: () => (queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise((r) => waiting.push(r))),
    type: (s) => push(s),
    end: () => push(null),
  };
}

async function host() {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  const start = (cmd: string, o: { tty?: boolean; stdin?: InputStream } = {}) => {
    let out = '';
    const w = { write: (s: string) => void (out += s) };
    return { out: () => out, done: h.run(cmd, { stdout: w, stderr: w, tty: o.tty ?? false, stdin: o.stdin }) };
  };
  const sh = async (cmd: string) => {
    const r = start(cmd);
    const status = await r.done;
    return { out: r.out(), status };
  };
  await sh('docker pull -q busybox');
  return { h, sh, start };
}

const meanwhile = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('docker attach', () => {
  it('refuses stopped, paused and missing containers', async () => {
    const { sh } = await host();
    await sh('docker create --name made busybox');
    expect(await sh('docker attach made')).toEqual({ out: 'You cannot attach to a stopped container, start it first\n', status: 1 });
    await sh('docker run -d --name web busybox sleep 1000');
    await sh('docker pause web');
    expect(await sh('docker attach web')).toEqual({ out: 'You cannot attach to a paused container, unpause it first\n', status: 1 });
    expect(await sh('docker attach nosuch')).toEqual({ out: 'Error response from daemon: No such container: nosuch\n', status: 1 });
    await sh('docker run -d -it --name term busybox sh');
    expect(await sh('docker attach term')).toEqual({ out: 'the input device is not a TTY\n', status: 1 });
    expect(await sh('docker attach --detach-keys=foo web')).toMatchObject({ status: 1 });
  });

  it('types into a -dit shell, and Ctrl-P Ctrl-Q detaches leaving it running', async () => {
    const { sh, start } = await host();
    await sh('docker run -dit --name box busybox sh');
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}'`)).out).toBe('box running\n');
    const keys = keyboard();
    const a = start('docker attach box', { tty: true, stdin: keys });
    await meanwhile();
    keys.type('echo $((40+2))\n');
    await meanwhile();
    keys.type('\x10\x11');
    expect(await a.done).toBe(1);
    expect(a.out()).toContain('42');
    expect(a.out().endsWith('read escape sequence\n')).toBe(true);
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}'`)).out).toBe('box running\n');
    // the output went to the log too; nothing is written after the detach
    expect((await sh('docker logs box')).out).toContain('42');
    const again = keyboard();
    const b = start('docker attach box', { tty: true, stdin: again });
    await meanwhile();
    again.type('exit 3\n');
    expect(await b.done).toBe(3);
  });

  it('sees only new output, ends with the container and takes its status', async () => {
    const { sh } = await host();
    await sh(`docker run -d --name talk busybox sh -c 'echo before; sleep 2; echo after; echo oops >&2; exit 4'`);
    await sh('sleep 1');
    expect(await sh('docker attach talk')).toEqual({ out: 'after\noops\n', status: 4 });
  });

  it('forwards Ctrl-C as SIGINT unless --sig-proxy=false', async () => {
    const { h, sh, start } = await host();
    await sh(`docker run -d --name trap busybox sh -c 'trap "echo got INT; exit 9" INT; while true; do sleep 1; done'`);
    const noProxy = start('docker attach --sig-proxy=false trap');
    await meanwhile();
    h.interrupt();
    expect(await noProxy.done).toBe(130);
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}'`)).out).toBe('trap running\n');
    const proxy = start('docker attach trap');
    await meanwhile();
    h.interrupt();
    expect(await proxy.done).toBe(9);
    expect(proxy.out()).toBe('got INT\n');
  });

  it('gives two clients attached to one container the same output', async () => {
    const { h, sh } = await host();
    await sh(`docker run -d --name talk busybox sh -c 'sleep 1; for i in 1 2 3; do echo line $i; sleep 1; done'`);
    let other = '';
    const w = { write: (s: string) => void (other += s) };
    const second = runDocker(['attach', 'talk'], { stdout: w, stderr: w, stdin: { read: async () => null }, env: new Map(), tty: false, daemon: h.daemon });
    const first = await sh('docker attach talk');
    expect(first).toEqual({ out: 'line 1\nline 2\nline 3\n', status: 0 });
    expect(await second).toBe(0);
    expect(other).toBe('line 1\nline 2\nline 3\n');
  });
});

describe('detach keys and stdin of run and start', () => {
  it('run -i passes the input and closes it at its end (StdinOnce)', async () => {
    const { start } = await host();
    const keys = keyboard();
    const r = start('docker run -i --name cat busybox cat', { stdin: keys });
    await meanwhile();
    keys.type('hello\n');
    keys.end();
    expect(await r.done).toBe(0);
    expect(r.out()).toBe('hello\n');
  });

  it('run -it detaches silently on Ctrl-P Ctrl-Q; start -ai too; attach -i input without StdinOnce keeps it open', async () => {
    const { h, sh, start } = await host();
    const keys = keyboard();
    const r = start('docker run -it --name box busybox sh', { tty: true, stdin: keys });
    await meanwhile();
    keys.type('echo one\n');
    await meanwhile();
    keys.type('\x10\x11');
    expect(await r.done).toBe(0);
    expect(r.out()).toContain('one');
    expect(r.out()).not.toContain('read escape sequence');
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}'`)).out).toBe('box running\n');
    await sh('docker stop -t 1 box');
    const again = keyboard();
    const s = start('docker start -ai box', { tty: true, stdin: again });
    await meanwhile();
    again.type('echo two\n\x10\x11');
    expect(await s.done).toBe(0);
    expect(s.out()).toContain('two');
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}'`)).out).toBe('box running\n');
    // a held Ctrl-P that is not followed by Ctrl-Q reaches the container
    await sh('docker run -d -i --name cat busybox cat');
    const piped = keyboard();
    const p = start('docker attach --sig-proxy=false cat', { stdin: piped });
    await meanwhile();
    piped.type('a\x10b\n');
    piped.end();
    await meanwhile();
    h.interrupt();
    expect(await p.done).toBe(130);
    expect(p.out()).toBe('a\x10b\n');
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}' --filter name=cat`)).out).toBe('cat running\n');
  });

  it('--detach-keys changes the sequence', async () => {
    const { sh, start } = await host();
    await sh('docker run -dit --name box busybox sh');
    const keys = keyboard();
    const a = start('docker attach --detach-keys=ctrl-x,x box', { tty: true, stdin: keys });
    await meanwhile();
    keys.type('\x10\x11');
    await meanwhile();
    keys.type('\x18x');
    expect(await a.done).toBe(1);
  });
});
