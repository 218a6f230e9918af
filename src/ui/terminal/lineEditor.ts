// A small readline: turns the bytes a terminal sends for key presses into an
// edited line, and writes the echo (and the cursor moves) back to the
// terminal. No DOM, no xterm: it sees strings in and strings out, so it is
// tested in Node by feeding key sequences.
//
// Input that arrives while the editor is not reading (a command runs, or a
// paste holds several lines) waits in a queue and is processed by the next
// read(), as typeahead on a real terminal is.
//
// Tab completes as readline does when the read offers completion: one match
// is inserted (with a space unless it is a directory), several insert their
// common prefix, and a Tab that cannot add anything beeps; the next one lists
// the matches in columns under the line and draws the prompt again.
import { MemoryHistory, type HistoryStore } from './history.ts';
import { commonPrefix, type CompletionResult } from '../../shell/complete.ts';
import { charWidth } from './charWidth.ts';

export { charWidth };

export type EditorEvent =
  /** Enter: the line, without its newline. */
  | { type: 'line'; text: string }
  /** Ctrl-C: the line is abandoned (its text is given for reference). */
  | { type: 'interrupt'; text: string }
  /** Ctrl-D on an empty line, when the read allows end of input. */
  | { type: 'eof' }
  /** Ctrl-D with text on a cooked read: the text goes to the program as it is, without a newline. */
  | { type: 'flush'; text: string };

export interface LineEditorOptions {
  /** Writes echo and cursor movement to the terminal. */
  write(data: string): void;
  /** Receives each finished read; the editor stops reading before calling it. */
  onEvent(event: EditorEvent): void;
  /** The terminal's width in columns (for lines longer than a row). Default 80. */
  columns?: number;
  /** The history Up/Down browse and Enter adds to (shared by the page's terminals). Default: its own. */
  history?: HistoryStore;
  /** The terminal's height, for the question before a long list of matches. Default 24. */
  rows?: number;
}

/** Finds the matches for the word before `cursor` (a string index into `line`). */
export type Completer = (line: string, cursor: number) => CompletionResult | null;

export interface ReadOptions {
  /** Written before the input; may contain colour (SGR) sequences. */
  prompt?: string;
  /** The column the cursor is at before the prompt (text on the line that is not ours). */
  column?: number;
  /** Enter records the line in history, and Up/Down browse it. Default false. */
  history?: boolean;
  /** Ctrl-D on an empty line ends the read with an `eof` event. Default false (ignored). */
  eof?: boolean;
  /**
   * A terminal's cooked mode rather than readline: Ctrl-D with text on the
   * line hands that text over (no newline) instead of deleting a character.
   */
  cooked?: boolean;
  /** Tab completes with this; without it a Tab is a character of the line (a program's input). */
  complete?: Completer | null;
}

/** readline's completion-query-items: more matches than this ask first. */
const QUERY_ITEMS = 100;

/** A Tab key press (as opposed to a tab character inside pasted text). */
const TAB_KEY = '\uE009';

const ESC = '\x1b';

/** Visible width of text written to the terminal: escape sequences take no room. */
export function visibleWidth(text: string): number {
  const plain = text
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g, '') // OSC
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // CSI
    .replace(/\x1b[@-Z\\-_]/g, '') // two-byte escapes
    .replace(/[\x00-\x1f\x7f]/g, '');
  let width = 0;
  for (const ch of plain) width += charWidth(ch);
  return width;
}

/**
 * Splits the next key off the input. Returns null when the input ends inside
 * an escape sequence (the rest arrives with the next chunk).
 */
