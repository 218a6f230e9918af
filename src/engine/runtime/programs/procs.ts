// Process tools: ps, top, kill, pgrep/pkill, free, uptime — busybox applets
// and procps-ng 3.3.10 (Ubuntu 16.04), over the PID namespace's process table.
//
// The busybox build is the one the reference busybox image carries (DESKTOP
// on, FEATURE_PS_TIME off, no per-CPU top column): `ps` prints
// `PID   USER     COMMAND`, as the recorded corpus shows. Formats follow
// busybox procps/{ps,top,free,uptime,kill,pgrep}.c and procps-ng
// ps/output.c, top/top.c, free.c, proc/whattime.c, skill.c, pgrep.c.
import { Signals, type ProcessContext, type ProcessInfo, type Program } from '../process.ts';
import { basename } from '../sh/path.ts';
import { signalName, signalNumber } from '../sh/util.ts';
import { type Flavour, type Tool, Exit, program } from './common.ts';
import type { SystemInfo } from './system.ts';

/** The processes tools may signal: ProcessContext plus the engine's kill when offered. */
type KillingContext = ProcessContext & { kill?(pid: number, signal: number): boolean };

/** /proc/meminfo of the simulated machine, kB. */
const MEM = { total: 8_039_420, free: 6_912_344, shared: 10_152, buffers: 6_608, cached: 712_408, available: 7_390_056, swap: 1_048_572 };
const LOAD = [0.08, 0.03, 0.01];
/** The VM booted this long before the first process of the table started (ms). */
const BOOT_LEAD = 8 * 60_000 + 12_000;

/** The process tools of a flavour, by command name. */
export function processPrograms(f: Flavour, _sys: SystemInfo): Map<string, Program> {
  return new Map<string, Program>([
    ['ps', f === 'gnu' ? procpsPs() : busyboxPs()],
    ['top', top(f)],
    ['kill', kill(f)],
    ['pgrep', pgrep(f, false)],
    ['pkill', pgrep(f, true)],
    ['free', free(f)],
    ['uptime', uptime(f)],
  ]);
}

// ---- shared views of a process --------------------------------------------

function table(ctx: ProcessContext): ProcessInfo[] {
  return [...ctx.processes()].sort((a, b) => a.pid - b.pid);
}

/** The kernel's comm: the executable's base name, 15 characters at most. */
function comm(p: ProcessInfo): string {
  return basename(p.argv[0] ?? '').slice(0, 15);
}

function args(p: ProcessInfo): string {
  return p.argv.length ? p.argv.join(' ') : `[${comm(p)}]`;
}

/** Plausible virtual and resident sizes (kB): bash is bigger than a busybox applet. */
function memory(f: Flavour, p: ProcessInfo): { vsz: number; rss: number; shr: number } {
  if (f === 'busybox') return { vsz: 2268, rss: 1024, shr: 896 };
  const c = comm(p);
  if (c === 'bash') return { vsz: 18_236, rss: 3_284, shr: 2_812 };
  if (c === 'top') return { vsz: 36_632, rss: 3_052, shr: 2_592 };
  if (c === 'ps') return { vsz: 34_424, rss: 2_876, shr: 2_444 };
  return { vsz: 4_384, rss: 764, shr: 700 };
}

