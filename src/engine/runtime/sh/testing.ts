// Test helpers: an in-memory Fs and a small process table (spawn, kill,
// signals, PID 1 rules) over the virtual-clock Scheduler. Used by the shell
// and program tests; pure TypeScript, no mocking framework.
import { FsError, type FileType, type Fs, type Stat } from '../../fs/types.ts';
import type { InputStream, OutputStream, ProcessContext, ProcessInfo, Program, SpawnOptions } from '../process.ts';
import { Signals } from '../process.ts';
import { type AbortHandle, Killed, Scheduler } from '../scheduler.ts';
import { BrokenPipe, emptyInput } from './io.ts';
import { basename, dirname, resolvePath } from './path.ts';

interface Node {
  type: FileType;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  data: Uint8Array;
  target: string;
  children: Set<string>;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A plain Map-based file system. */
export class MemFs implements Fs {
  private readonly nodes = new Map<string, Node>();

  constructor(private readonly now: () => number = () => 0) {
    this.nodes.set('/', this.node('dir', 0o755));
  }

  private node(type: FileType, mode: number): Node {
    return { type, mode, uid: 0, gid: 0, mtime: this.now(), data: new Uint8Array(0), target: '', children: new Set() };
  }

  /** Follows symlinks in every component (and the last one if `follow`). */
  private resolve(path: string, follow: boolean, depth = 0): string {
    if (depth > 40) throw new FsError('ELOOP', path);
    const parts = resolvePath('/', path).split('/').filter(Boolean);
    let cur = '/';
    for (let i = 0; i < parts.length; i++) {
      const next = cur === '/' ? '/' + parts[i] : `${cur}/${parts[i]}`;
      const n = this.nodes.get(next);
      const last = i === parts.length - 1;
      if (n && n.type === 'symlink' && (!last || follow)) {
        const target = resolvePath(cur, n.target);
        const rest = parts.slice(i + 1).join('/');
        return this.resolve(rest ? `${target}/${rest}` : target, follow, depth + 1);
      }
      if (!last) {
        if (!n) throw new FsError('ENOENT', path);
        if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
      }
      cur = next;
    }
    return cur;
  }

  private get(path: string, follow: boolean): Node {
    const n = this.nodes.get(this.resolve(path, follow));
    if (!n) throw new FsError('ENOENT', path);
    return n;
  }

  private toStat(n: Node): Stat {
    return { type: n.type, mode: n.mode, uid: n.uid, gid: n.gid, size: n.type === 'symlink' ? n.target.length : n.type === 'dir' ? 4096 : n.data.length, mtime: n.mtime };
  }

  lstat(path: string): Stat {
    return this.toStat(this.get(path, false));
  }

  stat(path: string): Stat {
    return this.toStat(this.get(path, true));
  }

  exists(path: string): boolean {
    try {
      this.get(path, true);
      return true;
    } catch {
      return false;
    }
  }

