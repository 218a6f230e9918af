// Traces one command in the page (after `docker pull busybox`): the main
// thread's tasks from the Enter keydown until the answer, with what each did.
// Usage: node scripts/dev/trace-command.mjs http://127.0.0.1:4197/ 'docker ps' ['setup line']
// The setup line (optional) runs before each run of the command, untraced:
// e.g. 'docker stop -t 0 b' with 'docker rm -f b; docker run -d --name b busybox sleep 1000'.
import { chromium } from 'playwright-core';
const url = process.argv[2] ?? 'http://127.0.0.1:4197/';
const line = process.argv[3] ?? 'docker ps';
const setup = process.argv[4];
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } });
const p = await ctx.newPage();
await p.goto(url);
await p.waitForFunction(() => window.__berth?.ready === true && window.__berth.idle());
const sh = async (l) => {
  await p.keyboard.insertText(l);
  await p.keyboard.press('Enter');
  await p.waitForFunction((l) => { const h = window.__berth; if (!h?.idle()) return false; const t = h.screenText(); const at = t.lastIndexOf(l); return at >= 0 && /\n[^\n]*[#$] ?$/.test(t.slice(at + l.length)); }, l, { polling: 20 });
};
await sh('docker pull busybox');
for (let i = 0; i < 3; i++) {
  if (setup) await sh(setup);
  await sh(line);
}
if (setup) await sh(setup);
await p.waitForTimeout(1500);
const cdp = await ctx.newCDPSession(p);
const events = [];
cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
await p.waitForTimeout(200);
await p.evaluate(() => performance.mark('before-type'));
await sh(line);
await p.waitForTimeout(200);
await cdp.send('Tracing.end');
await done;
const main = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown');
const kd = main.at(-1);
if (!kd) { console.log('no keydown'); process.exit(1); }
const tid = kd.tid, pid = kd.pid, t0 = kd.ts;
const mine = events.filter((e) => e.tid === tid && e.pid === pid && e.ts >= t0 - 2000 && e.ts < t0 + 60000 && e.ph === 'X').sort((a, b) => a.ts - b.ts);
const interesting = new Set(['RunTask', 'EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'HitTest', 'ParseHTML', 'v8.run', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'RunMicrotasks', 'Commit', 'UpdateLayer', 'PaintImage']);
for (const e of mine) {
  if (!interesting.has(e.name)) continue;
  const d = e.args?.data ?? {};
  const what = d.type ?? d.functionName ?? (d.url ? d.url.split('/').pop() + ':' + d.lineNumber : '') ?? '';
  const indent = e.name === 'RunTask' ? '' : '   ';
  console.log(`${indent}${((e.ts - t0) / 1000).toFixed(2).padStart(7)} +${((e.dur ?? 0) / 1000).toFixed(2).padStart(6)} ${e.name} ${what}`);
}
await b.close();
