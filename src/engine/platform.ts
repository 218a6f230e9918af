// What the engine needs from the world, passed in so that tests and
// transcripts are deterministic: time, randomness and hashing.

/** Wall-clock time in milliseconds since the Unix epoch. */
export interface Clock {
  now(): number;
}

/** Random identifiers (container IDs, name picks). */
export interface IdSource {
  /** `bytes` random bytes as lower-case hex (64 hex for a container ID). */
  randomHex(bytes: number): string;
  /** A random integer in [0, n). */
  randomInt(n: number): number;
}

/** sha256 over bytes, as lower-case hex. WebCrypto in the browser and in Node. */
export interface Hasher {
  sha256(data: Uint8Array): Promise<string>;
}

/** Lets pending microtasks and I/O callbacks run (setImmediate in Node, MessageChannel in browsers). */
export type YieldFn = () => Promise<void>;

export interface Platform {
  clock: Clock;
  ids: IdSource;
  hasher: Hasher;
  yieldTask: YieldFn;
}

/** Sequential ids for tests and goldens: 0000…0001, 0000…0002, ... */
export function sequentialIds(seed = 1): IdSource {
  let n = seed;
  return {
    randomHex(bytes) {
      const hex = (n++).toString(16);
      return hex.padStart(bytes * 2, '0').slice(-bytes * 2);
    },
    randomInt(max) {
      return (n++ * 2654435761) % max;
    },
  };
}
