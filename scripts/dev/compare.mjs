// Cold loads alternated between pages (two builds, two servers), each in a
// fresh context (empty cache, empty IndexedDB): the first prompt drawn, as
// the benchmark's recorder takes it (the first animation frame with the
// prompt in the terminal and the terminal idle), then `docker ps` typed at
// once and its answer on the screen; medians per page.
// Usage: node scripts/dev/compare.mjs [loads per page, default 9] URL...
import { chromium } from 'playwright-core';
const args = process.argv.slice(2);
const loads = /^\d+$/.test(args[0] ?? '') ? Number(args.shift()) : 9;
const urls = args.length ? args : ['http://127.0.0.1:4306/'];
const b = await chromium.launch({ executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const init = () => {
  window.__promptAt = null;
  window.__answerAt = null;
  const watch = () => {
    const h = window.__berth;
    if (h?.idle?.() && /[#$] ?$/.test(h.screenText())) {
      if (window.__promptAt === null) window.__promptAt = performance.now();
      else if (h.screenText().includes('CONTAINER ID')) window.__answerAt = performance.now();
    }
    if (window.__answerAt === null) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};
const times = urls.map(() => []);
const answers = urls.map(() => []);
for (let i = 0; i < loads; i++) {
  for (const [k, url] of urls.entries()) {
    const ctx = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
    await ctx.addInitScript(init);
    const p = await ctx.newPage();
    await p.goto(url);
    await p.waitForFunction(() => window.__promptAt !== null, undefined, { polling: 'raf', timeout: 30_000 });
    await p.keyboard.insertText('docker ps');
    await p.keyboard.press('Enter');
    await p.waitForFunction(() => window.__answerAt !== null, undefined, { timeout: 30_000 });
    const [prompt, answer] = await p.evaluate(() => [window.__promptAt, window.__answerAt]);
    times[k].push(prompt);
    answers[k].push(answer);
    await ctx.close();
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
for (const [k, url] of urls.entries()) {
  console.log(`${url}  prompt drawn: median ${median(times[k]).toFixed(0)} ms  (${times[k].map((x) => x.toFixed(0)).join(' ')})`);
  console.log(`${url}  first docker ps answered: median ${median(answers[k]).toFixed(0)} ms`);
}
await b.close();
