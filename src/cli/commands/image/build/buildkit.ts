// BuildKit's output as docker 28 shows it through buildx (the default
// builder), on stderr: the numbered plain records without a terminal
// (moby/buildkit util/progress/progressui/printer.go, textMux), the live
// `[+] Building` view on one (display.go, ttyDisplay.print), then buildx's
// warning summary (commands/build.go printWarnings), the Dockerfile excerpt
// (solver/errdefs/source.go Source.Print) and `ERROR: failed to build: ...`
// (cmd/buildx/main.go, commands/build.go since buildx v0.25). Formats read at
// docker/buildx v0.24.0-v0.29.0, whose vendored progressui is identical.
import type { BuildError } from '../../../../engine/build/types.ts';
import type { OutputStream } from '../../../../engine/runtime/process.ts';
import { formatFloat } from '../../../format/strconv.ts';
import type { BuildPrinter, PrinterEvent, PrinterOptions } from './printer.ts';

// display.go / init.go
const TERM_PAD = 10;
const TERM_HEIGHT = 6;
const TICK_MS = 150;
const DISPLAY_EVERY_MS = 100;
const LOGS_BUFFER = 10;
// init.go's default colours (aec), buildx's warning header
const BLUE = '\x1b[34m';
const RED = '\x1b[31m';
const YELLOW = '\x1b[33m';
const FAINT = '\x1b[2m';
const RESET = '\x1b[0m';
const HIDE = '\x1b[?25l';
const SHOW = '\x1b[?25h';

/** tonistiigi/units `%.2f` of a byte count: whole bytes below 1kB, else two decimals and a decimal unit. */
export function unitsBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB'];
  let i = 0;
  let base = 1;
  while (i < units.length - 1 && n >= base * 1000) {
    base *= 1000;
    i++;
  }
  return i === 0 ? `${n}B` : formatFloat(n / base, 'f', 2) + units[i];
}

const seconds = (ms: number, prec: number): string => formatFloat(ms / 1000, 'f', prec);

interface Status {
  id: string;
  current: number;
  total: number;
  started: number;
  completed?: number;
  /** The plain printer's last print of a running status (printer.go lastStatus). */
  printed?: { current: number; at: number };
}

/**
 * A vertex's own little terminal (tonistiigi/vt100 as display.go uses it):
 * LF is a new line at column 0, a line longer than the width wraps, the
 * top line scrolls away; escape sequences are dropped.
 */
class LogTerm {
  rows: string[][];
  private x = 0;
  private y = 0;
  constructor(
    readonly height: number,
    readonly width: number,
  ) {
    this.rows = Array.from({ length: height }, () => []);
  }
  write(text: string): void {
    const clean = text.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[@-_]/g, '');
    for (const ch of clean) {
      if (ch === '\n') {
        this.y++;
        this.x = 0;
      } else if (ch === '\r') {
        this.x = 0;
      } else if (ch === '\b') {
        if (this.x > 0) this.x--;
      } else if (ch >= ' ') {
        if (this.x >= this.width) {
          this.x = 0;
          this.y++;
        }
        if (this.y >= this.height) {
          this.rows.shift();
          this.rows.push([]);
          this.y = this.height - 1;
        }
        this.rows[this.y]![this.x] = ch;
        this.x++;
        if (this.x >= this.width) {
          this.x = 0;
          this.y++;
        }
      }
    }
  }
  /** The rows with something on them, padded to the width as vt100's rune rows are. */
  content(): string[] {
    return this.rows
      .map((r) => Array.from({ length: this.width }, (_, i) => r[i] ?? ' ').join(''))
      .filter((r) => r.trim() !== '');
  }
}

