// Go's strconv, the parts Docker output depends on: float formatting with
// Go's rounding (exact decimal value, ties to even) and Go string quoting.
// JS's toFixed/toPrecision round ties away from zero, which differs from Go
// for values such as 0.125 (%.2f is "0.12" in Go) or 12.25 (%.3g is "12.2").

/** A decimal digit string with the decimal point `dp` digits from the left. */
interface Decimal {
  d: string; // significant digits, no leading or trailing zeros ('' for zero)
  dp: number;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The exact decimal expansion of a finite, non-negative double. */
function exactDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  f64[0] = x;
  const hi = u32[LITTLE_ENDIAN ? 1 : 0]!;
  const lo = u32[LITTLE_ENDIAN ? 0 : 1]!;
  const biased = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biased === 0) exp = -1074; // subnormal
  else {
    mant |= 1n << 52n;
    exp = biased - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp >= 0) {
    digits = (mant << BigInt(exp)).toString();
    dp = digits.length;
  } else {
    // mant / 2^k == mant * 5^k / 10^k
    digits = (mant * 5n ** BigInt(-exp)).toString();
    dp = digits.length + exp;
  }
  const trimmed = digits.replace(/0+$/, '');
  return { d: trimmed, dp };
}

/** The shortest digits that read back as x (what Go's prec -1 produces). */
function shortestDecimal(x: number): Decimal {
  if (x === 0) return { d: '', dp: 0 };
  const [mant, e] = x.toExponential().split('e') as [string, string];
  const d = mant.replace('.', '').replace(/0+$/, '');
  return { d, dp: Number(e) + 1 };
}

/** Rounds to nd digits the way Go's strconv decimal.Round does. */
function round(a: Decimal, nd: number): Decimal {
  if (nd < 0 || nd >= a.d.length) return a;
  let up: boolean;
  if (a.d[nd] === '5' && nd + 1 === a.d.length) {
    // exactly halfway: round to even
    up = nd > 0 && (a.d.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = a.d[nd]! >= '5';
  }
  if (!up) return { d: a.d.slice(0, nd).replace(/0+$/, ''), dp: a.dp };
  let i = nd - 1;
  while (i >= 0 && a.d[i] === '9') i--;
  if (i < 0) return { d: '1', dp: a.dp + 1 };
  return { d: a.d.slice(0, i) + String.fromCharCode(a.d.charCodeAt(i) + 1), dp: a.dp };
}

function fmtE(a: Decimal, prec: number, upper: boolean): string {
  let s = a.d.length > 0 ? a.d[0]! : '0';
  if (prec > 0) {
    s += '.' + a.d.slice(1, Math.min(a.d.length, prec + 1)).padEnd(prec, '0');
  }
  const exp = a.d.length === 0 ? 0 : a.dp - 1;
  const abs = Math.abs(exp);
  return s + (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (abs < 10 ? '0' : '') + abs;
}

function fmtF(a: Decimal, prec: number): string {
  let s: string;
  if (a.dp > 0) s = a.d.slice(0, a.dp).padEnd(a.dp, '0');
  else s = '0';
  if (prec > 0) {
    s += '.';
    for (let i = 0; i < prec; i++) {
      const j = a.dp + i;
      s += j >= 0 && j < a.d.length ? a.d[j] : '0';
    }
  }
  return s;
}

export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/**
 * strconv.FormatFloat(x, fmt, prec, 64). prec -1 means the shortest
 * representation that reads back exactly (what %v and JSON use).
 */
export function formatFloat(x: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  const sign = neg ? '-' : '';
  const shortest = prec < 0;
  let a: Decimal;
  if (shortest) {
    a = shortestDecimal(Math.abs(x));
    if (fmt === 'e' || fmt === 'E') prec = Math.max(a.d.length - 1, 0);
    else if (fmt === 'f') prec = Math.max(a.d.length - a.dp, 0);
    else prec = a.d.length;
  } else {
    a = exactDecimal(Math.abs(x));
    if (fmt === 'e' || fmt === 'E') a = round(a, prec + 1);
    else if (fmt === 'f') a = round(a, a.dp + prec);
    else {
      if (prec === 0) prec = 1;
      a = round(a, prec);
    }
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return sign + fmtE(a, prec, fmt === 'E');
    case 'f':
      return sign + fmtF(a, prec);
    default: {
      let eprec = prec;
      if (eprec > a.d.length && a.d.length >= a.dp) eprec = a.d.length;
      // Go: "if precision was the shortest possible, use precision 6 for this decision"
      if (shortest) eprec = 6;
      const exp = a.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > a.d.length) prec = a.d.length;
        return sign + fmtE(a, prec - 1, fmt === 'G');
      }
      if (prec > a.dp) prec = a.d.length;
      return sign + fmtF(a, Math.max(prec - a.dp, 0));
    }
  }
}

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;
export function isPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
};