export function nextKey(input: string): [key: string, rest: string] | null {
  const c = input[0];
  if (c === ESC) {
    const second = input[1];
    if (second === undefined) return [ESC, ''];
    if (second === '[') {
      // X10 mouse report: ESC [ M and three raw bytes.
      if (input[2] === 'M') {
        if (input.length < 6) return null;
        return [input.slice(0, 6), input.slice(6)];
      }
      for (let i = 2; i < input.length; i++) {
        const code = input.charCodeAt(i);
        if (code >= 0x40 && code <= 0x7e) return [input.slice(0, i + 1), input.slice(i + 1)];
        if (code < 0x20 || code > 0x7e) return [input.slice(0, i), input.slice(i)]; // malformed
      }
      return null;
    }
    if (second === ']' || second === 'P' || second === '_' || second === '^') {
      // a string sequence (a terminal's OSC or DCS reply) up to BEL or ST, when the chunk holds its end
      const end = input.slice(2).search(/\x07|\x1b\\/);
      if (end >= 0) {
        const stop = 2 + end + (input[2 + end] === '\x07' ? 1 : 2);
        return [input.slice(0, stop), input.slice(stop)];
      }
    }
    if (second === 'O') {
      if (input.length < 3) return null;
      return [input.slice(0, 3), input.slice(3)];
    }
    const alt = String.fromCodePoint(input.codePointAt(1)!);
    return [ESC + alt, input.slice(1 + alt.length)];
  }
  if (c === '\r' && input[1] === '\n') return ['\r', input.slice(2)];
  if (c === '\n') return ['\r', input.slice(1)];
  const ch = String.fromCodePoint(input.codePointAt(0)!);
  return [ch, input.slice(ch.length)];
}

const KEYS: Record<string, string> = {
  '\r': 'enter',
  '\x7f': 'backspace',
  '\b': 'backspace',
  '\x1b[3~': 'delete',
  '\x1b[D': 'left',
  '\x1bOD': 'left',
  '\x02': 'left',
  '\x1b[C': 'right',
  '\x1bOC': 'right',
  '\x06': 'right',
  '\x1b[H': 'home',
  '\x1bOH': 'home',
  '\x1b[1~': 'home',
  '\x1b[7~': 'home',
  '\x01': 'home',
  '\x1b[F': 'end',
  '\x1bOF': 'end',
  '\x1b[4~': 'end',
  '\x1b[8~': 'end',
  '\x05': 'end',
  '\x1b[A': 'up',
  '\x1bOA': 'up',
  '\x10': 'up',
  '\x1b[B': 'down',
  '\x1bOB': 'down',
  '\x0e': 'down',
  '\x1b[1;5D': 'word-left',
  '\x1b[1;3D': 'word-left',
  '\x1bb': 'word-left',
  '\x1b[1;5C': 'word-right',
  '\x1b[1;3C': 'word-right',
  '\x1bf': 'word-right',
  '\x15': 'kill-start',
  '\x0b': 'kill-end',
  '\x17': 'kill-word',
  '\x1b\x7f': 'kill-word',
  '\x19': 'yank',
  '\x03': 'interrupt',
  '\x0c': 'clear',
  '\x04': 'eof',
};