  readdir(path: string): string[] {
    const n = this.get(path, true);
    if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
    return [...n.children].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  readFile(path: string): Uint8Array {
    const n = this.get(path, true);
    if (n.type === 'dir') throw new FsError('EISDIR', path);
    return n.data;
  }

  /** Creates an entry under an existing directory. */
  private create(path: string, type: FileType, mode: number): Node {
    const abs = this.resolve(path, false);
    const parent = this.nodes.get(dirname(abs));
    if (!parent) throw new FsError('ENOENT', path);
    if (parent.type !== 'dir') throw new FsError('ENOTDIR', path);
    const n = this.node(type, mode);
    this.nodes.set(abs, n);
    parent.children.add(basename(abs));
    parent.mtime = this.now();
    return n;
  }

  writeFile(path: string, data: Uint8Array, opts: { append?: boolean; mode?: number } = {}): void {
    const abs = this.resolve(path, true);
    let n = this.nodes.get(abs);
    if (n?.type === 'dir') throw new FsError('EISDIR', path);
    if (!n) n = this.create(abs, 'file', opts.mode ?? 0o644);
    if (opts.append) {
      const merged = new Uint8Array(n.data.length + data.length);
      merged.set(n.data);
      merged.set(data, n.data.length);
      n.data = merged;
    } else n.data = data.slice();
    n.mtime = this.now();
  }

  mkdir(path: string, opts: { recursive?: boolean; mode?: number } = {}): void {
    const abs = resolvePath('/', path);
    if (opts.recursive) {
      let cur = '';
      for (const part of abs.split('/').filter(Boolean)) {
        cur += '/' + part;
        let n: Node | undefined;
        try {
          n = this.nodes.get(this.resolve(cur, true));
        } catch {
          n = undefined;
        }
        if (!n) this.create(cur, 'dir', opts.mode ?? 0o755);
        else if (n.type !== 'dir') throw new FsError('ENOTDIR', path);
      }
      return;
    }
    if (this.nodes.has(this.resolve(abs, false))) throw new FsError('EEXIST', path);
    this.create(abs, 'dir', opts.mode ?? 0o755);
  }

  rm(path: string, opts: { recursive?: boolean } = {}): void {
    const abs = this.resolve(path, false);
    const n = this.nodes.get(abs);
    if (!n) throw new FsError('ENOENT', path);
    if (abs === '/') throw new FsError('EBUSY', path);
    if (n.type === 'dir' && n.children.size && !opts.recursive) throw new FsError('ENOTEMPTY', path);
    for (const k of [...this.nodes.keys()]) if (k.startsWith(abs + '/')) this.nodes.delete(k);
    this.nodes.delete(abs);
    const parent = this.nodes.get(dirname(abs));
    parent?.children.delete(basename(abs));
  }

  rename(from: string, to: string): void {
    const a = this.resolve(from, false);
    const b = this.resolve(to, false);
    const n = this.nodes.get(a);
    if (!n) throw new FsError('ENOENT', from);
    if (b === a) return;
    if (b.startsWith(a + '/')) throw new FsError('EINVAL', to);
    const existing = this.nodes.get(b);
    if (existing) {
      if (existing.type === 'dir' && n.type !== 'dir') throw new FsError('EISDIR', to);
      if (existing.type === 'dir' && existing.children.size) throw new FsError('ENOTEMPTY', to);
      this.rm(b, { recursive: true });
    }
    const parent = this.nodes.get(dirname(b));
    if (!parent) throw new FsError('ENOENT', to);
    for (const k of [...this.nodes.keys()]) {
      if (k === a || k.startsWith(a + '/')) {
        const v = this.nodes.get(k)!;
        this.nodes.delete(k);
        this.nodes.set(b + k.slice(a.length), v);
      }
    }
    this.nodes.get(dirname(a))?.children.delete(basename(a));
    parent.children.add(basename(b));
  }

  symlink(target: string, path: string): void {
    const abs = this.resolve(path, false);
    if (this.nodes.has(abs)) throw new FsError('EEXIST', path);
    this.create(abs, 'symlink', 0o777).target = target;
  }

  readlink(path: string): string {
    const n = this.get(path, false);
    if (n.type !== 'symlink') throw new FsError('EINVAL', path);
    return n.target;
  }

  chmod(path: string, mode: number): void {
    this.get(path, true).mode = mode & 0o7777;
  }

  utimes(path: string, mtime: number): void {
    this.get(path, true).mtime = mtime;
  }

  // test conveniences

  /** Writes a text file, creating parent directories. */
  put(path: string, text: string, mode = 0o644): this {
    this.mkdir(dirname(path), { recursive: true });
    this.writeFile(path, enc.encode(text), { mode });
    this.chmod(path, mode);
    return this;
  }

  text(path: string): string {
    return dec.decode(this.readFile(path));
  }
}

/** Collects a stream's output. */
export class Capture implements OutputStream {
  text = '';
  readonly chunks: string[] = [];
  write(text: string): void {
    this.text += text;
    this.chunks.push(text);
  }
}

/** Input that is typed later: push() lines, end() to close. */
export class Feed implements InputStream {
  private queue: (string | null)[] = [];
  private wake: (() => void) | null = null;
  push(text: string): void {
    this.queue.push(text);
    this.wake?.();
  }
  end(): void {
    this.queue.push(null);
    this.wake?.();
  }
  async read(): Promise<string | null> {
    while (!this.queue.length) await new Promise<void>((r) => (this.wake = r));
    this.wake = null;
    const v = this.queue.shift()!;
    if (v === null) this.queue.unshift(null);
    return v;
  }
}

export interface Proc {
  pid: number;
  argv: string[];
  ctx: ProcessContext & { kill(pid: number, sig: number): boolean; exec(argv: string[], io: SpawnOptions): Promise<number>; abort: AbortHandle };
  /** Resolves to the exit status (128+N when killed). */
  done: Promise<number>;
  killed: number;
  handlers: Map<number, (sig: number) => void>;
  aborters: Set<(e: Error) => void>;
}

export interface StartOptions {
  env?: Map<string, string>;
  cwd?: string;
  stdin?: InputStream;
  stdout?: OutputStream;
  stderr?: OutputStream;
  tty?: boolean;
  ppid?: number;
  onStart?(pid: number): void;
}

/** A macrotask turn (setImmediate in Node, where these helpers run). */
const realYield = () =>
  new Promise<void>((r) => {
    const g = globalThis as unknown as { setImmediate?: (f: () => void) => void; setTimeout: (f: () => void, ms: number) => void };
    if (g.setImmediate) g.setImmediate(r);
    else g.setTimeout(r, 0);
  });

/**
 * A process table over one Fs and one Scheduler: what the engine will do,
 * reduced to what tests need. Programs are found by name in `programs`
 * when PATH (or the given path) holds a file of that name.
 */
export class TestKernel {
  readonly scheduler: Scheduler;
  readonly procs = new Map<number, Proc>();
  /** The pid the next process gets (the first is 1: PID 1 rules apply to it). */
  nextPid = 1;
  hostname = 'test-host';

