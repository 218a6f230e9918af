// execve's view of a command: find it on PATH in the container's file
// system, follow symlinks to the binary, and pick the program that binary
// is. Busybox applets are one binary under many names; GNU tools are one
// binary each; a few images carry programs of their own (/hello).
import type { Fs } from '../fs/types.ts';
import type { ProgramResolver } from './namespace.ts';
import type { Program } from './process.ts';

export interface ProgramTable {
  /** Applets of the busybox binary, by applet name. */
  busybox: ReadonlyMap<string, Program>;
  /** Programs by their binary's name (GNU coreutils, bash, dash, apt-get ...). */
  gnu: ReadonlyMap<string, Program>;
  /** Programs by absolute path of the binary (/hello). */
  byPath: ReadonlyMap<string, Program>;
}

/** The PATH a container's processes get when their image sets none (moby's system.DefaultPathEnv). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

function join(dir: string, name: string): string {
  if (name.startsWith('/')) return name;
  return (dir === '/' ? '' : dir) + '/' + name;
}

function normalise(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** The path with every symlink followed (null when it does not exist). */
export function realPath(fs: Fs, path: string): string | null {
  let p = normalise(path);
  for (let hops = 0; hops < 40; hops++) {
    // resolve symlinks in the directories first
    const parts = p.split('/').filter(Boolean);
    let cur = '';
    let changed = false;
    for (let i = 0; i < parts.length; i++) {
      const next = `${cur}/${parts[i]}`;
      let st;
      try {
        st = fs.lstat(next);
      } catch {
        return null;
      }
      if (st.type === 'symlink') {
        const target = fs.readlink(next);
        p = normalise(join(cur || '/', target) + (i + 1 < parts.length ? '/' + parts.slice(i + 1).join('/') : ''));
        changed = true;
        break;
      }
      cur = next;
    }
    if (!changed) return p;
  }
  return null;
}

/** Where `name` is found: as given when it holds a slash, else the first PATH match. */
export function findCommand(fs: Fs, name: string, env: Map<string, string>): string | null {
  if (name === '') return null;
  const candidates = name.includes('/')
    ? [normalise(name.startsWith('/') ? name : '/' + name)]
    : (env.get('PATH') ?? DEFAULT_PATH).split(':').map((d) => join(d || '.', name));
  for (const c of candidates) {
    try {
      const st = fs.stat(c);
      if (st.type === 'file') return c;
    } catch {
      // not here
    }
  }
  return null;
}

/** A resolver over a program table, for containers and for the host. */
export function tableResolver(table: ProgramTable, fallback?: (path: string) => Program): ProgramResolver {
  return (fs, name, env) => {
    const path = findCommand(fs, name, env);
    if (!path) return null;
    const real = realPath(fs, path) ?? path;
    const bin = basename(real);
    let program: Program | undefined = table.byPath.get(real);
    if (!program && bin === 'busybox') {
      const applet = basename(name);
      program = applet === 'busybox' ? busyboxDispatch(table) : table.busybox.get(applet);
    }
    program ??= table.gnu.get(bin);
    program ??= scriptProgram(fs, real);
    if (!program && fallback) program = fallback(real);
    return program ? { program, path } : null;
  };
}

/**
 * An executable text file starting with `#!` (an image's entrypoint script):
 * the kernel runs its interpreter with the script's path and the arguments.
 */
function scriptProgram(fs: Fs, path: string): Program | undefined {
  let line: Shebang | null;
  try {
    const st = fs.stat(path);
    if (st.type !== 'file' || st.size > 256 * 1024 || !(st.mode & 0o111)) return undefined;
    const bytes = fs.readFile(path);
    if (bytes[0] !== 0x23 || bytes[1] !== 0x21) return undefined;
    const nl = bytes.indexOf(0x0a);
    line = shebang(new TextDecoder().decode(bytes.subarray(0, nl < 0 ? Math.min(bytes.length, 256) : nl)));
  } catch {
    return undefined;
  }
  if (!line) return undefined;
  const { interp, arg } = line;
  return async (ctx) => {
    const run = ctx.resolve(interp, ctx.env);
    if (!run) {
      ctx.stderr.write(`exec ${path}: no such file or directory\n`);
      return 127;
    }
    return run({ ...ctx, argv: [interp, ...(arg ? [arg] : []), path, ...ctx.argv.slice(1)] });
  };
}

export interface Shebang {
  interp: string;
  /** The one optional argument (the rest of the line, as Linux passes it). */
  arg: string;
}

/** A script's `#!interpreter [arg]` line, or null when the text does not start with `#!`. */
export function shebang(text: string): Shebang | null {
  if (!text.startsWith('#!')) return null;
  const end = text.indexOf('\n');
  const line = text.slice(2, end < 0 ? text.length : end).replace(/^[ \t]+/, '');
  const sp = line.search(/[ \t]/);
  return { interp: sp < 0 ? line : line.slice(0, sp), arg: sp < 0 ? '' : line.slice(sp).trim() };
}

/** `busybox APPLET ARGS`: the applet named by the first argument. */
function busyboxDispatch(table: ProgramTable): Program {
  return async (ctx) => {
    const applet = ctx.argv[1];
    if (applet === undefined) {
      ctx.stdout.write('BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n');
      return 0;
    }
    const p = table.busybox.get(applet);
    if (!p) {
      ctx.stderr.write(`${applet}: applet not found\n`);
      return 127;
    }
    return p({ ...ctx, argv: ctx.argv.slice(1) });
  };
}

export { dirname };