function moveCursor(n: number, code: 'A' | 'B' | 'C' | 'D'): string {
  if (n <= 0) return '';
  return n === 1 ? `${ESC}[${code}` : `${ESC}[${n}${code}`;
}

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  /** Where the terminal's cursor is, as an offset from the start of the prompt's row. */
  private pos = 0;
  private promptText = '';
  private promptEnd = 0;
  private reading = false;
  private options: Required<ReadOptions> = { prompt: '', column: 0, history: false, eof: false, cooked: false, complete: null };
  private queue = '';
  private pumping = false;
  private cols: number;
  private readonly store: HistoryStore;
  private historyIndex = 0;
  /** Up was pressed in this read (historyIndex points into the history). */
  private browsing = false;
  private rows: number;
  /** The previous key was Tab (readline lists the matches on a second one). */
  private lastTab: { changed: boolean } | null = null;
  /** A long list of matches waits for the answer to `Display all N possibilities? (y or n)`. */
  private query: string[] | null = null;
  private draft = '';
  private killed = '';

  constructor(private readonly io: LineEditorOptions) {
    this.cols = Math.max(1, io.columns ?? 80);
    this.store = io.history ?? new MemoryHistory();
    this.rows = Math.max(1, io.rows ?? 24);
  }

  /** The line being edited. */
  get line(): string {
    return this.chars.join('');
  }

  /** The cursor's index in the line, in code points. */
  get cursorIndex(): number {
    return this.cursor;
  }

  get isReading(): boolean {
    return this.reading;
  }

  /** Input received but not processed yet (typeahead). */
  get pending(): string {
    return this.queue;
  }

  get history(): readonly string[] {
    return this.store.lines;
  }

  setColumns(cols: number): void {
    this.cols = Math.max(1, Math.floor(cols));
  }

  setRows(rows: number): void {
    this.rows = Math.max(1, Math.floor(rows));
  }

  /** Cells the first `n` characters of the line take. */
  private cells(n: number): number {
    let w = 0;
    for (let i = 0; i < n; i++) w += charWidth(this.chars[i]!);
    return w;
  }

  /** Shows the prompt and starts reading a line; queued input is processed at once. */
  read(options: ReadOptions = {}): void {
    this.options = { prompt: '', column: 0, history: false, eof: false, cooked: false, complete: null, ...options };
    this.promptText = this.options.prompt;
    this.chars = [];
    this.cursor = 0;
    this.historyIndex = this.store.lines.length;
    this.browsing = false;
    this.lastTab = null;
    this.query = null;
    this.draft = '';
    this.pos = this.options.column;
    this.promptEnd = this.options.column + visibleWidth(this.promptText);
    this.reading = true;
    let out = this.promptText;
    this.pos = this.promptEnd;
    out += this.wrapFix(this.pos, this.promptText.length > 0);
    this.io.write(out);
    this.pump();
  }

  /** Terminal input: key presses, escape sequences or pasted text. */
  feed(data: string): void {
    // A lone Tab is the key (completion); tabs inside pasted text are characters.
    this.queue += data === '\t' ? TAB_KEY : data;
    this.pump();
  }

  /** Drops queued input (as a terminal flushes its input on an interrupt). */
  discardPending(): string {
    const dropped = this.queue;
    this.queue = '';
    return dropped;
  }

  /** Stops reading without an event; the line stays as it is on the screen. */
  stop(): void {
    this.reading = false;
  }

  private pump(): void {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.reading && this.queue.length > 0) {
        const next = nextKey(this.queue);
        if (!next) break;
        this.queue = next[1];
        this.handle(next[0]);
      }
    } finally {
      this.pumping = false;
    }
  }

  private handle(key: string): void {
    if (this.query) return this.answerQuery(key);
    const tab = this.lastTab;
    this.lastTab = null;
    if (key === TAB_KEY) return this.options.complete ? this.completeWord(tab) : this.insert('\t');
    switch (KEYS[key]) {
      case 'enter':
        return this.finish({ type: 'line', text: this.line }, '');
      case 'interrupt':
        return this.finish({ type: 'interrupt', text: this.line }, '^C');
      case 'eof':
        if (this.chars.length > 0 && this.options.cooked) return this.finish({ type: 'flush', text: this.line }, '');
        if (this.chars.length > 0) return this.deleteForward();
        if (this.options.eof) return this.finish({ type: 'eof' }, '');
        return;
      case 'backspace':
        return this.backspace();
      case 'delete':
        return this.deleteForward();
      case 'left':
        return this.moveTo(this.cursor - 1);
      case 'right':
        return this.moveTo(this.cursor + 1);
      case 'home':
        return this.moveTo(0);
      case 'end':
        return this.moveTo(this.chars.length);
      case 'word-left':
        return this.moveTo(this.wordStart());
      case 'word-right':
        return this.moveTo(this.wordEnd());
      case 'up':
        return this.historyMove(-1);
      case 'down':
        return this.historyMove(1);
      case 'kill-start':
        return this.kill(0, this.cursor);
      case 'kill-end':
        return this.kill(this.cursor, this.chars.length);
      case 'kill-word':
        return this.kill(this.wordStart(), this.cursor);
      case 'yank':
        return this.insert(this.killed);
      case 'clear':
        return this.clearScreen();
    }
    if (key.startsWith(ESC)) return; // other keys and terminal reports
    const code = key.codePointAt(0)!;
    if ((code < 0x20 && key !== '\t') || code === 0x7f || (code >= 0x80 && code < 0xa0)) return;
    this.insert(key);
  }

  private finish(event: EditorEvent, mark: string): void {
    const end = this.promptEnd + this.cells(this.chars.length);
    let out = this.moveFrom(this.pos, end) + mark;
    // A line that exactly fills its last row already left the cursor on the next one.
    const atRowStart = mark === '' && this.chars.length > 0 && end % this.cols === 0;
    // Ctrl-C while a program reads: the terminal echoes ^C only; the shell
    // that sees its program die of SIGINT ends the line (at a prompt, the
    // shell's own line editor does)
    const programInterrupted = event.type === 'interrupt' && !this.options.history;
    // Ctrl-D on an empty line echoes nothing: the cursor stays after the prompt
    out += atRowStart || programInterrupted || event.type === 'eof' || event.type === 'flush' ? '' : '\r\n';
    this.io.write(out);
    if (event.type === 'line' && this.options.history) this.store.add(event.text);
    this.reading = false;
    this.chars = [];
    this.cursor = 0;
    this.pos = 0;
    this.io.onEvent(event);
  }

  private historyMove(delta: number): void {
    if (!this.options.history) return;
    const entries = this.store.lines;
    // not browsing yet: start from the newest line, another terminal's included
    if (!this.browsing) this.historyIndex = entries.length;
    this.historyIndex = Math.min(this.historyIndex, entries.length);
    const target = this.historyIndex + delta;
    if (target < 0 || target > entries.length) return;
    if (this.historyIndex === entries.length) this.draft = this.line;
    this.historyIndex = target;
    this.browsing = target !== entries.length;
    this.setLine(target === entries.length ? this.draft : entries[target]!);
  }

  /** Tab: complete the word before the cursor (readline's rl_complete). */
  private completeWord(previous: { changed: boolean } | null): void {
    const line = this.line;
    const index = this.chars.slice(0, this.cursor).join('').length;
    let result: CompletionResult | null = null;
    try {
      result = this.options.complete!(line, index);
    } catch {
      result = null; // completion must never break the line
    }
    const candidates = result?.candidates ?? [];
    if (!result || candidates.length === 0) {
      this.lastTab = { changed: false };
      return this.io.write('\x07');
    }
    const word = line.slice(result.start, index);
    const start = Array.from(line.slice(0, result.start)).length;
    if (candidates.length === 1) {
      const only = candidates[0]!;
      const text = only.value + (only.noSpace ? '' : ' ');
      this.replaceWord(start, text);
      this.lastTab = { changed: true };
      return;
    }
    // several: the common prefix goes in and the bell rings; a second Tab in a row lists them
    this.lastTab = { changed: false };
    if (!previous) {
      const prefix = commonPrefix(candidates.map((c) => c.value));
      if (prefix.length > word.length && prefix !== word) this.replaceWord(start, prefix);
      return this.io.write('\x07');
    }
    const shown = candidates.map((c) => c.display);
    if (shown.length > QUERY_ITEMS) {
      this.query = shown;
      this.io.write(this.moveFrom(this.pos, this.promptEnd + this.cells(this.chars.length)) + `\r\nDisplay all ${shown.length} possibilities? (y or n)`);
      this.pos = -1;
      return;
    }
    this.io.write(this.moveFrom(this.pos, this.promptEnd + this.cells(this.chars.length)) + '\r\n' + this.columns(shown) + '\r\n');
    this.redraw();
  }

  private answerQuery(key: string): void {
    const list = this.query!;
    if (key === 'y' || key === 'Y' || key === ' ') {
      this.query = null;
      this.io.write('\r\n' + this.columns(list) + '\r\n');
      return this.redraw();
    }
    if (key === 'n' || key === 'N' || key === '\x7f' || key === '\x03' || key === '\r') {
      this.query = null;
      this.io.write('\r\n');
      return this.redraw();
    }
    this.io.write('\x07');
  }

  /** readline's rl_display_match_list: sorted down the columns, two spaces apart. */
  private columns(items: string[]): string {
    const max = Math.max(...items.map((s) => visibleWidth(s))) + 2;
    let limit = Math.floor(this.cols / max);
    if (limit !== 1 && limit * max === this.cols) limit--;
    if (limit < 1) limit = 1;
    const count = Math.ceil(items.length / limit);
    const rows: string[] = [];
    for (let i = 0; i < count; i++) {
      let row = '';
      for (let j = 0; j < limit; j++) {
        const l = i + j * count;
        if (l >= items.length) break;
        const item = items[l]!;
        row += item;
        if (j + 1 < limit && i + (j + 1) * count < items.length) row += ' '.repeat(max - visibleWidth(item));
      }
      rows.push(row);
    }
    return rows.join('\r\n');
  }

  /** The prompt and the line again, on a fresh row (after a listing). */
  private redraw(): void {
    this.promptEnd = visibleWidth(this.promptText);
    let out = this.promptText + this.wrapFix(this.promptEnd, this.promptText.length > 0);
    out += this.chars.map(display).join('');
    const end = this.promptEnd + this.cells(this.chars.length);
    out += this.wrapFix(end, this.chars.length > 0);
    const to = this.promptEnd + this.cells(this.cursor);
    out += this.moveFrom(end, to);
    this.pos = to;
    this.io.write(out);
  }

  /** Replaces the text from code point `start` to the cursor. */
  private replaceWord(start: number, text: string): void {
    const added = Array.from(text);
    const atEnd = this.cursor === this.chars.length;
    const old = this.chars.slice(start, this.cursor).join('');
    if (atEnd && text.startsWith(old)) return this.insert(text.slice(old.length));
    this.chars.splice(start, this.cursor - start, ...added);
    this.cursor = start + added.length;
    this.refresh();
  }

  private setLine(text: string): void {
    this.chars = Array.from(text);
    this.cursor = this.chars.length;
    this.refresh();
  }

  private insert(text: string): void {
    if (text === '') return;
    const added = Array.from(text);
    const atEnd = this.cursor === this.chars.length;
    this.chars.splice(this.cursor, 0, ...added);
    this.cursor += added.length;
    if (atEnd) {
      this.pos += added.reduce((n, ch) => n + charWidth(ch), 0);
      this.io.write(added.map(display).join('') + this.wrapFix(this.pos, true));
    } else {
      this.refresh();
    }
  }

  private backspace(): void {
    if (this.cursor === 0) return;
    const atEnd = this.cursor === this.chars.length;
    const [gone] = this.chars.splice(this.cursor - 1, 1);
    const w = charWidth(gone!);
    this.cursor--;
    if (atEnd && w === 1 && this.pos % this.cols !== 0) {
      this.pos--;
      this.io.write('\b \b');
    } else {
      this.refresh();
    }
  }

  private deleteForward(): void {
    if (this.cursor >= this.chars.length) return;
    this.chars.splice(this.cursor, 1);
    this.refresh();
  }

  private kill(from: number, to: number): void {
    if (to <= from) return;
    this.killed = this.chars.slice(from, to).join('');
    this.chars.splice(from, to - from);
    this.cursor = from;
    this.refresh();
  }

  private wordStart(): number {
    let i = this.cursor;
    while (i > 0 && !isWordChar(this.chars[i - 1]!)) i--;
    while (i > 0 && isWordChar(this.chars[i - 1]!)) i--;
    return i;
  }

  private wordEnd(): number {
    let i = this.cursor;
    const n = this.chars.length;
    while (i < n && !isWordChar(this.chars[i]!)) i++;
    while (i < n && isWordChar(this.chars[i]!)) i++;
    return i;
  }

  private moveTo(index: number): void {
    const target = Math.max(0, Math.min(this.chars.length, index));
    if (target === this.cursor) return;
    this.cursor = target;
    const to = this.promptEnd + this.cells(target);
    const out = this.moveFrom(this.pos, to);
    this.pos = to;
    this.io.write(out);
  }

  /** Redraws the line from the end of the prompt, then puts the cursor back. */
  private refresh(): void {
    let out = this.moveFrom(this.pos, this.promptEnd) + `${ESC}[J`;
    out += this.chars.map(display).join('');
    const end = this.promptEnd + this.cells(this.chars.length);
    out += this.wrapFix(end, this.chars.length > 0);
    const to = this.promptEnd + this.cells(this.cursor);
    out += this.moveFrom(end, to);
    this.pos = to;
    this.io.write(out);
  }

  private clearScreen(): void {
    // The prompt is redrawn at the top; text before it on its row is gone.
    this.io.write(`${ESC}[H${ESC}[2J`);
    this.redraw();
  }

  /**
   * Text ending exactly at the right margin leaves the terminal's cursor on
   * the last column (the wrap is pending); a space and a backspace move it to
   * the start of the next row, where the offset arithmetic expects it.
   */
  private wrapFix(offset: number, wrote: boolean): string {
    return wrote && offset > 0 && offset % this.cols === 0 ? ' \b' : '';
  }

  private moveFrom(from: number, to: number): string {
    const cols = this.cols;
    const rowDelta = Math.floor(to / cols) - Math.floor(from / cols);
    const colDelta = (to % cols) - (from % cols);
    return (
      moveCursor(-rowDelta, 'A') + moveCursor(rowDelta, 'B') + moveCursor(colDelta, 'C') + moveCursor(-colDelta, 'D')
    );
  }
}

function display(ch: string): string {
  return ch === '\t' ? ' ' : ch;
}

function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}_]/u.test(ch);
}
