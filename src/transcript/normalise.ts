// The normalisation of fidelity/FORMAT.md: before comparing, the expected and
// the actual output of a transcript both go through the same rewriting, so
// that values that differ on every run (ids, times, sizes, generated names)
// compare equal while everything else a learner reads still has to match.
//
// One function per rule, applied in the order FORMAT.md gives, to each
// command's output block, with one set of counters per file (and per side:
// the expected and the actual transcript are normalised independently).
import { isGeneratedName } from '../engine/container/names.ts';
import type { Transcript } from './format.ts';

// ---------------------------------------------------------------- rule 1

const LAYER_LINE = /^([0-9a-f]{12}): (.*)$/;

/**
 * Rule 1, layer progress: a run of consecutive `<12 hex>: <text>` lines is
 * folded to one line per id, where the id first appeared, with its last text.
 */
export function foldLayerProgress(lines: readonly string[]): string[] {
  const out: string[] = [];
  let run: Map<string, number> | null = null; // id → index in `out`
  for (const line of lines) {
    const m = LAYER_LINE.exec(line);
    if (!m) {
      run = null;
      out.push(line);
      continue;
    }
    run ??= new Map();
    const at = run.get(m[1]!);
    if (at === undefined) {
      run.set(m[1]!, out.length);
      out.push(line);
    } else {
      out[at] = line;
    }
  }
  return out;
}

// ---------------------------------------------------------------- rule 2

const COLOUR = /\x1b\[[^A-Za-z]*[A-Za-z]/g;

/** Rule 2: ANSI escapes (`ESC[` … letter) are removed. */
export function stripColour(line: string): string {
  return line.replace(COLOUR, '');
}

// ---------------------------------------------------------------- rule 3

/** Ids are whole words: no letter or digit on either side. */
const LONG_ID = /(?<![0-9A-Za-z])(?:sha256:)?([0-9a-f]{64})(?![0-9A-Za-z])/g;
const ANY_ID = /(?<![0-9A-Za-z])(sha256:)?([0-9a-f]{64}|[0-9a-f]{12})(?![0-9A-Za-z])/g;

/** The id numbering of one file (one side). */
export class IdNumbering {
  /** 12-hex prefix → the first 64-hex id of the file's output that starts with it. */
  private readonly prefixes = new Map<string, string>();
  /** Canonical id (a 64-hex, or a 12-hex that is no prefix) → its number. */
  private readonly numbers = new Map<string, number>();

  /** `longIds`: every 64-hex id in the file's output (any order of first appearance). */
  constructor(longIds: Iterable<string>) {
    for (const id of longIds) {
      const p = id.slice(0, 12);
      if (!this.prefixes.has(p)) this.prefixes.set(p, id);
    }
  }

  /** Collects the 64-hex ids (bare or `sha256:`) of some output lines, in order. */
  static longIdsIn(lines: Iterable<string>): string[] {
    const ids: string[] = [];
    for (const line of lines) for (const m of line.matchAll(LONG_ID)) ids.push(m[1]!);
    return ids;
  }

  number(hex: string): number {
    const key = hex.length === 12 ? (this.prefixes.get(hex) ?? hex) : hex;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(key, n);
    }
    return n;
  }
}

/**
 * Rule 3: `sha256:<64 hex>` and bare `<64 hex>` → `<H64-n>`; a 12-hex word →
 * `<H12-n>`, with the number of the long id it starts, if any.
 */
export function replaceIds(line: string, ids: IdNumbering): string {
  return line.replace(ANY_ID, (_all, sha: string | undefined, hex: string) =>
    hex.length === 64 ? `<H64-${ids.number(hex)}>` : `${sha ?? ''}<H12-${ids.number(hex)}>`,
  );
}

// ---------------------------------------------------------------- rule 4

const TRUNCATED_HEX = /(?<![0-9A-Za-z])[0-9a-f]{6,63}…/g;

/** Rule 4: a hex run of 6 to 63 digits cut short by `…` → `<HEX>…`. */
export function replaceTruncatedHex(line: string): string {
  return line.replace(TRUNCATED_HEX, '<HEX>…');
}

// ---------------------------------------------------------------- rule 5

/** The real engine's data root, and the recorder's. */
export const DATA_ROOTS: readonly string[] = ['/tmp/dockerd/root', '/var/lib/docker'];

/** Rule 5: the engine's data root → `<DOCKER-ROOT>`. */
export function replaceDataRoot(line: string): string {
  let out = line;
  for (const root of DATA_ROOTS) out = out.split(root).join('<DOCKER-ROOT>');
  return out;
}

// ---------------------------------------------------------------- rule 6

const RFC3339 = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?/g;
/** Go's time.Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`. */
const GO_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?:\.\d+)? [+-]\d{4} (?:[A-Z]{2,5}|[+-]\d{2,4})/g;

/** Rule 6: absolute timestamps → `<TIME>`. */
export function replaceTimestamps(line: string): string {
  return line.replace(GO_TIME, '<TIME>').replace(RFC3339, '<TIME>');
}

// ---------------------------------------------------------------- rule 7

