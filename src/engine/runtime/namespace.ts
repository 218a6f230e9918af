// A PID namespace: the processes of one container (or of the host), their
// signals and their exits, on the virtual clock.
import type { Fs } from '../fs/types.ts';
import type { Credentials } from './users.ts';
import { Killed, type Scheduler } from './scheduler.ts';
import {
  SIGNAL_NUMBERS,
  Signals,
  type ConnectResult,
  type InputStream,
  type Listener,
  type OutputStream,
  type ProcessContext,
  type ProcessInfo,
  type Program,
  type ReadCancel,
  type SpawnOptions,
} from './process.ts';

/** Finds the program behind a command name or path, as execve would. */
export type ProgramResolver = (fs: Fs, name: string, env: Map<string, string>) => ResolvedProgram | null;
export interface ResolvedProgram {
  program: Program;
  /** The absolute path that was found. */
  path: string;
}

export const EMPTY_INPUT: InputStream = { read: async () => null };
export const DISCARD: OutputStream = { write() {} };

/** Signals whose default action does not end a process. */
const IGNORED_BY_DEFAULT = new Set<number>([Signals.SIGCONT, SIGNAL_NUMBERS.SIGCHLD!, SIGNAL_NUMBERS.SIGWINCH!, SIGNAL_NUMBERS.SIGURG!]);

/** Process-context members beyond ProcessContext that the shell uses (kill, exec). */
export interface ProcessExtras {
  kill(pid: number, signal: number): boolean;
  exec(argv: string[], io: SpawnOptions & { program?: Program }): Promise<number>;
}

export class Proc {
  readonly handlers = new Map<number, (signal: number) => void>();
  private aborters = new Set<(err: Error) => void>();
  /** Reads still pending on stdin: withdrawn when the process ends, however it ends. */
  private reads = new Set<() => void>();
  private settle!: (status: number) => void;
  readonly exited: Promise<number>;
  done = false;
  status = 0;

  constructor(
    readonly info: ProcessInfo,
    private readonly ns: PidNamespace,
  ) {
    this.exited = new Promise((r) => (this.settle = r));
  }

  get pid(): number {
    return this.info.pid;
  }

  finish(status: number): void {
    if (this.done) return;
    this.done = true;
    this.status = status;
    this.aborters.clear();
    this.handlers.clear();
    for (const withdraw of [...this.reads]) withdraw();
    this.reads.clear();
    this.ns.closePorts(this.pid);
    this.ns.reap(this);
    this.settle(status);
  }

  /** Delivers a signal with Linux semantics (PID 1 ignores what it does not handle). */
  signal(sig: number): void {
    if (this.done) return;
    if (sig !== Signals.SIGKILL && sig !== Signals.SIGSTOP) {
      const handler = this.handlers.get(sig);
      if (handler) {
        handler(sig);
        return;
      }
      if (IGNORED_BY_DEFAULT.has(sig) || this.info.pid === 1) return;
    }
    this.terminate(sig);
  }

  terminate(sig: number): void {
    if (this.done) return;
    const err = new Killed(sig);
    for (const abort of [...this.aborters]) abort(err);
    this.finish(128 + sig);
  }

  /** Registers an interruption callback for a blocking wait; returns its remover. */
  onAbort(cb: (err: Error) => void): () => void {
    if (this.done) {
      cb(new Killed(this.status - 128));
      return () => {};
    }
    this.aborters.add(cb);
    return () => this.aborters.delete(cb);
  }

  /** Registers what withdraws a pending read at the end of the process; returns its remover. */
  onEnd(withdraw: () => void): () => void {
    if (this.done) {
      withdraw();
      return () => {};
    }
    this.reads.add(withdraw);
    return () => this.reads.delete(withdraw);
  }
}