function uptimeSeconds(ctx: ProcessContext, procs: ProcessInfo[]): number {
  const first = Math.min(ctx.now(), ...procs.map((p) => p.started));
  return Math.floor((ctx.now() - first + BOOT_LEAD) / 1000);
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function clock(ms: number): string {
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
}

/** procps STIME/START: HH:MM today, MonDD this year, else the year. */
function stime(start: number, now: number): string {
  const s = new Date(start);
  const n = new Date(now);
  if (s.getUTCFullYear() !== n.getUTCFullYear()) return String(s.getUTCFullYear());
  if (s.getUTCMonth() !== n.getUTCMonth() || s.getUTCDate() !== n.getUTCDate()) return `${MONTHS[s.getUTCMonth()]}${pad2(s.getUTCDate())}`;
  return `${pad2(s.getUTCHours())}:${pad2(s.getUTCMinutes())}`;
}

function loadavg(): string {
  return LOAD.map((l) => l.toFixed(2)).join(', ');
}

// ---- busybox ps -------------------------------------------------------------

interface BbColumn {
  width: number;
  header: string;
  /** The cell's text; numbers are right-aligned in the column's width. */
  value: (p: ProcessInfo, width: number) => string;
}

const alpine = (t: Tool) => t.ctx.fs.exists('/etc/alpine-release');

function busyboxColumns(t: Tool): Record<string, BbColumn> {
  const self = t.ctx.pid;
  const num = (n: number) => (_p: ProcessInfo, w: number) => String(n).padStart(w);
  return {
    user: { width: 8, header: 'USER', value: (p) => p.user },
    group: { width: 8, header: 'GROUP', value: (p) => (p.user === 'root' ? 'root' : p.user) },
    comm: { width: 16, header: 'COMMAND', value: comm },
    args: { width: 2048, header: 'COMMAND', value: args },
    pid: { width: 5, header: 'PID', value: (p, w) => String(p.pid).padStart(w) },
    ppid: { width: 5, header: 'PPID', value: (p, w) => String(p.ppid).padStart(w) },
    pgid: { width: 5, header: 'PGID', value: num(1) },
    nice: { width: 5, header: 'NI', value: num(0) },
    rgroup: { width: 8, header: 'RGROUP', value: (p) => (p.user === 'root' ? 'root' : p.user) },
    ruser: { width: 8, header: 'RUSER', value: (p) => p.user },
    // Alpine's busybox 1.37 has the TIME column; Debian's 1.35 build does not
    ...(alpine(t) ? { time: { width: 5, header: 'TIME', value: (_p: ProcessInfo, w: number) => '0:00'.padStart(w) } } : {}),
    tty: { width: 6, header: 'TT', value: (p) => (p.tty ? '136,0' : '?') },
    vsz: { width: 4, header: 'VSZ', value: (p) => String(memory('busybox', p).vsz) },
    sid: { width: 5, header: 'SID', value: num(1) },
    stat: { width: 4, header: 'STAT', value: (p) => (p.pid === self ? 'R' : 'S') },
    rss: { width: 4, header: 'RSS', value: (p) => String(memory('busybox', p).rss) },
  };
}

function busyboxPs(): Program {
  return program('busybox', (t, argv) => {
    const { all } = t.parse(argv, { flags: 'ZaAdeflT', values: 'o', usage: 'ps [-o COL1,COL2=HEADER] [-T]' });
    const specs = busyboxColumns(t);
    const cols: BbColumn[] = [];
    const find = (name: string): BbColumn => {
      const c = specs[name.slice(0, 6)] ?? Object.entries(specs).find(([k]) => k === name)?.[1];
      if (!c) {
        t.err(`bad -o argument '${name}', supported arguments: ${Object.keys(specs).join(',')}`);
        throw new Exit(1);
      }
      return { ...c };
    };
    const parseO = (opt: string) => {
      // comma-separated names; the last one may carry =HEADER (which may hold commas)
      let rest = opt;
      for (;;) {
        const comma = rest.indexOf(',');
        const equal = rest.indexOf('=');
        if (comma >= 0 && (equal < 0 || equal > comma)) {
          cols.push(find(rest.slice(0, comma)));
          rest = rest.slice(comma + 1);
          continue;
        }
        const c = find(equal >= 0 ? rest.slice(0, equal) : rest);
        cols.push(c);
        if (equal < 0) return;
        const after = rest.slice(equal + 1);
        const next = after.indexOf(',');
        c.header = next >= 0 ? after.slice(0, next) : after;
        if (c.header) c.width = c.header.length;
        if (next < 0) return;
        rest = after.slice(next + 1);
      }
    };
    const os = all.filter(([k]) => k === 'o').map(([, v]) => v);
    if (os.length) for (const o of os) parseO(o);
    // busybox 1.37 as Alpine and the Hub's busybox build it shows TIME;
    // Debian's 1.35 build (the busybox image here) does not
    else parseO(alpine(t) ? 'pid,user,time,args' : 'pid,user,args');
    // columns that would end past 2048 characters (args, say) are dropped
    let width = 0;
    const shown = cols.findIndex((c) => (width += c.width + 1) > 2048);
    if (shown >= 0) cols.length = shown + 1;
    const line = (cells: string[]) => cells.map((c, i) => (i < cells.length - 1 ? c.padEnd(cols[i]!.width) + ' ' : c)).join('');
    if (cols.some((c) => c.header)) t.out(line(cols.map((c) => c.header)) + '\n');
    for (const p of table(t.ctx)) t.out(line(cols.map((c) => c.value(p, c.width).slice(0, c.width) || '-')) + '\n');
    return 0;
  });
}

// ---- procps ps ----------------------------------------------------------------

interface PsField {
  header: string;
  width: number;
  align: 'right' | 'left' | 'user' | 'unlimited';
  value: (p: ProcessInfo) => string;
}

function procpsFields(t: Tool, full: boolean): Record<string, PsField> {
  const now = t.ctx.now();
  const self = t.ctx.pid;
  const tty = (p: ProcessInfo) => (p.tty ? 'pts/0' : '?');
  const stat = (p: ProcessInfo) => (p.pid === self ? 'R' : 'S') + (p.pid === 1 ? 's' : '') + (p.tty ? '+' : '');
  const pmem = (p: ProcessInfo) => ((memory('gnu', p).rss * 100) / MEM.total).toFixed(1);
  const f = (header: string, width: number, align: PsField['align'], value: PsField['value']): PsField => ({ header, width, align, value });
  const cmd = f('CMD', 27, 'unlimited', full ? args : comm);
  return {
    pid: f('PID', 5, 'right', (p) => String(p.pid)),
    ppid: f('PPID', 5, 'right', (p) => String(p.ppid)),
    pgid: f('PGID', 5, 'right', (p) => String(p.pid)),
    sid: f('SID', 5, 'right', () => '1'),
    user: f('USER', 8, 'user', (p) => p.user),
    uid_hack: f('UID', 8, 'user', (p) => p.user),
    euser: f('EUSER', 8, 'user', (p) => p.user),
    ruser: f('RUSER', 8, 'user', (p) => p.user),
    uid: f('UID', 5, 'right', (p) => (p.user === 'root' ? '0' : /^\d+$/.test(p.user) ? p.user : '1000')),
    group: f('GROUP', 8, 'user', (p) => (p.user === 'root' ? 'root' : p.user)),
    c: f('C', 2, 'right', () => '0'),
    pcpu: f('%CPU', 4, 'right', () => '0.0'),
    '%cpu': f('%CPU', 4, 'right', () => '0.0'),
    pmem: f('%MEM', 4, 'right', pmem),
    '%mem': f('%MEM', 4, 'right', pmem),
    vsz: f('VSZ', 6, 'right', (p) => String(memory('gnu', p).vsz)),
    rss: f('RSS', 5, 'right', (p) => String(memory('gnu', p).rss)),
    tname: f('TTY', 8, 'left', tty),
    tty: f('TT', 8, 'left', tty),
    stat: f('STAT', 4, 'left', stat),
    s: f('S', 1, 'left', (p) => (p.pid === self ? 'R' : 'S')),
    ni: f('NI', 3, 'right', () => '0'),
    nice: f('NI', 3, 'right', () => '0'),
    pri: f('PRI', 3, 'right', () => '19'),
    stime: f('STIME', 5, 'right', (p) => stime(p.started, now)),
    start_time: f('START', 5, 'right', (p) => stime(p.started, now)),
    time: f('TIME', 8, 'right', () => '00:00:00'),
    cputime: f('TIME', 8, 'right', () => '00:00:00'),
    bsdtime: f('TIME', 6, 'right', () => '0:00'),
    etime: f('ELAPSED', 11, 'right', (p) => elapsed(now - p.started)),
    cmd,
    args: f('COMMAND', 27, 'unlimited', args),
    command: f('COMMAND', 27, 'unlimited', args),
    comm: f('COMMAND', 15, 'unlimited', full ? args : comm),
    ucmd: f('CMD', 15, 'unlimited', full ? args : comm),
  };
}

/** procps etime: [[dd-]hh:]mm:ss */
function elapsed(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const ss = s % 60;
  s = Math.floor(s / 60);
  const mm = s % 60;
  s = Math.floor(s / 60);
  const hh = s % 24;
  const dd = Math.floor(s / 24);
  return (dd ? `${dd}-` : '') + (dd || hh ? `${pad2(hh)}:` : '') + `${pad2(mm)}:${pad2(ss)}`;
}

const PS_USAGE_TAIL = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

function procpsPs(): Program {
  return program('gnu', (t, argv) => {
    const fail = (msg: string): never => {
      t.ctx.stderr.write(`error: ${msg}\n${PS_USAGE_TAIL}`);
      throw new Exit(1);
    };
    let all = false;
    let full = false;
    let bsdA = false;
    let bsdX = false;
    let bsdU = false;
    let noHeaders = false;
    const formats: string[] = [];
    const pids: number[] = [];
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!;
      if (a === '--no-headers' || a === '--no-heading') {
        noHeaders = true;
        continue;
      }
      if (a.startsWith('--')) fail('unknown gnu long option');
      if (!a.startsWith('-')) {
        // BSD options: no dash
        for (const c of a) {
          if (c === 'a') bsdA = true;
          else if (c === 'x') bsdX = true;
          else if (c === 'u') bsdU = true;
          else if (c === 'e' || c === 'w') continue;
          else fail('unsupported option (BSD syntax)');
        }
        continue;
      }
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (c === 'e' || c === 'A') all = true;
        else if (c === 'f') full = true;
        else if (c === 'w') continue;
        else if (c === 'o' || c === 'p') {
          const v = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
          if (v === undefined) fail(c === 'o' ? 'format specification must follow -o' : 'list of process IDs must follow -p');
          if (c === 'o') formats.push(v!);
          else {
            for (const s of v!.split(/[ ,]/)) {
              if (!/^\d+$/.test(s) || Number(s) === 0) fail('process ID list syntax error');
              pids.push(Number(s));
            }
          }
          break;
        } else fail('unsupported SysV option');
      }
    }
    const fields = procpsFields(t, full);
    let names: string[];
    let headers: (string | null)[];
    if (formats.length) {
      names = [];
      headers = [];
      for (const fmt of formats) {
        // after '=' the rest of the argument is the header, commas included
        const eq = fmt.indexOf('=');
        const specs = (eq >= 0 ? fmt.slice(0, eq) : fmt).split(/[ ,]+/).filter(Boolean);
        specs.forEach((name, i) => {
          if (!(name in fields)) fail(`unknown user-defined format specifier "${name}"`);
          names.push(name);
          headers.push(eq >= 0 && i === specs.length - 1 ? fmt.slice(eq + 1) : null);
        });
      }
    } else if (bsdU) {
      names = ['user', 'pid', 'pcpu', 'pmem', 'vsz', 'rss', 'tname', 'stat', 'start_time', 'bsdtime', 'args'];
      headers = names.map(() => null);
      fields.args = { ...fields.args!, header: 'COMMAND' };
    } else if (bsdA || bsdX) {
      names = ['pid', 'tname', 'stat', 'bsdtime', 'args'];
      headers = names.map(() => null);
    } else {
      names = full ? ['uid_hack', 'pid', 'ppid', 'c', 'stime', 'tname', 'time', 'cmd'] : ['pid', 'tname', 'time', 'cmd'];
      headers = names.map(() => null);
    }
    const procs = table(t.ctx);
    const me = procs.find((p) => p.pid === t.ctx.pid);
    const selected = procs.filter((p) => {
      if (pids.length) return pids.includes(p.pid);
      if (all || (bsdA && bsdX)) return true;
      if (bsdA) return p.tty;
      if (bsdX) return p.user === (me?.user ?? 'root');
      return p.tty === (me?.tty ?? false) && p.user === (me?.user ?? 'root');
    });
    const cols = names.map((n, i) => {
      const fd = fields[n]!;
      const h = headers[i];
      return { ...fd, header: h ?? fd.header, width: h ? Math.max(fd.width, h.length) : fd.width };
    });
    const render = (cells: string[], header: boolean) => {
      let out = '';
      cells.forEach((v, i) => {
        const c = cols[i]!;
        const last = i === cells.length - 1;
        const sep = i ? ' ' : '';
        if (c.align === 'right') out += sep + v.padStart(c.width);
        else if (last) out += sep + v;
        else if (c.align === 'user' && !header && v.length > c.width) out += sep + v;
        else out += sep + v.padEnd(c.width);
      });
      return out.replace(/ +$/, '');
    };
    if (!noHeaders && cols.some((c) => c.header)) t.out(render(cols.map((c) => c.header), true) + '\n');
    for (const p of selected) t.out(render(cols.map((c) => c.value(p)), false) + '\n');
    return selected.length ? 0 : 1;
  });
}

