import { describe, expect, it } from 'vitest';
import { Signals } from '../process.ts';
import { type Flavour, programsFor } from '../programs/index.ts';
import { Shell, type ShellContext } from './interp.ts';
import { stringInput } from './io.ts';
import { ShellSession } from './program.ts';
import { Capture, Feed, MemFs, TestKernel } from './testing.ts';

const PATH = '/usr/local/bin:/usr/bin:/bin';

function world(flavour: Flavour = 'busybox') {
  let now = () => 0;
  const fs = new MemFs(() => now());
  const k = new TestKernel(fs, programsFor(flavour));
  now = () => k.scheduler.now();
  fs.mkdir('/tmp');
  fs.mkdir('/root');
  fs.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
  k.install('/bin');
  const env = () => new Map([['PATH', PATH], ['HOME', '/root']]);
  const start = (argv: string[], opts: { stdin?: string; pid?: number; cwd?: string } = {}) => {
    if (opts.pid) k.nextPid = opts.pid;
    const out = new Capture();
    const err = new Capture();
    const proc = k.start(argv, { stdout: out, stderr: err, env: env(), cwd: opts.cwd ?? '/', stdin: stringInput(opts.stdin ?? '') });
    return { proc, out, err };
  };
  const run = async (argv: string[], opts: { stdin?: string; pid?: number; cwd?: string } = {}) => {
    const { proc, out, err } = start(argv, opts);
    const status = await k.scheduler.runUntil(proc.done);
    return { status, out: out.text, err: err.text };
  };
  const sh = (script: string, opts: { stdin?: string; pid?: number } = {}) => run([flavour === 'gnu' ? 'bash' : 'sh', '-c', script], opts);
  return { fs, k, start, run, sh };
}

describe('shell: words and expansions', () => {
  it('quotes, variables and parameter expansion', async () => {
    const { sh } = world();
    const r = await sh(`x='a  b'; echo "$x" $x '$x' "\\$x" \${x:-no} \${y:-def} \${#x} \${y:=set} $y \${x:+alt}
f=archive.tar.gz; echo \${f%.*} \${f%%.*} \${f#*.} \${f##*.} \${f/tar/zip}`);
    expect(r.out).toBe('a  b a b $x $x a b def 4 set set alt\narchive.tar archive tar.gz gz archive.zip.gz\n');
    expect(r.status).toBe(0);
  });

  it('special parameters', async () => {
    const { run } = world();
    const r = await run(['sh', '-c', 'echo $0 $# $1 "$@" "$*"; set -- "x y" z; for a in "$@"; do echo "<$a>"; done; false; echo $?', 'name', 'p1', 'p2']);
    expect(r.out).toBe('name 2 p1 p1 p2 p1 p2\n<x y>\n<z>\n1\n');
  });

  it('command substitution, backticks, arithmetic', async () => {
    const { sh } = world();
    const r = await sh('x=$(echo hi; echo there); echo "$x"; echo `echo a \\`echo b\\``; n=5; echo $((n * 2 + 1)) $((n++)) $n $((2**10)); y=$(false); echo $?');
    expect(r.out).toBe('hi\nthere\na b\n11 5 6 1024\n1\n');
  });

  it('field splitting on IFS and globbing', async () => {
    const { sh, fs } = world();
    fs.put('/tmp/g/a.txt', '');
    fs.put('/tmp/g/b.txt', '');
    fs.put('/tmp/g/c.log', '');
    const r = await sh('v="1:2::3"; IFS=:; set -- $v; echo $#; IFS=" "; echo /tmp/g/*.txt; echo /tmp/g/*.none; cd /tmp/g && echo ?.log "*.txt"');
    expect(r.out).toBe('4\n/tmp/g/a.txt /tmp/g/b.txt\n/tmp/g/*.none\nc.log *.txt\n');
  });

  it('$(< file) reads the file', async () => {
    const { sh, fs } = world('gnu');
    fs.put('/tmp/v', 'version 1\n\n');
    expect((await sh('x=$(< /tmp/v); echo "[$x]"; trap "echo e" ERR')).out).toBe('[version 1]\n');
  });

  it('tilde and assignments before commands', async () => {
    const { sh } = world();
    const r = await sh('echo ~ ~/x; A=1 sh -c \'echo $A\'; echo "[$A]"');
    expect(r.out).toBe('/root /root/x\n1\n[]\n');
  });
});

