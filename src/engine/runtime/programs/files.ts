// File programs: ls mkdir rm rmdir touch cp mv ln stat chmod du df find.
import { FsError, type Stat } from '../../fs/types.ts';
import { basename, dirname, joinPath } from '../sh/path.ts';
import { matchPattern } from '../sh/pattern.ts';
import { type Flavour, type Tool, blocksOf, groupName, program, userName, why } from './common.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function modeString(st: Stat): string {
  const t = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  const m = st.mode;
  const rwx = (bits: number, special: boolean, ch: string) =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  return t + rwx(m >> 6, !!(m & 0o4000), 's') + rwx(m >> 3, !!(m & 0o2000), 's') + rwx(m, !!(m & 0o1000), 't');
}

/** `Nov 23 13:02`, or `Nov 23  2025` for times over six months away. */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2);
  const recent = mtime <= now + 3600_000 && now - mtime < 182.5 * 86400_000;
  const tail = recent ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ` ${d.getUTCFullYear()}`;
  return `${MONTHS[d.getUTCMonth()]} ${day} ${tail}`;
}

/** Sizes as -h prints them: GNU rounds up (4.0K, 12K), busybox to one decimal (12.0K). */
export function human(bytes: number, gnu: boolean): string {
  const units = ['', 'K', 'M', 'G', 'T', 'P'];
  if (bytes < 1024) return String(bytes);
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  if (gnu) {
    if (v < 10) {
      const r = Math.ceil(v * 10) / 10;
      return r >= 10 ? `${Math.ceil(r)}${units[u]}` : `${r.toFixed(1)}${units[u]}`;
    }
    return `${Math.ceil(v)}${units[u]}`;
  }
  return `${v.toFixed(1)}${units[u]}`;
}

function isoTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000 +0000`;
}

interface Entry {
  name: string;
  path: string;
  st: Stat;
}

function nlinks(t: Tool, e: Entry): number {
  if (e.st.type !== 'dir') return 1;
  try {
    let n = 2;
    for (const c of t.ctx.fs.readdir(t.abs(e.path))) if (t.tryStat(joinPath(e.path, c), false)?.type === 'dir') n++;
    return n;
  } catch {
    return 2;
  }
}

function sortEntries(list: Entry[], o: Map<string, string>): Entry[] {
  const byName = (a: Entry, b: Entry): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  let cmp = byName;
  if (o.has('t')) cmp = (a, b) => b.st.mtime - a.st.mtime || byName(a, b);
  if (o.has('S')) cmp = (a, b) => b.st.size - a.st.size || byName(a, b);
  list.sort(cmp);
  if (o.has('r')) list.reverse();
  return list;
}

function indicator(e: Entry, o: Map<string, string>): string {
  if (o.has('F')) {
    if (e.st.type === 'dir') return '/';
    if (e.st.type === 'symlink') return '@';
    if (e.st.mode & 0o111) return '*';
  } else if (o.has('p') && e.st.type === 'dir') return '/';
  return '';
}

function columns(names: string[], width = 80): string {
  if (!names.length) return '';
  const lens = names.map((n) => n.length);
  for (let cols = names.length; cols >= 1; cols--) {
    const rows = Math.ceil(names.length / cols);
    if (Math.ceil(names.length / rows) !== cols && cols > 1) continue;
    const widths: number[] = [];
    for (let c = 0; c < cols; c++) {
      let w = 0;
      for (let r = 0; r < rows; r++) {
        const k = c * rows + r;
        if (k < names.length) w = Math.max(w, lens[k]!);
      }
      widths.push(w);
    }
    const total = widths.reduce((a, b) => a + b, 0) + 2 * (cols - 1);
    if (total <= width || cols === 1) {
      let out = '';
      for (let r = 0; r < rows; r++) {
        let line = '';
        for (let c = 0; c < cols; c++) {
          const k = c * rows + r;
          if (k >= names.length) continue;
          const last = c === cols - 1 || (c + 1) * rows + r >= names.length;
          line += last ? names[k] : names[k]!.padEnd(widths[c]! + 2);
        }
        out += line + '\n';
      }
      return out;
    }
  }
  return names.join('\n') + '\n';
}

export const ls = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, {
      flags: '1aAdlRhFprtSinCxLHscu',
      long: {
        all: 'a',
        'almost-all': 'A',
        directory: 'd',
        recursive: 'R',
        'human-readable': 'h',
        classify: 'F',
        reverse: 'r',
        'color=': 'color',
        color: 'color',
        'full-time': 'T',
        'numeric-uid-gid': 'n',
        'group-directories-first': 'G',
        size: 's',
        inode: 'i',
      },
      usageStatus: 2,
      usage: 'ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...',
    });
    const o = p.opts;
    const gnu = t.gnu;
    const long = o.has('l') || o.has('n') || o.has('T');
    const now = t.ctx.now();
    const oneCol = o.has('1') || (!t.ctx.tty && !o.has('C') && !o.has('x'));
    let status = 0;

    const print = (list: Entry[], isDir: boolean) => {
      if (long) {
        if (isDir) {
          const kb = list.reduce((n, e) => n + blocksOf(e.st), 0);
          t.out(`total ${o.has('h') ? (gnu ? human(kb * 1024, true) : human(kb * 1024, true).padEnd(7)) : kb}\n`);
        }
        const rows = list.map((e) => {
          const user = o.has('n') ? String(e.st.uid) : userName(t, e.st.uid);
          const group = o.has('n') ? String(e.st.gid) : groupName(t, e.st.gid);
          const size = o.has('h') ? human(e.st.size, gnu) : String(e.st.size);
          let name = e.name;
          if (e.st.type === 'symlink') {
            try {
              name += ' -> ' + t.ctx.fs.readlink(t.abs(e.path));
            } catch {
              // unreadable link
            }
          } else name += indicator(e, o);
          const date = o.has('T') ? isoTime(e.st.mtime) : lsDate(e.st.mtime, now);
          return { mode: modeString(e.st), links: String(nlinks(t, e)), user, group, size, date, name };
        });
        if (gnu) {
          const w = (k: 'links' | 'user' | 'group' | 'size') => Math.max(0, ...rows.map((r) => r[k].length));
          const wl = w('links');
          const wu = w('user');
          const wg = w('group');
          const ws = w('size');
          for (const r of rows)
            t.out(`${r.mode} ${r.links.padStart(wl)} ${r.user.padEnd(wu)} ${r.group.padEnd(wg)} ${r.size.padStart(ws)} ${r.date} ${r.name}\n`);
        } else {
          const sw = o.has('h') ? 7 : 9;
          for (const r of rows) t.out(`${r.mode} ${r.links.padStart(4)} ${r.user.padEnd(8)} ${r.group.padEnd(8)} ${r.size.padStart(sw)} ${r.date} ${r.name}\n`);
        }
        return;
      }
      const names = list.map((e) => e.name + indicator(e, o));
      if (oneCol) for (const n of names) t.out(n + '\n');
      else t.out(columns(names));
    };

    const listDir = (path: string): Entry[] => {
      let names = t.ctx.fs.readdir(t.abs(path));
      if (!o.has('a')) names = names.filter((n) => !n.startsWith('.'));
      if (o.has('a')) names = ['.', '..', ...names.filter((n) => n !== '.' && n !== '..')];
      const out: Entry[] = [];
      for (const n of names) {
        const full = n === '.' || n === '..' ? (path === '/' ? '/' : joinPath(path, n)) : joinPath(path, n);
        const st = long || o.has('F') || o.has('p') ? t.tryStat(full, false) : t.tryStat(full, false);
        if (st) out.push({ name: n, path: full, st });
      }
      return sortEntries(out, o);
    };

    const operands = p.args.length ? p.args : ['.'];
    const files: Entry[] = [];
    const dirs: Entry[] = [];
    for (const a of operands) {
      const lst = t.tryStat(a, false);
      if (!lst) {
        t.err(gnu ? `cannot access ${t.q(a)}: No such file or directory` : `${a}: No such file or directory`);
        status = gnu ? 2 : 1;
        continue;
      }
      const st = lst.type === 'symlink' && !long ? (t.tryStat(a) ?? lst) : lst;
      if (st.type === 'dir' && !o.has('d')) dirs.push({ name: a, path: a, st });
      else files.push({ name: a, path: a, st });
    }
    sortEntries(files, o);
    sortEntries(dirs, o);
    if (files.length) print(files, false);
    const header = files.length > 0 || dirs.length > 1 || o.has('R') || status !== 0;
    let first = files.length === 0;
    const walk = (d: Entry) => {
      if (!first) t.out('\n');
      first = false;
      if (header) t.out(`${d.path}:\n`);
      let list: Entry[];
      try {
        list = listDir(d.path);
      } catch (e) {
        t.err(gnu ? `cannot open directory ${t.q(d.path)}: ${why(e)}` : `can't open '${d.path}': ${why(e)}`);
        status = gnu ? 2 : 1;
        return;
      }
      print(list, true);
      if (o.has('R')) for (const e of list) if (e.st.type === 'dir' && e.name !== '.' && e.name !== '..') walk(e);
    };
    for (const d of dirs) walk(d);
    return status;
  });

