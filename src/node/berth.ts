// The `berth` command (bin/berth.mjs loads this file through tsx):
//
//   berth run FILE.t... [--out DIR]
//       replays each transcript on a fresh simulated host and writes the
//       transcript it produced (same format) into DIR, or to stdout.
//   berth check FILE_OR_DIR... [--min-percent N] [--quiet]
//       replays every *.t (directories are searched recursively), compares it
//       with the recording after normalisation, prints the failing commands
//       with a diff, a score per topic, and `fidelity: P/T commands (X%)`.
//       Exit status 0 when every command passes (or the score reaches N).
//   berth bench [--only NAME,...] [--scale X]
//       measures the simulator's speed and memory (src/node/bench.ts): one
//       JSON object per metric on stdout, a summary on stderr; exit 0.
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { createHost } from '../shell/host.ts';
import type { Host } from '../shell/host.ts';
import { compareTranscripts, formatFailure, formatScoreTable, formatTotal } from '../transcript/compare.ts';
import type { FileResult } from '../transcript/compare.ts';
import { parseTranscript, serializeTranscript } from '../transcript/format.ts';
import type { Transcript } from '../transcript/format.ts';
import { replayTranscript } from '../transcript/runner.ts';
import { createNodePlatform } from './platform.ts';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export interface CliDeps {
  /** Produces the actual transcript of a file (default: replay on a fresh Berth host). */
  replay?: (expected: Transcript, file: string) => Promise<Transcript>;
  /** Makes a fresh host (default: createHost on a Node platform, jump-mode clock). */
  newHost?: () => Promise<Host>;
  /** Directory relative paths are resolved against and reported from (default: process.cwd()). */
  cwd?: string;
  /** Per-command real-time limit, ms. */
  timeoutMs?: number;
}

const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
};

const USAGE = `usage: berth run FILE.t... [--out DIR]
       berth check FILE_OR_DIR... [--min-percent N] [--quiet]
       berth bench [--only NAME,...] [--scale X]
`;

class UsageError extends Error {}

/** Runs the command line `argv` (without `node` and the script); resolves to the exit status. */
export async function main(argv: string[], io: CliIO = processIO, deps: CliDeps = {}): Promise<number> {
  const [sub, ...args] = argv;
  try {
    switch (sub) {
      case 'run':
        return await runCommand(args, io, deps);
      case 'check':
        return await checkCommand(args, io, deps);
      case 'bench':
        return await benchCommand(args, io);
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return 0;
      default:
        throw new UsageError(sub === undefined ? 'missing subcommand' : `unknown subcommand: ${sub}`);
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`berth: ${err.message}\n${USAGE}`);
      return 2;
    }
    if (err instanceof FileError) {
      io.stderr(`berth: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

// ---------------------------------------------------------------- options

interface Parsed {
  paths: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

function parseArgs(args: string[], valueOptions: string[], flagOptions: string[]): Parsed {
  const parsed: Parsed = { paths: [], values: new Map(), flags: new Set() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      parsed.paths.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      parsed.paths.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    if (valueOptions.includes(name)) {
      const value = eq >= 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      parsed.values.set(name, value);
    } else if (flagOptions.includes(name) && eq < 0) {
      parsed.flags.add(name);
    } else {
      throw new UsageError(`unknown option: ${a}`);
    }
  }
  return parsed;
}

// ---------------------------------------------------------------- files

class FileError extends Error {}

interface Found {
  /** Absolute path. */
  path: string;
  /** Path relative to the argument it was found under (its base name for a file argument). */
  rel: string;
}

/** The *.t files named or found (recursively, sorted) under the given paths. */
export async function findTranscripts(paths: string[], cwd = process.cwd()): Promise<Found[]> {
  const found: Found[] = [];
  for (const p of paths) {
    const abs = resolve(cwd, p);
    const st = await stat(abs).catch(() => null);
    if (!st) throw new FileError(`${p}: no such file or directory`);
    if (st.isDirectory()) {
      for (const f of await walk(abs)) found.push({ path: f, rel: relative(abs, f) });
    } else {
      found.push({ path: abs, rel: basename(abs) });
    }
  }
  return found;
}

/** A path relative to `cwd` when it lies under it, else absolute. */
function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.isFile() && e.name.endsWith('.t')) out.push(p);
  }
  return out;
}

function defaultReplay(deps: CliDeps): (expected: Transcript) => Promise<Transcript> {
  const newHost = deps.newHost ?? (() => createHost({ platform: createNodePlatform(), realtime: false, recorderServices: true }));
  return (expected) => replayTranscript(expected, { newHost, timeoutMs: deps.timeoutMs });
}

// ---------------------------------------------------------------- run

async function runCommand(args: string[], io: CliIO, deps: CliDeps): Promise<number> {
  const { paths, values } = parseArgs(args, ['--out'], []);
  if (paths.length === 0) throw new UsageError('run: no transcript given');
  const cwd = deps.cwd ?? process.cwd();
  const files = await findTranscripts(paths, cwd);
  const replay = deps.replay ?? defaultReplay(deps);
  const out = values.get('--out');
  for (const f of files) {
    const expected = parseTranscript(await readFile(f.path, 'utf8'));
    const text = serializeTranscript(await replay(expected, f.path));
    if (out !== undefined) {
      const target = resolve(cwd, out, f.rel);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text);
    } else {
      if (files.length > 1) io.stdout(`# berth run: ${displayPath(cwd, f.path)}\n`);
      io.stdout(text);
    }
  }
  return 0;
}