interface Vertex {
  name: string;
  /** The plain printer's `#N`. */
  index: number;
  start: number;
  stop?: number;
  cached: boolean;
  error?: string;
  canceled: boolean;
  statuses: Status[];
  warnings: string[];
  /** Every log line, `<seconds> <text>` (the terminal view keeps them for the error block). */
  logs: string[];
  partial: boolean;
  /** The plain printer's last lines (printer.go logsBuffer). */
  ring: string[];
  term?: LogTerm;
  termBytes: number;
  termCount: number;
}

interface Job {
  name: string;
  start: number;
  stop?: number;
  status: string;
  completed: boolean;
  error: boolean;
  canceled: boolean;
  vertex?: Vertex;
  showTerm: boolean;
}

export class BuildkitPrinter implements BuildPrinter {
  private readonly o: PrinterOptions;
  private readonly mode: 'plain' | 'tty' | 'quiet';
  private readonly width: number;
  private readonly height: number;
  private readonly vertices: Vertex[] = [];
  private current: Vertex | undefined;
  private readonly warnings: string[] = [];
  private imageId = '';
  private ended = false;
  /** A `.dockerignore` load not shown yet (see event). */
  private ignoreBytes: number | undefined;
  private contextLoaded = false;
  /** The current instruction makes no vertex: its records are not shown. */
  private skipping = false;
  // plain
  private notFirst = false;
  private shown = 0;
  // tty
  private lineCount = 0;
  private repeated = false;
  private lastDraw = -Infinity;
  private cancelTick: (() => void) | undefined;
  /** What the running view expects still to come: the rest of the current stage and the export. */
  private pending = 0;

  constructor(o: PrinterOptions) {
    this.o = o;
    const progress = o.progress ?? 'auto';
    this.mode = o.quiet ? 'quiet' : progress === 'plain' || (progress === 'auto' && !o.tty) ? 'plain' : 'tty';
    this.width = o.columns && o.columns > 0 ? o.columns : 80;
    this.height = o.rows && o.rows > 0 ? o.rows : 10;
    if (this.mode === 'tty' && o.every) this.cancelTick = o.every(TICK_MS, () => this.draw(false));
  }

  private get err(): OutputStream {
    return this.o.err;
  }

  contextSent(): void {
    // BuildKit pulls the context itself: the `load build context` step shows it
  }

  event(e: PrinterEvent): void {
    if (this.ended) return;
    // The engine reports in the legacy builder's order; BuildKit's solver
    // shows some records elsewhere: lint warnings belong to the definition
    // step, `.dockerignore` loads after the base images' metadata, the build
    // context before the COPY that needs it, and instructions that make no
    // vertex (ENV, ARG, CMD, ...) show nothing.
    switch (e.type) {
      case 'dockerignore':
        this.ignoreBytes = e.bytes;
        return;
      case 'warning': {
        // BuildKit reports the parser's empty-continuation warning as its lint rule
        const short = /^Empty continuation line found in: /.test(e.short) ? 'NoEmptyContinuation: Empty continuation line' : e.short;
        this.warning(e.line && !/\(line \d+\)$/.test(short) ? `${short} (line ${e.line})` : short);
        return;
      }
      case 'metadata':
        this.skipping = false;
        this.open(`[internal] load metadata for ${e.ref}`);
        return this.redraw();
      case 'definition':
        break;
      default:
        this.flushIgnore();
    }
    if (this.skipping && (e.type === 'cached' || e.type === 'output' || e.type === 'status' || e.type === 'stepDone')) return;
    switch (e.type) {
      case 'definition':
        this.open(`[internal] load build definition from ${e.name}`);
        this.status('transferring dockerfile:', e.bytes, true);
        break;
      case 'context':
        this.context(e.bytes);
        break;
      case 'step': {
        this.skipping = e.stageStep === 0;
        if (this.skipping) break;
        const digits = String(e.stageTotal).length;
        const stage = e.stageName ? `${e.stageName} ` : '';
        // a COPY or ADD may first load the build context (see context()): it shows once that is done
        this.open(`[${stage}${String(e.stageStep).padStart(digits)}/${e.stageTotal}] ${e.vertex}`, /^(COPY|ADD)\b/i.test(e.vertex));
        this.pending = Math.max(0, e.stageTotal - e.stageStep) + 1;
        break;
      }
      case 'cached':
        if (this.current) this.current.cached = true;
        break;
      case 'status':
        this.status(e.id, e.current ?? 0, e.done ?? false, e.total ?? 0);
        break;
      case 'output':
        this.log(e.text);
        break;
      case 'stepDone':
        this.close();
        break;
      case 'built':
        this.skipping = false;
        this.imageId = e.imageId.startsWith('sha256:') ? e.imageId : `sha256:${e.imageId}`;
        this.open('exporting to image');
        this.pending = 0;
        this.status('exporting layers', 0, true);
        this.status(`writing image ${this.imageId}`, 0, true);
        break;
      case 'tagged':
        this.status(`naming to ${e.canonical}`, 0, true);
        break;
      // the legacy builder's records
      case 'pull':
      case 'container':
      case 'removed':
      case 'triggers':
      case 'unusedArgs':
        break;
    }
    this.redraw();
  }

