// Apache httpd 2.4: apache2 and apache2ctl as Debian and Ubuntu package
// them, httpd as CentOS does. In the foreground (-D FOREGROUND) the parent
// starts its children (mpm_event's StartServers 2), serves DocumentRoot
// /var/www/html (CentOS: /var/www/html too), and logs to its error and
// access log files — on the terminal only AH00558 when no ServerName is set.
// apache2ctl is a shell script that runs the server as a child and does not
// exec it, so under `docker stop` its PID 1 ignores SIGTERM: 10 s, then 137.
import type { Fs } from '../../../fs/types.ts';
import type { ProcessContext, Program, SpawnOptions } from '../../process.ts';
import { Signals } from '../../process.ts';
import { encodeText } from '../../sh/io.ts';
import {
  apacheTime,
  dpkgVersion,
  byteLength,
  clfTime,
  containerAddress,
  findDocument,
  httpDate,
  httpResponse,
  isDir,
  mimeType,
  parseRequest,
  readText,
  waitForSignal,
} from './common.ts';

/** The packaged Apache version by distribution release (/etc/os-release). */
const VERSIONS: Record<string, string> = {
  'ubuntu 24.04': '2.4.58 (Ubuntu)',
  'ubuntu 22.04': '2.4.52 (Ubuntu)',
  'ubuntu 20.04': '2.4.41 (Ubuntu)',
  'ubuntu 18.04': '2.4.29 (Ubuntu)',
  'ubuntu 16.04': '2.4.18 (Ubuntu)',
  'ubuntu 14.04': '2.4.7 (Ubuntu)',
  'debian 12': '2.4.65 (Debian)',
  'debian 11': '2.4.62 (Debian)',
  'centos 7': '2.4.6 (CentOS)',
  'centos 8': '2.4.37 (centos)',
};