export interface NamespaceOptions {
  scheduler: Scheduler;
  resolve: ProgramResolver;
  hostname: string;
  /** The prompt's namespace: its yields hold the jumping clock still (see Scheduler.yieldNow). */
  foreground?: boolean;
  /** Its processes' outgoing TCP connections (ProcessContext.connect); absent: no network. */
  connect?: (host: string, port: number) => ConnectResult;
}

export interface StartOptions {
  argv: string[];
  fs: Fs;
  env: Map<string, string>;
  cwd: string;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  tty: boolean;
  user: string;
  /** uid, gid and groups; root when absent. */
  cred?: Credentials;
  ppid: number;
  program: Program;
}

export class PidNamespace {
  private nextPid = 1;
  private procs = new Map<number, Proc>();
  /** While paused (cgroup freezer), processes wake from waits only after thaw. */
  private frozen: { promise: Promise<void>; thaw: () => void } | null = null;

  freeze(): void {
    if (this.frozen) return;
    let thaw = () => {};
    const promise = new Promise<void>((r) => (thaw = r));
    this.frozen = { promise, thaw };
  }

  thaw(): void {
    const f = this.frozen;
    this.frozen = null;
    f?.thaw();
  }

  /** Blocks while frozen; a killed process stops waiting. */
  async gate(): Promise<void> {
    while (this.frozen) await this.frozen.promise;
  }

  constructor(private readonly opts: NamespaceOptions) {}

  processes(): ProcessInfo[] {
    return [...this.procs.values()].map((p) => p.info);
  }

  private listeners = new Map<string, Listener>();

  /** The sockets listening in this namespace. */
  ports(): Listener[] {
    return [...this.listeners.values()];
  }

  listen(l: Listener): (() => void) | null {
    const key = `${l.port}/${l.proto}`;
    if (this.listeners.has(key) || !this.procs.has(l.pid)) return null;
    this.listeners.set(key, l);
    return () => {
      if (this.listeners.get(key) === l) this.listeners.delete(key);
    };
  }

  closePorts(pid: number): void {
    for (const [k, l] of this.listeners) if (l.pid === pid) this.listeners.delete(k);
  }

  get(pid: number): Proc | undefined {
    return this.procs.get(pid);
  }

  reap(p: Proc): void {
    this.procs.delete(p.pid);
  }

  /** Ends every process (the end of PID 1 ends the namespace). */
  killAll(sig: number = Signals.SIGKILL): void {
    for (const p of [...this.procs.values()]) p.terminate(sig);
  }

  get size(): number {
    return this.procs.size;
  }

