// Performance marks on the way to the first prompt (`berth:<name>`, on the
// page's clock): scripts/dev/loaf.mjs lists them with the long animation
// frames of a cold load. main.ts imports this module first, so its own mark
// is the moment the first script starts to run.
export function mark(name: string): void {
  globalThis.performance?.mark?.(`berth:${name}`);
}
mark('eval-start');
