// `berth bench`: performance measurements of the simulator in Node (a
// benchmark, not a test). Prints one JSON object per metric on stdout, e.g.
//   {"name":"run_rm_echo_median_ms","value":0.8,"unit":"ms","target":1,"samples":200}
// and a one-line human summary per metric on stderr. Missing a target is no
// failure: the exit status is 0 whenever the measurements could be taken.
//
// Every metric runs after a warm-up, on its own fresh simulated host (jump
// mode clock), except the cold pull, which must be the first pull of ubuntu
// in the process (layer digests are cached per process), and the heap metric,
// which reuses that host's pulled ubuntu.
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createHost } from '../shell/host.ts';
import type { HostIO, SimulatedHost } from '../shell/host.ts';
import { createNodePlatform } from './platform.ts';
import { BROWSER_NAMES } from '../../scripts/bench/cases.ts';

export interface Metric {
  name: string;
  value: number;
  unit: 'ms' | 'bytes';
  /** Upper bound the value should stay under; null: no target yet. */
  target: number | null;
  samples: number;
  /** Further figures of the same measurement. */
  detail?: Record<string, number>;
}

export interface BenchOptions {
  /** Scales every count (samples, containers, loop length); 1 = the real benchmark. */
  scale?: number;
  /** Also measure the page in headless Chromium (scripts/bench/browser.ts). */
  browser?: boolean;
  /** The port the browser half serves the built page on (scripts/bench/serve.ts: compressed, as a static host). */
  port?: number;
  /** Progress lines for people (the browser half's chunk lists). */
  log?: (text: string) => void;
  /** Only the metrics whose names contain one of these strings. */
  only?: string[];
  /** Called as each metric is measured. */
  onMetric?: (m: Metric) => void;
}

export interface BenchIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

const NAMES = [
  'pull_ubuntu_cold_ms',
  'run_rm_echo_median_ms',
  'ps_a_1000_ms',
  'heap_bytes_per_idle_container',
  'start_stop_100_ms',
  'shell_loop_100k_ms',
  'build_30_cold_ms',
  'build_30_cached_ms',
] as const;

// ---------------------------------------------------------------- helpers

type Gc = () => void;

/** The V8 collector: `globalThis.gc` under --expose-gc, else enabled at run time. */
export function findGc(): Gc | null {
  const g = (globalThis as { gc?: Gc }).gc;
  if (typeof g === 'function') return g;
  try {
    setFlagsFromString('--expose-gc');
    const fn = runInNewContext('gc') as unknown;
    return typeof fn === 'function' ? (fn as Gc) : null;
  } catch {
    return null;
  }
}

/** Collects until the heap stops shrinking (weak callbacks and finalisers of one pass free more). */
async function fullGc(gc: Gc | null): Promise<number> {
  let used = process.memoryUsage().heapUsed;
  if (!gc) return used;
  for (let i = 0; i < 5; i++) {
    gc();
    await new Promise<void>((r) => setImmediate(r));
    const now = process.memoryUsage().heapUsed;
    if (Math.abs(used - now) < 1024 && i > 0) return now;
    used = now;
  }
  return used;
}

const codeSpace = () => getHeapSpaceStatistics().find((s) => s.space_name === 'code_space')?.space_used_size ?? 0;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));

interface Captured {
  io: HostIO;
  out(): string;
  err(): string;
}

function capture(): Captured {
  let out = '';
  let err = '';
  return {
    io: { stdout: { write: (t) => void (out += t) }, stderr: { write: (t) => void (err += t) } },
    out: () => out,
    err: () => err,
  };
}

const nullIO: HostIO = { stdout: { write() {} }, stderr: { write() {} } };

/** Runs a command that must succeed; returns its stdout. */
async function must(host: SimulatedHost, command: string): Promise<string> {
  const c = capture();
  const status = await host.run(command, c.io);
  if (status !== 0) throw new Error(`bench: \`${command}\` exited ${status}: ${c.err().trim()}`);
  return c.out();
}

const newHost = () => createHost({ platform: createNodePlatform(), realtime: false });

/** Drives daemon work in jump mode: the virtual clock advances when everything waits. */
function drive<T>(host: SimulatedHost, work: Promise<T>): Promise<T> {
  return host.daemon.clock.runUntil(work);
}

// ---------------------------------------------------------------- metrics

/** 6. Wall ms of the first `docker pull ubuntu` of the process (catalogue layer built and hashed). */
async function pullUbuntuCold(host: SimulatedHost): Promise<Metric> {
  const t0 = performance.now();
  await must(host, 'docker pull ubuntu');
  const ms = performance.now() - t0;
  // the same pull on a second fresh host: what remains once the per-process caches are warm
  const other = await newHost();
  const t1 = performance.now();
  await must(other, 'docker pull ubuntu');
  const warm = performance.now() - t1;
  return { name: 'pull_ubuntu_cold_ms', value: round(ms), unit: 'ms', target: null, samples: 1, detail: { warm_pull_ms: round(warm) } };
}