// ---- top ----------------------------------------------------------------------

interface TopOptions {
  batch: boolean;
  iterations: number;
  delay: number;
}

function top(f: Flavour): Program {
  return program(f, async (t, argv) => {
    const gnu = f === 'gnu';
    const o: TopOptions = { batch: false, iterations: 0, delay: gnu ? 3 : 5 };
    const bad = (msg: string): never => {
      if (gnu) {
        t.ctx.stderr.write(`top: ${msg}\nUsage:\n  top -hv | -bcHiOSs -d secs -n max -u|U user -p pid(s) -o field -w [cols]\n`);
        throw new Exit(1);
      }
      return t.usageError(msg, { usage: 'top [-bmH] [-n COUNT] [-d SECONDS]' });
    };
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i]!.replace(/^-/, '');
      for (let k = 0; k < a.length; k++) {
        const c = a[k]!;
        if (c === 'b') o.batch = true;
        else if (c === 'n' || c === 'd') {
          const v = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
          if (v === undefined) bad(gnu ? `-${c} requires argument` : `option requires an argument -- '${c}'`);
          const n = Number(v!.replace(/^-/, ''));
          if (!Number.isFinite(n) || n < 0 || (c === 'n' && !Number.isInteger(n))) {
            if (gnu) bad(c === 'n' ? `bad iterations argument '${v}'` : `bad delay interval '${v}'`);
            t.err(`invalid number '${v}'`);
            throw new Exit(1);
          }
          if (c === 'n') o.iterations = n;
          else o.delay = n;
          break;
        } else if (!gnu && (c === 'H' || c === 'm')) continue;
        else bad(gnu ? `unknown option '${c}'` : `invalid option -- '${c}'`);
      }
    }
    if (gnu && !o.batch && !t.ctx.tty) {
      // ncurses' setupterm needs TERM, then top needs a terminal on stdin
      t.ctx.stderr.write(t.ctx.env.get('TERM') ? 'top: failed tty get\n' : 'TERM environment variable not set.\n');
      return 1;
    }
    return runTop(t, f, o);
  });
}

