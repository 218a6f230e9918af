// `--since` / `--until` values as docker/cli reads them (opts.GetTimestamp):
// a duration relative to now (`10m`, `1h30m`), a Unix timestamp, or an RFC
// 3339 date.

import { CliError } from '../../command.ts';

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * The instant a `--since`/`--until` value names. `flag` given, a value that
 * is neither a duration, a timestamp nor a date fails as the API client's
 * GetTimestamp does (`invalid value for "since": failed to parse ...`).
 */
export function parseTimeArg(value: string, now: number, flag?: string): number {
  const dur = /^(?:(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h))+$/.test(value) ? parseDuration(value) : undefined;
  if (dur !== undefined) return now - dur;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const t = Date.parse(value);
  if (!Number.isNaN(t)) return t;
  if (flag !== undefined) throw new CliError(`invalid value for "${flag}": failed to parse value as time or duration: "${value}"`, 1);
  return now;
}

function parseDuration(s: string): number {
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * UNITS[m[2]!]!;
  return total;
}
