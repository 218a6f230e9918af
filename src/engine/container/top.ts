// docker top in the engine, after moby's daemon/top_unix.go: the daemon runs
// the host's `ps` (procps-ng) with the user's options and `-q` with the
// container's host PIDs, then keeps the rows whose PID belongs to the
// container. Only procps's own formats are rendered here, over the
// container's PID namespace as the host numbers it.
import { DaemonError } from '../errors/errors.ts';
import type { ProcessInfo } from '../runtime/process.ts';
import { footprint, HOST_MEMORY_KIB } from './usage.ts';

export interface ProcessList {
  Titles: string[];
  Processes: string[][];
}

/** One container process as the host sees it. */
export interface HostProcess {
  info: ProcessInfo;
  pid: number;
  ppid: number;
  /** Whether it leads its session (PID 1 does: runc calls setsid). */
  leader: boolean;
}

type Field = (p: HostProcess, now: number) => string;

const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** procps's STIME/START: the time of day within a day, else the date, else the year (UTC on the host). */
function startTime(started: number, now: number): string {
  const d = new Date(started);
  if (now - started < 24 * 3600_000) return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
  if (new Date(now).getUTCFullYear() === d.getUTCFullYear()) return `${MONTHS[d.getUTCMonth()]}${pad2(d.getUTCDate())}`;
  return String(d.getUTCFullYear());
}

/** procps's ELAPSED: [[dd-]hh:]mm:ss. */
function elapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const days = Math.floor(s / 86400);
  const hh = Math.floor((s % 86400) / 3600);
  const mm = Math.floor((s % 3600) / 60);
  const base = `${pad2(mm)}:${pad2(s % 60)}`;
  if (days > 0) return `${days}-${pad2(hh)}:${base}`;
  return hh > 0 ? `${pad2(hh)}:${base}` : base;
}

const tty = (p: HostProcess) => (p.info.tty ? 'pts/0' : '?');
const comm = (p: HostProcess) => {
  const a = p.info.argv[0] ?? '';
  return a.slice(a.lastIndexOf('/') + 1).slice(0, 15);
};
const args = (p: HostProcess) => p.info.argv.join(' ');
const stat = (p: HostProcess) => `S${p.leader ? 's' : ''}${p.info.tty && p.leader ? '+' : ''}`;
const mem = (p: HostProcess) => ((footprint(p.info).rss * 100) / HOST_MEMORY_KIB).toFixed(1);

/** procps format specifiers: header and value. */
const FIELDS: Record<string, [string, Field]> = {
  pid: ['PID', (p) => String(p.pid)],
  ppid: ['PPID', (p) => String(p.ppid)],
  pgid: ['PGID', (p) => String(p.pid)],
  user: ['USER', (p) => p.info.user],
  euser: ['EUSER', (p) => p.info.user],
  uid: ['UID', (p) => (p.info.user === 'root' ? '0' : p.info.user)],
  comm: ['COMMAND', comm],
  ucmd: ['CMD', comm],
  args: ['COMMAND', args],
  command: ['COMMAND', args],
  cmd: ['CMD', args],
  stat: ['STAT', stat],
  s: ['S', () => 'S'],
  tty: ['TT', tty],
  tname: ['TTY', tty],
  time: ['TIME', () => '00:00:00'],
  cputime: ['TIME', () => '00:00:00'],
  etime: ['ELAPSED', (p, now) => elapsed(now - p.info.started)],
  rss: ['RSS', (p) => String(footprint(p.info).rss)],
  rssize: ['RSS', (p) => String(footprint(p.info).rss)],
  vsz: ['VSZ', (p) => String(footprint(p.info).vsz)],
  '%cpu': ['%CPU', () => '0.0'],
  pcpu: ['%CPU', () => '0.0'],
  '%mem': ['%MEM', mem],
  pmem: ['%MEM', mem],
  c: ['C', () => '0'],
  stime: ['STIME', (p, now) => startTime(p.info.started, now)],
  start_time: ['START', (p, now) => startTime(p.info.started, now)],
  nlwp: ['NLWP', () => '1'],
};

