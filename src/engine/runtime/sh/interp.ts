// The interpreter: walks the syntax tree asynchronously so that output
// streams as it is written, `&` really runs concurrently, and every await
// is a point where the shell can be stopped (docker stop / kill).
import type { Fs } from '../../fs/types.ts';
import { FsError } from '../../fs/types.ts';
import type { ProcessContext, Program, SpawnOptions } from '../process.ts';
import { Signals } from '../process.ts';
import { type AbortHandle, Killed } from '../scheduler.ts';
import type { AndOr, Case, Command, CondCmd, FuncDef, List, ParamPart, Part, Pipeline, Redir, Simple, Word } from './ast.ts';
import { ArithError, evalArith } from './arith.ts';
import { BUILTINS, type Builtin } from './builtins.ts';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellError } from './control.ts';
import {
  BrokenPipe,
  FileOutput,
  LineReader,
  Pipe,
  StringSink,
  decodeText,
  errOf,
  inOf,
  lineReader,
  nullOutput,
  outOf,
  stringInput,
  bytesInput,
  type Io,
} from './io.ts';
import { type Dialect, ParseError, Parser, dashSyntaxMessage, syntaxErrorMessage } from './parser.ts';
import { basename, joinPath, resolvePath } from './path.ts';
import { shebang } from '../resolve.ts';
import { escapePattern, glob, hasGlob, matchPattern } from './pattern.ts';
import { binaryTest, isBinaryTest, isUnaryTest, unaryTest } from './test.ts';
import { shellQuote } from './util.ts';

// ---- the contract with whoever runs the shell ---------------------------

/** How a child is to be started: SpawnOptions plus what the shell knows. */
export interface RunIo extends SpawnOptions {
  /** The program ctx.resolve() found for argv[0] (or for the interpreter of a #! script). */
  program: Program;
  /** `exec cmd` (or the last command of `sh -c`): the child replaces the shell, keeping its pid. */
  exec: boolean;
  /** The engine calls this with the child's pid as soon as it exists (for $! and kill). */
  onStart?(pid: number): void;
}

/** Starts a child and resolves to its exit status. */
export type RunProgram = (argv: string[], io: RunIo) => Promise<number>;

/**
 * Optional process-context members the shell uses when the engine offers
 * them (they are not part of ProcessContext yet).
 */
export interface ProcessExtras {
  /** Sends a signal to a process of this PID namespace; false if there is none. */
  kill?(pid: number, signal: number): boolean;
  /** execve: runs argv in place of the current program (same pid, handlers reset). */
  exec?(argv: string[], io: SpawnOptions): Promise<number>;
  /**
   * Fires when the process is killed, so the shell stops at once even while
   * it waits for a child or runs only builtins (without it, the shell notices
   * at its next ctx.sleep / ctx.yield, which must then reject with Killed).
   */
  abort?: AbortHandle;
}

export type ShellContext = ProcessContext & ProcessExtras;

/** Where commands come from: decides the `line N:` part of messages. */
export type ShellSource = 'c' | 'script' | 'stdin' | 'interactive';

export interface ShellOptions {
  dialect: Dialect;
  /** $0 and the first word of messages: sh, /bin/sh, bash, or a script's path. */
  arg0?: string;
  /** The shell's own name for applet-style messages (ash `sh: a: bad number`). Defaults to basename(arg0). */
  shellName?: string;
  positional?: string[];
  source?: ShellSource;
  /** How children start; by default ctx.spawn (ctx.exec for exec when offered). */
  runProgram?: RunProgram;
  /** Debian's dash: the ash dialect with dash's messages (`sh: 1: x: not found`). */
  dash?: boolean;
}

// ---- internals ------------------------------------------------------------

interface Var {
  value: string | undefined;
  exported: boolean;
  readonly: boolean;
  /** bash indexed arrays (sparse); `value` mirrors element 0. */
  arr?: (string | undefined)[];
}

export interface Job {
  id: number;
  pid: number;
  done: Promise<number>;
  status: number | null;
  kills: KillSwitch;
  text: string;
  /** The external child, when the job is one simple command. */
  child: number;
}

export interface Flags {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  noglob: boolean;
  pipefail: boolean;
  allexport: boolean;
  noclobber: boolean;
  verbose: boolean;
  noexec: boolean;
}

/** Stops a shell (and its in-process subshells) at its next await. */
export class KillSwitch {
  signal = 0;
  /** Pids of the external children running under this switch. */
  readonly pids = new Set<number>();
  private readonly listeners = new Set<(e: Killed) => void>();
  private readonly children = new Set<KillSwitch>();

  constructor(
    private readonly parent: KillSwitch | null,
    private readonly killPid: (pid: number, sig: number) => void,
  ) {
    parent?.children.add(this);
  }

  kill(sig: number): void {
    if (this.signal) return;
    this.signal = sig;
    for (const pid of this.pids) this.killPid(pid, sig);
    const e = new Killed(sig);
    for (const l of [...this.listeners]) l(e);
    this.listeners.clear();
    for (const c of [...this.children]) c.kill(sig);
  }

  detach(): void {
    this.parent?.children.delete(this);
  }

  /** `p`, unless the switch fires first. */
  guard<T>(p: Promise<T>): Promise<T> {
    if (this.signal) {
      p.catch(() => {});
      return Promise.reject(new Killed(this.signal));
    }
    return new Promise<T>((resolve, reject) => {
      const l = (e: Killed) => reject(e);
      this.listeners.add(l);
      p.then(
        (v) => {
          this.listeners.delete(l);
          resolve(v);
        },
        (e) => {
          this.listeners.delete(l);
          reject(e);
        },
      );
    });
  }
}