export const mkdir = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'pv', values: 'm', long: { parents: 'p', verbose: 'v', 'mode=': 'm' }, usage: 'mkdir [-m MODE] [-p] DIRECTORY...' });
    if (!p.args.length) return missingOperand(t, 'mkdir');
    const mode = p.opts.has('m') ? parseInt(p.opts.get('m')!, 8) : 0o755;
    let status = 0;
    for (const d of p.args) {
      try {
        if (p.opts.has('p')) {
          const st = t.tryStat(d);
          if (st && st.type !== 'dir') throw new FsError('EEXIST', d);
          t.ctx.fs.mkdir(t.abs(d), { recursive: true, mode });
        } else t.ctx.fs.mkdir(t.abs(d), { mode });
        if (p.opts.has('v')) t.out(t.gnu ? `mkdir: created directory ${t.q(d)}\n` : `created directory: '${d}'\n`);
      } catch (e) {
        t.err(`${t.gnu ? 'cannot' : "can't"} create directory ${t.q(d)}: ${why(e)}`);
        status = 1;
      }
    }
    return status;
  });

function missingOperand(t: Tool, name: string): number {
  if (t.gnu) {
    t.err('missing operand');
    t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
  } else {
    t.ctx.stderr.write(`BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: ${name} ...\n`);
  }
  return 1;
}

export const rm = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'rRfivd', long: { recursive: 'r', force: 'f', verbose: 'v', dir: 'd', 'no-preserve-root': 'N' }, usage: 'rm [-irf] FILE...' });
    const force = p.opts.has('f');
    const rec = p.opts.has('r') || p.opts.has('R');
    if (!p.args.length) return force ? 0 : missingOperand(t, 'rm');
    let status = 0;
    for (const a of p.args) {
      const st = t.tryStat(a, false);
      if (!st) {
        if (!force) {
          t.err(t.gnu ? `cannot remove ${t.q(a)}: No such file or directory` : `can't remove '${a}': No such file or directory`);
          status = 1;
        }
        continue;
      }
      if (t.abs(a) === '/' && rec) {
        t.err(t.gnu ? `it is dangerous to operate recursively on '/'` : "can't remove '/'");
        if (t.gnu) t.err('use --no-preserve-root to override this failsafe');
        status = 1;
        continue;
      }
      if (st.type === 'dir' && !rec && !p.opts.has('d')) {
        t.err(t.gnu ? `cannot remove ${t.q(a)}: Is a directory` : `'${a}' is a directory`);
        status = 1;
        continue;
      }
      try {
        t.ctx.fs.rm(t.abs(a), { recursive: rec });
        if (p.opts.has('v')) t.out(t.gnu ? `removed ${st.type === 'dir' ? 'directory ' : ''}${t.q(a)}\n` : `removed '${a}'\n`);
      } catch (e) {
        t.err(t.gnu ? `cannot remove ${t.q(a)}: ${why(e)}` : `can't remove '${a}': ${why(e)}`);
        status = 1;
      }
    }
    return status;
  });

export const rmdir = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'pv', long: { parents: 'p', verbose: 'v', 'ignore-fail-on-non-empty': 'i' }, usage: 'rmdir [-p] DIRECTORY...' });
    if (!p.args.length) return missingOperand(t, 'rmdir');
    let status = 0;
    for (const a of p.args) {
      const targets = [a];
      if (p.opts.has('p')) for (let d = dirname(a); d !== '.' && d !== '/'; d = dirname(d)) targets.push(d);
      for (const d of targets) {
        try {
          const st = t.lstat(d);
          if (st.type !== 'dir') throw new FsError('ENOTDIR', d);
          if (t.ctx.fs.readdir(t.abs(d)).length || d === '..' || d === '.') throw new FsError(d === '.' ? 'EINVAL' : 'ENOTEMPTY', d);
          t.ctx.fs.rm(t.abs(d));
        } catch (e) {
          if (p.opts.has('i') && e instanceof FsError && e.code === 'ENOTEMPTY') break;
          t.err(t.gnu ? `failed to remove ${t.q(d)}: ${why(e)}` : `'${d}': ${why(e)}`);
          status = 1;
          break;
        }
      }
    }
    return status;
  });

export const touch = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'cam', values: 'dtr', long: { 'no-create': 'c', 'date=': 'd', 'reference=': 'r' }, usage: 'touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...' });
    if (!p.args.length) return missingOperand(t, 'touch');
    let when = t.ctx.now();
    if (p.opts.has('d')) {
      const v = Date.parse(p.opts.get('d')!.replace(' ', 'T') + (/[zZ]|[+-]\d\d:?\d\d$/.test(p.opts.get('d')!) ? '' : 'Z'));
      if (!Number.isNaN(v)) when = v;
    }
    if (p.opts.has('r')) when = t.tryStat(p.opts.get('r')!)?.mtime ?? when;
    let status = 0;
    for (const a of p.args) {
      try {
        if (!t.tryStat(a)) {
          if (p.opts.has('c')) continue;
          t.ctx.fs.writeFile(t.abs(a), new Uint8Array(0));
        }
        t.ctx.fs.utimes(t.abs(a), when);
      } catch (e) {
        t.err(t.gnu ? `cannot touch ${t.q(a)}: ${why(e)}` : `${a}: ${why(e)}`);
        status = 1;
      }
    }
    return status;
  });

