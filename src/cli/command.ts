// The shape of a `docker` command, after docker/cli's cobra commands: a spec
// (usage line, aliases, descriptions, argument rule, flags) and a run
// function that receives the parsed options.
import type { Fs } from '../engine/fs/types.ts';
import type { InputStream, OutputStream } from '../engine/runtime/process.ts';

/**
 * A flag's value kind. The name is pflag's `Value.Type()` (what `--help`
 * shows after the flag name), except `bool` which shows nothing.
 *
 * Parsed values (in the options a command's run receives):
 * - bool: boolean
 * - string: string
 * - int, int64, uint, uint16, uint64, float64: number
 * - duration: number of nanoseconds (Go's time.ParseDuration)
 * - bytes: number of bytes (go-units RAMInBytes)
 * - swapBytes: like bytes, and `-1` for unlimited (docker's MemSwapBytes; help shows `bytes`)
 * - decimal: number of nano CPUs (docker's NanoCPUs)
 * - map: Record<string, string> (docker's MapOpts: `k=v`, last one wins)
 * - stringArray, stringSlice, list, filter, ulimit, mount, network,
 *   gpu-request, port, ...: string[] in command-line order, as typed
 *   (after the flag's validator, if any, rewrote them)
 */
export type FlagType =
  | 'bool'
  | 'string'
  | 'int'
  | 'int64'
  | 'uint'
  | 'uint16'
  | 'uint64'
  | 'float64'
  | 'duration'
  | 'stringArray'
  | 'stringSlice'
  | 'list'
  | 'map'
  | 'filter'
  | 'bytes'
  | 'swapBytes'
  | 'decimal'
  | 'ulimit'
  | 'mount'
  | 'network'
  | 'gpu-request';

export type FlagValue = boolean | string | number | string[] | Record<string, string>;

/** Feature gates docker/cli puts on flags and commands (cobra annotations). */
export interface FeatureAnnotations {
  /** Minimum daemon API version ("version" annotation), e.g. "1.43". */
  version?: string;
  /** Only on a daemon running this OS ("ostype" annotation). */
  ostype?: string;
  /** Only on a daemon with experimental features ("experimental" annotation). */
  experimental?: boolean;
  /** Swarm requirement ("swarm" annotation): "manager", "active" or "". */
  swarm?: string;
}

export interface FlagSpec {
  name: string;
  /** One ASCII letter, used as `-x`. */
  shorthand?: string;
  type: FlagType;
  /** The default value (in the parsed-value form above). */
  default?: FlagValue;
  /**
   * pflag's DefValue text, when it cannot be derived from `default`: docker's
   * custom value types print e.g. `[]` or `map[]` (and help then shows
   * `(default [])`).
   */
  defValue?: string;
  /** Usage text exactly as docker/cli declares it (may hold newlines). */
  usage: string;
  hidden?: boolean;
  /** MarkDeprecated message: the flag is hidden and warns when used. */
  deprecated?: string;
  /** MarkShorthandDeprecated message: `-x` warns and help shows only `--name`. */
  shorthandDeprecated?: string;
  /** pflag NoOptDefVal: the value a bare `--flag` takes. Bools take "true". */
  noOptDefVal?: string;
  annotations?: FeatureAnnotations;
  /**
   * docker's ValidatorFctType for list/map-like values: returns the value to
   * store, or throws an Error whose message pflag reports after
   * `invalid argument "v" for "--flag" flag: `.
   */
  validate?: (value: string, env: Map<string, string>) => string;
}

/** cobra PositionalArgs rules of docker/cli (cli/required.go). */
export type ArgsRule =
  | { kind: 'any' }
  | { kind: 'none' }
  | { kind: 'min'; n: number }
  | { kind: 'max'; n: number }
  | { kind: 'exact'; n: number }
  | { kind: 'range'; min: number; max: number };

export const anyArgs: ArgsRule = { kind: 'any' };
export const noArgs: ArgsRule = { kind: 'none' };
export const minArgs = (n: number): ArgsRule => ({ kind: 'min', n });
export const maxArgs = (n: number): ArgsRule => ({ kind: 'max', n });
export const exactArgs = (n: number): ArgsRule => ({ kind: 'exact', n });
export const rangeArgs = (min: number, max: number): ArgsRule => ({ kind: 'range', min, max });

