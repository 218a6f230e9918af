// The shell's builtin commands. Each gets the shell, its argv (name first)
// and its file descriptors; it returns the exit status.
import { FsError } from '../../fs/types.ts';
import { Killed } from '../scheduler.ts';
import { BreakSignal, ContinueSignal, ExitSignal, ReturnSignal, ShellError } from './control.ts';
import { decodeText, errOf, inOf, outOf, type Io } from './io.ts';
import type { Shell } from './interp.ts';
import { shellQuote, signalName, signalNumber } from './util.ts';
import { ParseError, Parser } from './parser.ts';
import { joinPath, resolvePath } from './path.ts';
import { matchPattern } from './pattern.ts';
import { echoEscapes, formatPrintf } from './printf.ts';
import { evalTest, missingBracket } from './test.ts';

export interface Builtin {
  /** POSIX special builtins: assignments before them stick; ash finds them before functions. */
  special?: boolean;
  run(sh: Shell, argv: string[], io: Io, name: string): number | Promise<number>;
}

export const BUILTINS = new Map<string, Builtin>();

function def(names: string[], run: Builtin['run'], special = false): void {
  for (const n of names) BUILTINS.set(n, { run, special });
}

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;

function bash(sh: Shell): boolean {
  return sh.dialect === 'bash';
}

/** ash's special builtins exit a non-interactive shell on errors. */
function ashFatal(sh: Shell, io: Io, name: string, msg: string): never {
  sh.error(io, msg, name);
  throw new ShellError(2);
}

/** A non-negative decimal argument, or null. */
function count(s: string | undefined): number | null {
  if (s === undefined) return null;
  return /^[0-9]+$/.test(s) ? Number(s) : null;
}

def([':', 'true'], () => 0, false);
BUILTINS.get(':')!.special = true;
def(['false'], () => 1);

def(['echo'], (_sh, argv, io) => {
  let i = 1;
  let newline = true;
  let escapes = false;
  while (i < argv.length && /^-[neE]+$/.test(argv[i]!)) {
    for (const c of argv[i]!.slice(1)) {
      if (c === 'n') newline = false;
      else if (c === 'e') escapes = true;
      else escapes = false;
    }
    i++;
  }
  let text = argv.slice(i).join(' ');
  if (escapes) {
    const r = echoEscapes(text);
    text = r.text;
    if (r.stop) newline = false;
  }
  outOf(io).write(newline ? text + '\n' : text);
  return 0;
});

def(['printf'], (sh, argv, io) => {
  let args = argv.slice(1);
  let target: string | null = null;
  if (bash(sh) && args[0] === '-v') {
    target = args[1] ?? null;
    args = args.slice(2);
  }
  if (args[0] === '--') args = args.slice(1);
  if (!args.length) {
    if (bash(sh)) sh.error(io, 'usage: printf [-v var] format [arguments]', 'printf');
    else sh.appletError(io, 'printf: usage: printf FORMAT [ARG]...');
    return 2;
  }
  const r = formatPrintf(args[0]!, args.slice(1), bash(sh) ? 'bash' : 'busybox');
  for (const e of r.errors) {
    if (bash(sh)) sh.error(io, e, 'printf');
    else sh.appletError(io, e);
  }
  if (target) sh.setVar(target, r.out);
  else outOf(io).write(r.out);
  return r.status;
});