describe('shell: commands', () => {
  it('pipelines run concurrently and take the status of the last stage', async () => {
    const { sh } = world();
    const r = await sh("printf 'b\\na\\nc\\n' | sort | head -n 2; echo hello | tr a-z A-Z; false | true; echo $?; true | false; echo $?; ! true; echo $?");
    expect(r.out).toBe('a\nb\nHELLO\n0\n1\n1\n');
  });

  it('yes | head stops yes when the pipe closes', async () => {
    const { sh } = world();
    const r = await sh('yes | head -n 3; echo done');
    expect(r.out).toBe('y\ny\ny\ndone\n');
  });

  it('redirections, /dev/null and fd duplication', async () => {
    const { sh, fs } = world();
    const r = await sh('echo one > /tmp/f; echo two >> /tmp/f; cat < /tmp/f; nosuch 2>/dev/null; echo $?; echo err >&2; ls /nosuch 2>&1 | cat; cat /dev/null; echo x &> /tmp/both; cat nosuch 2>> /tmp/both');
    expect(r.out).toBe('one\ntwo\n127\nls: /nosuch: No such file or directory\n');
    expect(r.err).toBe('err\n');
    expect(fs.text('/tmp/f')).toBe('one\ntwo\n');
    expect(fs.text('/tmp/both')).toBe("x\ncat: can't open 'nosuch': No such file or directory\n");
  });

  it('here-documents', async () => {
    const { sh } = world();
    const r = await sh('cat <<EOF\nhome=$HOME $((1+1))\nEOF\ncat <<\'EOF\'\n$HOME\nEOF\ncat <<-EOF\n\tindented\n\tEOF\nread a b <<EOF\nx y z\nEOF\necho "$b"');
    expect(r.out).toBe('home=/root 2\n$HOME\nindented\ny z\n');
  });

  it('loops, break and continue', async () => {
    const { sh } = world();
    const r = await sh('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done; i=0; while [ $i -lt 3 ]; do i=$((i+1)); done; echo $i; until [ $i = 0 ]; do i=$((i-1)); done; echo $i; for a in x y; do for b in 1 2; do [ $b = 2 ] && continue 2; echo $a$b; done; done');
    expect(r.out).toBe('1\n3\n3\n0\nx1\ny1\n');
  });

  it('case and if', async () => {
    const { sh } = world();
    const r = await sh('for f in a.txt b.log c; do case $f in *.txt) echo text;; *.log|*.out) echo log;; *) echo other;; esac; done; if false; then echo 1; elif true; then echo 2; else echo 3; fi');
    expect(r.out).toBe('text\nlog\nother\n2\n');
  });

  it('functions with local and return', async () => {
    const { sh } = world();
    const r = await sh('x=global; f() { local x=inner; echo "$1:$x:$#"; return 4; }; f a b; echo $? $x; g() { echo in-g; }; g');
    expect(r.out).toBe('a:inner:2\n4 global\nin-g\n');
  });

  it('subshells get a copy of variables and cwd', async () => {
    const { sh } = world();
    const r = await sh('x=1; (x=2; cd /tmp; echo $x $PWD); echo $x $PWD; { x=3; }; echo $x');
    expect(r.out).toBe('2 /tmp\n1 /\n3\n');
  });

  it('exit statuses: exit N, 126, 127', async () => {
    const { sh, run, fs } = world();
    expect((await sh('exit 3')).status).toBe(3);
    expect((await sh('(exit 7); echo $?')).out).toBe('7\n');
    fs.put('/tmp/noexec', 'echo hi\n', 0o644);
    const r = await sh('/tmp/noexec; echo $?; nosuch; echo $?');
    expect(r.out).toBe('126\n127\n');
    expect(r.err).toBe('sh: /tmp/noexec: Permission denied\nsh: nosuch: not found\n');
    expect((await run(['sh', '-c', 'exit 300'])).status).toBe(44);
  });

  it('set -e stops at the first failure outside conditions', async () => {
    const { sh } = world();
    const r = await sh('set -e; if false; then :; fi; false || echo handled; false; echo not-reached');
    expect(r).toMatchObject({ status: 1, out: 'handled\n' });
  });

  it('exec replaces the shell', async () => {
    const { sh } = world();
    const r = await sh('exec echo replaced; echo not-reached');
    expect(r.out).toBe('replaced\n');
  });

  it('read in a while loop takes one line at a time', async () => {
    const { sh } = world();
    const r = await sh("printf 'a b\\nc d e\\n' | while read x y; do echo \"$y-$x\"; done");
    expect(r.out).toBe('b-a\nd e-c\n');
  });

  it('printf, test and eval builtins', async () => {
    const { sh } = world();
    const r = await sh('printf "%s=%03d|%-4s|%x\\n" a 7 ab 255; [ -d /tmp ] && [ ! -f /tmp ] && test 2 -gt 1 && echo ok; eval "y=5; echo \\$y"');
    expect(r.out).toBe('a=007|ab  |ff\nok\n5\n');
  });

  it('type and command -v', async () => {
    const { sh } = world();
    const r = await sh('f() { :; }; type cd f ls nosuch; command -v ls cd');
    expect(r.out).toBe('cd is a shell builtin\nf is a function\nls is /bin/ls\nnosuch: not found\n/bin/ls\ncd\n');
  });
});

