import { mark } from './ui/terminal/marks.ts';
// first: the tab lock and the workspace are asked for before the rest is evaluated
import { workspace } from './ui/boot.ts';
import { mount } from 'svelte';
import '@xterm/xterm/css/xterm.css';
import './ui/app.css';
import App from './ui/App.svelte';
import { prefetchModules } from './engine/lazy.ts';
import { firstPromptDrawn } from './ui/terminal/firstPrompt.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');

// The code loaded on first use (engine/lazy.ts: the docker CLI, the programs
// containers run, the image catalogue) is fetched once the first prompt is
// up and the page is idle, or as soon as the learner starts typing, so the
// first command does not wait for it (the CLI comes first). Fetching it
// earlier would slow the prompt down: the workspace restore runs then.
let prefetched = false;
const prefetch = () => {
  if (prefetched) return;
  prefetched = true;
  void prefetchModules();
};
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 200);
// the first prompt drawn, or 5 s whatever happens (a page that cannot start still gets its code)
void Promise.race([firstPromptDrawn, new Promise((resolve) => setTimeout(resolve, 5000))]).then(() => whenIdle(prefetch));
for (const type of ['keydown', 'pointerdown'] as const) addEventListener(type, prefetch, { once: true, capture: true, passive: true });
// keys typed at the boot prompt (index.html's) before this script ran count as a first key
if (window.__berthBoot?.typed) prefetch();

// The page mounts once the tab lock has answered (asked for in boot.ts, before
// the rest of the page's code was evaluated: the answer is usually in by now):
// a tab that owns the workspace then opens its terminal and writes the first
// prompt in one task, drawn by the frame that follows. Mounting first would
// leave the lock's answer queued behind the mount, the first frame and a
// timer of xterm's: about 100 ms more before the prompt.
mark('modules-evaluated');
// (not a top-level await: Rolldown then splits the first script into a dozen chunks)
// The page's style sheet loads without blocking the boot prompt (vite.config.ts):
// the page mounts once it is there.
const styled = Promise.all(
  Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel=stylesheet]'), (link) =>
    link.sheet && link.media !== 'print'
      ? null
      : new Promise((resolve) => {
          link.addEventListener('load', resolve, { once: true });
          link.addEventListener('error', resolve, { once: true });
        }),
  ),
);
const decided = Promise.race([workspace.decided, new Promise((resolve) => setTimeout(resolve, 250))]);
void Promise.all([decided, styled]).then(() => {
  mark('decided');
  mount(App, { target, props: { workspace } });
  mark('mounted');
});
