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

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Go's Duration.Seconds()/Minutes()/Hours(): whole units plus the fraction. */
function inUnits(ms: number, unit: number): number {
  return Math.trunc(ms / unit) + (ms % unit) / unit;
}

/** units.HumanDuration, for a duration in milliseconds. */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(inUnits(ms, SECOND));
  if (seconds < 1) return 'Less than a second';
  if (seconds === 1) return '1 second';
  if (seconds < 60) return `${seconds} seconds`;
  const minutes = Math.trunc(inUnits(ms, MINUTE));
  if (minutes === 1) return 'About a minute';
  if (minutes < 60) return `${minutes} minutes`;
  // Hours round to the nearest; the larger units then divide whole hours down.
  const hours = Math.trunc(inUnits(ms, HOUR) + 0.5);
  if (hours === 1) return 'About an hour';
  if (hours < 48) return `${hours} hours`;
  if (hours < 24 * 7 * 2) return `${Math.trunc(hours / 24)} days`;
  if (hours < 24 * 30 * 2) return `${Math.trunc(hours / 24 / 7)} weeks`;
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24 / 30)} months`;
  return `${Math.trunc(Math.trunc(inUnits(ms, HOUR)) / 24 / 365)} years`;
}

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
