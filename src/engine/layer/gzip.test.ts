import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { gzipStored } from './gzip.ts';

describe('gzipStored', () => {
  it('is gzip that zlib reads back', () => {
    const data = new Uint8Array(200_000).map((_, i) => (i * 7) % 251);
    const parts = [data.subarray(0, 70_000), data.subarray(70_000, 70_001), data.subarray(70_001)];
    const gz = Buffer.concat([...gzipStored(parts)]);
    expect(new Uint8Array(gunzipSync(gz))).toEqual(data);
    expect(new Uint8Array(gunzipSync(Buffer.concat([...gzipStored([])])))).toEqual(new Uint8Array(0));
  });
});