async function runTop(t: Tool, f: Flavour, o: TopOptions): Promise<number> {
  const ctx = t.ctx;
  const screen = !o.batch;
  let stop: number | null = null;
  let wake: () => void = () => {};
  const end = (status: number) => {
    stop = status;
    wake();
  };
  // busybox dies of a fatal signal after restoring the terminal; procps ends cleanly
  for (const sig of [Signals.SIGINT, Signals.SIGTERM, Signals.SIGHUP, Signals.SIGQUIT]) {
    ctx.onSignal(sig, (s) => end(f === 'gnu' ? 0 : 128 + s));
  }
  let reading = true;
  const readKeys = async () => {
    while (reading) {
      const chunk = await ctx.stdin.read().catch(() => null);
      if (chunk === null) return; // end of input: keep refreshing
      if (/[qQ\x03\x04]/.test(chunk)) return end(0);
    }
  };
  if (screen) void readKeys();
  for (let n = 1; ; n++) {
    ctx.stdout.write(frame(t, f, screen));
    if (o.iterations && n >= o.iterations) break;
    // a kill (SIGKILL, the end of PID 1) rejects the sleep: the process is over
    await new Promise<void>((resolve, reject) => {
      wake = resolve;
      if (stop !== null) return resolve();
      ctx.sleep(o.delay * 1000).then(resolve, reject);
    });
    if (stop !== null) break;
  }
  reading = false;
  if (f === 'busybox') ctx.stdout.write('\n');
  return stop ?? 0;
}