def(['test', '['], (sh, argv, io, name) => {
  let args = argv.slice(1);
  const style = bash(sh) ? 'bash' : 'busybox';
  if (name === '[') {
    if (args[args.length - 1] !== ']') {
      if (bash(sh)) sh.error(io, missingBracket(style), '[');
      else sh.appletError(io, missingBracket(style));
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = evalTest(args, { fs: sh.fs, cwd: sh.cwd, isatty: (fd) => sh.ctx.tty && fd <= 2 }, style);
  if (r.error) {
    if (bash(sh)) sh.error(io, r.error, name);
    else sh.appletError(io, r.error);
  }
  return r.status;
});

// busybox ash's [[ ]]: test with a ]] terminator and glob matching for = == !=
def(['[['], (sh, argv, io) => {
  // bash parses [[ as a keyword; dash has no [[ at all
  if (bash(sh) || sh.dash) {
    sh.error(io, '[[: not found');
    return 127;
  }
  let args = argv.slice(1);
  if (args[args.length - 1] !== ']]') {
    sh.appletError(io, 'missing ]]');
    return 2;
  }
  args = args.slice(0, -1);
  if (args.length === 3 && (args[1] === '==' || args[1] === '=' || args[1] === '!=')) {
    const m = matchPattern(args[0]!, args[2]!);
    return m === (args[1] !== '!=') ? 0 : 1;
  }
  const r = evalTest(args, { fs: sh.fs, cwd: sh.cwd }, 'busybox');
  if (r.error) sh.appletError(io, r.error);
  return r.status;
});

def(['pwd'], (sh, _argv, io) => {
  outOf(io).write(sh.cwd + '\n');
  return 0;
});

def(['cd'], (sh, argv, io) => {
  const args = argv.slice(1).filter((a, i) => !(i === 0 && (a === '-L' || a === '-P' || a === '--')));
  if (args.length > 1 && bash(sh)) {
    sh.error(io, 'too many arguments', 'cd');
    return 1;
  }
  let dir: string | undefined = args[0];
  let print = false;
  if (dir === undefined || dir === '') {
    dir = sh.getVar('HOME');
    if (dir === undefined) {
      if (bash(sh)) {
        sh.error(io, 'HOME not set', 'cd');
        return 1;
      }
      dir = '/';
    }
  } else if (dir === '-') {
    dir = sh.getVar('OLDPWD');
    if (dir === undefined) {
      if (bash(sh)) {
        sh.error(io, 'OLDPWD not set', 'cd');
        return 1;
      }
      dir = sh.cwd;
    }
    print = true;
  }
  const abs = resolvePath(sh.cwd, dir);
  try {
    if (sh.fs.stat(abs).type !== 'dir') throw new FsError('ENOTDIR', abs);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    if (bash(sh)) {
      sh.error(io, `${dir}: ${e.description}`, 'cd');
      return 1;
    }
    sh.error(io, sh.dash ? `can't cd to ${dir}` : `can't cd to ${dir}: ${e.description}`, 'cd');
    return 2;
  }
  const pwd = sh.vars.get('PWD');
  const old = sh.cwd;
  sh.cwd = abs;
  sh.setVar('OLDPWD', old);
  if (pwd?.exported) sh.setExported('OLDPWD', old);
  sh.setVar('PWD', abs);
  if (print) outOf(io).write(abs + '\n');
  return 0;
});

function listExports(sh: Shell, io: Io, which: 'exported' | 'readonly'): void {
  const out = outOf(io);
  for (const [k, v] of sh.listVars()) {
    if (which === 'exported' ? !v.exported : !v.readonly) continue;
    if (bash(sh)) {
      const flag = which === 'exported' ? (v.readonly ? '-rx' : '-x') : v.exported ? '-rx' : '-r';
      out.write(v.value === undefined ? `declare ${flag} ${k}\n` : `declare ${flag} ${k}="${v.value.replace(/["\\$`]/g, '\\$&')}"\n`);
    } else {
      const word = which === 'exported' ? 'export' : 'readonly';
      out.write(v.value === undefined ? `${word} ${k}\n` : `${word} ${k}='${v.value.replace(/'/g, `'\\''`)}'\n`);
    }
  }
}

function declareLike(kind: 'export' | 'readonly'): Builtin['run'] {
  return (sh, argv, io, name) => {
    let args = argv.slice(1);
    let unexport = false;
    while (args[0]?.startsWith('-') && args[0] !== '-') {
      const a = args.shift()!;
      if (a === '--') break;
      if (a.includes('n')) unexport = true;
    }
    if (!args.length) {
      listExports(sh, io, kind === 'export' ? 'exported' : 'readonly');
      return 0;
    }
    let status = 0;
    for (const a of args) {
      const eq = a.indexOf('=');
      const n = eq < 0 ? a : a.slice(0, eq);
      const value = eq < 0 ? undefined : a.slice(eq + 1);
      if (!NAME_RE.test(n)) {
        if (!bash(sh)) ashFatal(sh, io, name, `${n}: bad variable name`);
        sh.error(io, `\`${a}': not a valid identifier`, name);
        status = 1;
        continue;
      }
      if (kind === 'export') {
        if (unexport) sh.unexport(n);
        else {
          if (value !== undefined) sh.setVar(n, value);
          sh.setExported(n, undefined);
        }
      } else {
        if (value !== undefined) sh.setVar(n, value);
        sh.markReadonly(n);
      }
    }
    return status;
  };
}

def(['export'], declareLike('export'), true);
def(['readonly'], declareLike('readonly'), true);

def(
  ['unset'],
  (sh, argv, io) => {
    let args = argv.slice(1);
    let funcs = false;
    let varsOnly = false;
    while (args[0] === '-f' || args[0] === '-v') {
      if (args[0] === '-f') funcs = true;
      else varsOnly = true;
      args = args.slice(1);
    }
    let status = 0;
    for (const n of args) {
      if (funcs) {
        sh.funcs.delete(n);
        continue;
      }
      const el = bash(sh) ? /^([A-Za-z_][A-Za-z0-9_]*)\[(.+)\]$/.exec(n) : null;
      if (el) {
        sh.unsetElement(el[1]!, sh.arith(el[2]!));
        continue;
      }
      if (!NAME_RE.test(n)) {
        if (!bash(sh)) ashFatal(sh, io, 'unset', `${n}: bad variable name`);
        sh.error(io, `\`${n}': not a valid identifier`, 'unset');
        status = 1;
        continue;
      }
      if (!sh.vars.has(n) && !varsOnly && bash(sh)) {
        sh.funcs.delete(n);
        continue;
      }
      if (!sh.unsetVar(n)) {
        if (!bash(sh)) ashFatal(sh, io, 'unset', `${n}: is read only`);
        sh.error(io, `${n}: cannot unset: readonly variable`, 'unset');
        status = 1;
      }
    }
    return status;
  },
  true,
);