export interface CommandSpec {
  /** cobra Use: the name, then the argument synopsis ("rm [OPTIONS] CONTAINER [CONTAINER...]"). */
  use: string;
  /** Other names the command answers to in its parent (cobra Aliases). */
  aliases?: string[];
  /** The "aliases" annotation: the Aliases line `--help` prints instead of the derived one. */
  aliasesText?: string;
  short: string;
  /** Shown instead of `short` in the command's own help. */
  long?: string;
  example?: string;
  /** Positional-argument rule; absent means any (cobra's ArbitraryArgs). */
  args?: ArgsRule;
  flags: FlagSpec[];
  /** false: flags stop at the first non-flag argument (run, create, exec, ...). Default true. */
  interspersed?: boolean;
  /** Listed under "Common Commands" at the root, in this order ("category-top"). */
  categoryTop?: number;
  /**
   * 'management': list under "Management Commands" (or "Swarm Commands" with
   * a swarm annotation) although Berth declares no subcommands for it yet;
   * otherwise the group follows from the tree, as in docker/cli.
   */
  group?: 'management';
  hidden?: boolean;
  /** Root only: the annotation printed last in help ("For more help on how to use Docker, ..."). */
  additionalHelp?: string;
  /** Feature gates of the command itself. */
  annotations?: FeatureAnnotations;
}

/** What the daemon reports about itself (ping headers); gates flags and commands. */
export interface ServerInfo {
  /** Negotiated API version, e.g. "1.41". */
  apiVersion: string;
  osType: string;
  experimental: boolean;
  /** Swarm state; absent when the daemon does not say (nothing is hidden then). */
  swarm?: { nodeState: string; controlAvailable: boolean };
}

/** The reference engine Berth copies: dockerd 20.10 on Linux (API 1.41), not experimental. */
export const referenceServer: ServerInfo = {
  apiVersion: '1.41',
  osType: 'linux',
  experimental: false,
};

/** How the running command was reached (set by dispatch). */
export interface Invocation {
  /** Command path by name, e.g. "docker container ls" (also when called as `docker container ps`; see calledAs). */
  path: string;
  /** The word typed for the command itself ("ps", "list", "ls", ...). */
  calledAs: string;
  /** cobra UseLine, e.g. "docker container ls [OPTIONS]". */
  useLine: string;
  /** The global options (`--host`, `--context`, `--debug`, `--log-level`, `--config`, ...), by long name. */
  globals: Options;
}

export interface CliContext<D = unknown> {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: InputStream;
  env: Map<string, string>;
  /** Whether the CLI runs on a terminal. */
  tty: boolean;
  /**
   * The buildx plugin is installed (as in Docker 28's packages): `docker
   * build` goes to BuildKit unless DOCKER_BUILDKIT=0. Absent: a bare 28
   * client, which falls back to the legacy builder with a notice.
   */
  buildx?: boolean;
  /** The client machine's file system and working directory (--env-file, cp, build contexts, save -o). */
  host?: { fs: Fs; cwd: string };
  /** The engine the commands talk to (typed by whoever wires it in). */
  daemon: D;
  /** What the daemon reports; defaults to `referenceServer`. null: no daemon reachable (nothing hidden). */
  server?: ServerInfo | null;
  /** Terminal width for wrapping help text; docker uses 80 when stdin is no terminal. */
  columns?: number;
  /** Filled in by dispatch for the command being run. */
  invocation?: Invocation;
  /**
   * Ctrl-C reaching the CLI: docker/cli cancels its command context on
   * SIGINT (cmd/docker notifyContext). Commands that wait on the daemon
   * (attached run, start -a, logs -f, wait) listen to it, let go of what
   * they hold and end. Absent: nothing interrupts the CLI.
   */
  signal?: CliSignal;
}

/**
 * DOCKER_BUILDKIT as docker/cli reads it (a Go bool): true/false, or
 * undefined when unset or empty. Anything else is the CLI's error.
 */
export function buildkitFromEnv(env: Map<string, string>): boolean | undefined {
  const v = env.get('DOCKER_BUILDKIT');
  if (v === undefined || v === '') return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(v)) return false;
  throw new CliError(`DOCKER_BUILDKIT environment variable expects boolean value: strconv.ParseBool: parsing "${v}": invalid syntax`, 1);
}