describe('shell: dialects', () => {
  it('ash and bash word errors differently', async () => {
    const ash = world('busybox');
    const bash = world('gnu');
    expect((await ash.sh('nosuch')).err).toBe('sh: nosuch: not found\n');
    expect((await bash.sh('nosuch')).err).toBe('bash: line 1: nosuch: command not found\n');
    expect((await ash.sh('echo\ncd /nosuch')).err).toBe("sh: cd: line 1: can't cd to /nosuch: No such file or directory\n");
    expect((await bash.sh('echo\ncd /nosuch')).err).toBe('bash: line 2: cd: /nosuch: No such file or directory\n');
    expect(await ash.sh('if true; then fi')).toMatchObject({ status: 2, err: 'sh: syntax error: unexpected "fi"\n' });
    expect(await bash.sh('if true; then fi')).toMatchObject({
      status: 2,
      err: "bash: -c: line 1: syntax error near unexpected token `fi'\nbash: -c: line 1: `if true; then fi'\n",
    });
    expect((await ash.sh('echo > /nosuch/x')).err).toBe("sh: can't create /nosuch/x: nonexistent directory\n");
    expect((await bash.sh('echo > /nosuch/x')).err).toBe('bash: line 1: /nosuch/x: No such file or directory\n');
  });

  it('scripts: messages carry the script name and line', async () => {
    const ash = world('busybox');
    ash.fs.put('/tmp/s.sh', 'echo a\nnosuch\nif true\nfi\n');
    expect(await ash.run(['sh', '/tmp/s.sh'])).toEqual({
      status: 2,
      out: 'a\n',
      err: '/tmp/s.sh: line 2: nosuch: not found\n/tmp/s.sh: line 4: syntax error: unexpected "fi" (expecting "then")\n',
    });
    const bash = world('gnu');
    bash.fs.put('/tmp/s.sh', 'echo a\nnosuch\n');
    expect((await bash.run(['bash', '/tmp/s.sh'])).err).toBe('/tmp/s.sh: line 2: nosuch: command not found\n');
    expect(await ash.run(['sh', 'missing.sh'])).toMatchObject({ status: 2, err: "sh: can't open 'missing.sh': No such file or directory\n" });
    expect(await bash.run(['bash', 'missing.sh'])).toMatchObject({ status: 127, err: 'bash: missing.sh: No such file or directory\n' });
  });

  it('runs #! scripts and passes arguments', async () => {
    const { run, fs } = world();
    fs.put('/usr/local/bin/greet', '#!/bin/sh\necho "hello $1 from $0"\nexit 4\n', 0o755);
    const r = await run(['sh', '-c', 'greet world; echo $?']);
    expect(r.out).toBe('hello world from /usr/local/bin/greet\n4\n');
  });

  it('bash arrays', async () => {
    const { sh } = world('gnu');
    const r = await sh(`a=(one "two three" four); echo \${#a[@]} "\${a[1]}" \${a[-1]}; for x in "\${a[@]}"; do echo "<$x>"; done
a+=(five); a[7]=eight; echo "\${a[*]}" \${!a[@]}; echo \${a[@]:1:2}; unset 'a[0]'; echo $a "\${a[@]^^}"
read -ra parts <<< "x y  z"; echo \${#parts[@]} \${parts[2]}; e=(); for x in "\${e[@]}"; do echo never; done
printf 'l1\\nl2\\n' | { mapfile -t lines; echo "\${lines[1]}"; }; i=1; b[i+1]=v; echo "\${b[2]}"; declare -p b`);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      '3 two three four\n<one>\n<two three>\n<four>\none two three four five eight 0 1 2 3 7\ntwo three four\nTWO THREE FOUR FIVE EIGHT\n3 z\nl2\nv\ndeclare -a b=([2]="v")\n',
    );
  });

  it('bash extras: [[ ]], (( )), brace expansion, substrings', async () => {
    const { sh } = world('gnu');
    const r = await sh('x=hello; [[ $x == h* && -n $x ]] && echo match; (( 3 > 2 )) && echo arith; echo {a,b}{1,2}; echo ${x:1:3} ${x^^}; for ((i=0; i<3; i++)); do printf %s $i; done; echo');
    expect(r.out).toBe('match\narith\na1 a2 b1 b2\nell HELLO\n012\n');
  });
});

