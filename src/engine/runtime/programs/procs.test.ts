import { describe, expect, it } from 'vitest';
import type { ProcessContext, ProcessInfo } from '../process.ts';
import { Scheduler } from '../scheduler.ts';
import { Capture, Feed, MemFs, TestKernel } from '../sh/testing.ts';
import { type Flavour, programsFor } from './index.ts';

// Expected outputs: busybox lines are the reference engine's busybox image
// (also pinned in fidelity/corpus/processes); procps-ng 3.3.10 lines follow
// its column table (ps/output.c: pid 5 right, tname 8 left, time 8 right,
// uid_hack/user 8 left, stime 5, vsz 6, rss 5, stat 4 left, bsdtime 6) and
// format strings (top/top_nls.c, free.c, proc/whattime.c), as in
// https://gitlab.com/procps-ng/procps/-/tree/v3.3.10

const NOW = Date.UTC(2026, 10, 23, 13, 2, 6);

function proc(pid: number, ppid: number, argv: string[], extra: Partial<ProcessInfo> = {}): ProcessInfo {
  return { pid, ppid, argv, user: 'root', started: NOW - 60_000, tty: false, ...extra };
}

/** Runs one program over a fixed process table; the caller is the last process. */
async function run(flavour: Flavour, argv: string[], table: ProcessInfo[], opts: { tty?: boolean; env?: Record<string, string>; fs?: MemFs } = {}) {
  const out = new Capture();
  const program = programsFor(flavour).get(argv[0]!)!;
  const killed: [number, number][] = [];
  const me = table[table.length - 1]!;
  const ctx: ProcessContext & { kill(pid: number, sig: number): boolean } = {
    argv,
    env: new Map(Object.entries(opts.env ?? {})),
    cwd: '/',
    fs: opts.fs ?? new MemFs(),
    stdin: { read: async () => null },
    stdout: out,
    stderr: out,
    tty: opts.tty ?? false,
    pid: me.pid,
    hostname: 'box',
    sleep: async () => {},
    now: () => NOW,
    spawn: async () => 0,
    resolve: () => null,
    processes: () => table,
    listen: () => null,
    onSignal: () => {},
    yield: async () => {},
    kill: (pid, sig) => {
      if (!table.some((p) => p.pid === pid)) return false;
      killed.push([pid, sig]);
      return true;
    },
  };
  const status = await program(ctx);
  return { out: out.text, status, killed };
}

describe('busybox ps', () => {
  it('prints PID, USER and the command line', async () => {
    const r = await run('busybox', ['ps'], [proc(1, 0, ['sh', '-c', 'sleep 5 & ps']), proc(7, 1, ['sleep', '5']), proc(8, 1, ['ps'])]);
    expect(r.out).toBe('PID   USER     COMMAND\n    1 root     sh -c sleep 5 & ps\n    7 root     sleep 5\n    8 root     ps\n');
  });

  it('shows TIME on Alpine (busybox 1.37 as Alpine builds it)', async () => {
    const fs = new MemFs();
    fs.mkdir('/etc');
    fs.writeFile('/etc/alpine-release', new TextEncoder().encode('3.22.1\n'));
    const r = await run('busybox', ['ps'], [proc(1, 0, ['sh']), proc(8, 1, ['ps'])], { fs });
    expect(r.out).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sh\n    8 root      0:00 ps\n');
  });

  it('ignores BSD options and takes -o with headers', async () => {
    const t = [proc(1, 0, ['ps', 'aux'])];
    expect((await run('busybox', ['ps', 'aux'], t)).out).toBe('PID   USER     COMMAND\n    1 root     ps aux\n');
    expect((await run('busybox', ['ps', '-o', 'pid=ID,comm=NAME'], t)).out).toBe('ID NAME\n 1 ps\n');
    expect((await run('busybox', ['ps', '-o', 'pid=,comm='], t)).out).toBe('    1 ps\n');
    expect((await run('busybox', ['ps', '-o', 'pid,ppid,stat,tty'], [proc(1, 0, ['ps'], { tty: true })])).out).toBe(
      'PID   PPID  STAT TT\n    1     0 R    136,0\n',
    );
  });

  it('drops the columns after args, which fills the line', async () => {
    const r = await run('busybox', ['ps', '-o', 'pid,args,user'], [proc(1, 0, ['ps'])]);
    expect(r.out).toBe('PID   COMMAND\n    1 ps\n');
  });

  it('rejects an unknown column and a bad option', async () => {
    const t = [proc(1, 0, ['ps'])];
    expect(await run('busybox', ['ps', '-o', 'etime'], t)).toMatchObject({
      out: "ps: bad -o argument 'etime', supported arguments: user,group,comm,args,pid,ppid,pgid,nice,rgroup,ruser,tty,vsz,sid,stat,rss\n",
      status: 1,
    });
    const bad = await run('busybox', ['ps', '-aux'], t);
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/^ps: invalid option -- 'u'\nBusyBox v1\.37\.0 .*\n\nUsage: ps \[-o COL1,COL2=HEADER\] \[-T\]\n$/);
  });
});

