import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CliContext, Command, Options } from './command.ts';
import { CliError, flagChanged } from './command.ts';
import { runDocker } from './dispatch.ts';
import { runCommand } from './commands/container/run.ts';
import { psCommand } from './commands/container/list.ts';

interface Golden {
  line: string;
  env: Record<string, string>;
  argv: string[];
  stdout: string;
  stderr: string;
  status: number;
}

function load(name: string): Golden[] {
  return JSON.parse(readFileSync(new URL(`./commands/testdata/${name}`, import.meta.url), 'utf8')) as Golden[];
}

interface Result {
  stdout: string;
  stderr: string;
  status: number;
}

async function docker(argv: string[], extra: Partial<CliContext> & { envVars?: Record<string, string> } = {}): Promise<Result> {
  let stdout = '';
  let stderr = '';
  const env = new Map<string, string>([['HOME', '/root'], ...Object.entries(extra.envVars ?? {})]);
  const ctx: CliContext = {
    stdout: { write: (s) => void (stdout += s) },
    stderr: { write: (s) => void (stderr += s) },
    stdin: { read: async () => null },
    env,
    tty: false,
    daemon: undefined,
    ...extra,
  };
  const status = await runDocker(argv, ctx);
  return { stdout, stderr, status };
}

describe('goldens recorded from docker 28.2.2 against the reference daemon (API 1.41)', () => {
  for (const g of load('golden.json')) {
    it(g.line, async () => {
      const r = await docker(g.argv, { envVars: g.env });
      expect(r).toEqual({ stdout: g.stdout, stderr: g.stderr, status: g.status });
    });
  }
});

describe('goldens recorded from docker 28.2.2 with no daemon (nothing hidden)', () => {
  for (const g of load('golden-nodaemon.json')) {
    it(g.line, async () => {
      const r = await docker(g.argv, { envVars: g.env, server: null });
      expect(r).toEqual({ stdout: g.stdout, stderr: g.stderr, status: g.status });
    });
  }
});

describe('goldens recorded on a terminal of other widths', () => {
  const cases = JSON.parse(readFileSync(new URL('./commands/testdata/golden-terminal.json', import.meta.url), 'utf8')) as {
    line: string;
    columns: number;
    argv: string[];
    output: string;
  }[];
  for (const g of cases) {
    it(`${g.line} (${g.columns} columns)`, async () => {
      const r = await docker(g.argv, { tty: true, columns: g.columns });
      expect(r.stdout + r.stderr).toBe(g.output);
    });
  }
});

/** Runs argv with `cmd`'s run replaced by a spy; returns what the run received. */
async function capture(cmd: Command, argv: string[]): Promise<{ opts: Options; args: string[]; ctx: CliContext; result: Result }> {
  const saved = cmd.run;
  let seen: { opts: Options; args: string[]; ctx: CliContext } | undefined;
  cmd.run = async (ctx, opts, args) => {
    seen = { ctx, opts, args };
    return 7;
  };
  try {
    const result = await docker(argv);
    expect(seen, `${argv.join(' ')}: ${result.stderr}`).toBeDefined();
    return { ...seen!, result };
  } finally {
    cmd.run = saved;
  }
}

