// What each instruction writes in an image's history (`docker history`'s
// CREATED BY) and, for the legacy builder, in the intermediate container's
// command — the text both builders record, checked against a real engine
// (legacy) and buildkit's dockerfile2llb (BuildKit).

import { goQuote } from '../goquote.ts';
import type { Healthcheck } from './parser/index.ts';

/** Go's `%q` of a []string: `["sh" "-c" "echo"]`. */
export function goQuoteList(words: readonly string[]): string {
  return `[${words.map(goQuote).join(' ')}]`;
}

/** Go's `%v` of a []string: `[/bin/sh -c]`. */
export function goList(words: readonly string[]): string {
  return `[${words.join(' ')}]`;
}

/** Go's time.Duration String() for nanoseconds. */
export function goDuration(ns: number): string {
  if (ns === 0) return '0s';
  const neg = ns < 0;
  let n = Math.abs(ns);
  let out: string;
  if (n < 1e3) out = `${n}ns`;
  else if (n < 1e6) out = `${trimFraction(n / 1e3)}µs`;
  else if (n < 1e9) out = `${trimFraction(n / 1e6)}ms`;
  else {
    const h = Math.floor(n / 3.6e12);
    n -= h * 3.6e12;
    const m = Math.floor(n / 6e10);
    n -= m * 6e10;
    const s = `${trimFraction(n / 1e9)}s`;
    out = h > 0 ? `${h}h${m}m${s}` : m > 0 ? `${m}m${s}` : s;
  }
  return neg ? `-${out}` : out;
}

function trimFraction(x: number): string {
  return String(Number(x.toFixed(9)));
}

/** Go's `%q` of an int: a quoted rune (`'\x03'`, `'A'`). */
function goRune(n: number): string {
  if (n >= 0x20 && n < 0x7f && n !== 0x27 && n !== 0x5c) return `'${String.fromCharCode(n)}'`;
  if (n === 0x27) return `'\\''`;
  if (n === 0x5c) return `'\\\\'`;
  const named: Record<number, string> = { 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' };
  if (named[n]) return `'${named[n]}'`;
  if (n < 0x100) return `'\\x${n.toString(16).padStart(2, '0')}'`;
  return `'${String.fromCodePoint(n)}'`;
}

/** Go's `%q` of a *HealthConfig (Docker 28: Test, Interval, Timeout, StartPeriod, StartInterval, Retries). */
export function goHealthcheck(h: Healthcheck): string {
  const durations = [h.interval, h.timeout, h.startPeriod, h.startInterval].map((d) => `"${goDuration(d)}"`);
  return `&{${goQuoteList(h.test)} ${durations.join(' ')} ${goRune(h.retries)}}`;
}

/**
 * The legacy builder's container command for a metadata step:
 * `[shell..., "#(nop) ", comment]`, which `docker history` joins with spaces
 * (hence the two spaces in `/bin/sh -c #(nop)  CMD ["sh"]`).
 */
export function nopCommand(shell: readonly string[], comment: string): string[] {
  return [...shell, '#(nop) ', comment];
}

/** The same with one word (`#(nop) COPY ...`, `#(nop) WORKDIR /app`): one space. */
export function nopCommandString(shell: readonly string[], comment: string): string[] {
  return [...shell, `#(nop) ${comment}`];
}

/**
 * RUN's recorded command with the build args it used: `|1 V=2 /bin/sh -c
 * true` (`|0 ...` when only predefined proxy args were given: moby counts
 * what it shows, not what it hides).
 */
export function withBuildArgs(args: readonly string[], cmd: readonly string[]): string[] {
  return [`|${args.length}`, ...args, ...cmd];
}