describe('procps ps', () => {
  const t = [proc(1, 0, ['/bin/bash'], { tty: true }), proc(9, 1, ['sleep', '100'], { tty: true }), proc(12, 0, ['nginx', '-g', 'daemon off;']), proc(15, 1, ['ps'], { tty: true })];

  it('without options: the processes of this terminal, with the command name', async () => {
    expect((await run('gnu', ['ps'], t)).out).toBe(
      '  PID TTY          TIME CMD\n    1 pts/0    00:00:00 bash\n    9 pts/0    00:00:00 sleep\n   15 pts/0    00:00:00 ps\n',
    );
  });

  it('-ef: every process, full command lines, STIME', async () => {
    expect((await run('gnu', ['ps', '-ef'], t)).out).toBe(
      'UID        PID  PPID  C STIME TTY          TIME CMD\n' +
        'root         1     0  0 13:01 pts/0    00:00:00 /bin/bash\n' +
        'root         9     1  0 13:01 pts/0    00:00:00 sleep 100\n' +
        'root        12     0  0 13:01 ?        00:00:00 nginx -g daemon off;\n' +
        'root        15     1  0 13:01 pts/0    00:00:00 ps\n',
    );
  });

  it('aux: the BSD user format', async () => {
    const r = await run('gnu', ['ps', 'aux'], t);
    expect(r.out.split('\n').slice(0, 2)).toEqual([
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND',
      'root         1  0.0  0.0  18236  3284 pts/0    Ss+  13:01   0:00 /bin/bash',
    ]);
    expect(r.out).toContain('root        12  0.0  0.0   4384   764 ?        S    13:01   0:00 nginx -g daemon off;\n');
  });

  it('-e, -o and -p; -p without a match exits 1', async () => {
    expect((await run('gnu', ['ps', '-e'], t)).out).toContain('   12 ?        00:00:00 nginx\n');
    expect((await run('gnu', ['ps', '-o', 'pid,comm', '-p', '9'], t)).out).toBe('  PID COMMAND\n    9 sleep\n');
    expect((await run('gnu', ['ps', '-o', 'pid,user=NAME', '-p', '1'], t)).out).toBe('  PID NAME\n    1 root\n');
    expect((await run('gnu', ['ps', '-o', 'pid=X,comm=Y', '-p', '1'], t)).out).toBe('X,comm=Y\n       1\n');
    expect((await run('gnu', ['ps', '-o', 'pid=', '-o', 'comm=', '-p', '1'], t)).out).toBe('    1 bash\n');
    expect(await run('gnu', ['ps', '-p', '4242'], t)).toMatchObject({ out: '  PID TTY          TIME CMD\n', status: 1 });
  });

  it('STIME is the month and day for a process of another day', async () => {
    const r = await run('gnu', ['ps', '-ef'], [proc(1, 0, ['init'], { started: NOW - 2 * 86_400_000 }), proc(2, 1, ['ps'])]);
    expect(r.out.split('\n')[1]).toBe('root         1     0  0 Nov21 ?        00:00:00 init');
  });

  it('errors as procps prints them', async () => {
    const bad = await run('gnu', ['ps', '-o', 'nosuch'], t);
    expect(bad.status).toBe(1);
    expect(bad.out).toMatch(/^error: unknown user-defined format specifier "nosuch"\n\nUsage:\n ps \[options\]\n/);
    expect((await run('gnu', ['ps', '-Q'], t)).out).toMatch(/^error: unsupported SysV option\n/);
  });
});