  private redraw(): void {
    if (this.mode === 'tty' && this.o.now() - this.lastDraw >= DISPLAY_EVERY_MS) this.draw(false);
  }

  /** `[internal] load .dockerignore`, once the base images' metadata is loaded. */
  private flushIgnore(): void {
    if (this.ignoreBytes === undefined) return;
    const bytes = this.ignoreBytes;
    this.ignoreBytes = undefined;
    // an empty transfer still counts the 2 bytes of its framing: "transferring context: 2B"
    this.open('[internal] load .dockerignore');
    this.status('transferring context:', bytes > 0 ? bytes : 2, true);
    this.close();
  }

  /**
   * `[internal] load build context`: BuildKit transfers the context once,
   * before the first COPY or ADD that reads it, which the engine reports
   * while that step has begun: the record goes before the step.
   */
  private context(bytes: number): void {
    if (this.contextLoaded) return;
    this.contextLoaded = true;
    const step = this.current;
    if (step) {
      // take the step out, show the context load, put the step back after it
      this.current = undefined;
      this.vertices.splice(this.vertices.indexOf(step), 1);
    }
    this.open('[internal] load build context');
    this.status('transferring context:', bytes, true);
    this.close();
    if (step) {
      this.vertices.push(step);
      this.current = step;
      this.show(step);
    }
  }

  fail(error: BuildError): number {
    if (this.ended) return 1;
    const canceled = /context canceled$/.test(error.buildkit);
    const v = this.current;
    if (v && !error.opts.early) {
      if (canceled) v.canceled = true;
      else {
        v.error = error.buildkit;
        if (error.opts.vertex) v.name = error.opts.vertex;
      }
    }
    this.close();
    if (error.opts.early) this.ignoreBytes = undefined;
    else this.flushIgnore();
    this.end();
    this.excerpt(error);
    this.err.write(`ERROR: failed to build: failed to solve: ${error.buildkit}\n`);
    // buildx exits 1 for a failed build, 130 when it was cancelled (cmd/buildx/main.go)
    return canceled ? 130 : 1;
  }

  finish(): void {
    if (this.ended) return;
    this.close();
    this.end();
    // -q: buildx prints the image ID (the config digest) on stdout
    if (this.mode === 'quiet' && this.imageId) this.o.out.write(this.imageId + '\n');
  }

  // --- the trace

  private open(name: string, later = false): void {
    this.close();
    const v: Vertex = {
      name,
      index: 0,
      start: this.o.now(),
      cached: false,
      canceled: false,
      statuses: [],
      warnings: [],
      logs: [],
      partial: false,
      ring: [],
      termBytes: 0,
      termCount: 0,
    };
    if (this.mode === 'tty') v.term = new LogTerm(TERM_HEIGHT, Math.max(6, this.width - TERM_PAD));
    this.vertices.push(v);
    this.current = v;
    if (!later) this.show(v);
  }