function frame(t: Tool, f: Flavour, screen: boolean): string {
  const procs = table(t.ctx);
  const self = t.ctx.pid;
  const lines: string[] = [];
  const clear = screen ? '\x1b[H\x1b[J' : '';
  if (f === 'busybox') {
    const used = MEM.total - MEM.free;
    lines.push(`${clear}Mem: ${used}K used, ${MEM.free}K free, ${MEM.shared}K shrd, ${MEM.buffers}K buff, ${MEM.cached}K cached`);
    lines.push('CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq');
    lines.push(`Load average: ${LOAD.map((l) => l.toFixed(2)).join(' ')} 1/${procs.length + 120} ${Math.max(...procs.map((p) => p.pid))}`);
    const head = '  PID  PPID USER     STAT   VSZ %VSZ %CPU COMMAND';
    let out = lines.join('\n') + '\n' + (screen ? `\x1b[7m${head}\x1b[m` : head);
    const rows = [...procs].sort((a, b) => memory(f, b).vsz - memory(f, a).vsz || a.pid - b.pid);
    for (const p of screen ? rows.slice(0, 20) : rows) {
      const ppu = `${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)}`;
      const state = (p.pid === self ? 'R' : 'S').padEnd(3);
      const vsz = memory(f, p).vsz;
      const pvsz = Math.round((vsz * 100) / MEM.total);
      out += `\n${ppu} ${state}  ${String(vsz).padStart(5)}${String(pvsz).padStart(4)}%   0% ${args(p)}`;
    }
    return out + (screen ? '\r' : '\n');
  }
  const now = t.ctx.now();
  const up = uptimeSeconds(t.ctx, procs);
  const running = procs.filter((p) => p.pid === self).length;
  lines.push(`${clear}top - ${clock(now)} ${upText(up)},  0 users,  load average: ${loadavg()}`);
  lines.push(`Tasks: ${String(procs.length).padStart(3)} total, ${String(running).padStart(3)} running, ${String(procs.length - running).padStart(3)} sleeping,   0 stopped,   0 zombie`);
  lines.push('%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st');
  const k = (n: number) => `${n} `.padStart(9);
  const used = MEM.total - MEM.free - MEM.buffers - MEM.cached;
  lines.push(`KiB Mem : ${k(MEM.total)}total, ${k(MEM.free)}free, ${k(used)}used, ${k(MEM.buffers + MEM.cached)}buff/cache`);
  lines.push(`KiB Swap: ${k(MEM.swap)}total, ${k(MEM.swap)}free, ${k(0)}used. ${k(MEM.available)}avail Mem`);
  lines.push('');
  lines.push('  PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND');
  const rows = screen ? procs.slice(0, 17) : procs;
  for (const p of rows) {
    const m = memory(f, p);
    const pmem = ((m.rss * 100) / MEM.total).toFixed(1);
    const user = p.user.length > 8 ? p.user.slice(0, 7) + '+' : p.user.padEnd(8);
    lines.push(
      `${String(p.pid).padStart(5)} ${user}  20   0 ${String(m.vsz).padStart(7)} ${String(m.rss).padStart(6)} ${String(m.shr).padStart(6)} ${p.pid === self ? 'R' : 'S'}   0.0 ${pmem.padStart(4)}   0:00.00 ${comm(p)}`,
    );
  }
  return lines.join('\n') + '\n' + (screen ? '' : '\n');
}

