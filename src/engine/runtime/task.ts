// A running container: its PID namespace, PID 1, and where its output goes
// (the log, and whoever is attached).
import type { Fs } from '../fs/types.ts';
import { PidNamespace, type NamespaceOptions, type ProgramResolver } from './namespace.ts';
import type { InputStream, OutputStream, Program } from './process.ts';
import type { Scheduler } from './scheduler.ts';
import type { Credentials } from './users.ts';
import type { Proc } from './namespace.ts';

export type StreamName = 'stdout' | 'stderr';

export interface OutputSink {
  write(stream: StreamName, text: string): void;
}

export interface TaskOptions {
  scheduler: Scheduler;
  resolve: ProgramResolver;
  fs: Fs;
  argv: string[];
  program: Program;
  env: Map<string, string>;
  cwd: string;
  hostname: string;
  user: string;
  /** PID 1's user; root when absent. */
  cred?: Credentials;
  /** The file system as PID 1 sees it (permissions, --read-only); `fs` when absent. */
  view?: Fs;
  tty: boolean;
  stdin: InputStream;
  output: OutputSink;
  /** Its processes' outgoing TCP connections; absent: no network. */
  connect?: NamespaceOptions['connect'];
}

export class Task {
  readonly ns: PidNamespace;
  /** The container's mounted file system (exec runs over it too). */
  readonly fs: Fs;
  readonly init: Proc;
  /** Resolves with PID 1's exit status once every process has ended. */
  readonly exited: Promise<number>;

  constructor(o: TaskOptions) {
    this.fs = o.fs;
    this.ns = new PidNamespace({ scheduler: o.scheduler, resolve: o.resolve, hostname: o.hostname, ...(o.connect ? { connect: o.connect } : {}) });
    const out = (stream: StreamName): OutputStream => ({ write: (t) => o.output.write(stream, t) });
    this.init = this.ns.start({
      argv: o.argv,
      fs: o.view ?? o.fs,
      cred: o.cred,
      env: o.env,
      cwd: o.cwd,
      stdin: o.stdin,
      stdout: out('stdout'),
      stderr: o.tty ? out('stdout') : out('stderr'),
      tty: o.tty,
      user: o.user,
      ppid: 0,
      program: o.program,
    });
    this.exited = this.init.exited.then((status) => {
      // the end of PID 1 ends the container: the kernel kills the rest
      this.ns.killAll();
      return status;
    });
  }

  signal(sig: number): void {
    this.init.signal(sig);
  }

  kill(sig: number): void {
    this.init.terminate(sig);
  }
}