describe('shell: processes, time and signals', () => {
  it('background jobs run concurrently; wait and $!', async () => {
    const { sh, k } = world();
    const t0 = k.scheduler.now();
    const r = await sh('sleep 2 & pid=$!; echo started; sleep 1; echo one; wait $pid; echo "waited $?"; [ -n "$pid" ] && echo has-pid');
    expect(r.out).toBe('started\none\nwaited 0\nhas-pid\n');
    expect(k.scheduler.now() - t0).toBe(2000);
  });

  it('$! is the pid of a background program', async () => {
    const { sh } = world();
    const r = await sh('sleep 5 & echo $!; kill $!; wait $!; echo $?');
    const [pid, status] = r.out.trim().split('\n');
    expect(Number(pid)).toBeGreaterThan(1);
    expect(status).toBe('143');
  });

  it('output streams as it is produced', async () => {
    const { start, k } = world();
    const { proc, out } = start(['sh', '-c', 'echo first; sleep 5; echo second']);
    await k.scheduler.runUntil(k.scheduler.sleep(1000));
    expect(out.text).toBe('first\n');
    await k.scheduler.runUntil(proc.done);
    expect(out.text).toBe('first\nsecond\n');
  });

  it('while true; do echo; sleep 1; done: one line per virtual second until killed', async () => {
    const { start, k } = world();
    const { proc, out } = start(['sh', '-c', 'while true; do echo hello world; sleep 1; done'], { pid: 1 });
    await k.scheduler.runUntil(k.scheduler.sleep(3500));
    expect(out.text).toBe('hello world\n'.repeat(4));
    k.signal(proc.pid, Signals.SIGTERM); // PID 1 without a trap: ignored
    await k.scheduler.runUntil(k.scheduler.sleep(1000));
    expect(out.text).toBe('hello world\n'.repeat(5));
    k.signal(proc.pid, Signals.SIGKILL);
    expect(await k.scheduler.runUntil(proc.done)).toBe(137);
    await k.scheduler.runUntil(k.scheduler.sleep(3000));
    expect(out.text).toBe('hello world\n'.repeat(5));
  });

  it('a shell that is not PID 1 dies of SIGTERM without a trap', async () => {
    const { start, k } = world();
    const { proc, out } = start(['sh', '-c', 'while :; do sleep 1; done; echo never'], { pid: 7 });
    await k.scheduler.runUntil(k.scheduler.sleep(1500));
    k.signal(proc.pid, Signals.SIGTERM);
    expect(await k.scheduler.runUntil(proc.done)).toBe(143);
    expect(out.text).toBe('');
  });

  it('trap on TERM runs at the next command, then exit', async () => {
    const { start, k } = world();
    const { proc, out } = start(['sh', '-c', "trap 'echo got TERM; exit 5' TERM; echo ready; while true; do sleep 1; done"], { pid: 1 });
    await k.scheduler.runUntil(k.scheduler.sleep(2500));
    k.signal(proc.pid, Signals.SIGTERM);
    expect(await k.scheduler.runUntil(proc.done)).toBe(5);
    expect(out.text).toBe('ready\ngot TERM\n');
    expect(k.scheduler.now() % 1000).toBe(0); // after the sleep in progress
  });

  it('wait returns at once when a trapped signal arrives', async () => {
    const { start, k } = world();
    const { proc, out } = start(['sh', '-c', "trap 'echo bye; exit 0' TERM; sleep 1000 & wait $!"], { pid: 1 });
    await k.scheduler.runUntil(k.scheduler.sleep(100));
    const t = k.scheduler.now();
    k.signal(proc.pid, Signals.SIGTERM);
    expect(await k.scheduler.runUntil(proc.done)).toBe(0);
    expect(out.text).toBe('bye\n');
    expect(k.scheduler.now()).toBe(t);
  });

  it('time reports elapsed virtual time (bash keyword, busybox applet)', async () => {
    const bash = world('gnu');
    expect(await bash.sh('time sleep 2')).toMatchObject({ status: 0, err: '\nreal\t0m2.000s\nuser\t0m0.000s\nsys\t0m0.000s\n' });
    const bb = world('busybox');
    expect(await bb.sh('time sleep 1.5')).toMatchObject({ status: 0, err: 'real\t0m 1.50s\nuser\t0m 0.00s\nsys\t0m 0.00s\n' });
  });

  it('EXIT trap runs when the shell ends', async () => {
    const { sh } = world();
    expect(await sh("trap 'echo cleanup' EXIT; echo work; exit 2")).toMatchObject({ status: 2, out: 'work\ncleanup\n' });
  });

  it('Shell.signal: PID 1 ignores TERM without a trap, others die', async () => {
    const mk = (pid: number) => {
      const k = new TestKernel(new MemFs(), programsFor('busybox'));
      k.nextPid = pid;
      let shell!: Shell;
      const p = k.start(['sh'], {}, async (ctx) => {
        shell = new Shell(ctx as ShellContext, { dialect: 'ash' });
        return shell.runScript('while :; do :; done');
      });
      return { k, p, shell: () => shell };
    };
    const one = mk(1);
    await new Promise((r) => setImmediate(r));
    one.shell().signal(Signals.SIGTERM);
    await new Promise((r) => setTimeout(r, 20));
    expect(one.k.procs.has(1)).toBe(true);
    one.shell().signal(Signals.SIGKILL);
    expect(await one.p.done).toBe(137);
    const other = mk(9);
    await new Promise((r) => setImmediate(r));
    other.shell().signal(Signals.SIGINT);
    expect(await other.p.done).toBe(130);
  });

  it('a busy loop yields and can be killed', async () => {
    const { start, k } = world();
    const { proc } = start(['sh', '-c', 'while true; do :; done'], { pid: 3 });
    await new Promise((r) => setTimeout(r, 30));
    k.signal(proc.pid, Signals.SIGKILL);
    expect(await proc.done).toBe(137);
  });

  it('runs a 100,000-iteration loop fast', async () => {
    const { sh } = world();
    const t0 = performance.now();
    const r = await sh('i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i');
    const ms = performance.now() - t0;
    console.log(`100k-iteration loop: ${ms.toFixed(0)} ms`);
    expect(r.out).toBe('100000\n');
    expect(ms).toBeLessThan(3000);
  });
});

