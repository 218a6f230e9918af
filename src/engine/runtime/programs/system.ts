// System programs: pwd env printenv hostname sleep true false date uname
// whoami id test [ which basename dirname.
import { decodeText } from '../sh/io.ts';
import { basename as baseOf, dirname as dirOf, joinPath, resolvePath } from '../sh/path.ts';
import { evalTest, missingBracket } from '../sh/test.ts';
import { type Flavour, type Tool, program } from './common.ts';
import { type Credentials, groupName, passwd, resolveUser, userName } from '../users.ts';

export interface SystemInfo {
  /** uname -r */
  kernelRelease: string;
  /** uname -v */
  kernelVersion: string;
}

export const DEFAULT_SYSTEM: SystemInfo = {
  kernelRelease: '6.10.14-linuxkit',
  kernelVersion: '#1 SMP PREEMPT_DYNAMIC Fri Nov 29 17:24:06 UTC 2024',
};

export const trueProgram = (f: Flavour) => program(f, () => 0);
export const falseProgram = (f: Flavour) => program(f, () => 1);

export const pwd = (f: Flavour) =>
  program(f, (t) => {
    t.out(t.ctx.cwd + '\n');
    return 0;
  });

export const env = (f: Flavour) =>
  program(f, async (t, argv) => {
    let i = 0;
    let clear = false;
    const unset: string[] = [];
    let chdir: string | null = null;
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '-i' || a === '-' || a === '--ignore-environment') clear = true;
      else if (a === '-u') unset.push(argv[++i] ?? '');
      else if (a.startsWith('--unset=')) unset.push(a.slice(8));
      else if (a === '-C') chdir = argv[++i] ?? null;
      else if (a === '--') {
        i++;
        break;
      } else if (a.startsWith('-') && a.length > 1 && !a.includes('=')) {
        return t.usageError(`invalid option -- '${a[1]}'`, { usageStatus: 125, usage: 'env [-i] [-u NAME]... [-] [NAME=VALUE]... [PROG ARGS]' });
      } else break;
    }
    const vars = new Map(clear ? [] : t.ctx.env);
    for (const u of unset) vars.delete(u);
    for (; i < argv.length && argv[i]!.includes('=') && !argv[i]!.startsWith('='); i++) {
      const a = argv[i]!;
      const eq = a.indexOf('=');
      vars.set(a.slice(0, eq), a.slice(eq + 1));
    }
    const cmd = argv.slice(i);
    if (!cmd.length) {
      for (const [k, v] of vars) t.out(`${k}=${v}\n`);
      return 0;
    }
    const program = t.ctx.resolve(cmd[0]!, vars);
    if (!program) {
      t.err(t.gnu ? `'${cmd[0]}': No such file or directory` : `can't execute '${cmd[0]}': No such file or directory`);
      return 127;
    }
    return t.ctx.spawn(cmd, { env: vars, cwd: chdir ? resolvePath(t.ctx.cwd, chdir) : t.ctx.cwd, program } as Parameters<typeof t.ctx.spawn>[1]);
  });

export const printenv = (f: Flavour) =>
  program(f, (t, argv) => {
    const names = argv.filter((a) => !a.startsWith('-'));
    if (!names.length) {
      for (const [k, v] of t.ctx.env) t.out(`${k}=${v}\n`);
      return 0;
    }
    let status = 0;
    for (const n of names) {
      const v = t.ctx.env.get(n);
      if (v === undefined) status = 1;
      else t.out(v + '\n');
    }
    return status;
  });

export const hostname = (f: Flavour) =>
  program(f, (t, argv) => {
    if (argv.includes('-i') || argv.includes('-I')) {
      let ip = '172.17.0.2';
      try {
        for (const line of decodeText(t.ctx.fs.readFile('/etc/hosts')).split('\n')) {
          const parts = line.trim().split(/\s+/);
          if (parts.slice(1).includes(t.ctx.hostname)) ip = parts[0]!;
        }
      } catch {
        // no /etc/hosts
      }
      t.out(ip + (argv.includes('-I') ? ' ' : '') + '\n');
      return 0;
    }
    const name = argv.includes('-s') ? t.ctx.hostname.split('.')[0]! : t.ctx.hostname;
    t.out(name + '\n');
    return 0;
  });

