// The boot prompt's line editing (terminal/bootPrompt.ts): what the page
// shows for the keys typed before xterm and the shell are there, and the
// same keys as xterm would have sent them, handed to the shell's line editor
// when the terminal takes over. No DOM, so it is tested against the real
// session (bootEditor.test.ts).
//
// It draws what the line editor would draw for the keys a learner types at a
// first prompt: text, Backspace, Delete, Left, Right, Home, End, Ctrl-A,
// Ctrl-E, Ctrl-U, Ctrl-C, Enter. After Enter on a command (it waits for the
// engine, as the shell's pending host makes it wait) or after any other key
// (Up, Tab, Ctrl-D...: the history, the completions and the rest need the
// shell), it stops drawing and only keeps the keys: the terminal draws them
// when it takes over, a few hundred milliseconds later.

/** The prompt every first terminal starts with (session.ts's ps1: root, berth, /root). */
export const BOOT_USER_HOST = 'root@berth';
export const BOOT_DIRECTORY = '~';
export const BOOT_PROMPT = `${BOOT_USER_HOST}:${BOOT_DIRECTORY}# `;

/** A row of the boot screen: a prompt and what was typed after it, or plain text. */
export interface BootRow {
  prompt: boolean;
  text: string;
}

export class BootEditor {
  /** Rows done with (the line they ended is not edited any more). */
  readonly done: BootRow[] = [];
  /** The row being typed: after a prompt while `echo`, else an empty row (a command waits). */
  private chars: string[] = [];
  private cursorAt = 0;
  /** Editing the line; a command waiting (Enter); or stopped drawing at a key that needs the shell. */
  private state: 'editing' | 'waiting' | 'frozen' = 'editing';
  private keys = '';
  /** What the row under a waiting command shows. */
  private waitingText = '';

  /** Every key so far, as xterm sends it (its onData): what the shell is fed. */
  get typed(): string {
    return this.keys;
  }

  /** Still drawing the keys (false once a command waits or a key needs the shell). */
  get echo(): boolean {
    return this.state === 'editing';
  }

  /** The row being typed (the prompt's, while `echo`). */
  get line(): string {
    return this.chars.join('');
  }

  /** The cursor's index in `line`. */
  get cursor(): number {
    return this.cursorAt;
  }

  /**
   * One key (Enter '\r', Backspace '\x7f', an escape sequence, a control
   * character) or typed text (one character, a word from an input method,
   * pasted text whose line breaks are '\r').
   */
  key(data: string): void {
    if (!data) return;
    this.keys += data;
    if (this.state === 'waiting' && data === '\x03') return this.interruptWaiting();
    if (this.state !== 'editing') return;
    switch (data) {
      case '\r':
        return this.enter();
      case '\x7f':
      case '\b':
        if (this.cursorAt > 0) {
          this.chars.splice(this.cursorAt - 1, 1);
          this.cursorAt--;
        }
        return;
      case '\x1b[3~':
        this.chars.splice(this.cursorAt, 1);
        return;
      case '\x1b[D':
      case '\x02':
        this.cursorAt = Math.max(0, this.cursorAt - 1);
        return;
      case '\x1b[C':
      case '\x06':
        this.cursorAt = Math.min(this.chars.length, this.cursorAt + 1);
        return;
      case '\x1b[H':
      case '\x01':
        this.cursorAt = 0;
        return;
      case '\x1b[F':
      case '\x05':
        this.cursorAt = this.chars.length;
        return;
      case '\x15':
        this.chars.splice(0, this.cursorAt);
        this.cursorAt = 0;
        return;
      case '\x03':
        this.done.push({ prompt: true, text: `${this.line}^C` });
        this.chars = [];
        this.cursorAt = 0;
        return;
    }
    // text: printable characters and line breaks only; anything else needs the shell
    const parts = data.split('\r');
    if (parts.some((p) => /[\x00-\x1f\x7f-\x9f]/.test(p))) {
      this.state = 'frozen';
      return;
    }
    parts.forEach((part, i) => {
      if (i > 0) this.enter();
      if (this.state !== 'editing' || !part) return;
      const added = Array.from(part);
      this.chars.splice(this.cursorAt, 0, ...added);
      this.cursorAt += added.length;
    });
  }

  /** The rows to draw: those done, then the current one (a waiting command's: empty). */
  rows(): BootRow[] {
    return [...this.done, this.state === 'waiting' ? { prompt: false, text: this.waitingText } : { prompt: true, text: this.line }];
  }

  /**
   * Ctrl-C while a command waits: the terminal echoes ^C and drops the keys
   * typed ahead; the command ends with status 130 once the engine is there.
   * A second one stops waiting for it: a new prompt (session.ts's interrupt).
   */
  private interruptWaiting(): void {
    const again = this.waitingText !== '';
    this.waitingText += '^C';
    if (!again) return;
    this.done.push({ prompt: false, text: this.waitingText });
    this.waitingText = '';
    this.state = 'editing';
  }

  private enter(): void {
    const line = this.line;
    this.done.push({ prompt: true, text: line });
    this.chars = [];
    this.cursorAt = 0;
    // a blank line: a new prompt; a command: it waits for the engine, the keys after it too
    if (line.trim() !== '') this.state = 'waiting';
  }
}