describe('shell: input and sessions', () => {
  it('sh with empty stdin exits 0 at once; commands come from stdin otherwise', async () => {
    const { run } = world();
    expect(await run(['sh'])).toEqual({ status: 0, out: '', err: '' });
    expect(await run(['sh'], { stdin: 'echo one\nread x\nthis line is read\necho "$x"\nexit 3\necho no\n' })).toMatchObject({
      status: 3,
      out: 'one\nthis line is read\n',
    });
    expect(await run(['sh'], { stdin: 'echo a\nfi\necho b\n' })).toMatchObject({ status: 2, out: 'a\n', err: 'sh: syntax error: unexpected "fi"\n' });
  });

  it('interactive: prompts on stderr, PS2 for unfinished commands', async () => {
    const { k } = world();
    const input = new Feed();
    const out = new Capture();
    const err = new Capture();
    const p = k.start(['sh'], { stdin: input, stdout: out, stderr: err, tty: true, env: new Map([['PATH', PATH], ['HOME', '/root']]), cwd: '/' });
    input.push('if true\n');
    input.push('then echo yes; fi\n');
    input.push('exit 6\n');
    expect(await k.scheduler.runUntil(p.done)).toBe(6);
    expect(out.text).toBe('yes\n');
    expect(err.text).toBe('/ # > / # ');
  });

  it('ShellSession keeps variables, cwd and functions between lines', async () => {
    const { k } = world('gnu');
    const out = new Capture();
    let session!: ShellSession;
    const ready = new Promise<void>((resolve) => {
      k.start(['bash'], { stdout: out, env: new Map([['PATH', PATH], ['HOME', '/root']]) }, async (ctx) => {
        session = new ShellSession(new Shell(ctx as ShellContext, { dialect: 'bash', source: 'interactive' }));
        resolve();
        await new Promise(() => {});
        return 0;
      });
    });
    await ready;
    const feed = (line: string) => k.scheduler.runUntil(session.feed(line));
    await feed('x=41; cd /tmp\n');
    await feed('f() {\n');
    expect(session.pending).toBe(true);
    await feed('  echo "$((x+1)) $PWD"\n');
    await feed('}\n');
    const r = await feed('f; nosuch\n');
    expect(out.text).toBe('42 /tmp\n');
    expect(r).toEqual({ status: 127, more: false, exited: false });
    expect(session.shell.cwd).toBe('/tmp');
    expect(await feed('exit 3\n')).toEqual({ status: 3, more: false, exited: true });
  });
});