def(['local'], (sh, argv, io) => {
  if (sh.funcDepth === 0) {
    if (!bash(sh)) ashFatal(sh, io, 'local', 'not in a function');
    sh.error(io, 'can only be used in a function', 'local');
    return 1;
  }
  let status = 0;
  for (const a of argv.slice(1)) {
    if (a.startsWith('-')) continue;
    const eq = a.indexOf('=');
    const n = eq < 0 ? a : a.slice(0, eq);
    if (!NAME_RE.test(n)) {
      if (!bash(sh)) ashFatal(sh, io, 'local', `${n}: bad variable name`);
      sh.error(io, `\`${a}': not a valid identifier`, 'local');
      status = 1;
      continue;
    }
    sh.makeLocal(n, eq < 0 ? undefined : a.slice(eq + 1));
  }
  return status;
});

def(['declare', 'typeset'], (sh, argv, io, name) => {
  if (!bash(sh)) {
    sh.error(io, `${name}: not found`);
    return 127;
  }
  let args = argv.slice(1);
  const opts = new Set<string>();
  while (args[0] && /^[-+][a-zA-Z]+$/.test(args[0])) {
    for (const c of args[0].slice(1)) opts.add(c);
    args = args.slice(1);
  }
  if (opts.has('f') || opts.has('F')) {
    for (const n of args.length ? args : [...sh.funcs.keys()]) if (sh.funcs.has(n)) outOf(io).write(opts.has('F') ? `declare -f ${n}\n` : sh.funcs.get(n)!.text + '\n');
    return 0;
  }
  if (!args.length) {
    if (opts.has('x')) listExports(sh, io, 'exported');
    else if (opts.has('r')) listExports(sh, io, 'readonly');
    else for (const [k, v] of sh.listVars()) if (v.value !== undefined) outOf(io).write(`${k}=${shellQuote(v.value)}\n`);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const n = eq < 0 ? a : a.slice(0, eq);
    const value = eq < 0 ? undefined : a.slice(eq + 1);
    if (!NAME_RE.test(n)) {
      sh.error(io, `\`${a}': not a valid identifier`, name);
      status = 1;
      continue;
    }
    if (opts.has('p')) {
      const v = sh.vars.get(n);
      if (!v) {
        sh.error(io, `${n}: not found`, name);
        status = 1;
      } else if (v.arr) {
        const items = v.arr.flatMap((x, k) => (x === undefined ? [] : [`[${k}]="${x.replace(/["\\$`]/g, '\\$&')}"`]));
        outOf(io).write(`declare -a ${n}=(${items.join(' ')})\n`);
      } else outOf(io).write(`declare -${v.exported ? 'x' : '-'} ${n}${v.value === undefined ? '' : `="${v.value}"`}\n`);
      continue;
    }
    if (sh.funcDepth > 0 && !opts.has('g')) sh.makeLocal(n, value);
    else if (value !== undefined) sh.setVar(n, value);
    if (opts.has('x')) sh.setExported(n, undefined);
    if (opts.has('r')) sh.markReadonly(n);
  }
  return status;
});

const OPTION_NAMES: Record<string, keyof Shell['flags']> = {
  errexit: 'errexit',
  nounset: 'nounset',
  xtrace: 'xtrace',
  noglob: 'noglob',
  pipefail: 'pipefail',
  allexport: 'allexport',
  noclobber: 'noclobber',
  verbose: 'verbose',
  noexec: 'noexec',
};
const LETTERS: Record<string, keyof Shell['flags']> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  a: 'allexport',
  C: 'noclobber',
  v: 'verbose',
  n: 'noexec',
};
const OTHER_OPTIONS = new Set(['monitor', 'emacs', 'vi', 'posix', 'hashall', 'braceexpand', 'interactive-comments', 'notify', 'ignoreeof', 'history', 'errtrace', 'functrace', 'nolog', 'privileged', 'physical', 'keyword', 'onecmd']);
const OTHER_LETTERS = 'mhbBHTEPkt';

/** Applies one `set` option letter; false if unknown. */
export function setFlag(sh: Shell, letter: string, on: boolean): boolean {
  const f = LETTERS[letter];
  if (f) {
    sh.flags[f] = on;
    return true;
  }
  return OTHER_LETTERS.includes(letter);
}

export function setOption(sh: Shell, name: string, on: boolean): boolean {
  const f = OPTION_NAMES[name];
  if (f) {
    sh.flags[f] = on;
    return true;
  }
  return OTHER_OPTIONS.has(name);
}

