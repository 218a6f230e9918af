import { describe, expect, it } from 'vitest';
import type { Host, HostIO } from '../../shell/host.ts';
import { TerminalSession, toTerminal } from './session.ts';

interface Call {
  command: string;
  io: HostIO;
  finish(status?: number): void;
}

/** A host whose commands finish when the test says so. */
function fakeHost(extra: Partial<Host> & { interrupt?(): void } = {}) {
  const calls: Call[] = [];
  let cwd = '/root';
  const host = {
    run(command: string, io: HostIO) {
      return new Promise<number>((resolve) => {
        calls.push({ command, io, finish: (status = 0) => resolve(status) });
      });
    },
    cwd: () => cwd,
    ...extra,
  };
  return { host, calls, setCwd: (dir: string) => (cwd = dir) };
}

function setup(extra: Parameters<typeof fakeHost>[0] = {}) {
  const fake = fakeHost(extra);
  let screen = '';
  const session = new TerminalSession({ host: fake.host, term: { write: (d) => (screen += d) } });
  session.start();
  return { ...fake, session, screen: () => screen };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('TerminalSession', () => {
  it('shows the prompt with the working directory', async () => {
    const t = setup();
    expect(t.screen()).toBe('root@berth:~# ');
    expect(t.session.idle).toBe(true);
    t.setCwd('/root/app');
    expect(t.session.ps1()).toBe('root@berth:~/app# ');
    t.setCwd('/etc');
    expect(t.session.ps1()).toBe('root@berth:/etc# ');
  });

  it('runs a line through the host, writes output as it comes, then prompts again', async () => {
    const t = setup();
    t.session.input('echo hi\r');
    expect(t.calls.map((c) => c.command)).toEqual(['echo hi']);
    expect(t.calls[0]!.io.tty).toBe(true);
    expect(t.session.state).toBe('running');
    t.calls[0]!.io.stdout.write('one\n');
    expect(t.screen()).toContain('one\r\n');
    t.calls[0]!.io.stderr.write('two\n');
    t.calls[0]!.finish();
    await tick();
    expect(t.screen()).toBe('root@berth:~# echo hi\r\none\r\ntwo\r\nroot@berth:~# ');
    expect(t.session.idle).toBe(true);
  });

  it('starts the prompt on a new line after output without a newline', async () => {
    const t = setup();
    t.session.input('printf x\r');
    t.calls[0]!.io.stdout.write('x');
    t.calls[0]!.finish();
    await tick();
    expect(t.screen().endsWith('x\r\nroot@berth:~# ')).toBe(true);
  });

  it('asks for more lines with "> " and runs a here-document whole', async () => {
    const t = setup();
    t.session.input('cat > f <<EOF\r');
    expect(t.session.state).toBe('continuation');
    expect(t.screen().endsWith('\r\n> ')).toBe(true);
    t.session.input('hello\rEOF\r');
    expect(t.calls.map((c) => c.command)).toEqual(['cat > f <<EOF\nhello\nEOF']);
    expect(t.session.editor.history).toEqual(['cat > f <<EOF']);
  });

  it('cancels a continuation with Ctrl-C', () => {
    const t = setup();
    t.session.input('cat <<EOF\rabc\x03');
    expect(t.session.state).toBe('prompt');
    t.session.input('ls\r');
    expect(t.calls.map((c) => c.command)).toEqual(['ls']);
  });

  it('runs pasted lines one after another', async () => {
    const t = setup();
    t.session.input('echo a\necho b\n');
    expect(t.calls.length).toBe(1);
    t.calls[0]!.finish();
    await tick();
    expect(t.calls.map((c) => c.command)).toEqual(['echo a', 'echo b']);
    t.calls[1]!.finish();
    await tick();
    expect(t.session.idle).toBe(true);
  });

  it('does not run empty lines', () => {
    const t = setup();
    t.session.input('\r   \r');
    expect(t.calls).toEqual([]);
    expect(t.screen()).toBe('root@berth:~# \r\nroot@berth:~#    \r\nroot@berth:~# ');
  });

  it('gives a running command the lines typed as standard input, Ctrl-D ending it', async () => {
    const t = setup();
    t.session.input('cat\r');
    const stdin = t.calls[0]!.io.stdin!;
    const first = stdin.read();
    expect(t.session.state).toBe('reading');
    t.session.input('abc\r');
    expect(await first).toBe('abc\n');
    const second = stdin.read();
    t.session.input('\x04');
    expect(await second).toBeNull();
    t.calls[0]!.finish();
    await tick();
    expect(t.session.idle).toBe(true);
  });

  it('stops waiting for a command on Ctrl-C when the host cannot interrupt', async () => {
    const t = setup();
    t.session.input('sleep 100\r');
    t.session.input('typed ahead\x03');
    expect(t.screen().endsWith('sleep 100\r\n^C\r\nroot@berth:~# ')).toBe(true);
    expect(t.session.idle).toBe(true);
    // Late output of the abandoned command is dropped.
    t.calls[0]!.io.stdout.write('late\n');
    t.calls[0]!.finish();
    await tick();
    expect(t.screen()).not.toContain('late');
    expect(t.session.editor.line).toBe('');
  });

  it('asks the host to interrupt when it can, and prompts when the command ends', async () => {
    let interrupts = 0;
    const t = setup({ interrupt: () => interrupts++ });
    t.session.input('sleep 100\r\x03');
    expect(interrupts).toBe(1);
    expect(t.session.state).toBe('running');
    t.calls[0]!.finish(130);
    await tick();
    expect(t.screen().endsWith('^C\r\nroot@berth:~# ')).toBe(true);
  });

  it('reports a host that throws', async () => {
    const t = setup({
      run: () => Promise.reject(new Error('boom')),
    });
    t.session.input('x\r');
    await tick();
    expect(t.screen()).toContain('berth: internal error: boom');
    expect(t.session.idle).toBe(true);
  });

  it('Ctrl-D on an empty prompt prints exit; the only terminal stays with a hint', () => {
    const fake = fakeHost();
    let screen = '';
    const session = new TerminalSession({
      host: fake.host,
      term: { write: (d) => (screen += d) },
      onExit: () => false,
      exitHint: () => 'This tab stays open.',
    });
    session.start();
    session.input('\x04');
    expect(screen).toBe('root@berth:~# exit\r\n\x1b[2mThis tab stays open.\x1b[0m\r\nroot@berth:~# ');
    expect(session.idle).toBe(true);
    expect(fake.calls).toEqual([]);
  });

  it('Ctrl-D on an empty prompt closes an extra terminal: nothing more is read', () => {
    const fake = fakeHost();
    let screen = '';
    const states: string[] = [];
    const session = new TerminalSession({ host: fake.host, term: { write: (d) => (screen += d) }, onExit: () => true, onState: (s) => states.push(s) });
    session.start();
    session.input('\x04ls\r');
    expect(screen).toBe('root@berth:~# exit\r\n');
    expect(states.at(-1)).toBe('closed');
    expect(fake.calls).toEqual([]);
  });

  it('`exit` typed at the prompt does what Ctrl-D does, without running it in the host', () => {
    const fake = fakeHost();
    let screen = '';
    let exits = 0;
    const session = new TerminalSession({ host: fake.host, term: { write: (d) => (screen += d) }, onExit: () => (exits++, true) });
    session.start();
    session.input('exit 0\r');
    expect(screen).toBe('root@berth:~# exit 0\r\nexit\r\n');
    expect(exits).toBe(1);
    expect(fake.calls).toEqual([]);
    expect(session.state).toBe('closed');
  });

  it('Ctrl-D with text on the line deletes under the cursor; in a continuation it ends the command', () => {
    const t = setup();
    t.session.input('echo ab\x1b[D\x04\r');
    expect(t.calls.map((c) => c.command)).toEqual(['echo a']);
  });

  it('completes at the prompt only: while a program reads, Tab is a character of its input', async () => {
    const fake = fakeHost();
    let screen = '';
    const session = new TerminalSession({
      host: fake.host,
      term: { write: (d) => (screen += d) },
      complete: (line, cursor) => ({ start: 0, candidates: [{ value: 'docker', display: 'docker' }].filter((c) => c.value.startsWith(line.slice(0, cursor))) }),
    });
    session.start();
    session.input('do');
    session.input('\t');
    expect(session.editor.line).toBe('docker ');
    session.input('\r');
    const read = fake.calls[0]!.io.stdin!.read();
    session.input('do');
    session.input('\t');
    session.input('\r');
    expect(await read).toBe('do\t\n');
    expect(screen).not.toContain('\x07');
  });

  it('shares the history store: a line run in one terminal is recalled in another', async () => {
    const { MemoryHistory } = await import('./history.ts');
    const history = new MemoryHistory();
    const a = new TerminalSession({ host: fakeHost().host, term: { write: () => {} }, history });
    const b = new TerminalSession({ host: fakeHost().host, term: { write: () => {} }, history });
    a.start();
    b.start();
    a.input('docker ps\r');
    b.input('\x1b[A');
    expect(b.editor.line).toBe('docker ps');
    expect(history.lines).toEqual(['docker ps']);
  });

  it('Ctrl-D with text while a program reads hands the text over without a newline (cooked mode), then ends input on an empty line', async () => {
    const t = setup();
    t.session.input('cat\r');
    const stdin = t.calls[0]!.io.stdin!;
    const first = stdin.read();
    t.session.input('abc\x04');
    expect(await first).toBe('abc');
    t.calls[0]!.io.stdout.write('abc');
    const second = stdin.read();
    t.session.input('\x04');
    expect(await second).toBeNull();
    t.calls[0]!.finish();
    await tick();
    expect(t.screen()).toBe('root@berth:~# cat\r\nabcabc\r\nroot@berth:~# ');
  });

  it('follows the terminal width: after a resize, Home climbs the rows the line wraps onto', () => {
    const fake = fakeHost();
    let screen = '';
    const session = new TerminalSession({ host: fake.host, term: { write: (d) => (screen += d) }, columns: 80 });
    session.start();
    session.input('echo 0123456789012345678901234567890');
    screen = '';
    session.input('\x1b[H');
    expect(screen).toBe('\x1b[36D'); // one row at 80 columns
    session.input('\x1b[F');
    session.resize(20, 10);
    screen = '';
    session.input('\x1b[H');
    // `root@berth:~# ` (14) + 36 characters = 50: the end is on row 2 (col 10), the start on row 0 (col 14)
    expect(screen).toBe('\x1b[2A\x1b[4C');
  });

  it('converts newlines for the terminal', () => {
    expect(toTerminal('a\nb\r\nc')).toBe('a\r\nb\r\nc');
  });
});