/** The spans of go-units HumanDuration. */
const SPAN =
  '(?:Less than a second|1 second|\\d+ seconds|About a minute|\\d+ minutes|About an hour|\\d+ hours|\\d+ days|\\d+ weeks|\\d+ months|\\d+ years)';
const AGO = new RegExp(`(?<![0-9A-Za-z])${SPAN} ago(?![0-9A-Za-z])`, 'g');
const UP = new RegExp(`(?<![0-9A-Za-z])Up ${SPAN}(?![0-9A-Za-z])`, 'g');

/** Rule 7: `<span> ago` → `<AGO>`, `Up <span>` → `Up <DUR>`. */
export function replaceRelativeTimes(line: string): string {
  return line.replace(AGO, '<AGO>').replace(UP, 'Up <DUR>');
}

// ---------------------------------------------------------------- rule 8

/** go-units' decimal and binary units. */
const SIZE = /(?<![0-9A-Za-z.])\d+(?:\.\d+)?(?:B|kB|MB|GB|TB|PB|EB|ZB|YB|KiB|MiB|GiB|TiB|PiB|EiB|ZiB|YiB)(?![0-9A-Za-z])/g;
const PUSH_SIZE = /^(\S+: digest: \S+ size: )\d+(?=[ \t]*$)/;

/** Rule 8: sizes other than exactly `0B`, and the byte count ending a push's digest line → `<SIZE>`. */
export function replaceSizes(line: string): string {
  return line.replace(SIZE, (s) => (s === '0B' ? s : '<SIZE>')).replace(PUSH_SIZE, '$1<SIZE>');
}

// ---------------------------------------------------------------- rule 9

const NAME_WORD = /(?<![0-9A-Za-z_])[a-z]+_[a-z]+\d?(?![0-9A-Za-z_])/g;

/** The generated-name numbering of one file (one side). */
export class NameNumbering {
  private readonly numbers = new Map<string, number>();

  /** `chosen`: names given with `--name` in the file's commands; never rewritten. */
  constructor(readonly chosen: ReadonlySet<string> = new Set()) {}

  number(name: string): number {
    let n = this.numbers.get(name);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(name, n);
    }
    return n;
  }
}

/** The names a file's commands choose with `--name NAME` or `--name=NAME`. */
export function chosenNames(commands: Iterable<string>): Set<string> {
  const names = new Set<string>();
  const re = /(?<!\S)--name(?:=|\s+)(?:'([^']*)'|"([^"]*)"|([^\s'";&|)]+))/g;
  for (const c of commands) for (const m of c.matchAll(re)) names.add(m[1] ?? m[2] ?? m[3]!);
  return names;
}

/** Rule 9: a name from Docker's generator, unless chosen with `--name` → `<NAME-n>`. */
export function replaceNames(line: string, names: NameNumbering): string {
  return line.replace(NAME_WORD, (w) =>
    isGeneratedName(w) && !names.chosen.has(w) ? `<NAME-${names.number(w)}>` : w,
  );
}

// ---------------------------------------------------------------- rule 10

const TIMING = /(?<![0-9A-Za-z.])\d+\.\d+s(?![0-9A-Za-z])/g;

/** Rule 10: BuildKit timings (`DONE 0.3s`) → `<T>`. */
export function replaceBuildTimings(line: string): string {
  return line.replace(TIMING, '<T>');
}

// ---------------------------------------------------------------- rule 11

/**
 * Rule 11: trailing spaces, tabs and carriage returns go (a progress line
 * ends `\r\r\n`, which a recording may keep as `\r\n`), then each run of
 * 2+ spaces becomes one tab.
 */
export function normaliseSpaces(line: string): string {
  return line.replace(/[ \t\r]+$/, '').replace(/ {2,}/g, '\t');
}

// ---------------------------------------------------------------- a file

/** The counters of one file, one side. */
export interface FileCounters {
  ids: IdNumbering;
  names: NameNumbering;
}

/** Rules 1 and 2, which need no counters. */
function prepare(lines: readonly string[]): string[] {
  return foldLayerProgress(lines).map(stripColour);
}

/** Rules 3 to 11 on one line. */
function rewriteLine(line: string, c: FileCounters): string {
  let s = replaceIds(line, c.ids);
  s = replaceTruncatedHex(s);
  s = replaceDataRoot(s);
  s = replaceTimestamps(s);
  s = replaceRelativeTimes(s);
  s = replaceSizes(s);
  s = replaceNames(s, c.names);
  s = replaceBuildTimings(s);
  return normaliseSpaces(s);
}

/**
 * Normalises the output blocks of one file (one side), in order.
 * `commands` are the file's command texts (for the `--name` names).
 */
export function normaliseOutputs(outputs: readonly (readonly string[])[], commands: Iterable<string> = []): string[][] {
  const prepared = outputs.map(prepare);
  const counters: FileCounters = {
    ids: new IdNumbering(IdNumbering.longIdsIn(prepared.flat())),
    names: new NameNumbering(chosenNames(commands)),
  };
  return prepared.map((block) => block.map((line) => rewriteLine(line, counters)));
}

/** The normalised output block of each command of a transcript. */
export function normaliseTranscript(t: Transcript): string[][] {
  return normaliseOutputs(
    t.commands.map((c) => c.output),
    t.commands.map((c) => c.command),
  );
}