const EMPTY: string[] = [];
const GLOB_CHARS = /[*?[]/;
const SPLIT_OR_GLOB = /[ \t\n*?[]/;
const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Field builder for word expansion: tracks quoting for splitting and globbing. */
class Fields {
  readonly out: string[] = [];
  readonly pats: (string | null)[] = [];
  cur = '';
  pat = '';
  glob = false;
  started = false;
  brk = false;
  /** mode 0: fields (split + glob); 1: one string; 2: one pattern. */
  constructor(
    readonly mode: 0 | 1 | 2,
    readonly ifs: string,
  ) {}

  quoted(s: string): void {
    if (this.brk) this.breakNow();
    this.cur += s;
    if (this.mode !== 1) this.pat += escapePattern(s);
    this.started = true;
  }

  literal(s: string): void {
    if (this.brk) this.breakNow();
    this.cur += s;
    if (this.mode !== 1) {
      this.pat += s;
      if (GLOB_CHARS.test(s)) this.glob = true;
    }
    this.started = true;
  }

  /** An unquoted expansion's text: split on IFS (fields mode). */
  expanded(s: string): void {
    if (!s) return;
    if (this.mode !== 0) {
      this.literal(s);
      return;
    }
    const ifs = this.ifs;
    if (ifs === '') {
      this.literal(s);
      return;
    }
    let i = 0;
    const n = s.length;
    while (i < n) {
      const c = s[i]!;
      if (ifs.includes(c)) {
        if (c === ' ' || c === '\t' || c === '\n') {
          while (i < n && ifs.includes(s[i]!) && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n')) i++;
          if (i < n && ifs.includes(s[i]!)) continue; // a non-blank delimiter follows
          this.brk = true;
          continue;
        }
        this.brk = false;
        this.started = true;
        this.end();
        i++;
        while (i < n && ifs.includes(s[i]!) && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n')) i++;
        continue;
      }
      let j = i + 1;
      while (j < n && !ifs.includes(s[j]!)) j++;
      this.literal(s.slice(i, j));
      i = j;
    }
  }

  /** Between the elements of $@. */
  separate(quoted: boolean): void {
    if (this.mode !== 0) {
      this.cur += ' ';
      this.pat += ' ';
    } else if (quoted) {
      this.brk = false;
      this.end();
    } else this.brk = true;
  }

  private breakNow(): void {
    this.brk = false;
    this.end();
  }

  end(): void {
    if (this.started) {
      this.out.push(this.cur);
      this.pats.push(this.glob ? this.pat : null);
    }
    this.cur = '';
    this.pat = '';
    this.glob = false;
    this.started = false;
  }
}

/** Thrown by synchronous expansion at a command substitution whose output is not known yet. */
class NeedSubst {
  constructor(readonly part: Extract<Part, { t: 'cmd' }>) {}
}

/** Command substitutions that always run: not those inside ${x:-...} words. */
function collectSubst(parts: Part[], out: Part[]): void {
  for (const p of parts) {
    if (p.t === 'cmd') out.push(p);
    else if (p.t === 'dq') collectSubst(p.parts, out);
    else if (p.t === 'arith') collectSubst(p.expr.parts, out);
  }
}

function isAtParam(p: Part | undefined): boolean {
  return p !== undefined && p.t === 'param' && p.name === '@' && !p.op;
}

// ---- the shell --------------------------------------------------------------

export class Shell {
  readonly dialect: Dialect;
  /** Debian's /bin/sh: ash grammar, dash's message style. */
  readonly dash: boolean;
  readonly ctx: ShellContext;
  readonly fs: Fs;
  readonly root: Shell;
  readonly kills: KillSwitch;
  readonly isSubshell: boolean;
  vars: Map<string, Var>;
  funcs: Map<string, FuncDef>;
  positional: string[];
  arg0: string;
  shellName: string;
  cwd: string;
  status = 0;
  lastBg: number | null = null;
  flags: Flags;
  traps: Map<number, string>;
  source: ShellSource;
  /** The shell's own descriptors (exec >file changes them). */
  io: Io;
  /** The descriptors of the command being run (for expansions and messages). */
  curIo: Io;
  lineno = 0;
  funcDepth = 0;
  loopDepth = 0;
  sourceDepth = 0;
  condDepth = 0;
  jobs = new Map<number, Job>();
  umask = 0o022;
  /** getopts' state: the OPTIND it last set, and its place inside a bundle of options (-abc). */
  opt = { last: '', char: 1 };
  /** Called by the first external child of a background job (its pid, or null if unknown). */
  bgStart: ((pid: number | null) => void) | null = null;
  private locals: Map<string, Var | undefined>[] = [];
  private steps = 0;
  private pending: number[] = [];
  private readonly waiters = new Set<() => void>();
  private cmdsubStatus = -1;
  /** Command substitution output for the word being expanded. */
  private subs: Map<Part, string> | null = null;
  private readonly runFn: RunProgram;
  private nextJob = 1;
  private readonly usedPids = new Set<number>();
  private inTrap = false;
  /** A top-level command line is running (for interrupt()). */
  private running = false;
  private interrupted = false;
  private exiting = false;
  private seed: number;
  private readonly started: number;

  constructor(ctx: ShellContext, opts: ShellOptions, parent?: Shell) {
    this.ctx = ctx;
    this.fs = ctx.fs;
    this.dialect = opts.dialect;
    this.dash = parent ? parent.dash : opts.dash === true;
    this.runFn = opts.runProgram ?? defaultRun(ctx);
    const killPid = (pid: number, sig: number) => void ctx.kill?.(pid, sig);
    if (parent) {
      this.root = parent.root;
      this.isSubshell = true;
      this.kills = new KillSwitch(parent.kills, killPid);
      this.vars = new Map();
      for (const [k, v] of parent.vars) this.vars.set(k, v.arr ? { ...v, arr: v.arr.slice() } : { ...v });
      this.funcs = new Map(parent.funcs);
      this.positional = parent.positional;
      this.arg0 = parent.arg0;
      this.shellName = parent.shellName;
      this.cwd = parent.cwd;
      this.status = parent.status;
      this.lastBg = parent.lastBg;
      this.flags = { ...parent.flags };
      this.traps = new Map([...parent.traps].filter(([, a]) => a === ''));
      this.source = parent.source;
      this.io = parent.curIo;
      this.curIo = parent.curIo;
      this.lineno = parent.lineno;
      this.funcDepth = parent.funcDepth;
      this.loopDepth = parent.loopDepth;
      this.umask = parent.umask;
      this.seed = parent.seed + 7919;
      this.started = parent.started;
      return;
    }
    this.root = this;
    this.isSubshell = false;
    this.kills = new KillSwitch(null, killPid);
    ctx.abort?.onAbort((e) => this.kills.kill(e instanceof Killed ? e.signal : Signals.SIGKILL));
    this.vars = new Map();
    this.funcs = new Map();
    this.positional = opts.positional ?? [];
    this.arg0 = opts.arg0 ?? (opts.dialect === 'bash' ? 'bash' : 'sh');
    this.shellName = opts.shellName ?? basename(this.arg0);
    this.cwd = ctx.cwd;
    this.source = opts.source ?? 'c';
    this.flags = {
      errexit: false,
      nounset: false,
      xtrace: false,
      noglob: false,
      pipefail: false,
      allexport: false,
      noclobber: false,
      verbose: false,
      noexec: false,
    };
    this.traps = new Map();
    this.seed = ctx.pid * 1103515245 + 12345;
    this.started = ctx.now();
    this.io = [{ r: lineReader(ctx.stdin) }, { w: ctx.stdout }, { w: ctx.stderr }];
    this.curIo = this.io;
    for (const [k, v] of ctx.env) this.vars.set(k, { value: v, exported: true, readonly: false });
    const bash = this.dialect === 'bash';
    if (!this.vars.has('PATH'))
      this.vars.set('PATH', {
        value: bash ? '/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:.' : '/sbin:/usr/sbin:/bin:/usr/bin',
        exported: !bash,
        readonly: false,
      });
    this.setExported('PWD', this.cwd);
    this.setExported('SHLVL', String((Number(ctx.env.get('SHLVL')) || 0) + 1));
    const set = (k: string, v: string) => {
      if (!this.vars.has(k)) this.vars.set(k, { value: v, exported: false, readonly: false });
    };
    set('IFS', ' \t\n');
    set('PS1', bash ? '\\s-\\v\\$ ' : '\\w \\$ ');
    set('PS2', '> ');
    set('PS4', '+ ');
    set('OPTIND', '1');
    set('HOSTNAME', ctx.hostname);
    let ppid = 0;
    try {
      ppid = ctx.processes().find((p) => p.pid === ctx.pid)?.ppid ?? 0;
    } catch {
      ppid = 0;
    }
    set('PPID', String(ppid));
    if (bash) {
      set('BASH', '/bin/bash');
      set('BASH_VERSION', '5.2.15(1)-release');
      set('HOSTTYPE', 'x86_64');
      set('MACHTYPE', 'x86_64-pc-linux-gnu');
      set('OSTYPE', 'linux-gnu');
      set('UID', '0');
      set('EUID', '0');
      set('OPTERR', '1');
    }
  }

  /** A subshell: a copy of this shell's state, stoppable on its own. */
  fork(): Shell {
    return new Shell(this.ctx, { dialect: this.dialect, runProgram: this.runFn }, this);
  }

  // ---- entry points -------------------------------------------------------

  /**
   * Runs a script (sh -c, sh file) one command at a time, as shells do: a
   * syntax error further down does not stop the lines before it. Resolves to
   * the exit status (after the EXIT trap). Rejects only with Killed.
   */
  async runScript(src: string): Promise<number> {
    const parser = new Parser(src, { dialect: this.dialect });
    const next = (): List | ParseError | null => {
      try {
        return parser.nextCommand();
      } catch (e) {
        if (e instanceof ParseError) return e;
        throw e;
      } finally {
        this.printWarnings(parser);
      }
    };
    try {
      let cur = next();
      while (cur) {
        if (cur instanceof ParseError) {
          this.syntaxError(cur, this.io);
          throw new ExitSignal(2);
        }
        const ahead = this.source === 'c' ? next() : undefined;
        await this.runTop(cur, ahead === null);
        cur = ahead === undefined ? next() : ahead;
      }
      return await this.finish(this.status);
    } catch (e) {
      return await this.finish(this.statusOf(e));
    }
  }

  /**
   * Runs already-parsed commands at top level (REPL). Errors that would end
   * a script (ShellError) only end the command line when interactive.
   * Throws ExitSignal when the shell exits; callers then call finish().
   */
  async runTop(list: List, tail = false): Promise<number> {
    this.running = true;
    this.interrupted = false;
    try {
      // the last command of `sh -c` replaces the shell (execve, same pid):
      // bash only when it is the whole line, ash and dash also after `a; b`
      const n = list.items.length;
      const last = n === 1 || (n > 1 && this.dialect === 'ash') ? list.items[n - 1]! : null;
      const simple =
        tail && last && !last.bg && !last.cmd.rest.length && !last.cmd.first.bang && !last.cmd.first.timed && last.cmd.first.cmds.length === 1
          ? last.cmd.first.cmds[0]!
          : null;
      if (simple && simple.type === 'simple' && n > 1) {
        await this.execList({ type: 'list', items: list.items.slice(0, -1) }, this.io);
        list = { type: 'list', items: [last!] };
      }
      if (simple && simple.type === 'simple' && !this.traps.size) {
        await this.checkpoint();
        this.status = await this.execSimple(simple, this.io, true);
        this.errexitCheck(this.status);
      } else {
        await this.execList(list, this.io);
      }
    } catch (e) {
      if (e instanceof ShellError) {
        this.status = e.status;
        if (this.source !== 'interactive') throw new ExitSignal(e.status);
      } else if (e instanceof BreakSignal || e instanceof ContinueSignal) {
        // break outside a loop: ignored
      } else throw e;
    } finally {
      this.running = false;
      this.interrupted = false;
    }
    return this.status;
  }

  /** Ends the shell: runs the EXIT trap, stops in-process background jobs. */
  async finish(status: number): Promise<number> {
    const action = this.traps.get(0);
    if (action !== undefined && !this.exiting) {
      this.exiting = true;
      this.traps.delete(0);
      this.status = status;
      try {
        if (action) await this.evalString(action, this.io);
      } catch (e) {
        status = this.statusOf(e);
      }
    }
    for (const j of this.jobs.values()) if (j.status === null && j.child === 0) j.kills.kill(Signals.SIGKILL);
    return status & 255;
  }

  /** Status for an exception that ends a shell; rethrows what is not ours to handle. */
  statusOf(e: unknown): number {
    if (e instanceof ExitSignal || e instanceof ShellError || e instanceof ReturnSignal) return e.status;
    if (e instanceof BreakSignal || e instanceof ContinueSignal) return this.status;
    if (e instanceof BrokenPipe) return 128 + Signals.SIGPIPE;
    if (e instanceof Killed && this.isSubshell && this.kills.signal) return 128 + e.signal;
    throw e;
  }

  /**
   * Delivers a signal. With a trap, the trap runs at the next safe point
   * (between commands; `wait` returns at once). Without one, the default
   * action ends the shell, except that PID 1 ignores what it does not handle.
   */
  signal(sig: number): void {
    const root = this.root;
    const action = root.traps.get(sig);
    if (action !== undefined) {
      if (action === '') return;
      root.pending.push(sig);
      for (const w of [...root.waiters]) w();
      return;
    }
    if (sig === 17 || sig === Signals.SIGCONT || sig === 28 || sig === 23) return;
    if (sig !== Signals.SIGKILL && sig !== Signals.SIGSTOP) {
      if (root.source === 'interactive' && (sig === Signals.SIGTERM || sig === Signals.SIGINT || sig === Signals.SIGQUIT)) {
        if (sig === Signals.SIGINT) root.interrupt();
        return;
      }
      if (this.ctx.pid === 1) return;
    }
    root.kills.kill(sig);
  }

  /**
   * Ctrl-C at an interactive prompt: the command line being run stops at
   * its next command (status 130); the shell stays.
   */
  interrupt(): void {
    const root = this.root;
    if (!root.running) return;
    root.interrupted = true;
    for (const w of [...root.waiters]) w();
  }

  /** Stops the shell at its next await (SIGKILL semantics). */
  kill(sig: number = Signals.SIGKILL): void {
    this.root.kills.kill(sig);
  }

  // ---- messages ---------------------------------------------------------------

  /** An error in the shell's format: `sh: line 3: x: not found`, `bash: line 1: cd: ...`. */
  formatError(msg: string, builtin: string | null = null): string {
    const name = this.arg0;
    if (this.dialect === 'bash') {
      const line = this.source === 'interactive' ? '' : `line ${this.lineno}: `;
      return `${name}: ${line}${builtin ? builtin + ': ' : ''}${msg}\n`;
    }
    if (this.dash) {
      return `${name}: ${this.lineno}: ${builtin ? builtin + ': ' : ''}${msg}\n`;
    }
    const cmd = builtin ?? (this.source === 'script' ? name : null);
    if (!cmd) return `${name}: ${msg}\n`;
    const line = this.source === 'interactive' ? '' : `line ${this.source === 'c' ? this.lineno - 1 : this.lineno}: `;
    return `${name}: ${cmd !== name ? cmd + ': ' : ''}${line}${msg}\n`;
  }

  error(io: Io, msg: string, builtin: string | null = null): void {
    errOf(io).write(this.formatError(msg, builtin));
  }

  /** busybox applets run as builtins (test, printf, kill) say just `sh: msg`. */
  appletError(io: Io, msg: string): void {
    errOf(io).write(`${this.shellName}: ${msg}\n`);
  }

  /** Prints an expansion error and aborts the command line (exits a script). */
  fatal(msg: string, bashStatus = 1): never {
    this.error(this.curIo, msg);
    throw new ShellError(this.dialect === 'bash' ? bashStatus : 2);
  }

  syntaxError(e: ParseError, io: Io, context = this.source): void {
    const msg = syntaxErrorMessage(e, this.dialect);
    const err = errOf(io);
    if (this.dialect === 'bash') {
      const prefix = context === 'interactive' ? `${this.arg0}: ` : context === 'c' ? `${this.arg0}: -c: line ${e.line}: ` : `${this.arg0}: line ${e.line}: `;
      err.write(prefix + msg + '\n');
      if (e.kind === 'token' && e.tokenKind !== 'eof') err.write(`${prefix}\`${e.sourceLine}'\n`);
      return;
    }
    if (this.dash) {
      err.write(`${this.arg0}: ${e.line}: ${dashSyntaxMessage(e)}\n`);
      return;
    }
    err.write(context === 'script' ? `${this.arg0}: line ${e.line}: ${msg}\n` : `${this.arg0}: ${msg}\n`);
  }

  private printWarnings(parser: Parser): void {
    for (const w of parser.warnings.splice(0)) {
      const line = this.lineno;
      this.lineno = w.line;
      errOf(this.io).write(this.formatError(w.text));
      this.lineno = line;
    }
  }

  // ---- variables --------------------------------------------------------------

  getVar(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  isReadonly(name: string): boolean {
    return this.vars.get(name)?.readonly ?? false;
  }

  /** Assigns; a readonly variable is a fatal error. */
  setVar(name: string, value: string): void {
    const v = this.vars.get(name);
    if (v) {
      if (v.readonly) this.fatal(this.dialect === 'bash' ? `${name}: readonly variable` : `${name}: is read only`);
      v.value = value;
      if (v.arr) {
        v.arr = v.arr.slice();
        v.arr[0] = value;
      }
      if (this.flags.allexport) v.exported = true;
    } else {
      this.vars.set(name, { value, exported: this.flags.allexport, readonly: false });
    }
  }

  /** An array's elements that are set (a scalar is an array of one). */
  arrayValues(name: string): string[] {
    const v = this.vars.get(name);
    if (!v) return [];
    if (v.arr) return v.arr.filter((x): x is string => x !== undefined);
    return v.value === undefined ? [] : [v.value];
  }

  arrayIndices(name: string): number[] {
    const v = this.vars.get(name);
    if (!v) return [];
    if (v.arr) return v.arr.flatMap((x, i) => (x === undefined ? [] : [i]));
    return v.value === undefined ? [] : [0];
  }

  /** a=(...) / a+=(...) */
  setArray(name: string, values: string[], append = false): void {
    const v = this.vars.get(name);
    if (v?.readonly) this.fatal(`${name}: readonly variable`);
    const arr: (string | undefined)[] = append ? [...(v?.arr ?? (v?.value !== undefined ? [v.value] : [])), ...values] : values.slice();
    if (v) {
      v.arr = arr;
      v.value = arr[0];
    } else this.vars.set(name, { value: arr[0], exported: false, readonly: false, arr });
  }

  /** a[i]=value (negative i counts from the end). */
  setElement(name: string, index: number, value: string, append = false): void {
    const v = this.vars.get(name);
    if (v?.readonly) this.fatal(`${name}: readonly variable`);
    const arr = (v?.arr ?? (v?.value !== undefined ? [v.value] : [])).slice();
    if (index < 0) index += arr.length;
    if (index < 0) this.fatal(`${name}[${index - arr.length}]: bad array subscript`);
    arr[index] = append ? (arr[index] ?? '') + value : value;
    if (v) {
      v.arr = arr;
      v.value = arr[0];
    } else this.vars.set(name, { value: arr[0], exported: false, readonly: false, arr });
  }

  getElement(name: string, index: number): string | undefined {
    const v = this.vars.get(name);
    if (!v) return undefined;
    const arr = v.arr ?? [v.value];
    if (index < 0) index += arr.length;
    return arr[index];
  }

  unsetElement(name: string, index: number): void {
    const v = this.vars.get(name);
    if (!v) return;
    const arr = (v.arr ?? [v.value]).slice();
    if (index < 0) index += arr.length;
    arr[index] = undefined;
    v.arr = arr;
    v.value = arr[0];
  }

  setExported(name: string, value: string | undefined): void {
    const v = this.vars.get(name);
    if (v) {
      if (value !== undefined) v.value = value;
      v.exported = true;
    } else this.vars.set(name, { value, exported: true, readonly: false });
  }

  markReadonly(name: string, value?: string): void {
    const v = this.vars.get(name);
    if (v) {
      if (value !== undefined) v.value = value;
      v.readonly = true;
    } else this.vars.set(name, { value, exported: false, readonly: true });
  }

  unexport(name: string): void {
    const v = this.vars.get(name);
    if (v) v.exported = false;
  }

  /** unset NAME; false if it is readonly. */
  unsetVar(name: string): boolean {
    const v = this.vars.get(name);
    if (!v) return true;
    if (v.readonly) return false;
    if (this.locals.length && this.locals[this.locals.length - 1]!.has(name)) {
      v.value = undefined;
      return true;
    }
    this.vars.delete(name);
    return true;
  }

  /** `local NAME[=value]` inside a function. */
  makeLocal(name: string, value: string | undefined): void {
    const frame = this.locals[this.locals.length - 1];
    if (frame && !frame.has(name)) {
      const old = this.vars.get(name);
      frame.set(name, old ? { ...old } : undefined);
      this.vars.set(name, { value: value ?? (this.dialect === 'ash' ? old?.value : undefined), exported: old?.exported ?? false, readonly: false });
      if (value !== undefined) this.vars.get(name)!.value = value;
      return;
    }
    if (value !== undefined) this.setVar(name, value);
  }

  exportedEnv(extra?: [string, string][] | null): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.exported && v.value !== undefined && !v.arr) env.set(k, v.value);
    if (extra) for (const [k, v] of extra) env.set(k, v);
    return env;
  }

  listVars(): [string, Var][] {
    return [...this.vars].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Special and positional parameters, then variables. */
  getParam(name: string): string | undefined {
    const c = name.charCodeAt(0);
    if (c >= 48 && c <= 57) {
      if (name === '0') return this.arg0;
      return this.positional[Number(name) - 1];
    }
    switch (name) {
      case '?':
        return String(this.status);
      case '$':
        return String(this.ctx.pid);
      case '!':
        return this.lastBg === null ? undefined : String(this.lastBg);
      case '#':
        return String(this.positional.length);
      case '-':
        return this.flagString();
      case '@':
        return this.positional.length ? this.positional.join(' ') : undefined;
      case '*':
        return this.positional.length ? this.positional.join(this.ifsFirst()) : undefined;
      case 'LINENO':
        return String(this.lineno);
      case 'RANDOM':
        // dash has no $RANDOM
        if (!this.vars.has('RANDOM') && !this.dash) {
          this.seed = (this.seed * 1103515245 + 12345) & 0x7fffffff;
          return String((this.seed >> 16) & 0x7fff);
        }
        break;
      case 'SECONDS':
        if (!this.vars.has('SECONDS')) return String(Math.floor((this.ctx.now() - this.started) / 1000));
        break;
    }
    return this.vars.get(name)?.value;
  }

  private flagString(): string {
    const f = this.flags;
    let s = '';
    if (f.errexit) s += 'e';
    if (f.noglob) s += 'f';
    if (f.allexport) s += 'a';
    if (f.nounset) s += 'u';
    if (f.verbose) s += 'v';
    if (f.xtrace) s += 'x';
    if (f.noclobber) s += 'C';
    if (this.dialect === 'bash') s += 'hB';
    if (this.source === 'c') s += 'c';
    if (this.source === 'stdin' || this.source === 'interactive') s += 's';
    if (this.source === 'interactive') s += 'i';
    return s;
  }

  private ifs(): string {
    const v = this.vars.get('IFS');
    return v === undefined || v.value === undefined ? ' \t\n' : v.value;
  }

  private ifsFirst(): string {
    const v = this.vars.get('IFS');
    return v === undefined || v.value === undefined ? ' ' : v.value.slice(0, 1);
  }

  // ---- execution ----------------------------------------------------------------

  /** Between commands: gives others a turn now and then, notices kills, runs traps. */
  private async checkpoint(): Promise<void> {
    if (this.steps >= 1000) {
      this.steps = 0;
      await this.kills.guard(this.ctx.yield());
    }
    if (this.kills.signal) throw new Killed(this.kills.signal);
    if (this.root.interrupted) throw new ShellError(128 + Signals.SIGINT);
    if (this.root.pending.length && !this.root.inTrap && this.root === this) await this.runTraps();
  }

  private async runTraps(): Promise<void> {
    this.inTrap = true;
    const saved = this.status;
    try {
      while (this.pending.length) {
        const sig = this.pending.shift()!;
        const action = this.traps.get(sig);
        if (action) await this.evalString(action, this.io);
      }
    } finally {
      this.inTrap = false;
    }
    this.status = saved;
  }

  /** eval / trap actions: parse and run in this shell. */
  async evalString(src: string, io: Io): Promise<number> {
    let list: List;
    try {
      list = new Parser(src, { dialect: this.dialect, line: this.lineno || 1 }).parseAll();
    } catch (e) {
      if (e instanceof ParseError) {
        this.syntaxError(e, io);
        throw new ShellError(2);
      }
      throw e;
    }
    return this.execList(list, io);
  }

  /**
   * Runs a list. Stays synchronous (returns a number) while its commands are
   * builtins with nothing to wait for: loops of `[`, `:` and assignments
   * then cost no promise per command.
   */
  execList(list: List, io: Io): number | Promise<number> {
    const items = list.items;
    let status = this.status;
    for (let i = 0; i < items.length; i++) {
      const r = this.execItem(items[i]!, io);
      if (typeof r !== 'number') return this.execListFrom(items, io, i, r);
      status = r;
    }
    return status;
  }

  private async execListFrom(items: List['items'], io: Io, i: number, pending: Promise<number>): Promise<number> {
    let status = await pending;
    for (i++; i < items.length; i++) {
      const r = this.execItem(items[i]!, io);
      status = typeof r === 'number' ? r : await r;
    }
    return status;
  }

  private execItem(item: List['items'][number], io: Io): number | Promise<number> {
    const a = item.cmd;
    if (item.bg) return this.launch(a, io).then(() => this.afterItem((this.status = 0)));
    if (!a.rest.length && !a.first.bang && !a.first.timed && a.first.cmds.length === 1) {
      // the common case, without the and-or and pipeline layers
      const r = this.execCommand(a.first.cmds[0]!, io);
      if (typeof r === 'number') {
        this.status = r;
        this.errexitCheck(r);
        return this.afterItem(r);
      }
      return r.then((s) => {
        this.status = s;
        this.errexitCheck(s);
        return this.afterItem(s);
      });
    }
    return this.execAndOr(a, io).then((s) => this.afterItem(s));
  }

  /** Trapped signals run between commands. */
  private afterItem(status: number): number | Promise<number> {
    if (this.pending.length && !this.inTrap) return this.runTraps().then(() => status);
    return status;
  }

  private async execAndOr(a: AndOr, io: Io): Promise<number> {
    const rest = a.rest;
    if (!rest.length) {
      const status = await this.execPipeline(a.first, io);
      if (!a.first.bang) this.errexitCheck(status);
      return status;
    }
    this.condDepth++;
    let status: number;
    let last = -1;
    try {
      status = await this.execPipeline(a.first, io);
      for (let i = 0; i < rest.length; i++) {
        const r = rest[i]!;
        if ((r.op === '&&') !== (status === 0)) continue;
        if (i === rest.length - 1) {
          this.condDepth--;
          try {
            status = await this.execPipeline(r.pipe, io);
          } finally {
            this.condDepth++;
          }
          last = i;
        } else status = await this.execPipeline(r.pipe, io);
      }
    } finally {
      this.condDepth--;
    }
    if (last === rest.length - 1 && !rest[last]!.pipe.bang) this.errexitCheck(status);
    return status;
  }

  private errexitCheck(status: number): void {
    if (status !== 0 && this.flags.errexit && this.condDepth === 0) throw new ExitSignal(status);
  }

  private async execPipeline(p: Pipeline, io: Io): Promise<number> {
    if (p.timed) {
      const t0 = this.ctx.now();
      try {
        return await this.execPipeline({ ...p, timed: false }, io);
      } finally {
        const ms = this.ctx.now() - t0;
        const fmt = (v: number) => `${Math.floor(v / 60000)}m${((v % 60000) / 1000).toFixed(3)}s`;
        errOf(io).write(`\nreal\t${fmt(ms)}\nuser\t0m0.000s\nsys\t0m0.000s\n`);
      }
    }
    let status: number;
    const cmds = p.cmds;
    if (cmds.length === 1) {
      if (p.bang) this.condDepth++;
      try {
        status = await this.execCommand(cmds[0]!, io);
      } finally {
        if (p.bang) this.condDepth--;
      }
    } else {
      const n = cmds.length;
      const pipes: Pipe[] = [];
      for (let i = 0; i < n - 1; i++) pipes.push(new Pipe());
      const runs: Promise<number>[] = [];
      for (let i = 0; i < n; i++) {
        const sio = io.slice();
        if (i > 0) sio[0] = { r: new LineReader(pipes[i - 1]!) };
        if (i < n - 1) {
          sio[1] = { w: pipes[i]! };
          if (p.errToo?.[i]) sio[2] = sio[1];
        }
        const sub = this.fork();
        runs.push(
          sub.runStage(cmds[i]!, sio).finally(() => {
            if (i < n - 1) pipes[i]!.close();
            if (i > 0) pipes[i - 1]!.closeRead();
            sub.kills.detach();
          }),
        );
      }
      const statuses = await this.kills.guard(Promise.all(runs));
      status = statuses[n - 1]!;
      if (this.flags.pipefail) for (const s of statuses) if (s !== 0) status = s;
    }
    if (p.bang) status = status === 0 ? 1 : 0;
    this.status = status;
    return status;
  }

  /** A pipeline stage, in this (forked) shell. */
  async runStage(cmd: Command, io: Io): Promise<number> {
    try {
      return await this.execCommand(cmd, io);
    } catch (e) {
      if (e instanceof ShellError) return e.status;
      return this.statusOf(e);
    }
  }

  /** A subshell's body, in this (forked) shell. */
  async runSubshell(list: List, io: Io): Promise<number> {
    try {
      await this.execList(list, io);
      return await this.finish(this.status);
    } catch (e) {
      return await this.finish(this.statusOf(e));
    } finally {
      this.kills.detach();
    }
  }

  private async launch(cmd: AndOr, io: Io): Promise<void> {
    const sub = this.fork();
    const bio = io.slice();
    bio[0] = { r: new LineReader(stringInput('')) };
    const single = !cmd.rest.length && cmd.first.cmds.length === 1 && !cmd.first.bang && cmd.first.cmds[0]!.type === 'simple';
    const job: Job = { id: this.nextJob++, pid: 0, status: null, kills: sub.kills, text: '', child: 0, done: Promise.resolve(0) };
    let started: Promise<void> = Promise.resolve();
    if (single) {
      started = new Promise<void>((resolve) => {
        sub.bgStart = (pid) => {
          sub.bgStart = null;
          if (pid !== null) job.child = job.pid = pid;
          resolve();
        };
      });
    }
    job.done = (async () => {
      try {
        await sub.execAndOr(cmd, bio);
        return await sub.finish(sub.status);
      } catch (e) {
        return await sub.finish(sub.statusOf(e));
      }
    })()
      .catch((e) => (e instanceof Killed ? 128 + e.signal : 1))
      .then((s) => {
        job.status = s;
        sub.kills.detach();
        return s;
      });
    this.jobs.set(job.id, job);
    if (single) await Promise.race([started, job.done]);
    if (!job.pid) job.pid = this.root.allocPid();
    this.lastBg = job.pid;
  }

  /** A pid for an in-process background job (no engine process behind it). */
  allocPid(): number {
    let max = this.ctx.pid;
    try {
      for (const p of this.ctx.processes()) max = Math.max(max, p.pid);
    } catch {
      // no process table
    }
    for (const p of this.usedPids) max = Math.max(max, p);
    this.usedPids.add(max + 1);
    return max + 1;
  }

  findJob(spec: string): Job | null {
    const shells: Shell[] = this === this.root ? [this] : [this, this.root];
    for (const sh of shells) {
      for (const j of sh.jobs.values()) {
        if (spec.startsWith('%')) {
          const s = spec.slice(1);
          if (s === '%' || s === '+' || s === '') {
            const all = [...sh.jobs.values()];
            if (all.length) return all[all.length - 1]!;
          } else if (String(j.id) === s) return j;
        } else if (String(j.pid) === spec) return j;
      }
    }
    return null;
  }

  /**
   * Waits for a promise, unless a trapped signal arrives first (null): POSIX
   * `wait` returns 128+N at once so the trap can run.
   */
  waitInterruptible<T>(p: Promise<T>): Promise<T | null> {
    const root = this.root;
    if (root.pending.length) return Promise.resolve(null);
    return this.kills.guard(
      new Promise<T | null>((resolve) => {
        const w = () => resolve(null);
        root.waiters.add(w);
        p.then(
          (v) => {
            root.waiters.delete(w);
            resolve(v);
          },
          () => {
            root.waiters.delete(w);
            resolve(null);
          },
        );
      }),
    );
  }

  pendingSignal(): number {
    return this.root.pending[0] ?? (this.root.interrupted ? Signals.SIGINT : 0);
  }

  /** Signals a pid: one of our jobs, ourselves, or (via the engine) any process. */
  killPid(pid: number, sig: number): boolean {
    const job = this.findJob(String(pid));
    if (job) {
      if (job.status !== null) return true;
      if (job.child && this.ctx.kill?.(job.child, sig)) return true;
      if (sig !== 0) job.kills.kill(sig);
      return true;
    }
    if (pid === this.ctx.pid) {
      if (sig !== 0) this.root.signal(sig);
      return true;
    }
    return this.ctx.kill?.(pid, sig) ?? false;
  }

  setTrap(sig: number, action: string | null): void {
    if (action === null) this.traps.delete(sig);
    else this.traps.set(sig, action);
    if (this === this.root && sig !== 0 && sig !== Signals.SIGKILL && sig !== Signals.SIGSTOP) {
      this.ctx.onSignal(sig, action === null ? null : (s) => this.signal(s));
    }
  }

  execCommand(c: Command, io: Io): number | Promise<number> {
    const root = this.root;
    if (++this.steps >= 1000 || this.kills.signal || root.pending.length || root.interrupted) return this.checkpoint().then(() => this.execCommandNow(c, io));
    return this.execCommandNow(c, io);
  }

  private execCommandNow(c: Command, io: Io): number | Promise<number> {
    if (c.type === 'simple') return this.execSimple(c, io);
    return this.execCompound(c, io);
  }

  private async execCompound(c: Exclude<Command, Simple>, io: Io): Promise<number> {
    let rio = io;
    if (c.type !== 'func' && c.redirs.length) {
      this.lineno = c.line;
      this.curIo = io;
      const r = await this.redirect(c.redirs, io);
      if (!r) return (this.status = 1);
      rio = r;
    }
    let status: number;
    switch (c.type) {
      case 'func':
        this.funcs.set(c.name, c);
        status = 0;
        break;
      case 'group':
        {
              const r = this.execList(c.body, rio);
              status = typeof r === 'number' ? r : await r;
            }
        break;
      case 'subshell': {
        const sub = this.fork();
        status = await this.kills.guard(sub.runSubshell(c.body, rio));
        break;
      }
      case 'if': {
        status = 0;
        let done = false;
        for (const cl of c.clauses) {
          this.condDepth++;
          let t: number;
          try {
            {
              const r = this.execList(cl.cond, rio);
              t = typeof r === 'number' ? r : await r;
            }
          } finally {
            this.condDepth--;
          }
          if (t === 0) {
            {
              const r = this.execList(cl.body, rio);
              status = typeof r === 'number' ? r : await r;
            }
            done = true;
            break;
          }
        }
        if (!done && c.else) {
              const r = this.execList(c.else, rio);
              status = typeof r === 'number' ? r : await r;
            }
        break;
      }
      case 'while':
      case 'until': {
        status = 0;
        const want = c.type === 'while';
        this.loopDepth++;
        try {
          for (;;) {
            this.condDepth++;
            let t: number;
            try {
              {
              const r = this.execList(c.cond, rio);
              t = typeof r === 'number' ? r : await r;
            }
            } finally {
              this.condDepth--;
            }
            if ((t === 0) !== want) break;
            try {
              {
              const r = this.execList(c.body, rio);
              status = typeof r === 'number' ? r : await r;
            }
            } catch (e) {
              if (e instanceof BreakSignal) {
                if (--e.levels > 0) throw e;
                break;
              }
              if (e instanceof ContinueSignal) {
                if (--e.levels > 0) throw e;
                continue;
              }
              throw e;
            }
          }
        } finally {
          this.loopDepth--;
        }
        break;
      }
      case 'for': {
        this.lineno = c.line;
        this.curIo = rio;
        const items = c.items ? await this.expandFields(c.items) : this.positional;
        status = 0;
        this.loopDepth++;
        try {
          for (const v of items) {
            this.setVar(c.name, v);
            try {
              {
              const r = this.execList(c.body, rio);
              status = typeof r === 'number' ? r : await r;
            }
            } catch (e) {
              if (e instanceof BreakSignal) {
                if (--e.levels > 0) throw e;
                break;
              }
              if (e instanceof ContinueSignal) {
                if (--e.levels > 0) throw e;
                continue;
              }
              throw e;
            }
          }
        } finally {
          this.loopDepth--;
        }
        break;
      }
      case 'forarith': {
        this.lineno = c.line;
        this.curIo = rio;
        status = 0;
        await this.arithWord(c.init);
        this.loopDepth++;
        try {
          for (;;) {
            if (c.cond.text.trim() !== '' && (await this.arithWord(c.cond)) === 0) break;
            try {
              {
              const r = this.execList(c.body, rio);
              status = typeof r === 'number' ? r : await r;
            }
            } catch (e) {
              if (e instanceof BreakSignal) {
                if (--e.levels > 0) throw e;
                break;
              }
              if (!(e instanceof ContinueSignal)) throw e;
              if (--e.levels > 0) throw e;
            }
            await this.arithWord(c.step);
            await this.checkpoint();
          }
        } finally {
          this.loopDepth--;
        }
        break;
      }
      case 'case':
        status = await this.execCase(c, rio);
        break;
      case 'arithcmd':
        this.lineno = c.line;
        this.curIo = rio;
        status = (await this.arithWord(c.expr)) !== 0 ? 0 : 1;
        break;
      case 'cond':
        this.lineno = c.line;
        this.curIo = rio;
        status = await this.evalCond(c);
        break;
    }
    this.status = status;
    return status;
  }

  private async execCase(c: Case, io: Io): Promise<number> {
    this.lineno = c.line;
    this.curIo = io;
    const word = await this.expandString(c.word);
    let status = 0;
    let fall = false;
    for (const item of c.items) {
      let hit = fall;
      if (!hit) {
        for (const p of item.patterns) {
          if (matchPattern(word, await this.expandPattern(p))) {
            hit = true;
            break;
          }
        }
      }
      if (!hit) continue;
      status = await this.execList(item.body, io);
      if (item.end === ';;') return status;
      fall = item.end === ';&';
    }
    return status;
  }

  private async arithWord(w: Word): Promise<number> {
    return this.arith(w.cmd ? await this.expandString(w) : this.stringOf(w));
  }

  /** Evaluates arithmetic text; errors are fatal as in the shells. */
  private arithVars?: { get(n: string): string | undefined; set(n: string, v: string): void };

  arith(text: string): number {
    this.arithVars ??= {
      get: (n) => {
        const v = this.getParam(n);
        if (v === undefined && this.flags.nounset) this.fatal(this.dialect === 'bash' ? `${n}: unbound variable` : `${n}: parameter not set`, 127);
        return v;
      },
      set: (n, v) => this.setVar(n, v),
    };
    try {
      return evalArith(text, this.arithVars);
    } catch (e) {
      if (e instanceof ArithError) this.fatal(this.dialect === 'bash' ? e.bash : this.dash ? e.dash : e.ash, 1);
      throw e;
    }
  }

  /** Whether a simple command can run without awaiting: no substitutions, no redirections. */
  private static fast(c: Simple): boolean {
    if (c.fast === undefined) {
      c.fast =
        !c.redirs.length &&
        !(c.words.length && c.assigns.length) &&
        !c.words.some((w) => w.cmd) &&
        !c.assigns.some((a) => a.value.cmd || a.append || a.array || a.index);
    }
    return c.fast;
  }

  private execSimple(c: Simple, io: Io, tail = false): number | Promise<number> {
    if (tail || !Shell.fast(c)) return this.execSimpleAsync(c, io, tail);
    this.lineno = c.line;
    this.curIo = io;
    this.cmdsubStatus = -1;
    if (!c.words.length) {
      for (const a of c.assigns) {
        const v = a.value.lit ?? this.stringOf(a.value);
        if (this.flags.xtrace) this.trace(io, [`${a.name}=${v}`]);
        this.setVar(a.name, v);
      }
      return (this.status = 0);
    }
    const argv: string[] = [];
    for (const w of c.words) this.fieldsOf(w, argv);
    if (!argv.length) return (this.status = 0);
    return this.dispatch(c, argv, null, io, io, false);
  }

  private async execSimpleAsync(c: Simple, io: Io, tail: boolean): Promise<number> {
    this.lineno = c.line;
    this.curIo = io;
    this.cmdsubStatus = -1;
    const argv = c.words.length ? await this.expandFields(c.words) : EMPTY;
    if (!argv.length) {
      for (const a of c.assigns) {
        const w = a.value;
        if (a.array) {
          const values = await this.expandFields(a.array);
          if (this.flags.xtrace) this.trace(io, [`${a.name}${a.append ? '+' : ''}=(${values.map(shellQuote).join(' ')})`]);
          this.setArray(a.name, values, a.append);
          continue;
        }
        if (a.index) {
          const i = this.arith(await this.expandString(a.index));
          const v = await this.expandString(w);
          if (this.flags.xtrace) this.trace(io, [`${a.name}[${i}]${a.append ? '+' : ''}=${v}`]);
          this.setElement(a.name, i, v, a.append);
          continue;
        }
        const v = !a.append && !w.cmd ? (w.lit ?? this.stringOf(w)) : await this.assignValue(a.name, w, a.append);
        if (this.flags.xtrace) this.trace(io, [`${a.name}=${v}`]);
        this.setVar(a.name, v);
      }
      if (c.redirs.length && !(await this.redirect(c.redirs, io))) return (this.status = this.dash ? 2 : 1);
      return (this.status = this.cmdsubStatus >= 0 ? this.cmdsubStatus : 0);
    }
    let assigns: [string, string][] | null = null;
    if (c.assigns.length) {
      assigns = [];
      for (const a of c.assigns) assigns.push([a.name, await this.assignValue(a.name, a.value, a.append)]);
    }
    if (argv[0] === 'exec' && argv.length === 1) {
      if (this.flags.xtrace) this.trace(io, argv);
      // exec >file: the redirections stay for the rest of the shell
      const r = await this.redirect(c.redirs, io);
      if (!r) return (this.status = 1);
      for (let i = 0; i < r.length; i++) io[i] = r[i];
      io.length = r.length;
      return (this.status = 0);
    }
    let rio = io;
    if (c.redirs.length) {
      const r = await this.redirect(c.redirs, io);
      // dash reports a failed redirection with status 2, ash and bash with 1
      if (!r) return (this.status = this.dash ? 2 : 1);
      rio = r;
    }
    return this.dispatch(c, argv, assigns, io, rio, tail);
  }

  /** Runs an expanded command: function, builtin or program. */
  private dispatch(c: Simple, argv: string[], assigns: [string, string][] | null, io: Io, rio: Io, tail: boolean): number | Promise<number> {
    void c;
    if (this.flags.xtrace) this.trace(io, assigns ? [...assigns.map(([k, v]) => `${k}=${v}`), ...argv] : argv);
    const name = argv[0]!;
    const builtin = BUILTINS.get(name);
    const fn = this.funcs.get(name);
    const done = (s: number) => (this.status = s);
    if (fn && !(builtin?.special && this.dialect === 'ash')) return this.withTemp(assigns, () => this.callFunction(fn, argv, rio)).then(done);
    if (builtin) {
      if (!assigns) {
        const r = builtin.run(this, argv, rio, name);
        return typeof r === 'number' ? done(r) : r.then(done);
      }
      if (builtin.special) {
        for (const [k, v] of assigns) this.setVar(k, v);
        return this.runBuiltin(builtin, name, argv, rio).then(done);
      }
      return this.withTemp(assigns, () => this.runBuiltin(builtin, name, argv, rio)).then(done);
    }
    return this.runExternal(argv, assigns, rio, tail).then(done);
  }

  private async withTemp(assigns: [string, string][] | null, fn: () => Promise<number>): Promise<number> {
    if (!assigns) return fn();
    const saved = assigns.map(([k]) => [k, this.vars.get(k)] as const);
    for (const [k, v] of assigns) {
      const old = this.vars.get(k);
      if (old?.readonly) this.fatal(this.dialect === 'bash' ? `${k}: readonly variable` : `${k}: is read only`);
      this.vars.set(k, { value: v, exported: true, readonly: false });
    }
    try {
      return await fn();
    } finally {
      for (const [k, old] of saved) {
        if (old) this.vars.set(k, old);
        else this.vars.delete(k);
      }
    }
  }

  async runBuiltin(b: Builtin, name: string, argv: string[], io: Io): Promise<number> {
    const r = b.run(this, argv, io, name);
    return typeof r === 'number' ? r : await r;
  }

  /** Runs a function with its arguments as $1...; `return` ends it. */
  async callFunction(fn: FuncDef, argv: string[], io: Io): Promise<number> {
    const saved = this.positional;
    this.positional = argv.slice(1);
    this.locals.push(new Map());
    this.funcDepth++;
    const loop = this.loopDepth;
    this.loopDepth = 0;
    try {
      return await this.execCommand(fn.body, io);
    } catch (e) {
      if (e instanceof ReturnSignal) return (this.status = e.status);
      throw e;
    } finally {
      this.loopDepth = loop;
      this.funcDepth--;
      const frame = this.locals.pop()!;
      for (const [k, old] of frame) {
        if (old) this.vars.set(k, old);
        else this.vars.delete(k);
      }
      this.positional = saved;
    }
  }

  private trace(io: Io, words: string[]): void {
    const ps4 = this.getVar('PS4') ?? '+ ';
    errOf(io).write(ps4 + words.map(shellQuote).join(' ') + '\n');
  }

  // ---- external commands ----------------------------------------------------------

  /** The path PATH lookup finds for `name` (an executable file first), or null. */
  findInPath(name: string, pathVar = this.getVar('PATH') ?? ''): string | null {
    let fallback: string | null = null;
    for (const dir of pathVar.split(':')) {
      const p = resolvePath(this.cwd, joinPath(dir || '.', name));
      try {
        const st = this.fs.stat(p);
        if (st.type !== 'file') continue;
        if (st.mode & 0o111) return p;
        fallback ??= p;
      } catch {
        // not there
      }
    }
    return fallback;
  }

  /** What a command name is: for type, command -v, which. */
  describe(name: string): { kind: 'keyword' | 'function' | 'builtin' | 'special' | 'file' | 'none'; path?: string } {
    if (['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until', 'for', '{', '}', '!', 'in'].includes(name)) return { kind: 'keyword' };
    if (this.dialect === 'bash' && (name === '[[' || name === ']]' || name === 'function')) return { kind: 'keyword' };
    const b = BUILTINS.get(name);
    if (b?.special && this.dialect === 'ash') return { kind: 'special' };
    if (this.funcs.has(name)) return { kind: 'function' };
    if (b) return { kind: b.special ? 'special' : 'builtin' };
    if (name.includes('/')) {
      const p = resolvePath(this.cwd, name);
      try {
        if (this.fs.stat(p).type === 'file') return { kind: 'file', path: name };
      } catch {
        // fall through
      }
      return { kind: 'none' };
    }
    const env = this.exportedEnv();
    const p = this.findInPath(name);
    if (p) return { kind: 'file', path: p };
    if (this.ctx.resolve(name, env)) return { kind: 'file', path: name };
    return { kind: 'none' };
  }

  /** Runs an external program: PATH lookup, #! scripts, 126/127 diagnostics. */
  async runExternal(argv: string[], assigns: [string, string][] | null, io: Io, exec: boolean): Promise<number> {
    const name = argv[0]!;
    const env = this.exportedEnv(assigns);
    const slash = name.includes('/');
    let path: string | null = slash ? resolvePath(this.cwd, name) : null;
    let program = this.ctx.resolve(slash ? path! : name, env);
    if (!slash) path = this.findInPath(name, env.get('PATH') ?? '');
    if (this.dialect === 'bash') env.set('_', path ?? name);
    // a #! script runs its interpreter, whatever the engine resolved the file to
    if (program && !(path && this.isScript(path))) return this.spawnProgram(argv, program, io, env, exec);
    const bash = this.dialect === 'bash';
    if (!path) {
      this.error(io, bash ? `${name}: command not found` : `${name}: not found`);
      return 127;
    }
    let st;
    try {
      st = this.fs.stat(path);
    } catch {
      this.error(io, bash ? `${name}: No such file or directory` : `${name}: not found`);
      return 127;
    }
    if (st.type === 'dir') {
      this.error(io, bash ? `${name}: Is a directory` : `${name}: Permission denied`);
      return 126;
    }
    if (!(st.mode & 0o111)) {
      this.error(io, `${name}: Permission denied`);
      return 126;
    }
    // an executable text file the engine has no program for: a script
    const text = decodeText(this.fs.readFile(path));
    let iargv: string[];
    const bang = shebang(text);
    if (bang) {
      const { interp, arg } = bang;
      iargv = [interp, ...(arg ? [arg] : []), slash ? name : path, ...argv.slice(1)];
      program = this.ctx.resolve(interp, env);
      if (!program) {
        if (bash) this.error(io, `${name}: ${interp}: bad interpreter: No such file or directory`);
        else this.error(io, `${name}: not found`);
        return bash ? 126 : 127;
      }
    } else {
      iargv = [this.shellName, slash ? name : path, ...argv.slice(1)];
      program = this.ctx.resolve(this.shellName, env);
      if (!program) {
        this.error(io, `${name}: Exec format error`);
        return 126;
      }
    }
    return this.spawnProgram(iargv, program, io, env, exec);
  }

  private isScript(path: string): boolean {
    try {
      const head = this.fs.readFile(path);
      return head[0] === 0x23 && head[1] === 0x21;
    } catch {
      return false;
    }
  }

  private async spawnProgram(argv: string[], program: Program, io: Io, env: Map<string, string>, exec: boolean): Promise<number> {
    const kills = this.kills;
    let child = 0;
    const bgStart = this.bgStart;
    const runIo: RunIo = {
      env,
      cwd: this.cwd,
      stdin: inOf(io),
      stdout: outOf(io),
      stderr: errOf(io),
      program,
      exec,
      onStart: (pid) => {
        child = pid;
        kills.pids.add(pid);
        bgStart?.(pid);
      },
    };
    let p: Promise<number>;
    try {
      p = this.runFn(argv, runIo);
    } catch (e) {
      p = Promise.reject(e);
    }
    bgStart?.(null);
    try {
      const status = await kills.guard(p);
      // a foreground child stopped by Ctrl-C stops the command line too (bash, ash)
      // (the terminal echoed ^C; the shell ends that line before its next prompt)
      if (status === 128 + Signals.SIGINT && this.root.source === 'interactive') {
        // (on a terminal the shell owns: a container's -t; Berth's own prompt leaves it to the page)
        if (!this.root.interrupted && this.ctx.tty) this.root.io[2]?.w?.write('\n');
        this.root.interrupted = this.root.running;
      }
      return status;
    } catch (e) {
      if (e instanceof Killed) {
        if (kills.signal) throw e;
        // the child was killed, or we were (the engine then rejects our yield)
        await kills.guard(this.ctx.yield());
        return 128 + e.signal;
      }
      if (e instanceof BrokenPipe) return 128 + Signals.SIGPIPE;
      if (e instanceof ExitSignal || e instanceof ShellError) throw e;
      errOf(io).write(`${argv[0]}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 1;
    } finally {
      if (child) kills.pids.delete(child);
    }
  }

  // ---- redirections ----------------------------------------------------------------

  /** Applies redirections to a copy of `io`; null (after a message) when one fails. */
  async redirect(redirs: Redir[], io: Io): Promise<Io | null> {
    const out = io.slice();
    for (const r of redirs) {
      let target = '';
      try {
        switch (r.op) {
          case '<':
          case '<>':
            target = await this.redirTarget(r.target, io);
            out[r.fd] = { r: this.openRead(target, out) };
            break;
          case '>':
          case '>|':
          case '>>':
          case '&>':
          case '&>>': {
            target = await this.redirTarget(r.target, io);
            const w = this.openWrite(target, r.op === '>>' || r.op === '&>>', r.op === '>' || r.op === '&>', out);
            out[r.fd] = { w };
            if (r.op[0] === '&') out[2] = out[1];
            break;
          }
          case '<&':
          case '>&': {
            target = await this.expandString(r.target);
            if (target === '-') out[r.fd] = undefined;
            else if (/^[0-9]+$/.test(target)) {
              const src = out[Number(target)];
              if (!src) {
                this.error(io, `${target}: Bad file descriptor`);
                return null;
              }
              out[r.fd] = src;
            } else if (r.op === '>&') {
              const w = this.openWrite(target, false, true, out);
              out[1] = out[2] = { w };
            } else {
              this.error(io, this.dialect === 'bash' ? `${target}: ambiguous redirect` : `${target}: Bad file descriptor`);
              return null;
            }
            break;
          }
          case '<<':
          case '<<-': {
            const body = r.body ?? { parts: [], text: '', lit: '' };
            const text = body.lit ?? (await this.expandString(body));
            out[r.fd] = { r: new LineReader(stringInput(text)) };
            break;
          }
          case '<<<': {
            const text = (await this.expandString(r.target)) + '\n';
            out[r.fd] = { r: new LineReader(stringInput(text)) };
            break;
          }
        }
      } catch (e) {
        if (e instanceof FsError) {
          const write = r.op !== '<' && r.op !== '<>';
          if (this.dialect === 'bash') this.error(io, `${target}: ${e.description}`);
          else {
            const missing = e.code === 'ENOENT' || e.code === 'ENOTDIR';
            if (this.dash) {
              const why = missing ? (write ? 'Directory nonexistent' : 'No such file') : e.description;
              this.error(io, `cannot ${write ? 'create' : 'open'} ${target}: ${why}`);
              return null;
            }
            const why = missing ? (write ? 'nonexistent directory' : 'no such file') : e.description;
            this.error(io, `can't ${write ? 'create' : 'open'} ${target}: ${why}`);
          }
          return null;
        }
        if (e instanceof ShellError) return null;
        throw e;
      }
    }
    return out;
  }

  private async redirTarget(w: Word, io: Io): Promise<string> {
    if (w.lit !== undefined) return w.lit;
    if (this.dialect === 'ash') return this.expandString(w);
    const fields = await this.expandFields([w]);
    if (fields.length !== 1) {
      this.error(io, `${w.text}: ambiguous redirect`);
      throw new ShellError(1);
    }
    return fields[0]!;
  }

  private openRead(target: string, io: Io): LineReader {
    if (target === '/dev/null') return new LineReader(stringInput(''));
    if (target === '/dev/stdin' || target === '/dev/fd/0') return inOf(io);
    const m = /^\/dev\/fd\/([0-9]+)$/.exec(target);
    if (m && io[Number(m[1])]?.r) return io[Number(m[1])]!.r!;
    const abs = resolvePath(this.cwd, target);
    try {
      if (this.fs.stat(abs).type === 'dir') return new LineReader(stringInput(''));
      return new LineReader(bytesInput(this.fs.readFile(abs)));
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, target);
      throw e;
    }
  }

  private openWrite(target: string, append: boolean, clobberCheck: boolean, io: Io) {
    if (target === '/dev/null') return nullOutput;
    if (target === '/dev/stdout' || target === '/dev/fd/1') return outOf(io);
    if (target === '/dev/stderr' || target === '/dev/fd/2') return errOf(io);
    if (target === '/dev/tty') return this.ctx.stdout;
    const m = /^\/dev\/fd\/([0-9]+)$/.exec(target);
    if (m && io[Number(m[1])]?.w) return io[Number(m[1])]!.w!;
    const abs = resolvePath(this.cwd, target);
    let exists = false;
    try {
      const st = this.fs.stat(abs);
      exists = true;
      if (st.type === 'dir') throw new FsError('EISDIR', target);
    } catch (e) {
      if (e instanceof FsError && e.code === 'EISDIR') throw e;
    }
    if (exists && clobberCheck && this.flags.noclobber) {
      if (this.dialect === 'bash') this.error(io, `${target}: cannot overwrite existing file`);
      else this.error(io, `can't create ${target}: File exists`);
      throw new ShellError(1);
    }
    try {
      if (!append || !exists) this.fs.writeFile(abs, new Uint8Array(0), { mode: 0o666 & ~this.umask });
    } catch (e) {
      if (e instanceof FsError) throw new FsError(e.code, target);
      throw e;
    }
    return new FileOutput(this.fs, abs);
  }

  // ---- expansion ----------------------------------------------------------------------

  /** Words → fields: expansions, splitting on IFS, pathname expansion. */
  async expandFields(words: Word[]): Promise<string[]> {
    const out: string[] = [];
    for (const w of words) {
      if (w.cmd) this.globFields(await this.withSubst(w, () => this.splitWord(w)), out);
      else this.fieldsOf(w, out);
    }
    return out;
  }

  /** One word without command substitutions → fields, appended to `out`. */
  private fieldsOf(w: Word, out: string[]): void {
    if (w.lit !== undefined) {
      out.push(w.lit);
      return;
    }
    const p0 = w.parts[0]!;
    if (w.parts.length === 1 && p0.t === 'param' && !p0.op && !p0.indirect && p0.index === undefined && p0.name !== '@' && p0.name !== '*') {
      // $x: most words in loops
      const v = this.getParam(p0.name);
      if (v === undefined) this.unbound(p0.name);
      if (!v) return;
      if (!SPLIT_OR_GLOB.test(v) && this.vars.get('IFS')?.value === ' \t\n') {
        out.push(v);
        return;
      }
    }
    this.globFields(this.splitWord(w), out);
  }

  private splitWord(w: Word): Fields {
    const fb = new Fields(0, this.ifs());
    this.emit(fb, w.parts, false);
    fb.end();
    return fb;
  }

  private globFields(fb: Fields, out: string[]): void {
    for (let i = 0; i < fb.out.length; i++) {
      const pat = fb.pats[i];
      if (pat != null && !this.flags.noglob && hasGlob(pat)) {
        const m = glob(this.fs, this.cwd, pat);
        if (m.length) {
          out.push(...m);
          continue;
        }
      }
      out.push(fb.out[i]!);
    }
  }

  /** A word as one string: no splitting, no globbing (assignments, case, here-docs). */
  async expandString(w: Word): Promise<string> {
    if (w.lit !== undefined) return w.lit;
    return w.cmd ? this.withSubst(w, () => this.stringOf(w)) : this.stringOf(w);
  }

  /** A word as a pattern: quoted characters are escaped. */
  async expandPattern(w: Word): Promise<string> {
    if (w.lit !== undefined) return escapePattern(w.lit);
    return w.cmd ? this.withSubst(w, () => this.patternOf(w)) : this.patternOf(w);
  }

  private stringOf(w: Word): string {
    if (w.lit !== undefined) return w.lit;
    if (w.parts.length === 1) {
      const p = w.parts[0]!;
      if (p.t === 'arith') return String(this.arith(this.stringOf(p.expr)));
      if (p.t === 'param' && !p.op && !p.indirect && p.index === undefined && p.name !== '@' && p.name !== '*') {
        const v = this.getParam(p.name);
        if (v === undefined) this.unbound(p.name);
        return v ?? '';
      }
    }
    const fb = new Fields(1, '');
    this.emit(fb, w.parts, false);
    return fb.cur;
  }

  private patternOf(w: Word): string {
    if (w.lit !== undefined) return escapePattern(w.lit);
    const fb = new Fields(2, '');
    this.emit(fb, w.parts, false);
    return fb.pat;
  }

  /**
   * Expansion itself is synchronous; command substitutions run first (in
   * order), and one inside ${x:-$(...)} runs only when needed: the
   * expansion then starts over with its output known.
   */
  private async withSubst<T>(w: Word, run: () => T): Promise<T> {
    const saved = this.subs;
    const subs = new Map<Part, string>();
    const eager: Part[] = [];
    collectSubst(w.parts, eager);
    for (const p of eager) subs.set(p, await this.commandSubst((p as { body: List }).body));
    try {
      for (;;) {
        this.subs = subs;
        try {
          return run();
        } catch (e) {
          if (!(e instanceof NeedSubst)) throw e;
          this.subs = saved;
          subs.set(e.part, await this.commandSubst(e.part.body));
        }
      }
    } finally {
      this.subs = saved;
    }
  }

  private async assignValue(name: string, w: Word, append: boolean): Promise<string> {
    const v = w.lit ?? (w.cmd ? await this.withSubst(w, () => this.stringOf(w)) : this.stringOf(w));
    return append ? (this.getVar(name) ?? '') + v : v;
  }

  private emit(fb: Fields, parts: Part[], inDq: boolean): void {
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      switch (p.t) {
        case 'lit':
          if (inDq) fb.quoted(p.v);
          else fb.literal(p.v);
          break;
        case 'q':
          fb.quoted(p.v);
          break;
        case 'dq':
          if (p.parts.length === 1 && isAtParam(p.parts[0]) && !this.positional.length) break;
          if (p.parts.length === 1 && this.isEmptyArrayList(p.parts[0]!)) break;
          fb.quoted('');
          this.emit(fb, p.parts, true);
          break;
        case 'tilde':
          fb.quoted(this.tilde(p.user));
          break;
        case 'param':
          this.emitParam(fb, p, inDq);
          break;
        case 'cmd': {
          const s = this.subs?.get(p);
          if (s === undefined) throw new NeedSubst(p);
          if (inDq) fb.quoted(s);
          else fb.expanded(s);
          break;
        }
        case 'arith': {
          const s = String(this.arith(this.stringOf(p.expr)));
          if (inDq) fb.quoted(s);
          else fb.expanded(s);
          break;
        }
      }
    }
  }

  /** "${a[@]}" of an empty array: no field at all. */
  private isEmptyArrayList(p: Part): boolean {
    return p.t === 'param' && p.index === '@' && (p.op === undefined || p.op === 'sub') && !p.indirect && this.arrayValues(p.name).length === 0;
  }

  private tilde(user: string): string {
    if (user === '') {
      const h = this.getVar('HOME');
      if (h !== undefined) return h;
    }
    const home = this.passwdHome(user || 'root');
    return home ?? '~' + user;
  }

  private passwdHome(user: string): string | null {
    try {
      const text = decodeText(this.fs.readFile('/etc/passwd'));
      for (const line of text.split('\n')) {
        const f = line.split(':');
        if (f[0] === user && f.length >= 6) return f[5]!;
      }
    } catch {
      // no passwd
    }
    return user === 'root' ? '/root' : null;
  }

  private emitParam(fb: Fields, p: ParamPart, inDq: boolean): void {
    const name = p.name;
    const emit = (s: string) => (inDq ? fb.quoted(s) : fb.expanded(s));
    if ((name === '@' || name === '*') && !p.op && !p.indirect) {
      const list = this.positional;
      if (inDq && name === '*') {
        fb.quoted(list.join(this.ifsFirst()));
        return;
      }
      for (let i = 0; i < list.length; i++) {
        if (i) fb.separate(inDq);
        emit(list[i]!);
      }
      return;
    }
    if (p.index === '@' || p.index === '*') {
      this.emitArray(fb, p, p.index, inDq);
      return;
    }
    let v = p.index !== undefined ? this.getElement(name, this.arith(this.stringOf(p.index))) : this.getParam(name);
    if (p.indirect) v = v === undefined ? undefined : this.getParam(v);
    const op = p.op;
    if (op === undefined) {
      if (v === undefined) this.unbound(name);
      emit(v ?? '');
      return;
    }
    const missing = v === undefined || (p.colon === true && v === '');
    switch (op) {
      case 'len':
        if (v === undefined && name !== '@' && name !== '*') this.unbound(name);
        emit(String(name === '@' || name === '*' ? this.positional.length : [...(v ?? '')].length));
        return;
      case '-':
        if (missing) {
          if (p.arg) this.emit(fb, p.arg.parts, inDq);
        } else emit(v!);
        return;
      case '+':
        if (!missing && p.arg) this.emit(fb, p.arg.parts, inDq);
        return;
      case '=': {
        if (!missing) {
          emit(v!);
          return;
        }
        const s = p.arg ? this.stringOf(p.arg) : '';
        if (!NAME_RE.test(name)) this.fatal(this.dialect === 'bash' ? `$${name}: cannot assign in this way` : `${name}: bad variable name`);
        this.setVar(name, s);
        emit(s);
        return;
      }
      case '?': {
        if (!missing) {
          emit(v!);
          return;
        }
        let msg = p.arg ? this.stringOf(p.arg) : '';
        if (!msg) {
          if (this.dialect === 'bash') msg = p.colon ? 'parameter null or not set' : 'parameter not set';
          else msg = p.colon ? 'parameter not set or null' : 'parameter not set';
        }
        this.fatal(`${name}: ${msg}`, 127);
      }
    }
    if (v === undefined) this.unbound(name);
    const s = v ?? '';
    switch (op) {
      case '#':
      case '##':
      case '%':
      case '%%': {
        const pat = p.arg ? this.patternOf(p.arg) : '';
        emit(trimPattern(s, pat, op));
        return;
      }
      case '/':
      case '//':
      case '/#':
      case '/%': {
        const pat = p.arg ? this.patternOf(p.arg) : '';
        const rep = p.arg2 ? this.stringOf(p.arg2) : '';
        emit(replacePattern(s, pat, rep, op));
        return;
      }
      case 'sub': {
        const chars = [...s];
        let off = this.arith(p.arg ? this.stringOf(p.arg) : '0');
        if (off < 0) off = Math.max(0, chars.length + off);
        let end = chars.length;
        if (p.arg2) {
          const len = this.arith(this.stringOf(p.arg2));
          end = len < 0 ? chars.length + len : off + len;
          if (end < off) {
            if (len < 0) this.fatal(`${len}: substring expression < 0`);
            end = off;
          }
        }
        emit(chars.slice(off, end).join(''));
        return;
      }
      case '^^':
        emit(s.toUpperCase());
        return;
      case ',,':
        emit(s.toLowerCase());
        return;
      case '^':
        emit(s.slice(0, 1).toUpperCase() + s.slice(1));
        return;
      case ',':
        emit(s.slice(0, 1).toLowerCase() + s.slice(1));
        return;
    }
  }

  /** ${a[@]} ${a[*]} ${#a[@]} ${!a[@]} ${a[@]:1:2} ${a[@]/x/y} */
  private emitArray(fb: Fields, p: ParamPart, which: '@' | '*', inDq: boolean): void {
    let list = p.indirect ? this.arrayIndices(p.name).map(String) : this.arrayValues(p.name);
    const emitOne = (s: string) => (inDq ? fb.quoted(s) : fb.expanded(s));
    const emitList = (l: string[]) => {
      if (inDq && which === '*') {
        fb.quoted(l.join(this.ifsFirst()));
        return;
      }
      for (let i = 0; i < l.length; i++) {
        if (i) fb.separate(inDq);
        emitOne(l[i]!);
      }
    };
    switch (p.op) {
      case undefined:
        emitList(list);
        return;
      case 'len':
        emitOne(String(list.length));
        return;
      case 'sub': {
        let off = this.arith(p.arg ? this.stringOf(p.arg) : '0');
        if (off < 0) off = Math.max(0, list.length + off);
        const len = p.arg2 ? this.arith(this.stringOf(p.arg2)) : list.length;
        emitList(list.slice(off, off + Math.max(0, len)));
        return;
      }
      case '-':
      case '=':
        if (list.length) emitList(list);
        else if (p.arg) this.emit(fb, p.arg.parts, inDq);
        return;
      case '+':
        if (list.length && p.arg) this.emit(fb, p.arg.parts, inDq);
        return;
      case '#':
      case '##':
      case '%':
      case '%%': {
        const pat = p.arg ? this.patternOf(p.arg) : '';
        list = list.map((x) => trimPattern(x, pat, p.op!));
        break;
      }
      case '/':
      case '//':
      case '/#':
      case '/%': {
        const pat = p.arg ? this.patternOf(p.arg) : '';
        const rep = p.arg2 ? this.stringOf(p.arg2) : '';
        list = list.map((x) => replacePattern(x, pat, rep, p.op!));
        break;
      }
      case '^^':
        list = list.map((x) => x.toUpperCase());
        break;
      case ',,':
        list = list.map((x) => x.toLowerCase());
        break;
    }
    emitList(list);
  }

  private unbound(name: string): void {
    if (!this.flags.nounset || name === '@' || name === '*') return;
    this.fatal(this.dialect === 'bash' ? `${name}: unbound variable` : `${name}: parameter not set`, 127);
  }

  private async commandSubst(body: List): Promise<string> {
    // $(< file): the file's contents (bash, and ash too)
    const only = body.items.length === 1 ? body.items[0]!.cmd : null;
    const c = only && !only.rest.length && only.first.cmds.length === 1 ? only.first.cmds[0]! : null;
    if (c?.type === 'simple' && !c.words.length && !c.assigns.length && c.redirs.length === 1 && c.redirs[0]!.op === '<') {
      const r = await this.redirect(c.redirs, this.curIo);
      this.cmdsubStatus = r ? 0 : 1;
      return r ? (await r[0]!.r!.readAll()).replace(/\n+$/, '') : '';
    }
    const sink = new StringSink();
    const io = this.curIo.slice();
    io[1] = { w: sink };
    const sub = this.fork();
    const status = await this.kills.guard(sub.runSubshell(body, io));
    this.cmdsubStatus = status;
    return sink.text.replace(/\n+$/, '');
  }

  // ---- [[ ]] (bash) ----------------------------------------------------------------------

  private async evalCond(c: CondCmd): Promise<number> {
    const items = c.items;
    let i = 0;
    const isOp = (k: number, v: string) => {
      const x = items[k];
      return x !== undefined && 'op' in x && x.op === v;
    };
    const lit = (k: number): string | undefined => {
      const x = items[k];
      return x !== undefined && !('op' in x) ? x.text : undefined;
    };
    const word = (k: number): Word => {
      const x = items[k];
      if (!x || 'op' in x) this.fatal("syntax error in conditional expression", 2);
      return x as Word;
    };
    const env = { fs: this.fs, cwd: this.cwd };
    const intOf = (s: string) => this.arith(s);
    const or = async (): Promise<boolean> => {
      let v = await and();
      while (isOp(i, '||')) {
        i++;
        const r = await and();
        v = v || r;
      }
      return v;
    };
    const and = async (): Promise<boolean> => {
      let v = await not();
      while (isOp(i, '&&')) {
        i++;
        const r = await not();
        v = v && r;
      }
      return v;
    };
    const not = async (): Promise<boolean> => {
      if (lit(i) === '!') {
        i++;
        return !(await not());
      }
      return prim();
    };
    const prim = async (): Promise<boolean> => {
      if (isOp(i, '(')) {
        i++;
        const v = await or();
        if (!isOp(i, ')')) this.fatal("syntax error in conditional expression", 2);
        i++;
        return v;
      }
      const t = lit(i);
      const op2 = isOp(i + 1, '<') ? '<' : isOp(i + 1, '>') ? '>' : lit(i + 1);
      if (t !== undefined && isUnaryTest(t) && items[i + 1] && !(op2 && (isBinaryTest(op2) || op2 === '=~'))) {
        const a = await this.expandString(word(i + 1));
        i += 2;
        return unaryTest(t, a, env, 'bash');
      }
      if (op2 !== undefined && (isBinaryTest(op2) || op2 === '=~')) {
        const a = await this.expandString(word(i));
        const rw = word(i + 2);
        i += 3;
        if (op2 === '==' || op2 === '=' || op2 === '!=') {
          const m = matchPattern(a, await this.expandPattern(rw));
          return op2 === '!=' ? !m : m;
        }
        if (op2 === '=~') {
          const re = await this.expandString(rw);
          let m: RegExpExecArray | null;
          try {
            m = new RegExp(re).exec(a);
          } catch {
            return false;
          }
          this.vars.set('BASH_REMATCH', { value: m ? m[0] : '', exported: false, readonly: false });
          return m !== null;
        }
        const b = await this.expandString(rw);
        if (/^-(eq|ne|lt|le|gt|ge)$/.test(op2)) {
          const x = intOf(a);
          const y = intOf(b);
          return op2 === '-eq' ? x === y : op2 === '-ne' ? x !== y : op2 === '-lt' ? x < y : op2 === '-le' ? x <= y : op2 === '-gt' ? x > y : x >= y;
        }
        return binaryTest(a, op2, b, env, 'bash');
      }
      const a = await this.expandString(word(i));
      i++;
      return a !== '';
    };
    const v = await or();
    return v ? 0 : 1;
  }
}

