import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerTarChunks } from './tar.ts';
import { LayerTree, generatedBytes, utf8 } from './tree.ts';
import { Sha256, sha256Hex } from './sha256.ts';
import { webCryptoHasher } from './webcrypto.ts';

const hasher = webCryptoHasher();

describe('Sha256 (streaming, pure TypeScript)', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Hex(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex(utf8('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    const h = new Sha256();
    const a = utf8('a'.repeat(1000));
    for (let i = 0; i < 1000; i++) h.update(a);
    expect(h.hex()).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with WebCrypto on random data, however it is cut into chunks', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 700 }), fc.array(fc.nat(200), { maxLength: 8 }), async (data, cuts) => {
        const h = new Sha256();
        let off = 0;
        for (const c of cuts) {
          h.update(data.subarray(off, off + c));
          off = Math.min(data.length, off + c);
        }
        h.update(data.subarray(off));
        expect(h.hex()).toBe(await hasher.sha256(data));
      }),
      { numRuns: 500 },
    );
    for (let n = 0; n <= 200; n++) {
      const data = generatedBytes(n, 0, n);
      expect(sha256Hex(data)).toBe(await hasher.sha256(data));
    }
    const big = generatedBytes(99, 0, 3_000_001);
    expect(sha256Hex(big)).toBe(await hasher.sha256(big));
  });

  it('digest is final and repeatable', () => {
    const h = new Sha256().update(utf8('abc'));
    expect(h.hex()).toBe(h.hex());
    expect(() => h.update(utf8('x'))).toThrow();
  });

  it('measures hashing speed (MB/s, printed)', async () => {
    const size = 64 << 20;
    const data = generatedBytes(1, 0, size);
    let t = performance.now();
    const web = await hasher.sha256(data);
    const webMs = performance.now() - t;
    t = performance.now();
    const h = new Sha256();
    for (let off = 0; off < size; off += 1 << 16) h.update(data.subarray(off, off + (1 << 16)));
    const ours = h.hex();
    const oursMs = performance.now() - t;
    expect(ours).toBe(web);
    // A generated 70 MB layer, produced and hashed chunk by chunk.
    const tree = new LayerTree();
    tree.addFile('usr/lib/big', { size: 70 << 20, seed: 5 });
    t = performance.now();
    let n = 0;
    for (const c of layerTarChunks(tree)) n += c.length;
    const genMs = performance.now() - t;
    t = performance.now();
    const s = new Sha256();
    for (const c of layerTarChunks(tree)) s.update(c);
    s.hex();
    const layerMs = performance.now() - t;
    const mbs = (bytes: number, ms: number) => ((bytes / (1 << 20)) / (ms / 1000)).toFixed(0);
    console.log(
      `sha256 over 64 MiB: WebCrypto one-shot ${mbs(size, webMs)} MB/s, pure-TS streaming ${mbs(size, oursMs)} MB/s; ` +
        `70 MiB generated layer tar: produce ${mbs(n, genMs)} MB/s, produce+hash ${mbs(n, layerMs)} MB/s`,
    );
  }, 60_000);
});
