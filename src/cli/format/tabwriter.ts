// Go's text/tabwriter (elastic tabstops) as docker/cli's fork of it runs for
// every table: tabwriter.NewWriter(out, 10, 1, 3, ' ', 0).
//
// Cells are tab-terminated; the text after a line's last tab is not part of
// any column and is never padded. A column is a run of consecutive lines
// that all have a cell in it; a line with fewer cells ends the run, and the
// lines after it start new columns. A column's width is its widest cell plus
// the padding, but at least minwidth (so minwidth 10 includes the padding:
// "TAG" takes 10 columns, "REPOSITORY" 13). Empty cells are padded too.

/** Go's flag values. */
export const ALIGN_RIGHT = 4;
export const DISCARD_EMPTY_COLUMNS = 8;
export const TAB_INDENT = 16;
export const DEBUG = 32;

interface Cell {
  text: string;
  width: number;
  htab: boolean; // terminated by '\t' (rather than '\v' or a line end)
}

export interface TabWriterOptions {
  minwidth?: number;
  tabwidth?: number;
  padding?: number;
  padchar?: string;
  flags?: number;
  /**
   * How wide a cell is: 'display' (docker/cli's fork measures with
   * go-runewidth: East Asian wide characters count 2, combining marks 0) or
   * 'runes' (Go's own text/tabwriter counts runes).
   */
  measure?: 'display' | 'runes';
}

/** Docker's table settings. */
export const DOCKER_TABLE: TabWriterOptions = { minwidth: 10, tabwidth: 1, padding: 3, padchar: ' ', flags: 0 };

export class TabWriter {
  private readonly minwidth: number;
  private readonly tabwidth: number;
  private readonly padding: number;
  private readonly padchar: string;
  private readonly flags: number;
  private readonly measure: (s: string) => number;
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private out = '';

  constructor(options: TabWriterOptions = DOCKER_TABLE) {
    this.minwidth = options.minwidth ?? 10;
    this.tabwidth = options.tabwidth ?? 1;
    this.padding = options.padding ?? 3;
    this.padchar = options.padchar ?? ' ';
    // tab padding enforces left alignment
    this.flags = this.padchar === '\t' ? (options.flags ?? 0) & ~ALIGN_RIGHT : (options.flags ?? 0);
    this.measure = options.measure === 'runes' ? (s) => [...s].length : displayWidth;
  }

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const ncells = this.terminateCell(ch === '\t');
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A one-cell line cannot affect later lines' columns, so Go flushes here.
        if (ch === '\f' || ncells === 1) {
          this.flushBuffered();
          if (ch === '\f' && this.flags & DEBUG) this.out += '---\n';
        }
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats whatever is buffered and returns all output not yet returned. */
  flush(): string {
    this.flushBuffered();
    const out = this.out;
    this.out = '';
    return out;
  }

  private terminateCell(htab: boolean): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: this.measure(this.cell), htab });
    this.cell = '';
    return line.length;
  }

  private flushBuffered(): void {
    if (this.cell.length > 0) this.terminateCell(false);
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.cell = '';
    this.widths = [];
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= this.lines[row]!.length - 1) continue;
      // This line has a cell in this column: a column block begins here.
      this.writeLines(line0, row);
      line0 = row;
      let width = this.minwidth;
      let discardable = true;
      for (; row < line1; row++) {
        const line = this.lines[row]!;
        if (column >= line.length - 1) break;
        const c = line[column]!;
        width = Math.max(width, c.width + this.padding);
        if (c.width > 0 || c.htab) discardable = false;
      }
      if (discardable && this.flags & DISCARD_EMPTY_COLUMNS) width = 0;
      // Format the columns to the right, now that this one's width is known.
      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      let useTabs = (this.flags & TAB_INDENT) !== 0;
      this.lines[i]!.forEach((c, j) => {
        if (j > 0 && this.flags & DEBUG) this.out += '|';
        const w = this.widths[j];
        if (c.text.length === 0) {
          if (w !== undefined) this.writePadding(c.width, w, useTabs);
          return;
        }
        useTabs = false;
        if (this.flags & ALIGN_RIGHT) {
          if (w !== undefined) this.writePadding(c.width, w, false);
          this.out += c.text;
        } else {
          this.out += c.text;
          if (w !== undefined) this.writePadding(c.width, w, false);
        }
      });
      // The last buffered line has no newline yet; write its unfinished cell.
      this.out += i + 1 === this.lines.length ? this.cell : '\n';
    }
  }

  private writePadding(textw: number, cellw: number, useTabs: boolean): void {
    if (this.padchar === '\t' || useTabs) {
      if (this.tabwidth === 0) return;
      const w = Math.ceil(cellw / this.tabwidth) * this.tabwidth;
      this.out += '\t'.repeat(Math.ceil((w - textw) / this.tabwidth));
      return;
    }
    this.out += this.padchar.repeat(Math.max(cellw - textw, 0));
  }
}

/** Formats a whole text at once. */
export function tabwrite(text: string, options: TabWriterOptions = DOCKER_TABLE): string {
  const w = new TabWriter(options);
  w.write(text);
  return w.flush();
}

/** A Docker table: rows are lines of tab-separated cells (the first is the header). */
export function dockerTable(rows: string[][]): string {
  return tabwrite(rows.map((r) => r.join('\t') + '\n').join(''));
}

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cc}\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]$/u;

// East Asian Wide and Fullwidth ranges, and the emoji blocks go-runewidth
// counts as wide.
const WIDE: [number, number][] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f5],
  [0x26fa, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd],
  [0x30000, 0x3fffd],
];

export function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Terminal columns a string takes, the way go-runewidth counts them. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    if (ch.charCodeAt(0) < 0x7f && ch >= ' ') w++;
    else if (ZERO_WIDTH.test(ch)) continue;
    else w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return w;
}
