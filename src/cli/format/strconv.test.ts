import { describe, expect, it } from 'vitest';
import { byteSlice, compareStrings, formatFloat, quote, unquote, utf8Length } from './strconv.ts';

describe('formatFloat shortest %v (strconv g, -1)', () => {
  // Go switches to an exponent when exp < -4 || exp >= 6 for the shortest
  // form ("use precision 6 for this decision"); 21 is JSON's cutoff, not fmt's.
  it.each([
    [137, '137'],
    [0, '0'],
    [-0, '-0'],
    [1.5, '1.5'],
    [123456, '123456'],
    [999999, '999999'],
    [1e6, '1e+06'],
    [1234567, '1.234567e+06'],
    [4261550, '4.26155e+06'],
    [1980000, '1.98e+06'],
    [72900000, '7.29e+07'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [608863452348.1149, '6.088634523481149e+11'],
    [1e21, '1e+21'],
    [1e100, '1e+100'],
    [-2.5e-7, '-2.5e-07'],
    [0.1 + 0.2, '0.30000000000000004'],
    [NaN, 'NaN'],
    [Infinity, '+Inf'],
    [-Infinity, '-Inf'],
  ])('%s -> %s', (x, want) => {
    expect(formatFloat(x, 'g', -1)).toBe(want);
  });
});

describe('formatFloat with a precision rounds the exact value, ties to even', () => {
  it.each([
    [999.5, 'g', 3, '1e+03'], // 999.5 is exact: a tie, 9 is odd, rounds up
    [999.4, 'g', 3, '999'],
    [1.98, 'g', 3, '1.98'],
    [12.25, 'g', 3, '12.2'], // exact tie, 2 is even (JS toPrecision says 12.3)
    [12.35, 'g', 3, '12.3'], // 12.35 is really 12.3499999...
    [4.1, 'g', 3, '4.1'],
    [100, 'g', 3, '100'],
    [1000, 'g', 3, '1e+03'],
    [210, 'g', 3, '210'],
    [0.0001234, 'g', 3, '0.000123'],
    [1.5, 'g', 4, '1.5'],
    [0.125, 'f', 2, '0.12'], // JS toFixed says 0.13
    [0.375, 'f', 2, '0.38'],
    [2.5, 'f', 0, '2'],
    [3.5, 'f', 0, '4'],
    [0.5, 'f', 0, '0'],
    [1.005, 'f', 2, '1.00'],
    [3.14159, 'f', 2, '3.14'],
    [0.001, 'f', 1, '0.0'],
    [0.09, 'f', 0, '0'],
    [0.9, 'f', 0, '1'],
    [99.99, 'f', 1, '100.0'],
    [1234.5678, 'e', 6, '1.234568e+03'],
    [0, 'e', 2, '0.00e+00'],
    [1e-10, 'e', 1, '1.0e-10'],
    [1234.5678, 'E', 2, '1.23E+03'],
    [3.14159, 'f', 6, '3.141590'],
    [-1.5, 'f', 1, '-1.5'],
  ] as const)('%s %s %s -> %s', (x, fmt, prec, want) => {
    expect(formatFloat(x, fmt, prec)).toBe(want);
  });
});

describe('quote (strconv.Quote)', () => {
  it.each([
    ['hi', '"hi"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\tnl\n', '"tab\\tnl\\n"'],
    ['\x1b[0m', '"\\x1b[0m"'],
    ['\x7f', '"\\x7f"'],
    ['héllo 世界', '"héllo 世界"'],
    ['\u00ad', '"\\u00ad"'],
    ['\u2028', '"\\u2028"'],
    ['\u{1F600}', '"\u{1F600}"'],
    ['\u{E0001}', '"\\U000e0001"'],
  ])('%j', (s, want) => {
    expect(quote(s)).toBe(want);
  });
});

describe('unquote', () => {
  it('handles Go escapes and raw strings', () => {
    expect(unquote('"a\\tb\\u00e9\\x41\\101"')).toBe('a\tbéAA');
    expect(unquote('`raw\\n`')).toBe('raw\\n');
    expect(unquote('"bad\\q"')).toBeUndefined();
    expect(unquote('"unterminated')).toBeUndefined();
  });
});

describe('UTF-8 helpers', () => {
  it('counts bytes like Go len()', () => {
    expect(utf8Length('abc')).toBe(3);
    expect(utf8Length('héllo')).toBe(6);
    expect(utf8Length('世界')).toBe(6);
    expect(utf8Length('\u{1F600}')).toBe(4);
  });

  it('slices by byte offset; a cut rune shows as U+FFFD', () => {
    expect(byteSlice('héllo', 0, 3)).toBe('hé');
    expect(byteSlice('héllo', 0, 2)).toBe('h\ufffd');
    expect(byteSlice('abc', 1)).toBe('bc');
  });

  it('compares by code point (Go byte order), not UTF-16 unit', () => {
    expect(compareStrings('a', 'b')).toBe(-1);
    expect(compareStrings('b', 'a')).toBe(1);
    expect(compareStrings('ab', 'a')).toBe(1);
    expect(compareStrings('\uffff', '\u{10000}')).toBe(-1); // UTF-16 order would say otherwise
  });
});