/** procps' "up ..." part of uptime and top's first line. */
function upText(secs: number): string {
  const days = Math.floor(secs / 86_400);
  const hours = Math.floor(secs / 3600) % 24;
  const mins = Math.floor(secs / 60) % 60;
  let s = 'up ';
  if (days) s += `${days} day${days !== 1 ? 's' : ''}, `;
  s += hours ? `${String(hours).padStart(2)}:${pad2(mins)}` : `${mins} min`;
  return s;
}

// ---- kill ---------------------------------------------------------------------

function kill(f: Flavour): Program {
  return program(f, (t, argv) => {
    const ctx = t.ctx as KillingContext;
    const send = (pid: number, sig: number) => (pid === ctx.pid ? true : (ctx.kill?.(pid, sig) ?? false));
    if (f === 'gnu') return procpsKill(t, argv, send);
    let sig: number = Signals.SIGTERM;
    let k = 0;
    const a0 = argv[0];
    if (a0 === '-l') {
      const names = Array.from({ length: 31 }, (_, i) => i + 1).filter((n) => signalName(n) !== String(n));
      if (argv[1] === undefined) {
        for (const n of names) t.out(`${String(n).padStart(2)}) ${signalName(n)}\n`);
        return 0;
      }
      for (const a of argv.slice(1)) {
        const n = /^\d+$/.test(a) ? Number(a) & 0x7f : signalNumber(a);
        if (n === null || (!/^\d+$/.test(a) && n === 0)) {
          t.err(`unknown signal '${a}'`);
          return 1;
        }
        t.out((/^\d+$/.test(a) ? signalName(n) : String(n)) + '\n');
      }
      return 0;
    }
    if (a0 === '-s') {
      const n = signalNumber(argv[1] ?? '');
      if (n === null) {
        t.err(`bad signal name '${argv[1] ?? ''}'`);
        return 1;
      }
      sig = n;
      k = 2;
    } else if (a0 !== undefined && a0.startsWith('-') && a0 !== '--' && a0.length > 1) {
      const n = signalNumber(a0.slice(1));
      if (n === null) {
        t.err(`bad signal name '${a0.slice(1)}'`);
        return 1;
      }
      sig = n;
      k = 1;
    }
    if (argv[k] === '--') k++;
    const targets = argv.slice(k);
    if (!targets.length) {
      t.err('you need to specify whom to kill');
      return 1;
    }
    let status = 0;
    for (const s of targets) {
      if (!/^-?\d+$/.test(s)) {
        t.err(`invalid number '${s}'`);
        status = 1;
      } else if (!send(Number(s), sig)) {
        t.err(`can't kill pid ${s}: No such process`);
        status = 1;
      }
    }
    return status;
  });
}

