// A gzip stream of stored (uncompressed) deflate blocks. Registries address
// layers by the digest of their compressed blob, which differs from the
// DiffID; stored blocks make that blob real gzip, identical in every
// runtime (a zlib's compressed bytes would differ between browsers and Node)
// and cheap to produce.

import { concatBytes } from './bytes.ts';

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32Update(crc: number, data: Uint8Array): number {
  let c = ~crc >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

const MAX_STORED = 65535;
const HEADER = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

/** Wraps a byte stream in gzip (stored blocks); yields the gzip bytes. */
export function* gzipStored(chunks: Iterable<Uint8Array>): Generator<Uint8Array> {
  yield HEADER;
  let crc = 0;
  let size = 0;
  let pending = new Uint8Array(0);
  const block = (data: Uint8Array, final: boolean): Uint8Array => {
    const out = new Uint8Array(5 + data.length);
    out[0] = final ? 1 : 0;
    out[1] = data.length & 0xff;
    out[2] = data.length >>> 8;
    out[3] = ~data.length & 0xff;
    out[4] = (~data.length >>> 8) & 0xff;
    out.set(data, 5);
    return out;
  };
  for (const chunk of chunks) {
    crc = crc32Update(crc, chunk);
    size = (size + chunk.length) >>> 0;
    let buf = pending.length > 0 ? concatBytes([pending, chunk]) : chunk;
    while (buf.length > MAX_STORED) {
      yield block(buf.subarray(0, MAX_STORED), false);
      buf = buf.subarray(MAX_STORED);
    }
    pending = buf.slice();
  }
  yield block(pending, true);
  const trailer = new Uint8Array(8);
  new DataView(trailer.buffer).setUint32(0, crc, true);
  new DataView(trailer.buffer).setUint32(4, size, true);
  yield trailer;
}