const FULL = ['user:UID', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'];
const SHORT = ['pid', 'tname', 'time', 'ucmd'];
const BSD_USER = ['user', 'pid', '%cpu', '%mem', 'vsz', 'rss', 'tname', 'stat', 'start_time:START', 'time:bsd', 'args'];
const BSD_JOBS = ['pid', 'tname', 'stat', 'time:bsd', 'args'];

/** A `ps` failure as moby reports it: the first line of ps's stderr, under `ps: `. */
const psError = (line: string) => new DaemonError('system', `ps: ${line}`);

/** Which columns `ps <psArgs>` prints (procps-ng 4's option parser, the part learners reach for). */
function columns(psArgs: string): string[] {
  const words = psArgs.split(' ');
  let sysv: 'full' | 'short' | undefined;
  let bsd: 'user' | 'jobs' | undefined;
  const custom: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w === '') continue;
    if (w.startsWith('-')) {
      const letters = w.slice(1);
      for (let j = 0; j < letters.length; j++) {
        const ch = letters[j]!;
        if (ch === 'o') {
          const spec = letters.slice(j + 1) || words[++i];
          if (spec === undefined) throw psError('error: format specification must follow -o');
          custom.push(...spec.split(','));
          break;
        }
        if (ch === 'f') sysv = 'full';
        else if (ch === 'x') bsd ??= 'jobs';
        else if ('eAadN'.includes(ch)) sysv ??= 'short';
        else if (ch === 'w') continue;
        else throw psError('error: unsupported SysV option');
      }
      continue;
    }
    for (let j = 0; j < w.length; j++) {
      const ch = w[j]!;
      if (ch === 'o') {
        const spec = w.slice(j + 1) || words[++i];
        if (spec === undefined) throw psError('error: format specification must follow o');
        custom.push(...spec.split(','));
        break;
      }
      if (ch === 'q') {
        // a process list selects, it does not format
        if (w.slice(j + 1) === '' && words[++i] === undefined) throw psError('error: List of process IDs must follow q.');
        break;
      }
      if (ch === 'u') bsd = 'user';
      else if ('axwe'.includes(ch)) bsd ??= 'jobs';
      else throw psError('error: unsupported option (BSD syntax)');
    }
  }
  if (custom.length > 0) return custom;
  if (bsd === 'user') return BSD_USER;
  if (sysv === 'full') return FULL;
  if (bsd === 'jobs') return BSD_JOBS;
  return SHORT;
}

/**
 * The table moby returns for `docker top`: ps's header split into titles,
 * each row split the same way with its last column keeping its spaces.
 */
export function topTable(procs: HostProcess[], psArgs: string, now: number): ProcessList {
  const cols = columns(psArgs === '' ? '-ef' : psArgs).map((spec) => {
    const [key = '', rename] = spec.split(/[:=](.*)/s);
    const f = FIELDS[key.toLowerCase()];
    if (!f) throw psError(`error: unknown user-defined format specifier "${key}"`);
    let [title, value] = f;
    if (rename === 'bsd') value = () => '0:00';
    else if (rename !== undefined) title = rename;
    // `pid=` names no header: ps prints none, and moby finds no PID title
    if (spec.endsWith('=')) title = '';
    return { title, value };
  });
  const titles = cols.map((c) => c.title).join(' ').split(/\s+/).filter((t) => t !== '');
  const pidIndex = titles.indexOf('PID');
  if (pidIndex < 0) throw new DaemonError('system', "Couldn't find PID field in ps output");
  const sorted = [...procs].sort((a, b) => a.pid - b.pid);
  const rows = sorted.map((p) => {
    const fields = cols.map((c) => c.value(p, now)).join(' ').split(/\s+/).filter((f) => f !== '');
    return [...fields.slice(0, titles.length - 1), fields.slice(titles.length - 1).join(' ')];
  });
  return { Titles: titles, Processes: rows };
}