describe('shell: interrupting an interactive line', () => {
  async function startSession() {
    const { k } = world('gnu');
    const out = new Capture();
    let session!: ShellSession;
    await new Promise<void>((resolve) => {
      k.start(['bash'], { stdout: out, env: new Map([['PATH', PATH], ['HOME', '/root']]) }, async (ctx) => {
        session = new ShellSession(new Shell(ctx as ShellContext, { dialect: 'bash', source: 'interactive' }));
        resolve();
        await new Promise(() => {});
        return 0;
      });
    });
    return { k, out, session };
  }

  it('Ctrl-C stops a builtin loop; the shell stays', async () => {
    const { k, out, session } = await startSession();
    const line = session.feed('while true; do :; done; echo not-reached\n');
    await new Promise((r) => setTimeout(r, 20));
    session.interrupt();
    expect(await k.scheduler.runUntil(line)).toEqual({ status: 130, more: false, exited: false });
    await k.scheduler.runUntil(session.feed('echo after\n'));
    expect(out.text).toBe('after\n');
  });

  it('a child killed by SIGINT stops the rest of the line', async () => {
    const { k, out, session } = await startSession();
    const line = session.feed('while true; do sleep 10; echo loop; done\n');
    await k.scheduler.runUntil(k.scheduler.sleep(15_000));
    const child = [...k.procs.values()].find((p) => p.argv[0] === 'sleep')!;
    k.signal(child.pid, Signals.SIGINT);
    expect((await k.scheduler.runUntil(line)).status).toBe(130);
    expect(out.text).toBe('loop\n');
  });
});

