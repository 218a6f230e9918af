// The interactive loop behind the page's terminal: prompt, line editing,
// continuation lines, running a command through the Host with its output
// written as it comes, standard input read from the keyboard while a
// command runs, and Ctrl-C. Knows nothing of xterm: it writes strings to a
// TerminalLike and is fed the terminal's input.
import type { Host, HostIO } from '../../shell/host.ts';
import type { InputStream } from '../../engine/runtime/process.ts';
import { CommandAssembler } from './continuation.ts';
import { LineEditor, visibleWidth, type Completer, type EditorEvent } from './lineEditor.ts';
import type { HistoryStore } from './history.ts';

export interface TerminalLike {
  write(data: string): void;
}

export type SessionState = 'idle' | 'prompt' | 'continuation' | 'running' | 'reading' | 'closed';

export interface SessionOptions {
  host: Host;
  term: TerminalLike;
  columns?: number;
  rows?: number;
  /** Up/Down and Enter at the prompt use it (the page's terminals share one). */
  history?: HistoryStore;
  /** Tab at the prompt completes with it (never while a program reads). */
  complete?: Completer;
  /**
   * Ctrl-D on an empty prompt: bash prints `exit` and ends. Returns true when
   * the terminal closes; otherwise the text returned by `exitHint` is shown
   * (dim) and a new prompt follows.
   */
  onExit?(): boolean;
  exitHint?(): string;
  user?: string;
  hostname?: string;
  /** Colour the prompt (user@host green, directory blue), as Debian's bashrc can. */
  color?: boolean;
  /** Called whenever the state changes (a prompt is shown, a command starts...). */
  onState?(state: SessionState): void;
}

/**
 * A Host may offer this to stop the foreground command on Ctrl-C (SIGINT).
 * Without it, Ctrl-C stops waiting for the command and shows a new prompt.
 */
interface Interruptible {
  interrupt?(): void;
}

