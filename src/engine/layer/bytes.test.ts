import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.ts';

describe('concatBytes', () => {
  it('joins chunks in order', () => {
    expect([...concatBytes([Uint8Array.of(1, 2), new Uint8Array(0), Uint8Array.of(3)])]).toEqual([1, 2, 3]);
  });
  it('returns an empty array for no chunks', () => {
    expect(concatBytes([]).length).toBe(0);
  });
  it('uses the total the caller counted', () => {
    expect([...concatBytes([Uint8Array.of(7), Uint8Array.of(8)], 2)]).toEqual([7, 8]);
  });
});
