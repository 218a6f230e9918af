// What every git subcommand works with: the process's files, where the
// repository is, the two config files, and how a command ends early.
import type { Fs } from '../../engine/fs/types.ts';
import { gitFs } from './fs.ts';

/**
 * A git command ending before its work is done, as git's die() and usage
 * errors do: `stderr` (and `stdout`, for -h) is printed, then the status
 * is returned. Caught by the dispatcher, never outside the git program.
 */
export class GitExit {
  constructor(
    readonly status: number,
    readonly stderr: string,
    readonly stdout = '',
  ) {}
}

export const fatal = (message: string, status = 128): GitExit => new GitExit(status, `fatal: ${message}\n`);

export interface GitRun {
  fs: Fs;
  /** The same files as isomorphic-git's fs plugin. */
  gfs: ReturnType<typeof gitFs>;
  cwd: string;
  env: Map<string, string>;
  hostname: string;
  /** Virtual wall-clock time, ms. */
  now(): number;
  out(text: string): void;
  err(text: string): void;
  /** One isomorphic-git cache per command (it speeds up repeated object reads). */
  cache: object;
}

export const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `/a/b` + `../c` → `/a/c`. */
export function resolvePath(cwd: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** `target` (repository-relative, `dir/` for a directory) seen from `from` (repository-relative, '' for the top). */
export function relativeFrom(from: string, target: string): string {
  if (!from) return target;
  const isDir = target.endsWith('/');
  const t = (isDir ? target.slice(0, -1) : target).split('/').filter(Boolean);
  const f = from.split('/').filter(Boolean);
  let i = 0;
  while (i < f.length && i < t.length && f[i] === t[i]) i++;
  const rel = [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/');
  if (isDir) return rel === '' ? './' : `${rel}/`;
  return rel;
}

/** The working tree holding `cwd` (the directory with `.git`), or null. */
export function findRepo(fs: Fs, cwd: string): string | null {
  for (let dir = cwd; ; dir = dir.slice(0, dir.lastIndexOf('/')) || '/') {
    const dotgit = dir === '/' ? '/.git' : `${dir}/.git`;
    try {
      if (fs.stat(dotgit).type === 'dir' && fs.exists(`${dotgit}/HEAD`)) return dir;
    } catch {
      // not here: look higher
    }
    if (dir === '/') return null;
  }
}

export function requireRepo(run: GitRun): string {
  const dir = findRepo(run.fs, run.cwd);
  if (!dir) throw fatal('not a git repository (or any of the parent directories): .git');
  return dir;
}

/** `cwd` relative to the working tree `dir` ('' at its top). */
export function prefixOf(dir: string, cwd: string): string {
  return cwd === dir ? '' : cwd.slice(dir === '/' ? 1 : dir.length + 1);
}

// --- config files (git's ini format) ---------------------------------------

interface Key {
  section: string;
  sub?: string;
  name: string;
}

/** `user.name` → section user, name name; `remote.origin.url` → subsection origin. */
export function parseKey(key: string): Key | null {
  const first = key.indexOf('.');
  const last = key.lastIndexOf('.');
  if (first <= 0 || last === key.length - 1) return null;
  return {
    section: key.slice(0, first).toLowerCase(),
    sub: first === last ? undefined : key.slice(first + 1, last),
    name: key.slice(last + 1).toLowerCase(),
  };
}

const SECTION = /^\s*\[\s*([A-Za-z0-9.-]+)(?:\s+"((?:[^"\\]|\\.)*)")?\s*\]\s*$/;
const ENTRY = /^\s*([A-Za-z][A-Za-z0-9-]*)\s*(?:=\s*(.*?))?\s*$/;

function unquote(v: string): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < v.length; i++) {
    const c = v[i]!;
    if (c === '"') quoted = !quoted;
    else if (c === '\\' && i + 1 < v.length) {
      const n = v[++i]!;
      out += n === 'n' ? '\n' : n === 't' ? '\t' : n;
    } else if ((c === '#' || c === ';') && !quoted) break;
    else out += c;
  }
  return out.trim() === out ? out : out.replace(/\s+$/, '');
}

/** Every value of `key` in a config file's text, in order. */
export function configValues(text: string, key: string): string[] {
  const k = parseKey(key);
  if (!k) return [];
  const out: string[] = [];
  let inSection = false;
  for (const line of text.split('\n')) {
    const s = SECTION.exec(line);
    if (s) {
      inSection = s[1]!.toLowerCase() === k.section && (s[2] ?? undefined) === k.sub;
      continue;
    }
    if (!inSection) continue;
    const e = ENTRY.exec(line);
    if (e && e[1]!.toLowerCase() === k.name) out.push(e[2] === undefined ? 'true' : unquote(e[2]));
  }
  return out;
}

function quote(v: string): string {
  const escaped = v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  return /^\s|\s$|[#;]/.test(v) ? `"${escaped}"` : escaped;
}

/** The text with `key` set to `value` (its last occurrence replaced, else added to its section, else a new section). */
export function configSet(text: string, key: string, value: string): string {
  const k = parseKey(key)!;
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  let sectionEnd = -1;
  let lastEntry = -1;
  let inSection = false;
  lines.forEach((line, i) => {
    const s = SECTION.exec(line);
    if (s) {
      inSection = s[1]!.toLowerCase() === k.section && (s[2] ?? undefined) === k.sub;
      if (inSection) sectionEnd = i;
      return;
    }
    if (!inSection) return;
    sectionEnd = i;
    const e = ENTRY.exec(line);
    if (e && e[1]!.toLowerCase() === k.name) lastEntry = i;
  });
  const entry = `\t${k.name} = ${quote(value)}`;
  if (lastEntry >= 0) lines[lastEntry] = entry;
  else if (sectionEnd >= 0) lines.splice(sectionEnd + 1, 0, entry);
  else lines.push(k.sub === undefined ? `[${k.section}]` : `[${k.section} "${k.sub}"]`, entry);
  return lines.join('\n') + '\n';
}

/** Every `key=value` of a config file, as `git config --list` prints them. */
export function configList(text: string): string[] {
  const out: string[] = [];
  let prefix = '';
  for (const line of text.split('\n')) {
    const s = SECTION.exec(line);
    if (s) {
      prefix = s[1]!.toLowerCase() + (s[2] !== undefined ? `.${s[2]}` : '');
      continue;
    }
    const e = ENTRY.exec(line);
    if (e && prefix) out.push(`${prefix}.${e[1]!.toLowerCase()}=${e[2] === undefined ? 'true' : unquote(e[2])}`);
  }
  return out;
}

const dec = new TextDecoder();

export function readText(fs: Fs, path: string): string {
  try {
    return dec.decode(fs.readFile(path));
  } catch {
    return '';
  }
}

export function globalConfigPath(run: GitRun): string {
  return `${run.env.get('HOME') || '/root'}/.gitconfig`;
}

/** A config value as git reads it: the repository's config, else the user's (~/.gitconfig). */
export function configGet(run: GitRun, dir: string | null, key: string): string | undefined {
  if (dir) {
    const local = configValues(readText(run.fs, `${dir === '/' ? '' : dir}/.git/config`), key);
    if (local.length) return local[local.length - 1];
  }
  const global = configValues(readText(run.fs, globalConfigPath(run)), key);
  return global.length ? global[global.length - 1] : undefined;
}

export function gitdirOf(dir: string): string {
  return dir === '/' ? '/.git' : `${dir}/.git`;
}
