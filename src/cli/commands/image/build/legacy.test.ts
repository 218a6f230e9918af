// Golden tests of the legacy builder's output: each event stream below is
// what the engine reports for a build recorded on a real engine (the
// commands, and what was changed for Docker 28, in testdata/legacy/README.md);
// the printer must print the recorded bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildError } from '../../../../engine/build/types.ts';
import { createPrinter, legacyDeprecationNotice, sendingContextLine, type PrinterEvent } from './printer.ts';

const dir = join(import.meta.dirname, 'testdata', 'legacy');
const golden = (name: string): string => readFileSync(join(dir, name), 'utf8');

interface Run {
  stdout: string;
  stderr: string;
  status: number;
}

/** Prints a build as `docker build` does: the notice, the upload, the events, then success or the error. */
function build(events: PrinterEvent[], o: { quiet?: boolean; tty?: boolean; error?: BuildError; contextBytes?: number } = {}): Run {
  let stdout = '';
  let stderr = '';
  const p = createPrinter({
    builder: 'legacy',
    out: { write: (t) => (stdout += t) },
    err: { write: (t) => (stderr += t) },
    tty: o.tty ?? false,
    quiet: o.quiet ?? false,
    now: () => 0,
  });
  stderr += legacyDeprecationNotice();
  p.contextSent(o.contextBytes ?? 2048);
  for (const e of events) p.event(e);
  let status = 0;
  if (o.error) status = p.fail(o.error);
  else p.finish();
  return { stdout, stderr, status };
}

function step(n: number, total: number, text: string): PrinterEvent {
  return { type: 'step', n, total, stage: 0, stageStep: n, stageTotal: total, text, vertex: text, line: n };
}

/** A step that ran a container: Running in, its output, Removed, the new image. */
function ran(n: number, total: number, text: string, ctr: string, image: string, output: PrinterEvent[] = []): PrinterEvent[] {
  return [
    step(n, total, text),
    { type: 'container', id: ctr + '0'.repeat(52) },
    ...output,
    { type: 'removed', id: ctr + '0'.repeat(52) },
    { type: 'stepDone', imageId: `sha256:${image}${'0'.repeat(52)}` },
  ];
}

const busybox: PrinterEvent = { type: 'stepDone', imageId: 'sha256:d5068c83069e' + '1'.repeat(52) };
const out = (text: string): PrinterEvent => ({ type: 'output', stream: 'stdout', text });
const err = (text: string): PrinterEvent => ({ type: 'output', stream: 'stderr', text });

const runEvents: PrinterEvent[] = [
  step(1, 6, 'FROM busybox'),
  busybox,
  ...ran(2, 6, 'ARG A', '786c7f34c773', 'c403412bb036'),
  ...ran(3, 6, 'RUN echo hi', '6c3272831a57', 'e82a99d744a9', [out('hi\n')]),
  ...ran(4, 6, 'RUN echo err >&2 && echo out', '0e6c447c6a56', '7bb65cfe68d3', [err('err\n'), out('out\n')]),
  ...ran(5, 6, 'ENV X=1', 'a6a83e23f831', 'b9e0d0c52bcb'),
  ...ran(6, 6, 'CMD ["sh"]', '917892ca3328', '1de72eb37a69'),
  { type: 'unusedArgs', names: ['C', 'B'] },
  { type: 'built', imageId: 'sha256:1de72eb37a6974118508acabf6c67e3e068b5479800c1a16856d762a12e31d45', layers: 1 },
  { type: 'tagged', ref: 'h6p:one', canonical: 'docker.io/library/h6p:one' },
];

