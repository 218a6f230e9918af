// A container for the server tests: one PID namespace over a MemFs on the
// jumping virtual clock, with the server programs on PATH.
import { Scheduler } from '../../scheduler.ts';
import { PidNamespace, EMPTY_INPUT, type Proc } from '../../namespace.ts';
import { tableResolver } from '../../resolve.ts';
import { Capture, MemFs } from '../../sh/testing.ts';
import { stringInput } from '../../sh/io.ts';
import type { Listener } from '../../process.ts';
import { serverPrograms } from './index.ts';

/** 13 Aug 2025 15:21:29 UTC, when nginx 1.29.1 was released. */
export const T0 = Date.UTC(2025, 7, 13, 15, 21, 29);

const realYield = () =>
  new Promise<void>((r) => {
    const g = globalThis as unknown as { setImmediate?: (f: () => void) => void; setTimeout: (f: () => void, ms: number) => void };
    if (g.setImmediate) g.setImmediate(r);
    else g.setTimeout(r, 0);
  });

export class Box {
  readonly fs: MemFs;
  readonly scheduler = new Scheduler(T0, realYield);
  readonly ns: PidNamespace;
  readonly out = new Capture();
  readonly err = new Capture();
  /** Everything written, both streams in order (docker logs). */
  readonly all = new Capture();

  constructor(readonly hostname = 'f00dcafe1234') {
    this.fs = new MemFs(() => this.scheduler.now());
    this.ns = new PidNamespace({ scheduler: this.scheduler, resolve: tableResolver({ busybox: new Map(), gnu: serverPrograms(), byPath: new Map() }), hostname });
    this.fs.put('/etc/hosts', `127.0.0.1\tlocalhost\n172.17.0.2\t${hostname}\n`);
  }

  /** Puts an executable for each name under dir (the image's binaries). */
  bin(...paths: string[]): this {
    for (const p of paths) this.fs.put(p, '\x7fELF', 0o755);
    return this;
  }

  start(argv: string[], env: Record<string, string> = {}, cwd = '/', tty = false, input?: string): Proc {
    const e = new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'], ['HOSTNAME', this.hostname], ...Object.entries(env)]);
    const resolved = tableResolver({ busybox: new Map(), gnu: serverPrograms(), byPath: new Map() })(this.fs, argv[0]!, e);
    if (!resolved) throw new Error(`not found: ${argv[0]}`);
    const both = (c: Capture) => ({ write: (s: string) => (c.write(s), this.all.write(s)) });
    return this.ns.start({ argv, fs: this.fs, env: e, cwd, stdin: input === undefined ? EMPTY_INPUT : stringInput(input), stdout: both(this.out), stderr: both(this.err), tty, user: 'root', ppid: 0, program: resolved.program });
  }

  /** Lets virtual time pass (timers fire on the way). */
  async wait(ms = 0): Promise<void> {
    await this.scheduler.advance(ms);
  }

  port(n: number): Listener | undefined {
    return this.ns.ports().find((l) => l.port === n);
  }

  async get(port: number, path = '/', extra = ''): Promise<string> {
    const l = this.port(port);
    if (!l?.serve) throw new Error(`nothing serves on ${port}`);
    return l.serve(`GET ${path} HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/8.5.0\r\nAccept: */*\r\n${extra}\r\n`);
  }

  /** Runs a short program to its end; resolves to its status. */
  async run(argv: string[], env: Record<string, string> = {}, cwd = '/', input?: string): Promise<number> {
    const p = this.start(argv, env, cwd, false, input);
    return this.scheduler.runUntil(p.exited);
  }

  ps(): string[] {
    return this.ns.processes().map((p) => `${p.pid} ${p.ppid} ${p.argv.join(' ')}`);
  }
}
