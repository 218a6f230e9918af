// Compares an expected transcript (recorded on a real engine) with the actual
// one (replayed on Berth), command by command: the command text, the
// normalised output block and the exit status must all be equal.
import type { Transcript } from './format.ts';
import { normaliseTranscript } from './normalise.ts';

/** One side of one command, as compared. */
export interface CommandSide {
  command: string;
  /** Normalised output lines. */
  output: string[];
  status: number;
}

export type Mismatch = 'command' | 'output' | 'status' | 'missing';

export interface CommandResult {
  /** 0-based index of the command in the expected transcript. */
  index: number;
  /** 1-based line of the command in the expected file. */
  line: number;
  pass: boolean;
  /** What differs (empty when it passes). */
  mismatches: Mismatch[];
  expected: CommandSide;
  /** null when the actual transcript has no command at this index. */
  actual: CommandSide | null;
}

export interface FileResult {
  /** The file's name or path, as given. */
  file: string;
  topic: string;
  commands: CommandResult[];
  passed: number;
  total: number;
}

/** The `# topic:` header line's value, else `fallback` (the directory's name). */
export function topicOf(t: Transcript, fallback: string): string {
  for (const line of t.header) {
    const m = /^#\s*topic:\s*(.*?)\s*$/.exec(line);
    if (m && m[1]) return m[1];
  }
  return fallback;
}

export interface CompareOptions {
  /** The file's name, for reports. */
  file?: string;
  /** Topic when the header has none. */
  defaultTopic?: string;
}

export function compareTranscripts(expected: Transcript, actual: Transcript, options: CompareOptions = {}): FileResult {
  const exp = normaliseTranscript(expected);
  const act = normaliseTranscript(actual);
  const commands = expected.commands.map((e, i): CommandResult => {
    const expectedSide: CommandSide = { command: e.command, output: exp[i]!, status: e.status };
    const a = actual.commands[i];
    if (!a) {
      return { index: i, line: e.line, pass: false, mismatches: ['missing'], expected: expectedSide, actual: null };
    }
    const actualSide: CommandSide = { command: a.command, output: act[i]!, status: a.status };
    const mismatches: Mismatch[] = [];
    if (a.command !== e.command) mismatches.push('command');
    if (!sameLines(expectedSide.output, actualSide.output)) mismatches.push('output');
    if (a.status !== e.status) mismatches.push('status');
    return { index: i, line: e.line, pass: mismatches.length === 0, mismatches, expected: expectedSide, actual: actualSide };
  });
  const passed = commands.filter((c) => c.pass).length;
  return {
    file: options.file ?? '',
    topic: topicOf(expected, options.defaultTopic ?? ''),
    commands,
    passed,
    total: commands.length,
  };
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((l, i) => l === b[i]);
}

// ---------------------------------------------------------------- diffs

export interface DiffLine {
  kind: ' ' | '-' | '+';
  text: string;
}

/** A line diff (longest common subsequence): `-` only expected, `+` only actual. */
export function diffLines(expected: readonly string[], actual: readonly string[]): DiffLine[] {
  const n = expected.length;
  const m = actual.length;
  // lcs[i][j]: LCS length of expected[i..] and actual[j..]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = expected[i] === actual[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (expected[i] === actual[j]) {
      out.push({ kind: ' ', text: expected[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ kind: '-', text: expected[i++]! });
    } else {
      out.push({ kind: '+', text: actual[j++]! });
    }
  }
  while (i < n) out.push({ kind: '-', text: expected[i++]! });
  while (j < m) out.push({ kind: '+', text: actual[j++]! });
  return out;
}

/** Shows a normalised line readably: tabs (column breaks) as ` ⇥ `. */
export function showLine(line: string): string {
  return line.replace(/\t/g, ' ⇥ ');
}

/**
 * A compact diff: changed lines with `context` unchanged lines around them;
 * longer unchanged stretches are elided as `  ⋮`.
 */
export function formatDiff(expected: readonly string[], actual: readonly string[], context = 2): string[] {
  const diff = diffLines(expected, actual);
  const near = diff.map(() => false);
  diff.forEach((d, k) => {
    if (d.kind === ' ') return;
    for (let x = Math.max(0, k - context); x <= Math.min(diff.length - 1, k + context); x++) near[x] = true;
  });
  const out: string[] = [];
  let elided = false;
  diff.forEach((d, k) => {
    if (!near[k]) {
      if (!elided) out.push('  ⋮');
      elided = true;
      return;
    }
    elided = false;
    out.push(`${d.kind} ${showLine(d.text)}`);
  });
  return out;
}

/** A failing command, for a report: where, what, and the diff of what differs. */
export function formatFailure(file: string, r: CommandResult): string[] {
  const [first, ...rest] = r.expected.command.split('\n');
  const out = [`FAIL ${file}:${r.line}: $ ${first}`, ...rest.map((l) => `  > ${l}`)];
  if (!r.actual) {
    out.push('  (no such command in the actual transcript)');
    return out;
  }
  if (r.mismatches.includes('command')) {
    out.push('  command differs:');
    for (const l of formatDiff(r.expected.command.split('\n'), r.actual.command.split('\n'))) out.push('    ' + l);
  }
  if (r.mismatches.includes('output')) {
    out.push('  output (- expected, + actual, normalised):');
    for (const l of formatDiff(r.expected.output, r.actual.output)) out.push('    ' + l);
  }
  if (r.mismatches.includes('status')) {
    out.push(`  exit status: expected ${r.expected.status}, actual ${r.actual.status}`);
  }
  return out;
}

// ---------------------------------------------------------------- scores

export interface TopicScore {
  topic: string;
  files: number;
  passed: number;
  total: number;
}

/** Scores per topic, topics in alphabetical order. */
export function scoreByTopic(results: readonly FileResult[]): TopicScore[] {
  const by = new Map<string, TopicScore>();
  for (const r of results) {
    const s = by.get(r.topic) ?? { topic: r.topic, files: 0, passed: 0, total: 0 };
    s.files++;
    s.passed += r.passed;
    s.total += r.total;
    by.set(r.topic, s);
  }
  return [...by.values()].sort((a, b) => (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));
}

/**
 * A share as a percentage with one decimal, rounded down so that 100.0
 * means every command passed (no commands counts as 100.0).
 */
export function percent(passed: number, total: number): string {
  if (total === 0) return '100.0';
  return (Math.floor((passed * 1000) / total) / 10).toFixed(1);
}

/** The score table: topic, files, passed/total commands, percentage. */
export function formatScoreTable(results: readonly FileResult[]): string[] {
  const rows = scoreByTopic(results).map((s) => [s.topic || '(none)', String(s.files), `${s.passed}/${s.total}`, `${percent(s.passed, s.total)}%`]);
  const header = ['topic', 'files', 'commands', 'score'];
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]!.length)));
  return all.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('   ')
      .trimEnd(),
  );
}

/** The last line of a check: `fidelity: P/T commands (X%)`. */
export function formatTotal(results: readonly FileResult[]): string {
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const total = results.reduce((n, r) => n + r.total, 0);
  return `fidelity: ${passed}/${total} commands (${percent(passed, total)}%)`;
}