describe('shell: real-world scripts', () => {
  const NGINX_ENTRYPOINT = `#!/bin/sh
# vim:sw=4:ts=4:et

set -e

entrypoint_log() {
    if [ -z "\${NGINX_ENTRYPOINT_QUIET_LOGS:-}" ]; then
        echo "$@"
    fi
}

if [ "$1" = "nginx" ] || [ "$1" = "nginx-debug" ]; then
    if /usr/bin/find "/docker-entrypoint.d/" -mindepth 1 -maxdepth 1 -type f -print -quit 2>/dev/null | read v; then
        entrypoint_log "$0: /docker-entrypoint.d/ is not empty, will attempt to perform configuration"

        entrypoint_log "$0: Looking for shell scripts in /docker-entrypoint.d/"
        find "/docker-entrypoint.d/" -follow -type f -print | sort -V | while read -r f; do
            case "$f" in
                *.envsh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Sourcing $f";
                        . "$f"
                    else
                        # warn on shell scripts without exec bit
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *.sh)
                    if [ -x "$f" ]; then
                        entrypoint_log "$0: Launching $f";
                        "$f"
                    else
                        # warn on shell scripts without exec bit
                        entrypoint_log "$0: Ignoring $f, not executable";
                    fi
                    ;;
                *) entrypoint_log "$0: Ignoring $f";;
            esac
        done

        entrypoint_log "$0: Configuration complete; ready for start up"
    else
        entrypoint_log "$0: No files found in /docker-entrypoint.d/, skipping configuration"
    fi
fi

exec "$@"
`;

  it("runs nginx's docker-entrypoint.sh, even when the engine resolves the script to a program", async () => {
    const { fs, k } = world();
    fs.put('/docker-entrypoint.sh', NGINX_ENTRYPOINT, 0o755);
    fs.put('/docker-entrypoint.d/10-listen.sh', '#!/bin/sh\necho "$0: listening"\n', 0o755);
    fs.put('/docker-entrypoint.d/20-notes.txt', 'x', 0o644);
    fs.put('/usr/bin/find', '', 0o755);
    k.programs.set('nginx', async (ctx) => {
      ctx.stdout.write(`nginx ${ctx.argv.slice(1).join(' ')} (pid ${ctx.pid})\n`);
      return 0;
    });
    fs.put('/usr/sbin/nginx', '', 0o755);
    // engines may resolve any existing file to some program: the #! line wins
    const resolve = k.resolve.bind(k);
    k.resolve = (name, env) => resolve(name, env) ?? (fs.exists(name) ? async () => 99 : null);
    const out = new Capture();
    // CMD ["nginx", "-g", "daemon off;"] behind ENTRYPOINT ["/docker-entrypoint.sh"], started by a shell here
    const p = k.start(['sh', '-c', '/docker-entrypoint.sh nginx -g "daemon off;"'], { stdout: out, env: new Map([['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin']]) });
    const status = await k.scheduler.runUntil(p.done);
    expect((p.ctx.stderr as Capture).text).toBe('');
    expect(status).toBe(0);
    expect(out.text).toBe(
      [
        '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
        '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
        '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen.sh',
        '/docker-entrypoint.d/10-listen.sh: listening',
        '/docker-entrypoint.sh: Ignoring /docker-entrypoint.d/20-notes.txt',
        '/docker-entrypoint.sh: Configuration complete; ready for start up',
        'nginx -g daemon off; (pid 1)',
        '',
      ].join('\n'),
    );
  });
});
