// What every program needs: its name for messages, option parsing with
// each flavour's wording, paths, and reading files or standard input.
import { FsError, type Stat } from '../../fs/types.ts';
import type { ProcessContext } from '../process.ts';
import { BrokenPipe, decodeText, encodeText, lineReader } from '../sh/io.ts';
import { basename, resolvePath } from '../sh/path.ts';
import { groupName as groupFileName, userName as passwdName } from '../users.ts';

/** busybox: Alpine and busybox images. gnu: coreutils on Debian, Ubuntu and the host. */
export type Flavour = 'busybox' | 'gnu';

/** Thrown to end a program with a status after its message. */
export class Exit {
  constructor(readonly status: number) {}
}

export interface OptSpec {
  /** Single-letter flags without a value. */
  flags?: string;
  /** Single-letter options that take a value. */
  values?: string;
  /** GNU long options: name → letter it stands for, or itself ('=' suffix: takes a value). */
  long?: Record<string, string>;
  /** Stop at the first operand (env, xargs, nohup...). */
  stopAtOperand?: boolean;
  /** Accept -NUM (head, tail): stored under '#'. */
  numeric?: boolean;
  /** The exit status of a usage error (ls, grep, sort use 2). */
  usageStatus?: number;
  /** busybox's usage line for errors. */
  usage?: string;
}

export interface Parsed {
  opts: Map<string, string>;
  /** Every value of repeatable options, in order (grep -e, sed -e). */
  all: [string, string][];
  args: string[];
}

/** A running program: its context, flavour and name. */
export class Tool {
  readonly name: string;
  constructor(
    readonly ctx: ProcessContext,
    readonly flavour: Flavour,
  ) {
    const a0 = ctx.argv[0] ?? '';
    this.name = flavour === 'gnu' ? a0 : basename(a0);
  }

  get gnu(): boolean {
    return this.flavour === 'gnu';
  }

  out(text: string): void {
    this.ctx.stdout.write(text);
  }

  err(msg: string): void {
    this.ctx.stderr.write(`${this.name}: ${msg}\n`);
  }

  /** GNU quotes file names in messages ('x'), busybox mostly does not. */
  q(s: string): string {
    return `'${s.replace(/'/g, `'\\''`)}'`;
  }

  abs(p: string): string {
    return resolvePath(this.ctx.cwd, p);
  }

  stat(p: string): Stat {
    return this.ctx.fs.stat(this.abs(p));
  }

  lstat(p: string): Stat {
    return this.ctx.fs.lstat(this.abs(p));
  }

  tryStat(p: string, follow = true): Stat | null {
    try {
      return follow ? this.stat(p) : this.lstat(p);
    } catch {
      return null;
    }
  }

  /** A file's text ('-' is standard input); throws FsError. */
  async readText(p: string): Promise<string> {
    if (p === '-' || p === '/dev/stdin') return lineReader(this.ctx.stdin).readAll();
    if (p === '/dev/null') return '';
    const abs = this.abs(p);
    const st = this.ctx.fs.stat(abs);
    if (st.type === 'dir') throw new FsError('EISDIR', p);
    return decodeText(this.ctx.fs.readFile(abs));
  }

  writeText(p: string, text: string, append = false): void {
    if (p === '/dev/null') return;
    if (p === '/dev/stdout') return this.out(text);
    if (p === '/dev/stderr') return this.ctx.stderr.write(text);
    this.ctx.fs.writeFile(this.abs(p), encodeText(text), { append });
  }

  /** Parses options; prints the flavour's usage error and throws Exit on a bad one. */
  parse(argv: string[], spec: OptSpec): Parsed {
    const opts = new Map<string, string>();
    const all: [string, string][] = [];
    const args: string[] = [];
    const flags = spec.flags ?? '';
    const values = spec.values ?? '';
    const set = (k: string, v: string) => {
      opts.set(k, v);
      all.push([k, v]);
    };
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--') {
        args.push(...argv.slice(i + 1));
        break;
      }
      if (a.startsWith('--') && a.length > 2) {
        const eq = a.indexOf('=');
        const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
        const long = spec.long ?? {};
        const match = name in long ? name : Object.keys(long).filter((k) => k.replace(/=$/, '').startsWith(name));
        const key = typeof match === 'string' ? match : match.length === 1 ? match[0]! : null;
        const full = key ?? (name + '=' in long ? name + '=' : null);
        if (full === null) {
          this.usageError(typeof match !== 'string' && match.length > 1 ? `option '${a}' is ambiguous` : `unrecognized option '${a}'`, spec);
        }
        const takes = full!.endsWith('=');
        const target = long[full!]!;
        if (takes) {
          const v = eq >= 0 ? a.slice(eq + 1) : argv[++i];
          if (v === undefined) this.usageError(`option '--${full!.slice(0, -1)}' requires an argument`, spec);
          set(target, v!);
        } else set(target, eq >= 0 ? a.slice(eq + 1) : '');
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        if (spec.numeric && /^-[0-9]+$/.test(a)) {
          set('#', a.slice(1));
          continue;
        }
        for (let k = 1; k < a.length; k++) {
          const c = a[k]!;
          if (values.includes(c)) {
            const v = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
            if (v === undefined) this.usageError(`option requires an argument -- '${c}'`, spec);
            set(c, v!);
            break;
          }
          if (!flags.includes(c)) this.usageError(`invalid option -- '${c}'`, spec);
          set(c, '');
        }
        continue;
      }
      args.push(a);
      if (spec.stopAtOperand) {
        args.push(...argv.slice(i + 1));
        break;
      }
    }
    return { opts, all, args };
  }

  usageError(msg: string, spec: OptSpec): never {
    if (msg) this.err(msg);
    if (this.gnu) {
      this.ctx.stderr.write(`Try '${this.name} --help' for more information.\n`);
      throw new Exit(spec.usageStatus ?? 1);
    }
    this.ctx.stderr.write(`BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ${spec.usage ?? `${this.name} [OPTIONS]`}\n`);
    throw new Exit(1);
  }
}

/** Wraps a program body: Exit becomes its status. */
export function program(flavour: Flavour, body: (t: Tool, args: string[]) => Promise<number> | number) {
  return async (ctx: ProcessContext): Promise<number> => {
    const t = new Tool(ctx, flavour);
    try {
      return await body(t, ctx.argv.slice(1));
    } catch (e) {
      if (e instanceof Exit) return e.status;
      // the reader of our output went away: SIGPIPE's status, silently
      if (e instanceof BrokenPipe) return 141;
      throw e;
    }
  };
}

/** The strerror text of a failure, for messages. */
export function why(e: unknown): string {
  if (e instanceof FsError) return e.description;
  throw e;
}

/** Splits text into lines without their newlines (a final newline adds no empty line). */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** The owner's name as ls and stat print it: passwd's, else the number. */
export function userName(t: Tool, uid: number): string {
  return passwdName(t.ctx.fs, uid) ?? (uid === 0 ? 'root' : String(uid));
}

export function groupName(t: Tool, gid: number): string {
  return groupFileName(t.ctx.fs, gid) ?? (gid === 0 ? 'root' : String(gid));
}

/** Kernel-style 1K blocks a file occupies (4K allocation). */
export function blocksOf(st: Stat): number {
  if (st.type === 'symlink') return 0;
  if (st.type === 'dir') return 4;
  return Math.ceil(st.size / 4096) * 4;
}

/** Yields to the scheduler every `every` calls (long outputs, yes). */
export function ticker(ctx: ProcessContext, every = 256): () => Promise<void> {
  let n = 0;
  return async () => {
    if (++n % every === 0) await ctx.yield();
  };
}
