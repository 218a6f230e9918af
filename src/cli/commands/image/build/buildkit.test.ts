// BuildKit's output as docker 28 + buildx print it. The real engine here is
// 20.10 (no buildx), so the goldens in testdata/buildkit were written from
// the formats in buildx's source (docker/buildx v0.24.0-v0.29.0: vendor/
// github.com/moby/buildkit/util/progress/progressui/{printer,display}.go,
// commands/build.go printWarnings, cmd/buildx/main.go; moby/buildkit
// solver/errdefs/source.go) and checked line by line against real outputs
// published on docs.docker.com and in GitHub issues; testdata/buildkit/
// README.md says which output pins which golden.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildError } from '../../../../engine/build/types.ts';
import { unitsBytes } from './buildkit.ts';
import { createPrinter, type BuildPrinter, type PrinterEvent, type PrinterOptions } from './printer.ts';

const dir = join(import.meta.dirname, 'testdata', 'buildkit');
const golden = (name: string): string => readFileSync(join(dir, name), 'utf8');

/** A fake clock and timer: `at(ms)` moves the clock, firing the timer's ticks on the way. */
class Clock {
  t = 1_000_000;
  private timers: Array<{ every: number; next: number; tick: () => void; off: boolean }> = [];
  now = (): number => this.t;
  every = (ms: number, tick: () => void): (() => void) => {
    const timer = { every: ms, next: this.t + ms, tick, off: false };
    this.timers.push(timer);
    return () => {
      timer.off = true;
    };
  };
  /** Moves to `start + ms` (ms since the build started). */
  at(ms: number, start = 1_000_000): void {
    const to = start + ms;
    for (;;) {
      const due = this.timers.filter((x) => !x.off && x.next <= to).sort((a, b) => a.next - b.next)[0];
      if (!due) break;
      this.t = due.next;
      due.next += due.every;
      due.tick();
    }
    this.t = to;
  }
  get ticking(): boolean {
    return this.timers.some((x) => !x.off);
  }
}

interface Harness {
  p: BuildPrinter;
  clock: Clock;
  out: () => string;
  err: () => string;
}

function printer(o: Partial<PrinterOptions> = {}): Harness {
  let out = '';
  let err = '';
  const clock = new Clock();
  const p = createPrinter({
    builder: 'buildkit',
    out: { write: (t) => (out += t) },
    err: { write: (t) => (err += t) },
    tty: false,
    quiet: false,
    now: clock.now,
    every: clock.every,
    ...o,
  });
  return { p, clock, out: () => out, err: () => err };
}

const BUSYBOX = 'docker.io/library/busybox:latest@sha256:37f7b378a29ceb4c551b1b5582e27747b855bbfaa73fa11914fe0df028dc581f';
const IMAGE = 'sha256:2f13ef1852a0eed80c06a70b221bc96c95b8c2d64cf213bc5f38ad5b9bda9676';

function step(stageStep: number, stageTotal: number, vertex: string, o: { stageName?: string; line?: number } = {}): PrinterEvent {
  return {
    type: 'step',
    n: stageStep,
    total: stageTotal,
    stage: 0,
    stageName: o.stageName,
    stageStep,
    stageTotal,
    text: vertex,
    vertex,
    line: o.line ?? stageStep,
  };
}

/** Runs `script`: numbers move the clock (ms since the start), events go to the printer. */
function play(h: Harness, script: Array<PrinterEvent | number>): void {
  for (const x of script) {
    if (typeof x === 'number') h.clock.at(x);
    else h.p.event(x);
  }
}

const head: Array<PrinterEvent | number> = [
  { type: 'definition', name: 'Dockerfile', bytes: 73 },
  12,
  { type: 'metadata', ref: 'docker.io/library/busybox:latest' },
  20,
  { type: 'dockerignore', bytes: 0 },
  25,
  step(1, 2, `FROM ${BUSYBOX}`),
  31,
  { type: 'stepDone', imageId: 'sha256:aaaa' },
];