def(
  ['set'],
  (sh, argv, io) => {
    if (argv.length === 1) {
      const out = outOf(io);
      for (const [k, v] of sh.listVars()) {
        if (v.value === undefined) continue;
        out.write(bash(sh) ? `${k}=${shellQuote(v.value)}\n` : `${k}='${v.value.replace(/'/g, `'\\''`)}'\n`);
      }
      return 0;
    }
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--') {
        sh.positional = argv.slice(i + 1);
        return 0;
      }
      if (a === '-' || a === '+') {
        sh.flags.xtrace = sh.flags.verbose = false;
        if (i + 1 < argv.length) sh.positional = argv.slice(i + 1);
        return 0;
      }
      if ((a[0] === '-' || a[0] === '+') && a.length > 1) {
        const on = a[0] === '-';
        for (const c of a.slice(1)) {
          if (c === 'o') {
            const name = argv[++i];
            if (name === undefined) {
              const out = outOf(io);
              for (const [n, f] of Object.entries(OPTION_NAMES)) {
                out.write(on ? `${n.padEnd(15)}\t${sh.flags[f] ? 'on' : 'off'}\n` : `set ${sh.flags[f] ? '-o' : '+o'} ${n}\n`);
              }
              continue;
            }
            if (!setOption(sh, name, on)) {
              if (!bash(sh)) ashFatal(sh, io, 'set', `illegal option -o ${name}`);
              sh.error(io, `${name}: invalid option name`, 'set');
              return 1;
            }
          } else if (!setFlag(sh, c, on)) {
            if (!bash(sh)) ashFatal(sh, io, 'set', `illegal option ${a[0]}${c}`);
            sh.error(io, `${a[0]}${c}: invalid option`, 'set');
            errOf(io).write('set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n');
            return 2;
          }
        }
        continue;
      }
      sh.positional = argv.slice(i);
      return 0;
    }
    return 0;
  },
  true,
);

def(
  ['shift'],
  (sh, argv, io) => {
    const n = argv[1] === undefined ? 1 : count(argv[1]);
    if (n === null) {
      if (!bash(sh)) ashFatal(sh, io, 'shift', `Illegal number: ${argv[1]}`);
      sh.error(io, `${argv[1]}: numeric argument required`, 'shift');
      return 1;
    }
    if (n > sh.positional.length) return 1;
    sh.positional = sh.positional.slice(n);
    return 0;
  },
  true,
);

def(
  ['exit'],
  (sh, argv, io) => {
    if (sh.source === 'interactive' && bash(sh) && !sh.isSubshell) errOf(io).write('exit\n');
    const a = argv[1];
    if (a === undefined) throw new ExitSignal(sh.status);
    if (/^-?[0-9]+$/.test(a.trim()) && (bash(sh) || !a.trim().startsWith('-'))) throw new ExitSignal(Number(a.trim()) & 255);
    if (!bash(sh)) ashFatal(sh, io, 'exit', `Illegal number: ${a}`);
    sh.error(io, `${a}: numeric argument required`, 'exit');
    throw new ExitSignal(2);
  },
  true,
);

def(
  ['return'],
  (sh, argv, io) => {
    const a = argv[1];
    let n = sh.status;
    if (a !== undefined) {
      if (!/^-?[0-9]+$/.test(a)) {
        if (!bash(sh)) ashFatal(sh, io, 'return', `Illegal number: ${a}`);
        sh.error(io, `${a}: numeric argument required`, 'return');
        n = 2;
      } else n = Number(a) & 255;
    }
    if (sh.funcDepth === 0 && sh.sourceDepth === 0) {
      if (!bash(sh)) throw new ExitSignal(n);
      sh.error(io, "can only `return' from a function or sourced script", 'return');
      return 2;
    }
    throw new ReturnSignal(n);
  },
  true,
);

function loopControl(kind: 'break' | 'continue'): Builtin['run'] {
  return (sh, argv, io) => {
    const a = argv[1];
    const n = a === undefined ? 1 : count(a);
    if (n === null || n === 0) {
      if (!bash(sh)) ashFatal(sh, io, kind, `Illegal number: ${a}`);
      sh.error(io, n === 0 ? `${a}: loop count out of range` : `${a}: numeric argument required`, kind);
      return 1;
    }
    if (sh.loopDepth === 0) {
      if (bash(sh)) sh.error(io, "only meaningful in a `for', `while', or `until' loop", kind);
      return 0;
    }
    const levels = Math.min(n, sh.loopDepth);
    throw kind === 'break' ? new BreakSignal(levels) : new ContinueSignal(levels);
  };
}

def(['break'], loopControl('break'), true);
def(['continue'], loopControl('continue'), true);

def(['eval'], (sh, argv, io) => (argv.length > 1 ? sh.evalString(argv.slice(1).join(' '), io) : 0), true);

async function sourceFile(sh: Shell, argv: string[], io: Io, name: string): Promise<number> {
  const file = argv[1];
  if (file === undefined) {
    if (bash(sh)) {
      sh.error(io, 'filename argument required', name);
      errOf(io).write(`${name}: usage: ${name} filename [arguments]\n`);
      return 2;
    }
    return 0;
  }
  let path: string | null = null;
  if (file.includes('/')) path = resolvePath(sh.cwd, file);
  else {
    for (const dir of (sh.getVar('PATH') ?? '').split(':')) {
      const p = resolvePath(sh.cwd, joinPath(dir || '.', file));
      try {
        if (sh.fs.stat(p).type === 'file') {
          path = p;
          break;
        }
      } catch {
        // keep looking
      }
    }
    if (!path && bash(sh)) path = resolvePath(sh.cwd, file);
  }
  let text: string;
  try {
    if (!path) throw new FsError('ENOENT', file);
    if (sh.fs.stat(path).type === 'dir') throw new FsError('EISDIR', file);
    text = decodeText(sh.fs.readFile(path));
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    if (!bash(sh)) ashFatal(sh, io, name, `can't open '${file}': ${e.description}`);
    sh.error(io, `${file}: ${e.description}`);
    return 1;
  }
  const savedPos = sh.positional;
  const savedLine = sh.lineno;
  if (argv.length > 2) sh.positional = argv.slice(2);
  sh.sourceDepth++;
  const parser = new Parser(text, { dialect: sh.dialect });
  let status = 0;
  try {
    for (;;) {
      let list;
      try {
        list = parser.nextCommand();
      } catch (e) {
        if (e instanceof ParseError) {
          sh.syntaxError(e, io, 'script');
          throw new ShellError(2);
        }
        throw e;
      }
      if (!list) break;
      status = await sh.execList(list, io);
    }
  } catch (e) {
    if (!(e instanceof ReturnSignal)) throw e;
    status = e.status;
  } finally {
    sh.sourceDepth--;
    sh.lineno = savedLine;
    if (argv.length > 2) sh.positional = savedPos;
  }
  return status;
}

def(['.'], sourceFile, true);
def(['source'], sourceFile);

def(['type'], (sh, argv, io) => {
  let args = argv.slice(1);
  let terse = false;
  while (args[0]?.startsWith('-') && args[0].length > 1) {
    if (args[0].includes('t')) terse = true;
    args = args.slice(1);
  }
  let status = 0;
  const out = outOf(io);
  for (const n of args) {
    const d = sh.describe(n);
    if (terse) {
      const word = { keyword: 'keyword', function: 'function', builtin: 'builtin', special: 'builtin', file: 'file', none: '' }[d.kind];
      if (word) out.write(word + '\n');
      else status = 1;
      continue;
    }
    switch (d.kind) {
      case 'keyword':
        out.write(`${n} is a shell keyword\n`);
        break;
      case 'function':
        out.write(`${n} is a function\n`);
        if (bash(sh)) out.write(sh.funcs.get(n)!.text + '\n');
        break;
      case 'builtin':
        out.write(`${n} is a shell builtin\n`);
        break;
      case 'special':
        out.write(bash(sh) ? `${n} is a shell builtin\n` : `${n} is a special shell builtin\n`);
        break;
      case 'file':
        out.write(`${n} is ${d.path}\n`);
        break;
      default:
        if (bash(sh)) {
          sh.error(io, `${n}: not found`, 'type');
          status = 1;
        } else {
          out.write(`${n}: not found\n`);
          status = 127;
        }
    }
  }
  return status;
});

def(['command'], async (sh, argv, io) => {
  let i = 1;
  let mode = '';
  while (i < argv.length && /^-[pvV]+$/.test(argv[i]!)) {
    if (argv[i]!.includes('v')) mode = 'v';
    if (argv[i]!.includes('V')) mode = 'V';
    i++;
  }
  if (argv[i] === '--') i++;
  const args = argv.slice(i);
  if (!args.length) return 0;
  if (mode === 'v') {
    let status = 0;
    for (const n of args) {
      const d = sh.describe(n);
      if (d.kind === 'none') status = 1;
      else outOf(io).write((d.kind === 'file' ? d.path! : n) + '\n');
    }
    return status;
  }
  if (mode === 'V') return BUILTINS.get('type')!.run(sh, ['type', ...args], io, 'type');
  const b = BUILTINS.get(args[0]!);
  if (b) return sh.runBuiltin(b, args[0]!, args, io);
  return sh.runExternal(args, null, io, false);
});

def(
  ['exec'],
  async (sh, argv, io) => {
    let args = argv.slice(1);
    if (args[0] === '--') args = args.slice(1);
    if (!args.length) return 0;
    const status = await sh.runExternal(args, null, io, true);
    throw new ExitSignal(status);
  },
  true,
);

def(['wait'], async (sh, argv, io) => {
  const args = argv.slice(1).filter((a) => a !== '-n' && a !== '-f');
  if (!args.length) {
    for (const j of [...sh.jobs.values()]) {
      const r = await sh.waitInterruptible(j.done);
      if (r === null) return 128 + sh.pendingSignal();
      sh.jobs.delete(j.id);
    }
    return 0;
  }
  let status = 0;
  for (const a of args) {
    const j = sh.findJob(a);
    if (!j) {
      if (bash(sh)) sh.error(io, /^[0-9]+$/.test(a) ? `pid ${a} is not a child of this shell` : `${a}: no such job`, 'wait');
      status = 127;
      continue;
    }
    const r = await sh.waitInterruptible(j.done);
    if (r === null) return 128 + sh.pendingSignal();
    status = r;
    sh.jobs.delete(j.id);
  }
  return status;
});

def(['jobs'], (sh, _argv, io) => {
  const all = [...sh.jobs.values()];
  all.forEach((j, k) => {
    const mark = k === all.length - 1 ? '+' : k === all.length - 2 ? '-' : ' ';
    const state = j.status === null ? 'Running' : j.status === 0 ? 'Done' : `Exit ${j.status}`;
    outOf(io).write(`[${j.id}]${mark}  ${state.padEnd(24)}${j.text}\n`);
  });
  return 0;
});

function quoteTrap(action: string): string {
  return `'${action.replace(/'/g, `'\\''`)}'`;
}

def(
  ['trap'],
  (sh, argv, io) => {
    let args = argv.slice(1);
    if (args[0] === '--') args = args.slice(1);
    const out = outOf(io);
    if (args[0] === '-l') {
      out.write(
        Array.from({ length: 31 }, (_, k) => k + 1)
          .filter((n) => signalName(n) !== String(n))
          .map((n) => `${String(n).padStart(2)}) SIG${signalName(n)}`)
          .join('\n') + '\n',
      );
      return 0;
    }
    if (!args.length || args[0] === '-p') {
      const only = args.slice(1).map((s) => signalNumber(s));
      for (const [n, action] of [...sh.traps].sort(([a], [b]) => a - b)) {
        if (only.length && !only.includes(n)) continue;
        const name = n === 0 ? 'EXIT' : bash(sh) ? 'SIG' + signalName(n) : signalName(n);
        out.write(`trap -- ${quoteTrap(action)} ${name}\n`);
      }
      return 0;
    }
    let action: string | null;
    let sigs: string[];
    if (args.length === 1 || args[0] === '-' || /^[0-9]+$/.test(args[0]!)) {
      action = null;
      sigs = args[0] === '-' ? args.slice(1) : args;
    } else {
      action = args[0]!;
      sigs = args.slice(1);
    }
    let status = 0;
    for (const s of sigs) {
      // bash's pseudo-signals: accepted, not run
      if (bash(sh) && /^(ERR|DEBUG|RETURN)$/i.test(s)) continue;
      const n = signalNumber(s);
      if (n === null) {
        if (!bash(sh)) ashFatal(sh, io, 'trap', `${s}: bad trap`);
        sh.error(io, `${s}: invalid signal specification`, 'trap');
        status = 1;
        continue;
      }
      sh.setTrap(n, action);
    }
    return status;
  },
  true,
);

/** Splits a line for `read` into `n` fields, the last taking the rest. */
function splitRead(line: string, escaped: boolean[], ifs: string, n: number): string[] {
  const isWs = (c: string) => c === ' ' || c === '\t' || c === '\n';
  const isIfs = (i: number) => !escaped[i] && ifs.includes(line[i]!);
  const out: string[] = [];
  let i = 0;
  const len = line.length;
  while (i < len && isIfs(i) && isWs(line[i]!)) i++;
  while (out.length < n - 1 && i < len) {
    let f = '';
    while (i < len && !isIfs(i)) f += line[i++];
    out.push(f);
    while (i < len && isIfs(i) && isWs(line[i]!)) i++;
    if (i < len && isIfs(i) && !isWs(line[i]!)) {
      i++;
      while (i < len && isIfs(i) && isWs(line[i]!)) i++;
    }
  }
  if (out.length < n) {
    let end = len;
    while (end > i && isIfs(end - 1) && isWs(line[end - 1]!)) end--;
    let rest = line.slice(i, end);
    // a single trailing non-blank delimiter is dropped (POSIX)
    if (out.length === n - 1 && end - 1 >= i && isIfs(end - 1) && !isWs(line[end - 1]!)) {
      const inner = line.slice(i, end - 1);
      if (![...inner].some((_, k) => isIfs(i + k))) rest = inner;
    }
    out.push(rest);
  }
  while (out.length < n) out.push('');
  return out;
}

def(['read'], async (sh, argv, io) => {
  let raw = false;
  let prompt: string | null = null;
  let nchars = -1;
  let timeout = -1;
  let delim = '\n';
  let arrayName: string | null = null;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    for (let k = 1; k < a.length; k++) {
      const c = a[k]!;
      const value = () => {
        const v = a.slice(k + 1) || argv[++i] || '';
        k = a.length;
        return v;
      };
      if (c === 'r') raw = true;
      else if (c === 's') continue;
      else if (c === 'p') prompt = value();
      else if (c === 'n' || c === 'N') nchars = Number(value()) || 0;
      else if (c === 't') timeout = Number(value());
      else if (c === 'd') delim = value().slice(0, 1) || '\0';
      else if (c === 'u') value();
      else if (c === 'a' && bash(sh)) arrayName = value();
      else {
        if (bash(sh)) {
          sh.error(io, `-${c}: invalid option`, 'read');
          errOf(io).write('read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n');
        } else sh.error(io, `invalid option -- '${c}'`, 'read');
        return 2;
      }
    }
  }
  const names = argv.slice(i);
  if (!names.length) names.push('REPLY');
  for (const n of names) {
    if (!NAME_RE.test(n)) {
      if (bash(sh)) sh.error(io, `\`${n}': not a valid identifier`, 'read');
      else sh.error(io, `'${n}': bad variable name`, 'read');
      return bash(sh) ? 1 : 2;
    }
  }
  if (prompt !== null && (!bash(sh) || sh.ctx.tty)) errOf(io).write(prompt);
  const reader = inOf(io);
  const readChunk = async (): Promise<string | null> => {
    if (nchars >= 0) return reader.readChars(nchars);
    if (delim === '\n') return reader.readLine();
    let s = '';
    for (;;) {
      const c = await reader.readChars(1);
      if (c === null) return s || null;
      s += c;
      if (c === delim) return s;
    }
  };
  let timedOut = false;
  const once = async (): Promise<string | null> => {
    let p = readChunk();
    if (timeout >= 0) {
      const t = sh.ctx.sleep(timeout * 1000).then(() => {
        timedOut = true;
        return null;
      });
      t.catch(() => {});
      p = Promise.race([p, t]);
    }
    return sh.kills.guard(p);
  };
  let line = '';
  const escaped: boolean[] = [];
  let eof = false;
  for (;;) {
    let chunk: string | null;
    try {
      chunk = await once();
    } catch (e) {
      if (e instanceof Killed) throw e;
      throw e;
    }
    if (timedOut) return bash(sh) ? 142 : 1;
    if (chunk === null) {
      eof = true;
      break;
    }
    let ended = false;
    if (nchars < 0 && chunk.endsWith(delim)) {
      chunk = chunk.slice(0, -1);
      ended = true;
    } else if (nchars < 0) eof = true;
    if (raw) {
      for (const c of chunk) {
        line += c;
        escaped.push(false);
      }
      if (nchars >= 0 && line.includes('\n')) {
        const k = line.indexOf('\n');
        line = line.slice(0, k);
        escaped.length = k;
      }
      break;
    }
    let cont = false;
    for (let k = 0; k < chunk.length; k++) {
      const c = chunk[k]!;
      if (c === '\\') {
        if (k + 1 < chunk.length) {
          line += chunk[++k];
          escaped.push(true);
        } else cont = ended;
        continue;
      }
      line += c;
      escaped.push(false);
    }
    if (cont && !eof) continue;
    break;
  }
  if (eof && line === '') {
    for (const n of names) sh.setVar(n, '');
    return 1;
  }
  const ifsVar = sh.vars.get('IFS');
  const ifs = ifsVar === undefined || ifsVar.value === undefined ? ' \t\n' : ifsVar.value;
  if (arrayName !== null) {
    const fields: string[] = [];
    let cur = '';
    let has = false;
    for (let k = 0; k < line.length; k++) {
      const c = line[k]!;
      if (!escaped[k] && ifs.includes(c)) {
        if (has || !(c === ' ' || c === '\t' || c === '\n')) fields.push(cur);
        cur = '';
        has = false;
      } else {
        cur += c;
        has = true;
      }
    }
    if (has) fields.push(cur);
    sh.setArray(arrayName, fields);
    return eof ? 1 : 0;
  }
  const fields = names.length === 1 && names[0] === 'REPLY' && argv.length - i === 0 ? [line] : splitRead(line, escaped, ifs, names.length);
  names.forEach((n, k) => sh.setVar(n, fields[k] ?? ''));
  return eof ? 1 : 0;
});