  constructor(
    readonly fs: MemFs,
    readonly programs: Map<string, Program>,
    scheduler?: Scheduler,
  ) {
    this.scheduler = scheduler ?? new Scheduler(Date.UTC(2026, 10, 23, 13, 2, 6), realYield);
  }

  /** Creates /bin/NAME for every program so PATH lookups find them. */
  install(dir = '/bin'): this {
    for (const name of this.programs.keys()) {
      if (!this.fs.exists(`${dir}/${name}`)) this.fs.put(`${dir}/${name}`, '', 0o755);
    }
    return this;
  }

  resolve(name: string, env: Map<string, string>): Program | null {
    if (name.includes('/')) {
      try {
        const st = this.fs.stat(name);
        if (st.type !== 'file' || !(st.mode & 0o111)) return null;
        if (this.fs.readFile(name).length) return null; // a script, not a "binary"
      } catch {
        return null;
      }
      return this.programs.get(basename(name)) ?? null;
    }
    for (const dir of (env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin').split(':')) {
      const p = resolvePath('/', `${dir}/${name}`);
      try {
        const st = this.fs.stat(p);
        if (st.type === 'file' && st.mode & 0o111) return this.resolve(p, env);
      } catch {
        // next
      }
    }
    return null;
  }

  /** Starts a program by argv (resolved like a shell would). */
  start(argv: string[], opts: StartOptions = {}, program?: Program | null): Proc {
    const env = opts.env ?? new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]);
    const prog = program ?? this.resolve(argv[0]!, env);
    const pid = this.nextPid++;
    const kernel = this;
    const proc = {
      pid,
      argv,
      killed: 0,
      handlers: new Map(),
      aborters: new Set(),
    } as unknown as Proc;
    const stdout = opts.stdout ?? new Capture();
    const stderr = opts.stderr ?? new Capture();
    const abortable = <T>(p: Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (proc.killed) return reject(new Killed(proc.killed));
        const a = (e: Error) => reject(e);
        proc.aborters.add(a);
        p.then(
          (v) => {
            proc.aborters.delete(a);
            resolve(v);
          },
          (e) => {
            proc.aborters.delete(a);
            reject(e);
          },
        );
      });
    const ctx: Proc['ctx'] = {
      argv,
      env,
      cwd: opts.cwd ?? '/',
      fs: this.fs,
      stdin: opts.stdin ?? emptyInput,
      stdout,
      stderr,
      tty: opts.tty ?? false,
      pid,
      hostname: this.hostname,
      sleep: (ms) => abortable(this.scheduler.sleep(ms)),
      now: () => this.scheduler.now(),
      spawn: (cargv, io) => {
        const child = kernel.start(cargv, {
          env: io.env ?? ctx.env,
          cwd: io.cwd ?? ctx.cwd,
          stdin: io.stdin ?? ctx.stdin,
          stdout: io.stdout ?? ctx.stdout,
          stderr: io.stderr ?? ctx.stderr,
          tty: ctx.tty,
          ppid: pid,
          onStart: (io as { onStart?: (pid: number) => void }).onStart,
        });
        return child.done;
      },
      exec: async (cargv, io) => {
        const p = kernel.resolve(cargv[0]!, io.env ?? ctx.env);
        if (!p) return 127;
        proc.handlers.clear();
        proc.argv = cargv;
        const cctx = { ...ctx, argv: cargv, env: io.env ?? ctx.env, cwd: io.cwd ?? ctx.cwd, stdin: io.stdin ?? ctx.stdin, stdout: io.stdout ?? ctx.stdout, stderr: io.stderr ?? ctx.stderr };
        return p(cctx);
      },
      resolve: (name, e) => kernel.resolve(name, e),
      processes: () =>
        [...kernel.procs.values()].map((p): ProcessInfo => ({ pid: p.pid, ppid: opts.ppid ?? 0, argv: p.argv, user: 'root', started: 0, tty: false })),
      listen: () => () => {},
      onSignal: (sig, handler) => {
        if (handler) proc.handlers.set(sig, handler);
        else proc.handlers.delete(sig);
      },
      // tracked, so the virtual clock does not jump while a process yields
      yield: () => abortable(this.scheduler.track(realYield())),
      kill: (target, sig) => kernel.signal(target, sig),
      abort: {
        onAbort: (cb) => {
          proc.aborters.add(cb);
          return () => proc.aborters.delete(cb);
        },
      },
    };
    proc.ctx = ctx;
    this.procs.set(pid, proc);
    opts.onStart?.(pid);
    let killedNow: (s: number) => void = () => {};
    const killed = new Promise<number>((r) => (killedNow = r));
    (proc as { killNow?: (s: number) => void }).killNow = killedNow;
    const run = (async () => {
      if (!prog) {
        stderr.write(`${argv[0]}: not found\n`);
        return 127;
      }
      try {
        return await prog(ctx);
      } catch (e) {
        if (e instanceof Killed) return 128 + e.signal;
        if (e instanceof BrokenPipe) return 128 + Signals.SIGPIPE;
        throw e;
      }
    })();
    proc.done = Promise.race([run, killed]).finally(() => this.procs.delete(pid));
    return proc;
  }

  /** Delivers a signal as Linux would: handler, else default (PID 1 ignores what it does not handle). */
  signal(pid: number, sig: number): boolean {
    const proc = this.procs.get(pid);
    if (!proc) return false;
    if (sig === 0) return true;
    const h = proc.handlers.get(sig);
    if (h && sig !== Signals.SIGKILL) {
      h(sig);
      return true;
    }
    if (sig === 17 || sig === Signals.SIGCONT || sig === 28) return true;
    if (pid === 1 && sig !== Signals.SIGKILL) return true;
    proc.killed = sig;
    for (const a of [...proc.aborters]) a(new Killed(sig));
    (proc as { killNow?: (s: number) => void }).killNow?.(128 + sig);
    return true;
  }
}
