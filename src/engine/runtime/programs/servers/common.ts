// What the servers share: reading the container's files, waiting for a
// signal, clock formats of their logs, and HTTP/1.1 requests and responses.
import type { Fs } from '../../../fs/types.ts';
import type { ProcessContext } from '../../process.ts';
import { decodeText } from '../../sh/io.ts';

/** A text file of the container, or null when it cannot be read. */
export function readText(fs: Fs, path: string): string | null {
  try {
    return decodeText(fs.readFile(path));
  } catch {
    return null;
  }
}

export function isDir(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

/** The version an image's environment declares for its server (NGINX_VERSION=1.29.1 ...), else the fallback. */
export function imageVersion(ctx: ProcessContext, name: string, fallback: string): string {
  const v = ctx.env.get(name);
  return v && /^\d+(\.\d+)+$/.test(v) ? v : fallback;
}

/**
 * The upstream version of the first installed Debian package of `names`
 * (from /var/lib/dpkg/status: 1.22.1-9+deb12u1 → 1.22.1), or null.
 */
export function dpkgVersion(fs: Fs, names: string[]): string | null {
  const status = readText(fs, '/var/lib/dpkg/status');
  if (!status) return null;
  for (const block of status.split(/\n\n+/)) {
    const name = /^Package: (\S+)$/m.exec(block)?.[1];
    if (!name || !names.includes(name) || !/^Status: install ok installed$/m.test(block)) continue;
    const v = /^Version: (?:\d+:)?([^-\s]+)/m.exec(block)?.[1];
    if (v) return v.replace(/[+~].*$/, '');
  }
  return null;
}

/** Where a log file really goes: the process's stdout or stderr when it links there (the official images), else the file. */
export function logSink(ctx: ProcessContext, path: string): { write(line: string): void; stream: 'stdout' | 'stderr' | 'file' } {
  let target = path;
  for (let hops = 0; hops < 8; hops++) {
    try {
      if (ctx.fs.lstat(target).type !== 'symlink') break;
      const link = ctx.fs.readlink(target);
      target = link.startsWith('/') ? link : `${target.slice(0, target.lastIndexOf('/'))}/${link}`;
    } catch {
      break;
    }
  }
  if (target === '/dev/stderr' || target === '/proc/self/fd/2') return { write: (l) => ctx.stderr.write(l), stream: 'stderr' };
  if (target === '/dev/stdout' || target === '/proc/self/fd/1') return { write: (l) => ctx.stdout.write(l), stream: 'stdout' };
  return {
    write: (l) => {
      try {
        if (isDir(ctx.fs, path.slice(0, path.lastIndexOf('/')) || '/')) ctx.fs.writeFile(path, new TextEncoder().encode(l), { append: true });
      } catch {
        // an unwritable log loses the line, as the server would report once at start
      }
    },
    stream: 'file',
  };
}

/** The address Docker's /etc/hosts gives this container's hostname (172.17.0.2 on the default bridge). */
export function containerAddress(ctx: ProcessContext): string {
  const hosts = readText(ctx.fs, '/etc/hosts') ?? '';
  for (const line of hosts.split('\n')) {
    const [addr, ...names] = line.trim().split(/\s+/);
    if (addr && names.includes(ctx.hostname) && !addr.includes(':') && !addr.startsWith('127.')) return addr;
  }
  return '127.0.1.1';
}

/**
 * Resolves with the first of `signals` delivered to the process; the
 * handlers stay installed, so a second signal during shutdown changes
 * nothing (as the servers mask them while exiting).
 */
export function waitForSignal(ctx: ProcessContext, signals: number[]): Promise<number> {
  return new Promise((resolve) => {
    for (const s of signals) ctx.onSignal(s, (sig) => resolve(sig));
  });
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

/** The parts of a UTC time (containers run in UTC). */
function parts(ms: number) {
  const d = new Date(ms);
  return {
    y: d.getUTCFullYear(),
    mon: d.getUTCMonth(),
    d: d.getUTCDate(),
    h: d.getUTCHours(),
    m: d.getUTCMinutes(),
    s: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(),
    wd: d.getUTCDay(),
  };
}

/** `2025/08/13 15:21:29`: nginx's error log. */
export function nginxTime(ms: number): string {
  const t = parts(ms);
  return `${t.y}/${p2(t.mon + 1)}/${p2(t.d)} ${p2(t.h)}:${p2(t.m)}:${p2(t.s)}`;
}

/** `13/Aug/2025:15:21:29 +0000`: the common log format's $time_local. */
export function clfTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mon]}/${t.y}:${p2(t.h)}:${p2(t.m)}:${p2(t.s)} +0000`;
}

/** `13 Aug 2025 15:21:29.123`: redis's log (strftime "%d %b %Y %H:%M:%S." and milliseconds). */
export function redisTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)} ${MONTHS[t.mon]} ${t.y} ${p2(t.h)}:${p2(t.m)}:${p2(t.s)}.${p3(t.ms)}`;
}