  /**
   * The plain printer numbers a step and prints its name when it starts
   * (printer.go printVtx), after a blank line between steps.
   */
  private show(v: Vertex): void {
    if (this.mode !== 'plain' || v.index > 0) return;
    v.index = ++this.shown;
    if (this.notFirst) this.err.write('\n');
    else {
      this.err.write(`#0 ${this.description()}\n\n`);
      this.notFirst = true;
    }
    this.err.write(`#${v.index} ${v.name}\n`);
  }

  private description(): string {
    return `building with "${this.o.builderName ?? 'default'}" instance using docker driver`;
  }

  private status(id: string, current: number, done: boolean, total = 0): void {
    const v = this.current;
    if (!v) return;
    const now = this.o.now();
    let s = v.statuses.find((x) => x.id === id);
    if (!s) {
      s = { id, current, total, started: now };
      v.statuses.push(s);
    }
    s.current = current;
    s.total = total;
    if (done) s.completed = now;
    if (this.mode !== 'plain') return;
    if (s.printed && s.completed === undefined) {
      // printer.go: a running status is reprinted after 5% more or 5 seconds
      const delta = s.total > 0 ? (s.current - s.printed.current) / s.total : 0;
      if (delta < 0.05 && now - s.printed.at < 5000) return;
    }
    s.printed = { current: s.current, at: now };
    this.show(v);
    const bytes = this.bytes(s);
    let tm = '';
    const diff = (s.completed ?? now) - s.started;
    if (diff > 10) tm = ` ${seconds(diff, 1)}s`;
    if (s.completed !== undefined) tm += ' done';
    this.err.write(`#${v.index} ${s.id}${bytes ? ' ' + bytes : ''}${tm}\n`);
  }

  private bytes(s: Status): string {
    if (s.total !== 0) return `${unitsBytes(s.current)} / ${unitsBytes(s.total)}`;
    if (s.current !== 0) return unitsBytes(s.current);
    return '';
  }

  private warning(short: string): void {
    this.warnings.push(short);
    const v = this.current ?? this.vertices[0];
    if (!v) return;
    v.warnings.push(short);
    if (this.mode === 'plain' && v === this.current) {
      this.show(v);
      this.err.write(`#${v.index} WARN: ${short}\n`);
    }
  }

  private log(text: string): void {
    const v = this.current;
    if (!v || text === '') return;
    if (v.term) {
      v.term.write(text);
      v.termBytes += text.length;
    }
    const now = this.o.now();
    const sec = (now - v.start) / 1000;
    const ts = formatFloat(sec, 'f', sec < 10 ? 3 : sec < 100 ? 2 : 1);
    this.show(v);
    const pieces = text.split('\n');
    const complete = pieces[pieces.length - 1] === '';
    if (complete) pieces.pop();
    pieces.forEach((piece, i) => {
      const continued = i === 0 && v.partial && v.logs.length > 0;
      const line = continued ? v.logs[v.logs.length - 1] + piece : `${ts} ${piece}`;
      if (continued) v.logs[v.logs.length - 1] = line;
      else v.logs.push(line);
      const last = i === pieces.length - 1;
      if (this.mode === 'plain') {
        this.err.write(continued ? piece : `#${v.index} ${ts} ${piece}`);
        if (!last || complete) this.err.write('\n');
      }
      if (continued) v.ring[v.ring.length - 1] = line;
      else v.ring.push(line);
      if (v.ring.length > LOGS_BUFFER) v.ring.shift();
    });
    v.partial = !complete;
  }

  private close(): void {
    const v = this.current;
    if (!v) return;
    this.current = undefined;
    v.stop = this.o.now();
    if (this.mode !== 'plain') return;
    this.show(v);
    if (v.partial) this.err.write('\n');
    if (v.canceled) this.err.write(`#${v.index} CANCELED\n`);
    else if (v.error !== undefined) this.err.write(`#${v.index} ERROR: ${v.error}\n`);
    else if (v.cached) this.err.write(`#${v.index} CACHED\n`);
    else this.err.write(`#${v.index} DONE ${seconds(v.stop - v.start, 1)}s\n`);
  }