/** 1. Median wall ms of `docker run --rm busybox echo hi` through host.run. */
async function runRmEcho(scale: number): Promise<Metric> {
  const host = await newHost();
  await must(host, 'docker pull busybox');
  const samples = Math.max(3, Math.round(200 * scale));
  const warmup = Math.max(2, Math.round(30 * scale));
  const cmd = 'docker run --rm busybox echo hi';
  for (let i = 0; i < warmup; i++) {
    const out = await must(host, cmd);
    if (out !== 'hi\n') throw new Error(`bench: \`${cmd}\` printed ${JSON.stringify(out)}`);
  }
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    const status = await host.run(cmd, nullIO);
    times.push(performance.now() - t0);
    if (status !== 0) throw new Error(`bench: \`${cmd}\` exited ${status}`);
  }
  if (host.daemon.containers.size !== 0) throw new Error('bench: --rm left containers behind');
  return {
    name: 'run_rm_echo_median_ms',
    value: round(median(times)),
    unit: 'ms',
    target: 1,
    samples,
    detail: { min_ms: round(Math.min(...times)), p90_ms: round(quantile(times, 0.9)) },
  };
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

/** 2. Median wall ms of `docker ps -a` with 1,000 containers present. */
async function psA1000(scale: number): Promise<Metric> {
  const host = await newHost();
  await must(host, 'docker pull busybox');
  const count = Math.max(10, Math.round(1000 * scale));
  const samples = Math.max(3, Math.round(20 * scale));
  const svc = host.daemon.containerService;
  await drive(
    host,
    (async () => {
      for (let i = 0; i < count; i++) await svc.create({ image: 'busybox', cmd: ['true'] });
    })(),
  );
  const warm = await must(host, 'docker ps -a');
  const lines = warm.trimEnd().split('\n').length;
  if (lines !== count + 1) throw new Error(`bench: docker ps -a printed ${lines} lines, expected ${count + 1}`);
  for (let i = 0; i < 10; i++) await host.run('docker ps -a', nullIO);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await host.run('docker ps -a', nullIO);
    times.push(performance.now() - t0);
  }
  // the daemon's share: listContainers alone
  const api: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    host.daemon.listContainers();
    api.push(performance.now() - t0);
  }
  return {
    name: 'ps_a_1000_ms',
    value: round(median(times)),
    unit: 'ms',
    target: 10,
    samples,
    detail: { containers: count, list_containers_median_ms: round(median(api)) },
  };
}

/** 3. Heap growth per idle (created) ubuntu container, over 1,000 of them. */
async function heapPerContainer(host: SimulatedHost, scale: number, gc: Gc | null): Promise<Metric> {
  const count = Math.max(10, Math.round(1000 * scale));
  const svc = host.daemon.containerService;
  // warm-up: the code paths and the daemon's maps, then gone again
  await drive(
    host,
    (async () => {
      const ids: string[] = [];
      for (let i = 0; i < Math.max(10, Math.round(1000 * scale)); i++) ids.push((await svc.create({ image: 'ubuntu' })).id);
      for (const id of ids) await svc.remove(id);
    })(),
  );
  const create = async () => {
    for (let i = 0; i < count; i++) await svc.create({ image: 'ubuntu' });
  };
  const before = await fullGc(gc);
  const code0 = codeSpace();
  await drive(host, create());
  const after = await fullGc(gc);
  const code1 = codeSpace();
  if (host.daemon.containers.size !== count) throw new Error('bench: idle containers missing');
  return {
    name: 'heap_bytes_per_idle_container',
    value: Math.round((after - before) / count),
    unit: 'bytes',
    target: 4096,
    samples: count,
    detail: { heap_before: before, heap_after: after, code_space_growth: code1 - code0, gc: gc ? 1 : 0 },
  };
}

