// test / [ : shared by the shells' builtins, [[ ]] and the test programs.
import type { Fs, Stat } from '../../fs/types.ts';
import { resolvePath } from './path.ts';

/** Whose wording errors take: busybox (ash builtin and applet), bash builtin, GNU coreutils. */
export type TestStyle = 'busybox' | 'bash' | 'gnu';

export interface TestEnv {
  fs: Fs;
  cwd: string;
  /** Whether a file descriptor is a terminal (-t). */
  isatty?(fd: number): boolean;
}

export class TestError extends Error {}

const UNARY = new Set(['-e', '-f', '-d', '-h', '-L', '-r', '-w', '-x', '-s', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-n', '-z']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef']);

export function isUnaryTest(op: string): boolean {
  return UNARY.has(op);
}

export function isBinaryTest(op: string): boolean {
  return BINARY.has(op);
}

function toInt(s: string, style: TestStyle): number {
  const t = s.trim();
  if (/^[-+]?[0-9]+$/.test(t)) return Number(t);
  if (style === 'bash') throw new TestError(`${s}: integer expression expected`);
  if (style === 'busybox') throw new TestError(`${s}: bad number`);
  throw new TestError(`invalid integer '${s}'`);
}

function stat(env: TestEnv, p: string, follow = true): Stat | null {
  if (p === '') return null;
  try {
    const abs = resolvePath(env.cwd, p);
    return follow ? env.fs.stat(abs) : env.fs.lstat(abs);
  } catch {
    return null;
  }
}

/** A unary primary. */
export function unaryTest(op: string, a: string, env: TestEnv, style: TestStyle): boolean {
  switch (op) {
    case '-n':
      return a.length > 0;
    case '-z':
      return a.length === 0;
    case '-t':
      return env.isatty ? env.isatty(toInt(a, style)) : false;
    case '-h':
    case '-L':
      return stat(env, a, false)?.type === 'symlink';
  }
  if (a === '/dev/null' || a === '/dev/stdin' || a === '/dev/stdout' || a === '/dev/stderr') {
    return op === '-e' || op === '-c' || op === '-r' || op === '-w';
  }
  const st = stat(env, a);
  if (!st) return false;
  switch (op) {
    case '-e':
      return true;
    case '-f':
      return st.type === 'file';
    case '-d':
      return st.type === 'dir';
    case '-s':
      return st.size > 0;
    case '-r':
    case '-w':
      return true; // root
    case '-x':
      return st.type === 'dir' || (st.mode & 0o111) !== 0;
    case '-u':
      return (st.mode & 0o4000) !== 0;
    case '-g':
      return (st.mode & 0o2000) !== 0;
    case '-k':
      return (st.mode & 0o1000) !== 0;
    case '-O':
    case '-G':
      return st.uid === 0;
    default:
      return false;
  }
}

/** A binary primary. */
export function binaryTest(a: string, op: string, b: string, env: TestEnv, style: TestStyle): boolean {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '-eq':
      return toInt(a, style) === toInt(b, style);
    case '-ne':
      return toInt(a, style) !== toInt(b, style);
    case '-lt':
      return toInt(a, style) < toInt(b, style);
    case '-le':
      return toInt(a, style) <= toInt(b, style);
    case '-gt':
      return toInt(a, style) > toInt(b, style);
    case '-ge':
      return toInt(a, style) >= toInt(b, style);
    case '-nt':
    case '-ot': {
      const x = stat(env, a);
      const y = stat(env, b);
      if (op === '-nt') return !!x && (!y || x.mtime > y.mtime);
      return !!y && (!x || x.mtime < y.mtime);
    }
    case '-ef': {
      const x = stat(env, a);
      const y = stat(env, b);
      return !!x && !!y && resolvePath(env.cwd, a) === resolvePath(env.cwd, b);
    }
  }
  return false;
}

class TestParser {
  private i = 0;
  constructor(
    private readonly args: string[],
    private readonly env: TestEnv,
    private readonly style: TestStyle,
  ) {}

  private missing(after: string): never {
    throw new TestError(this.style === 'gnu' ? `missing argument after '${after}'` : 'argument expected');
  }