function copyTree(t: Tool, from: string, to: string, preserve: boolean): void {
  const fs = t.ctx.fs;
  const st = fs.lstat(from);
  if (st.type === 'symlink') {
    fs.symlink(fs.readlink(from), to);
    return;
  }
  if (st.type === 'dir') {
    if (!fs.exists(to)) fs.mkdir(to, { mode: st.mode });
    for (const n of fs.readdir(from)) copyTree(t, joinPath(from, n), joinPath(to, n), preserve);
    return;
  }
  fs.writeFile(to, fs.readFile(from), { mode: st.mode });
  fs.chmod(to, st.mode);
  if (preserve) fs.utimes(to, st.mtime);
}

export const cp = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, {
      flags: 'rRafpvindPLHT',
      long: { recursive: 'r', archive: 'a', force: 'f', verbose: 'v', 'no-clobber': 'n', 'no-target-directory': 'T' },
      usage: 'cp [-arPLHpfinlsTu] SOURCE... DEST',
    });
    const o = p.opts;
    const rec = o.has('r') || o.has('R') || o.has('a');
    if (p.args.length < 2) {
      if (t.gnu && p.args.length === 1) {
        t.err(`missing destination file operand after ${t.q(p.args[0]!)}`);
        t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        return 1;
      }
      return missingOperand(t, 'cp');
    }
    const dest = p.args[p.args.length - 1]!;
    const sources = p.args.slice(0, -1);
    const destSt = t.tryStat(dest);
    const intoDir = destSt?.type === 'dir' && !o.has('T');
    if (sources.length > 1 && !intoDir) {
      t.err(t.gnu ? `target ${t.q(dest)} is not a directory` : `'${dest}' is not a directory`);
      return 1;
    }
    let status = 0;
    for (const s of sources) {
      const st = t.tryStat(s, !o.has('P') && !o.has('a') ? true : false);
      if (!st) {
        t.err(`${t.gnu ? 'cannot' : "can't"} stat ${t.q(s)}: No such file or directory`);
        status = 1;
        continue;
      }
      if (st.type === 'dir' && !rec) {
        t.err(t.gnu ? `-r not specified; omitting directory ${t.q(s)}` : `omitting directory '${s}'`);
        status = 1;
        continue;
      }
      const target = intoDir ? joinPath(dest, basename(s)) : dest;
      if (t.abs(target) === t.abs(s)) {
        t.err(t.gnu ? `${t.q(s)} and ${t.q(target)} are the same file` : `'${s}' and '${target}' are the same file`);
        status = 1;
        continue;
      }
      if (o.has('n') && t.tryStat(target)) continue;
      try {
        if (st.type === 'dir' && t.abs(target).startsWith(t.abs(s) + '/')) {
          t.err(t.gnu ? `cannot copy a directory, ${t.q(s)}, into itself, ${t.q(target)}` : `can't copy a directory into itself`);
          status = 1;
          continue;
        }
        copyTree(t, t.abs(s), t.abs(target), o.has('p') || o.has('a'));
        if (o.has('v')) t.out(`'${s}' -> '${target}'\n`);
      } catch (e) {
        const w = why(e);
        t.err(t.gnu ? `cannot create regular file ${t.q(target)}: ${w}` : `can't create '${target}': ${w}`);
        status = 1;
      }
    }
    return status;
  });

export const mv = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'finvT', long: { force: 'f', 'no-clobber': 'n', verbose: 'v', 'no-target-directory': 'T' }, usage: 'mv [-fin] SOURCE DEST' });
    if (p.args.length < 2) {
      if (t.gnu && p.args.length === 1) {
        t.err(`missing destination file operand after ${t.q(p.args[0]!)}`);
        t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        return 1;
      }
      return missingOperand(t, 'mv');
    }
    const dest = p.args[p.args.length - 1]!;
    const sources = p.args.slice(0, -1);
    const intoDir = t.tryStat(dest)?.type === 'dir' && !p.opts.has('T');
    if (sources.length > 1 && !intoDir) {
      t.err(t.gnu ? `target ${t.q(dest)} is not a directory` : `'${dest}' is not a directory`);
      return 1;
    }
    let status = 0;
    for (const s of sources) {
      if (!t.tryStat(s, false)) {
        t.err(t.gnu ? `cannot stat ${t.q(s)}: No such file or directory` : `can't rename '${s}': No such file or directory`);
        status = 1;
        continue;
      }
      const target = intoDir ? joinPath(dest, basename(s)) : dest;
      if (p.opts.has('n') && t.tryStat(target, false)) continue;
      try {
        if (t.abs(target).startsWith(t.abs(s) + '/')) throw new FsError('EINVAL', target);
        t.ctx.fs.rename(t.abs(s), t.abs(target));
        if (p.opts.has('v')) t.out(t.gnu ? `renamed '${s}' -> '${target}'\n` : `'${s}' -> '${target}'\n`);
      } catch (e) {
        const w = why(e);
        t.err(t.gnu ? `cannot move ${t.q(s)} to ${t.q(target)}: ${w}` : `can't rename '${s}': ${w}`);
        status = 1;
      }
    }
    return status;
  });

