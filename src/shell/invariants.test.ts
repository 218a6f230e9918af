// Invariant: nothing a container started outlives it. Whatever way a
// container ends (its command exits, stop, kill, rm -f, --rm, a restart
// policy cut short), once it is removed none of its processes, timers or
// listening sockets is left, and an idle host has no timer pending.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../node/platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import { TEST_EPOCH } from '../engine/testing.ts';
import type { Task } from '../engine/runtime/task.ts';
import { createHost } from './host.ts';

const PROGRAMS = [
  // servers from the catalogue: their ports must close with them
  '@nginx',
  '@redis',
  'sleep 1000',
  "sh -c 'while true; do echo tick; sleep 1; done'",
  "sh -c 'sleep 500 & sleep 600 & wait'",
  "sh -c 'trap \"\" TERM; while :; do sleep 1; done'",
  "sh -c 'echo done'",
  "sh -c 'exit 3'",
  "sh -c 'sleep 2; exit 1'",
  'top -b -d 1',
];

// (not `wait`: a container that never ends makes it wait forever, as in Docker)
const ENDINGS = ['rm -f', 'stop', 'kill', 'stop -t 0', 'restart'] as const;
const RUN_FLAGS = ['', '--rm', '--restart always', '--restart on-failure:2', '--restart unless-stopped'] as const;

describe('containers leave nothing behind', () => {
  it('no process, timer or listener survives removal (generated plans)', async () => {
    const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
    const sink = { write() {} };
    const sh = (cmd: string) => (process.env.TRACE ? console.log(cmd) : undefined, h.run(cmd, { stdout: sink, stderr: sink }));
    await sh('docker pull -q busybox && docker pull -q nginx && docker pull -q redis');
    let listened = 0;
    const seen = new Set<Task>();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            program: fc.constantFrom(...PROGRAMS),
            flags: fc.constantFrom(...RUN_FLAGS),
            execs: fc.nat(2),
            ending: fc.constantFrom(...ENDINGS),
            pause: fc.boolean(),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        async (plan) => {
          const names: string[] = [];
          for (const p of plan) {
            const name = `c${n++}`;
            names.push(name);
            const what = p.program.startsWith('@') ? p.program.slice(1) : `busybox ${p.program}`;
            await sh(`docker run -d --name ${name} ${p.flags} ${what}`);
            for (const t of h.daemon.tasks.values()) seen.add(t);
            for (let i = 0; i < p.execs; i++) await sh(`docker exec -d ${name} sh -c 'sleep 300 & sleep 400'`);
            if (p.pause) await sh(`docker pause ${name}`);
            await sh('sleep 3');
            for (const t of h.daemon.tasks.values()) listened += t.ns.ports().length;
            if (p.pause) await sh(`docker unpause ${name}`);
            for (const t of h.daemon.tasks.values()) seen.add(t);
            await sh(`docker ${p.ending} ${name}`);
          }
          for (const name of names) await sh(`docker rm -f ${name}`);
          await sh('sleep 20');
          expect(h.daemon.tasks.size).toBe(0);
          for (const t of seen) {
            expect(t.ns.size).toBe(0);
            expect(t.ns.ports()).toEqual([]);
          }
          expect(h.daemon.clock.pendingTimers).toBe(0);
        },
      ),
      { numRuns: 25, seed: 20261206 },
    );
    // the plans did catch running containers (the checks were not vacuous)
    expect(seen.size).toBeGreaterThan(10);
    expect(listened).toBeGreaterThan(0);
  }, 120_000);
});
