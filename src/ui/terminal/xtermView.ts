// xterm.js wired to a TerminalSession: sizing, theme, keyboard shortcuts for
// the clipboard, and safe link handling. The only module that imports xterm.
import { Terminal, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import type { Host } from '../../shell/host.ts';
import { activateLink, SWALLOWED_OSC } from './links.ts';
import { BurstWriter, messageTask } from './burst.ts';
import { firstPromptWritten } from './firstPrompt.ts';
import { takeBootPrompt } from './bootHandle.ts';
import { pendingHost } from './pendingHost.ts';
import { mark } from './marks.ts';
import { CursorBlink } from './cursorBlink.ts';
import { TerminalSession, type SessionOptions, type SessionState } from './session.ts';

export const theme: ITheme = {
  background: '#0d1117',
  foreground: '#e6edf3',
  cursor: '#7ee787',
  cursorAccent: '#0d1117',
  selectionBackground: '#264f78',
  black: '#484f58',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#56d4dd',
  white: '#c9d1d9',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#a5f0b0',
  brightYellow: '#f0cf6a',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#8ae9ef',
  brightWhite: '#f0f6fc',
};

export interface TerminalViewOptions {
  onState?(state: SessionState): void;
}

/** What a session gets beyond the host: the shared history, completion, Ctrl-D. */
export type SessionExtras = Pick<SessionOptions, 'history' | 'complete' | 'onExit' | 'exitHint' | 'hostname'>;

export class TerminalView {
  readonly term: Terminal;
  private readonly fitAddon = new FitAddon();
  private readonly observer: ResizeObserver;
  private session: TerminalSession | null = null;
  /** Input typed before the host is ready. */
  private early = '';
  /** Writes xterm has not parsed yet (xterm.write is asynchronous). */
  private unparsed = 0;
  private frame = 0;
  private readonly blink: CursorBlink;
  /** The writes of one burst of typing, handed to xterm as one write. */
  private readonly burst = new BurstWriter({
    write: (data) => {
      if (this.blink.blinking) this.blink.restart();
      this.unparsed++;
      this.term.write(data, () => this.unparsed--);
    },
    nextTask: messageTask(),
  });

  constructor(
    private readonly element: HTMLElement,
    private readonly options: TerminalViewOptions = {},
  ) {
    this.term = new Terminal({
      fontFamily: '"DejaVu Sans Mono", "Cascadia Mono", "SF Mono", Menlo, Consolas, "Liberation Mono", monospace',
      fontSize: 14,
      lineHeight: 1.2,
      // blinking by a timer, not xterm's per-frame CSS animation (cursorBlink.ts)
      cursorBlink: false,
      cursorStyle: 'block',
      scrollback: 5000,
      theme,
      drawBoldTextInBrightColors: false,
      // Output cannot open anything: OSC 8 hyperlinks open only on a click, and
      // only http(s). No web-links addon, no clipboard addon (OSC 52 is ignored).
      linkHandler: {
        activate: (event, uri) => void activateLink(event, uri, (url, target, features) => window.open(url, target, features)),
        allowNonHttpProtocols: false,
      },
    });
    for (const code of SWALLOWED_OSC) this.term.parser.registerOscHandler(code, () => true);
    this.term.loadAddon(this.fitAddon);
    this.term.attachCustomKeyEventHandler((event) => this.onKey(event));
    this.term.open(element);
    this.blink = new CursorBlink(this.term.element!);
    this.term.textarea?.addEventListener('focus', () => this.blink.restart());
    this.term.textarea?.addEventListener('blur', () => this.blink.stop());
    if (this.term.textarea && document.activeElement === this.term.textarea) this.blink.restart();
    this.fit();
    mark('xterm-opened');
    this.term.onData((data) => this.input(data));
    this.term.onResize(({ cols, rows }) => this.session?.resize(cols, rows));
    this.observer = new ResizeObserver(() => {
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => this.fit());
    });
    this.observer.observe(element);
  }

  /**
   * Starts the shell session: the banner and the first prompt at once, while
   * the host may still be on its way (the workspace opening and restoring).
   * What is typed meanwhile is echoed; a command waits for the host.
   */
  start(host: Promise<Host>, banner = '', extras: SessionExtras = {}): void {
    host.catch((error: unknown) => this.fail(error));
    this.session = new TerminalSession({
      ...extras,
      host: pendingHost(host),
      term: { write: (data) => this.write(data) },
      columns: this.term.cols,
      rows: this.term.rows,
      color: true,
      onState: (state) => {
        // back at a prompt (or a program reads): the burst's writes are complete
        // once the prompt is written, right after this call
        if (state !== 'running' && this.burst.holding) queueMicrotask(() => this.burst.end());
        this.options.onState?.(state);
      },
    });
    // the banner, the prompt and anything typed before: one write, which xterm
    // parses at once (as the first write after input) instead of on a timer
    this.term.input('', true);
    this.burst.begin();
    this.session.start(banner);
    // the boot prompt's keys (index.html's, typed before this terminal existed)
    // come before those typed since: the shell gets them all, in order, once
    const boot = takeBootPrompt();
    const early = (boot?.typed ?? '') + this.early;
    this.early = '';
    if (early) this.session.input(early);
    if (this.session.state !== 'running') this.burst.end();
    // once xterm has parsed what was written so far (the prompt among it)
    mark('prompt-written');
    this.term.write('', firstPromptWritten);
    // xterm now holds the screen the boot prompt showed: the frame after this
    // task draws xterm's instead of the boot prompt's
    if (boot) {
      boot.remove();
      if (boot.focused) this.term.focus();
    }
  }

  /** Shows why the session could not start. */
  fail(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.write(`\r\n\x1b[31mBerth could not start: ${message}\x1b[0m\r\n`);
  }

  /** Types text at the prompt as if from the keyboard. */
  type(text: string): void {
    this.term.focus();
    this.input(text);
  }

  focus(): void {
    this.term.focus();
  }

  /** Fits the terminal to its element now (a tab coming to the front). */
  refit(): void {
    this.fit();
  }

  get columns(): number {
    return this.term.cols;
  }

  /** At the prompt, nothing queued, and everything written is on the screen. */
  get idle(): boolean {
    return this.unparsed === 0 && !this.burst.holding && (this.session?.idle ?? false);
  }

  /** The terminal's text (scrollback included), wrapped rows joined. */
  screenText(): string {
    const buffer = this.term.buffer.active;
    const rows: string[] = [];
    for (let i = 0; i < buffer.length; i++) {
      const line = buffer.getLine(i);
      if (!line) continue;
      const continued = buffer.getLine(i + 1)?.isWrapped ?? false;
      const text = line.translateToString(!continued);
      if (line.isWrapped && rows.length > 0) rows[rows.length - 1] += text;
      else rows.push(text);
    }
    return rows.join('\n').trimEnd();
  }

  /**
   * The rows xterm has drawn on the page are the rows of its buffer's
   * viewport: what the buffer holds is on the screen, not waiting for
   * xterm's renderer (its DOM renderer draws in an animation frame).
   */
  drawn(): boolean {
    const rows = this.term.element?.querySelector('.xterm-rows')?.children;
    if (!rows) return false;
    const buffer = this.term.buffer.active;
    for (let i = 0; i < this.term.rows; i++) {
      const want = buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '';
      const shown = (rows[i]?.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd();
      if (shown !== want.trimEnd()) return false;
    }
    return true;
  }

  dispose(): void {
    this.blink.stop();
    cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.term.dispose();
  }

  private write(data: string): void {
    this.burst.write(data);
  }

  /**
   * Typed text: its echo, the command it runs and the next prompt go to xterm
   * as one write when the command answers within this task (most do), so
   * xterm parses them at once instead of the echo alone.
   */
  private input(data: string): void {
    if (!data) return; // start()'s term.input('', true)
    const session = this.session;
    if (!session) {
      this.early += data;
      return;
    }
    this.burst.begin();
    session.input(data);
    if (session.state !== 'running') this.burst.end();
  }

  private fit(): void {
    if (this.element.clientWidth === 0 || this.element.clientHeight === 0) return;
    this.fitAddon.fit();
  }

  /** Clipboard keys; returning false leaves the key to the browser. */
  private onKey(event: KeyboardEvent): boolean {
    // Tab completes; Shift-Tab (unbound in bash) leaves the terminal, so the keyboard is never trapped in it
    if (event.key === 'Tab' && event.shiftKey && !event.ctrlKey && !event.altKey && !event.metaKey) return false;
    if (event.type !== 'keydown' || !event.ctrlKey || event.altKey || event.metaKey) return true;
    const key = event.key.toLowerCase();
    // Ctrl-C copies when text is selected (as in most terminal apps); Ctrl-Shift-C always copies.
    if (key === 'c' && (event.shiftKey || this.term.hasSelection())) {
      const selection = this.term.getSelection();
      if (selection) void navigator.clipboard?.writeText(selection).catch(() => {});
      this.term.clearSelection();
      event.preventDefault();
      return false;
    }
    // Ctrl-V / Ctrl-Shift-V: let the browser paste (xterm handles the paste event).
    if (key === 'v') return false;
    return true;
  }
}