function osRelease(ctx: ProcessContext): string {
  const text = readText(ctx.fs, '/etc/os-release') ?? '';
  const field = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?`, 'm').exec(text)?.[1] ?? '';
  return `${field('ID')} ${field('VERSION_ID')}`;
}

/** The Server banner's version: the installed package's (dpkg status), else the release's packaged one. */
export function apacheVersion(ctx: ProcessContext): string {
  const os = osRelease(ctx);
  const dist = os.startsWith('debian') ? 'Debian' : os.startsWith('centos') ? 'CentOS' : 'Ubuntu';
  const installed = dpkgVersion(ctx.fs, ['apache2-bin', 'apache2']);
  if (installed && dist !== 'CentOS') return `${installed} (${dist})`;
  return VERSIONS[os] ?? (dist === 'CentOS' ? '2.4.6 (CentOS)' : dist === 'Debian' ? '2.4.65 (Debian)' : '2.4.58 (Ubuntu)');
}

interface Layout {
  /** apache2 (Debian family) or httpd (CentOS). */
  name: 'apache2' | 'httpd';
  /** The main file and the files it includes. */
  conf: string[];
  confDirs: string[];
  errorLog: string;
  accessLog: string;
  mpm: string;
}

const DEBIAN: Layout = {
  name: 'apache2',
  conf: ['/etc/apache2/apache2.conf', '/etc/apache2/ports.conf'],
  confDirs: ['/etc/apache2/conf-enabled', '/etc/apache2/sites-enabled'],
  errorLog: '/var/log/apache2/error.log',
  accessLog: '/var/log/apache2/access.log',
  mpm: 'mpm_event',
};
const CENTOS: Layout = {
  name: 'httpd',
  conf: ['/etc/httpd/conf/httpd.conf'],
  confDirs: ['/etc/httpd/conf.d'],
  errorLog: '/var/log/httpd/error_log',
  accessLog: '/var/log/httpd/access_log',
  mpm: 'mpm_prefork',
};

/** All configuration text: the main files and the enabled snippets. */
function configText(ctx: ProcessContext, l: Layout): string {
  let text = l.conf.map((f) => readText(ctx.fs, f) ?? '').join('\n');
  for (const d of l.confDirs) {
    try {
      for (const f of ctx.fs.readdir(d)) if (f.endsWith('.conf')) text += '\n' + (readText(ctx.fs, `${d}/${f}`) ?? '');
    } catch {
      // not there
    }
  }
  return text;
}

/** Apache's default ETag (FileETag MTime Size): size and mtime in microseconds, in hex. */
function apacheEtag(size: number, mtime: number): string {
  return `"${size.toString(16)}-${(mtime * 1000).toString(16)}"`;
}

function notFoundPage(version: string, host: string, port: number): string {
  return [
    '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">',
    '<html><head>',
    '<title>404 Not Found</title>',
    '</head><body>',
    '<h1>Not Found</h1>',
    '<p>The requested URL was not found on this server.</p>',
    '<hr>',
    `<address>Apache/${version} Server at ${host} Port ${port}</address>`,
    '</body></html>',
    '',
  ].join('\n');
}

function withCharset(type: string, charset: string | null): string {
  return charset && /^text\//.test(type) ? `${type}; charset=${charset}` : type;
}

function appendLog(ctx: ProcessContext, file: string, line: string): void {
  try {
    if (isDir(ctx.fs, file.slice(0, file.lastIndexOf('/')))) ctx.fs.writeFile(file, encodeText(line + '\n'), { append: true });
  } catch {
    // an unwritable log is not the request's problem
  }
}

function serve(ctx: ProcessContext, l: Layout, version: string, root: string, port: number, charset: string | null, text: string): string {
  const now = ctx.now();
  const req = parseRequest(text);
  const host = (req?.headers.get('host') ?? containerAddress(ctx)).replace(/:\d+$/, '');
  const head = req?.method === 'HEAD';
  const doc = req && (req.method === 'GET' || head) ? findDocument(ctx.fs, root, req.path, ['index.html', 'index.cgi', 'index.pl', 'index.php', 'index.xhtml', 'index.htm']) : null;
  let status: number;
  let response: string;
  let bytes: number;
  if (doc) {
    status = 200;
    const size = byteLength(doc.body);
    bytes = head ? 0 : size;
    response = httpResponse(
      200,
      [
        ['Date', httpDate(now)],
        ['Server', `Apache/${version}`],
        ['Last-Modified', httpDate(doc.mtime)],
        ['ETag', apacheEtag(size, doc.mtime)],
        ['Accept-Ranges', 'bytes'],
        ['Content-Length', String(size)],
        ['Vary', 'Accept-Encoding'],
        ['Content-Type', withCharset(mimeType(doc.file) ?? 'text/plain', charset)],
      ],
      doc.body,
      head,
    );
  } else {
    status = 404;
    const page = notFoundPage(version, host, port);
    bytes = head ? 0 : byteLength(page);
    response = httpResponse(
      404,
      [
        ['Date', httpDate(now)],
        ['Server', `Apache/${version}`],
        ['Content-Length', String(byteLength(page))],
        ['Content-Type', 'text/html; charset=iso-8859-1'],
      ],
      page,
      head,
    );
  }
  const line = req ? `${req.method} ${req.target} ${req.version}` : (text.split(/\r?\n/)[0] ?? '');
  appendLog(ctx, l.accessLog, `172.17.0.1 - - [${clfTime(now)}] "${line}" ${status} ${bytes} "${req?.headers.get('referer') ?? '-'}" "${req?.headers.get('user-agent') ?? '-'}"`);
  return response;
}

type Spawn = SpawnOptions & { program: Program };

/** Servers running in each container (by its file system): apache2ctl stop reaches them here. */
const running = new WeakMap<Fs, Set<(signal: number) => void>>();

/** The server binary: apache2 (Debian, Ubuntu) or httpd (CentOS). */
function apacheServer(l: Layout): Program {
  return async (ctx) => {
    const args = ctx.argv.slice(1);
    const version = apacheVersion(ctx);
    if (args[0] === '-v') {
      // the build date of the distribution's binary is not known to the simulator: the line is left out
      ctx.stdout.write(`Server version: Apache/${version}\n`);
      return 0;
    }
    const defines: string[] = [];
    for (let i = 0; i < args.length; i++) {
      if (args[i] === '-D' && args[i + 1] !== undefined) defines.push(args[++i]!);
      else if (args[i]!.startsWith('-D') && args[i]!.length > 2) defines.push(args[i]!.slice(2));
    }
    const conf = configText(ctx, l);
    if (l.name === 'apache2' && !ctx.env.get('APACHE_RUN_DIR')) {
      // apache2.conf uses the variables /etc/apache2/envvars sets; apache2ctl sources it
      ctx.stderr.write(
        `[core:warn] [pid ${ctx.pid}] AH00111: Config variable \${APACHE_RUN_DIR} is not defined\napache2: Syntax error on line 80 of /etc/apache2/apache2.conf: DefaultRuntimeDir must be a valid directory, absolute or relative to ServerRoot\n`,
      );
      return 1;
    }
    if (!/^\s*ServerName\s+\S/im.test(conf)) {
      ctx.stderr.write(
        `AH00558: ${l.name}: Could not reliably determine the server's fully qualified domain name, using ${containerAddress(ctx)}. Set the 'ServerName' directive globally to suppress this message\n`,
      );
    }
    const port = Number(/^\s*Listen\s+(?:[\d.]+:)?(\d+)/im.exec(conf)?.[1] ?? 80);
    const root = /^\s*DocumentRoot\s+"?([^"\s]+)"?/im.exec(conf)?.[1] ?? '/var/www/html';
    const errorLog = l.errorLog;
    // AddDefaultCharset (CentOS's httpd.conf: UTF-8) labels text responses
    const charset = /^\s*AddDefaultCharset\s+(\S+)/im.exec(conf)?.[1] ?? null;
    const notice = (module: string, msg: string) =>
      appendLog(ctx, errorLog, `[${apacheTime(ctx.now())}] [${module}:notice] [pid ${ctx.pid}${l.mpm === 'mpm_event' ? `:tid ${ctx.pid}` : ''}] ${msg}`);
    const close = ctx.listen(port, 'tcp', async (text) => serve(ctx, l, version, root, port, charset && charset.toLowerCase() !== 'off' ? charset : null, text));
    if (!close) {
      ctx.stderr.write(`(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:${port}\nno listening sockets available, shutting down\nAH00015: Unable to open logs\n`);
      return 1;
    }
    const k = args.indexOf('-k');
    const detached = k >= 0 && args[k + 1] === 'start';
    if (!detached && !defines.includes('FOREGROUND') && !defines.includes('NO_DETACH')) {
      // without a -k action nor FOREGROUND the parent forks and exits; the simulator keeps no detached server
      close();
      return 0;
    }

    notice(l.mpm, `AH00489: Apache/${version} configured -- resuming normal operations`);
    notice('core', `AH00094: Command line: '${ctx.argv[0]!.includes('/') ? ctx.argv[0] : `/usr/sbin/${l.name}`} ${args.join(' ')}'`.replace(/ '$/, "'"));
    let stopChildren: () => void = () => {};
    const stop = new Promise<void>((r) => (stopChildren = r));
    const children: Promise<number>[] = [];
    const child: Program = async () => {
      await stop;
      return 0;
    };
    for (let i = 0; i < 2; i++) {
      const io: Spawn = { program: child };
      children.push(ctx.spawn(ctx.argv, io).catch(() => 0));
    }
    let servers = running.get(ctx.fs);
    if (!servers) running.set(ctx.fs, (servers = new Set()));
    let stopNow: (sig: number) => void = () => {};
    const stopped = new Promise<number>((r) => (stopNow = r));
    servers.add(stopNow);
    const sig = await Promise.race([stopped, waitForSignal(ctx, [Signals.SIGTERM, Signals.SIGINT, 28 /* SIGWINCH */])]);
    servers.delete(stopNow);
    close();
    stopChildren();
    await Promise.all(children);
    notice(l.mpm, sig === 28 ? 'AH00492: caught SIGWINCH, shutting down gracefully' : 'AH00491: caught SIGTERM, shutting down');
    return 0;
  };
}