const KILL_USAGE = `
Usage:
 kill [options] <pid> [...]

Options:
 <pid> [...]            send signal to every <pid> listed
 -<signal>, -s, --signal <signal>
                        specify the <signal> to be sent
 -l, --list=[<signal>]  list all signal names, or convert one to a name
 -L, --table            list all signal names in a nice table

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see kill(1).
`;

function procpsKill(t: Tool, argv: string[], send: (pid: number, sig: number) => boolean): number {
  const usage = (): never => {
    t.ctx.stderr.write(KILL_USAGE);
    throw new Exit(1);
  };
  if (!argv.length) usage();
  let sig: number = Signals.SIGTERM;
  let k = 0;
  const a0 = argv[0]!;
  if (a0 === '-l' || a0 === '--list' || a0.startsWith('--list=') || (a0.startsWith('-l') && a0.length > 2)) {
    const arg = a0.startsWith('--list=') ? a0.slice(7) : a0.startsWith('-l') && a0.length > 2 ? a0.slice(2) : null;
    if (arg === null) {
      const names = Array.from({ length: 31 }, (_, i) => i + 1).map((n) => signalName(n));
      t.out(names.join(' ') + '\n');
      return 0;
    }
    const n = signalNumber(arg);
    if (n === null) t.err(`unknown signal name ${arg}`);
    else t.out((/^\d+$/.test(arg) ? signalName(n) : String(n)) + '\n');
    return 0;
  }
  if (a0 === '-h' || a0 === '--help') {
    t.out(KILL_USAGE);
    return 0;
  }
  if (a0 === '-s' || a0 === '--signal') {
    sig = signalNumber(argv[1] ?? '') ?? -1;
    k = 2;
  } else if (a0.startsWith('-') && a0.length > 1 && a0 !== '--') {
    const n = signalNumber(a0.slice(1));
    if (n === null) {
      t.err(`invalid argument ${a0[1]}`);
      usage();
    }
    sig = n!;
    k = 1;
  }
  if (argv[k] === '--') k++;
  let status = 0;
  for (const s of argv.slice(k)) {
    if (!/^-?\d+$/.test(s)) {
      t.err(`failed to parse argument: '${s}'`);
      return 1;
    }
    // procps 3.3.10 reports nothing when kill(2) fails, only the status
    if (sig < 0 || !send(Number(s), sig)) status = 1;
  }
  return status;
}

// ---- pgrep / pkill ------------------------------------------------------------

function pgrep(f: Flavour, signals: boolean): Program {
  return program(f, (t, argv) => {
    const name = signals ? 'pkill' : 'pgrep';
    const ctx = t.ctx as KillingContext;
    let sig: number = Signals.SIGTERM;
    const rest: string[] = [];
    for (const a of argv) {
      const n = signals && /^-[A-Za-z0-9]+$/.test(a) && a.length > 2 ? signalNumber(a.slice(1)) : null;
      if (n !== null) sig = n;
      else rest.push(a);
    }
    const gnuSpec = { flags: 'flxnovac', values: 'd', long: { full: 'f', exact: 'x', newest: 'n', oldest: 'o', inverse: 'v', count: 'c', 'list-name': 'l', 'list-full': 'a', 'delimiter=': 'd' }, usageStatus: 2 };
    const bbUsage = signals ? 'pkill [-l|-SIGNAL] [-xfvnoe] [-s SID|-P PPID|PATTERN]' : 'pgrep [-flanovx] [-s SID|-P PPID|PATTERN]';
    const { opts, args: operands } = t.parse(rest, f === 'gnu' ? gnuSpec : { flags: 'vlafxone', values: 'sP', usage: bbUsage });
    if (operands.length !== 1) {
      if (f === 'gnu') {
        t.ctx.stderr.write(`${name}: ${operands.length ? 'only one pattern can be provided' : 'no matching criteria specified'}\nTry \`${name} --help' for more information.\n`);
        return 2;
      }
      return t.usageError('', { usage: bbUsage });
    }
    let re: RegExp;
    try {
      re = new RegExp(operands[0]!);
    } catch {
      t.err(f === 'gnu' ? 'regex error' : `bad regex '${operands[0]}'`);
      return f === 'gnu' ? 2 : 1;
    }
    const full = opts.has('f');
    const procs = table(ctx).filter((p) => {
      if (p.pid === ctx.pid) return false;
      // procps matches the name; busybox argv[0], then the name
      const subjects = full ? [args(p)] : f === 'gnu' ? [comm(p)] : [p.argv[0] ?? '', comm(p)];
      const hit = subjects.some((s) => (opts.has('x') ? new RegExp(`^(?:${re.source})$`).test(s) : re.test(s)));
      return opts.has('v') ? !hit : hit;
    });
    let found = procs;
    if (opts.has('n') && procs.length) found = [procs.reduce((a, b) => (b.started > a.started || (b.started === a.started && b.pid > a.pid) ? b : a))];
    if (opts.has('o') && procs.length) found = [procs.reduce((a, b) => (b.started < a.started || (b.started === a.started && b.pid < a.pid) ? b : a))];
    if (signals) {
      for (const p of found) ctx.kill?.(p.pid, sig);
    } else if (opts.has('c')) {
      t.out(`${found.length}\n`);
    } else {
      const lines = found.map((p) => (opts.has('a') ? `${p.pid} ${args(p)}` : opts.has('l') ? `${p.pid} ${f === 'gnu' ? comm(p) : p.argv[0] ?? comm(p)}` : String(p.pid)));
      if (f === 'gnu' && opts.has('d')) {
        if (lines.length) t.out(lines.join(opts.get('d')) + '\n');
      } else for (const l of lines) t.out(l + '\n');
    }
    return found.length ? 0 : 1;
  });
}