function trimPattern(s: string, pat: string, op: string): string {
  const n = s.length;
  switch (op) {
    case '#':
      for (let i = 0; i <= n; i++) if (matchPattern(s.slice(0, i), pat)) return s.slice(i);
      return s;
    case '##':
      for (let i = n; i >= 0; i--) if (matchPattern(s.slice(0, i), pat)) return s.slice(i);
      return s;
    case '%':
      for (let i = n; i >= 0; i--) if (matchPattern(s.slice(i), pat)) return s.slice(0, i);
      return s;
    default:
      for (let i = 0; i <= n; i++) if (matchPattern(s.slice(i), pat)) return s.slice(0, i);
      return s;
  }
}

function replacePattern(s: string, pat: string, rep: string, op: string): string {
  if (pat === '') return s;
  const n = s.length;
  if (op === '/#') {
    for (let j = n; j >= 0; j--) if (matchPattern(s.slice(0, j), pat)) return rep + s.slice(j);
    return s;
  }
  if (op === '/%') {
    for (let i = 0; i <= n; i++) if (matchPattern(s.slice(i), pat)) return s.slice(0, i) + rep;
    return s;
  }
  let out = '';
  let i = 0;
  while (i < n) {
    let found = -1;
    for (let j = n; j > i; j--) {
      if (matchPattern(s.slice(i, j), pat)) {
        found = j;
        break;
      }
    }
    if (found < 0) {
      out += s[i];
      i++;
      continue;
    }
    out += rep;
    i = found;
    if (op === '/') return out + s.slice(i);
  }
  return out;
}

function defaultRun(ctx: ShellContext): RunProgram {
  // io keeps `program` and `onStart`: engines may use them (no second PATH lookup)
  return (argv, io) => {
    const { exec, ...spawnIo } = io;
    return exec && ctx.exec ? ctx.exec(argv, spawnIo) : ctx.spawn(argv, spawnIo);
  };
}
