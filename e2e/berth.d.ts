// The page's test hooks (src/ui/testHooks.ts), as the tests see them.
interface Window {
  __berth?: {
    ready: true;
    screenText(): string;
    idle(): boolean;
  };
}
