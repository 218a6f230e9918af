// Cold loads of the page to its first prompt, each in a fresh context (empty
// cache, empty IndexedDB), listing the long animation frames (Chromium's
// PerformanceLongAnimationFrameTiming: low overhead, unlike a trace) with the
// scripts that ran in them, their forced layouts, and the page's
// performance marks, in ms since navigation start.
// Usage: node scripts/dev/loaf.mjs http://127.0.0.1:4306/ [loads, default 3]
import { chromium } from 'playwright-core';
const url = process.argv[2] ?? 'http://127.0.0.1:4306/';
const loads = Number(process.argv[3] ?? 3);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const init = () => {
  window.__loaf = [];
  new PerformanceObserver((l) => window.__loaf.push(...l.getEntries().map((e) => e.toJSON()))).observe({ type: 'long-animation-frame', buffered: true });
  window.__promptAt = null;
  const watch = () => {
    const h = window.__berth;
    if (h?.idle?.() && /[#$] ?$/.test(h.screenText())) window.__promptAt = performance.now();
    else requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
};
const f = (x) => x.toFixed(0).padStart(5);
for (let i = 0; i < loads; i++) {
  const ctx = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  await ctx.addInitScript(init);
  const p = await ctx.newPage();
  await p.goto(url);
  await p.waitForFunction(() => window.__promptAt !== null, undefined, { polling: 100 });
  await p.waitForTimeout(200);
  const r = await p.evaluate(() => ({
    prompt: window.__promptAt,
    loaf: window.__loaf,
    marks: performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]),
    res: performance.getEntriesByType('resource').map((r) => [r.name.split('/').pop(), r.startTime, r.responseEnd]),
    nav: performance.getEntriesByType('navigation').map((n) => ({ responseEnd: n.responseEnd, domInteractive: n.domInteractive, dcl: n.domContentLoadedEventEnd, load: n.loadEventEnd }))[0],
  }));
  console.log(`--- load ${i + 1}: prompt drawn at ${r.prompt.toFixed(0)} ms; html ${r.nav.responseEnd.toFixed(0)}, domInteractive ${r.nav.domInteractive.toFixed(0)}, DCL ${r.nav.dcl.toFixed(0)}, load ${r.nav.load.toFixed(0)}`);
  for (const [n, s, e] of r.res) if (s < r.prompt + 50) console.log(`  ${f(s)}-${f(e)} ${n}`);
  for (const [n, t] of r.marks) console.log(`  ${f(t)} mark ${n}`);
  for (const l of r.loaf) {
    if (l.startTime > r.prompt + 50) continue;
    console.log(`  ${f(l.startTime)} +${f(l.duration)} frame: blocking ${l.blockingDuration.toFixed(0)}, render ${l.renderStart ? (l.startTime + l.duration - l.renderStart).toFixed(0) : '-'}, style+layout ${l.styleAndLayoutStart ? (l.startTime + l.duration - l.styleAndLayoutStart).toFixed(0) : '-'}`);
    for (const s of l.scripts) console.log(`     ${f(s.startTime)} +${f(s.duration)} ${s.invokerType} ${s.invoker} ${s.sourceFunctionName || ''} ${(s.sourceURL || '').split('/').pop()}:${s.sourceCharPosition} forced layout ${s.forcedStyleAndLayoutDuration.toFixed(0)}`);
  }
  await ctx.close();
}
await b.close();
