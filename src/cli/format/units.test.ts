import { describe, expect, it } from 'vitest';
import {
  GO_ZERO_TIME_MS,
  ago,
  bytesSize,
  formatGoTime,
  formatRFC3339,
  formatRFC3339Nano,
  humanDuration,
  humanSize,
  humanSizeWithPrecision,
} from './units.ts';

describe('humanSize (HumanSizeWithPrecision(size, 3), decimal units)', () => {
  it.each([
    [0, '0B'],
    [1, '1B'],
    [999, '999B'],
    [1000, '1kB'],
    [4096, '4.1kB'],
    [4100, '4.1kB'],
    [12250, '12.2kB'], // Go's %g rounds an exact tie to even
    [999499, '999kB'],
    [999500, '1e+03kB'], // %.3g of 999.5: Docker really prints this
    [1000000, '1MB'],
    [1234567, '1.23MB'],
    [1980000, '1.98MB'],
    [4261550, '4.26MB'],
    [72900000, '72.9MB'],
    [210000000, '210MB'],
    [1.2e9, '1.2GB'],
    [1e15, '1PB'],
    [1e18, '1EB'],
    [1e24, '1YB'],
    [1e30, '1e+06YB'],
  ])('%s -> %s', (n, want) => {
    expect(humanSize(n)).toBe(want);
  });

  it('is go-units HumanSize with precision 4', () => {
    expect(humanSizeWithPrecision(2746000, 4)).toBe('2.746MB');
    expect(humanSizeWithPrecision(0, 4)).toBe('0B');
    expect(humanSizeWithPrecision(1234567, 4)).toBe('1.235MB');
  });
});

describe('bytesSize (BytesSize, binary units, %.4g)', () => {
  it.each([
    [0, '0B'],
    [512, '512B'],
    [1024, '1KiB'],
    [1536, '1.5KiB'],
    [1572864, '1.5MiB'],
    [8232370176, '7.667GiB'],
    [1023.9, '1024B'],
    [1024 ** 4 * 3, '3TiB'],
  ])('%s -> %s', (n, want) => {
    expect(bytesSize(n)).toBe(want);
  });
});

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (go-units HumanDuration)', () => {
  it.each([
    [-5 * S, 'Less than a second'],
    [0, 'Less than a second'],
    [999, 'Less than a second'],
    [S, '1 second'],
    [1999, '1 second'],
    [2 * S, '2 seconds'],
    [59 * S + 999, '59 seconds'],
    [M, 'About a minute'],
    [2 * M - 1, 'About a minute'],
    [2 * M, '2 minutes'],
    [59 * M + 59 * S, '59 minutes'],
    [H, 'About an hour'],
    [89 * M, 'About an hour'],
    [90 * M, '2 hours'], // hours round to nearest
    [47 * H + 29 * M, '47 hours'],
    [47 * H + 30 * M, '2 days'],
    [13 * D + 11 * H, '13 days'],
    [14 * D, '2 weeks'],
    [59 * D, '8 weeks'],
    [60 * D, '2 months'],
    [364 * D, '12 months'],
    [729 * D, '24 months'],
    [730 * D, '2 years'],
    [3 * 365 * D + 100 * D, '3 years'],
  ])('%s ms -> %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });

  it('ago adds " ago" as the CREATED columns do', () => {
    expect(ago(70 * S)).toBe('About a minute ago');
    expect(ago(3 * S)).toBe('3 seconds ago');
  });
});

describe('Go time layouts (UTC)', () => {
  const t = Date.UTC(2026, 10, 23, 12, 28, 9);

  it('time.Time.String()', () => {
    expect(formatGoTime(t)).toBe('2026-11-23 12:28:09 +0000 UTC');
    expect(formatGoTime(t + 539)).toBe('2026-11-23 12:28:09.539 +0000 UTC');
    expect(formatGoTime(t + 500)).toBe('2026-11-23 12:28:09.5 +0000 UTC');
  });

  it('RFC3339Nano trims trailing zeros and the dot', () => {
    const u = Date.UTC(2026, 10, 23, 12, 50, 53);
    expect(formatRFC3339Nano(u + 539, 850671)).toBe('2026-11-23T12:50:53.539850671Z');
    expect(formatRFC3339Nano(u + 539)).toBe('2026-11-23T12:50:53.539Z');
    expect(formatRFC3339Nano(u + 500)).toBe('2026-11-23T12:50:53.5Z');
    expect(formatRFC3339Nano(u + 10)).toBe('2026-11-23T12:50:53.01Z');
    expect(formatRFC3339Nano(u)).toBe('2026-11-23T12:50:53Z');
    expect(formatRFC3339Nano(u, 100)).toBe('2026-11-23T12:50:53.0000001Z');
    expect(formatRFC3339(u + 999)).toBe('2026-11-23T12:50:53Z');
  });

  it("prints Go's zero time and early years with four digits", () => {
    expect(formatRFC3339Nano(GO_ZERO_TIME_MS)).toBe('0001-01-01T00:00:00Z');
    expect(formatGoTime(GO_ZERO_TIME_MS)).toBe('0001-01-01 00:00:00 +0000 UTC');
    expect(formatRFC3339Nano(0)).toBe('1970-01-01T00:00:00Z');
    expect(formatRFC3339Nano(-1)).toBe('1969-12-31T23:59:59.999Z');
  });
});
