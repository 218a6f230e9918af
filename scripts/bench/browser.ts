// The browser half of `berth bench`: the production build, served as a static
// host serves it (serve.ts: compressed, with cache headers), loaded in headless
// Chromium (Debian's, through playwright-core).
// Measures what a learner waits for: the JavaScript the page needs before
// its first prompt, the prompt itself, a command's answer (terminal and
// panel), and a reload of a large saved workspace.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import type { Metric } from '../../src/node/bench.ts';
import { installRecorder, type ArmSpec, type Sample } from './recorder.ts';
import { serveStatic, type StaticServer } from './serve.ts';
import { CASES, LOAD_NAMES, RELOAD_NAME, commandMetric } from './cases.ts';

export interface BrowserBenchOptions {
  /** Port for the static server (default 4199). */
  port?: number;
  /** Scales the sample counts (1 = the real benchmark). */
  scale?: number;
  /** Only the metrics whose names contain one of these strings. */
  wanted: (name: string) => boolean;
  onMetric(m: Metric): void;
  /** Progress and the chunk lists, for people. */
  log(text: string): void;
}


const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHROMIUM = process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Playwright serialises the recorder; tsx's compiled functions may call esbuild's __name helper. */
const RECORDER = `var __name = (f) => f; (${installRecorder.toString()})();`;

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
}

export async function runBrowserBench(o: BrowserBenchOptions): Promise<void> {
  const scale = o.scale ?? 1;
  const outDir = mkdtempSync(join(tmpdir(), 'berth-bench-'));
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    o.log('bench: building the page (vite build)\n');
    await build({ root: ROOT, logLevel: 'error', build: { outDir, emptyOutDir: true } });
    o.log('bench: compressing it for the static server\n');
    server = await serveStatic(outDir, o.port ?? 4199);
    const url = server.url;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    const b = browser;
    const newContext = () => b.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

    if (LOAD_NAMES.some(o.wanted)) await coldLoads(newContext, url, outDir, Math.max(3, Math.round(7 * scale)), o);
    if (CASES.some((c) => o.wanted(commandMetric(c)))) await commandLatency(newContext, url, Math.max(3, Math.round(20 * scale)), o);
    if (o.wanted(RELOAD_NAME)) await reloadLarge(newContext, url, Math.max(2, Math.round(5 * scale)), o);
  } finally {
    await browser?.close();
    await server?.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- page helpers

async function openPage(newContext: () => Promise<BrowserContext>, url: string): Promise<Page> {
  const ctx = await newContext();
  await ctx.addInitScript({ content: RECORDER });
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench?.terminalAt !== null, undefined, { timeout: 30_000 });
  return page;
}

/** Types a line at the prompt, presses Enter and waits until the prompt is back. */
async function sh(page: Page, line: string, timeout = 60_000): Promise<void> {
  await page.keyboard.insertText(line);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (l) => {
      const h = window.__berth as { idle(): boolean; screenText(): string } | undefined;
      if (!h?.idle()) return false;
      const text = h.screenText();
      const at = text.lastIndexOf(l);
      return at >= 0 && /\n[^\n]*[#$] ?$/.test(text.slice(at + l.length));
    },
    line,
    { timeout, polling: 20 },
  );
}

/** Waits until no new script has been fetched for `quietMs` (the idle prefetch is over). */
async function scriptsSettled(page: Page, quietMs = 500): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const n = await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js')).length);
    if (n === last) return;
    last = n;
    await page.waitForTimeout(quietMs);
  }
}

// ---------------------------------------------------------------- 1, 2: cold loads

interface ScriptEntry {
  name: string;
  startTime: number;
  responseEnd: number;
}