  start(o: StartOptions): Proc {
    const pid = this.nextPid++;
    const proc = new Proc(
      { pid, ppid: o.ppid, argv: o.argv, user: o.user, started: this.opts.scheduler.now(), tty: o.tty, cred: o.cred },
      this,
    );
    this.procs.set(pid, proc);
    const ctx = this.context(proc, o);
    void Promise.resolve()
      .then(() => o.program(ctx))
      .then(
        (status) => proc.finish(status & 0xff),
        (err: unknown) => {
          if (err instanceof Killed) proc.finish(128 + err.signal);
          else {
            o.stderr.write(`${o.argv[0]}: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
            proc.finish(1);
          }
        },
      );
    return proc;
  }

  context(proc: Proc, o: StartOptions): ProcessContext & ProcessExtras {
    const sched = this.opts.scheduler;
    const ns = this;
    const abortable = { onAbort: (cb: (err: Error) => void) => proc.onAbort(cb) };
    // a read still pending when the process ends is withdrawn from the stream below,
    // so the next reader (the shell's prompt) gets the input instead of the dead process
    const withdrawable =
      <T,>(read: (cancel: ReadCancel) => Promise<T>) =>
      (outer?: ReadCancel) =>
        new Promise<T>((resolve, reject) => {
          const withdraws: Array<() => void> = [];
          const withdraw = () => withdraws.splice(0).forEach((w) => w());
          const detach = proc.onAbort(reject);
          const unend = proc.onEnd(withdraw);
          const settle = () => {
            detach();
            unend();
          };
          // the reader above (a child given this stream) may withdraw it too
          const cancel: ReadCancel = {
            onCancel: (w) => {
              const drop = () => {
                w();
                settle();
              };
              withdraws.push(drop);
              outer?.onCancel(drop);
            },
          };
          read(cancel).then(
            (v) => {
              settle();
              resolve(v);
            },
            (e) => {
              settle();
              reject(e);
            },
          );
        });
    const stdin: InputStream = { read: withdrawable((c) => o.stdin.read(c)), ...(o.stdin.terminal !== undefined ? { terminal: o.stdin.terminal } : {}) };
    if (o.stdin.readBytes) {
      const raw = o.stdin.readBytes.bind(o.stdin);
      stdin.readBytes = withdrawable((c) => raw(c));
    }
    let steps = 0;
    return {
      argv: o.argv,
      env: o.env,
      cwd: o.cwd,
      fs: o.fs,
      stdin,
      stdout: o.stdout,
      stderr: o.stderr,
      tty: o.tty,
      pid: proc.pid,
      hostname: this.opts.hostname,
      sleep: async (ms) => {
        await sched.sleep(ms, abortable);
        await ns.gate();
        if (proc.done) throw new Killed(proc.status - 128);
      },
      now: () => sched.now(),
      processes: () => ns.processes(),
      listen: (port, proto, handler) =>
        ns.listen({ pid: proc.pid, port, proto, ...(typeof handler === 'function' ? { serve: handler } : handler) }),
      connect: ns.opts.connect ? (host, port) => ns.opts.connect!(host, port) : undefined,
      onSignal(signal, handler) {
        if (handler) proc.handlers.set(signal, handler);
        else proc.handlers.delete(signal);
      },
      resolve: (name, env) => ns.opts.resolve(o.fs, name, env)?.program ?? null,
      kill(pid: number, signal: number): boolean {
        const target = ns.get(pid);
        if (!target) return false;
        target.signal(signal);
        return true;
      },
      async exec(argv: string[], io: SpawnOptions & { program?: Program }): Promise<number> {
        // execve: the same pid runs the new program; handlers do not survive
        const program = io.program ?? ns.opts.resolve(o.fs, argv[0] ?? '', io.env ?? o.env)?.program;
        if (!program) return 127;
        proc.handlers.clear();
        proc.info.argv = argv;
        const next: StartOptions = {
          ...o,
          argv,
          env: io.env ?? o.env,
          cwd: io.cwd ?? o.cwd,
          stdin: io.stdin ?? o.stdin,
          stdout: io.stdout ?? o.stdout,
          stderr: io.stderr ?? o.stderr,
          program,
        };
        return program(ns.context(proc, next));
      },
      async spawn(argv: string[], io: SpawnOptions & { program?: Program; onStart?(pid: number): void }) {
        const program = io.program ?? ns.opts.resolve(o.fs, argv[0] ?? '', io.env ?? o.env)?.program;
        if (!program) return 127;
        const child = ns.start({
          argv,
          fs: o.fs,
          env: io.env ?? o.env,
          cwd: io.cwd ?? o.cwd,
          stdin: io.stdin ?? stdin,
          stdout: io.stdout ?? o.stdout,
          stderr: io.stderr ?? o.stderr,
          tty: o.tty,
          user: o.user,
          cred: o.cred,
          ppid: proc.pid,
          program,
        });
        io.onStart?.(child.pid);
        // a killed parent stops waiting; the namespace decides the child's fate
        return await new Promise<number>((resolve, reject) => {
          const detach = proc.onAbort(reject);
          child.exited.then((s) => {
            detach();
            resolve(s);
          });
        });
      },
      async yield() {
        if (++steps % 64 === 0) {
          await sched.yieldNow(ns.opts.foreground);
          await ns.gate();
        }
        if (proc.done) throw new Killed(proc.status - 128);
      },
    };
  }
}