export const apache2 = apacheServer(DEBIAN);
export const httpd = apacheServer(CENTOS);

/** /etc/apache2/envvars's defaults (the Debian package's). */
const ENVVARS: [string, string][] = [
  ['APACHE_RUN_USER', 'www-data'],
  ['APACHE_RUN_GROUP', 'www-data'],
  ['APACHE_PID_FILE', '/var/run/apache2/apache2.pid'],
  ['APACHE_RUN_DIR', '/var/run/apache2'],
  ['APACHE_LOCK_DIR', '/var/lock/apache2'],
  ['APACHE_LOG_DIR', '/var/log/apache2'],
  ['LANG', 'C'],
];

/** apache2ctl (Debian's apachectl): the environment from envvars, then the server as a child. */
export const apache2ctl: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const env = new Map(ctx.env);
  for (const [k, v] of ENVVARS) if (!env.has(k)) env.set(k, v);
  const action = args[0];
  if (action === '-v' || action === '-V' || action === 'configtest' || action === '-t') {
    if (action === '-v' || action === '-V') return ctx.spawn(['/usr/sbin/apache2', '-v'], { env });
    // the configuration is parsed as for a start: AH00558 comes first when there is no ServerName
    if (!/^\s*ServerName\s+\S/im.test(configText(ctx, DEBIAN))) {
      ctx.stderr.write(
        `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${containerAddress(ctx)}. Set the 'ServerName' directive globally to suppress this message\n`,
      );
    }
    ctx.stderr.write('Syntax OK\n');
    return 0;
  }
  if (action === 'stop' || action === 'graceful-stop') {
    const servers = [...(running.get(ctx.fs) ?? [])];
    if (!servers.length) {
      ctx.stdout.write('httpd (no pid file) not running\n');
      return 0;
    }
    for (const stop of servers) stop(action === 'stop' ? Signals.SIGTERM : 28);
    return 0;
  }
  for (const d of ['/var/run/apache2', '/var/lock/apache2']) {
    try {
      ctx.fs.mkdir(d, { recursive: true });
    } catch {
      // read-only or a file there: apache2 reports it
    }
  }
  if (action === 'start') {
    if (running.get(ctx.fs)?.size) {
      ctx.stdout.write(`httpd (pid ${ctx.processes().find((p) => p.argv[0] === '/usr/sbin/apache2')?.pid ?? 1}) already running\n`);
      return 0;
    }
    // the server detaches: it keeps running after apache2ctl returns
    void ctx.spawn(['/usr/sbin/apache2', '-k', 'start'], { env }).catch(() => 0);
    await ctx.yield();
    return 0;
  }
  // `$HTTPD "$@"` without exec: the shell stays the parent and handles no signal
  return ctx.spawn(['/usr/sbin/apache2', ...args], { env });
};
