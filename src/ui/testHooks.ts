// Hooks for the end-to-end tests (Playwright reads them with page.evaluate).
// `window.__berth` appears once the first prompt is on the screen; it
// addresses the terminal tab in front, `tab(i)` any tab.
import type { TerminalView } from './terminal/xtermView.ts';

export interface TerminalTestHooks {
  /** Everything in the terminal, scrollback included, wrapped rows joined. */
  screenText(): string;
  /** At the prompt, all typed input handled and all output drawn. */
  idle(): boolean;
  /** The terminal's width in columns. */
  columns(): number;
  /** The rows on the page are the buffer's visible rows (xterm has drawn what it holds). */
  drawn(): boolean;
}

export interface BerthTestHooks extends TerminalTestHooks {
  ready: true;
  /** How many terminal tabs are open. */
  tabs(): number;
  /** The index of the tab in front. */
  active(): number;
  /** The terminal of tab `i` (0 is the first). */
  tab(i: number): TerminalTestHooks;
}

declare global {
  interface Window {
    __berth?: BerthTestHooks;
  }
}

export interface TerminalSource {
  views(): (TerminalView | undefined)[];
  active(): number;
}

function hooksFor(view: () => TerminalView | undefined): TerminalTestHooks {
  return {
    screenText: () => view()?.screenText() ?? '',
    idle: () => view()?.idle ?? false,
    columns: () => view()?.columns ?? 0,
    drawn: () => view()?.drawn() ?? false,
  };
}

export function installTestHooks(source: TerminalSource): void {
  window.__berth = {
    ready: true,
    ...hooksFor(() => source.views()[source.active()]),
    tabs: () => source.views().length,
    active: () => source.active(),
    tab: (i) => hooksFor(() => source.views()[i]),
  };
}
