// A bzip2 decoder (ADD of a .tar.bz2): Huffman-coded MTF/RLE2 symbols,
// the inverse Burrows-Wheeler transform, then the initial run-length
// encoding undone; block and stream CRCs are checked. Concatenated streams
// are decoded one after the other, as bzip2(1) does.

export class Bzip2Error extends Error {}

const BLOCK_MAGIC = 0x314159265359;
const END_MAGIC = 0x177245385090;

class Bits {
  private pos = 0; // in bits
  constructor(private readonly b: Uint8Array) {}

  get bitPos(): number {
    return this.pos;
  }

  bit(): number {
    const byte = this.pos >>> 3;
    if (byte >= this.b.length) throw new Bzip2Error('unexpected EOF');
    const v = (this.b[byte]! >>> (7 - (this.pos & 7))) & 1;
    this.pos++;
    return v;
  }

  bits(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) v = v * 2 + this.bit();
    return v;
  }

  alignByte(): void {
    this.pos = (this.pos + 7) & ~7;
  }

  get atEnd(): boolean {
    return this.pos >>> 3 >= this.b.length;
  }
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc(data: Uint8Array, from: number, to: number): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = ((c << 8) ^ CRC_TABLE[((c >>> 24) ^ data[i]!) & 0xff]!) >>> 0;
  return ~c >>> 0;
}

class Out {
  buf = new Uint8Array(1 << 16);
  len = 0;
  push(v: number): void {
    if (this.len === this.buf.length) {
      const n = new Uint8Array(this.buf.length * 2);
      n.set(this.buf);
      this.buf = n;
    }
    this.buf[this.len++] = v;
  }
}

/** Decodes a .bz2 file (one or more streams). Throws Bzip2Error on a damaged one. */
export function bunzip2(data: Uint8Array, maxOutput = 1 << 30): Uint8Array {
  const r = new Bits(data);
  const out = new Out();
  let streams = 0;
  while (!r.atEnd) {
    if (streams > 0 && data[r.bitPos >>> 3] !== 0x42) break; // trailing garbage: bzip2 warns and stops
    if (r.bits(8) !== 0x42 || r.bits(8) !== 0x5a || r.bits(8) !== 0x68) throw new Bzip2Error('bad magic number');
    const level = r.bits(8) - 0x30;
    if (level < 1 || level > 9) throw new Bzip2Error('bad block size');
    const maxBlock = level * 100000;
    let combined = 0;
    for (;;) {
      const magic = r.bits(48);
      if (magic === END_MAGIC) {
        const want = r.bits(32) >>> 0;
        if (want !== combined) throw new Bzip2Error('stream CRC mismatch');
        r.alignByte();
        break;
      }
      if (magic !== BLOCK_MAGIC) throw new Bzip2Error('bad block header');
      const blockCrc = r.bits(32) >>> 0;
      const start = out.len;
      block(r, out, maxBlock, maxOutput);
      if (crc(out.buf, start, out.len) !== blockCrc) throw new Bzip2Error('block CRC mismatch');
      combined = (((combined << 1) | (combined >>> 31)) ^ blockCrc) >>> 0;
    }
    streams++;
  }
  if (streams === 0) throw new Bzip2Error('empty input');
  return out.buf.slice(0, out.len);
}