  /** display.go done(): the last frame, the failed steps' logs; then buildx's warnings. */
  private end(): void {
    this.ended = true;
    this.cancelTick?.();
    this.cancelTick = undefined;
    if (this.mode === 'quiet') return;
    if (this.mode === 'tty') this.draw(true);
    for (const v of this.vertices) {
      if (v.error === undefined || v.canceled) continue;
      this.err.write(`------\n > ${v.name}:\n`);
      for (const l of this.mode === 'tty' ? v.logs : v.ring) this.err.write(l + '\n');
      this.err.write('------\n');
    }
    if (this.warnings.length > 0) {
      const n = this.warnings.length;
      this.err.write(`\n ${YELLOW}${n === 1 ? '1 warning found' : `${n} warnings found`} (use docker --debug to expand):\n${RESET}`);
      for (const w of this.warnings) this.err.write(` - ${w}\n`);
    }
  }

  /** The Dockerfile lines around the failing instruction (errdefs Source.Print). */
  private excerpt(error: BuildError): void {
    const range = error.opts.line;
    const text = error.opts.source ?? this.o.dockerfileText;
    if (!range || text === undefined) return;
    const lines = text.split('\n');
    let start = range.start;
    let end = Math.max(range.start, range.end);
    if (start > lines.length || start < 1) return;
    if (end > lines.length) end = lines.length;
    const pad = end === start ? 4 : 2;
    let p = 0;
    const first = start;
    while (p < pad) {
      if (start > 1) {
        start--;
        p++;
      }
      if (end !== lines.length) {
        end++;
        p++;
      }
      p++;
    }
    const name = this.vertices[0]?.name.replace(/^\[internal\] load build definition from /, '') ?? 'Dockerfile';
    let out = `${name}:${first}\n--------------------\n`;
    for (let i = start; i <= end; i++) {
      const marked = i >= range.start && i <= Math.max(range.start, range.end);
      out += ` ${String(i).padStart(3)} | ${marked ? '>>>' : '   '} ${lines[i - 1]}\n`;
    }
    this.err.write(out + '--------------------\n');
  }

  // --- the terminal view (display.go ttyDisplay.print)

  private jobs(): Job[] {
    const jobs: Job[] = [];
    for (const v of this.vertices) {
      let name = v.name.replace(/\t/g, ' ');
      if (v.canceled) name = 'CANCELED ' + name;
      else if (v.error !== undefined) name = 'ERROR ' + name;
      if (v.cached) name = 'CACHED ' + name;
      const base = { status: '', error: v.error !== undefined && !v.canceled, canceled: v.canceled, showTerm: false };
      jobs.push({ ...base, name, start: v.start, stop: v.stop, completed: v.stop !== undefined, vertex: v });
      for (const s of v.statuses) {
        jobs.push({
          name: '=> ' + s.id,
          start: s.started,
          stop: s.completed,
          status: this.bytes(s),
          completed: s.completed !== undefined,
          error: false,
          canceled: false,
          showTerm: false,
        });
      }
      for (const w of v.warnings) {
        // a warning row takes its step's time and is never coloured (it is not "completed")
        jobs.push({ name: 'WARN: ' + w, start: v.start, stop: v.stop, status: '', completed: false, error: false, canceled: true, showTerm: false });
      }
    }
    return jobs;
  }

