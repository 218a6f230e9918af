// The page's test hooks (src/ui/testHooks.ts), as the tests see them.
interface BerthTerminalHooks {
  screenText(): string;
  idle(): boolean;
  columns(): number;
}

interface Window {
  __berth?: BerthTerminalHooks & {
    ready: true;
    tabs(): number;
    active(): number;
    tab(i: number): BerthTerminalHooks;
  };
}