function block(r: Bits, out: Out, maxBlock: number, maxOutput: number): void {
  if (r.bit()) throw new Bzip2Error('randomised blocks are not supported');
  const origPtr = r.bits(24);

  // The byte values in use.
  const used: number[] = [];
  const ranges = r.bits(16);
  for (let i = 0; i < 16; i++) {
    if (!(ranges & (0x8000 >>> i))) continue;
    const bits = r.bits(16);
    for (let j = 0; j < 16; j++) if (bits & (0x8000 >>> j)) used.push(i * 16 + j);
  }
  if (used.length === 0) throw new Bzip2Error('no symbols in use');
  const alpha = used.length + 2;

  const nGroups = r.bits(3);
  if (nGroups < 2 || nGroups > 6) throw new Bzip2Error('bad number of Huffman groups');
  const nSelectors = r.bits(15);
  if (nSelectors < 1) throw new Bzip2Error('bad number of selectors');
  const mtfGroups = Array.from({ length: nGroups }, (_, i) => i);
  const selectors = new Uint8Array(nSelectors);
  for (let i = 0; i < nSelectors; i++) {
    let j = 0;
    while (r.bit()) if (++j >= nGroups) throw new Bzip2Error('bad selector');
    const v = mtfGroups[j]!;
    mtfGroups.splice(j, 1);
    mtfGroups.unshift(v);
    selectors[i] = v;
  }

  // The code lengths of each group's Huffman table, then the tables.
  const tables: Huffman[] = [];
  for (let g = 0; g < nGroups; g++) {
    const lens = new Uint8Array(alpha);
    let len = r.bits(5);
    for (let s = 0; s < alpha; s++) {
      for (;;) {
        if (len < 1 || len > 20) throw new Bzip2Error('bad code length');
        if (!r.bit()) break;
        len += r.bit() ? -1 : 1;
      }
      lens[s] = len;
    }
    tables.push(huffman(lens));
  }

  // Symbols: RUNA/RUNB runs of the front byte, MTF indexes, end of block.
  const mtf = used.slice();
  const tt = new Uint32Array(maxBlock);
  const counts = new Uint32Array(256);
  let n = 0;
  let group = 0;
  let left = 0;
  let run = 0;
  let runWeight = 1;
  const eob = alpha - 1;
  const flush = () => {
    if (run === 0) return;
    const b = mtf[0]!;
    if (n + run > maxBlock) throw new Bzip2Error('block too long');
    counts[b]! += run;
    for (; run > 0; run--) tt[n++] = b;
    runWeight = 1;
  };
  for (;;) {
    if (left === 0) {
      if (group >= nSelectors) throw new Bzip2Error('ran out of selectors');
      left = 50;
      group++;
    }
    left--;
    const sym = decode(r, tables[selectors[group - 1]!]!);
    if (sym <= 1) {
      run += (sym + 1) * runWeight;
      runWeight *= 2;
      if (run > maxBlock) throw new Bzip2Error('run too long');
      continue;
    }
    flush();
    if (sym === eob) break;
    const idx = sym - 1;
    const b = mtf[idx]!;
    mtf.splice(idx, 1);
    mtf.unshift(b);
    if (n >= maxBlock) throw new Bzip2Error('block too long');
    counts[b]!++;
    tt[n++] = b;
  }
  if (origPtr >= n) throw new Bzip2Error('bad origin pointer');

  // Inverse BWT: link each position to the next, through the sorted first column.
  const cum = new Uint32Array(256);
  for (let i = 0, s = 0; i < 256; i++) {
    cum[i] = s;
    s += counts[i]!;
  }
  for (let i = 0; i < n; i++) {
    const b = tt[i]! & 0xff;
    tt[cum[b]!++]! |= i << 8;
  }

  // Undo the initial RLE: four equal bytes are followed by a count of more.
  let pos = tt[origPtr]! >>> 8;
  let last = -1;
  let same = 0;
  for (let k = 0; k < n; k++) {
    const e = tt[pos]!;
    const b = e & 0xff;
    pos = e >>> 8;
    if (same === 4) {
      for (let j = 0; j < b; j++) out.push(last);
      same = 0;
      last = -1;
      continue;
    }
    if (b === last) same++;
    else {
      last = b;
      same = 1;
    }
    out.push(b);
    if (out.len > maxOutput) throw new Bzip2Error('output too large');
  }
}

interface Huffman {
  minLen: number;
  maxLen: number;
  /** Per length: the first code, the number of codes, the index of the first symbol in `perm`. */
  first: Int32Array;
  count: Int32Array;
  offset: Int32Array;
  perm: Uint16Array;
}

function huffman(lens: Uint8Array): Huffman {
  let minLen = 32;
  let maxLen = 0;
  for (const l of lens) {
    minLen = Math.min(minLen, l);
    maxLen = Math.max(maxLen, l);
  }
  const count = new Int32Array(22);
  for (const l of lens) count[l]!++;
  const offset = new Int32Array(22);
  for (let l = 1; l < 22; l++) offset[l] = offset[l - 1]! + count[l - 1]!;
  const perm = new Uint16Array(lens.length);
  const fill = offset.slice();
  for (let s = 0; s < lens.length; s++) perm[fill[lens[s]!]!++] = s;
  const first = new Int32Array(22);
  let code = 0;
  for (let l = 1; l < 22; l++) {
    first[l] = code;
    code = (code + count[l]!) << 1;
  }
  return { minLen, maxLen, first, count, offset, perm };
}

function decode(r: Bits, h: Huffman): number {
  let code = r.bits(h.minLen);
  for (let l = h.minLen; l <= h.maxLen; l++) {
    const d = code - h.first[l]!;
    if (d >= 0 && d < h.count[l]!) return h.perm[h.offset[l]! + d]!;
    code = code * 2 + r.bit();
  }
  throw new Bzip2Error('bad Huffman code');
}
