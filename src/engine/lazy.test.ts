// Code loaded on first use: the program tables keep every name, the clock
// waits for a load, a failed load is a clear message and is tried again.
import { describe, expect, it } from 'vitest';
import { lazyModule, lazyProgram, modulesLoading } from './lazy.ts';
import { Scheduler } from './runtime/scheduler.ts';
import type { ProcessContext } from './runtime/process.ts';
import { PROCESS_TOOL_NAMES, awkNames } from './runtime/programs/index.ts';
import { processPrograms } from './runtime/programs/procs.ts';
import { awkPrograms } from './runtime/programs/awk.ts';
import { DEFAULT_SYSTEM } from './runtime/programs/system.ts';

const nextTask = () => new Promise<void>((r) => setImmediate(r));

function fakeContext(argv: string[]): { ctx: ProcessContext; err: () => string } {
  let err = '';
  const ctx = { argv, stderr: { write: (t: string) => void (err += t) } } as unknown as ProcessContext;
  return { ctx, err: () => err };
}

describe('lazy program tables', () => {
  it('name what the modules make', () => {
    for (const f of ['gnu', 'busybox'] as const) {
      expect([...processPrograms(f, DEFAULT_SYSTEM).keys()].sort()).toEqual([...PROCESS_TOOL_NAMES].sort());
      expect([...awkPrograms(f).keys()].sort()).toEqual(awkNames(f).sort());
    }
  });
});

describe('lazyModule', () => {
  it('loads once, counts the load while it lasts, then answers at once', async () => {
    let imports = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const mod = lazyModule('test module', async () => {
      imports++;
      await gate;
      return { answer: 42 };
    });
    expect(mod.value).toBeUndefined();
    const before = modulesLoading();
    const a = mod.load();
    const b = mod.load();
    expect(modulesLoading()).toBe(before + 1);
    release();
    expect((await a).answer).toBe(42);
    expect(await b).toBe(await a);
    expect(modulesLoading()).toBe(before);
    expect(mod.value?.answer).toBe(42);
    expect(imports).toBe(1);
  });

  it('the jump-mode clock does not pass a timer while a module loads', async () => {
    const sched = new Scheduler(0, nextTask);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const mod = lazyModule('slow module', async () => {
      await gate;
      return { loadedAt: sched.now() };
    });
    let fired = false;
    void sched.sleep(1000).then(() => (fired = true));
    const work = sched.runUntil(mod.load());
    for (let i = 0; i < 5; i++) await nextTask();
    expect(fired).toBe(false);
    release();
    expect((await work).loadedAt).toBe(0);
  });

  it('a failed load is a message and status 126; the next run tries again', async () => {
    let attempt = 0;
    const mod = lazyModule('flaky tools', async () => {
      if (++attempt === 1) throw new Error('Failed to fetch dynamically imported module');
      return { run: async () => 0 };
    });
    const program = lazyProgram(mod, (m) => m.run);
    const first = fakeContext(['flaky']);
    expect(await program(first.ctx)).toBe(126);
    expect(first.err()).toBe('flaky: cannot load flaky tools: Failed to fetch dynamically imported module\n');
    expect(modulesLoading()).toBe(0);
    const second = fakeContext(['flaky']);
    expect(await program(second.ctx)).toBe(0);
    expect(second.err()).toBe('');
  });
});
