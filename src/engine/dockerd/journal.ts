// The journal of docker.service as journalctl (systemd 252) prints it:
// systemd's lines about the unit and dockerd's, logrus-formatted
// (`time="…" level=info msg="…"`) or as written to stderr.
import type { Daemon } from '../daemon.ts';
import type { DaemonLogEntry } from '../config.ts';
import { dockerdPidAt } from './lifecycle.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** journalctl's short format time: `Dec 06 12:00:00` (UTC, the host's zone). */
export function shortTime(ms: number): string {
  const d = new Date(ms);
  return `${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** systemctl's timestamps: `Sun 2026-12-06 12:00:00 UTC`. */
export function systemdTime(ms: number): string {
  const d = new Date(ms);
  return `${DAYS[d.getUTCDay()]} ${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC`;
}

/** systemd's format_timestamp_relative: `5min 3s ago`, `1h 2min ago`. */
export function relativeTime(ms: number, now: number): string {
  const us = Math.max(0, now - ms) * 1000;
  const S = 1_000_000;
  const MIN = 60 * S;
  const H = 60 * MIN;
  const D = 24 * H;
  if (us >= D) return `${Math.floor(us / D)} day${Math.floor(us / D) === 1 ? '' : 's'} ${Math.floor((us % D) / H)}h ago`;
  if (us >= H) return `${Math.floor(us / H)}h ${Math.floor((us % H) / MIN)}min ago`;
  if (us >= MIN) return `${Math.floor(us / MIN)}min ${Math.floor((us % MIN) / S)}s ago`;
  if (us >= S) return `${Math.floor(us / S)}s ago`;
  if (us >= 1000) return `${Math.floor(us / 1000)}ms ago`;
  return us > 0 ? `${us}us ago` : 'now';
}

/** logrus's text formatter quotes a value unless it is made only of these characters. */
function logrusValue(v: string): string {
  return v !== '' && /^[a-zA-Z0-9\-._/@^+]+$/.test(v) ? v : JSON.stringify(v);
}

/** dockerd's time field: RFC 3339 with nine fraction digits, UTC. */
function logrusTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000000Z`;
}

/** One entry's message as the journal holds it (what follows `dockerd[612]: `). */
export function entryMessage(e: DaemonLogEntry): string {
  if (e.source === 'systemd' || e.source === 'stderr') return e.msg;
  let line = `time="${logrusTime(e.time)}" level=${e.level} msg=${logrusValue(e.msg)}`;
  for (const [k, v] of e.fields ?? []) line += ` ${k}=${logrusValue(v)}`;
  return line;
}

/** journalctl's short line for an entry. */
export function journalLine(daemon: Daemon, e: DaemonLogEntry, hostname: string): string {
  const who = e.source === 'systemd' ? 'systemd[1]' : `dockerd[${dockerdPidAt(daemon, e)}]`;
  return `${shortTime(e.time)} ${hostname} ${who}: ${entryMessage(e)}`;
}

/** The explanation `journalctl -x` prints under systemd's lines about a job (its message catalog, Debian's support URL). */
export function catalog(e: DaemonLogEntry, unit: string, job: number): string[] {
  if (e.source !== 'systemd') return [];
  const entry = (subject: string, body: string[]) => ['░░ Subject: ' + subject, '░░ Defined-By: systemd', '░░ Support: https://www.debian.org/support', '░░ ', ...body.map((b) => (b === '' ? '░░ ' : `░░ ${b}`))];
  const m = e.msg;
  if (m.startsWith('Starting ')) return entry(`A start job for unit ${unit} has begun execution`, [`A start job for unit ${unit} has begun execution.`, '', `The job identifier is ${job}.`]);
  if (m.startsWith('Started ')) return entry(`A start job for unit ${unit} has finished successfully`, [`A start job for unit ${unit} has finished successfully.`, '', `The job identifier is ${job}.`]);
  if (m.startsWith('Failed to start ')) return entry(`A start job for unit ${unit} has failed`, [`A start job for unit ${unit} has finished with a failure.`, '', `The job identifier is ${job} and the job result is failed.`]);
  if (m.startsWith('Stopping ')) return entry(`A stop job for unit ${unit} has begun execution`, [`A stop job for unit ${unit} has begun execution.`, '', `The job identifier is ${job}.`]);
  if (m.startsWith('Stopped ')) return entry(`A stop job for unit ${unit} has finished`, [`A stop job for unit ${unit} has finished.`, '', `The job identifier is ${job} and the job result is done.`]);
  if (m.endsWith('Main process exited, code=exited, status=1/FAILURE')) {
    return entry('Unit process exited', [`An ExecStart= process belonging to unit ${unit} has exited.`, '', "The process' exit code is 'exited' and its exit status is 1."]);
  }
  if (m.includes("Failed with result 'exit-code'")) return entry('Unit failed', [`The unit ${unit} has entered the 'failed' state with result 'exit-code'.`]);
  if (m.endsWith('Deactivated successfully.')) return entry('Unit succeeded', [`The unit ${m.slice(0, m.indexOf(':'))} has successfully entered the 'dead' state.`]);
  return [];
}