/** 4. Wall ms to start 100 `busybox sleep 1000` containers, then stop them (10 s virtual grace, SIGKILL). */
async function startStop100(scale: number): Promise<Metric> {
  const host = await newHost();
  await must(host, 'docker pull busybox');
  const count = Math.max(5, Math.round(100 * scale));
  const svc = host.daemon.containerService;
  const cycle = async (n: number) => {
    const ids: string[] = [];
    await drive(
      host,
      (async () => {
        for (let i = 0; i < n; i++) ids.push((await svc.create({ image: 'busybox', cmd: ['sleep', '1000'] })).id);
      })(),
    );
    const t0 = performance.now();
    await drive(
      host,
      (async () => {
        for (const id of ids) await svc.start(id);
      })(),
    );
    const t1 = performance.now();
    for (const id of ids) {
      if (!host.daemon.container(id).state.Running) throw new Error('bench: container did not start');
    }
    const virtual0 = host.daemon.now();
    // as `docker stop a b c ...`: the stops run side by side
    await drive(host, Promise.all(ids.map((id) => svc.stop(id))));
    const t2 = performance.now();
    for (const id of ids) {
      const st = host.daemon.container(id).state;
      if (st.Running || st.ExitCode !== 137) throw new Error(`bench: container not killed (exit ${st.ExitCode})`);
    }
    return { start: t1 - t0, stop: t2 - t1, virtual: host.daemon.now() - virtual0 };
  };
  await cycle(Math.max(2, Math.round(count / 5)));
  const r = await cycle(count);
  return {
    name: 'start_stop_100_ms',
    value: round(r.start + r.stop),
    unit: 'ms',
    target: null,
    samples: count,
    detail: { start_ms: round(r.start), stop_ms: round(r.stop), virtual_ms: r.virtual },
  };
}

/** 5. Wall ms of a 100,000-iteration shell loop in a container (median of 3). */
async function shellLoop(scale: number): Promise<Metric> {
  const host = await newHost();
  await must(host, 'docker pull busybox');
  const n = Math.max(100, Math.round(100_000 * scale));
  const loop = (k: number, check = '') =>
    `docker run --rm busybox sh -c 'i=0; while [ $i -lt ${k} ]; do i=$((i+1)); done${check}'`;
  // warm-up, and a check that the loop really counts
  const warm = Math.max(100, Math.round(n / 10));
  const w = await must(host, loop(warm, '; echo $i'));
  if (w.trim() !== String(warm)) throw new Error(`bench: shell loop printed ${JSON.stringify(w)}`);
  const samples = 3;
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await must(host, loop(n));
    times.push(performance.now() - t0);
  }
  const ms = median(times);
  return {
    name: 'shell_loop_100k_ms',
    value: round(ms),
    unit: 'ms',
    target: null,
    samples,
    detail: { iterations: n, us_per_iteration: round((ms * 1000) / n) },
  };
}

// ---------------------------------------------------------------- driver

/** A Dockerfile of 30 instructions: FROM, then RUN, COPY, ENV, WORKDIR and LABEL in turn. */
function thirtyInstructions(): string {
  const lines = ['FROM busybox'];
  for (let i = 1; lines.length < 30; i++) {
    const kinds = [`RUN echo step ${i} > /s${i}.txt`, `COPY f${i % 5}.txt /files/`, `ENV STEP${i}=${i}`, `WORKDIR /w${i}`, `LABEL step${i}="${i}"`];
    lines.push(kinds[i % kinds.length]!);
  }
  return lines.join('\n') + '\n';
}

/** 7. Wall ms of building a 30-instruction Dockerfile, cold then fully cached, with BuildKit and with the legacy builder. */
async function build30(): Promise<Metric[]> {
  const host = await newHost();
  await must(host, 'docker pull busybox');
  await must(host, `mkdir /b30 && cd /b30 && for i in 0 1 2 3 4; do echo file $i > f$i.txt; done && printf '${thirtyInstructions()}' > Dockerfile`);
  const timed = async (cmd: string): Promise<number> => {
    const t0 = performance.now();
    await must(host, cmd);
    return performance.now() - t0;
  };
  const cold = await timed('docker build -t b30 /b30');
  const cached = await timed('docker build -t b30 /b30');
  const legacyCold = await timed('DOCKER_BUILDKIT=0 docker build -t b30legacy /b30');
  const legacyCached = await timed('DOCKER_BUILDKIT=0 docker build -t b30legacy /b30');
  const out = await must(host, 'docker build -t b30 /b30 2>&1');
  if ((out.match(/CACHED/g) ?? []).length < 10) throw new Error('bench: the second build did not come from the cache');
  return [
    { name: 'build_30_cold_ms', value: round(cold), unit: 'ms', target: null, samples: 1, detail: { legacy_ms: round(legacyCold) } },
    { name: 'build_30_cached_ms', value: round(cached), unit: 'ms', target: null, samples: 1, detail: { legacy_ms: round(legacyCached) } },
  ];
}

