import { describe, expect, it } from 'vitest';
import type { Host, HostIO } from '../shell/host.ts';
import { parseTranscript, serializeTranscript } from './format.ts';
import { INTERNAL_ERROR_STATUS, TIMEOUT_STATUS, replayTranscript } from './runner.ts';

const source = `# title: fake
# topic: runner

  $ greet
  old output
# a comment
  $ both
  $ fail
  [9]
  $ cat > f <<'EOF'
  > a
  > EOF
  $ crash
  $ after
# trailer
`;

/** A fake host: a table of commands, each writing to the streams it is given. */
function fakeHost(log: string[], hostIndex: number): Host {
  const table: Record<string, (io: HostIO) => Promise<number> | number> = {
    greet(io) {
      io.stdout.write(`hello from host ${hostIndex}\n`);
      return 0;
    },
    async both(io) {
      io.stdout.write('out 1\n');
      io.stderr.write('err 1\n');
      await Promise.resolve();
      io.stdout.write('out 2 ');
      io.stdout.write('continued\n');
      io.stderr.write('err 2 without newline');
      return 0;
    },
    fail(io) {
      io.stderr.write('it failed\n');
      return 3;
    },
    crash(io) {
      io.stdout.write('partial');
      throw new Error('boom\nstack');
    },
    after(io) {
      io.stdout.write(`cwd ${hostIndex}\n`);
      return 0;
    },
  };
  return {
    async run(command, io) {
      log.push(`${hostIndex}: ${command}`);
      expect(io.tty).toBe(false);
      expect(io.stdin).toBeUndefined();
      const fn = table[command];
      if (fn) return fn(io);
      io.stdout.write(`ran: ${command}\n`);
      return 0;
    },
    cwd: () => '/root',
  };
}

describe('replayTranscript', () => {
  it('replays each command on a fresh host and records output and status', async () => {
    const log: string[] = [];
    let hosts = 0;
    const newHost = async () => fakeHost(log, ++hosts);
    const expected = parseTranscript(source);
    const actual = await replayTranscript(expected, { newHost });
    expect(hosts).toBe(1);
    expect(log).toEqual(['1: greet', '1: both', '1: fail', "1: cat > f <<'EOF'\na\nEOF", '1: crash', '1: after']);
    expect(serializeTranscript(actual)).toBe(`# title: fake
# topic: runner

  $ greet
  hello from host 1
# a comment
  $ both
  out 1
  err 1
  out 2 continued
  err 2 without newline
  $ fail
  it failed
  [3]
  $ cat > f <<'EOF'
  > a
  > EOF
  ran: cat > f <<'EOF'
  a
  EOF
  $ crash
  partial
  berth: internal error: boom
  [255]
  $ after
  cwd 1
# trailer
`);
    expect(actual.commands[4]!.status).toBe(INTERNAL_ERROR_STATUS);
    expect(actual.commands.map((c) => c.line)).toEqual(expected.commands.map((c) => c.line));
    // a second file gets a fresh host
    const again = await replayTranscript(expected, { newHost });
    expect(hosts).toBe(2);
    expect(again.commands[0]!.output).toEqual(['hello from host 2']);
    // the expected transcript is left alone
    expect(expected.commands[0]!.output).toEqual(['old output']);
  });

  it('records a command that throws synchronously, or a host that cannot start', async () => {
    const sync: Host = {
      run() {
        throw new TypeError('not a function');
      },
      cwd: () => '/',
    };
    const t = parseTranscript('  $ x\n  $ y\n');
    const a = await replayTranscript(t, { newHost: async () => sync });
    expect(a.commands.map((c) => [c.output, c.status])).toEqual([
      [['berth: internal error: not a function'], 255],
      [['berth: internal error: not a function'], 255],
    ]);
    const b = await replayTranscript(t, {
      newHost: async () => {
        throw new Error('no engine');
      },
    });
    expect(b.commands.map((c) => [c.output, c.status])).toEqual([
      [['berth: internal error: no engine'], 255],
      [['berth: internal error: no engine'], 255],
    ]);
  });

  it('fails a command that hangs and goes on with the next', async () => {
    let late: HostIO | undefined;
    const host: Host = {
      run(command, io) {
        if (command === 'hang') {
          io.stdout.write('started\n');
          late = io;
          return new Promise(() => {});
        }
        io.stdout.write('fine\n');
        return Promise.resolve(0);
      },
      cwd: () => '/',
    };
    const seen: string[] = [];
    const a = await replayTranscript(parseTranscript('  $ hang\n  $ next\n'), {
      newHost: async () => host,
      timeoutMs: 30,
      onCommand: (c) => seen.push(c.command),
    });
    // what the hung command writes afterwards goes nowhere
    late!.stdout.write('too late\n');
    expect(a.commands[0]).toMatchObject({
      output: ['started', 'berth: timeout: the command was still running after 0.03 s'],
      status: TIMEOUT_STATUS,
    });
    expect(a.commands[1]).toMatchObject({ output: ['fine'], status: 0 });
    expect(seen).toEqual(['hang', 'next']);
  });
});
