// A Hasher over WebCrypto (crypto.subtle), which browsers and Node both
// provide; tests use it to check the engine's hashing against the platform's.
import type { Hasher } from '../platform.ts';

interface Subtle {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
}

export function webCryptoHasher(): Hasher {
  const subtle = (globalThis as unknown as { crypto?: { subtle?: Subtle } }).crypto?.subtle;
  if (subtle === undefined) throw new Error('WebCrypto (crypto.subtle) is not available');
  return {
    async sha256(data) {
      const d = new Uint8Array(await subtle.digest('SHA-256', data));
      let s = '';
      for (const b of d) s += (b < 16 ? '0' : '') + b.toString(16);
      return s;
    },
  };
}