// ---------------------------------------------------------------- check

export interface CheckSummary {
  results: FileResult[];
  passed: number;
  total: number;
}

/** Replays and compares every transcript under `paths`. */
export async function checkFiles(paths: string[], deps: CliDeps = {}): Promise<CheckSummary> {
  const cwd = deps.cwd ?? process.cwd();
  const files = await findTranscripts(paths, cwd);
  const replay = deps.replay ?? defaultReplay(deps);
  const results: FileResult[] = [];
  for (const f of files) {
    const expected = parseTranscript(await readFile(f.path, 'utf8'));
    const actual = await replay(expected, f.path);
    results.push(
      compareTranscripts(expected, actual, {
        file: displayPath(cwd, f.path),
        defaultTopic: basename(dirname(f.path)),
      }),
    );
  }
  return {
    results,
    passed: results.reduce((n, r) => n + r.passed, 0),
    total: results.reduce((n, r) => n + r.total, 0),
  };
}

async function checkCommand(args: string[], io: CliIO, deps: CliDeps): Promise<number> {
  const { paths, values, flags } = parseArgs(args, ['--min-percent'], ['--quiet', '-q']);
  if (paths.length === 0) throw new UsageError('check: no transcript or directory given');
  let minPercent: number | undefined;
  if (values.has('--min-percent')) {
    const raw = values.get('--min-percent')!;
    minPercent = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(minPercent) || minPercent < 0 || minPercent > 100) {
      throw new UsageError(`--min-percent: not a percentage: ${raw}`);
    }
  }
  const quiet = flags.has('--quiet') || flags.has('-q');
  const { results, passed, total } = await checkFiles(paths, deps);
  if (results.length === 0) {
    io.stderr(`berth: no transcripts (*.t) under ${paths.join(' ')}\n`);
    return 2;
  }
  for (const r of results) {
    for (const c of r.commands) if (!c.pass) io.stdout(formatFailure(r.file, c).join('\n') + '\n\n');
  }
  if (!quiet) io.stdout(formatScoreTable(results).join('\n') + '\n\n');
  io.stdout(formatTotal(results) + '\n');
  if (passed === total) return 0;
  if (minPercent !== undefined && passed * 100 >= minPercent * total) return 0;
  return 1;
}

// ---------------------------------------------------------------- bench

/** `berth bench`: performance measurements (src/node/bench.ts), loaded only when asked for. */
async function benchCommand(args: string[], io: CliIO): Promise<number> {
  const { benchCommand: bench } = await import('./bench.ts');
  return bench(args, io);
}