// ---- free / uptime ----------------------------------------------------------------

function free(f: Flavour): Program {
  return program(f, (t, argv) => {
    let unit = 'k' as 'b' | 'k' | 'm' | 'g' | 'h';
    if (f === 'busybox') {
      // busybox looks at the first argument only
      const a = argv[0];
      if (a?.startsWith('-')) {
        const c = a[1] ?? '';
        if (!'bkmgh'.includes(c) || !c) return t.usageError('', { usage: 'free [-bkmgh]' });
        unit = c as typeof unit;
      }
    } else {
      const { opts } = t.parse(argv, { flags: 'bkmgh', long: { bytes: 'b', kilo: 'k', mega: 'm', giga: 'g', human: 'h' } });
      for (const c of 'bkmgh') if (opts.has(c)) unit = c as typeof unit;
    }
    const used = MEM.total - MEM.free - MEM.buffers - MEM.cached;
    const show = (kb: number): string => {
      if (unit === 'b') return String(kb * 1024);
      if (unit === 'k') return String(kb);
      if (unit === 'm') return String(Math.floor(kb / 1024));
      if (unit === 'g') return String(Math.floor(kb / 1024 / 1024));
      return f === 'gnu' ? procpsHuman(kb) : busyboxHuman(kb);
    };
    const row = (label: string, values: number[]) => label.padEnd(7) + values.map((v) => ' ' + show(v).padStart(11)).join('') + '\n';
    t.out('              total        used        free      shared  buff/cache   available\n');
    t.out(row('Mem:', [MEM.total, used, MEM.free, MEM.shared, MEM.buffers + MEM.cached, MEM.available]));
    t.out(row('Swap:', [MEM.swap, 0, MEM.swap]));
    return 0;
  });
}

/** procps free -h: the first unit whose text fits in 4 characters. */
function procpsHuman(kb: number): string {
  if (String(kb * 1024).length + 1 <= 4) return `${kb * 1024}B`;
  if (String(kb).length + 1 <= 4) return `${kb}K`;
  for (const [i, u] of [[1, 'M'], [2, 'G'], [3, 'T']] as const) {
    const v = kb / 1024 ** i;
    const dec = `${v.toFixed(1)}${u}`;
    if (dec.length <= 4) return dec;
    const whole = `${Math.floor(v)}${u}`;
    if (whole.length <= 4) return whole;
  }
  return `${Math.floor(kb / 1024 ** 4)}T`;
}

/** busybox make_human_readable_str: one decimal, K/M/G suffix, bare 0. */
function busyboxHuman(kb: number): string {
  if (kb === 0) return '0';
  let v = kb;
  let i = 0;
  const units = ['K', 'M', 'G', 'T'];
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(1)}${units[i]}`;
}

function uptime(f: Flavour): Program {
  return program(f, (t) => {
    const secs = uptimeSeconds(t.ctx, table(t.ctx));
    t.out(` ${clock(t.ctx.now())} ${upText(secs)},  0 users,  load average: ${loadavg()}\n`);
    return 0;
  });
}
