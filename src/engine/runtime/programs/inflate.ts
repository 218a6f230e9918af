// DEFLATE decoding (RFC 1951: stored, fixed and dynamic Huffman blocks)
// and gzip members (RFC 1952) around it, for `tar -z`, gunzip and zcat;
// and a small DEFLATE encoder for gzip.
// Pure TypeScript; checks what zlib checks (over-subscribed or incomplete
// codes, distances too far back, a missing end-of-block code), and on a
// failure keeps what was decoded so far, as a piped gzip would have
// written it before dying.
import { crc32Update } from '../../layer/gzip.ts';

/** Why a stream could not be decoded; `kind` picks gzip's and busybox's wording. */
export class InflateError extends Error {
  constructor(
    readonly kind: 'format' | 'eof' | 'crc' | 'length' | 'magic' | 'method' | 'flags',
    message: string,
  ) {
    super(message);
  }
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/**
 * A canonical Huffman code as a lookup table indexed by the next `bits`
 * input bits (least significant first): entry = symbol << 4 | length, 0 for
 * bit patterns no code starts with.
 */
interface Table {
  bits: number;
  entries: Int32Array;
}

/** What a table codes: zlib allows an incomplete code for literals/lengths and distances only when it is a single one-bit code. */
const Kind = { Lens: 0, Dists: 1, Codes: 2 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

function buildTable(lengths: ArrayLike<number>, n: number, kind: Kind): Table {
  const count = new Array<number>(16).fill(0);
  for (let i = 0; i < n; i++) count[lengths[i]!]!++;
  let max = 15;
  while (max > 0 && count[max] === 0) max--;
  const bits = Math.max(max, 1);
  const entries = new Int32Array(1 << bits);
  if (max === 0) return { bits, entries }; // no codes: any use is an error
  let left = 1;
  for (let len = 1; len <= 15; len++) {
    left = left * 2 - count[len]!;
    if (left < 0) throw new InflateError('format', 'invalid compressed data--format violated'); // over-subscribed
  }
  // zlib: incomplete sets only for a single one-bit literal/length or distance code
  if (left > 0 && (kind === Kind.Codes || max !== 1)) throw new InflateError('format', 'invalid compressed data--format violated');
  // the first code of each length (count[0] counts unused symbols: left out)
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let len = 1; len <= 15; len++) {
    next[len] = code;
    code = (code + count[len]!) << 1;
  }
  for (let sym = 0; sym < n; sym++) {
    const len = lengths[sym]!;
    if (len === 0) continue;
    const c = next[len]!++;
    let rev = 0;
    for (let i = 0; i < len; i++) rev |= ((c >> i) & 1) << (len - 1 - i);
    const entry = (sym << 4) | len;
    for (let k = rev; k < entries.length; k += 1 << len) entries[k] = entry;
  }
  return { bits, entries };
}

let fixedLit: Table | null = null;
let fixedDist: Table | null = null;

function fixedTables(): [Table, Table] {
  if (!fixedLit || !fixedDist) {
    const l = new Uint8Array(288);
    l.fill(8, 0, 144);
    l.fill(9, 144, 256);
    l.fill(7, 256, 280);
    l.fill(8, 280, 288);
    fixedLit = buildTable(l, 288, Kind.Lens);
    fixedDist = buildTable(new Uint8Array(32).fill(5), 32, Kind.Dists); // 30 and 31 are invalid, yet complete the code
  }
  return [fixedLit, fixedDist];
}

/** A growable output buffer. */
class Output {
  buf: Uint8Array;
  len = 0;
  constructor(size: number) {
    this.buf = new Uint8Array(Math.max(size, 1024));
  }
  ensure(n: number): void {
    if (this.len + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.len + n) size *= 2;
    const b = new Uint8Array(size);
    b.set(this.buf.subarray(0, this.len));
    this.buf = b;
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

class Inflater {
  private bitbuf = 0;
  private bitcnt = 0;
  constructor(
    private readonly data: Uint8Array,
    public pos: number,
    readonly out: Output,
  ) {}

  private need(n: number): void {
    while (this.bitcnt < n) {
      if (this.pos >= this.data.length) throw new InflateError('eof', 'unexpected end of file');
      this.bitbuf |= this.data[this.pos++]! << this.bitcnt;
      this.bitcnt += 8;
    }
  }

  private bits(n: number): number {
    if (n === 0) return 0;
    this.need(n);
    const v = this.bitbuf & ((1 << n) - 1);
    this.bitbuf >>>= n;
    this.bitcnt -= n;
    return v;
  }

  private decode(t: Table): number {
    // take as many bits as the table looks at, or what is left of the input
    while (this.bitcnt < t.bits && this.pos < this.data.length) {
      this.bitbuf |= this.data[this.pos++]! << this.bitcnt;
      this.bitcnt += 8;
    }
    const e = t.entries[this.bitbuf & ((1 << t.bits) - 1)]!;
    const len = e & 15;
    if (e === 0) throw new InflateError('format', 'invalid compressed data--format violated');
    if (len > this.bitcnt) throw new InflateError('eof', 'unexpected end of file');
    this.bitbuf >>>= len;
    this.bitcnt -= len;
    return e >> 4;
  }

  /** Decodes blocks up to and including the final one; `pos` ends after it. */
  run(): void {
    for (;;) {
      const last = this.bits(1);
      const type = this.bits(2);
      if (type === 0) this.stored();
      else if (type === 1) {
        const [l, d] = fixedTables();
        this.codes(l, d);
      } else if (type === 2) this.dynamic();
      else throw new InflateError('format', 'invalid compressed data--format violated');
      if (last) break;
    }
    // whole bytes still in the bit buffer belong to what follows (the gzip trailer)
    this.pos -= this.bitcnt >> 3;
    this.bitbuf = 0;
    this.bitcnt = 0;
  }

  private stored(): void {
    this.pos -= this.bitcnt >> 3;
    this.bitbuf = 0;
    this.bitcnt = 0;
    const d = this.data;
    if (this.pos + 4 > d.length) throw new InflateError('eof', 'unexpected end of file');
    const len = d[this.pos]! | (d[this.pos + 1]! << 8);
    const nlen = d[this.pos + 2]! | (d[this.pos + 3]! << 8);
    this.pos += 4;
    if (len !== (~nlen & 0xffff)) throw new InflateError('format', 'invalid compressed data--format violated');
    const avail = Math.min(len, d.length - this.pos);
    this.out.ensure(avail);
    this.out.buf.set(d.subarray(this.pos, this.pos + avail), this.out.len);
    this.out.len += avail;
    this.pos += avail;
    if (avail < len) throw new InflateError('eof', 'unexpected end of file');
  }

  private dynamic(): void {
    const nlen = this.bits(5) + 257;
    const ndist = this.bits(5) + 1;
    const ncode = this.bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw new InflateError('format', 'invalid compressed data--format violated');
    const clens = new Uint8Array(19);
    for (let i = 0; i < ncode; i++) clens[CLEN_ORDER[i]!] = this.bits(3);
    const ct = buildTable(clens, 19, Kind.Codes);
    const lengths = new Uint8Array(nlen + ndist);
    let i = 0;
    while (i < nlen + ndist) {
      const sym = this.decode(ct);
      if (sym < 16) {
        lengths[i++] = sym;
        continue;
      }
      let val = 0;
      let rep: number;
      if (sym === 16) {
        if (i === 0) throw new InflateError('format', 'invalid compressed data--format violated');
        val = lengths[i - 1]!;
        rep = 3 + this.bits(2);
      } else if (sym === 17) rep = 3 + this.bits(3);
      else rep = 11 + this.bits(7);
      if (i + rep > nlen + ndist) throw new InflateError('format', 'invalid compressed data--format violated');
      while (rep-- > 0) lengths[i++] = val;
    }
    if (lengths[256] === 0) throw new InflateError('format', 'invalid compressed data--format violated'); // no end-of-block code
    const lt = buildTable(lengths.subarray(0, nlen), nlen, Kind.Lens);
    const dt = buildTable(lengths.subarray(nlen), ndist, Kind.Dists);
    this.codes(lt, dt);
  }

  private codes(lt: Table, dt: Table): void {
    const out = this.out;
    for (;;) {
      const sym = this.decode(lt);
      if (sym < 256) {
        out.ensure(1);
        out.buf[out.len++] = sym;
        continue;
      }
      if (sym === 256) return;
      const li = sym - 257;
      if (li >= 29) throw new InflateError('format', 'invalid compressed data--format violated');
      const len = LEN_BASE[li]! + this.bits(LEN_EXTRA[li]!);
      const ds = this.decode(dt);
      if (ds >= 30) throw new InflateError('format', 'invalid compressed data--format violated');
      const dist = DIST_BASE[ds]! + this.bits(DIST_EXTRA[ds]!);
      if (dist > out.len) throw new InflateError('format', 'invalid compressed data--format violated');
      out.ensure(len);
      const b = out.buf;
      let from = out.len - dist;
      let to = out.len;
      if (dist >= len) b.copyWithin(to, from, from + len);
      else for (let k = 0; k < len; k++) b[to++] = b[from++]!;
      out.len += len;
    }
  }
}

/** Decodes a raw DEFLATE stream starting at `start`; `end` is the offset after its final block. */
export function inflateRaw(data: Uint8Array, start = 0): { data: Uint8Array; end: number } {
  const inf = new Inflater(data, start, new Output(data.length * 3));
  inf.run();
  return { data: inf.out.bytes(), end: inf.pos };
}

export interface GunzipResult {
  /** Everything decoded, up to the failure if there was one. */
  data: Uint8Array;
  /** The failure (a truncated or corrupt stream, a bad CRC ...), or null. */
  error: InflateError | null;
  /** Bytes after the last member that are not another member (gzip warns: "trailing garbage ignored"). */
  trailingGarbage: boolean;
}

export function isGzip(data: Uint8Array): boolean {
  return data.length >= 2 && data[0] === 0x1f && data[1] === 0x8b;
}

/** Decodes a gzip file: one or more members, each with its CRC-32 and length checked. */
export function gunzip(data: Uint8Array): GunzipResult {
  const out = new Output(data.length * 3);
  let pos = 0;
  let first = true;
  for (;;) {
    if (pos >= data.length) return { data: out.bytes(), error: null, trailingGarbage: false };
    if (!first) {
      // gzip ignores trailing zeros silently, and warns of anything else
      let rest = pos;
      while (rest < data.length && data[rest] === 0) rest++;
      if (rest === data.length) return { data: out.bytes(), error: null, trailingGarbage: false };
      if (!(data[pos] === 0x1f && data[pos + 1] === 0x8b)) return { data: out.bytes(), error: null, trailingGarbage: true };
    }
    try {
      pos = member(data, pos, out);
    } catch (e) {
      if (e instanceof InflateError) return { data: out.bytes(), error: e, trailingGarbage: false };
      throw e;
    }
    first = false;
  }
}

function member(data: Uint8Array, pos: number, out: Output): number {
  const eof = () => new InflateError('eof', 'unexpected end of file');
  if (data.length - pos < 2 && data[pos] === 0x1f) throw eof();
  if (!(data[pos] === 0x1f && data[pos + 1] === 0x8b)) throw new InflateError('magic', 'not in gzip format');
  if (pos + 10 > data.length) throw eof();
  if (data[pos + 2] !== 8) throw new InflateError('method', `unknown method ${data[pos + 2]} -- not supported`);
  const flg = data[pos + 3]!;
  if (flg & 0xe0) throw new InflateError('flags', `has flags 0x${flg.toString(16)} -- not supported`);
  let p = pos + 10;
  if (flg & 4) {
    if (p + 2 > data.length) throw eof();
    p += 2 + (data[p]! | (data[p + 1]! << 8));
  }
  const skipString = () => {
    while (p < data.length && data[p] !== 0) p++;
    if (p >= data.length) throw eof();
    p++;
  };
  if (flg & 8) skipString();
  if (flg & 16) skipString();
  if (flg & 2) p += 2;
  if (p > data.length) throw eof();
  const startLen = out.len;
  const inf = new Inflater(data, p, out);
  inf.run();
  p = inf.pos;
  if (p + 8 > data.length) throw eof();
  const view = new DataView(data.buffer, data.byteOffset + p, 8);
  const crc = view.getUint32(0, true);
  const size = view.getUint32(4, true);
  const produced = out.buf.subarray(startLen, out.len);
  if (crc32Update(0, produced) !== crc) throw new InflateError('crc', 'invalid compressed data--crc error');
  if ((produced.length >>> 0) !== size) throw new InflateError('length', 'invalid compressed data--length error');
  return p + 8;
}

// ---------------------------------------------------------------- a small compressor

/**
 * DEFLATE with greedy LZ77 matching (hash chains over a 32 KiB window) and
 * the fixed Huffman code: for gzip's files, which then shrink about as a
 * learner expects (not byte for byte as zlib's). Data that would grow goes
 * out in stored blocks.
 */
export function deflateRaw(data: Uint8Array): Uint8Array {
  const n = data.length;
  let out = new Uint8Array(Math.max(64, (n >> 1) + 64));
  let len = 0;
  let bitbuf = 0;
  let bitcnt = 0;
  const put = (value: number, bits: number) => {
    bitbuf |= value << bitcnt;
    bitcnt += bits;
    while (bitcnt >= 8) {
      if (len === out.length) {
        const b = new Uint8Array(out.length * 2);
        b.set(out);
        out = b;
      }
      out[len++] = bitbuf & 0xff;
      bitbuf >>>= 8;
      bitcnt -= 8;
    }
  };
  const huff = (code: number, bits: number) => {
    let rev = 0;
    for (let i = 0; i < bits; i++) rev |= ((code >> i) & 1) << (bits - 1 - i);
    put(rev, bits);
  };
  const lit = (s: number) => {
    if (s < 144) huff(0x30 + s, 8);
    else if (s < 256) huff(0x190 + s - 144, 9);
    else if (s < 280) huff(s - 256, 7);
    else huff(0xc0 + s - 280, 8);
  };
  put(1, 1); // final block
  put(1, 2); // fixed Huffman
  const WSIZE = 32768;
  const head = new Int32Array(1 << 15).fill(-1);
  const prev = new Int32Array(WSIZE);
  const hash = (i: number) => ((data[i]! << 10) ^ (data[i + 1]! << 5) ^ data[i + 2]!) & 0x7fff;
  const insert = (i: number) => {
    if (i + 2 >= n) return;
    const h = hash(i);
    prev[i & (WSIZE - 1)] = head[h]!;
    head[h] = i;
  };
  let i = 0;
  while (i < n) {
    let best = 0;
    let dist = 0;
    if (i + 2 < n) {
      let cand = head[hash(i)]!;
      let chain = 64;
      const max = Math.min(258, n - i);
      while (cand >= 0 && i - cand <= WSIZE && chain-- > 0) {
        if (data[cand + best] === data[i + best]) {
          let l = 0;
          while (l < max && data[cand + l] === data[i + l]) l++;
          if (l > best) {
            best = l;
            dist = i - cand;
            if (l === max) break;
          }
        }
        const next = prev[cand & (WSIZE - 1)]!;
        if (next >= cand) break;
        cand = next;
      }
    }
    if (best >= 3) {
      let li = 28;
      while (LEN_BASE[li]! > best) li--;
      lit(257 + li);
      put(best - LEN_BASE[li]!, LEN_EXTRA[li]!);
      let di = 29;
      while (DIST_BASE[di]! > dist) di--;
      huff(di, 5);
      put(dist - DIST_BASE[di]!, DIST_EXTRA[di]!);
      for (let k = 0; k < best; k++) insert(i + k);
      i += best;
    } else {
      lit(data[i]!);
      insert(i);
      i++;
    }
  }
  lit(256);
  if (bitcnt > 0) put(0, 8 - bitcnt);
  const blocks = Math.max(1, Math.ceil(n / 65535));
  if (len <= n + 5 * blocks) return out.slice(0, len);
  // incompressible: stored blocks
  const stored = new Uint8Array(n + 5 * blocks);
  let p = 0;
  for (let b = 0; b < blocks; b++) {
    const off = b * 65535;
    const size = Math.min(65535, n - off);
    stored.set([b === blocks - 1 ? 1 : 0, size & 0xff, size >> 8, ~size & 0xff, (~size >> 8) & 0xff], p);
    stored.set(data.subarray(off, off + size), p + 5);
    p += 5 + size;
  }
  return stored;
}
