import { describe, expect, it } from 'vitest';
import {
  compareTranscripts,
  diffLines,
  formatDiff,
  formatFailure,
  formatScoreTable,
  formatTotal,
  percent,
  topicOf,
} from './compare.ts';
import type { FileResult } from './compare.ts';
import { parseTranscript } from './format.ts';

const expectedText = `# title: ps
# topic: ps

  $ docker run busybox echo hi
  hi
  $ docker ps -a
  CONTAINER ID   IMAGE     COMMAND     CREATED         STATUS                     PORTS     NAMES
  0ead962f3252   busybox   "echo hi"   1 second ago    Exited (0) 1 second ago              nervous_shaw
  $ docker rm nosuch
  Error response from daemon: No such container: nosuch
  [1]
`;

describe('compareTranscripts', () => {
  it('passes equal-after-normalisation transcripts', () => {
    const actual = parseTranscript(
      expectedText
        .replace('0ead962f3252   busybox   "echo hi"   1 second ago    Exited (0) 1 second ago             ', 'a1b2c3d4e5f6   busybox   "echo hi"   3 seconds ago   Exited (0) Less than a second ago   ')
        .replace('nervous_shaw', 'elated_hugle'),
    );
    const r = compareTranscripts(parseTranscript(expectedText), actual, { file: 'ps.t' });
    expect(r).toMatchObject({ file: 'ps.t', topic: 'ps', passed: 3, total: 3 });
    expect(r.commands.every((c) => c.pass)).toBe(true);
  });

  it('fails on command text, output or status, and says which', () => {
    const actual = parseTranscript(
      expectedText.replace('echo hi\n  hi', 'echo hi\n  ho').replace('  [1]\n', '').replace('$ docker ps -a', '$ docker ps'),
    );
    const r = compareTranscripts(parseTranscript(expectedText), actual);
    expect(r.passed).toBe(0);
    expect(r.commands.map((c) => c.mismatches)).toEqual([['output'], ['command'], ['status']]);
  });

  it('counts missing commands as failures', () => {
    const expected = parseTranscript(expectedText);
    const actual = parseTranscript(expectedText);
    actual.commands.pop();
    const r = compareTranscripts(expected, actual);
    expect(r).toMatchObject({ passed: 2, total: 3 });
    expect(r.commands[2]).toMatchObject({ pass: false, mismatches: ['missing'], actual: null });
  });

  it('takes the topic from the header, else the fallback', () => {
    expect(topicOf(parseTranscript('# topic: run\n  $ x\n'), 'dir')).toBe('run');
    expect(topicOf(parseTranscript('# title: x\n  $ x\n'), 'dir')).toBe('dir');
  });
});

describe('diffs and reports', () => {
  it('diffs lines', () => {
    expect(diffLines(['a', 'b', 'c'], ['a', 'x', 'c', 'd'])).toEqual([
      { kind: ' ', text: 'a' },
      { kind: '-', text: 'b' },
      { kind: '+', text: 'x' },
      { kind: ' ', text: 'c' },
      { kind: '+', text: 'd' },
    ]);
  });

  it('elides long unchanged stretches and shows tabs', () => {
    const a = ['1', '2', '3', '4', '5', '6', 'x\ty'];
    const b = ['1', '2', '3', '4', '5', '6', 'x\tz'];
    expect(formatDiff(a, b, 1)).toEqual(['  ⋮', '  6', '- x ⇥ y', '+ x ⇥ z']);
  });

  it('formats a failure', () => {
    const actual = parseTranscript(expectedText.replace('  hi\n', '  ho\n  extra\n'));
    const r = compareTranscripts(parseTranscript(expectedText), actual);
    expect(formatFailure('ps.t', r.commands[0]!)).toEqual([
      'FAIL ps.t:4: $ docker run busybox echo hi',
      '  output (- expected, + actual, normalised):',
      '    - hi',
      '    + ho',
      '    + extra',
    ]);
  });

  it('scores per topic and in total', () => {
    const f = (topic: string, passed: number, total: number) => ({ topic, passed, total }) as FileResult;
    const results = [f('run', 3, 4), f('ps', 5, 5), f('run', 2, 2)];
    expect(formatScoreTable(results)).toEqual([
      'topic   files   commands    score',
      'ps          1        5/5   100.0%',
      'run         2        5/6    83.3%',
    ]);
    expect(formatTotal(results)).toBe('fidelity: 10/11 commands (90.9%)');
  });

  it('never shows 100.0% unless everything passed', () => {
    expect(percent(1999, 2000)).toBe('99.9');
    expect(percent(2, 3)).toBe('66.6');
    expect(percent(3, 3)).toBe('100.0');
    expect(percent(0, 3)).toBe('0.0');
  });
});
