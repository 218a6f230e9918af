// What the boot prompt (bootPrompt.ts, inlined in index.html and run while
// the page's first script still loads) leaves on the page for the terminal
// that takes over from it, and for the benchmark's recorder.

export interface BootHandover {
  /** Every key typed at the boot prompt, as xterm would have sent them (its onData). */
  typed: string;
  /** The boot prompt had the keyboard: the terminal takes it. */
  focused: boolean;
  /** Takes the boot screen off the page (once the terminal has written the same screen). */
  remove(): void;
}

export interface BootPromptHandle {
  /** When the prompt was on the page taking keys (ms since navigation start). */
  readonly readyAt: number;
  /** When a terminal took over (null before). */
  readonly takenAt: number | null;
  /** The keys typed so far (they stay the boot prompt's until take()). */
  readonly typed: string;
  /** Stops taking keys and hands them over; null if a terminal already took them. */
  take(): BootHandover | null;
  /** Takes the screen off the page, keeping the keys typed for take() (a tab that does not own the workspace shows no prompt). */
  dismiss(): void;
}

declare global {
  interface Window {
    __berthBoot?: BootPromptHandle;
  }
}

/** The boot prompt's keys, once (the page's first terminal takes them); null without one. */
export function takeBootPrompt(): BootHandover | null {
  return globalThis.window?.__berthBoot?.take() ?? null;
}

/** A boot prompt is on the page, taking keys: the terminal leaves the keyboard to it until it takes over. */
export function bootPromptActive(): boolean {
  const boot = globalThis.window?.__berthBoot;
  return !!boot && boot.takenAt === null;
}

/** Takes the boot prompt's screen off the page; what was typed still goes to the terminal that takes over later. */
export function dismissBootPrompt(): void {
  globalThis.window?.__berthBoot?.dismiss();
}
