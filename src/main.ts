import { mount } from 'svelte';
import '@xterm/xterm/css/xterm.css';
import './ui/app.css';
import App from './ui/App.svelte';
import { prefetchModules } from './engine/lazy.ts';
import { firstPromptDrawn } from './ui/terminal/firstPrompt.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });

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
