// An .xz decoder (ADD of a .tar.xz): the xz container (stream header,
// blocks, index, footer; CRC32/CRC64 checks) around LZMA2 chunks, decoded
// by an LZMA range decoder. Only the LZMA2 filter is accepted (no BCJ/delta
// filters), as `xz -z` writes by default.

export class XzError extends Error {}

// ---------------------------------------------------------------- checksums

const CRC32 = (() => {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array, from = 0, to = b.length): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = CRC32[(c ^ b[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** CRC-64/XZ (ECMA-182, reflected) as two 32-bit halves. */
const CRC64 = (() => {
  const lo = new Uint32Array(256);
  const hi = new Uint32Array(256);
  const PLO = 0xd7870f42;
  const PHI = 0xc96c5795;
  for (let i = 0; i < 256; i++) {
    let l = i;
    let h = 0;
    for (let k = 0; k < 8; k++) {
      const carry = l & 1;
      l = ((l >>> 1) | ((h & 1) << 31)) >>> 0;
      h = h >>> 1;
      if (carry) {
        l = (l ^ PLO) >>> 0;
        h = (h ^ PHI) >>> 0;
      }
    }
    lo[i] = l;
    hi[i] = h;
  }
  return { lo, hi };
})();

function crc64(b: Uint8Array, from: number, to: number): [number, number] {
  let l = 0xffffffff;
  let h = 0xffffffff;
  for (let i = from; i < to; i++) {
    const idx = (l ^ b[i]!) & 0xff;
    l = (((l >>> 8) | ((h & 0xff) << 24)) ^ CRC64.lo[idx]!) >>> 0;
    h = ((h >>> 8) ^ CRC64.hi[idx]!) >>> 0;
  }
  return [~l >>> 0, ~h >>> 0];
}

function u32le(b: Uint8Array, p: number): number {
  if (p + 4 > b.length) throw new XzError('unexpected end of input');
  return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
}

// ---------------------------------------------------------------- output

class Out {
  buf: Uint8Array;
  len = 0;
  constructor(
    size: number,
    private readonly max: number,
  ) {
    this.buf = new Uint8Array(Math.max(1024, size));
  }
  reserve(n: number): void {
    if (this.len + n > this.max) throw new XzError('output too large');
    if (this.len + n <= this.buf.length) return;
    let cap = this.buf.length * 2;
    while (cap < this.len + n) cap *= 2;
    const b = new Uint8Array(cap);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
}

// ---------------------------------------------------------------- the xz container

const MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** Decodes an .xz file (one or more streams, with stream padding). Throws XzError on a damaged or unsupported one. */
export function unxz(data: Uint8Array, maxOutput = 1 << 30): Uint8Array {
  const out = new Out(data.length * 4, maxOutput);
  let p = 0;
  let streams = 0;
  while (p < data.length) {
    if (streams > 0) {
      // Stream padding: zeros in multiples of four.
      let z = p;
      while (z < data.length && data[z] === 0) z++;
      if (z === data.length && (z - p) % 4 === 0) break;
      if ((z - p) % 4 !== 0) throw new XzError('bad stream padding');
      p = z;
    }
    p = stream(data, p, out);
    streams++;
  }
  if (streams === 0) throw new XzError('empty input');
  return out.buf.slice(0, out.len);
}

function stream(b: Uint8Array, p: number, out: Out): number {
  for (let i = 0; i < 6; i++) if (b[p + i] !== MAGIC[i]) throw new XzError('not an xz stream');
  if (b[p + 6] !== 0 || (b[p + 7]! & 0xf0) !== 0) throw new XzError('unsupported stream flags');
  const check = b[p + 7]! & 0x0f;
  if (crc32(b, p + 6, p + 8) !== u32le(b, p + 8)) throw new XzError('stream header CRC mismatch');
  p += 12;
  let blocks = 0;
  for (;;) {
    if (p >= b.length) throw new XzError('unexpected end of input');
    if (b[p] === 0) break; // the index
    p = block(b, p, check, out);
    blocks++;
  }
  // Index: records of (unpadded size, uncompressed size), padded, CRC32.
  const indexStart = p;
  p++;
  const [records, r1] = varint(b, p);
  p = r1;
  if (records !== blocks) throw new XzError('index does not match the blocks');
  for (let i = 0; i < records * 2; i++) p = varint(b, p)[1];
  while ((p - indexStart) % 4 !== 0) if (b[p++] !== 0) throw new XzError('bad index padding');
  if (crc32(b, indexStart, p) !== u32le(b, p)) throw new XzError('index CRC mismatch');
  p += 4;
  // Footer: CRC32, backward size, flags, "YZ".
  if (crc32(b, p + 4, p + 10) !== u32le(b, p)) throw new XzError('stream footer CRC mismatch');
  if (b[p + 10] !== 0x59 || b[p + 11] !== 0x5a) throw new XzError('bad stream footer');
  return p + 12;
}

function varint(b: Uint8Array, p: number): [number, number] {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < 9; i++) {
    if (p >= b.length) throw new XzError('unexpected end of input');
    const x = b[p++]!;
    v += (x & 0x7f) * mul;
    if (!(x & 0x80)) return [v, p];
    mul *= 128;
  }
  throw new XzError('bad variable-length integer');
}

function block(b: Uint8Array, p: number, check: number, out: Out): number {
  const start = p;
  const headerSize = (b[p]! + 1) * 4;
  if (start + headerSize > b.length) throw new XzError('unexpected end of input');
  if (crc32(b, start, start + headerSize - 4) !== u32le(b, start + headerSize - 4)) throw new XzError('block header CRC mismatch');
  const flags = b[p + 1]!;
  p += 2;
  if ((flags & 3) !== 0) throw new XzError('only the LZMA2 filter is supported');
  if (flags & 0x3c) throw new XzError('unsupported block flags');
  if (flags & 0x40) p = varint(b, p)[1];
  if (flags & 0x80) p = varint(b, p)[1];
  const [filter, p2] = varint(b, p);
  if (filter !== 0x21) throw new XzError('only the LZMA2 filter is supported');
  const [propSize, p3] = varint(b, p2);
  if (propSize !== 1) throw new XzError('bad LZMA2 properties');
  const dictProp = b[p3]!;
  if (dictProp > 40) throw new XzError('bad LZMA2 dictionary size');
  p = start + headerSize;
  const outStart = out.len;
  p = lzma2(b, p, out);
  while ((p - start) % 4 !== 0) if (b[p++] !== 0) throw new XzError('bad block padding');
  const size = check === 0 ? 0 : check === 1 ? 4 : check === 4 ? 8 : check === 10 ? 32 : -1;
  if (size < 0) throw new XzError('unsupported check type');
  if (p + size > b.length) throw new XzError('unexpected end of input');
  if (check === 1 && crc32(out.buf, outStart, out.len) !== u32le(b, p)) throw new XzError('CRC32 mismatch');
  if (check === 4) {
    const [lo, hi] = crc64(out.buf, outStart, out.len);
    if (lo !== u32le(b, p) || hi !== u32le(b, p + 4)) throw new XzError('CRC64 mismatch');
  }
  // SHA-256 checks are skipped (the engine's hashing is asynchronous).
  return p + size;
}

// ---------------------------------------------------------------- LZMA2

function lzma2(b: Uint8Array, p: number, out: Out): number {
  const dec = new Lzma(out);
  let needDictReset = true;
  let needProps = true;
  for (;;) {
    if (p >= b.length) throw new XzError('unexpected end of input');
    const ctrl = b[p++]!;
    if (ctrl === 0) return p;
    if (ctrl === 1 || ctrl === 2) {
      if (ctrl === 2 && needDictReset) throw new XzError('corrupt LZMA2 stream');
      if (ctrl === 1) dec.dictStart = out.len;
      needDictReset = false;
      const size = ((b[p]! << 8) | b[p + 1]!) + 1;
      p += 2;
      if (p + size > b.length) throw new XzError('unexpected end of input');
      out.reserve(size);
      out.buf.set(b.subarray(p, p + size), out.len);
      out.len += size;
      p += size;
      continue;
    }
    if (ctrl < 0x80) throw new XzError('corrupt LZMA2 stream');
    const reset = (ctrl >>> 5) & 3;
    const unpacked = ((ctrl & 0x1f) << 16) + ((b[p]! << 8) | b[p + 1]!) + 1;
    const packed = ((b[p + 2]! << 8) | b[p + 3]!) + 1;
    p += 4;
    if (reset === 3) {
      dec.dictStart = out.len;
      needDictReset = false;
    } else if (needDictReset) throw new XzError('corrupt LZMA2 stream');
    if (reset >= 2) {
      const props = b[p++]!;
      if (props > 224) throw new XzError('bad LZMA properties');
      const lc = props % 9;
      const lp = Math.floor(props / 9) % 5;
      const pb = Math.floor(props / 45);
      if (lc + lp > 4) throw new XzError('bad LZMA properties');
      dec.setProps(lc, lp, pb);
      needProps = false;
    } else if (needProps) throw new XzError('corrupt LZMA2 stream');
    if (reset >= 1) dec.resetState();
    if (p + packed > b.length) throw new XzError('unexpected end of input');
    dec.decode(b, p, p + packed, unpacked);
    p += packed;
  }
}

const PROB_INIT = 1024;

class Lzma {
  dictStart = 0;
  private lc = 0;
  private lp = 0;
  private pb = 0;
  private state = 0;
  private reps = [0, 0, 0, 0];
  private isMatch = new Uint16Array(12 << 4);
  private isRep = new Uint16Array(12);
  private isRepG0 = new Uint16Array(12);
  private isRepG1 = new Uint16Array(12);
  private isRepG2 = new Uint16Array(12);
  private isRep0Long = new Uint16Array(12 << 4);
  private posSlot = new Uint16Array(4 << 6);
  private posSpecial = new Uint16Array(115);
  private align = new Uint16Array(16);
  private lenDec = new LenDecoder();
  private repLenDec = new LenDecoder();
  private literal = new Uint16Array(0x300);
  // Range decoder.
  private range = 0;
  private code = 0;
  private in: Uint8Array = new Uint8Array(0);
  private ip = 0;
  private iend = 0;

  constructor(private readonly out: Out) {}

  setProps(lc: number, lp: number, pb: number): void {
    this.lc = lc;
    this.lp = lp;
    this.pb = pb;
    this.literal = new Uint16Array(0x300 << (lc + lp));
  }

  resetState(): void {
    this.state = 0;
    this.reps = [0, 0, 0, 0];
    for (const a of [this.isMatch, this.isRep, this.isRepG0, this.isRepG1, this.isRepG2, this.isRep0Long, this.posSlot, this.posSpecial, this.align, this.literal]) a.fill(PROB_INIT);
    this.lenDec.reset();
    this.repLenDec.reset();
  }

  private byte(): number {
    if (this.ip >= this.iend) throw new XzError('corrupt LZMA2 stream');
    return this.in[this.ip++]!;
  }

  private bit(probs: Uint16Array, i: number): number {
    if (this.range < 0x1000000) {
      this.range = (this.range << 8) >>> 0;
      this.code = ((this.code << 8) | this.byte()) >>> 0;
    }
    const p = probs[i]!;
    const bound = (this.range >>> 11) * p;
    if (this.code < bound) {
      this.range = bound;
      probs[i] = p + ((2048 - p) >>> 5);
      return 0;
    }
    this.range = (this.range - bound) >>> 0;
    this.code = (this.code - bound) >>> 0;
    probs[i] = p - (p >>> 5);
    return 1;
  }

  private direct(n: number): number {
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (this.range < 0x1000000) {
        this.range = (this.range << 8) >>> 0;
        this.code = ((this.code << 8) | this.byte()) >>> 0;
      }
      this.range = this.range >>> 1;
      let bit = 0;
      if (this.code >= this.range) {
        this.code = (this.code - this.range) >>> 0;
        bit = 1;
      }
      v = v * 2 + bit;
    }
    return v;
  }

  private tree(probs: Uint16Array, base: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = (m << 1) | this.bit(probs, base + m);
    return m - (1 << bits);
  }

  private reverse(probs: Uint16Array, base: number, bits: number): number {
    let m = 1;
    let v = 0;
    for (let i = 0; i < bits; i++) {
      const bit = this.bit(probs, base + m);
      m = (m << 1) | bit;
      v |= bit << i;
    }
    return v;
  }

  decode(input: Uint8Array, from: number, to: number, unpacked: number): void {
    this.in = input;
    this.ip = from;
    this.iend = to;
    if (this.byte() !== 0) throw new XzError('corrupt LZMA2 stream');
    this.code = 0;
    for (let i = 0; i < 4; i++) this.code = ((this.code << 8) | this.byte()) >>> 0;
    this.range = 0xffffffff;
    const out = this.out;
    out.reserve(unpacked);
    const end = out.len + unpacked;
    const buf = out.buf;
    const pbMask = (1 << this.pb) - 1;
    const lpMask = (1 << this.lp) - 1;
    while (out.len < end) {
      const pos = out.len;
      // Positions count from the last dictionary reset.
      const rel = pos - this.dictStart;
      const posState = rel & pbMask;
      const s = this.state;
      if (this.bit(this.isMatch, (s << 4) + posState) === 0) {
        // A literal, coded in the context of the previous byte (and, after a match, the byte at rep0).
        const prev = pos > this.dictStart ? buf[pos - 1]! : 0;
        const base = 0x300 * (((rel & lpMask) << this.lc) + (prev >>> (8 - this.lc)));
        let sym = 1;
        if (s >= 7) {
          const mpos = pos - this.reps[0]! - 1;
          if (mpos < this.dictStart) throw new XzError('corrupt LZMA2 stream');
          let match = buf[mpos]!;
          let offset = 0x100;
          while (sym < 0x100) {
            match <<= 1;
            const matchBit = match & offset;
            const bit = this.bit(this.literal, base + offset + matchBit + sym);
            sym = (sym << 1) | bit;
            offset &= bit ? matchBit : ~matchBit;
          }
        } else {
          while (sym < 0x100) sym = (sym << 1) | this.bit(this.literal, base + sym);
        }
        buf[out.len++] = sym & 0xff;
        this.state = s < 4 ? 0 : s < 10 ? s - 3 : s - 6;
        continue;
      }
      let len: number;
      if (this.bit(this.isRep, s) === 1) {
        if (this.bit(this.isRepG0, s) === 0) {
          if (this.bit(this.isRep0Long, (s << 4) + posState) === 0) {
            // Short rep: one byte at rep0.
            this.state = s < 7 ? 9 : 11;
            const from = pos - this.reps[0]! - 1;
            if (from < this.dictStart) throw new XzError('corrupt LZMA2 stream');
            buf[out.len++] = buf[from]!;
            continue;
          }
        } else {
          let dist: number;
          if (this.bit(this.isRepG1, s) === 0) dist = this.reps[1]!;
          else if (this.bit(this.isRepG2, s) === 0) {
            dist = this.reps[2]!;
            this.reps[2] = this.reps[1]!;
          } else {
            dist = this.reps[3]!;
            this.reps[3] = this.reps[2]!;
            this.reps[2] = this.reps[1]!;
          }
          this.reps[1] = this.reps[0]!;
          this.reps[0] = dist;
        }
        len = this.repLenDec.decode(this, posState);
        this.state = s < 7 ? 8 : 11;
      } else {
        this.reps[3] = this.reps[2]!;
        this.reps[2] = this.reps[1]!;
        this.reps[1] = this.reps[0]!;
        len = this.lenDec.decode(this, posState);
        this.state = s < 7 ? 7 : 10;
        const lenState = Math.min(len - 2, 3);
        const slot = this.tree(this.posSlot, lenState << 6, 6);
        let dist: number;
        if (slot < 4) dist = slot;
        else {
          const direct = (slot >>> 1) - 1;
          dist = (2 | (slot & 1)) * 2 ** direct;
          if (slot < 14) dist += this.reverse(this.posSpecial, dist - slot - 1, direct);
          else {
            dist += this.direct(direct - 4) * 16;
            dist += this.reverse(this.align, 0, 4);
          }
        }
        if (dist === 0xffffffff) throw new XzError('corrupt LZMA2 stream'); // no end marker in LZMA2
        this.reps[0] = dist;
      }
      const from = pos - this.reps[0]! - 1;
      if (from < this.dictStart) throw new XzError('corrupt LZMA2 stream');
      if (out.len + len > end) throw new XzError('corrupt LZMA2 stream');
      for (let i = 0; i < len; i++) buf[out.len++] = buf[from + i]!;
    }
  }

  // LenDecoder needs the range decoder.
  bitOf(probs: Uint16Array, i: number): number {
    return this.bit(probs, i);
  }
  treeOf(probs: Uint16Array, base: number, bits: number): number {
    return this.tree(probs, base, bits);
  }
}

class LenDecoder {
  private choice = new Uint16Array(2);
  private low = new Uint16Array(16 << 3);
  private mid = new Uint16Array(16 << 3);
  private high = new Uint16Array(256);

  reset(): void {
    this.choice.fill(PROB_INIT);
    this.low.fill(PROB_INIT);
    this.mid.fill(PROB_INIT);
    this.high.fill(PROB_INIT);
  }

  decode(d: Lzma, posState: number): number {
    if (d.bitOf(this.choice, 0) === 0) return 2 + d.treeOf(this.low, posState << 3, 3);
    if (d.bitOf(this.choice, 1) === 0) return 10 + d.treeOf(this.mid, posState << 3, 3);
    return 18 + d.treeOf(this.high, 0, 8);
  }
}