def(['kill'], (sh, argv, io) => {
  const args = argv.slice(1);
  let sig = 15;
  const badSig = (s: string) => {
    if (bash(sh)) sh.error(io, `${s}: invalid signal specification`, 'kill');
    else sh.appletError(io, `bad signal name '${s}'`);
    return 1;
  };
  if (args[0] === '-l' || args[0] === '-L') {
    if (args[1]) {
      const n = Number(args[1]);
      outOf(io).write((Number.isNaN(n) ? String(signalNumber(args[1]) ?? '') : signalName(n > 128 ? n - 128 : n)) + '\n');
    } else {
      const names = Array.from({ length: 31 }, (_, k) => k + 1)
        .filter((n) => signalName(n) !== String(n))
        .map((n) => signalName(n));
      outOf(io).write(names.join(' ') + '\n');
    }
    return 0;
  }
  let k = 0;
  if (args[0] === '-s' || args[0] === '-n') {
    const n = signalNumber(args[1] ?? '');
    if (n === null) return badSig(args[1] ?? '');
    sig = n;
    k = 2;
  } else if (args[0] !== undefined && args[0].startsWith('-') && args[0] !== '--' && args[0].length > 1) {
    const n = signalNumber(args[0]!.slice(1));
    if (n === null) return badSig(args[0]!.slice(1));
    sig = n;
    k = 1;
  }
  if (args[k] === '--') k++;
  const targets = args.slice(k);
  if (!targets.length) {
    if (bash(sh)) {
      sh.error(io, 'usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', 'kill');
    } else sh.appletError(io, 'kill: usage: kill [-s SIG] PID...');
    return bash(sh) ? 2 : 1;
  }
  let status = 0;
  for (const t of targets) {
    if (t.startsWith('%')) {
      const j = sh.findJob(t);
      if (!j) {
        if (bash(sh)) sh.error(io, `${t}: no such job`, 'kill');
        else sh.appletError(io, `${t}: no such job`);
        status = 1;
        continue;
      }
      sh.killPid(j.pid, sig);
      continue;
    }
    if (!/^-?[0-9]+$/.test(t)) {
      if (bash(sh)) sh.error(io, `${t}: arguments must be process or job IDs`, 'kill');
      else sh.appletError(io, `invalid number '${t}'`);
      status = 1;
      continue;
    }
    if (!sh.killPid(Number(t), sig)) {
      if (bash(sh)) sh.error(io, `(${t}) - No such process`, 'kill');
      else sh.appletError(io, `can't kill pid ${t}: No such process`);
      status = 1;
    }
  }
  return status;
});

