// docker/go-units sizes and durations, and the two Go time layouts Docker
// prints, reproduced exactly (Go's %g rounding included).

import { formatFloat } from './strconv.ts';

const DECIMAL = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function sizeAndUnit(size: number, base: number, units: string[]): [number, string] {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return [size, units[i]!];
}

/**
 * units.HumanSizeWithPrecision: decimal units, `%.<precision>g`. Go's %g
 * switches to an exponent when rounding reaches 10^precision, so 999500
 * bytes print as "1e+03kB" in Docker too.
 */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  const [size, unit] = sizeAndUnit(bytes, 1000, DECIMAL);
  return formatFloat(size, 'g', precision) + unit;
}

/**
 * What `docker images`, `docker ps -s`, `docker history` and the NET/BLOCK I/O
 * columns of `docker stats` print: HumanSizeWithPrecision(size, 3).
 * (go-units' own HumanSize, used by `docker system df` and "Total reclaimed
 * space", is humanSizeWithPrecision(size, 4).)
 */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 3);
}

/** units.BytesSize: binary units, 4 significant digits ("1.5MiB"), as `docker stats` MEM USAGE. */
export function bytesSize(bytes: number): string {
  const [size, unit] = sizeAndUnit(bytes, 1024, BINARY);
  return formatFloat(size, 'g', 4) + unit;
}

// HumanDuration lives with the engine, which words `docker ps` STATUS itself.
export { humanDuration } from '../../engine/container/duration.ts';
import { humanDuration } from '../../engine/container/duration.ts';

/** "About a minute ago": the CREATED column of `docker ps` and `docker images`. */
export function ago(ms: number): string {
  return humanDuration(ms) + ' ago';
}

/** Go's zero time.Time (0001-01-01T00:00:00Z), which docker inspect shows for unset times. */
export const GO_ZERO_TIME_MS = -62135596800000;

interface Parts {
  date: string;
  time: string;
  frac: string; // ".123" with trailing zeros trimmed, or ""
}

// Go's times have nanoseconds; ours have milliseconds. subMsNanos (0-999999)
// lets a caller supply the finer digits a real daemon would have.
function parts(ms: number, subMsNanos: number): Parts {
  const whole = Math.floor(ms);
  const d = new Date(whole);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const y = d.getUTCFullYear();
  const year = y < 0 ? '-' + String(-y).padStart(4, '0') : String(y).padStart(4, '0');
  const nanos = (((whole % 1000) + 1000) % 1000) * 1e6 + Math.trunc(subMsNanos);
  const frac = nanos === 0 ? '' : '.' + String(nanos).padStart(9, '0').replace(/0+$/, '');
  return {
    date: `${year}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    time: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    frac,
  };
}

/**
 * time.Time.String() in UTC: "2026-11-23 12:28:09 +0000 UTC" (fractional
 * seconds only when non-zero). Docker's {{.CreatedAt}} comes from whole
 * Unix seconds, so callers pass a whole-second value there.
 */
export function formatGoTime(ms: number, subMsNanos = 0): string {
  const p = parts(ms, subMsNanos);
  return `${p.date} ${p.time}${p.frac} +0000 UTC`;
}

/** time.RFC3339Nano in UTC, trailing zeros trimmed: "2026-11-23T12:50:53.539Z". */
export function formatRFC3339Nano(ms: number, subMsNanos = 0): string {
  const p = parts(ms, subMsNanos);
  return `${p.date}T${p.time}${p.frac}Z`;
}

/** time.RFC3339 in UTC (whole seconds): "2026-11-23T12:50:53Z". */
export function formatRFC3339(ms: number): string {
  const p = parts(ms, 0);
  return `${p.date}T${p.time}Z`;
}
