import { mount } from 'svelte';
import '@xterm/xterm/css/xterm.css';
import './ui/app.css';
import App from './ui/App.svelte';
import { prefetchModules } from './engine/lazy.ts';

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
whenPromptUp(() => whenIdle(prefetch));
for (const type of ['keydown', 'pointerdown'] as const) addEventListener(type, prefetch, { once: true, capture: true, passive: true });

/**
 * Runs `then` once the header's status no longer says the page is starting
 * (App.svelte: the status has the class `starting` until the first prompt),
 * or after 5 s whatever happens.
 */
function whenPromptUp(then: () => void): void {
  const starting = () => document.querySelector('header [role=status].starting') !== null;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(timer);
    then();
  };
  const observer = new MutationObserver(() => {
    if (!starting()) finish();
  });
  const timer = setTimeout(finish, 5000);
  if (!starting()) return finish();
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
}
