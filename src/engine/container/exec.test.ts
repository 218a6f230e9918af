import { describe, expect, it } from 'vitest';
import { nodeHasher as hasher, nodeYield as yieldTask } from '../../node/platform.ts';
import { testDaemon } from '../testing.ts';
import type { EngineEvent } from '../events.ts';
import type { Program } from '../runtime/process.ts';
import type { ProgramResolver } from '../runtime/namespace.ts';
import { execEnv, replaceOrAppendEnv } from './exec.ts';
import type { ContainerRecord } from './container.ts';

const programs: Record<string, Program> = {
  sleep: async (ctx) => {
    await ctx.sleep(Number(ctx.argv[1]) * 1000);
    return 0;
  },
  show: async (ctx) => {
    ctx.stdout.write(`${ctx.argv.slice(1).join(' ')} pid=${ctx.pid} cwd=${ctx.cwd} user=${ctx.processes().find((p) => p.pid === ctx.pid)!.user}\n`);
    ctx.stderr.write(`env=${[...ctx.env].map(([k, v]) => `${k}=${v}`).join(',')}\n`);
    return 3;
  },
  touch: async (ctx) => {
    ctx.fs.writeFile(ctx.argv[1]!, new Uint8Array());
    return 0;
  },
  cat: async (ctx) => {
    for (;;) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) return 0;
      ctx.stdout.write(chunk);
    }
  },
};
const resolve: ProgramResolver = (_fs, name) => {
  const p = programs[name.replace(/^\/bin\//, '')];
  return p ? { program: p, path: `/bin/${name}` } : null;
};

async function running() {
  const d = testDaemon({ hasher, yieldTask, resolve });
  await d.clock.runUntil(d.imageService.pull('busybox', () => {}));
  const c = await d.containerService.create({ image: 'busybox', name: 'web', cmd: ['sleep', '100'], env: ['FOO=bar'] });
  await d.containerService.start('web');
  const events: EngineEvent[] = [];
  d.events.on((e) => events.push(e));
  return { d, c, events };
}

const collect = () => {
  let text = '';
  return { stream: { write: (s: string) => void (text += s) }, text: () => text };
};

describe('exec', () => {
  it('runs a process in the container, with the daemon env, -e, -w and -u, and reports its status', async () => {
    const { d, c, events } = await running();
    const e = d.containerService.execCreate('web', { cmd: ['show', 'a', 'b'], env: ['FOO=baz', 'NEW=1'], workingDir: '/etc', user: '1000' });
    expect(e.env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      `HOSTNAME=${c.id.slice(0, 12)}`,
      'FOO=baz',
      'NEW=1',
    ]);
    expect(d.inspectContainer('web').ExecIDs).toBeNull();
    const out = collect();
    const err = collect();
    const started = d.containerService.execStart(e.id, { stdout: out.stream, stderr: err.stream });
    expect(started.pid).toBe(2);
    expect(d.inspectContainer('web').ExecIDs).toEqual([e.id]);
    expect(await d.clock.runUntil(started.exited)).toBe(3);
    expect(out.text()).toBe('a b pid=2 cwd=/etc user=1000\n');
    // runc adds HOME at start: uid 1000 has no passwd entry here, so /
    expect(err.text()).toMatch(/^env=PATH=.*,FOO=baz,NEW=1,HOME=\/\n$/);
    expect(d.inspectContainer('web').ExecIDs).toBeNull();
    expect(c.logs).toEqual([]);
    expect(events.map((ev) => (ev.type === 'container' ? [ev.action, ev.exec?.command, ev.exitCode] : []))).toEqual([
      ['exec_create', 'show a b', undefined],
      ['exec_start', 'show a b', undefined],
      ['exec_die', 'show a b', 3],
    ]);
    expect(() => d.containerService.execStart(e.id)).toThrowError(`Error: Exec command ${e.id} has already run`);
  });

  it('writes to the container file system, passes stdin, and dies with the container', async () => {
    const { d } = await running();
    await d.clock.runUntil(d.containerService.execStart(d.containerService.execCreate('web', { cmd: ['touch', '/made'] }).id).exited);
    expect(d.layers.mount(d.container('web').rwLayer).exists('/made')).toBe(true);
    const out = collect();
    const chunks = ['one\n', 'two\n'];
    const stdin = { read: async () => chunks.shift() ?? null };
    const cat = d.containerService.execStart(d.containerService.execCreate('web', { cmd: ['cat'] }).id, { stdin, stdout: out.stream });
    expect(await d.clock.runUntil(cat.exited)).toBe(0);
    expect(out.text()).toBe('one\ntwo\n');
    const bg = d.containerService.execStart(d.containerService.execCreate('web', { cmd: ['sleep', '1000'] }).id);
    await d.clock.runUntil(d.containerService.stop('web', 1));
    expect(await bg.exited).toBe(137);
  });

  it("fails as Docker 28 does: not running, paused, missing command or directory", async () => {
    const { d, c } = await running();
    expect(() => d.containerService.execCreate('nosuch', { cmd: ['true'] })).toThrowError('No such container: nosuch');
    const missing = d.containerService.execCreate('web', { cmd: ['nosuchcmd'] });
    expect(() => d.containerService.execStart(missing.id)).toThrowError(
      expect.objectContaining({
        message: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "nosuchcmd": executable file not found in $PATH: unknown',
        exitCode: 127,
      }),
    );
    expect(missing.exitCode).toBe(127);
    expect(() => d.containerService.execStart(d.containerService.execCreate('web', { cmd: ['/bin/bash'] }).id)).toThrowError(
      'exec: "/bin/bash": stat /bin/bash: no such file or directory: unknown',
    );
    expect(() => d.containerService.execStart(d.containerService.execCreate('web', { cmd: ['show'], workingDir: '/nosuch' }).id)).toThrowError(
      'chdir to cwd ("/nosuch") set in config.json failed: no such file or directory: unknown',
    );
    d.containerService.pause('web');
    expect(() => d.containerService.execCreate('web', { cmd: ['show'] })).toThrowError(
      'Container web is paused, unpause the container before exec',
    );
    d.containerService.unpause('web');
    await d.clock.runUntil(d.containerService.stop('web', 0));
    expect(() => d.containerService.execCreate(c.id.slice(0, 6), { cmd: ['show'] })).toThrowError(`container ${c.id} is not running`);
    await d.containerService.remove('web');
    expect(d.execs.size).toBe(0);
  });
});

describe('exec environment', () => {
  it("replaces or appends as moby's ReplaceOrAppendEnvValues, a bare name unsetting", () => {
    expect(replaceOrAppendEnv(['A=1', 'B=2', 'C=3'], ['B=x', 'D=4', 'A', 'E'])).toEqual(['B=x', 'C=3', 'D=4']);
  });

  it('adds TERM with a tty and keeps a HOME the container sets', () => {
    const c = { config: { Hostname: 'h', Env: ['PATH=/bin', 'HOME=/home/app'] } } as unknown as ContainerRecord;
    expect(execEnv(c, { cmd: ['sh'], tty: true })).toEqual(['PATH=/bin', 'HOSTNAME=h', 'TERM=xterm', 'HOME=/home/app']);
  });
});
