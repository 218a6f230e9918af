// The Platform in Node: the `berth` command and Node-side tests.
import { randomBytes, randomInt, webcrypto } from 'node:crypto';
import type { Clock, Hasher, IdSource, Platform, YieldFn } from '../engine/platform.ts';

/** crypto.randomBytes-backed ids. */
export const nodeIds: IdSource = {
  randomHex(bytes) {
    return randomBytes(bytes).toString('hex');
  },
  randomInt(n) {
    if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`randomInt: bad bound ${n}`);
    return n === 1 ? 0 : randomInt(n);
  },
};

/** WebCrypto SHA-256, as in the browser. */
export const nodeHasher: Hasher = {
  async sha256(data) {
    const digest = await webcrypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>);
    return Buffer.from(digest).toString('hex');
  },
};

/** Lets microtasks and I/O callbacks run. */
export const nodeYield: YieldFn = () => new Promise<void>((resolve) => setImmediate(resolve));

export interface NodePlatformOptions {
  /** The start time the engine's Scheduler takes over, ms (default: Date.now() now). */
  startMs?: number;
}

/**
 * A Node platform. The clock is fixed at the start time: the engine's
 * Scheduler starts from it and keeps virtual time from then on.
 */
export function createNodePlatform(options: NodePlatformOptions = {}): Platform {
  const start = options.startMs ?? Date.now();
  const clock: Clock = { now: () => start };
  return { clock, ids: nodeIds, hasher: nodeHasher, yieldTask: nodeYield };
}