export const ln = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'sfnvT', long: { symbolic: 's', force: 'f', 'no-dereference': 'n', verbose: 'v' }, usage: 'ln [-sfnbtv] [-S SUF] TARGET... LINK|DIR' });
    if (!p.args.length) return missingOperand(t, 'ln');
    const args = p.args.length === 1 ? [p.args[0]!, basename(p.args[0]!)] : p.args;
    const dest = args[args.length - 1]!;
    const targets = args.slice(0, -1);
    const intoDir = !p.opts.has('n') && t.tryStat(dest)?.type === 'dir';
    let status = 0;
    for (const target of targets) {
      const link = intoDir ? joinPath(dest, basename(target)) : dest;
      try {
        if (t.tryStat(link, false)) {
          if (!p.opts.has('f')) throw new FsError('EEXIST', link);
          t.ctx.fs.rm(t.abs(link));
        }
        if (p.opts.has('s')) t.ctx.fs.symlink(target, t.abs(link));
        else {
          const st = t.stat(target);
          if (st.type === 'dir') {
            t.err(t.gnu ? `${t.q(target)}: hard link not allowed for directory` : `${target}: hard link not allowed for directory`);
            status = 1;
            continue;
          }
          t.ctx.fs.writeFile(t.abs(link), t.ctx.fs.readFile(t.abs(target)), { mode: st.mode });
        }
        if (p.opts.has('v')) t.out(`'${link}' -> '${target}'\n`);
      } catch (e) {
        const w = why(e);
        if (t.gnu) t.err(p.opts.has('s') ? `failed to create symbolic link ${t.q(link)}: ${w}` : `failed to create hard link ${t.q(link)}: ${w}`);
        else t.err(`${link}: ${w}`);
        status = 1;
      }
    }
    return status;
  });

function fileType(st: Stat): string {
  if (st.type === 'dir') return 'directory';
  if (st.type === 'symlink') return 'symbolic link';
  return st.size === 0 ? 'regular empty file' : 'regular file';
}

export const stat = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'LtfF', values: 'c', long: { 'format=': 'c', dereference: 'L', 'printf=': 'c', terse: 't' }, usage: 'stat [-ltf] [-c FMT] FILE...' });
    if (!p.args.length) return missingOperand(t, 'stat');
    let status = 0;
    let inode = 1000;
    for (const a of p.args) {
      inode++;
      let st: Stat;
      try {
        st = p.opts.has('L') ? t.stat(a) : t.lstat(a);
      } catch (e) {
        t.err(t.gnu ? `cannot statx ${t.q(a)}: ${why(e)}` : `can't stat '${a}': ${why(e)}`);
        status = 1;
        continue;
      }
      // stat names an id passwd/group do not know UNKNOWN (ls prints the number)
      const user = userName(t, st.uid) === String(st.uid) ? 'UNKNOWN' : userName(t, st.uid);
      const group = groupName(t, st.gid) === String(st.gid) ? 'UNKNOWN' : groupName(t, st.gid);
      const perm = (st.mode & 0o7777).toString(8);
      let target = '';
      if (st.type === 'symlink') {
        try {
          target = t.ctx.fs.readlink(t.abs(a));
        } catch {
          target = '';
        }
      }
      const fmt = p.opts.get('c');
      if (fmt !== undefined) {
        const line = fmt.replace(/%([a-zA-Z%])/g, (_, c: string) => {
          switch (c) {
            case 'n':
              return a;
            case 'N':
              return st.type === 'symlink' ? `'${a}' -> '${target}'` : `'${a}'`;
            case 's':
              return String(st.size);
            case 'a':
              return perm;
            case 'A':
              return modeString(st);
            case 'F':
              return fileType(st);
            case 'U':
              return user;
            case 'G':
              return group;
            case 'u':
              return String(st.uid);
            case 'g':
              return String(st.gid);
            case 'Y':
            case 'X':
            case 'Z':
              return String(Math.floor(st.mtime / 1000));
            case 'y':
            case 'x':
            case 'z':
              return isoTime(st.mtime);
            case 'i':
              return String(inode);
            case 'h':
              return st.type === 'dir' ? '2' : '1';
            case 'b':
              return String(blocksOf(st) * 2);
            case 'B':
              return '512';
            case 'o':
              return '4096';
            case '%':
              return '%';
            default:
              return '?';
          }
        });
        t.out(line + '\n');
        continue;
      }
      const blocks = blocksOf(st) * 2;
      const device = t.gnu ? '0,45' : '2dh/45d';
      t.out(`  File: ${a}${target ? ` -> ${target}` : ''}\n`);
      t.out(`  Size: ${String(st.size).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${fileType(st)}\n`);
      t.out(`Device: ${device}\tInode: ${String(inode).padEnd(11)} Links: ${st.type === 'dir' ? 2 : 1}\n`);
      t.out(`Access: (${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st)})  Uid: (${String(st.uid).padStart(5)}/${user.padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${group.padStart(8)})\n`);
      const ts = isoTime(st.mtime);
      t.out(`Access: ${ts}\nModify: ${ts}\nChange: ${ts}\n`);
      if (t.gnu) t.out(` Birth: -\n`);
    }
    return status;
  });