def(['umask'], (sh, argv, io) => {
  const a = argv[1];
  if (a === undefined || a === '-S') {
    const m = sh.umask;
    if (a === '-S') {
      const part = (shift: number) => {
        const bits = ~(m >> shift) & 7;
        return (bits & 4 ? 'r' : '') + (bits & 2 ? 'w' : '') + (bits & 1 ? 'x' : '');
      };
      outOf(io).write(`u=${part(6)},g=${part(3)},o=${part(0)}\n`);
    } else outOf(io).write(m.toString(8).padStart(4, '0') + '\n');
    return 0;
  }
  if (!/^[0-7]+$/.test(a)) {
    sh.error(io, `${a}: octal number out of range`, 'umask');
    return 1;
  }
  sh.umask = parseInt(a, 8) & 0o777;
  return 0;
});

def(['ulimit'], (_sh, argv, io) => {
  if (argv.length === 1 || (argv.length === 2 && argv[1]!.startsWith('-'))) {
    outOf(io).write(argv[1] === '-n' ? '1048576\n' : 'unlimited\n');
  }
  return 0;
});

def(['hash', 'alias', 'unalias', 'shopt'], () => 0);

def(['times'], (_sh, _argv, io) => {
  outOf(io).write('0m0.000s 0m0.000s\n0m0.000s 0m0.000s\n');
  return 0;
}, true);

