// The terminal's cursor blinks by a class on xterm's element, switched by a
// timer. xterm's own blinking (its `cursorBlink` option) is a CSS animation
// of the cursor's background colour, which Chromium restyles on the page's
// thread at every frame: about 1 ms sixty times a second for as long as the
// terminal has the keyboard, an idle page included. Here the page's thread
// wakes twice a second. A key or output shows the cursor solid and starts the
// blinking again from there, as terminals do.

/** The class that hides the cursor; app.css styles it. */
export const CURSOR_OFF_CLASS = 'berth-cursor-off';

/** How long the cursor stays on, then off (GTK's default blink time is 1,200 ms a cycle). */
export const BLINK_HALF_MS = 600;

interface Timers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(id: unknown): void;
}

export class CursorBlink {
  private timer: unknown = null;

  constructor(
    private readonly element: { classList: { toggle(name: string, force?: boolean): boolean } },
    private readonly timers: Timers = globalThis as unknown as Timers,
  ) {}

  /** Blinking, from the cursor shown. */
  get blinking(): boolean {
    return this.timer !== null;
  }

  /** Shows the cursor and blinks from there (the terminal has the keyboard, or just got a key or output). */
  restart(): void {
    this.clear();
    let off = false;
    this.timer = this.timers.setInterval(() => {
      off = !off;
      this.element.classList.toggle(CURSOR_OFF_CLASS, off);
    }, BLINK_HALF_MS);
  }

  /** A steady cursor (the terminal lost the keyboard: xterm then draws an outline). */
  stop(): void {
    this.clear();
  }

  private clear(): void {
    if (this.timer !== null) this.timers.clearInterval(this.timer);
    this.timer = null;
    this.element.classList.toggle(CURSOR_OFF_CLASS, false);
  }
}
