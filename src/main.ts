import { mount } from 'svelte';
import '@xterm/xterm/css/xterm.css';
import './ui/app.css';
import App from './ui/App.svelte';
import { prefetchModules } from './engine/lazy.ts';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });

// The code loaded on first use (engine/lazy.ts: the docker CLI, the programs
// containers run, the image catalogue) is fetched once the page is idle after
// the prompt is up, or as soon as the learner starts typing, so the first
// command does not wait for it (the CLI comes first).
let prefetched = false;
const prefetch = () => {
  if (prefetched) return;
  prefetched = true;
  void prefetchModules();
};
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 1000 }) : setTimeout(run, 200);
addEventListener('load', () => whenIdle(prefetch), { once: true });
for (const type of ['keydown', 'pointerdown'] as const) addEventListener(type, prefetch, { once: true, capture: true, passive: true });