  private draw(all: boolean): void {
    // a tick that comes after the last frame must not draw over what follows it
    if (this.mode !== 'tty' || (this.ended && !all)) return;
    const now = this.o.now();
    this.lastDraw = now;
    const width = this.width;
    let jobs = this.jobs();
    // setupTerminals: the running steps with output get their last lines shown, while there is room
    const inUse = jobs.filter((j) => !j.completed).length;
    const candidates = jobs
      .filter((j) => j.vertex && j.vertex.termBytes > 0 && !j.completed)
      .sort((a, b) => b.vertex!.termBytes + b.vertex!.termCount * 50 - (a.vertex!.termBytes + a.vertex!.termCount * 50));
    let free = this.height - 2 - inUse;
    let hidden = 0;
    const termHeight = Math.max(TERM_HEIGHT, Math.min(TERM_HEIGHT, this.height - TERM_HEIGHT - 1));
    for (let i = 0; free > termHeight + 3 && i < candidates.length; i++) {
      candidates[i]!.showTerm = true;
      hidden += candidates[i]!.vertex!.term!.content().length;
      free -= termHeight + 3;
    }
    if (!all) jobs = wrapHeight(jobs, this.height - 2 - hidden);

    let out = '\x1b[1A'.repeat(this.lineCount + 1) + (this.repeated ? '' : '\x1b[1B') + '\x1b[0G';
    this.repeated = true;
    out += HIDE;
    const total = this.vertices.length + (all ? 0 : this.pending);
    const completed = this.vertices.filter((v) => v.stop !== undefined).length;
    const finished = completed > 0 && completed === total && all ? 'FINISHED' : '';
    const start = this.vertices[0]?.start ?? now;
    const desc = `docker:${this.o.builderName ?? 'default'}`;
    let header = align(`[+] Building ${seconds(now - start, 1)}s (${completed}/${total}) ${finished}`, desc, width - 1);
    if (header.length > width) header = header.slice(0, width);
    out += header + '\n';
    let lineCount = 0;
    for (const j of jobs) {
      let dt = (j.stop ?? now) - j.start;
      if (dt < 50) dt = 0;
      const timer = ` ${seconds(dt, 1).padStart(3)}s\n`;
      let left = width - 4 - timer.length - 1;
      let showStatus = false;
      if (j.status !== '' && left + j.status.length > 20) {
        showStatus = true;
        left -= j.status.length + 1;
      }
      if (left < 12) continue; // too small a screen to show progress
      let line = ' => ' + j.name.slice(0, left) + (showStatus ? ' ' + j.status : '');
      line = align(line, timer, width);
      if (j.completed) {
        const colour = j.canceled ? YELLOW : j.error ? RED : BLUE;
        line = colour + line + RESET;
      }
      out += line;
      lineCount++;
      if (j.showTerm && j.vertex?.term) {
        for (const row of j.vertex.term.content()) {
          out += `${FAINT} => => # ${row}\n${RESET}`;
          lineCount++;
        }
        j.vertex.termCount++;
      }
    }
    // blank what the last frame had below this one
    const diff = this.lineCount - lineCount;
    if (diff > 0) out += `${' '.repeat(width)}\n`.repeat(diff) + `\x1b[${diff}A\x1b[0G`;
    this.lineCount = lineCount;
    this.err.write(out + SHOW);
  }
}

/** display.go align: `l` padded so that `r` ends at width `w`. */
function align(l: string, r: string, w: number): string {
  return l.padEnd(w - r.length - 1) + ' ' + r;
}

/** display.go wrapHeight: the last `limit` rows, running ones that fell off brought back first. */
function wrapHeight(jobs: Job[], limit: number): Job[] {
  if (limit < 0) return [];
  if (jobs.length <= limit) return jobs;
  let wrapped = jobs.slice(jobs.length - limit);
  const invisible = jobs.slice(0, jobs.length - limit).filter((j) => !j.completed);
  let l = invisible.length;
  if (l > 0) {
    const rewrapped: Job[] = [];
    for (const j of wrapped) {
      if (!j.completed || l <= 0) rewrapped.push(j);
      l--;
    }
    const free = wrapped.length - rewrapped.length;
    wrapped = [...invisible.slice(invisible.length - free), ...rewrapped];
  }
  return wrapped;
}
