// SHA-256 (FIPS 180-4) in plain TypeScript, fed chunk by chunk. WebCrypto's
// digest is one-shot, so a big layer tar would have to sit in memory whole;
// this one hashes it as it streams, in bounded memory.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

export class Sha256 {
  private readonly h = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);
  private readonly w = new Int32Array(64);
  private readonly block = new Uint8Array(64);
  private fill = 0;
  private length = 0; // bytes hashed so far
  private done = false;

  update(data: Uint8Array): this {
    if (this.done) throw new Error('sha256: update after digest');
    this.length += data.length;
    let i = 0;
    if (this.fill > 0) {
      const n = Math.min(64 - this.fill, data.length);
      this.block.set(data.subarray(0, n), this.fill);
      this.fill += n;
      i = n;
      if (this.fill < 64) return this;
      this.compress(this.block, 0, 64);
      this.fill = 0;
    }
    const end = i + ((data.length - i) & ~63);
    if (end > i) this.compress(data, i, end);
    i = end;
    if (i < data.length) {
      this.block.set(data.subarray(i), 0);
      this.fill = data.length - i;
    }
    return this;
  }

  digest(): Uint8Array {
    if (!this.done) {
      this.done = true;
      const bits = this.length * 8;
      const b = this.block;
      b[this.fill++] = 0x80;
      if (this.fill > 56) {
        b.fill(0, this.fill);
        this.compress(b, 0, 64);
        this.fill = 0;
      }
      b.fill(0, this.fill, 56);
      const hi = Math.floor(bits / 0x100000000);
      const lo = bits >>> 0;
      b[56] = hi >>> 24;
      b[57] = hi >>> 16;
      b[58] = hi >>> 8;
      b[59] = hi;
      b[60] = lo >>> 24;
      b[61] = lo >>> 16;
      b[62] = lo >>> 8;
      b[63] = lo;
      this.compress(b, 0, 64);
    }
    const out = new Uint8Array(32);
    for (let i = 0; i < 8; i++) {
      const v = this.h[i]!;
      out[i * 4] = v >>> 24;
      out[i * 4 + 1] = v >>> 16;
      out[i * 4 + 2] = v >>> 8;
      out[i * 4 + 3] = v;
    }
    return out;
  }

  hex(): string {
    let s = '';
    for (const b of this.digest()) s += (b < 16 ? '0' : '') + b.toString(16);
    return s;
  }

  /** Processes the 64-byte blocks of p[off, end). */
  private compress(p: Uint8Array, off: number, end: number): void {
    const w = this.w;
    const h = this.h;
    let A = h[0]!;
    let B = h[1]!;
    let C = h[2]!;
    let D = h[3]!;
    let E = h[4]!;
    let F = h[5]!;
    let G = h[6]!;
    let H = h[7]!;
    for (; off < end; off += 64) {
      for (let i = 0, o = off; i < 16; i++, o += 4) w[i] = (p[o]! << 24) | (p[o + 1]! << 16) | (p[o + 2]! << 8) | p[o + 3]!;
      for (let i = 16; i < 64; i++) {
        const x = w[i - 15]!;
        const y = w[i - 2]!;
        const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) | 0;
      }
      let a = A;
      let b = B;
      let c = C;
      let d = D;
      let e = E;
      let f = F;
      let g = G;
      let hh = H;
      for (let i = 0; i < 64; i++) {
        const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i]! + w[i]!) | 0;
        const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        hh = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      A = (A + a) | 0;
      B = (B + b) | 0;
      C = (C + c) | 0;
      D = (D + d) | 0;
      E = (E + e) | 0;
      F = (F + f) | 0;
      G = (G + g) | 0;
      H = (H + hh) | 0;
    }
    h[0] = A;
    h[1] = B;
    h[2] = C;
    h[3] = D;
    h[4] = E;
    h[5] = F;
    h[6] = G;
    h[7] = H;
  }
}

/** sha256 of `data` as lower-case hex. */
export function sha256Hex(data: Uint8Array): string {
  return new Sha256().update(data).hex();
}
