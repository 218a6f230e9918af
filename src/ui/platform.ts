// The browser's Platform: real time, crypto-strength ids, WebCrypto hashing
// and a task yield through a MessageChannel (setTimeout(0) is clamped to
// 4 ms after a few nested calls; a message is not).
import type { Platform } from '../engine/platform.ts';

/** getRandomValues fills at most 65,536 bytes per call. */
const MAX_RANDOM_BYTES = 65536;

function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i += MAX_RANDOM_BYTES) {
    crypto.getRandomValues(bytes.subarray(i, Math.min(n, i + MAX_RANDOM_BYTES)));
  }
  return bytes;
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** A uniform integer in [0, n), without modulo bias. */
function randomInt(n: number): number {
  if (!Number.isInteger(n) || n <= 0 || n > 2 ** 32) throw new RangeError(`randomInt: bad range ${n}`);
  const limit = 2 ** 32 - (2 ** 32 % n);
  const word = new Uint32Array(1);
  for (;;) {
    crypto.getRandomValues(word);
    if (word[0]! < limit) return word[0]! % n;
  }
}

function messageChannelYield(): () => Promise<void> {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
}

export function browserPlatform(): Platform {
  const subtle = globalThis.crypto?.subtle;
  return {
    clock: { now: () => Date.now() },
    ids: {
      randomHex: (bytes) => toHex(randomBytes(bytes)),
      randomInt,
    },
    hasher: {
      async sha256(data) {
        if (!subtle) {
          throw new Error('WebCrypto is unavailable: open Berth from http://127.0.0.1 or https (a secure context)');
        }
        // digest() wants an ArrayBuffer-backed view.
        const view = data.buffer instanceof ArrayBuffer ? (data as Uint8Array<ArrayBuffer>) : new Uint8Array(data);
        return toHex(new Uint8Array(await subtle.digest('SHA-256', view)));
      },
    },
    yieldTask: messageChannelYield(),
  };
}