/** An interruption the CLI can be told about (a minimal AbortSignal). */
export interface CliSignal {
  readonly aborted: boolean;
  /** Calls `cb` once when interrupted (at once if already interrupted); returns the remover. */
  onAbort(cb: () => void): () => void;
  /**
   * Raw terminal mode (docker/cli with -t attached to a TTY container): until
   * the remover runs, Ctrl-C is not an interruption of the CLI but `onCtrlC`,
   * which sends the byte to the container's terminal.
   */
  raw?(onCtrlC: () => void): () => void;
}

/** While the CLI holds a container's terminal: Ctrl-C goes to it (see CliSignal.raw). */
export function rawTerminal(ctx: CliContext, onCtrlC: () => void): () => void {
  return ctx.tty && ctx.signal?.raw ? ctx.signal.raw(onCtrlC) : () => {};
}

/**
 * The status of a command ended by Ctrl-C: 128 + SIGINT, nothing printed
 * (docker/cli ends with its errCtxSignalTerminated, whose text is empty).
 */
export const INTERRUPTED_STATUS = 130;

/** What `untilAborted` resolves to when Ctrl-C came first. */
export const ABORTED: unique symbol = Symbol('aborted');

/** Waits for `work`, or until the CLI is interrupted, whichever comes first. */
export function untilAborted<T>(ctx: CliContext, work: Promise<T>): Promise<T | typeof ABORTED> {
  const signal = ctx.signal;
  if (!signal) return work;
  return new Promise<T | typeof ABORTED>((resolve, reject) => {
    const off = signal.onAbort(() => resolve(ABORTED));
    work.then(
      (v) => {
        off();
        resolve(v);
      },
      (e: unknown) => {
        off();
        reject(e);
      },
    );
  });
}

/** Parsed options: every flag by long name, defaults filled in. See `flagChanged`. */
export type Options = Record<string, unknown>;

export type RunFn<D = unknown> = (ctx: CliContext<D>, opts: Options, args: string[]) => Promise<number>;

export interface Command<D = unknown> {
  spec: CommandSpec;
  /** Absent: the command only parses and answers --help (run says "not implemented yet"). */
  run?: RunFn<D>;
  /** Management commands: their subcommands. */
  subcommands?: Command<D>[];
}

/**
 * An error a run (or the CLI itself) ends with: dispatch prints the message
 * and a newline to stderr and exits with `status` (docker's cli.StatusError;
 * plain errors exit 1). An empty message prints nothing.
 */
export class CliError extends Error {
  readonly status: number;
  constructor(message: string, status = 1) {
    super(message);
    this.name = 'CliError';
    this.status = status;
  }
}

/**
 * docker/cli's `withHelp` errors (status 125), e.g.
 * `docker: invalid pull option: 'bad': must be one of ...\n\nRun 'docker run --help' for more information`.
 */
export function usageError(ctx: CliContext, message: string): CliError {
  const path = ctx.invocation?.path ?? 'docker';
  return new CliError(`docker: ${message}\n\nRun '${path} --help' for more information`, 125);
}

const changedFlags = new WeakMap<object, ReadonlySet<string>>();

/** Records which flags were set on the command line (dispatch does this). */
export function markChanged(opts: Options, changed: ReadonlySet<string>): void {
  changedFlags.set(opts, changed);
}

/** pflag's `Flags().Changed(name)`: whether the flag was given on the command line. */
export function flagChanged(opts: Options, name: string): boolean {
  return changedFlags.get(opts)?.has(name) ?? false;
}

/** The command's name: the first word of its use line (cobra Name()). */
export function commandName(spec: CommandSpec): string {
  const i = spec.use.indexOf(' ');
  return i >= 0 ? spec.use.slice(0, i) : spec.use;
}

/**
 * The same command under another use line and aliases (docker's
 * `newListCommand` and friends). The copy runs whatever `cmd.run` is.
 */
export function withUse<D>(cmd: Command<D>, use: string, aliases?: string[]): Command<D> {
  return {
    spec: { ...cmd.spec, use, aliases },
    get run() {
      return cmd.run;
    },
    get subcommands() {
      return cmd.subcommands;
    },
  };
}

/** The run of a command Berth parses but does not carry out yet. */
export const notImplemented: RunFn<any> = async (ctx) => {
  throw new CliError(`berth: ${ctx.invocation?.path ?? 'docker'} is not implemented yet`, 1);
};
