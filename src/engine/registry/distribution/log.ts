// How `registry serve` logs: logrus' TextFormatter without a terminal
// (time="RFC3339Nano" level=... msg="..." then the fields sorted by key,
// quoted with Go's %q when they hold anything but [A-Za-z0-9-._/@^+]), and
// gorilla/handlers' combined access log on stdout.
import type { Exchange } from './fs-registry.ts';
import { errorMessage, logCode } from './errcode.ts';
import { goQuote } from '../../goquote.ts';

/** logrus TextFormatter.needsQuoting. */
function needsQuoting(s: string): boolean {
  return !/^[A-Za-z0-9\-._/@^+]*$/.test(s);
}

const value = (s: string) => (needsQuoting(s) ? goQuote(s) : s);

/** time.RFC3339Nano: `2026-12-06T12:00:00.123Z` (trailing zeros of the fraction dropped, none when whole). */
export function rfc3339Nano(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d+)Z$/, (_, f: string) => (/^0+$/.test(f) ? 'Z' : `.${f.replace(/0+$/, '')}Z`));
}

const LEVELS: Record<string, number> = { debug: 5, info: 4, warning: 3, error: 2, fatal: 1, panic: 0 };

/** Whether a line of `level` shows at the configured log.level (warn is logrus' warning). */
export function shows(level: string, configured: string): boolean {
  const c = configured === 'warn' ? 'warning' : configured;
  return (LEVELS[level] ?? 4) <= (LEVELS[c] ?? 4);
}

/** One logrus line. */
export function logLine(ms: number, level: string, msg: string, fields: Array<[string, string]>): string {
  const sorted = [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `time="${rfc3339Nano(ms)}" level=${level} msg=${goQuote(msg)}${sorted.map(([k, v]) => ` ${k}=${value(v)}`).join('')}\n`;
}

/** Go's Duration.String for a sub-second span in microseconds: `897.123µs`, `2.407957ms`. */
export function goDuration(micros: number): string {
  if (micros < 1000) return `${trim(micros.toFixed(3))}µs`;
  return `${trim((micros / 1000).toFixed(6))}ms`;
}

const trim = (s: string) => (s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s);

export interface RequestContext {
  host: string;
  remoteAddr: string;
  userAgent: string;
  referer: string;
  requestId: string;
  /** A duration for the line, µs. */
  micros: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** The lines one exchange writes: the response logger's (stderr) and the access log's (stdout). */
export function requestLines(ms: number, goVersion: string, e: Exchange, r: RequestContext): { stderr: string; stdout: string } {
  const fields: Array<[string, string]> = [
    ['go.version', goVersion],
    ['http.request.host', r.host],
    ['http.request.id', r.requestId],
    ['http.request.method', e.method],
    ['http.request.remoteaddr', r.remoteAddr],
    ['http.request.uri', e.uri],
    ['http.request.useragent', r.userAgent],
    ['http.response.contenttype', e.contentType],
    ['http.response.duration', goDuration(r.micros)],
    ['http.response.status', String(e.status)],
    ['http.response.written', String(e.written)],
  ];
  let stderr = '';
  // the handler's own lines carry the request's fields and the route's vars
  const requestFields = fields.filter(([k]) => !k.startsWith('http.response.'));
  const vars = Object.entries(e.vars ?? {}).map(([k, v]) => [`vars.${k}`, v] as [string, string]);
  for (const msg of e.infos ?? []) stderr += logLine(ms, 'info', msg, [...requestFields, ...vars]);
  if (e.error) {
    // logError: the error's fields and the route's vars beside the response's
    const errFields: Array<[string, string]> = [
      ['err.code', logCode(e.error.code)],
      ['err.message', errorMessage(e.error)],
      ...(e.error.logDetail !== undefined ? [['err.detail', e.error.logDetail] as [string, string]] : []),
      ...Object.entries(e.vars ?? {}).map(([k, v]) => [`vars.${k}`, v] as [string, string]),
    ];
    stderr += logLine(ms, 'error', 'response completed with error', [...errFields, ...fields]);
  } else if (e.status >= 200 && e.status <= 399) stderr += logLine(ms, 'info', 'response completed', fields);
  const d = new Date(ms);
  const time = `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
  const host = r.remoteAddr.replace(/:\d+$/, '');
  const stdout = `${host} - - [${time}] "${e.method} ${e.uri} HTTP/1.1" ${e.status} ${e.written} ${goQuote(r.referer)} ${goQuote(r.userAgent)}\n`;
  return { stderr, stdout };
}

/** A version 4 UUID from a 32-bit state (deterministic under the virtual clock), and the next state. */
export function uuid4(state: number): [string, number] {
  let s = state >>> 0;
  const bytes: number[] = [];
  for (let i = 0; i < 16; i++) {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    bytes.push((s >>> 24) & 0xff);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
  return [`${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`, s];
}
