// The few Go library behaviours whose exact results and messages show
// through Dockerfile errors: time.ParseDuration, strconv.ParseInt/ParseUint/
// ParseBool, and buildkit's "did you mean" suggestion (levenshtein < 3).

import { goQuote } from '../../goquote.ts';

export type GoResult<T> = { ok: true; value: T } | { ok: false; error: string };

const NS: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  'µs': 1000n,
  'μs': 1000n,
  ms: 1000000n,
  s: 1000000000n,
  m: 60000000000n,
  h: 3600000000000n,
};
const MAX = 1n << 63n;

/** time.ParseDuration, in nanoseconds. */
export function parseDuration(orig: string): GoResult<number> {
  const invalid = { ok: false as const, error: `time: invalid duration ${goQuote(orig)}` };
  let s = orig;
  let neg = false;
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, value: 0 };
  if (s === '') return invalid;
  let d = 0n;
  while (s !== '') {
    if (!(s[0] === '.' || (s[0] >= '0' && s[0] <= '9'))) return invalid;
    const intPart = /^[0-9]*/.exec(s)![0];
    s = s.slice(intPart.length);
    let v = intPart === '' ? 0n : BigInt(intPart);
    if (v >= MAX) return invalid;
    let frac = '';
    let post = false;
    if (s !== '' && s[0] === '.') {
      s = s.slice(1);
      frac = /^[0-9]*/.exec(s)![0];
      s = s.slice(frac.length);
      post = frac.length > 0;
    }
    if (intPart === '' && !post) return invalid;
    const unitLen = s.search(/[.0-9]/);
    const u = unitLen < 0 ? s : s.slice(0, unitLen);
    if (u === '') return { ok: false, error: `time: missing unit in duration ${goQuote(orig)}` };
    s = s.slice(u.length);
    const unit = NS[u];
    if (unit === undefined) return { ok: false, error: `time: unknown unit ${goQuote(u)} in duration ${goQuote(orig)}` };
    if (v > MAX / unit) return invalid;
    v *= unit;
    if (frac !== '') {
      // Go keeps the digits that fit in an int64, then f * (unit / scale).
      const kept = frac.slice(0, 18);
      v += BigInt(Math.floor(Number(kept) * (Number(unit) / 10 ** kept.length)));
      if (v > MAX) return invalid;
    }
    d += v;
    if (d > MAX) return invalid;
  }
  if (!neg && d > MAX - 1n) return invalid;
  return { ok: true, value: neg ? -Number(d) : Number(d) };
}

/** strconv.ParseInt(s, 10, bits). */
export function parseInt10(s: string, bits: number): GoResult<number> {
  const m = /^[+-]?[0-9]+$/.exec(s);
  if (!m) return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: invalid syntax` };
  const v = BigInt(s);
  const lim = 1n << BigInt(bits - 1);
  if (v >= lim || v < -lim) return { ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: value out of range` };
  return { ok: true, value: Number(v) };
}

/** strconv.ParseUint(s, base, bits) for base 8 or 10. */
export function parseUint(s: string, base: 8 | 10, bits: number): GoResult<number> {
  const re = base === 8 ? /^[0-7]+$/ : /^[0-9]+$/;
  if (!re.test(s)) return { ok: false, error: `strconv.ParseUint: parsing ${goQuote(s)}: invalid syntax` };
  const v = BigInt(base === 8 ? '0o' + s : s);
  if (v >= 1n << BigInt(bits)) return { ok: false, error: `strconv.ParseUint: parsing ${goQuote(s)}: value out of range` };
  return { ok: true, value: Number(v) };
}

/** strconv.ParseBool. */
export function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

function levenshtein(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length];
}

/**
 * buildkit's suggest.WrapError: `message (did you mean X?)` when an option is
 * fewer than 3 edits away. buildkit walks a Go map, so among equally close
 * options its pick varies; here the first in `options` wins.
 */
export function withSuggestion(message: string, value: string, options: readonly string[], caseSensitive: boolean): string {
  const val = caseSensitive ? value : value.toLowerCase();
  let match = '';
  let min = 3;
  for (const o of options) {
    const opt = caseSensitive ? o : o.toLowerCase();
    if (opt === val) return message;
    const dist = levenshtein(val, opt);
    if (dist < min) {
      min = dist;
      match = caseSensitive ? opt : matchCase(opt, value);
    }
  }
  return match === '' ? message : `${message} (did you mean ${match}?)`;
}

function matchCase(val: string, orig: string): string {
  if (orig === orig.toLowerCase()) return val.toLowerCase();
  if (orig === orig.toUpperCase()) return val.toUpperCase();
  return val;
}
