// curl 7.88.1 as Debian bookworm ships it: HTTP over the connections a
// process can open (ProcessContext.connect), with its messages, exit codes,
// progress meter and -v trace. Only plain http:// is spoken; https:// to a
// plain server fails as OpenSSL does, and a name that nothing answers to
// does not resolve.
import type { ConnectResult, Listener, ProcessContext, Program } from '../process.ts';
import { isLoopback } from '../../net/network.ts';

const VERSION = '7.88.1';
const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";
/** Schemes libcurl knows (curl -V's protocols); only http and https are served here. */
const KNOWN_SCHEMES = new Set('dict file ftp ftps gopher gophers http https imap imaps ldap ldaps mqtt pop3 pop3s rtmp rtsp scp sftp smb smbs smtp smtps telnet tftp'.split(' '));
const MAX_REDIRECTS = 50;

interface Options {
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  fail: boolean;
  verbose: boolean;
  location: boolean;
  method?: string;
  headers: string[];
  data?: string;
  output?: string;
  userAgent: string;
  writeOut?: string;
  url?: string;
}

/** Options that take a value, by short and long name. */
const VALUED: Record<string, keyof Options> = {
  X: 'method', request: 'method',
  H: 'headers', header: 'headers',
  o: 'output', output: 'output',
  d: 'data', data: 'data', 'data-raw': 'data', 'data-binary': 'data',
  A: 'userAgent', 'user-agent': 'userAgent',
  w: 'writeOut', 'write-out': 'writeOut',
  m: 'url', 'max-time': 'url', 'connect-timeout': 'url', retry: 'url',
};
const FLAGS: Record<string, keyof Options | ''> = {
  s: 'silent', silent: 'silent',
  S: 'showError', 'show-error': 'showError',
  i: 'include', include: 'include',
  I: 'head', head: 'head',
  f: 'fail', fail: 'fail',
  v: 'verbose', verbose: 'verbose',
  L: 'location', location: 'location',
  k: '', insecure: '', 4: '', 6: '', 'no-progress-meter': '', compressed: '',
};

class Usage extends Error {}

function parseArgs(argv: string[]): Options {
  const o: Options = { silent: false, showError: false, include: false, head: false, fail: false, verbose: false, location: false, headers: [], userAgent: `curl/${VERSION}` };
  const set = (key: keyof Options, value: string, name: string) => {
    if (name === 'm' || name === 'max-time' || name === 'connect-timeout' || name === 'retry') return;
    if (key === 'headers') o.headers.push(value);
    else if (key === 'data') o.data = o.data === undefined ? value : `${o.data}&${value}`;
    else (o as unknown as Record<string, unknown>)[key] = value;
  };
  let noProgress = false;
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--') && a.length > 2) {
      const name = a.slice(2);
      if (name in VALUED) {
        if (i + 1 >= argv.length) throw new Usage(`curl: option ${a}: requires parameter\n`);
        set(VALUED[name]!, argv[++i]!, name);
      } else if (name in FLAGS) {
        const k = FLAGS[name]!;
        if (name === 'no-progress-meter') noProgress = true;
        if (k) (o as unknown as Record<string, boolean>)[k] = true;
      } else throw new Usage(`curl: option ${a}: is unknown\n`);
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c in VALUED) {
          const rest = a.slice(j + 1);
          if (rest !== '') set(VALUED[c]!, rest, c);
          else if (i + 1 < argv.length) set(VALUED[c]!, argv[++i]!, c);
          else throw new Usage(`curl: option -${c}: requires parameter\n`);
          break;
        }
        if (!(c in FLAGS)) throw new Usage(`curl: option -${a.slice(j)}: is unknown\n`);
        const k = FLAGS[c]!;
        if (k) (o as unknown as Record<string, boolean>)[k] = true;
      }
    } else o.url = a;
  }
  if (noProgress && !o.silent) o.showError = true;
  return o;
}

interface Url {
  scheme: string;
  host: string;
  port: number;
  explicitPort: boolean;
  path: string;
}

