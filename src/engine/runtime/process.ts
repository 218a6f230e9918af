// What a program running inside a container (or on the simulated host)
// sees: its arguments, environment, file system, standard streams, the
// virtual clock, and a way to start other programs.
import type { Registry } from '../registry/registry.ts';
import type { Fs } from '../fs/types.ts';
import type { Credentials } from './users.ts';

export interface OutputStream {
  write(text: string): void;
  /** Raw bytes (docker save, export); streams that carry only text leave it out. */
  writeBytes?(data: Uint8Array): void;
  /** Whether this stream is the terminal (isatty); absent: as the process's `tty`. Files and pipes say false. */
  readonly terminal?: boolean;
}

export interface InputStream {
  /**
   * The next chunk of input, or null at end of input. A reader that may go
   * away before input comes (a process that ends or is killed) passes
   * `cancel`: a withdrawn read never settles and leaves its chunk for the
   * next reader, as a dead process's read(2) takes nothing from a terminal.
   */
  read(cancel?: ReadCancel): Promise<string | null>;
  /** The next chunk as raw bytes (docker load < file), where the stream holds bytes; null at end of input. */
  readBytes?(cancel?: ReadCancel): Promise<Uint8Array | null>;
  /** Whether this stream is the terminal (isatty); absent: as the process's `tty`. Files and pipes say false. */
  readonly terminal?: boolean;
}

/** How a pending read is withdrawn: the stream hands `onCancel` what drops its waiter. */
export interface ReadCancel {
  onCancel(withdraw: () => void): void;
}

/** Linux signal numbers the simulator knows. */
export const Signals = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGUSR1: 10,
  SIGUSR2: 12,
  SIGPIPE: 13,
  SIGALRM: 14,
  SIGTERM: 15,
  SIGCONT: 18,
  SIGSTOP: 19,
} as const;
export type SignalName = keyof typeof Signals;

/** Every Linux (x86_64) signal by name, aliases after the name they stand for: kill -s, docker kill -s, trap. */
export const SIGNAL_NUMBERS: Readonly<Record<string, number>> = {
  ...Signals,
  SIGILL: 4,
  SIGTRAP: 5,
  SIGABRT: 6,
  SIGIOT: 6,
  SIGBUS: 7,
  SIGFPE: 8,
  SIGSEGV: 11,
  SIGSTKFLT: 16,
  SIGCHLD: 17,
  SIGTSTP: 20,
  SIGTTIN: 21,
  SIGTTOU: 22,
  SIGURG: 23,
  SIGXCPU: 24,
  SIGXFSZ: 25,
  SIGVTALRM: 26,
  SIGPROF: 27,
  SIGWINCH: 28,
  SIGIO: 29,
  SIGPOLL: 29,
  SIGPWR: 30,
  SIGSYS: 31,
};

export interface ProcessInfo {
  pid: number;
  ppid: number;
  argv: string[];
  user: string;
  /** Virtual time the process started, ms. */
  started: number;
  /** Whether the process has a terminal (ps shows pts/0, otherwise ?). */
  tty: boolean;
  /** uid, gid and supplementary groups; root when absent. */
  cred?: Credentials;
}

/** A socket a process listens on inside its namespace (`ss -lnt`, the network issue's port mappings). */
export interface Listener {
  pid: number;
  port: number;
  proto: 'tcp' | 'udp';
  /** Answers one request (an HTTP request's text) with a response's text; absent for non-HTTP servers. */
  serve?: (request: string) => Promise<string>;
  /**
   * The Registry HTTP API v2 this server speaks (registry:2's `registry
   * serve`), for the daemon's pushes and pulls: the same server as `serve`,
   * reached through typed calls instead of HTTP text.
   */
  registry?: Registry;
}

/** What a program listening on a port answers with: HTTP text, and a registry's API when it is one. */
export type ListenHandler = Listener['serve'] | Pick<Listener, 'serve' | 'registry'>;

/** Where a connection to host:port from a process ends: a listener, or the dial's error (Go's wording after `dial tcp …: `). */
export type ConnectResult = { listener: Listener; address: string } | { error: string };

export interface ProcessContext {
  argv: string[];
  env: Map<string, string>;
  cwd: string;
  fs: Fs;
  stdin: InputStream;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Whether stdin/stdout are a terminal (`-t`). */
  tty: boolean;
  /** This process's id inside its PID namespace. */
  pid: number;
  hostname: string;
  /** Sleeps on the virtual clock; rejects with `Killed` if the process is killed meanwhile. */
  sleep(ms: number): Promise<void>;
  /** Virtual wall-clock time, ms. */
  now(): number;
  /** Starts another program as a child; resolves to its exit status. */
  spawn(argv: string[], io: SpawnOptions): Promise<number>;
  /** Finds the program a command name runs (PATH lookup in `fs`), or null. */
  resolve(name: string, env: Map<string, string>): Program | null;
  /** The processes of this PID namespace (for ps). */
  processes(): ProcessInfo[];
  /**
   * Listens on a port in this namespace until the returned closer runs or
   * the process ends. Fails with EADDRINUSE (returns null) when taken.
   */
  listen(port: number, proto: 'tcp' | 'udp', handler?: ListenHandler): (() => void) | null;
  /**
   * Opens a TCP connection to host:port as seen from this process's network
   * (curl): loopback reaches this namespace's listeners, and on the host the
   * ports containers publish; other names resolve through the page's network.
   * Absent: no network (the connection fails as `--network none`).
   */
  connect?(host: string, port: number): ConnectResult;
  /**
   * Installs a handler for a signal (trap). Returns the previous one.
   * Without a handler a signal's default action applies, except for PID 1,
   * which Linux shields from signals it does not handle (SIGKILL aside).
   */
  onSignal(signal: number, handler: ((signal: number) => void) | null): void;
  /** Gives other processes a turn; long loops call it so nothing freezes. */
  yield(): Promise<void>;
}

export interface SpawnOptions {
  env?: Map<string, string>;
  cwd?: string;
  stdin?: InputStream;
  stdout?: OutputStream;
  stderr?: OutputStream;
}

/** A program: runs to completion and returns its exit status. */
export type Program = (ctx: ProcessContext) => Promise<number>;

/** Linux signal names without SIG (moby signal.SignalMap). */
const SIGNAL_NAMES = new Set(
  'ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX'.split(' '),
);
for (let n = 1; n <= 15; n++) SIGNAL_NAMES.add(`RTMIN+${n}`);
for (let n = 1; n <= 14; n++) SIGNAL_NAMES.add(`RTMAX-${n}`);

/** What moby's signal.ParseSignal accepts (STOPSIGNAL, --change): a number other than 0 as strconv.Atoi reads it, or a name with or without SIG. */
export function isValidSignal(sig: string): boolean {
  if (/^[+-]?\d+$/.test(sig)) return Number(sig) !== 0;
  return SIGNAL_NAMES.has(sig.toUpperCase().replace(/^SIG/, ''));
}
