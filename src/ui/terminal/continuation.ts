// Decides when the lines typed at the prompt make a whole command, as an
// interactive bash does before it runs anything: a here-document keeps
// reading until its terminator; an open quote, a trailing backslash or a
// trailing pipe or && / || asks for another line (the `> ` prompt). The
// shell proper parses the text; this only needs to know where it ends.

export interface HereDoc {
  delimiter: string;
  /** `<<-`: leading tabs are stripped from body lines and the terminator. */
  stripTabs: boolean;
}

interface ScanState {
  quote: '' | "'" | '"' | "$'";
}

interface ScanResult {
  heredocs: HereDoc[];
  /** The line ends inside a quote. */
  openQuote: boolean;
  /** The line ends with a backslash (outside quotes and comments): the next line joins it. */
  backslash: boolean;
  /** The line ends with |, && or ||: the command goes on on the next line. */
  operator: boolean;
}

const WORD_END = /[\s;&|<>()]/;

/** Reads one line of shell text, carrying quote state from the previous line. */
function scanLine(line: string, state: ScanState): ScanResult {
  const heredocs: HereDoc[] = [];
  let i = 0;
  let lastCode = -1; // index of the last character that is code (not a comment)
  const n = line.length;
  while (i < n) {
    const c = line[i]!;
    if (state.quote === "'") {
      if (c === "'") state.quote = '';
      lastCode = i++;
      continue;
    }
    if (state.quote === "$'") {
      if (c === '\\') i++;
      else if (c === "'") state.quote = '';
      lastCode = i++;
      continue;
    }
    if (state.quote === '"') {
      if (c === '\\') i++;
      else if (c === '"') state.quote = '';
      lastCode = i++;
      continue;
    }
    if (c === '\\') {
      lastCode = Math.min(i + 1, n - 1);
      i += 2;
      continue;
    }
    if (c === "'") {
      state.quote = "'";
      lastCode = i++;
      continue;
    }
    if (c === '$' && line[i + 1] === "'") {
      state.quote = "$'";
      lastCode = i + 1;
      i += 2;
      continue;
    }
    if (c === '"') {
      state.quote = '"';
      lastCode = i++;
      continue;
    }
    if (c === '#' && (i === 0 || /[\s;&|()]/.test(line[i - 1]!))) break; // comment
    if (c === '<' && line[i + 1] === '<') {
      if (line[i + 2] === '<') {
        lastCode = i + 2;
        i += 3; // here-string
        continue;
      }
      let j = i + 2;
      const stripTabs = line[j] === '-';
      if (stripTabs) j++;
      while (j < n && (line[j] === ' ' || line[j] === '\t')) j++;
      const word = readWord(line, j);
      if (word.text !== '') heredocs.push({ delimiter: word.text, stripTabs });
      lastCode = Math.max(i + 1, word.end - 1);
      i = Math.max(j, word.end);
      continue;
    }
    if (!/\s/.test(c)) lastCode = i;
    i++;
  }
  const open = state.quote !== '';
  let backslash = false;
  let operator = false;
  if (!open && lastCode >= 0) {
    const code = line.slice(0, lastCode + 1);
    backslash = /(^|[^\\])(\\\\)*\\$/.test(code);
    operator = !backslash && /(\|\||&&|(^|[^|>])\|)$/.test(code.trimEnd());
  }
  return { heredocs, openQuote: open, backslash, operator };
}

/** A here-document word, with its quoting removed (`'EOF'`, `"EOF"`, `\EOF`, `E"O"F`). */
function readWord(line: string, start: number): { text: string; end: number } {
  let text = '';
  let i = start;
  while (i < line.length) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      if (close < 0) {
        text += line.slice(i + 1);
        return { text, end: line.length };
      }
      text += line.slice(i + 1, close);
      i = close + 1;
      continue;
    }
    if (c === '\\' && i + 1 < line.length) {
      text += line[i + 1];
      i += 2;
      continue;
    }
    if (WORD_END.test(c)) break;
    text += c;
    i++;
  }
  return { text, end: i };
}

export type PushResult = { complete: true; text: string } | { complete: false };

/** Collects lines until they form a whole command. */
export class CommandAssembler {
  private lines: string[] = [];
  private state: ScanState = { quote: '' };
  private heredocs: HereDoc[] = [];
  /** Here-documents opened by the command lines, waiting for their bodies. */
  private queued: HereDoc[] = [];
  private commandContinues = false;

  /** Whether lines are being collected (the next prompt is `> `). */
  get pending(): boolean {
    return this.lines.length > 0;
  }

  /** The here-documents still waiting for a terminator. */
  get openHereDocs(): readonly HereDoc[] {
    return this.heredocs;
  }

  /** The text collected so far. */
  get text(): string {
    return this.lines.join('\n');
  }

  reset(): void {
    this.lines = [];
    this.state = { quote: '' };
    this.heredocs = [];
    this.queued = [];
    this.commandContinues = false;
  }

  push(line: string): PushResult {
    this.lines.push(line);
    if (this.heredocs.length > 0) {
      const doc = this.heredocs[0]!;
      const body = doc.stripTabs ? line.replace(/^\t+/, '') : line;
      if (body === doc.delimiter) this.heredocs.shift();
      return this.settle();
    }
    const scan = scanLine(line, this.state);
    this.queued.push(...scan.heredocs);
    this.commandContinues = scan.openQuote || scan.backslash || scan.operator;
    // Bodies start after the line's real newline (not one inside quotes or escaped).
    if (!scan.openQuote && !scan.backslash && this.queued.length > 0) {
      this.heredocs = this.queued;
      this.queued = [];
    }
    return this.settle();
  }

  private settle(): PushResult {
    if (this.heredocs.length > 0 || this.commandContinues) return { complete: false };
    const text = this.text;
    this.reset();
    return { complete: true, text };
  }
}