async function coldLoads(newContext: () => Promise<BrowserContext>, url: string, outDir: string, loads: number, o: BrowserBenchOptions): Promise<void> {
  const prompt: number[] = [];
  const terminal: number[] = [];
  const paint: number[] = [];
  const answer: number[] = [];
  const enterToAnswer: number[] = [];
  let initial: ScriptEntry[] = [];
  let later: ScriptEntry[] = [];
  let promptOfFirst = 0;
  for (let i = 0; i < loads; i++) {
    const ctx = await newContext();
    await ctx.addInitScript({ content: RECORDER });
    const page = await ctx.newPage();
    await page.goto(url);
    // the learner clicks into the terminal and types as soon as the prompt shows
    await page.waitForFunction(() => window.__bench?.promptAt !== null, undefined, { timeout: 30_000, polling: 'raf' });
    await page.keyboard.insertText('docker ps');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.__bench?.firstAnswerAt !== null && window.__bench?.terminalAt !== null, undefined, { timeout: 30_000 });
    await scriptsSettled(page);
    const r = await page.evaluate(() => {
      const b = window.__bench!;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const scripts = performance
        .getEntriesByType('resource')
        .filter((e) => new URL(e.name).pathname.endsWith('.js'))
        .map((e) => ({ name: new URL(e.name).pathname, startTime: e.startTime, responseEnd: (e as PerformanceResourceTiming).responseEnd }));
      return { promptAt: b.promptAt!, terminalAt: b.terminalAt!, fcp, firstAnswerAt: b.firstAnswerAt!, firstEnterAt: b.firstEnterAt ?? b.promptAt!, scripts };
    });
    prompt.push(r.promptAt);
    terminal.push(r.terminalAt);
    paint.push(r.fcp);
    answer.push(r.firstAnswerAt);
    enterToAnswer.push(r.firstAnswerAt - r.firstEnterAt);
    // the page's JavaScript up to the terminal's take-over: the boot prompt
    // (inline in the HTML) draws the prompt before any script arrives, but
    // xterm, the shell's line editor and the page come with the first script
    if (i === 0) {
      promptOfFirst = r.terminalAt;
      initial = r.scripts.filter((s) => s.startTime < r.terminalAt);
      later = r.scripts.filter((s) => s.startTime >= r.terminalAt);
    }
    await ctx.close();
  }
  const gz = (path: string) => gzipSync(readFileSync(join(outDir, path)), { level: 9 }).length;
  const initialBytes = initial.reduce((n, s) => n + gz(s.name), 0);
  const laterBytes = later.reduce((n, s) => n + gz(s.name), 0);
  const row = (s: ScriptEntry) =>
    `  ${s.name.padEnd(40)} ${String(Math.round(gz(s.name) / 100) / 10).padStart(7)} kB gzip  requested at ${Math.round(s.startTime)} ms, loaded at ${Math.round(s.responseEnd)} ms\n`;
  o.log(`bench: scripts requested before xterm took over the prompt (at ${Math.round(promptOfFirst)} ms):\n${initial.map(row).join('')}`);
  o.log(`bench: scripts fetched after it:\n${later.map(row).join('')}`);
  if (o.wanted('browser_initial_js_gzip_bytes')) {
    o.onMetric({
      name: 'browser_initial_js_gzip_bytes',
      value: initialBytes,
      unit: 'bytes',
      target: 250_000,
      samples: 1,
      detail: { chunks_at_start: initial.length, chunks_later: later.length, later_gzip_bytes: laterBytes },
    });
  }
  if (o.wanted('browser_prompt_drawn_ms')) {
    o.onMetric({
      name: 'browser_prompt_drawn_ms',
      value: round(median(prompt)),
      unit: 'ms',
      target: 500,
      samples: loads,
      detail: {
        min_ms: round(Math.min(...prompt)),
        max_ms: round(Math.max(...prompt)),
        first_contentful_paint_median_ms: round(median(paint)),
        // xterm holding the screen (the boot prompt's keys handed over): history, completion, the full line editor
        terminal_median_ms: round(median(terminal)),
        terminal_max_ms: round(Math.max(...terminal)),
      },
    });
  }
  if (o.wanted('browser_first_command_ms')) {
    o.onMetric({
      name: 'browser_first_command_ms',
      value: round(median(answer)),
      unit: 'ms',
      target: 500,
      samples: loads,
      detail: { max_ms: round(Math.max(...answer)), enter_to_answer_median_ms: round(median(enterToAnswer)) },
    });
  }
}

// ---------------------------------------------------------------- 3: one command, one frame

