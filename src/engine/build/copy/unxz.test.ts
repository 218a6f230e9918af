// Vectors made with Python's lzma module (liblzma 5.4, preset 6, CRC64 unless said).
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../layer/sha256.ts';
import { unxz, XzError } from './unxz.ts';

const b64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
const text = (b: Uint8Array) => new TextDecoder().decode(b);

const HELLO = '/Td6WFoAAATm1rRGAgAhARYAAAB0L+Wj4ASPABpdADQZSe6N6U9+IVlrw3EQUmlFYiMpA6Z51jwAAAAAqc0T50lbDwQAATaQCQAAAPdYeL2xxGf7AgAAAAAEWVo=';
const EMPTY = '/Td6WFoAAATm1rRGAAAAABzfRCEftvN9AQAAAAAEWVo=';
const CRC32 = '/Td6WFoAAAFpIt42AgAhARYAAAB0L+WjAQALY3JjMzIgY2hlY2sKAB/V+aAAASAMot20vJBCmQ0BAAAAAAFZWg==';
const CAT =
  '/Td6WFoAAATm1rRGAgAhARYAAAB0L+WjAQADb25lCgD1XLtWH8b9hgABHARvLJzBH7bzfQEAAAAABFla/Td6WFoAAATm1rRGAgAhARYAAAB0L+WjAQADdHdvCgBlBtb/xMD5OgABHARvLJzBH7bzfQEAAAAABFla';
/** 400 random bytes, a sentence 40 times, 300 zeros. */
const MIXED =
  '/Td6WFoAAATm1rRGAgAhARYAAAB0L+Wj4AnDAd5dACk8gMZVWbM0YQ3KnnkELqMlpCT2ss3xsiSJYKQE7L1XHdbx3qbqcyvTfxE75kbtT6+tkUGGaOdeXGQBQaQK8Ygq+CB27fygsPCIiUhA9ZKY31MKMkyHtJOQBSZtZmLOZpCQdFlfwBtPf4T9iMMggSkjO9GrCwXaGY8AwprI8p3cXs72pvpRRoS+K9OIrx3o1MvnuogGzOWiwie5hbqU6Ku8QniVk1G3RO7Iv50Tk8uBdeb+I3gjxvFgILa2ETNQMjEIrtj2U1htC3ZDg1rjA0DqlqgLm6a68IzlV5v4pR0IyjWTSMP+WxS3x6sEeBkyjN+MS4F9FLeMDxU9TUhQw4HOn5xARSYyyqJmPoRlJijv/TB6N+ivRM42ZitbJfZy1fGKtHvDGQhc9Ui7y8JD0X/T1BkB5V0jseoAN352QDMTVMz9AG3SetT7G/p7GYSyMLRM7wL/wfQX9T+qG9gpuHfVLg7uEkYHrIIdcRg47ryb9XOemWxmPWqM8KV1Nl6WSvtS8dRBtcm8YP7aAh2YieutqTOfttgl+JUcAH9FHyktXl2ucZGuxdKiFOPfeM0kPB5S8YB3zOswx3k0hpA/F4o8bQzJqmHSoX0mJCfQztM5nMYDT/g0hOd886CkOQAAAABWTWwqGvk9hgAB+gPEEwAACvCz17HEZ/sCAAAAAARZWg==';

describe('unxz', () => {
  it('decodes literals, matches and repeats of an LZMA2 stream, checking its CRC64', () => {
    expect(text(unxz(b64(HELLO)))).toBe('hello hello hello\n' + 'a'.repeat(1000) + 'xyz'.repeat(50));
    const mixed = unxz(b64(MIXED));
    expect(mixed.length).toBe(2500);
    expect(sha256Hex(mixed)).toBe('22170ea7df49d54f40b8b042a4b8c9f369fcf22b422325c1df079916c29a3963');
  });

  it('an empty stream, an uncompressed chunk with a CRC32 check, streams one after the other', () => {
    expect(unxz(b64(EMPTY)).length).toBe(0);
    expect(text(unxz(b64(CRC32)))).toBe('crc32 check\n');
    expect(text(unxz(b64(CAT)))).toBe('one\ntwo\n');
  });

  it('refuses damage', () => {
    const bad = b64(HELLO);
    bad[40]! ^= 0x01;
    expect(() => unxz(bad)).toThrow(XzError);
    expect(() => unxz(b64(HELLO).subarray(0, 50))).toThrow(XzError);
    expect(() => unxz(new TextEncoder().encode('hello'))).toThrow('not an xz stream');
  });
});