describe('top', () => {
  it('busybox -b -n 1: Mem, CPU and Load lines, then the list', async () => {
    const r = await run('busybox', ['top', '-b', '-n', '1'], [proc(1, 0, ['top', '-b', '-n', '1'])]);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^Mem: \d+K used, \d+K free, \d+K shrd, \d+K buff, \d+K cached$/);
    expect(lines[1]).toMatch(/^CPU: +\d+% usr +\d+% sys +\d+% nic +\d+% idle +\d+% io +\d+% irq +\d+% sirq$/);
    expect(lines[2]).toMatch(/^Load average: \d\.\d\d \d\.\d\d \d\.\d\d \d+\/\d+ 1$/);
    expect(lines.slice(3)).toEqual(['  PID  PPID USER     STAT   VSZ %VSZ %CPU COMMAND', '    1     0 root     R     2268   0%   0% top -b -n 1', '', '']);
  });

  it('procps -b -n 1: summary, blank line, task list', async () => {
    const r = await run('gnu', ['top', '-bn1'], [proc(1, 0, ['bash']), proc(8, 1, ['top', '-bn1'])]);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('top - 13:02:06 up 9 min,  0 users,  load average: 0.08, 0.03, 0.01');
    expect(lines[1]).toBe('Tasks:   2 total,   1 running,   1 sleeping,   0 stopped,   0 zombie');
    expect(lines[2]).toMatch(/^%Cpu\(s\):( *\d+\.\d \w\w,){7} *\d+\.\d st$/);
    expect(lines[3]).toMatch(/^KiB Mem : +\d+ total, +\d+ free, +\d+ used, +\d+ buff\/cache$/);
    expect(lines[4]).toMatch(/^KiB Swap: +\d+ total, +\d+ free, +0 used\. +\d+ avail Mem$/);
    expect(lines.slice(5)).toEqual([
      '',
      '  PID USER      PR  NI    VIRT    RES    SHR S  %CPU %MEM     TIME+ COMMAND',
      '    1 root      20   0   18236   3284   2812 S   0.0  0.0   0:00.00 bash',
      '    8 root      20   0   36632   3052   2592 R   0.0  0.0   0:00.00 top',
      '',
      '',
    ]);
  });

  it('procps without a terminal: TERM first, then the tty', async () => {
    const t = [proc(1, 0, ['top'])];
    expect(await run('gnu', ['top'], t)).toMatchObject({ out: 'TERM environment variable not set.\n', status: 1 });
    expect(await run('gnu', ['top'], t, { env: { TERM: 'xterm' } })).toMatchObject({ out: 'top: failed tty get\n', status: 1 });
  });

  it('bad -n values', async () => {
    const t = [proc(1, 0, ['top'])];
    expect(await run('busybox', ['top', '-b', '-n', 'x'], t)).toMatchObject({ out: "top: invalid number 'x'\n", status: 1 });
    expect((await run('gnu', ['top', '-b', '-n', 'x'], t)).out).toMatch(/^top: bad iterations argument 'x'\n/);
  });

  for (const [flavour, every] of [['gnu', 3000], ['busybox', 5000]] as const) {
    it(`${flavour}: on a terminal it redraws every ${every / 1000} s until q`, async () => {
      const fs = new MemFs();
      const k = new TestKernel(fs, programsFor(flavour), new Scheduler(NOW, () => new Promise((r) => setTimeout(r, 0)))).install();
      const keys = new Feed();
      const out = new Capture();
      const p = k.start(['top'], { tty: true, stdin: keys, stdout: out, env: new Map([['PATH', '/bin'], ['TERM', 'xterm']]) });
      await k.scheduler.runUntil(k.scheduler.sleep(every * 2 + 10));
      const frames = out.text.split('\x1b[H\x1b[J').length - 1;
      expect(frames).toBe(3);
      keys.push('q');
      expect(await k.scheduler.runUntil(p.done)).toBe(0);
    });
  }

  it('a signal ends it: procps exits 0, busybox dies of it', async () => {
    for (const [flavour, status] of [['gnu', 0], ['busybox', 130]] as const) {
      const k = new TestKernel(new MemFs(), programsFor(flavour)).install();
      k.nextPid = 2;
      const p = k.start(['top', '-b'], { env: new Map([['PATH', '/bin']]) });
      await k.scheduler.runUntil(k.scheduler.sleep(7000));
      k.signal(p.pid, 2);
      expect(await k.scheduler.runUntil(p.done)).toBe(status);
    }
  });
});