function parseMode(spec: string, old: number, isDir: boolean): number | null {
  if (/^[0-7]{1,4}$/.test(spec)) return parseInt(spec, 8);
  let mode = old;
  for (const clause of spec.split(',')) {
    const m = /^([ugoa]*)([-+=])([rwxXst]*)$/.exec(clause);
    if (!m) return null;
    const who = m[1] || 'a';
    let bits = 0;
    for (const c of m[3]!) {
      if (c === 'r') bits |= 0o444;
      else if (c === 'w') bits |= 0o222;
      else if (c === 'x' || (c === 'X' && (isDir || old & 0o111))) bits |= 0o111;
      else if (c === 's') bits |= 0o6000;
      else if (c === 't') bits |= 0o1000;
    }
    let mask = 0;
    if (who.includes('u') || who.includes('a')) mask |= 0o4700;
    if (who.includes('g') || who.includes('a')) mask |= 0o2070;
    if (who.includes('o') || who.includes('a')) mask |= 0o1007;
    bits &= mask;
    if (m[2] === '+') mode |= bits;
    else if (m[2] === '-') mode &= ~bits;
    else mode = (mode & ~mask) | bits;
  }
  return mode;
}

export const chmod = (f: Flavour) =>
  program(f, (t, argv) => {
    // modes like -x look like options: take the first operand-ish word as the mode
    const rest: string[] = [];
    let recursive = false;
    let verbose = false;
    let mode: string | undefined;
    for (const a of argv) {
      if (mode === undefined && /^-[Rvcf]+$/.test(a)) {
        recursive ||= a.includes('R');
        verbose ||= a.includes('v');
      } else if (mode === undefined && a === '--recursive') recursive = true;
      else if (mode === undefined) mode = a;
      else rest.push(a);
    }
    if (mode === undefined || !rest.length) {
      if (t.gnu && mode !== undefined) {
        t.err(`missing operand after ${t.q(mode)}`);
        t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        return 1;
      }
      return missingOperand(t, 'chmod');
    }
    let status = 0;
    const apply = (path: string) => {
      const st = t.lstat(path);
      if (st.type === 'symlink') return;
      const m = parseMode(mode!, st.mode, st.type === 'dir');
      if (m === null) {
        t.err(t.gnu ? `invalid mode: ${t.q(mode!)}` : `invalid mode '${mode}'`);
        throw new FsError('EINVAL', path);
      }
      t.ctx.fs.chmod(t.abs(path), m);
      if (verbose) t.out(`mode of '${path}' changed to ${m.toString(8).padStart(4, '0')}\n`);
      if (recursive && st.type === 'dir') for (const n of t.ctx.fs.readdir(t.abs(path))) apply(joinPath(path, n));
    };
    for (const a of rest) {
      try {
        t.stat(a);
      } catch (e) {
        t.err(t.gnu ? `cannot access ${t.q(a)}: ${why(e)}` : `${a}: ${why(e)}`);
        status = 1;
        continue;
      }
      try {
        apply(a);
      } catch (e) {
        if (e instanceof FsError && e.code === 'EINVAL') return 1;
        t.err(`${a}: ${why(e)}`);
        status = 1;
      }
    }
    return status;
  });

