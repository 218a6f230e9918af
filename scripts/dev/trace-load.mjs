// Traces a cold load of the page to its first prompt: the main thread's
// tasks (and what ran inside them) and the scripts' transfers, in ms since
// navigation start, in a fresh context (empty cache, empty IndexedDB).
// Usage: node scripts/dev/trace-load.mjs http://127.0.0.1:4306/ [min task ms, default 2]
import { chromium } from 'playwright-core';
const url = process.argv[2] ?? 'http://127.0.0.1:4306/';
const minMs = Number(process.argv[3] ?? 2);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
const p = await ctx.newPage();
const cdp = await ctx.newCDPSession(p);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', {
  categories: process.env.CATS ?? 'devtools.timeline,v8.execute',
  transferMode: 'ReportEvents',
});
await p.goto(url);
await p.waitForFunction(() => window.__berth?.ready === true && window.__berth.idle(), undefined, { polling: 'raf' });
const promptAt = await p.evaluate(() => performance.now());
await p.waitForTimeout(300);
await cdp.send('Tracing.end');
await done;
const nav = events.find((e) => e.name === 'navigationStart' || e.name === 'NavigationBodyLoader::StartLoadingBody');
const start = events.filter((e) => e.name === 'ResourceSendRequest' && /\/$/.test(e.args?.data?.url ?? ''))[0] ?? nav;
const t0 = start.ts;
const main = events.find((e) => e.name === 'ParseHTML') ?? events.find((e) => e.name === 'EvaluateScript');
const { pid, tid } = main;
const ms = (ts) => ((ts - t0) / 1000).toFixed(1).padStart(7);
const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= t0).sort((a, b) => a.ts - b.ts);
const children = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'Layout', 'UpdateLayoutTree', 'Paint', 'ParseHTML', 'RunMicrotasks', 'MajorGC', 'MinorGC', 'ParseAuthorStyleSheet', 'EventDispatch', 'v8.parseOnBackground', 'IntersectionObserverController::computeIntersections', 'UpdateIntersectionObservations', 'ResizeObserverController::deliverObservations', 'PrePaint', 'Layerize']);
let taskEnd = 0;
for (const e of mine) {
  const dur = (e.dur ?? 0) / 1000;
  if (e.name === 'RunTask') {
    taskEnd = e.ts + (e.dur ?? 0);
    if (dur >= minMs) console.log(`${ms(e.ts)} +${dur.toFixed(1).padStart(6)} task`);
    continue;
  }
  if (!children.has(e.name) || dur < Math.max(1, minMs / 2)) continue;
  const d = e.args?.data ?? {};
  const what = d.type ?? d.functionName ?? (d.url ? `${d.url.split('/').pop()}:${d.lineNumber ?? ''}` : '');
  console.log(`${ms(e.ts)} +${dur.toFixed(1).padStart(6)}    ${e.name} ${what}`);
}
for (const e of events.filter((e) => e.name === 'ResourceSendRequest')) {
  const id = e.args.data.requestId;
  const fin = events.find((f) => f.name === 'ResourceFinish' && f.args?.data?.requestId === id);
  console.log(`${ms(e.ts)} request ${e.args.data.url.split('/').pop() || '/'} finished ${fin ? ms(fin.ts) : '?'}`);
}
console.log(`prompt (performance.now when seen): ${promptAt.toFixed(0)} ms; trace t0 is the document request`);
await b.close();
