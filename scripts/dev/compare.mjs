// Cold loads alternated between pages (two builds, two servers), each in a
// fresh context (empty cache, empty IndexedDB), timed by the benchmark's own
// recorder (scripts/bench/recorder.ts): the prompt drawn (the first frame
// with a prompt on the screen that takes keys: the boot prompt, or xterm's
// on a page without one), xterm's take-over, then `docker ps` typed at once
// and its answer on the screen; medians per page, and the load average
// before and after (the figures move with it).
// Usage: node --import tsx scripts/dev/compare.mjs [loads per page, default 9] URL...
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { installRecorder } from '../bench/recorder.ts';

const args = process.argv.slice(2);
const loads = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 9;
const urls = args.length ? args : ['http://127.0.0.1:4306/'];
const RECORDER = `var __name = (f) => f; (${installRecorder.toString()})();`;
const load = () => loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`load average at the start: ${load()}`);
const b = await chromium.launch({ executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const figures = urls.map(() => ({ prompt: [], terminal: [], answer: [] }));
for (let i = 0; i < loads; i++) {
  for (const [k, url] of urls.entries()) {
    const ctx = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await ctx.addInitScript({ content: RECORDER });
    const p = await ctx.newPage();
    await p.goto(url);
    await p.waitForFunction(() => window.__bench?.promptAt !== null, undefined, { polling: 'raf', timeout: 30_000 });
    await p.keyboard.insertText('docker ps');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => window.__bench?.firstAnswerAt !== null && window.__bench?.terminalAt !== null, undefined, { timeout: 30_000 });
    const r = await p.evaluate(() => [window.__bench.promptAt, window.__bench.terminalAt, window.__bench.firstAnswerAt]);
    figures[k].prompt.push(r[0]);
    figures[k].terminal.push(r[1]);
    figures[k].answer.push(r[2]);
    await ctx.close();
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const [k, url] of urls.entries()) {
  const f = figures[k];
  console.log(`${url}  prompt drawn: median ${median(f.prompt).toFixed(0)} ms  (${f.prompt.map((x) => x.toFixed(0)).join(' ')})`);
  console.log(`${url}  xterm took over: median ${median(f.terminal).toFixed(0)} ms  (${f.terminal.map((x) => x.toFixed(0)).join(' ')})`);
  console.log(`${url}  first docker ps answered: median ${median(f.answer).toFixed(0)} ms`);
}
console.log(`load average at the end: ${load()}`);
await b.close();
