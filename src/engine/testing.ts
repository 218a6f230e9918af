// Helpers for the engine's own tests: a deterministic daemon with fakes.
import { Daemon } from './daemon.ts';
import { sequentialIds, type Hasher } from './platform.ts';
import { defaultRegistries } from './registry/router.ts';
import type { ProgramResolver } from './runtime/namespace.ts';
import { Scheduler } from './runtime/scheduler.ts';

export const TEST_EPOCH = Date.UTC(2026, 10, 23, 12, 0, 0);

export interface TestDaemonOptions {
  hasher: Hasher;
  yieldTask: () => Promise<void>;
  resolve: ProgramResolver;
}

export function testDaemon(o: TestDaemonOptions): Daemon {
  const scheduler = new Scheduler(TEST_EPOCH, o.yieldTask);
  const sha256 = (d: Uint8Array | string) =>
    scheduler.track(o.hasher.sha256(typeof d === 'string' ? new TextEncoder().encode(d) : d));
  return new Daemon({
    scheduler,
    ids: sequentialIds(),
    hasher: o.hasher,
    registry: defaultRegistries(sha256),
    resolve: o.resolve,
  });
}
