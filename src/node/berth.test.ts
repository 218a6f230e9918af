import { execFile } from 'node:child_process';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../shell/host.ts';
import { parseTranscript, serializeTranscript } from '../transcript/format.ts';
import type { Transcript } from '../transcript/format.ts';
import { normaliseTranscript } from '../transcript/normalise.ts';
import { main } from './berth.ts';
import type { CliDeps } from './berth.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const examples = join(root, 'fidelity/corpus/examples');
const EXAMPLES = [
  '01-pull-default-tag.t',
  '12-rmi-untag-vs-delete.t',
  '20-run-hello-world.t',
  '22-run-detached-loop.t',
  '27-lifecycle-create-start-stop.t',
  '31-ps-flags.t',
];

async function cli(argv: string[], deps: CliDeps) {
  let stdout = '';
  let stderr = '';
  const status = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) }, { cwd: root, ...deps });
  return { status, stdout, stderr, lines: stdout.trimEnd().split('\n') };
}

/** The "actual" transcript is the file itself, re-read: expected == actual. */
const replayItself: CliDeps['replay'] = async (_expected, file) => parseTranscript(await readFile(file, 'utf8'));

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'berth-test-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('the recorded examples', () => {
  it('are all there and round-trip through the format', async () => {
    const files = await readdir(examples);
    for (const name of EXAMPLES) {
      expect(files).toContain(name);
      const text = await readFile(join(examples, name), 'utf8');
      expect(serializeTranscript(parseTranscript(text))).toBe(text);
    }
  });

  it('normalise to a fixed point', async () => {
    for (const name of EXAMPLES) {
      const t = parseTranscript(await readFile(join(examples, name), 'utf8'));
      const once = normaliseTranscript(t);
      const again = normaliseTranscript({ ...t, commands: t.commands.map((c, i) => ({ ...c, output: once[i]! })) });
      expect(again).toEqual(once);
    }
  });

  it('berth check against themselves scores 100%', async () => {
    const r = await cli(['check', 'fidelity/corpus/examples'], { replay: replayItself });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('FAIL');
    expect(r.lines.at(-1)).toMatch(/^fidelity: (\d+)\/\1 commands \(100\.0%\)$/);
    const total = Number(/\/(\d+)/.exec(r.lines.at(-1)!)![1]);
    expect(total).toBeGreaterThanOrEqual(50); // the 6 examples hold 50 commands
    // the topic table, from the `# topic:` lines
    for (const topic of ['lifecycle', 'ps', 'pull', 'rmi', 'run']) expect(r.stdout).toMatch(new RegExp(`^${topic} .*100\\.0%$`, 'm'));
  });
});

describe('berth check on an altered copy', () => {
  let dir: string;
  const file = '20-run-hello-world.t';
  let original: string;

  beforeAll(async () => {
    dir = join(tmp, 'altered');
    await mkdir(dir, { recursive: true });
    original = await readFile(join(examples, file), 'utf8');
    await writeFile(join(dir, file), original);
  });

  /** Replays by handing back an edited copy of the file. */
  const replayWith =
    (edit: (text: string) => string): CliDeps['replay'] =>
    async (_expected, f) =>
      parseTranscript(edit(await readFile(f, 'utf8')));

  it('passes when only run-to-run values differ (ids, names, times)', async () => {
    const other = (t: string) =>
      t
        .replaceAll('0ead962f3252', 'c0ffee123456')
        .replaceAll('nervous_shaw', 'happy_turing')
        .replace('1 second ago   Exited (0) Less than a second ago             elated_hugle', '3 seconds ago   Exited (0) 2 seconds ago   sad_wu')
        .replace('d85b16565e5ec666056329ed8908a744ecc346100e2c3f9a25bae85823d761a6', 'f'.repeat(64))
        .replace('aa06a41bc224: Download complete', 'aa06a41bc224: Verifying Checksum\n  aa06a41bc224: Download complete');
    expect(other(original)).not.toBe(original);
    const r = await cli(['check', dir], { replay: replayWith(other) });
    expect(r.stdout).not.toContain('FAIL');
    expect(r.status).toBe(0);
  });

  it('fails on exactly the altered command', async () => {
    const t = parseTranscript(original);
    const second = t.commands[1]!;
    expect(second.command).toBe('docker run busybox echo Hello World');
    const altered = (text: string) => {
      const a: Transcript = parseTranscript(text);
      a.commands[1]!.output = ['Hello world'];
      return serializeTranscript(a);
    };
    const r = await cli(['check', dir], { replay: replayWith(altered) });
    expect(r.status).toBe(1);
    const fails = r.lines.filter((l) => l.startsWith('FAIL '));
    expect(fails).toEqual([`FAIL ${join(dir, file)}:${second.line}: $ docker run busybox echo Hello World`]);
    expect(r.stdout).toContain('    - Hello World\n    + Hello world\n');
    const n = t.commands.length;
    expect(r.lines.at(-1)).toBe(`fidelity: ${n - 1}/${n} commands (${(Math.floor(((n - 1) * 1000) / n) / 10).toFixed(1)}%)`);

    // a threshold instead of 100%
    expect((await cli(['check', dir, '--min-percent', '50'], { replay: replayWith(altered) })).status).toBe(0);
    expect((await cli(['check', dir, '--min-percent=99.5'], { replay: replayWith(altered) })).status).toBe(1);

    // --quiet: only the failures and the score
    const q = await cli(['check', '--quiet', dir], { replay: replayWith(altered) });
    expect(q.stdout).not.toMatch(/^topic /m);
    expect(q.lines.filter((l) => l.startsWith('FAIL '))).toEqual(fails);
    expect(q.lines.at(-1)).toBe(r.lines.at(-1));
  });

  it('fails on a changed exit status', async () => {
    const altered = (text: string) => {
      const a = parseTranscript(text);
      a.commands[3]!.status = 1;
      return serializeTranscript(a);
    };
    const r = await cli(['check', join(dir, file)], { replay: replayWith(altered) });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('  exit status: expected 0, actual 1\n');
    expect(r.lines.filter((l) => l.startsWith('FAIL '))).toHaveLength(1);
  });
});