/** Terminal line endings: "\n" becomes "\r\n". */
export function toTerminal(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

interface Run {
  id: number;
  interrupted: boolean;
  read: ((chunk: string | null) => void) | null;
}

export class TerminalSession {
  readonly editor: LineEditor;
  private readonly assembler = new CommandAssembler();
  private readonly host: Host & Interruptible;
  private readonly term: TerminalLike;
  private readonly user: string;
  private readonly hostname: string;
  private readonly color: boolean;
  private readonly onState: (state: SessionState) => void;
  private readonly completer: Completer | null;
  private readonly onExit: () => boolean;
  private readonly exitHint: () => string;
  private current: Run | null = null;
  private runs = 0;
  private stateValue: SessionState = 'idle';
  /** The column output left the cursor at (for the prompt and for reads). */
  private column = 0;

  constructor(options: SessionOptions) {
    this.host = options.host;
    this.term = options.term;
    this.user = options.user ?? 'root';
    this.hostname = options.hostname ?? 'berth';
    this.color = options.color ?? false;
    this.onState = options.onState ?? (() => {});
    this.completer = options.complete ?? null;
    this.onExit = options.onExit ?? (() => false);
    this.exitHint = options.exitHint ?? (() => '');
    this.editor = new LineEditor({
      write: (data) => this.term.write(data),
      onEvent: (event) => this.onEditorEvent(event),
      columns: options.columns,
      rows: options.rows,
      history: options.history,
    });
  }

  get state(): SessionState {
    return this.stateValue;
  }

  /** At the prompt with nothing queued: everything typed so far has been dealt with. */
  get idle(): boolean {
    return this.stateValue === 'prompt' && this.editor.pending === '';
  }

  /** Writes text that is not a command's output (a banner), then shows the first prompt. */
  start(banner = ''): void {
    if (banner) this.output(banner);
    this.prompt();
  }

  /** Terminal input (xterm's onData). */
  input(data: string): void {
    if (this.stateValue === 'closed') return;
    if (this.stateValue === 'running' && data.includes('\x03')) return this.lineDisciplineInterrupt();
    // Ctrl-P, Ctrl-Q while a program reads: not line editing but bytes for it
    // (docker's detach keys on an attached container's terminal)
    if (this.stateValue === 'reading' && /^[\x10\x11]$/.test(data)) return this.passThrough(data);
    this.editor.feed(data);
  }

  private passThrough(data: string): void {
    const run = this.current;
    if (!run?.read) return;
    const deliver = run.read;
    run.read = null;
    this.editor.stop();
    this.setState('running');
    deliver(data);
  }

  /**
   * What a terminal does with Ctrl-C while a command runs and is not reading:
   * echo ^C, signal the command and throw away what was typed ahead.
   */
  private lineDisciplineInterrupt(): void {
    this.editor.discardPending();
    this.term.write('^C');
    this.column += 2;
    this.interrupt();
  }

  resize(columns: number, rows?: number): void {
    this.editor.setColumns(columns);
    if (rows !== undefined) this.editor.setRows(rows);
  }

  /** The primary prompt: `root@berth:~# `. */
  ps1(): string {
    const cwd = this.host.cwd();
    const home = this.user === 'root' ? '/root' : `/home/${this.user}`;
    const dir = cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
    const sign = this.user === 'root' ? '#' : '$';
    if (!this.color) return `${this.user}@${this.hostname}:${dir}${sign} `;
    return `\x1b[1;32m${this.user}@${this.hostname}\x1b[0m:\x1b[1;34m${dir}\x1b[0m${sign} `;
  }

  private setState(state: SessionState): void {
    this.stateValue = state;
    this.onState(state);
  }

  private prompt(): void {
    if (this.column !== 0) {
      // Output that did not end its line: start the prompt on a fresh one.
      this.term.write('\r\n');
      this.column = 0;
    }
    this.setState('prompt');
    this.editor.read({ prompt: this.ps1(), history: true, eof: true, complete: this.completer });
  }

  private onEditorEvent(event: EditorEvent): void {
    // a program's read ended by Ctrl-C leaves the cursor after the echoed ^C
    // and Ctrl-D on an empty line leaves it after the prompt (`> ` in a continuation)
    if (event.type === 'eof') this.column = this.stateValue === 'continuation' ? 2 : this.column;
    else if (event.type === 'flush') this.column += visibleWidth(event.text);
    else this.column = event.type === 'interrupt' && this.stateValue === 'reading' ? 2 : 0;
    switch (this.stateValue) {
      case 'prompt':
      case 'continuation':
        return this.onCommandLine(event);
      case 'reading':
        return this.onInputLine(event);
    }
  }

  private onCommandLine(event: EditorEvent): void {
    if (event.type === 'interrupt') {
      this.assembler.reset();
      return this.prompt();
    }
    if (event.type === 'eof' && this.stateValue === 'prompt') return this.exit();
    if (event.type === 'eof') {
      // Ctrl-D in a continuation: the command ends where the input ends; the
      // shell reports what is missing (an unterminated here-document, quote...).
      const text = this.assembler.text;
      this.assembler.reset();
      return this.execute(text);
    }
    const result = this.assembler.push(event.text);
    if (!result.complete) {
      this.setState('continuation');
      this.editor.read({ prompt: '> ', eof: true });
      return;
    }
    this.execute(result.text);
  }

  /** Ctrl-D on an empty prompt: bash says `exit`; the page closes the tab, or keeps the only one. */
  private exit(): void {
    this.term.write('exit\r\n');
    if (this.onExit()) {
      this.editor.stop();
      this.setState('closed');
      return;
    }
    const hint = this.exitHint();
    if (hint) this.term.write(`\x1b[2m${toTerminal(hint)}\x1b[0m\r\n`);
    this.prompt();
  }

  private onInputLine(event: EditorEvent): void {
    const run = this.current;
    if (!run || !run.read) return;
    if (event.type === 'interrupt') return this.interrupt();
    const deliver = run.read;
    run.read = null;
    this.setState('running');
    deliver(event.type === 'line' ? `${event.text}\n` : event.type === 'flush' ? event.text : null);
  }

  private execute(text: string): void {
    if (text.trim() === '') return this.prompt();
    // `exit` at the prompt ends this terminal's bash as Ctrl-D does (the page keeps the first tab)
    if (/^\s*(exit|logout)(\s+[0-9]+)?\s*;?\s*$/.test(text)) return this.exit();
    const run: Run = { id: ++this.runs, interrupted: false, read: null };
    this.current = run;
    this.setState('running');
    const live = () => this.current === run;
    const write = (chunk: string) => {
      if (live()) this.output(chunk);
    };
    const stdin: InputStream = {
      read: () =>
        new Promise<string | null>((resolve) => {
          if (!live()) return resolve(null);
          run.read = resolve;
          this.setState('reading');
          this.editor.read({ column: this.column, eof: true, cooked: true });
        }),
    };
    const io: HostIO = { stdout: { write }, stderr: { write }, stdin, tty: true };
    let done: Promise<number>;
    try {
      done = this.host.run(text, io);
    } catch (error) {
      done = Promise.reject(error);
    }
    // A Ctrl-C typed ahead (in the same chunk as the Enter) is for this command.
    if (this.editor.pending.includes('\x03')) this.lineDisciplineInterrupt();
    done.then(
      () => this.finish(run),
      (error: unknown) => {
        if (!live()) return;
        const message = error instanceof Error ? error.message : String(error);
        this.output(`\x1b[31mberth: internal error: ${message}\x1b[0m\n`);
        this.finish(run);
      },
    );
  }

  private finish(run: Run): void {
    if (this.current !== run) return;
    this.current = null;
    if (run.read) {
      run.read = null;
      this.editor.stop();
    }
    this.prompt();
  }

  private interrupt(): void {
    const run = this.current;
    if (!run) return;
    if (this.host.interrupt && !run.interrupted) {
      run.interrupted = true;
      this.host.interrupt();
      // A program that survives SIGINT may still be reading.
      if (run.read && this.current === run) {
        this.setState('reading');
        this.editor.read({ column: this.column, eof: true, cooked: true });
      }
      return;
    }
    // No way to stop it (or a second Ctrl-C): stop waiting for it; whatever it
    // writes from now on is dropped.
    const read = run.read;
    run.read = null;
    this.current = null;
    this.editor.stop();
    read?.(null);
    this.prompt();
  }

  private output(text: string): void {
    const converted = toTerminal(text);
    this.term.write(converted);
    this.column = advanceColumn(this.column, converted);
  }
}

/** The cursor's column after writing text (escape sequences take no room). */
function advanceColumn(column: number, text: string): number {
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  if (lastBreak < 0) return column + visibleWidth(text);
  return visibleWidth(text.slice(lastBreak + 1));
}