describe('legacy builder output (recorded on a real engine)', () => {
  it('prints steps, containers, stdout, red stderr, unused build-args and the result', () => {
    const r = build(runEvents);
    expect(r.stdout).toBe(golden('run.stdout'));
    expect(r.stderr).toBe(golden('run.stderr'));
    expect(r.status).toBe(0);
  });

  it('prints Using cache and one Successfully tagged per tag', () => {
    const cached = (n: number, text: string, image: string): PrinterEvent[] => [
      step(n, 6, text),
      { type: 'cached' },
      { type: 'stepDone', imageId: image },
    ];
    const r = build([
      step(1, 6, 'FROM busybox'),
      busybox,
      ...cached(2, 'ARG A', 'c403412bb036'),
      ...cached(3, 'RUN echo hi', 'e82a99d744a9'),
      ...cached(4, 'RUN echo err >&2 && echo out', '7bb65cfe68d3'),
      ...cached(5, 'ENV X=1', 'b9e0d0c52bcb'),
      ...cached(6, 'CMD ["sh"]', '1de72eb37a69'),
      { type: 'unusedArgs', names: ['B'] },
      { type: 'built', imageId: '1de72eb37a6974118508acabf6c67e3e068b5479800c1a16856d762a12e31d45', layers: 1 },
      { type: 'tagged', ref: 'h6p:one', canonical: 'docker.io/library/h6p:one' },
      { type: 'tagged', ref: 'h6p:two', canonical: 'docker.io/library/h6p:two' },
    ]);
    expect(r.stdout).toBe(golden('cached.stdout'));
  });

  it('-q prints only the full image ID on stdout', () => {
    const r = build(runEvents.filter((e) => e.type !== 'tagged'), { quiet: true });
    expect(r.stdout).toBe(golden('quiet.stdout'));
    expect(r.stderr).toBe(golden('quiet.stderr'));
  });

  it('a failing RUN: red stderr, the error on stderr, the command exit code', () => {
    const r = build(
      [
        step(1, 4, 'FROM busybox'),
        busybox,
        ...ran(2, 4, 'RUN echo hi', '8d513776d207', '340ff17a8933', [out('hi\n')]),
        step(3, 4, 'RUN echo oops >&2; false'),
        { type: 'container', id: '8898043a4318' },
        err('oops\n'),
      ],
      { error: new BuildError("The command '/bin/sh -c echo oops >&2; false' returned a non-zero code: 1", { exitCode: 1 }) },
    );
    expect(r.stdout).toBe(golden('fail.stdout'));
    expect(r.stderr).toBe(golden('fail.stderr'));
    expect(r.status).toBe(1);
  });

  it("exits with the failed command's own code", () => {
    const r = build(
      [step(1, 2, 'FROM busybox'), busybox, step(2, 2, 'RUN exit 3'), { type: 'container', id: '7f666edc135e' }],
      { error: new BuildError("The command '/bin/sh -c exit 3' returned a non-zero code: 3", { exitCode: 3 }) },
    );
    expect(r.stdout).toBe(golden('fail-code.stdout'));
    expect(r.stderr).toBe(golden('fail-code.stderr'));
    expect(r.status).toBe(3);
  });

  it('an error before any step is the API error: Error response from daemon, status 1', () => {
    const error = new BuildError('dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)', {
      early: true,
      exitCode: 1,
    });
    const r = build([], { error });
    expect(r.stdout).toBe(golden('parse-error.stdout'));
    expect(r.stderr).toBe(golden('parse-error.stderr'));
    expect(r.status).toBe(1);
  });

  it('-q and a failing step: the kept output and the error on stderr', () => {
    const r = build(
      [
        step(1, 3, 'FROM busybox'),
        busybox,
        step(2, 3, 'RUN echo hi'),
        { type: 'cached' },
        { type: 'stepDone', imageId: '340ff17a8933' },
        step(3, 3, 'RUN echo oops >&2; exit 2'),
        { type: 'container', id: '53a7c595f216' },
        err('oops\n'),
      ],
      { quiet: true, error: new BuildError("The command '/bin/sh -c echo oops >&2; exit 2' returned a non-zero code: 2", { exitCode: 2 }) },
    );
    expect(r.stdout).toBe(golden('quiet-fail.stdout'));
    expect(r.stderr).toBe(golden('quiet-fail.stderr'));
    expect(r.status).toBe(2);
  });

  it('-q and an early error: the upload line, then the API error', () => {
    const error = new BuildError('dockerfile parse error on line 2: unknown instruction: FORM (did you mean FROM?)', { early: true });
    const r = build([], { quiet: true, error });
    expect(r.stdout).toBe(golden('quiet-parse-error.stdout'));
    expect(r.stderr).toBe(golden('quiet-parse-error.stderr'));
    expect(r.status).toBe(1);
  });

  it('ONBUILD triggers', () => {
    const r = build([
      step(1, 2, 'FROM h6p:base'),
      { type: 'triggers', count: 2 },
      { type: 'container', id: '3e15dfe83070' },
      out('trig\n'),
      { type: 'removed', id: '3e15dfe83070' },
      { type: 'container', id: '9d428ec2f318' },
      { type: 'removed', id: '9d428ec2f318' },
      { type: 'stepDone', imageId: '5ea12ae5c732' },
      ...ran(2, 2, 'RUN echo child', '88b96fd15277', '19787b2608e3', [out('child\n')]),
      { type: 'built', imageId: '19787b2608e3', layers: 2 },
    ]);
    expect(r.stdout).toBe(golden('triggers.stdout'));
  });

  it('one trigger is "1 build trigger"', () => {
    const r = build([step(1, 1, 'FROM x'), { type: 'triggers', count: 1 }]);
    expect(r.stdout).toContain('# Executing 1 build trigger\n');
  });

  it("FROM pulls its image: docker pull's lines", () => {
    const pull = (line: string): PrinterEvent => ({ type: 'pull', line });
    const r = build([
      step(1, 2, 'FROM debian:bookworm-slim'),
      pull('bookworm-slim: Pulling from library/debian'),
      pull('f1324b49a49f: Pulling fs layer'),
      pull('f1324b49a49f: Verifying Checksum'),
      pull('f1324b49a49f: Download complete'),
      pull('f1324b49a49f: Pull complete'),
      pull('Digest: sha256:840378f6089fd5c1cba64231b018546df6bac45f2a1293bcd468ce81441a9cad'),
      pull('Status: Downloaded newer image for debian:bookworm-slim'),
      { type: 'stepDone', imageId: '721b28d0f322' },
      ...ran(2, 2, 'RUN true', '7b3d7402d601', 'ee2bf5801322'),
      { type: 'built', imageId: 'ee2bf5801322', layers: 2 },
    ]);
    expect(r.stdout).toBe(golden('pull.stdout'));
  });

  it('on a terminal a layer keeps one line while it is pulled', () => {
    const pull = (line: string): PrinterEvent => ({ type: 'pull', line });
    const r = build(
      [step(1, 1, 'FROM debian'), pull('latest: Pulling from library/debian'), pull('f1324b49a49f: Pulling fs layer'), pull('f1324b49a49f: Pull complete')],
      { tty: true },
    );
    expect(r.stdout).toContain('f1324b49a49f: Pulling fs layer\n\x1b[1A\x1b[2K\rf1324b49a49f: Pull complete\x1b[1B\r');
  });

  it('parser warnings in red before the first step, with their closing line', () => {
    const r = build([
      { type: 'warning', short: 'Empty continuation line found in: RUN echo a   b', line: 2 },
      { type: 'warning', short: 'JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior related to OS signals', line: 5 },
      step(1, 3, 'FROM busybox'),
      busybox,
      ...ran(2, 3, 'RUN echo a   b', 'e59bf1b11bf1', 'c6dfd01d524e', [out('a b\n')]),
      ...ran(3, 3, 'CMD sh', '0b172a2541a4', '68e8f8c7b30c'),
      { type: 'built', imageId: '68e8f8c7b30c', layers: 2 },
    ]);
    expect(r.stdout).toBe(golden('parser-warning.stdout'));
  });

  it('the notice when buildx is missing (docker/cli cmd/docker/builder.go buildxMissingWarning)', () => {
    expect(legacyDeprecationNotice('buildx-missing')).toBe(
      'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n' +
        '            Install the buildx component to build images with BuildKit:\n' +
        '            https://docs.docker.com/go/buildx/\n\n',
    );
  });

  it('the upload line: go-units HumanSize padded to 8, CR, then the last update CR LF', () => {
    expect(sendingContextLine(2048)).toBe('Sending build context to Docker daemon  2.048kB\r\r\n');
    expect(sendingContextLine(2)).toBe('Sending build context to Docker daemon       2B\r\r\n');
    expect(sendingContextLine(123456789)).toBe('Sending build context to Docker daemon  123.5MB\r\r\n');
    expect(sendingContextLine(0)).toBe('Sending build context to Docker daemon \r\n\r\n');
  });

  it('events after the end are ignored, and finish after fail prints nothing more', () => {
    let stdout = '';
    const p = createPrinter({ builder: 'legacy', out: { write: (t) => (stdout += t) }, err: { write: () => {} }, tty: false, quiet: false, now: () => 0 });
    expect(p.fail(new BuildError('boom', { exitCode: 4 }))).toBe(4);
    p.event(step(1, 1, 'FROM x'));
    p.finish();
    expect(stdout).toBe('');
  });
});