describe('berth run', () => {
  const echoHost = async (): Promise<Host> => ({
    async run(command, io) {
      if (command === 'fail') {
        io.stderr.write('nope\n');
        return 2;
      }
      io.stdout.write(`${command.toUpperCase()}\n`);
      return 0;
    },
    cwd: () => '/root',
  });

  it('writes each replayed transcript into --out', async () => {
    const src = join(tmp, 'run-src');
    await mkdir(join(src, 'sub'), { recursive: true });
    await writeFile(join(src, 'a.t'), '# topic: x\n  $ echo a\n  old\n  $ fail\n');
    await writeFile(join(src, 'sub', 'b.t'), '  $ echo b\n');
    await writeFile(join(src, 'notes.md'), 'not a transcript\n');
    const out = join(tmp, 'run-out');
    const r = await cli(['run', src, '--out', out], { newHost: echoHost });
    expect(r.status).toBe(0);
    expect(await readFile(join(out, 'a.t'), 'utf8')).toBe('# topic: x\n  $ echo a\n  ECHO A\n  $ fail\n  nope\n  [2]\n');
    expect(await readFile(join(out, 'sub', 'b.t'), 'utf8')).toBe('  $ echo b\n  ECHO B\n');
    expect(await readdir(out)).toEqual(['a.t', 'sub']);
    // without --out, to stdout
    const s = await cli(['run', join(src, 'sub', 'b.t')], { newHost: echoHost });
    expect(s.stdout).toBe('  $ echo b\n  ECHO B\n');
  });

  it('reports usage errors and missing files with status 2', async () => {
    expect((await cli([], {})).status).toBe(2);
    expect((await cli(['frobnicate'], {})).status).toBe(2);
    expect((await cli(['check'], {})).status).toBe(2);
    expect((await cli(['check', 'x', '--min-percent', 'lots'], {})).status).toBe(2);
    expect((await cli(['check', 'x', '--bogus'], {})).status).toBe(2);
    const missing = await cli(['check', 'no/such/dir'], {});
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('berth: no/such/dir: no such file or directory\n');
  });
});

describe('bin/berth.mjs', () => {
  it('runs in plain Node and ends a check with the score line', async () => {
    const dir = join(tmp, 'bin');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'echo.t'), '# topic: shell\n  $ echo hi\n  hi\n  $ echo there\n  there\n');
    const { code, stdout } = await new Promise<{ code: number; stdout: string }>((done) => {
      execFile(process.execPath, [join(root, 'bin/berth.mjs'), 'check', dir], { cwd: root }, (err, stdout) => {
        done({ code: err ? Number(err.code) : 0, stdout });
      });
    });
    expect([0, 1]).toContain(code);
    const last = stdout.trimEnd().split('\n').at(-1)!;
    expect(last).toMatch(/^fidelity: [0-2]\/2 commands \((0\.0|50\.0|100\.0)%\)$/);
    expect(code).toBe(last.startsWith('fidelity: 2/2') ? 0 : 1);
  }, 60_000);
});