  run(): boolean {
    const a = this.args;
    const s = this.style;
    // POSIX fixes the meaning of short argument lists
    switch (a.length) {
      case 0:
        return false;
      case 1:
        return a[0] !== '';
      case 2:
        if (a[0] === '!') return a[1] === '';
        if (UNARY.has(a[0]!)) return unaryTest(a[0]!, a[1]!, this.env, s);
        if (s === 'bash') throw new TestError(`${a[0]}: unary operator expected`);
        if (s === 'busybox') throw new TestError(BINARY.has(a[1]!) ? `${a[1]}: argument expected` : `${a[1]}: unknown operand`);
        throw new TestError(`missing argument after '${a[1]}'`);
      case 3:
        if (BINARY.has(a[1]!)) return binaryTest(a[0]!, a[1]!, a[2]!, this.env, s);
        if (a[1] === '-a' || a[1] === '-o') break;
        if (a[0] === '!') return !new TestParser(a.slice(1), this.env, s).run();
        if (a[0] === '(' && a[2] === ')') return a[1] !== '';
        if (s === 'busybox') throw new TestError(`${UNARY.has(a[0]!) ? a[2] : a[1]}: unknown operand`);
        throw new TestError(s === 'bash' ? `${a[1]}: binary operator expected` : `'${a[1]}': binary operator expected`);
      case 4:
        if (a[0] === '!') return !new TestParser(a.slice(1), this.env, s).run();
        if (a[0] === '(' && a[3] === ')') return new TestParser(a.slice(1, 3), this.env, s).run();
        break;
    }
    const v = this.or();
    if (this.i < a.length) {
      if (s === 'bash') throw new TestError('too many arguments');
      if (s === 'busybox') throw new TestError(`${a[this.i]}: unknown operand`);
      throw new TestError(`extra argument '${a[this.i]}'`);
    }
    return v;
  }

  private or(): boolean {
    let v = this.and();
    while (this.args[this.i] === '-o') {
      this.i++;
      if (this.i >= this.args.length) this.missing('-o');
      const r = this.and();
      v = v || r;
    }
    return v;
  }

  private and(): boolean {
    let v = this.not();
    while (this.args[this.i] === '-a') {
      this.i++;
      if (this.i >= this.args.length) this.missing('-a');
      const r = this.not();
      v = v && r;
    }
    return v;
  }

  private not(): boolean {
    if (this.args[this.i] === '!') {
      this.i++;
      if (this.i >= this.args.length) this.missing('!');
      return !this.not();
    }
    return this.primary();
  }

  private primary(): boolean {
    const a = this.args;
    const t = a[this.i]!;
    if (t === '(' && this.i + 1 < a.length) {
      this.i++;
      const v = this.or();
      if (a[this.i] !== ')') {
        if (this.style === 'busybox') throw new TestError('closing paren expected');
        if (this.style === 'bash') throw new TestError("`)' expected");
        throw new TestError(`')' expected`);
      }
      this.i++;
      return v;
    }
    if (UNARY.has(t) && this.i + 1 < a.length && !BINARY.has(a[this.i + 1]!)) {
      this.i += 2;
      return unaryTest(t, a[this.i - 1]!, this.env, this.style);
    }
    if (this.i + 1 < a.length && BINARY.has(a[this.i + 1]!)) {
      if (this.i + 2 >= a.length) this.missing(a[this.i + 1]!);
      this.i += 3;
      return binaryTest(t, a[this.i - 2]!, a[this.i - 1]!, this.env, this.style);
    }
    if (UNARY.has(t) && this.i + 1 >= a.length) {
      this.i++;
      return true;
    }
    this.i++;
    return t !== '';
  }
}

/**
 * Evaluates test's arguments (without a closing `]`): 0 true, 1 false,
 * 2 with `error` (the message after the `test: ` prefix) on misuse.
 */
export function evalTest(args: string[], env: TestEnv, style: TestStyle): { status: number; error?: string } {
  try {
    return { status: new TestParser(args, env, style).run() ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { status: 2, error: e.message };
    throw e;
  }
}

/** The `[` wording for a missing `]`. */
export function missingBracket(style: TestStyle): string {
  return style === 'bash' ? "missing `]'" : style === 'busybox' ? 'missing ]' : "missing ']'";
}