/** How curl reads a URL: no scheme is http; a host is required. Null: curl's (3). */
function parseUrl(text: string): Url | { unsupported: string } | null {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(.*)$/s.exec(text);
  const scheme = m ? m[1]!.toLowerCase() : 'http';
  const rest = m ? m[2]! : text;
  if (m && !KNOWN_SCHEMES.has(scheme)) return { unsupported: m[1]! };
  const slash = rest.search(/[/?#]/);
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  let path = slash < 0 ? '/' : rest.slice(slash);
  if (path.startsWith('?')) path = '/' + path;
  path = path.replace(/#.*$/s, '');
  const hostPort = authority.replace(/^.*@/, '');
  let host: string;
  let portText = '';
  if (hostPort.startsWith('[')) {
    const close = hostPort.indexOf(']');
    if (close < 0) return null;
    host = hostPort.slice(0, close + 1);
    const after = hostPort.slice(close + 1);
    if (after !== '' && !after.startsWith(':')) return null;
    portText = after.slice(1);
  } else {
    const colon = hostPort.lastIndexOf(':');
    host = colon < 0 ? hostPort : hostPort.slice(0, colon);
    portText = colon < 0 ? '' : hostPort.slice(colon + 1);
  }
  if (host === '' || /[\s]/.test(host)) return null;
  const defaultPort = scheme === 'https' ? 443 : scheme === 'ftp' ? 21 : 80;
  if (portText !== '' && (!/^\d+$/.test(portText) || Number(portText) > 65535)) return null;
  const port = portText === '' ? defaultPort : Number(portText);
  return { scheme, host: host.toLowerCase(), port, explicitPort: portText !== '' && port !== defaultPort, path };
}

interface Response {
  statusLine: string;
  status: number;
  headers: Array<[string, string]>;
  head: string;
  body: string;
}

function parseResponse(text: string): Response | null {
  if (!text.startsWith('HTTP/')) return null;
  const end = text.indexOf('\r\n\r\n');
  const head = end < 0 ? text : text.slice(0, end + 4);
  const body = end < 0 ? '' : text.slice(end + 4);
  const lines = head.split('\r\n').filter((l) => l !== '');
  const statusLine = lines[0] ?? '';
  const status = Number(/^HTTP\/[\d.]+ (\d{3})/.exec(statusLine)?.[1] ?? 0);
  const headers = lines.slice(1).map((l): [string, string] => {
    const c = l.indexOf(':');
    return c < 0 ? [l, ''] : [l.slice(0, c), l.slice(c + 1).trim()];
  });
  return { statusLine, status, headers, head, body };
}

const header = (r: Response, name: string) => r.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];

/** curl's max5data: a size in five characters. */
function max5(n: number): string {
  const KB = 1024;
  const MB = KB * KB;
  if (n < 100000) return String(n).padStart(5);
  if (n < 10000 * KB) return `${String(Math.floor(n / KB)).padStart(4)}k`;
  if (n < 100 * MB) return `${String(Math.floor(n / MB)).padStart(2)}.${Math.floor((n % MB) / (MB / 10))}M`;
  return `${String(Math.floor(n / MB)).padStart(4)}M`;
}

/** One line of curl's progress meter (progress.c), for a transfer that took no time. */
function meterLine(total: number, received: number): string {
  const pct = (part: number) => String(total > 0 ? Math.floor((part * 100) / total) : 0).padStart(3);
  const speed = max5(received * 1000);
  const none = '--:--:--';
  return `${pct(received)} ${max5(total)}  ${pct(received)} ${max5(received)}    0 ${max5(0)}  ${speed}  ${max5(0)} ${none} ${none} ${none} ${speed}`;
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';

export const curl: Program = async (ctx: ProcessContext) => {
  let o: Options;
  try {
    o = parseArgs(ctx.argv);
  } catch (e) {
    if (!(e instanceof Usage)) throw e;
    ctx.stderr.write(e.message + TRY_HELP);
    return 2;
  }
  if (o.url === undefined) {
    ctx.stderr.write(TRY_HELP);
    return 2;
  }
  const stdoutTerminal = ctx.stdout.terminal ?? ctx.tty;
  // the meter shows unless -s, or the body goes to the terminal it would garble
  const meter = !o.silent && (o.output !== undefined || !stdoutTerminal);
  let meterStarted = false;
  const startMeter = () => {
    if (!meter || meterStarted) return;
    meterStarted = true;
    ctx.stderr.write(METER_HEAD + '\r' + meterLine(0, 0));
  };
  const endMeter = (total: number, received: number) => {
    if (!meter) return;
    startMeter();
    ctx.stderr.write('\r' + meterLine(total, received) + '\n');
  };
  const fail = (code: number, message: string, total = 0): number => {
    endMeter(total, 0);
    if (!o.silent || o.showError) ctx.stderr.write(`curl: (${code}) ${message}\n`);
    // -w still reports, with what the transfer got (000 for no response)
    if (o.writeOut !== undefined) ctx.stdout.write(writeOut(o.writeOut, failedWith, 0, url && !('unsupported' in url) ? url : null));
    return code;
  };
  const trace = (text: string) => {
    if (o.verbose) ctx.stderr.write(text);
  };

  let url = parseUrl(o.url);
  /** The response a failure came with (-f), for -w. */
  let failedWith: Response | null = null;
  let out = '';
  for (let hop = 0; ; hop++) {
    if (url === null) return fail(3, 'URL using bad/illegal format or missing URL');
    if ('unsupported' in url) return fail(1, `Protocol "${url.unsupported}" not supported or disabled in libcurl`);
    startMeter();
    const bare = url.host.replace(/^\[(.*)\]$/, '$1');
    const conn = connect(ctx, url.host, url.port);
    if ('error' in conn) {
      if (/^dial tcp: lookup /.test(conn.error)) return fail(6, `Could not resolve host: ${bare}`);
      // localhost resolves to both loopback addresses, tried in turn
      const tried = url.host === 'localhost' ? ['127.0.0.1', '::1'] : [bare];
      for (const ip of tried) trace(`*   Trying ${ip.includes(':') ? `[${ip}]` : ip}:${url.port}...\n* connect to ${ip} port ${url.port} failed: ${/unreachable/.test(conn.error) ? 'Network is unreachable' : 'Connection refused'}\n`);
      trace(`* Failed to connect to ${bare} port ${url.port} after 0 ms: Couldn't connect to server\n* Closing connection 0\n`);
      return fail(7, `Failed to connect to ${bare} port ${url.port} after 0 ms: Couldn't connect to server`);
    }
    const address = conn.address.replace(/^\[(.*)\]$/, '$1');
    trace(`*   Trying ${conn.address}:${url.port}...\n* Connected to ${bare} (${address}) port ${url.port} (#0)\n`);
    if (url.scheme === 'https') return fail(35, 'OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number');
    if (url.scheme !== 'http') return fail(1, `Protocol "${url.scheme}" not supported or disabled in libcurl`);
    const method = o.method ?? (o.head ? 'HEAD' : o.data !== undefined ? 'POST' : 'GET');
    const request = buildRequest(o, method, url);
    trace(request.head.split('\r\n').slice(0, -1).map((l) => `> ${l}\r\n`).join(''));
    if (o.data !== undefined && !stdoutTerminal) trace(`} [${o.data.length} bytes data]\n`);
    const listener = conn.listener;
    const text = await serve(listener, request.head + (o.data ?? ''));
    if (text === null) return fail(52, 'Empty reply from server');
    const res = parseResponse(text);
    if (!res) return fail(1, 'Received HTTP/0.9 when not allowed');
    if (res.statusLine.startsWith('HTTP/1.0')) trace('* HTTP 1.0, assume close after body\n');
    trace(res.head.split('\r\n').slice(0, -1).map((l) => `< ${l}\r\n`).join(''));
    const length = Number(header(res, 'Content-Length') ?? res.body.length);
    const body = method === 'HEAD' || o.head ? '' : res.body;
    const location = header(res, 'Location');
    if (o.location && res.status >= 300 && res.status < 400 && location !== undefined) {
      if (o.include || o.head) out += res.head;
      if (hop + 1 > MAX_REDIRECTS) return fail(47, `Maximum (${MAX_REDIRECTS}) redirects followed`);
      trace(`* Connection #0 to host ${bare} left intact\n* Issue another request to this URL: '${resolveLocation(url, location)}'\n`);
      url = parseUrl(resolveLocation(url, location));
      continue;
    }
    if (o.fail && res.status >= 400) {
      trace(`* The requested URL returned error: ${res.status}\n`);
      failedWith = res;
      return fail(22, `The requested URL returned error: ${res.status}`, length);
    }
    if (body !== '' && o.verbose && !stdoutTerminal) trace(`{ [${body.length} bytes data]\n`);
    out += (o.include || o.head ? res.head : '') + body;
    if (o.output !== undefined) {
      const path = o.output.startsWith('/') ? o.output : `${ctx.cwd === '/' ? '' : ctx.cwd}/${o.output}`;
      try {
        ctx.fs.writeFile(path, new TextEncoder().encode(out));
      } catch {
        return fail(23, 'Failure writing output to destination', length);
      }
    } else ctx.stdout.write(out);
    endMeter(length, body.length);
    if (o.writeOut !== undefined) ctx.stdout.write(writeOut(o.writeOut, res, body.length, url));
    trace(res.statusLine.startsWith('HTTP/1.0') || /close/i.test(header(res, 'Connection') ?? '') ? '* Closing connection 0\n' : `* Connection #0 to host ${bare} left intact\n`);
    return 0;
  }
};

/** -w: curl's variables (the ones a transfer here has) and its backslash escapes; an unknown variable is left out with a warning in curl, here as nothing. */
function writeOut(format: string, res: Response | null, size: number, url: Url | null): string {
  const vars: Record<string, string> = {
    http_code: String(res?.status ?? 0).padStart(3, '0'),
    response_code: String(res?.status ?? 0).padStart(3, '0'),
    size_download: String(size),
    size_header: String(res?.head.length ?? 0),
    content_type: (res && header(res, 'Content-Type')) ?? '',
    url_effective: url ? `${url.scheme}://${url.host}${url.explicitPort ? `:${url.port}` : ''}${url.path}` : '',
    num_redirects: '0',
    http_version: res ? (/^HTTP\/([\d.]+)/.exec(res.statusLine)?.[1] ?? '') : '0',
  };
  return format
    .replace(/%\{([a-z_]+)\}/g, (_m, name: string) => vars[name] ?? '')
    .replace(/\\([nrt\\])/g, (_m, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\' })[c]!);
}

/** The connection as the process's network makes it; without one, the machine has no network. */
function connect(ctx: ProcessContext, host: string, port: number): ConnectResult {
  if (ctx.connect) return ctx.connect(host, port);
  if (isLoopback(host)) return { error: `dial tcp 127.0.0.1:${port}: connect: connection refused` };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host) || host.startsWith('[')) return { error: `dial tcp ${host}:${port}: connect: network is unreachable` };
  return { error: `dial tcp: lookup ${host}: no such host` };
}

async function serve(l: Listener, request: string): Promise<string | null> {
  if (!l.serve) return null;
  const text = await l.serve(request);
  return text === '' ? null : text;
}

function buildRequest(o: Options, method: string, url: Url): { head: string } {
  const lines: Array<[string, string | null]> = [
    ['Host', url.explicitPort ? `${url.host}:${url.port}` : url.host],
    ['User-Agent', o.userAgent],
    ['Accept', '*/*'],
  ];
  if (o.data !== undefined) {
    lines.push(['Content-Length', String(o.data.length)], ['Content-Type', 'application/x-www-form-urlencoded']);
  }
  // a -H header replaces curl's own of that name; `Name:` with nothing removes it
  for (const h of o.headers) {
    const c = h.indexOf(':');
    if (c <= 0) continue;
    const name = h.slice(0, c);
    const value = h.slice(c + 1).trim();
    const at = lines.findIndex(([k]) => k.toLowerCase() === name.toLowerCase());
    if (at >= 0) lines[at] = [name, value === '' ? null : value];
    else if (value !== '') lines.push([name, value]);
  }
  const head = `${method} ${url.path} HTTP/1.1\r\n` + lines.filter(([, v]) => v !== null).map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n';
  return { head };
}

function resolveLocation(base: Url, location: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(location)) return location;
  const origin = `${base.scheme}://${base.host}${base.explicitPort ? `:${base.port}` : ''}`;
  if (location.startsWith('/')) return origin + location;
  const dir = base.path.replace(/[?#].*$/s, '').replace(/[^/]*$/, '');
  return origin + dir + location;
}