describe('what a run receives', () => {
  it('parsed options with defaults, positional args, and its status', async () => {
    const { opts, args, result } = await capture(psCommand, ['ps', '-aq', '--filter', 'status=exited', '-f', 'Name = x']);
    expect(result.status).toBe(7);
    expect(args).toEqual([]);
    expect(opts.all).toBe(true);
    expect(opts.quiet).toBe(true);
    expect(opts.last).toBe(-1);
    expect(opts.format).toBe('');
    expect(opts.filter).toEqual(['status=exited', 'name=x']);
    expect(flagChanged(opts, 'all')).toBe(true);
    expect(flagChanged(opts, 'last')).toBe(false);
  });

  it('flags after the image belong to the container command (run does not intersperse)', async () => {
    const { opts, args } = await capture(runCommand, ['run', '-it', '--rm', '-e', 'A=1', '-eB=2', 'busybox', 'sh', '-c', 'echo -n hi', '--rm']);
    expect(args).toEqual(['busybox', 'sh', '-c', 'echo -n hi', '--rm']);
    expect(opts.interactive).toBe(true);
    expect(opts.tty).toBe(true);
    expect(opts.rm).toBe(true);
    expect(opts.env).toEqual(['A=1', 'B=2']);
  });

  it('`--` ends the flags', async () => {
    const { args } = await capture(runCommand, ['run', '--', 'busybox', '-x']);
    expect(args).toEqual(['busybox', '-x']);
    const ps = await docker(['ps', '--', '-a']);
    expect(ps.status).toBe(1);
    expect(ps.stderr).toMatch(/^docker: 'docker ps' accepts no arguments\n/);
  });

  it('global options before the command are taken by docker itself', async () => {
    const { opts, args } = await capture(psCommand, ['-D', '-H', 'unix:///x', '--log-level=warn', 'ps', '-n3']);
    expect(args).toEqual([]);
    expect(opts.last).toBe(3);
  });

  it('the invocation: command path, the word typed, the usage line', async () => {
    const { ctx } = await capture(psCommand, ['container', 'list']);
    expect(ctx.invocation).toMatchObject({ path: 'docker container ls', calledAs: 'list', useLine: 'docker container ls [OPTIONS]' });
    const top = await capture(psCommand, ['-D', '--context', 'default', 'ps']);
    expect(top.ctx.invocation).toMatchObject({ path: 'docker ps', calledAs: 'ps', useLine: 'docker ps [OPTIONS]' });
    expect(top.ctx.invocation!.globals).toMatchObject({ debug: true, context: 'default', 'log-level': 'info', config: '/root/.docker', host: [] });
  });

  it('a bare KEY in -e takes its value from the environment', async () => {
    const saved = runCommand.run;
    let env: unknown;
    runCommand.run = async (_ctx, opts) => {
      env = opts.env;
      return 0;
    };
    try {
      await docker(['run', '-e', 'FOO', '-e', 'BAR', 'busybox'], { envVars: { FOO: 'x' } });
    } finally {
      runCommand.run = saved;
    }
    expect(env).toEqual(['FOO=x', 'BAR']);
  });

  it('typed values: durations in ns, bytes, nano CPUs, maps', async () => {
    const { opts } = await capture(runCommand, [
      'run',
      '--health-interval=1m30s',
      '-m',
      '1.5g',
      '--memory-swap=-1',
      '--cpus',
      '1.5',
      '--sysctl',
      'net.a=1',
      '--sysctl',
      'net.b=2',
      'busybox',
    ]);
    expect(opts['health-interval']).toBe(90e9);
    expect(opts.memory).toBe(1.5 * 1024 ** 3);
    expect(opts['memory-swap']).toBe(-1);
    expect(opts.cpus).toBe(1.5e9);
    expect(opts.sysctl).toEqual({ 'net.a': '1', 'net.b': '2' });
  });
});

describe('errors and statuses', () => {
  it('a command without a run says so', async () => {
    expect(await docker(['system', 'events'])).toEqual({
      stdout: '',
      stderr: 'berth: docker system events is not implemented yet\n',
      status: 1,
    });
  });

  it('a run that throws CliError prints the message and exits with its status', async () => {
    const saved = psCommand.run;
    psCommand.run = async () => {
      throw new CliError('Error response from daemon: boom', 1);
    };
    try {
      expect(await docker(['ps'])).toEqual({ stdout: '', stderr: 'Error response from daemon: boom\n', status: 1 });
    } finally {
      psCommand.run = saved;
    }
  });

  it('a deprecated flag warns on stdout and still runs', async () => {
    const { result, opts } = await capture((await import('./commands/container/stop.ts')).stopCommand, ['stop', '--time', '3', 'c']);
    expect(result.stdout).toBe('Flag --time has been deprecated, use --timeout instead\n');
    expect(opts.time).toBe(3);
  });

  it('stub management commands are listed but not implemented, --help included', async () => {
    for (const argv of [['network', 'ls'], ['network', '--help'], ['volume']]) {
      const r = await docker(argv);
      expect(r).toEqual({ stdout: '', stderr: `berth: docker ${argv[0]} is not implemented yet\n`, status: 1 });
    }
  });

  it('help on a terminal keeps the closing hint plain (as docker does)', async () => {
    const r = await docker(['--help'], { tty: true });
    expect(r.stdout.endsWith('\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n')).toBe(true);
  });

  it('a newer daemon shows the flags it supports', async () => {
    const r = await docker(['rmi', '--help'], { server: { apiVersion: '1.50', osType: 'linux', experimental: false } });
    expect(r.stdout).toContain('--platform strings');
  });
});