const runScript: Array<PrinterEvent | number> = [
  ...head,
  40,
  step(2, 2, 'RUN echo hi && echo there >&2'),
  294,
  { type: 'output', stream: 'stdout', text: 'hi\n' },
  301,
  { type: 'output', stream: 'stderr', text: 'there\n' },
  360,
  { type: 'stepDone', imageId: 'sha256:bbbb' },
  370,
  { type: 'built', imageId: IMAGE, layers: 2 },
  { type: 'tagged', ref: 'x:latest', canonical: 'docker.io/library/x:latest' },
  400,
];

describe('BuildKit plain output (no terminal)', () => {
  it('numbers each step, times it, timestamps its output and ends with the export', () => {
    const h = printer();
    play(h, runScript);
    h.p.finish();
    expect(h.err()).toBe(golden('plain-run.golden'));
    expect(h.out()).toBe('');
  });

  it('CACHED steps', () => {
    const h = printer();
    play(h, [...head, 33, step(2, 2, 'RUN echo hi'), { type: 'cached' }, { type: 'stepDone', imageId: 'sha256:bbbb' }, { type: 'built', imageId: IMAGE, layers: 2 }, { type: 'tagged', ref: 'x:latest', canonical: 'docker.io/library/x:latest' }]);
    h.p.finish();
    expect(h.err()).toBe(golden('plain-cached.golden'));
  });

  it('a linter warning on the definition step, and the summary after the build', () => {
    const h = printer();
    play(h, [
      { type: 'definition', name: 'Dockerfile', bytes: 52 },
      {
        type: 'warning',
        short: 'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals',
        line: 2,
      },
      { type: 'metadata', ref: 'docker.io/library/busybox:latest' },
      step(1, 1, `FROM ${BUSYBOX}`),
      { type: 'cached' },
      { type: 'stepDone', imageId: 'sha256:aaaa' },
      { type: 'built', imageId: IMAGE, layers: 1 },
    ]);
    h.p.finish();
    expect(h.err()).toBe(golden('plain-warning.golden'));
  });

  it('a failing RUN: ERROR, its last output lines, the Dockerfile lines around it, exit status 1', () => {
    const h = printer({ dockerfileText: 'FROM busybox\nRUN echo hi\nRUN echo oops >&2; exit 3\nCMD ["sh"]\n' });
    play(h, [
      ...head.map((e) => (typeof e === 'object' && e.type === 'step' ? step(1, 3, `FROM ${BUSYBOX}`) : e)),
      40,
      step(2, 3, 'RUN echo hi'),
      { type: 'cached' },
      { type: 'stepDone', imageId: 'sha256:bbbb' },
      50,
      step(3, 3, 'RUN echo oops >&2; exit 3'),
      250,
      { type: 'output', stream: 'stderr', text: 'oops\n' },
      310,
    ]);
    const status = h.p.fail(
      new BuildError("The command '/bin/sh -c echo oops >&2; exit 3' returned a non-zero code: 3", {
        buildkit: 'process "/bin/sh -c echo oops >&2; exit 3" did not complete successfully: exit code: 3',
        exitCode: 3,
        line: { start: 3, end: 3 },
        vertex: '[3/3] RUN echo oops >&2; exit 3',
      }),
    );
    expect(h.err()).toBe(golden('plain-fail.golden'));
    expect(status).toBe(1);
  });

  it('an error before any step: the definition step is done, then the excerpt and the error', () => {
    const h = printer({ dockerfileText: 'FROM busybox\nFORM x\n' });
    play(h, [{ type: 'definition', name: 'Dockerfile', bytes: 20 }, 3]);
    const status = h.p.fail(
      new BuildError('dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)', { early: true, line: { start: 2, end: 2 } }),
    );
    expect(h.err()).toBe(golden('plain-parse-error.golden'));
    expect(status).toBe(1);
  });

  it('stage names and step numbers padded to the width of the total', () => {
    const h = printer();
    play(h, [step(1, 13, 'FROM docker.io/library/node:20-alpine', { stageName: 'build' }), { type: 'stepDone', imageId: 'a' }, step(4, 13, 'COPY . /app'), { type: 'stepDone', imageId: 'b' }]);
    expect(h.err()).toContain('\n#1 [build  1/13] FROM docker.io/library/node:20-alpine\n');
    expect(h.err()).toContain('\n#2 [ 4/13] COPY . /app\n');
  });

  it('a step shows as soon as it starts; a COPY once the context it needs is loaded', () => {
    const h = printer();
    play(h, [step(1, 3, 'RUN sleep 5')]);
    expect(h.err()).toMatch(/#1 \[1\/3\] RUN sleep 5\n$/);
    play(h, [5_000, { type: 'stepDone', imageId: 'a' }, step(2, 3, 'COPY a /a')]);
    expect(h.err()).toMatch(/#1 DONE 5.0s\n$/);
    play(h, [{ type: 'context', bytes: 30 }]);
    expect(h.err()).toMatch(/#2 \[internal\] load build context\n#2 transferring context: 30B done\n#2 DONE 0.0s\n\n#3 \[2\/3\] COPY a \/a\n$/);
  });

  it('log timestamps: 3 decimals under 10s, 2 under 100s, then 1', () => {
    const h = printer();
    play(h, [step(1, 1, 'RUN long'), 9_999, { type: 'output', stream: 'stdout', text: 'a\n' }, 12_345, { type: 'output', stream: 'stdout', text: 'b\n' }, 123_456, { type: 'output', stream: 'stdout', text: 'c\n' }]);
    expect(h.err()).toContain('#1 9.999 a\n#1 12.35 b\n#1 123.5 c\n');
  });

  it('output without a final newline continues on the same record and is ended before DONE', () => {
    const h = printer();
    play(h, [step(1, 1, 'RUN printf'), 100, { type: 'output', stream: 'stdout', text: 'one\ntw' }, 150, { type: 'output', stream: 'stdout', text: 'o\nthr' }, 200, { type: 'stepDone', imageId: 'a' }]);
    expect(h.err()).toContain('#1 [1/1] RUN printf\n#1 0.100 one\n#1 0.100 two\n#1 0.150 thr\n#1 DONE 0.2s\n');
  });

  it('a running status is shown again once it moved 5% or after 5 seconds; its end always', () => {
    const h = printer();
    const blob = (current: number, done = false): PrinterEvent => ({ type: 'status', id: 'sha256:c1a2', current, total: 2_000_000, done });
    play(h, [step(1, 1, `FROM ${BUSYBOX}`), blob(0), 100, blob(50_000), 200, blob(150_000), 6_000, blob(160_000), 6_100, blob(2_000_000, true)]);
    expect(h.err()).toContain(
      '#1 sha256:c1a2 0B / 2.00MB\n#1 sha256:c1a2 150.00kB / 2.00MB 0.2s\n#1 sha256:c1a2 160.00kB / 2.00MB 6.0s\n#1 sha256:c1a2 2.00MB / 2.00MB 6.1s done\n',
    );
  });

  it('--progress=plain on a terminal prints the records too', () => {
    const h = printer({ tty: true, progress: 'plain' });
    play(h, runScript);
    h.p.finish();
    expect(h.err()).toBe(golden('plain-run.golden'));
  });

  it('a cancelled build: CANCELED and status 130', () => {
    const h = printer();
    play(h, [step(1, 1, 'RUN sleep 100'), 500]);
    expect(h.p.fail(new BuildError('context canceled'))).toBe(130);
    expect(h.err()).toContain('#1 CANCELED\nERROR: failed to build: failed to solve: context canceled\n');
  });
});

describe('BuildKit records in the engine order', () => {
  it("warnings go to the definition step, .dockerignore after the metadata, the context before its COPY, ENV and CMD show nothing", () => {
    const h = printer();
    play(h, [
      { type: 'definition', name: 'Dockerfile', bytes: 96 },
      { type: 'dockerignore', bytes: 0 },
      { type: 'warning', short: 'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals', line: 5 },
      { type: 'metadata', ref: 'docker.io/library/busybox:latest' },
      5,
      step(1, 3, `FROM ${BUSYBOX}`),
      { type: 'stepDone', imageId: 'sha256:aaaa' },
      step(0, 3, 'ENV A=1'),
      { type: 'stepDone', imageId: 'sha256:aaaa' },
      step(2, 3, 'COPY a.txt /a.txt'),
      { type: 'context', bytes: 2_100 },
      10,
      { type: 'stepDone', imageId: 'sha256:bbbb' },
      step(3, 3, 'COPY b.txt /b.txt'),
      { type: 'context', bytes: 30 },
      { type: 'cached' },
      { type: 'stepDone', imageId: 'sha256:cccc' },
      step(0, 3, 'CMD sh'),
      { type: 'cached' },
      { type: 'stepDone', imageId: 'sha256:cccc' },
      { type: 'built', imageId: IMAGE, layers: 2 },
    ]);
    h.p.finish();
    expect(h.err()).toBe(golden('plain-engine-order.golden'));
  });

  it("the parser's empty-continuation warning shows as BuildKit's NoEmptyContinuation rule", () => {
    const h = printer();
    play(h, [
      { type: 'definition', name: 'Dockerfile', bytes: 40 },
      { type: 'warning', short: 'Empty continuation line found in: RUN echo a   b', line: 3 },
      { type: 'metadata', ref: 'docker.io/library/busybox:latest' },
    ]);
    expect(h.err()).toContain('#1 WARN: NoEmptyContinuation: Empty continuation line (line 3)\n');
  });

  it('a base image that cannot be pulled fails its metadata step', () => {
    const h = printer({ dockerfileText: 'FROM nosuch\nRUN true\n' });
    play(h, [
      { type: 'definition', name: 'Dockerfile', bytes: 21 },
      { type: 'dockerignore', bytes: 0 },
      { type: 'metadata', ref: 'docker.io/library/nosuch:latest' },
      900,
    ]);
    const msg =
      "docker.io/library/nosuch:latest: failed to resolve source metadata for docker.io/library/nosuch:latest: pull access denied for nosuch, repository does not exist or may require 'docker login': denied: requested access to the resource is denied";
    expect(h.p.fail(new BuildError('x', { buildkit: msg, line: { start: 1, end: 1 } }))).toBe(1);
    expect(h.err()).toBe(
      [
        '#0 building with "default" instance using docker driver',
        '',
        '#1 [internal] load build definition from Dockerfile',
        '#1 transferring dockerfile: 21B done',
        '#1 DONE 0.0s',
        '',
        '#2 [internal] load metadata for docker.io/library/nosuch:latest',
        `#2 ERROR: ${msg}`,
        '',
        '#3 [internal] load .dockerignore',
        '#3 transferring context: 2B done',
        '#3 DONE 0.0s',
        '------',
        ' > [internal] load metadata for docker.io/library/nosuch:latest:',
        '------',
        'Dockerfile:1',
        '--------------------',
        '   1 | >>> FROM nosuch',
        '   2 |     RUN true',
        '   3 |     ',
        '--------------------',
        `ERROR: failed to build: failed to solve: ${msg}`,
        '',
      ].join('\n'),
    );
  });
});

describe('BuildKit -q', () => {
  it('prints only the image ID, on stdout', () => {
    const h = printer({ quiet: true, tty: true });
    play(h, runScript);
    h.p.finish();
    expect(h.out()).toBe(IMAGE + '\n');
    expect(h.err()).toBe('');
    expect(h.clock.ticking).toBe(false);
  });

  it('a failure still prints the excerpt and the error', () => {
    const h = printer({ quiet: true, dockerfileText: 'FROM busybox\nRUN false\n' });
    play(h, [...head, step(2, 2, 'RUN false')]);
    const status = h.p.fail(
      new BuildError("The command '/bin/sh -c false' returned a non-zero code: 1", {
        buildkit: 'process "/bin/sh -c false" did not complete successfully: exit code: 1',
        line: { start: 2, end: 2 },
      }),
    );
    expect(h.out()).toBe('');
    expect(h.err()).toBe(
      'Dockerfile:2\n--------------------\n   1 |     FROM busybox\n   2 | >>> RUN false\n   3 |     \n--------------------\n' +
        'ERROR: failed to build: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1\n',
    );
    expect(status).toBe(1);
  });
});

describe('the Dockerfile excerpt (errdefs Source.Print)', () => {
  const excerpt = (text: string, start: number, end: number): string => {
    const h = printer({ quiet: true, dockerfileText: text });
    h.p.fail(new BuildError('x', { line: { start, end } }));
    return h.err().replace(/ERROR: .*\n$/, '');
  };
  const ten = Array.from({ length: 10 }, (_, i) => `L${i + 1}`).join('\n') + '\n';

  it('one line: up to four lines of context around it (the loop counts a missing line before it too)', () => {
    expect(excerpt(ten, 1, 1)).toBe(
      'Dockerfile:1\n--------------------\n   1 | >>> L1\n   2 |     L2\n   3 |     L3\n--------------------\n',
    );
    expect(excerpt(ten, 5, 5)).toBe(
      'Dockerfile:5\n--------------------\n   3 |     L3\n   4 |     L4\n   5 | >>> L5\n   6 |     L6\n   7 |     L7\n--------------------\n',
    );
  });

  it('a range: two lines of context, all its lines marked; the last line of the text may be the empty one after the final newline', () => {
    expect(excerpt(ten, 9, 10)).toBe(
      'Dockerfile:9\n--------------------\n   8 |     L8\n   9 | >>> L9\n  10 | >>> L10\n  11 |     \n--------------------\n',
    );
  });

  it('nothing for a line outside the text', () => {
    expect(excerpt('FROM x\n', 5, 5)).toBe('');
  });
});

describe('tonistiigi/units %.2f', () => {
  it('whole bytes below 1kB, two decimals above, decimal units', () => {
    expect(unitsBytes(0)).toBe('0B');
    expect(unitsBytes(73)).toBe('73B');
    expect(unitsBytes(999)).toBe('999B');
    expect(unitsBytes(1000)).toBe('1.00kB');
    expect(unitsBytes(2160)).toBe('2.16kB');
    expect(unitsBytes(39_290)).toBe('39.29kB');
    expect(unitsBytes(3_750_000)).toBe('3.75MB');
    expect(unitsBytes(25_690_000)).toBe('25.69MB');
  });
});

/**
 * Just enough of a terminal to see what the live view leaves on screen:
 * text with the pending wrap at the right margin, CR, LF (as CR LF, what the
 * page's terminal does with "\n"), the CSI moves buildx emits (A, B, G, K),
 * SGR colours and cursor show/hide dropped.
 */
class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  cursorShown = true;
  private pendingWrap = false;
  constructor(readonly cols: number) {}

  write(data: string): void {
    for (let i = 0; i < data.length; ) {
      const m = /^\x1b\[(\??)([0-9;]*)([A-Za-z])/.exec(data.slice(i, i + 16));
      if (m) {
        this.csi(m[1]!, m[2]!, m[3]!);
        i += m[0].length;
        continue;
      }
      const c = data[i++]!;
      if (c === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (c === '\n') {
        this.col = 0;
        this.row++;
        this.line();
        this.pendingWrap = false;
      } else {
        if (this.pendingWrap) {
          this.col = 0;
          this.row++;
          this.line();
          this.pendingWrap = false;
        }
        this.line()[this.col] = c;
        if (this.col === this.cols - 1) this.pendingWrap = true;
        else this.col++;
      }
    }
  }

  text(): string[] {
    const rows = this.rows.map((r) => Array.from(r, (ch) => ch ?? ' ').join('').trimEnd());
    while (rows.length > 0 && rows[rows.length - 1] === '') rows.pop();
    return rows;
  }

  private line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row]!;
  }

  private csi(priv: string, params: string, final: string): void {
    const n = Number(params || '1');
    this.pendingWrap = false;
    if (priv === '?') {
      if (params === '25') this.cursorShown = final === 'h';
      return;
    }
    switch (final) {
      case 'A':
        this.row = Math.max(0, this.row - n);
        break;
      case 'B':
        this.row += n;
        this.line();
        break;
      case 'G':
        this.col = Math.max(0, Math.min(this.cols - 1, Number(params || '1') - 1));
        break;
      case 'K':
        this.line().length = Math.min(this.line().length, this.col);
        break;
    }
  }
}

describe('BuildKit on a terminal (the live view)', () => {
  const tty = (columns = 80, rows = 24): Harness & { screen: Screen } => {
    const screen = new Screen(columns);
    screen.write('$ docker build .\n');
    const h = printer({ tty: true, columns, rows, err: { write: (t) => screen.write(t) } });
    return { ...h, screen };
  };

  it('draws at once, redraws in place on the timer, and collapses to the finished list', () => {
    const h = tty();
    h.p.event({ type: 'definition', name: 'Dockerfile', bytes: 73 });
    expect(h.screen.text()).toEqual([
      '$ docker build .',
      '[+] Building 0.0s (0/1)                                          docker:default',
      ' => [internal] load build definition from Dockerfile                       0.0s',
      ' => => transferring dockerfile: 73B                                        0.0s',
    ]);
    play(h, runScript.slice(1, runScript.indexOf(294)));
    h.clock.at(294);
    h.p.event({ type: 'output', stream: 'stdout', text: 'hi\n' });
    h.clock.at(301);
    h.p.event({ type: 'output', stream: 'stderr', text: 'there\n' });
    h.clock.at(1_250);
    // the running step shows its last lines under it
    expect(h.screen.text()).toEqual([
      '$ docker build .',
      '[+] Building 1.2s (4/6)                                          docker:default',
      ' => [internal] load build definition from Dockerfile                       0.0s',
      ' => => transferring dockerfile: 73B                                        0.0s',
      ' => [internal] load metadata for docker.io/library/busybox:latest          0.0s',
      ' => [internal] load .dockerignore                                          0.0s',
      ' => => transferring context: 2B                                            0.0s',
      ' => [1/2] FROM docker.io/library/busybox:latest@sha256:37f7b378a29ceb4c55  0.0s',
      ' => [2/2] RUN echo hi && echo there >&2                                    1.2s',
      ' => => # hi',
      ' => => # there',
    ]);
    play(h, runScript.slice(runScript.indexOf(360)));
    h.p.finish();
    expect(h.screen.text()).toEqual([
      '$ docker build .',
      '[+] Building 0.4s (6/6) FINISHED                                 docker:default',
      ' => [internal] load build definition from Dockerfile                       0.0s',
      ' => => transferring dockerfile: 73B                                        0.0s',
      ' => [internal] load metadata for docker.io/library/busybox:latest          0.0s',
      ' => [internal] load .dockerignore                                          0.0s',
      ' => => transferring context: 2B                                            0.0s',
      ' => [1/2] FROM docker.io/library/busybox:latest@sha256:37f7b378a29ceb4c55  0.0s',
      ' => [2/2] RUN echo hi && echo there >&2                                    0.3s',
      ' => exporting to image                                                     0.0s',
      ' => => exporting layers                                                    0.0s',
      ' => => writing image sha256:2f13ef1852a0eed80c06a70b221bc96c95b8c2d64cf21  0.0s',
      ' => => naming to docker.io/library/x:latest                                0.0s',
    ]);
    expect(h.screen.cursorShown).toBe(true);
    expect(h.clock.ticking).toBe(false);
  });
  it('a failure: the step turns red, then its whole output, the excerpt and the error under the list', () => {
    let raw = '';
    const screen = new Screen(80);
    screen.write('$ docker build .\n');
    const h = printer({
      tty: true,
      columns: 80,
      rows: 24,
      dockerfileText: 'FROM busybox\nRUN echo hi\nRUN false\n',
      err: { write: (t) => (screen.write(t), (raw += t)) },
    });
    play(h, [
      ...head.map((e) => (typeof e === 'object' && e.type === 'step' ? step(1, 3, `FROM ${BUSYBOX}`) : e)),
      step(2, 3, 'RUN echo hi'),
      { type: 'cached' },
      { type: 'stepDone', imageId: 'sha256:bbbb' },
      50,
      step(3, 3, 'RUN false'),
      ...Array.from({ length: 12 }, (_, i) => ({ type: 'output', stream: 'stdout', text: `line ${i + 1}\n` }) as PrinterEvent),
      260,
    ]);
    const status = h.p.fail(
      new BuildError("The command '/bin/sh -c false' returned a non-zero code: 1", {
        buildkit: 'process "/bin/sh -c false" did not complete successfully: exit code: 1',
        line: { start: 3, end: 3 },
      }),
    );
    expect(status).toBe(1);
    expect(screen.text()).toEqual([
      '$ docker build .',
      '[+] Building 0.3s (6/6) FINISHED                                 docker:default',
      ' => [internal] load build definition from Dockerfile                       0.0s',
      ' => => transferring dockerfile: 73B                                        0.0s',
      ' => [internal] load metadata for docker.io/library/busybox:latest          0.0s',
      ' => [internal] load .dockerignore                                          0.0s',
      ' => => transferring context: 2B                                            0.0s',
      ' => [1/3] FROM docker.io/library/busybox:latest@sha256:37f7b378a29ceb4c55  0.0s',
      ' => CACHED [2/3] RUN echo hi                                               0.0s',
      ' => ERROR [3/3] RUN false                                                  0.2s',
      '------',
      ' > [3/3] RUN false:',
      ...Array.from({ length: 12 }, (_, i) => `0.000 line ${i + 1}`),
      '------',
      'Dockerfile:3',
      '--------------------',
      '   1 |     FROM busybox',
      '   2 |     RUN echo hi',
      '   3 | >>> RUN false',
      '   4 |',
      '--------------------',
      // the terminal wraps the long line
      'ERROR: failed to build: failed to solve: process "/bin/sh -c false" did not comp',
      'lete successfully: exit code: 1',
    ]);
    // finished rows in blue, the failed one in red (init.go's colours)
    expect(raw).toContain('\x1b[34m => CACHED [2/3] RUN echo hi');
    expect(raw).toContain('\x1b[31m => ERROR [3/3] RUN false                                                  0.2s\n\x1b[0m');
  });

  it('a warning row under its step while running, and the summary after the finished list', () => {
    const h = tty();
    play(h, [
      { type: 'definition', name: 'Dockerfile', bytes: 52 },
      { type: 'warning', short: 'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals', line: 2 },
      { type: 'metadata', ref: 'docker.io/library/busybox:latest' },
      step(1, 1, `FROM ${BUSYBOX}`),
      { type: 'stepDone', imageId: 'sha256:aaaa' },
      { type: 'built', imageId: IMAGE, layers: 1 },
    ]);
    h.p.finish();
    const text = h.screen.text();
    expect(text.slice(2, 5)).toEqual([
      ' => [internal] load build definition from Dockerfile                       0.0s',
      ' => => transferring dockerfile: 52B                                        0.0s',
      // as in a Docker Desktop user's output: "... recommended for CMD to prev  0.0s"
      ' => WARN: JSONArgsRecommended: JSON arguments recommended for CMD to prev  0.0s',
    ]);
    expect(text.slice(-4)).toEqual([
      '',
      ' 1 warning found (use docker --debug to expand):',
      ' - JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended',
      ' behavior related to OS signals (line 2)',
    ]);
  });

  it('events closer than 100ms do not redraw; the 150ms timer does', () => {
    let writes = 0;
    const h = printer({ tty: true, err: { write: () => writes++ } });
    h.p.event({ type: 'definition', name: 'Dockerfile', bytes: 73 });
    expect(writes).toBe(1);
    h.clock.at(50);
    h.p.event({ type: 'metadata', ref: 'docker.io/library/busybox:latest' });
    expect(writes).toBe(1);
    h.clock.at(150);
    expect(writes).toBe(2);
    h.clock.at(260);
    h.p.event({ type: 'metadata', ref: 'docker.io/library/debian:latest' });
    expect(writes).toBe(3);
  });

  it('a late timer tick after the end draws nothing', () => {
    let writes = 0;
    let tick = (): void => {};
    const p = createPrinter({
      builder: 'buildkit',
      out: { write: () => {} },
      err: { write: () => writes++ },
      tty: true,
      quiet: false,
      now: () => 0,
      every: (_ms, t) => ((tick = t), () => {}),
    });
    p.event({ type: 'definition', name: 'Dockerfile', bytes: 73 });
    p.finish();
    const after = writes;
    tick();
    expect(writes).toBe(after);
  });

  it('a short screen shows the last rows while running, and everything once finished', () => {
    const h = tty(80, 6);
    play(h, runScript.slice(0, runScript.indexOf(294)));
    h.clock.at(294);
    // the last frame came from the timer at 150ms: rows - 2 rows of steps
    expect(h.screen.text()).toEqual([
      '$ docker build .',
      '[+] Building 0.1s (4/6)                                          docker:default',
      ' => [internal] load .dockerignore                                          0.0s',
      ' => => transferring context: 2B                                            0.0s',
      ' => [1/2] FROM docker.io/library/busybox:latest@sha256:37f7b378a29ceb4c55  0.0s',
      ' => [2/2] RUN echo hi && echo there >&2                                    0.1s',
    ]);
    play(h, runScript.slice(runScript.indexOf(294)));
    h.p.finish();
    expect(h.screen.text()).toHaveLength(13);
  });

  it('a narrow screen cuts names to fit and keeps every row shorter than the width', () => {
    const h = tty(40);
    play(h, runScript);
    h.p.finish();
    const text = h.screen.text();
    expect(text[1]).toBe('[+] Building 0.4s (6/6) FINISHED docker:default'.slice(0, 40));
    // 40 - " => " - " 0.0s\n" - 1 leaves 29 columns for the name
    expect(text[2]).toBe(' => [internal] load build definit  0.0s');
    // the header is cut at the width (display.go out[:width]), the rows end one short of it
    expect(text[1]).toHaveLength(40);
    expect(text.slice(2).every((l) => l.length < 40)).toBe(true);
  });
  it("a FROM's pull statuses: names cut to make room for the sizes, as in a real 72-column output", () => {
    // Rows quoted from a real build log (docker 20.10's buildx, the same
    // display.go layout): " => [1/2] FROM docker.io/library/ubuntu:18.04@sha256:a3765b4d7474  2.5s",
    // " => => sha256:fdd3c9372c19afa928f99afde58f0f80a008ebb 424B / 424B  0.0s",
    // " => => sha256:72d9f18d70f395ff9bfae4d193077ccea 25.69MB / 25.69MB  0.5s",
    // " => => extracting sha256:72d9f18d70f395ff9bfae4d193077ccea3ca583e  1.7s".
    const h = tty(72);
    const layer = 'sha256:72d9f18d70f395ff9bfae4d193077ccea3ca583e00000000000000000000000';
    play(h, [
      step(1, 2, 'FROM docker.io/library/ubuntu:18.04@sha256:a3765b4d74747b5e9bdd03205b3fbc4fa19a02781c185f97f24c8f4f84ed7bbf'),
      { type: 'status', id: 'sha256:fdd3c9372c19afa928f99afde58f0f80a008ebb0000000000000000000000000', current: 424, total: 424, done: true },
      { type: 'status', id: layer, current: 0, total: 25_690_000 },
      500,
      { type: 'status', id: layer, current: 25_690_000, total: 25_690_000, done: true },
      { type: 'status', id: `extracting ${layer}` },
      2_200,
      { type: 'status', id: `extracting ${layer}`, done: true },
      2_500,
      { type: 'stepDone', imageId: 'sha256:aaaa' },
    ]);
    h.p.finish();
    expect(h.screen.text().slice(2)).toEqual([
      ' => [1/2] FROM docker.io/library/ubuntu:18.04@sha256:a3765b4d7474  2.5s',
      ' => => sha256:fdd3c9372c19afa928f99afde58f0f80a008ebb 424B / 424B  0.0s',
      ' => => sha256:72d9f18d70f395ff9bfae4d193077ccea 25.69MB / 25.69MB  0.5s',
      ' => => extracting sha256:72d9f18d70f395ff9bfae4d193077ccea3ca583e  1.7s',
    ]);
  });
});