def(['let'], (sh, argv, io) => {
  if (argv.length < 2) {
    sh.error(io, 'expression expected', 'let');
    return 1;
  }
  let v = 0;
  for (const e of argv.slice(1)) v = sh.arith(e);
  return v === 0 ? 1 : 0;
});

def(['getopts'], (sh, argv, io) => {
  const spec = argv[1];
  const name = argv[2];
  if (spec === undefined || name === undefined) {
    if (bash(sh)) sh.error(io, 'usage: getopts optstring name [arg ...]', 'getopts');
    return 2;
  }
  const args = argv.length > 3 ? argv.slice(3) : sh.positional;
  const silent = spec.startsWith(':');
  const opts = silent ? spec.slice(1) : spec;
  if (sh.getVar('OPTIND') !== sh.opt.last) sh.opt.char = 1;
  let optind = Number(sh.getVar('OPTIND') ?? '1') || 1;
  const setInd = () => {
    sh.opt.last = String(optind);
    sh.setVar('OPTIND', sh.opt.last);
  };
  const done = () => {
    sh.setVar(name, '?');
    setInd();
    sh.opt.char = 1;
    return 1;
  };
  const arg = args[optind - 1];
  if (arg === undefined || arg === '-' || !arg.startsWith('-')) return done();
  if (arg === '--') {
    optind++;
    return done();
  }
  const ch = arg[sh.opt.char]!;
  const at = ch === ':' ? -1 : opts.indexOf(ch);
  const next = () => {
    if (sh.opt.char + 1 < arg.length) sh.opt.char++;
    else {
      optind++;
      sh.opt.char = 1;
    }
  };
  if (at < 0) {
    next();
    if (silent) sh.setVar('OPTARG', ch);
    else {
      sh.unsetVar('OPTARG');
      if (bash(sh)) errOf(io).write(`${sh.arg0}: illegal option -- ${ch}\n`);
      else errOf(io).write(`${sh.arg0}: illegal option -- ${ch}\n`);
    }
    sh.setVar(name, '?');
    setInd();
    return 0;
  }
  if (opts[at + 1] === ':') {
    const rest = arg.slice(sh.opt.char + 1);
    if (rest) {
      sh.setVar('OPTARG', rest);
      optind++;
      sh.opt.char = 1;
    } else if (optind < args.length) {
      sh.setVar('OPTARG', args[optind]!);
      optind += 2;
      sh.opt.char = 1;
    } else {
      optind++;
      sh.opt.char = 1;
      if (silent) {
        sh.setVar(name, ':');
        sh.setVar('OPTARG', ch);
      } else {
        errOf(io).write(`${sh.arg0}: option requires an argument -- ${ch}\n`);
        sh.setVar(name, '?');
        sh.unsetVar('OPTARG');
      }
      setInd();
      return 0;
    }
  } else {
    next();
    sh.unsetVar('OPTARG');
  }
  sh.setVar(name, ch);
  setInd();
  return 0;
});

def(['mapfile', 'readarray'], async (sh, argv, io, name) => {
  if (!bash(sh)) {
    sh.error(io, `${name}: not found`);
    return 127;
  }
  let strip = false;
  let max = Infinity;
  let skip = 0;
  let i = 1;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-t') strip = true;
    else if (a === '-n') max = Number(argv[++i]) || Infinity;
    else if (a === '-s') skip = Number(argv[++i]) || 0;
    else if (a === '-u' || a === '-d' || a === '-C' || a === '-c' || a === '-O') i++;
    else break;
  }
  const target = argv[i] ?? 'MAPFILE';
  const reader = inOf(io);
  const lines: string[] = [];
  for (;;) {
    if (lines.length >= max) break;
    const line = await sh.kills.guard(reader.readLine());
    if (line === null) break;
    if (skip > 0) {
      skip--;
      continue;
    }
    lines.push(strip && line.endsWith('\n') ? line.slice(0, -1) : line);
  }
  sh.setArray(target, lines);
  return 0;
});
