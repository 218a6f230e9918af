// What a Python installation is, as programs see it: the version of the
// binary, the packages pip put in site-packages, tracebacks, and the few
// library calls the simulator answers (os.getenv, socket.gethostname).
import type { ProcessContext } from '../../process.ts';
import { basename, findCommand, realPath } from '../../resolve.ts';
import { isDir, readText } from './common.ts';
import { PyError, type PyValue } from './pyexpr.ts';

/** Patch releases of the images' Pythons when PYTHON_VERSION does not say. */
const PATCH: Record<string, string> = {
  '2.7': '2.7.18',
  '3.6': '3.6.15',
  '3.7': '3.7.17',
  '3.8': '3.8.20',
  '3.9': '3.9.23',
  '3.10': '3.10.18',
  '3.11': '3.11.2',
  '3.12': '3.12.11',
  '3.13': '3.13.7',
};

export interface PythonVersion {
  full: string;
  /** major.minor */
  short: string;
  py3: boolean;
}

/** The version of the binary argv[0] runs: its real file name (python2.7 ...), refined by the image's PYTHON_VERSION. */
export function pythonVersion(ctx: ProcessContext): PythonVersion {
  const name = ctx.argv[0] ?? 'python';
  const found = findCommand(ctx.fs, name, ctx.env);
  const real = basename((found && realPath(ctx.fs, found)) ?? name);
  let short = /^python(\d\.\d+)$/.exec(real)?.[1] ?? (/^python2/.test(real) ? '2.7' : '3.12');
  const env = ctx.env.get('PYTHON_VERSION');
  if (!/\d\.\d+$/.test(real) && env) short = env.split('.').slice(0, 2).join('.');
  const full = env?.startsWith(short + '.') ? env : (PATCH[short] ?? `${short}.0`);
  return { full, short, py3: short.startsWith('3') };
}

/** Modules of the standard library that scripts import (the rest must be installed). */
const STDLIB = new Set(
  (
    'os sys time json math random re socket datetime subprocess logging threading collections itertools functools string io ' +
    'urllib urllib2 urlparse http httplib hashlib base64 uuid platform signal argparse pathlib typing shutil glob tempfile ' +
    'copy pickle csv sqlite3 struct traceback unittest decimal fractions statistics textwrap getpass pprint queue Queue ' +
    'SimpleHTTPServer BaseHTTPServer SocketServer socketserver email html xml zlib gzip zipfile tarfile errno select ' +
    'asyncio contextlib dataclasses enum abc warnings weakref operator inspect ast atexit codecs locale calendar secrets ' +
    '__future__ builtins __builtin__ configparser ConfigParser StringIO cStringIO'
  ).split(' '),
);

export function sitePackages(v: PythonVersion): string[] {
  return v.py3
    ? [`/usr/local/lib/python${v.short}/site-packages`, `/usr/local/lib/python${v.short}/dist-packages`, '/usr/lib/python3/dist-packages', `/usr/lib/python${v.short}/site-packages`]
    : ['/usr/local/lib/python2.7/site-packages', '/usr/local/lib/python2.7/dist-packages', '/usr/lib/python2.7/dist-packages', '/usr/lib/python2.7/site-packages', '/usr/lib64/python2.7/site-packages'];
}

/** Whether a module can be imported: the standard library, or a package or module in a site-packages directory. */
export function installed(ctx: ProcessContext, v: PythonVersion, module: string): boolean {
  if (STDLIB.has(module)) return true;
  for (const d of sitePackages(v)) {
    if (isDir(ctx.fs, `${d}/${module}`) || readText(ctx.fs, `${d}/${module}.py`) !== null) return true;
  }
  return false;
}

/** The version pip recorded for a distribution (its .dist-info or .egg-info directory), or null. */
export function distVersion(ctx: ProcessContext, v: PythonVersion, dist: string): string | null {
  for (const d of sitePackages(v)) {
    try {
      for (const e of ctx.fs.readdir(d)) {
        const m = /^(.+?)-(\d[^-]*?)(?:-py\d\.\d+)?\.(?:dist|egg)-info$/.exec(e);
        if (m && m[1]!.toLowerCase().replace(/_/g, '-') === dist) return m[2]!;
      }
    } catch {
      // no such directory
    }
  }
  return null;
}

/** The traceback Python prints for an exception raised at a line of a file (or "<string>" for -c). */
export function traceback(v: PythonVersion, file: string, line: number, source: string | null, err: PyError): string {
  const text = source?.trim() ?? null;
  let carets = '';
  // Python 3.11+ marks the failing expression under the line unless it is the whole line; the simulator knows where for NameError
  const minor = Number(v.short.split('.')[1]);
  const name = err.type === 'NameError' ? /^name '(\w+)'/.exec(err.message)?.[1] : undefined;
  if (text !== null && v.py3 && minor >= 11 && name && text !== name) {
    const col = text.search(new RegExp(`(?<![\\w.'"])${name}(?!\\w)`));
    if (col >= 0) carets = `    ${' '.repeat(col)}${'^'.repeat(name.length)}\n`;
  }
  return `Traceback (most recent call last):\n  File "${file}", line ${line}, in <module>\n${text !== null ? `    ${text}\n${carets}` : ''}${err.message ? `${err.type}: ${err.message}` : err.type}\n`;
}

export function importError(v: PythonVersion, module: string): PyError {
  return v.py3 ? new PyError('ModuleNotFoundError', `No module named '${module}'`) : new PyError('ImportError', `No module named ${module}`);
}

/** The modules a statement imports (top-level names), or null if it imports nothing. */
export function imports(line: string): string[] | null {
  const from = /^\s*from\s+([A-Za-z_][\w]*)(?:\.[\w.]+)?\s+import\s/.exec(line);
  if (from) return [from[1]!];
  const imp = /^\s*import\s+(.+)$/.exec(line);
  if (imp) return imp[1]!.split(',').map((p) => p.trim().split(/[\s.]/)[0]!).filter(Boolean);
  return null;
}

/** What a script's code can call beyond builtins: os.getenv, os.environ.get, socket.gethostname (when imported). */
export function pyHost(ctx: ProcessContext, imported: Set<string>): (name: string, args: PyValue[]) => PyValue | undefined {
  return (name, args) => {
    const mod = name.split('.')[0]!;
    if (!name.includes('.')) return undefined;
    if (!imported.has(mod)) throw new PyError('NameError', `name '${mod}' is not defined`);
    if (name === 'os.getenv' || name === 'os.environ.get') {
      const v = ctx.env.get(String(args[0] ?? ''));
      return v ?? args[1] ?? null;
    }
    if (name === 'socket.gethostname') return ctx.hostname;
    return undefined;
  };
}