/** Seconds in a sleep operand (2.5, 1s, 3m, infinity), or null. */
export function parseDuration(s: string): number | null {
  if (/^inf(inity)?$/i.test(s)) return Infinity;
  const m = /^(\d*\.?\d+)([smhd]?)$/.exec(s);
  if (!m) return null;
  return Number(m[1]) * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2]!] ?? 1);
}

export const sleep = (f: Flavour) =>
  program(f, async (t, argv) => {
    const args = argv.filter((a) => a !== '--');
    if (!args.length) {
      if (t.gnu) {
        t.err('missing operand');
        t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        return 1;
      }
      return t.usageError('', { usage: 'sleep [N]...' });
    }
    let total = 0;
    for (const a of args) {
      const s = parseDuration(a);
      if (s === null) {
        if (t.gnu) {
          t.err(`invalid time interval ${t.q(a)}`);
          t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        } else t.err(`invalid number '${a}'`);
        return 1;
      }
      total += s;
    }
    // the virtual clock: a killed process stops here (ctx.sleep rejects)
    if (total === Infinity) for (;;) await t.ctx.sleep(0x7fffffff);
    await t.ctx.sleep(Math.round(total * 1000));
    return 0;
  });

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const DAYS_LONG = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** strftime in UTC. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const Y = d.getUTCFullYear();
  const start = Date.UTC(Y, 0, 1);
  const yday = Math.floor((ms - start) / 86400000) + 1;
  return fmt.replace(/%([a-zA-Z%+:])/g, (_, c: string) => {
    switch (c) {
      case 'Y':
        return String(Y);
      case 'y':
        return p2(Y % 100);
      case 'm':
        return p2(d.getUTCMonth() + 1);
      case 'd':
        return p2(d.getUTCDate());
      case 'e':
        return String(d.getUTCDate()).padStart(2);
      case 'H':
        return p2(d.getUTCHours());
      case 'I':
        return p2(d.getUTCHours() % 12 || 12);
      case 'M':
        return p2(d.getUTCMinutes());
      case 'S':
        return p2(d.getUTCSeconds());
      case 'N':
        return String(d.getUTCMilliseconds()).padStart(3, '0') + '000000';
      case 'p':
        return d.getUTCHours() < 12 ? 'AM' : 'PM';
      case 's':
        return String(Math.floor(ms / 1000));
      case 'a':
        return DAYS[d.getUTCDay()]!;
      case 'A':
        return DAYS_LONG[d.getUTCDay()]!;
      case 'b':
      case 'h':
        return MONTHS[d.getUTCMonth()]!;
      case 'B':
        return MONTHS_LONG[d.getUTCMonth()]!;
      case 'j':
        return String(yday).padStart(3, '0');
      case 'u':
        return String(d.getUTCDay() || 7);
      case 'w':
        return String(d.getUTCDay());
      case 'Z':
        return 'UTC';
      case 'z':
        return '+0000';
      case ':':
        return '+00:00';
      case 'T':
        return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
      case 'R':
        return `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}`;
      case 'D':
        return `${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())}/${p2(Y % 100)}`;
      case 'F':
        return `${Y}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
      case 'c':
        return strftime('%a %b %e %H:%M:%S %Y', ms);
      case 'n':
        return '\n';
      case 't':
        return '\t';
      case '%':
        return '%';
      default:
        return '%' + c;
    }
  });
}

export const date = (f: Flavour) =>
  program(f, (t, argv) => {
    let ms = t.ctx.now();
    let fmt = '%a %b %e %H:%M:%S %Z %Y';
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a.startsWith('+')) fmt = a.slice(1);
      else if (a === '-u' || a === '--utc' || a === '--universal') continue;
      else if (a === '-R' || a === '--rfc-2822' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S %z';
      else if (a === '-I' || a === '--iso-8601') fmt = '%Y-%m-%d';
      else if (a.startsWith('-I') || a.startsWith('--iso-8601=')) fmt = '%Y-%m-%dT%H:%M:%S%:z';
      else if (a === '-d' || a === '--date' || a.startsWith('--date=') || (a.startsWith('-d') && a.length > 2)) {
        const v = a === '-d' || a === '--date' ? (argv[++i] ?? '') : a.startsWith('--date=') ? a.slice(7) : a.slice(2);
        const parsed = v.startsWith('@') ? Number(v.slice(1)) * 1000 : Date.parse(/[zZ]|[+-]\d\d:?\d\d$|UTC|GMT/.test(v) ? v : v + (v.includes(':') || v.includes('T') ? 'Z' : ''));
        if (Number.isNaN(parsed)) {
          t.err(t.gnu ? `invalid date ${t.q(v)}` : `invalid date '${v}'`);
          return 1;
        }
        ms = parsed;
      } else {
        t.err(t.gnu ? `invalid date ${t.q(a)}` : `invalid date '${a}'`);
        return 1;
      }
    }
    t.out(strftime(fmt, ms) + '\n');
    return 0;
  });

export const uname = (f: Flavour, sys: SystemInfo) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, {
      flags: 'asnrvmpio',
      long: { all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o' },
      usage: 'uname [-amnrspvio]',
    });
    const o = p.opts;
    const all = o.has('a');
    const os = t.gnu ? 'GNU/Linux' : 'Linux';
    const fields: string[] = [];
    if (all || o.has('s') || o.size === 0) fields.push('Linux');
    if (all || o.has('n')) fields.push(t.ctx.hostname);
    if (all || o.has('r')) fields.push(sys.kernelRelease);
    if (all || o.has('v')) fields.push(sys.kernelVersion);
    if (all || o.has('m')) fields.push('x86_64');
    if (!all && o.has('p')) fields.push('unknown');
    if (!all && o.has('i')) fields.push('unknown');
    if (all || o.has('o')) fields.push(os);
    t.out(fields.join(' ') + '\n');
    return 0;
  });

/** The calling process's uid, gid and groups (root's, from passwd and group, when it has none). */
function credentials(t: Tool): Credentials {
  let cred: Credentials | undefined;
  try {
    cred = t.ctx.processes().find((p) => p.pid === t.ctx.pid)?.cred;
  } catch {
    // no process table
  }
  return cred ?? resolveUser(t.ctx.fs, 'root');
}

export const whoami = (f: Flavour) =>
  program(f, (t) => {
    const { uid } = credentials(t);
    const name = userName(t.ctx.fs, uid);
    if (name === null) {
      t.err(t.gnu ? `cannot find name for user ID ${uid}` : `unknown uid ${uid}`);
      return 1;
    }
    t.out(name + '\n');
    return 0;
  });

export const id = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'ugnGr', long: { user: 'u', group: 'g', name: 'n', groups: 'G' }, usage: 'id [-ugGnr] [USER]' });
    const fs = t.ctx.fs;
    let cred: Credentials;
    const asked = p.args[0];
    if (asked !== undefined) {
      const entry = passwd(fs).find((u) => u.name === asked) ?? (/^\d+$/.test(asked) ? passwd(fs).find((u) => u.uid === Number(asked)) : undefined);
      if (!entry) {
        t.err(t.gnu ? `'${asked}': no such user` : `unknown user ${asked}`);
        return 1;
      }
      cred = resolveUser(fs, entry.name);
    } else cred = credentials(t);
    const uname = userName(fs, cred.uid);
    const gname = (g: number) => groupName(fs, g);
    const show = (n: number, name: string | null) => (name === null ? String(n) : `${n}(${name})`);
    const o = p.opts;
    const named = (n: number, name: string | null) => (o.has('n') ? (name ?? String(n)) : String(n));
    if (o.has('u')) t.out(named(cred.uid, uname) + '\n');
    else if (o.has('g')) t.out(named(cred.gid, gname(cred.gid)) + '\n');
    else if (o.has('G')) t.out(cred.groups.map((g) => named(g, gname(g))).join(' ') + '\n');
    else t.out(`uid=${show(cred.uid, uname)} gid=${show(cred.gid, gname(cred.gid))} groups=${cred.groups.map((g) => show(g, gname(g))).join(',')}\n`);
    return 0;
  });

export const test = (f: Flavour) =>
  program(f, (t, argv) => {
    let args = argv;
    const bracket = baseOf(t.ctx.argv[0] ?? '') === '[';
    if (bracket) {
      if (args[args.length - 1] !== ']') {
        t.err(missingBracket(t.gnu ? 'gnu' : 'busybox'));
        return 2;
      }
      args = args.slice(0, -1);
    }
    const r = evalTest(args, { fs: t.ctx.fs, cwd: t.ctx.cwd, isatty: (fd) => t.ctx.tty && fd <= 2 }, t.gnu ? 'gnu' : 'busybox');
    if (r.error) t.err(r.error);
    return r.status;
  });

export const which = (f: Flavour) =>
  program(f, (t, argv) => {
    const all = argv.includes('-a');
    const names = argv.filter((a) => !a.startsWith('-'));
    if (!names.length) return 1;
    let status = 0;
    for (const n of names) {
      const hits: string[] = [];
      const dirs = n.includes('/') ? [''] : (t.ctx.env.get('PATH') ?? '').split(':');
      for (const d of dirs) {
        const path = n.includes('/') ? n : joinPath(d || '.', n);
        const st = t.tryStat(path);
        if (st?.type === 'file' && st.mode & 0o111) {
          hits.push(path);
          if (!all) break;
        }
      }
      if (!hits.length) status = 1;
      for (const h of hits) t.out(h + '\n');
    }
    return status;
  });

export const basename = (f: Flavour) =>
  program(f, (t, argv) => {
    const p = t.parse(argv, { flags: 'az', values: 's', long: { multiple: 'a', 'suffix=': 's', zero: 'z' }, usage: 'basename FILE [SUFFIX]' });
    if (!p.args.length) {
      if (t.gnu) {
        t.err('missing operand');
        t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        return 1;
      }
      return t.usageError('', { usage: 'basename FILE [SUFFIX]' });
    }
    const multi = p.opts.has('a') || p.opts.has('s');
    const suffix = p.opts.get('s') ?? (multi ? '' : (p.args[1] ?? ''));
    if (!multi && p.args.length > 2) {
      t.err(`extra operand ${t.q(p.args[2]!)}`);
      t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
      return 1;
    }
    for (const a of multi ? p.args : [p.args[0]!]) {
      let b = baseOf(a);
      if (suffix && b !== suffix && b.endsWith(suffix)) b = b.slice(0, -suffix.length);
      t.out(b + '\n');
    }
    return 0;
  });

export const dirname = (f: Flavour) =>
  program(f, (t, argv) => {
    const args = argv.filter((a) => a !== '--');
    if (!args.length) {
      if (t.gnu) {
        t.err('missing operand');
        t.ctx.stderr.write(`Try '${t.name} --help' for more information.\n`);
        return 1;
      }
      return t.usageError('', { usage: 'dirname FILENAME' });
    }
    for (const a of t.gnu ? args : [args[0]!]) t.out(dirOf(a) + '\n');
    return 0;
  });

/** busybox time: runs a command, then reports on stderr how long it took. */
export const time = (f: Flavour) =>
  program(f, async (t, argv) => {
    const args = argv[0] === '-v' || argv[0] === '-p' ? argv.slice(1) : argv;
    if (!args.length) return t.usageError('', { usage: 'time [-vpa] [-o FILE] PROG ARGS' });
    const t0 = t.ctx.now();
    const status = await t.ctx.spawn(args, {});
    const ms = t.ctx.now() - t0;
    const s = `${Math.floor(ms / 60000)}m ${((ms % 60000) / 1000).toFixed(2)}s`;
    t.ctx.stderr.write(`real\t${s}\nuser\t0m 0.00s\nsys\t0m 0.00s\n`);
    return status;
  });