/** `Sun Dec 06 04:57:31.123456 2026`: Apache's error log (microseconds). */
export function apacheTime(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]} ${MONTHS[t.mon]} ${p2(t.d)} ${p2(t.h)}:${p2(t.m)}:${p2(t.s)}.${p3(t.ms)}000 ${t.y}`;
}

/** `Aug 13, 2025 3:21:29 PM`: java.util.logging.SimpleFormatter's default date (Tomcat 7's console). */
export function julTime(ms: number): string {
  const t = parts(ms);
  const h12 = t.h % 12 === 0 ? 12 : t.h % 12;
  return `${MONTHS[t.mon]} ${p2(t.d)}, ${t.y} ${h12}:${p2(t.m)}:${p2(t.s)} ${t.h < 12 ? 'AM' : 'PM'}`;
}

/** `13/Aug/2025 15:21:29`: werkzeug's request log. */
export function werkzeugTime(ms: number): string {
  const t = parts(ms);
  return `${p2(t.d)}/${MONTHS[t.mon]}/${t.y} ${p2(t.h)}:${p2(t.m)}:${p2(t.s)}`;
}

/** RFC 7231 IMF-fixdate: `Wed, 13 Aug 2025 15:21:29 GMT` (Date, Last-Modified). */
export function httpDate(ms: number): string {
  const t = parts(ms);
  return `${DAYS[t.wd]}, ${p2(t.d)} ${MONTHS[t.mon]} ${t.y} ${p2(t.h)}:${p2(t.m)}:${p2(t.s)} GMT`;
}

export interface HttpRequest {
  method: string;
  /** The request target as sent (`/index.html?x=1`). */
  target: string;
  /** The path without query, percent-decoded. */
  path: string;
  version: string;
  /** Header names lower-cased. */
  headers: Map<string, string>;
}

/** Parses a request's head; null when the request line is not HTTP. */
export function parseRequest(text: string): HttpRequest | null {
  const head = text.split(/\r?\n\r?\n/)[0] ?? '';
  const lines = head.split(/\r?\n/);
  const m = /^([A-Z]+) (\S+) (HTTP\/\d\.\d)$/.exec(lines[0] ?? '');
  if (!m) return null;
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  const target = m[2]!;
  let path = target.split('?')[0]!.replace(/^https?:\/\/[^/]*/, '') || '/';
  try {
    path = decodeURIComponent(path);
  } catch {
    // keep it as sent
  }
  return { method: m[1]!, target, path, version: m[3]!, headers };
}

/** Bytes of a text in UTF-8 (Content-Length). */
export function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  304: 'Not Modified',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
};

export function reason(status: number): string {
  return REASONS[status] ?? '';
}

/** A response's text: status line, headers in the given order, blank line, body (none for HEAD). */
export function httpResponse(status: number, headers: [string, string][], body: string, head = false): string {
  const lines = [`HTTP/1.1 ${status} ${reason(status)}`, ...headers.map(([k, v]) => `${k}: ${v}`)];
  return lines.join('\r\n') + '\r\n\r\n' + (head ? '' : body);
}

const TYPES: Record<string, string> = {
  html: 'text/html',
  htm: 'text/html',
  css: 'text/css',
  js: 'application/javascript',
  json: 'application/json',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  ico: 'image/x-icon',
};

/** The media type a server's mime.types gives a file name; null when unknown. */
export function mimeType(path: string): string | null {
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  return path.includes('.') ? (TYPES[ext] ?? null) : null;
}

/** A file under a document root for a request path (index file for directories), or null. */
export function findDocument(fs: Fs, root: string, path: string, index: string[]): { file: string; body: string; mtime: number } | null {
  const norm = path.split('/').filter((p) => p && p !== '.' && p !== '..');
  let file = root.replace(/\/$/, '') + '/' + norm.join('/');
  try {
    let st = fs.stat(file);
    if (st.type === 'dir') {
      const found = index.map((i) => `${file.replace(/\/$/, '')}/${i}`).find((f) => {
        try {
          return fs.stat(f).type === 'file';
        } catch {
          return false;
        }
      });
      if (!found) return null;
      file = found;
      st = fs.stat(file);
    }
    return { file, body: decodeText(fs.readFile(file)), mtime: st.mtime };
  } catch {
    return null;
  }
}

/** nginx's and Apache's ETag: hex mtime (seconds) and hex size. */
export function etag(mtime: number, size: number): string {
  return `"${Math.floor(mtime / 1000).toString(16)}-${size.toString(16)}"`;
}