export const du = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'shacklmx', values: 'd', long: { summarize: 's', 'human-readable': 'h', all: 'a', total: 'c', 'max-depth=': 'd' }, usage: 'du [-aHLdclsxhmk] [FILE]...' });
    const o = p.opts;
    const fmt = (kb: number) => (o.has('h') ? human(kb * 1024, t.gnu) : o.has('m') ? String(Math.ceil(kb / 1024)) : String(kb));
    let status = 0;
    let grand = 0;
    const maxDepth = o.has('s') ? 0 : o.has('d') ? Number(o.get('d')) : Infinity;
    const walk = (path: string, depth: number): number => {
      const st = t.lstat(path);
      let kb = blocksOf(st);
      if (st.type === 'dir') {
        for (const n of t.ctx.fs.readdir(t.abs(path))) kb += walk(joinPath(path, n), depth + 1);
        if (depth <= maxDepth) t.out(`${fmt(kb)}\t${path}\n`);
      } else if (o.has('a') && depth <= maxDepth) t.out(`${fmt(kb)}\t${path}\n`);
      else if (depth === 0) t.out(`${fmt(kb)}\t${path}\n`);
      return kb;
    };
    for (const a of p.args.length ? p.args : ['.']) {
      try {
        grand += walk(a, 0);
      } catch (e) {
        t.err(t.gnu ? `cannot access ${t.q(a)}: ${why(e)}` : `${a}: ${why(e)}`);
        status = 1;
      }
    }
    if (o.has('c')) t.out(`${fmt(grand)}\ttotal\n`);
    return status;
  });

export const df = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'hkmPTai', long: { 'human-readable': 'h' }, usage: 'df [-PkmhT] [FILESYSTEM]...' });
    const h = p.opts.has('h');
    const rows: [string, number, number, string][] = [
      ['overlay', 61202244, 12845680, '/'],
      ['tmpfs', 65536, 0, '/dev'],
      ['shm', 65536, 0, '/dev/shm'],
      ['/dev/vda1', 61202244, 12845680, '/etc/hosts'],
    ];
    const cell = (kb: number) => (h ? human(kb * 1024, t.gnu) : String(kb));
    if (t.gnu) {
      const table = [[ 'Filesystem', h ? 'Size' : '1K-blocks', 'Used', h ? 'Avail' : 'Available', 'Use%', 'Mounted on' ]];
      for (const [fs, size, used, mnt] of rows) {
        const pct = size ? Math.ceil((used / size) * 100) : 0;
        table.push([fs, cell(size), cell(used), cell(size - used - (fs === 'overlay' || fs.startsWith('/dev') ? 3145728 : 0)), `${pct}%`, mnt]);
      }
      const min = [14, 5, 5, 5, 4, 0];
      const widths = table[0]!.map((_, i) => Math.max(min[i]!, ...table.map((r) => r[i]!.length)));
      for (const r of table) {
        t.out(r.map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : i === 5 ? c : c.padStart(widths[i]!))).join(' ').replace(/ +$/, '') + '\n');
      }
    } else {
      t.out(`Filesystem           ${h ? '     Size' : '1K-blocks'}      Used Available Use% Mounted on\n`);
      for (const [fs, size, used, mnt] of rows) {
        const pct = size ? Math.ceil((used / size) * 100) : 0;
        const avail = size - used - (fs === 'tmpfs' || fs === 'shm' ? 0 : 3145728);
        t.out(`${fs.padEnd(20)} ${cell(size).padStart(9)} ${cell(used).padStart(9)} ${cell(avail).padStart(9)} ${String(pct).padStart(3)}% ${mnt}\n`);
      }
    }
    return 0;
  });

