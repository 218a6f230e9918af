// Hooks for the end-to-end tests (Playwright reads them with page.evaluate).
// `window.__berth` appears once the first prompt is on the screen.
import type { TerminalView } from './terminal/xtermView.ts';

export interface BerthTestHooks {
  ready: true;
  /** Everything in the terminal, scrollback included, wrapped rows joined. */
  screenText(): string;
  /** At the prompt, all typed input handled and all output drawn. */
  idle(): boolean;
}

declare global {
  interface Window {
    __berth?: BerthTestHooks;
  }
}

export function installTestHooks(view: TerminalView): void {
  window.__berth = {
    ready: true,
    screenText: () => view.screenText(),
    idle: () => view.idle,
  };
}
