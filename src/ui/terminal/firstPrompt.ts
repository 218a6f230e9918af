// The page's first prompt on the screen: what waits for it (the prefetch of
// the lazily loaded code in main.ts) listens here rather than watching the
// page's markup.

let markDrawn: () => void = () => {};

/** Resolves in the first animation frame after a terminal's first prompt was parsed by xterm. */
export const firstPromptDrawn = new Promise<void>((resolve) => (markDrawn = resolve));

/** Called by a terminal once its first prompt is in xterm's buffer. */
export function firstPromptWritten(): void {
  const raf = globalThis.requestAnimationFrame ?? ((run: () => void) => setTimeout(run, 16));
  raf(() => markDrawn());
}