/** Measures the metrics (all, or those `only` names); resolves to them in order. */
export async function runBench(options: BenchOptions = {}): Promise<Metric[]> {
  const scale = options.scale ?? 1;
  const wanted = (name: string) => !options.only?.length || options.only.some((o) => name.includes(o));
  const gc = findGc();
  const results: Metric[] = [];
  const emit = (m: Metric) => {
    results.push(m);
    options.onMetric?.(m);
  };
  // first: nothing else may have pulled ubuntu in this process
  let ubuntuHost: SimulatedHost | null = null;
  if (wanted('pull_ubuntu_cold_ms') || wanted('heap_bytes_per_idle_container')) {
    ubuntuHost = await newHost();
    if (wanted('pull_ubuntu_cold_ms')) emit(await pullUbuntuCold(ubuntuHost));
    else await must(ubuntuHost, 'docker pull ubuntu');
  }
  if (wanted('run_rm_echo_median_ms')) emit(await runRmEcho(scale));
  if (wanted('ps_a_1000_ms')) emit(await psA1000(scale));
  if (ubuntuHost && wanted('heap_bytes_per_idle_container')) emit(await heapPerContainer(ubuntuHost, scale, gc));
  ubuntuHost = null;
  if (wanted('start_stop_100_ms')) emit(await startStop100(scale));
  if (wanted('shell_loop_100k_ms')) emit(await shellLoop(scale));
  if (wanted('build_30_cold_ms') || wanted('build_30_cached_ms')) for (const m of await build30()) if (wanted(m.name)) emit(m);
  if (options.browser && BROWSER_NAMES.some(wanted)) {
    const { runBrowserBench } = await import('../../scripts/bench/browser.ts');
    await runBrowserBench({ scale, port: options.port, wanted, onMetric: emit, log: options.log ?? (() => {}) });
  }
  return results;
}

export function formatSummary(m: Metric): string {
  const verdict = m.target === null ? 'no target' : m.value <= m.target ? `target ≤ ${m.target} met` : `target ≤ ${m.target} MISSED`;
  const detail = m.detail
    ? ' (' + Object.entries(m.detail).map(([k, v]) => `${k}=${v}`).join(', ') + ')'
    : '';
  return `${m.name}: ${m.value} ${m.unit} [${verdict}]${detail}`;
}

const USAGE = 'usage: berth bench [--only NAME[,NAME...]] [--scale X] [--no-browser] [--port N]\n';

/** `berth bench [--only NAME,...] [--scale X]`: JSON lines on stdout, a summary on stderr. */
export async function benchCommand(args: string[], io: BenchIO): Promise<number> {
  const only: string[] = [];
  let scale = 1;
  let browser = true;
  let port = 4199;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const eq = a.indexOf('=');
    const name = eq >= 0 ? a.slice(0, eq) : a;
    const value = () => (eq >= 0 ? a.slice(eq + 1) : args[++i]);
    if (name === '--only') {
      const v = value();
      if (!v) return usage(io, '--only needs a value');
      only.push(...v.split(',').filter(Boolean));
    } else if (name === '--scale') {
      const v = value();
      scale = Number(v);
      if (!v || !Number.isFinite(scale) || scale <= 0) return usage(io, `--scale: not a positive number: ${v}`);
    } else if (a === '--no-browser') {
      browser = false;
    } else if (name === '--port') {
      const v = value();
      port = Number(v);
      if (!v || !Number.isInteger(port) || port <= 0 || port > 65535) return usage(io, `--port: not a port number: ${v}`);
    } else {
      return usage(io, `unknown option: ${a}`);
    }
  }
  const all = [...NAMES, ...BROWSER_NAMES];
  const unknown = only.filter((o) => !all.some((n) => n.includes(o)));
  if (unknown.length) return usage(io, `no such metric: ${unknown.join(', ')} (metrics: ${all.join(', ')})`);
  const t0 = performance.now();
  // the figures move with what else the machine runs: say how busy it was
  io.stderr(`bench: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`);
  let results: Metric[];
  try {
    results = await runBench({
      scale,
      only,
      browser,
      port,
      log: io.stderr,
      onMetric: (m) => {
        io.stdout(JSON.stringify(m) + '\n');
        io.stderr(formatSummary(m) + '\n');
      },
    });
  } catch (e) {
    io.stderr(`berth bench: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  io.stderr('\n' + formatTable(results));
  io.stderr(`bench: done in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  return 0;
}

/** The figures as a table: value, budget, whether the budget is met. */
export function formatTable(ms: Metric[]): string {
  const rows = ms.map((m) => [
    m.name,
    `${m.value} ${m.unit}`,
    m.target === null ? '—' : `≤ ${m.target} ${m.unit}`,
    m.target === null ? '' : m.value <= m.target ? 'pass' : 'FAIL',
  ]);
  const head = ['metric', 'value', 'budget', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
  return line(head) + line(widths.map((w) => '-'.repeat(w))) + rows.map(line).join('');
}

function usage(io: BenchIO, message: string): number {
  io.stderr(`berth bench: ${message}\n${USAGE}`);
  return 2;
}
