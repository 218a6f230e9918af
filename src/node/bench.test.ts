// `berth bench` at a tiny scale: the measurements run and print what they
// should (the numbers themselves are the benchmark's business, not a test's).
import { describe, expect, it } from 'vitest';
import { benchCommand, formatSummary, runBench } from './bench.ts';
import { main } from './berth.ts';

function collect() {
  let stdout = '';
  let stderr = '';
  return { io: { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t) }, out: () => stdout, err: () => stderr };
}

describe('berth bench', () => {
  it('measures every metric that needs no ubuntu pull, in order', async () => {
    const ms = await runBench({ scale: 0.01, only: ['run_rm', 'ps_a', 'start_stop', 'shell_loop'] });
    expect(ms.map((m) => m.name)).toEqual(['run_rm_echo_median_ms', 'ps_a_1000_ms', 'start_stop_100_ms', 'shell_loop_100k_ms']);
    for (const m of ms) {
      expect(Number.isFinite(m.value) && m.value >= 0).toBe(true);
      expect(m.samples).toBeGreaterThan(0);
    }
    expect(ms[0]!.target).toBe(1);
    expect(ms[1]!.target).toBe(10);
    expect(ms[1]!.detail?.containers).toBe(10);
    // the stops waited the 10 s grace period of virtual time, then killed
    expect(ms[2]!.detail?.virtual_ms).toBeGreaterThanOrEqual(10_000);
  }, 30_000);

  it('prints JSON lines on stdout and a summary on stderr through `berth bench`', async () => {
    const c = collect();
    const status = await main(['bench', '--only', 'run_rm,shell_loop', '--scale', '0.01'], c.io);
    expect(status).toBe(0);
    const lines = c.out().trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.name)).toEqual(['run_rm_echo_median_ms', 'shell_loop_100k_ms']);
    expect(Object.keys(lines[0]!).slice(0, 5)).toEqual(['name', 'value', 'unit', 'target', 'samples']);
    expect(c.err()).toMatch(/^run_rm_echo_median_ms: [\d.]+ ms \[target ≤ 1 (met|MISSED)\]/m);
    expect(c.err()).toMatch(/^shell_loop_100k_ms: [\d.]+ ms \[no target\]/m);
  }, 30_000);

  it('refuses unknown options and metrics with status 2', async () => {
    for (const args of [['--bogus'], ['--only', 'nope'], ['--scale', '0'], ['--only']]) {
      const c = collect();
      expect(await benchCommand(args, c.io)).toBe(2);
      expect(c.out()).toBe('');
      expect(c.err()).toMatch(/^berth bench: .*\nusage: berth bench/);
    }
  });

  it('marks missed and met targets', () => {
    const m = { name: 'x', value: 5, unit: 'ms' as const, target: 4, samples: 1 };
    expect(formatSummary(m)).toBe('x: 5 ms [target ≤ 4 MISSED]');
    expect(formatSummary({ ...m, value: 4 })).toBe('x: 4 ms [target ≤ 4 met]');
    expect(formatSummary({ ...m, target: null, detail: { a: 1 } })).toBe('x: 5 ms [no target] (a=1)');
  });
});