async function commandLatency(newContext: () => Promise<BrowserContext>, url: string, samples: number, o: BrowserBenchOptions): Promise<void> {
  const page = await openPage(newContext, url);
  await scriptsSettled(page);
  o.log('bench: docker pull busybox in the page\n');
  await sh(page, 'docker pull busybox');
  const times = new Map<string, Sample[]>(CASES.map((c) => [c.label, []]));
  // one warm-up round, not counted: each command's first run
  for (let i = -1; i < samples; i++) {
    await sh(page, 'clear');
    for (const c of CASES) {
      if (c.tab) await page.click(`#tab-${c.tab}`);
      const n = i < 0 ? 999 : i;
      const spec: ArmSpec = { line: c.line(n), expect: c.expect(n), panel: c.panel(n), ...(c.key ? { key: c.key } : {}) };
      await page.evaluate((s) => window.__bench!.arm(s), spec);
      await page.locator('.xterm-helper-textarea').first().focus();
      await page.keyboard.insertText(spec.line);
      await page.keyboard.press(c.key ?? 'Enter');
      await page.waitForFunction(() => window.__bench!.result() !== null, undefined, { timeout: 20_000, polling: 10 });
      const r = (await page.evaluate(() => window.__bench!.result()))!;
      if (r.timedOut) throw new Error(`bench: \`${spec.line}\` did not answer within 10 s (terminal ${r.terminal} ms, panel ${r.panel} ms)`);
      if (i >= 0) times.get(c.label)!.push(r);
      if (c.key) {
        await page.keyboard.press('Backspace');
        await page.waitForFunction(() => /[#$] ?$/.test(window.__berth!.screenText()), undefined, { polling: 10 });
      }
    }
  }
  await page.context().close();
  for (const c of CASES) {
    const name = commandMetric(c);
    if (!o.wanted(name)) continue;
    const s = times.get(c.label)!;
    const laidOut = s.map((x) => x.laidOut);
    const tasks = s.map((x) => Math.max(x.terminal, x.panel));
    o.onMetric({
      name,
      value: round(median(laidOut), 2),
      unit: 'ms',
      target: 16,
      samples: s.length,
      detail: {
        p95_ms: round(quantile(laidOut, 0.95), 2),
        frames_median: median(s.map((x) => x.frames)),
        frames_max: Math.max(...s.map((x) => x.frames)),
        frame_start_median_ms: round(median(s.map((x) => x.readyForFrame)), 2),
        task_check_median_ms: round(median(tasks), 2),
        task_check_terminal_median_ms: round(median(s.map((x) => x.terminal)), 2),
        ...(c.panel(0).kind === 'none' ? {} : { task_check_panel_median_ms: round(median(s.map((x) => x.panel)), 2) }),
      },
    });
  }
}

// ---------------------------------------------------------------- 4: reload a large workspace

/**
 * The workspace of the persistence tests' measurement (src/shell/state.perf.test.ts):
 * 200 images made by commit, 1,000 containers, one running; built by the
 * engine in Node and written as the one-file workspace the page imports.
 */
async function largeWorkspaceFile(): Promise<Uint8Array> {
  const { createHost } = await import('../../src/shell/host.ts');
  const { createNodePlatform } = await import('../../src/node/platform.ts');
  const { encodeWorkspace } = await import('../../src/persist/workspaceFile.ts');
  const h = await createHost({ platform: createNodePlatform() });
  const sink = { write() {} };
  const sh = async (cmd: string) => {
    const status = await h.run(cmd, { stdout: sink, stderr: sink });
    if (status !== 0) throw new Error(`bench: \`${cmd}\` exited ${status}`);
  };
  await sh('docker pull -q busybox && docker pull -q ubuntu');
  for (let i = 0; i < 200; i++) {
    await sh(`docker run --name made${i} busybox sh -c 'echo ${i} > /n; echo line ${i}'`);
    await sh(`docker commit made${i} img${i}`);
  }
  for (let i = 200; i < 1000; i++) await sh(`docker create --name c${i} ubuntu true`);
  await sh("docker run -d --name live busybox sh -c 'while true; do sleep 1; done'");
  return encodeWorkspace({ records: h.state.captureAll(), history: [] });
}

async function reloadLarge(newContext: () => Promise<BrowserContext>, url: string, loads: number, o: BrowserBenchOptions): Promise<void> {
  o.log('bench: building a workspace of 200 images and 1,000 containers in Node\n');
  let file: Uint8Array;
  try {
    file = await largeWorkspaceFile();
  } catch (e) {
    o.log(`bench: ${RELOAD_NAME}: cannot build the workspace (${e instanceof Error ? e.message : String(e)}); not measured\n`);
    return;
  }
  const page = await openPage(newContext, url);
  // the workspace menu's import: pick the file, confirm, the page restarts on it
  const input = page.getByTestId('workspace-import');
  if ((await input.count()) === 0) {
    o.log(`bench: ${RELOAD_NAME}: the page has no workspace import yet; not measured\n`);
    await page.context().close();
    return;
  }
  o.log(`bench: importing it in the page (${Math.round(file.length / 1024)} KiB)\n`);
  await input.setInputFiles({ name: 'berth-workspace.tar.gz', mimeType: 'application/gzip', buffer: Buffer.from(file) });
  // the page restarts itself once the import is saved: wait for the new page's prompt
  const restarted = page.waitForEvent('framenavigated', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Replace and restart' }).click({ timeout: 60_000 });
  await restarted;
  await page.waitForFunction(() => window.__bench?.terminalAt !== null, undefined, { timeout: 60_000 });
  const times: number[] = [];
  const terminal: number[] = [];
  for (let i = 0; i < loads; i++) {
    await page.reload();
    await page.waitForFunction(() => window.__bench?.promptAt !== null && window.__bench?.terminalAt !== null, undefined, { timeout: 60_000, polling: 'raf' });
    const r = await page.evaluate(() => [window.__bench!.promptAt!, window.__bench!.terminalAt!]);
    times.push(r[0]!);
    terminal.push(r[1]!);
  }
  // everything restored: the images and containers are all there
  await page.locator('.xterm-helper-textarea').first().focus();
  await sh(page, 'docker images -q | wc -l; docker ps -aq | wc -l');
  const counts = (await page.evaluate(() => (window.__berth as unknown as { screenText(): string }).screenText()))
    .trimEnd()
    .split('\n')
    .slice(-3, -1)
    .map((l) => Number(l.trim()));
  await page.context().close();
  if (counts[0] !== 202 || counts[1] !== 1001) {
    o.log(`bench: ${RELOAD_NAME}: the reloaded page has ${counts[0]} images and ${counts[1]} containers, not 202 and 1,001; not counted\n`);
    return;
  }
  o.onMetric({
    name: RELOAD_NAME,
    value: round(median(times)),
    unit: 'ms',
    target: 1000,
    samples: loads,
    detail: { max_ms: round(Math.max(...times)), terminal_median_ms: round(median(terminal)), images: counts[0]!, containers: counts[1]! },
  });
}