describe('kill, pgrep, pkill', () => {
  const t = [proc(1, 0, ['sh']), proc(5, 1, ['sleep', '100']), proc(6, 1, ['/bin/sleep', '200']), proc(7, 1, ['me'])];

  it('busybox kill: signals, errors and -l', async () => {
    expect(await run('busybox', ['kill', '-9', '5'], t)).toMatchObject({ out: '', status: 0, killed: [[5, 9]] });
    expect(await run('busybox', ['kill', '-s', 'HUP', '5'], t)).toMatchObject({ killed: [[5, 1]] });
    expect(await run('busybox', ['kill', '99'], t)).toMatchObject({ out: "kill: can't kill pid 99: No such process\n", status: 1 });
    expect(await run('busybox', ['kill', 'x'], t)).toMatchObject({ out: "kill: invalid number 'x'\n", status: 1 });
    expect(await run('busybox', ['kill', '-FOO', '5'], t)).toMatchObject({ out: "kill: bad signal name 'FOO'\n", status: 1 });
    expect(await run('busybox', ['kill'], t)).toMatchObject({ out: 'kill: you need to specify whom to kill\n', status: 1 });
    expect((await run('busybox', ['kill', '-l'], t)).out.split('\n').slice(0, 2)).toEqual([' 1) HUP', ' 2) INT']);
    expect((await run('busybox', ['kill', '-l', '137', 'TERM'], t)).out).toBe('KILL\n15\n');
  });

  it('procps kill: silent failure, parse errors, usage', async () => {
    expect(await run('gnu', ['kill', '-TERM', '5'], t)).toMatchObject({ out: '', status: 0, killed: [[5, 15]] });
    expect(await run('gnu', ['kill', '99'], t)).toMatchObject({ out: '', status: 1 });
    expect(await run('gnu', ['kill', 'abc'], t)).toMatchObject({ out: "kill: failed to parse argument: 'abc'\n", status: 1 });
    const usage = await run('gnu', ['kill'], t);
    expect(usage.status).toBe(1);
    expect(usage.out).toMatch(/^\nUsage:\n kill \[options\] <pid> \[\.\.\.\]\n/);
    expect((await run('gnu', ['kill', '-l'], t)).out).toMatch(/^HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP/);
  });

  it('pgrep: names, -l, -f, -x, -n, no match; never itself', async () => {
    expect(await run('gnu', ['pgrep', 'sleep'], t)).toMatchObject({ out: '5\n6\n', status: 0 });
    expect((await run('gnu', ['pgrep', '-l', 'sle'], t)).out).toBe('5 sleep\n6 sleep\n');
    expect((await run('busybox', ['pgrep', '-l', 'sle'], t)).out).toBe('5 sleep\n6 /bin/sleep\n');
    expect((await run('gnu', ['pgrep', '-f', 'sleep 2'], t)).out).toBe('6\n');
    expect((await run('gnu', ['pgrep', '-x', 'slee'], t)).status).toBe(1);
    expect((await run('gnu', ['pgrep', '-n', 'sleep'], t)).out).toBe('6\n');
    expect((await run('gnu', ['pgrep', '-c', 'sleep'], t)).out).toBe('2\n');
    expect(await run('gnu', ['pgrep', 'me'], t)).toMatchObject({ out: '', status: 1 });
    expect(await run('gnu', ['pgrep'], t)).toMatchObject({ out: "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n", status: 2 });
  });

  it('pkill sends TERM or the given signal to every match', async () => {
    expect(await run('busybox', ['pkill', 'sleep'], t)).toMatchObject({ status: 0, killed: [[5, 15], [6, 15]] });
    expect(await run('gnu', ['pkill', '-KILL', '-f', '200'], t)).toMatchObject({ status: 0, killed: [[6, 9]] });
    expect(await run('gnu', ['pkill', 'nosuch'], t)).toMatchObject({ status: 1, killed: [] });
  });
});

describe('free and uptime', () => {
  const t = [proc(1, 0, ['sh'], { started: NOW - 3_600_000 }), proc(2, 1, ['free'])];

  for (const flavour of ['gnu', 'busybox'] as const) {
    it(`${flavour} free: kB by default, -m, -h`, async () => {
      const kb = (await run(flavour, ['free'], t)).out.split('\n');
      expect(kb[0]).toBe('              total        used        free      shared  buff/cache   available');
      expect(kb[1]).toMatch(/^Mem: +\d+ +\d+ +\d+ +\d+ +\d+ +\d+$/);
      expect(kb[2]).toMatch(/^Swap: +\d+ +0 +\d+$/);
      const total = Number(kb[1]!.split(/ +/)[1]);
      expect((await run(flavour, ['free', '-m'], t)).out.split('\n')[1]!.split(/ +/)[1]).toBe(String(Math.floor(total / 1024)));
      expect((await run(flavour, ['free', '-h'], t)).out.split('\n')[1]).toMatch(flavour === 'gnu' ? /^Mem: +7\.7G +\d+M / : /^Mem: +7\.7G +\d+\.\dM /);
    });
  }

  it('busybox free rejects an unknown option', async () => {
    expect((await run('busybox', ['free', '-x'], t)).out).toMatch(/Usage: free \[-bkmgh\]\n$/);
  });

  it('uptime: clock, time since boot, users, load', async () => {
    expect((await run('gnu', ['uptime'], t)).out).toBe(' 13:02:06 up  1:08,  0 users,  load average: 0.08, 0.03, 0.01\n');
    const young = [proc(1, 0, ['uptime'], { started: NOW - 5000 })];
    expect((await run('busybox', ['uptime'], young)).out).toBe(' 13:02:06 up 8 min,  0 users,  load average: 0.08, 0.03, 0.01\n');
  });
});

describe('registry', () => {
  it('both flavours have the process tools', () => {
    for (const f of ['gnu', 'busybox'] as const) for (const n of ['ps', 'top', 'kill', 'pgrep', 'pkill', 'free', 'uptime']) expect(programsFor(f).has(n)).toBe(true);
  });
});