export const find = (f: Flavour) =>
  program(f, async (t, argv) => {
    let i = 0;
    const roots: string[] = [];
    while (i < argv.length && (argv[i] === '-L' || argv[i] === '-H' || argv[i] === '-P')) i++;
    while (i < argv.length && !argv[i]!.startsWith('-') && argv[i] !== '!' && argv[i] !== '(') roots.push(argv[i++]!);
    if (!roots.length) roots.push('.');
    type Pred = (path: string, st: Stat, depth: number) => boolean | Promise<boolean>;
    let maxDepth = Infinity;
    let quit = false;
    let minDepth = 0;
    let printed = false;
    const toks = argv.slice(i);
    let k = 0;
    const bad = (msg: string): never => {
      t.err(msg);
      throw new FsError('EINVAL', msg);
    };
    const primary = (): Pred => {
      const a = toks[k++];
      const arg = () => {
        const v = toks[k++];
        if (v === undefined) bad(t.gnu ? `missing argument to \`${a}'` : `missing argument to '${a}'`);
        return v!;
      };
      switch (a) {
        case '(': {
          const e = or();
          k++;
          return e;
        }
        case '-name':
        case '-iname': {
          const pat = arg();
          return (path) => matchPattern(basename(path) || path, pat, a === '-iname');
        }
        case '-path':
        case '-wholename': {
          const pat = arg();
          return (path) => matchPattern(path, pat);
        }
        case '-type': {
          const ty = arg();
          const want = ty === 'f' ? 'file' : ty === 'd' ? 'dir' : ty === 'l' ? 'symlink' : null;
          if (!want) bad(t.gnu ? `Unknown argument to -type: ${ty}` : `invalid argument '${ty}' to '-type'`);
          return (_p, st) => st.type === want;
        }
        case '-maxdepth':
          maxDepth = Number(arg());
          return () => true;
        case '-mindepth':
          minDepth = Number(arg());
          return () => true;
        case '-empty':
          return (path, st) => (st.type === 'dir' ? t.ctx.fs.readdir(t.abs(path)).length === 0 : st.size === 0);
        case '-size': {
          const v = arg();
          const m = /^([-+]?)(\d+)([ckMG]?)$/.exec(v);
          if (!m) bad(`invalid -size '${v}'`);
          const unit = { c: 1, k: 1024, M: 1048576, G: 1073741824, '': 512 }[m![3] as 'c'] ?? 512;
          const n = Number(m![2]);
          return (_p, st) => {
            const size = Math.ceil(st.size / unit);
            return m![1] === '+' ? size > n : m![1] === '-' ? size < n : size === n;
          };
        }
        case '-newer': {
          const ref = t.tryStat(arg())?.mtime ?? 0;
          return (_p, st) => st.mtime > ref;
        }
        case '-print':
          printed = true;
          return (path) => (t.out(path + '\n'), true);
        case '-print0':
          printed = true;
          return (path) => (t.out(path + '\0'), true);
        case '-delete':
          printed = true;
          return (path) => {
            t.ctx.fs.rm(t.abs(path), { recursive: false });
            return true;
          };
        case '-exec': {
          printed = true;
          const cmd: string[] = [];
          while (k < toks.length && toks[k] !== ';' && toks[k] !== '+') cmd.push(toks[k++]!);
          if (k >= toks.length) bad(t.gnu ? 'missing argument to `-exec\'' : "missing argument to '-exec'");
          k++;
          return async (path) => (await t.ctx.spawn(cmd.map((c) => c.replace(/\{\}/g, path)), {})) === 0;
        }
        case '-quit':
          return () => {
            quit = true;
            return true;
          };
        case '-follow':
        case '-xdev':
        case '-mount':
        case '-depth':
          return () => true;
        case '-true':
          return () => true;
        case '-false':
          return () => false;
        default:
          if (a === undefined) bad('expected an expression');
          return bad(t.gnu ? `unknown predicate \`${a}'` : `unrecognized: ${a}`);
      }
    };
    const not = (): Pred => {
      if (toks[k] === '!' || toks[k] === '-not') {
        k++;
        const p = not();
        return async (a, b, c) => !(await p(a, b, c));
      }
      return primary();
    };
    const and = (): Pred => {
      const ps = [not()];
      while (k < toks.length && toks[k] !== '-o' && toks[k] !== '-or' && toks[k] !== ')') {
        if (toks[k] === '-a' || toks[k] === '-and') k++;
        ps.push(not());
      }
      return async (a, b, c) => {
        for (const p of ps) if (!(await p(a, b, c))) return false;
        return true;
      };
    };
    const or = (): Pred => {
      const ps = [and()];
      while (toks[k] === '-o' || toks[k] === '-or') {
        k++;
        ps.push(and());
      }
      return async (a, b, c) => {
        for (const p of ps) if (await p(a, b, c)) return true;
        return false;
      };
    };
    let expr: Pred;
    try {
      expr = toks.length ? or() : () => true;
    } catch (e) {
      if (e instanceof FsError) return 1;
      throw e;
    }
    const pred: Pred = printed ? expr : async (p, st, d) => (await expr(p, st, d)) && (t.out(p + '\n'), true);
    let status = 0;
    const walk = async (path: string, depth: number): Promise<void> => {
      if (quit) return;
      let st: Stat;
      try {
        st = t.lstat(path);
      } catch (e) {
        t.err(t.gnu ? `${t.q(path)}: ${why(e)}` : `${path}: ${why(e)}`);
        status = 1;
        return;
      }
      if (depth >= minDepth) await pred(path, st, depth);
      if (st.type === 'dir' && depth < maxDepth) {
        let names: string[] = [];
        try {
          names = t.ctx.fs.readdir(t.abs(path));
        } catch {
          names = [];
        }
        for (const n of names) await walk(path.endsWith('/') ? path + n : `${path}/${n}`, depth + 1);
      }
    };
    for (const r of roots) await walk(r, 0);
    return status;
  });