/** strconv.Quote: a double-quoted Go string literal. */
export function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (SHORT_ESCAPES[ch] !== undefined) out += SHORT_ESCAPES[ch];
    else if (isPrint(ch)) out += ch;
    else if (cp < 0x20 || cp === 0x7f) out += '\\x' + hex2(cp);
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd'; // lone surrogate: invalid UTF-8 in Go
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + '"';
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** strconv.Unquote for the literals the template lexer accepts ("..." and `...`). */
export function unquote(lit: string): string | undefined {
  if (lit.length < 2) return undefined;
  const q = lit[0];
  if (q !== lit[lit.length - 1]) return undefined;
  const body = lit.slice(1, -1);
  if (q === '`') return body.includes('`') ? undefined : body.replace(/\r/g, '');
  if (q !== '"' && q !== "'") return undefined;
  let out = '';
  for (let i = 0; i < body.length; ) {
    const c = body[i]!;
    if (c === q || c === '\n') return undefined;
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const r = unescapeAt(body, i + 1, q);
    if (!r) return undefined;
    out += r.text;
    i = r.next;
  }
  return out;
}

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

/** Decodes the escape whose letter is at s[i] (just after the backslash). */
export function unescapeAt(s: string, i: number, quoteChar: string): { text: string; next: number } | undefined {
  const e = s[i];
  if (e === undefined) return undefined;
  if (SIMPLE[e] !== undefined) return { text: SIMPLE[e], next: i + 1 };
  if (e === quoteChar) return { text: e, next: i + 1 };
  const hexLen = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
  if (hexLen > 0) {
    const h = s.slice(i + 1, i + 1 + hexLen);
    if (!new RegExp(`^[0-9a-fA-F]{${hexLen}}$`).test(h)) return undefined;
    const v = parseInt(h, 16);
    if (e === 'x') return { text: latin1Byte(v), next: i + 1 + hexLen };
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
    return { text: String.fromCodePoint(v), next: i + 1 + hexLen };
  }
  if (e >= '0' && e <= '7') {
    const o = s.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(o)) return undefined;
    const v = parseInt(o, 8);
    if (v > 255) return undefined;
    return { text: latin1Byte(v), next: i + 3 };
  }
  return undefined;
}

// A \x escape is a raw byte in Go; bytes >= 0x80 alone are not valid UTF-8,
// so they print as U+FFFD on a terminal.
function latin1Byte(v: number): string {
  return v < 0x80 ? String.fromCharCode(v) : '\ufffd';
}

/** Length in bytes of the UTF-8 encoding, which is what Go's len() counts. */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The UTF-8 bytes of s (lone surrogates become U+FFFD, as Go would see them). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Decodes UTF-8 bytes; invalid or cut sequences become U+FFFD like a terminal shows them. */
export function utf8Decode(bytes: number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    const need = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xc0 && b < 0xe0 ? 1 : 0;
    let cp = b & (0x3f >> need);
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (c & 63);
    }
    if (!ok) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** s[start:end] in Go terms: byte offsets into the UTF-8 encoding. */
export function byteSlice(s: string, start: number, end?: number): string {
  return utf8Decode(utf8Bytes(s).slice(start, end));
}

/** Compares strings the way Go does (bytewise UTF-8, i.e. by code point). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const d = x.value.codePointAt(0)! - y.value.codePointAt(0)!;
    if (d !== 0) return d < 0 ? -1 : 1;
  }
}
