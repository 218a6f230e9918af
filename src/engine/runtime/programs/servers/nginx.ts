// nginx 1.29 as the official image runs it (`nginx -g 'daemon off;'`): the
// master process logs its notices to stderr (error_log → /dev/stderr at
// level notice), forks worker_processes workers, serves the document root
// of /etc/nginx/conf.d/default.conf and logs requests to stdout. SIGQUIT
// (the image's STOPSIGNAL) shuts down gracefully, SIGTERM/SIGINT fast; both
// exit 0. Wording: src/core/nginx.c, src/os/unix/ngx_process_cycle.c.
import type { ProcessContext, Program, SpawnOptions } from '../../process.ts';
import { SIGNAL_NUMBERS, Signals } from '../../process.ts';
import type { Fs } from '../../../fs/types.ts';
import { encodeText } from '../../sh/io.ts';
import { byteLength, clfTime, dpkgVersion, etag, findDocument, httpDate, httpResponse, imageVersion, logSink, mimeType, nginxTime, parseRequest, readText } from './common.ts';

export const NGINX_VERSION = '1.29.1';
/** The CPUs the simulated machine has: worker_processes auto starts one worker each. */
export const SIMULATED_CPUS = 2;

const CRLF = '\r\n';

/** ngx_http_special_response.c: the error page, CRLF line ends and the version tail. */
export function nginxErrorPage(status: number, text: string, version = NGINX_VERSION): string {
  return [
    '<html>',
    `<head><title>${status} ${text}</title></head>`,
    '<body>',
    `<center><h1>${status} ${text}</h1></center>`,
    `<hr><center>nginx/${version}</center>`,
    '</body>',
    '</html>',
    '',
  ].join(CRLF);
}

export interface NginxConfig {
  version: string;
  workers: number;
  port: number;
  root: string;
  index: string[];
  errorLog: string;
  /** error_log's level: notices are written only at notice, info or debug. */
  errorLevel: string;
  /** null: access_log off. */
  accessLog: string | null;
  /** `main` (the image's log_format) or nginx's predefined `combined`. */
  accessFormat: string;
}

/** nginx's version: the image's NGINX_VERSION, else the distribution package's (apt-get install nginx), else the catalogue's. */
function nginxVersion(ctx: ProcessContext): string {
  return imageVersion(ctx, 'NGINX_VERSION', dpkgVersion(ctx.fs, ['nginx', 'nginx-core', 'nginx-light', 'nginx-full', 'nginx-extras']) ?? NGINX_VERSION);
}

/**
 * The few directives the simulator honours, read from nginx.conf and the
 * server blocks it includes (conf.d/*.conf in the official image,
 * sites-enabled/* in Debian's package).
 */
export function nginxConfig(ctx: ProcessContext): NginxConfig {
  const main = readText(ctx.fs, '/etc/nginx/nginx.conf') ?? '';
  const wp = /^\s*worker_processes\s+(\w+)\s*;/m.exec(main)?.[1];
  const workers = wp === undefined || wp === 'auto' ? SIMULATED_CPUS : Math.max(1, Number(wp) || 1);
  let site = '';
  for (const [dir, all] of [['/etc/nginx/conf.d', false], ['/etc/nginx/sites-enabled', true]] as const) {
    try {
      for (const f of ctx.fs.readdir(dir)) if (all || f.endsWith('.conf')) site += (readText(ctx.fs, `${dir}/${f}`) ?? '') + '\n';
    } catch {
      // not there
    }
  }
  const conf = site || main;
  const port = Number(/^\s*listen\s+(?:[\d.]+:)?(\d+)/m.exec(conf)?.[1] ?? 80);
  const root = /^\s*root\s+([^;\s]+)\s*;/m.exec(conf)?.[1] ?? '/usr/share/nginx/html';
  const index = /^\s*index\s+([^;]+);/m.exec(conf)?.[1]?.trim().split(/\s+/) ?? ['index.html'];
  // compiled-in defaults of the packages: /var/log/nginx/error.log at level error, access.log combined
  const err = /^\s*error_log\s+(\S+?)(?:\s+(\w+))?\s*;/m.exec(main);
  const acc = /^\s*access_log\s+(\S+?)(?:\s+(\w+))?\s*;/m.exec(site + main);
  return {
    version: nginxVersion(ctx),
    workers,
    port,
    root,
    index,
    errorLog: err?.[1] ?? '/var/log/nginx/error.log',
    errorLevel: err?.[2] ?? 'error',
    accessLog: acc?.[1] === 'off' ? null : (acc?.[1] ?? '/var/log/nginx/access.log'),
    accessFormat: acc?.[2] ?? 'combined',
  };
}

const LEVELS = ['emerg', 'alert', 'crit', 'error', 'warn', 'notice', 'info', 'debug'];

type Log = (level: string, pid: number, msg: string) => void;

/**
 * ngx_log_error: the line goes to the error log when its level is enabled;
 * warnings and worse also reach the terminal as `nginx: [level] msg` when
 * the log is not already stderr.
 */
function errorLog(ctx: ProcessContext, cfg: NginxConfig): Log {
  const sink = logSink(ctx, cfg.errorLog);
  const max = LEVELS.indexOf(cfg.errorLevel);
  return (level, pid, msg) => {
    const n = LEVELS.indexOf(level);
    if (n <= max) sink.write(`${nginxTime(ctx.now())} [${level}] ${pid}#${pid}: ${msg}\n`);
    if (n <= LEVELS.indexOf('warn') && !(n <= max && sink.stream === 'stderr')) ctx.stderr.write(`nginx: [${level}] ${msg}\n`);
  };
}

/** Answers one request as ngx_http_static_module does, and writes the access log line. */
function serveStatic(ctx: ProcessContext, cfg: NginxConfig, text: string): string {
  const now = ctx.now();
  const req = parseRequest(text);
  const base: [string, string][] = [
    ['Server', `nginx/${cfg.version}`],
    ['Date', httpDate(now)],
  ];
  let status: number;
  let response: string;
  let bytes: number;
  if (!req) {
    status = 400;
    const page = nginxErrorPage(400, 'Bad Request', cfg.version);
    bytes = byteLength(page);
    response = httpResponse(400, [...base, ['Content-Type', 'text/html'], ['Content-Length', String(bytes)], ['Connection', 'close']], page);
  } else {
    const head = req.method === 'HEAD';
    const doc = req.method === 'GET' || head ? findDocument(ctx.fs, cfg.root, req.path, cfg.index) : null;
    if (req.method !== 'GET' && !head) {
      status = 405;
      const page = nginxErrorPage(405, 'Not Allowed', cfg.version);
      bytes = byteLength(page);
      response = httpResponse(405, [...base, ['Content-Type', 'text/html'], ['Content-Length', String(bytes)], ['Connection', 'keep-alive']], page);
    } else if (!doc) {
      status = 404;
      const page = nginxErrorPage(404, 'Not Found', cfg.version);
      bytes = head ? 0 : byteLength(page);
      response = httpResponse(404, [...base, ['Content-Type', 'text/html'], ['Content-Length', String(byteLength(page))], ['Connection', 'keep-alive']], page, head);
    } else {
      status = 200;
      const size = byteLength(doc.body);
      bytes = head ? 0 : size;
      response = httpResponse(
        200,
        [
          ...base,
          ['Content-Type', mimeType(doc.file) ?? 'application/octet-stream'],
          ['Content-Length', String(size)],
          ['Last-Modified', httpDate(doc.mtime)],
          ['Connection', 'keep-alive'],
          ['ETag', etag(doc.mtime, size)],
          ['Accept-Ranges', 'bytes'],
        ],
        doc.body,
        head,
      );
    }
  }
  if (cfg.accessLog !== null) {
    const line = req ? `${req.method} ${req.target} ${req.version}` : (text.split(/\r?\n/)[0] ?? '');
    const agent = req?.headers.get('user-agent') ?? '-';
    const referer = req?.headers.get('referer') ?? '-';
    // `main` is combined plus "$http_x_forwarded_for"
    const forwarded = cfg.accessFormat === 'main' ? ` "${req?.headers.get('x-forwarded-for') ?? '-'}"` : '';
    logSink(ctx, cfg.accessLog).write(`172.17.0.1 - - [${clfTime(now)}] "${line}" ${status} ${bytes} "${referer}" "${agent}"${forwarded}\n`);
  }
  return response;
}

/** Renames this process as setproctitle() does, for ps. */
function setTitle(ctx: ProcessContext, title: string): void {
  const me = ctx.processes().find((p) => p.pid === ctx.pid);
  if (me) me.argv = [title];
}

type Spawn = SpawnOptions & { program: Program; onStart?(pid: number): void };

export const nginx: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const version = nginxVersion(ctx);
  let globals = '';
  let signal: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-s') {
      const v = args[++i];
      if (v === undefined) {
        ctx.stderr.write('nginx: option "-s" requires parameter\n');
        return 1;
      }
      if (!['stop', 'quit', 'reopen', 'reload'].includes(v)) {
        ctx.stderr.write(`nginx: invalid option: "-s ${v}"\n`);
        return 1;
      }
      signal = v;
      continue;
    }
    if (a === '-v' || a === '-V') {
      ctx.stderr.write(`nginx version: nginx/${version}\n`);
      if (a === '-V') {
        // the nginx.org package's build
        ctx.stderr.write(
          'built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) \nbuilt with OpenSSL 3.0.16 11 Feb 2025\nTLS SNI support enabled\n' +
            'configure arguments: --prefix=/etc/nginx --sbin-path=/usr/sbin/nginx --modules-path=/usr/lib/nginx/modules --conf-path=/etc/nginx/nginx.conf ' +
            '--error-log-path=/var/log/nginx/error.log --http-log-path=/var/log/nginx/access.log --pid-path=/run/nginx.pid --lock-path=/run/nginx.lock ' +
            '--http-client-body-temp-path=/var/cache/nginx/client_temp --http-proxy-temp-path=/var/cache/nginx/proxy_temp ' +
            '--http-fastcgi-temp-path=/var/cache/nginx/fastcgi_temp --http-uwsgi-temp-path=/var/cache/nginx/uwsgi_temp ' +
            '--http-scgi-temp-path=/var/cache/nginx/scgi_temp --user=nginx --group=nginx --with-compat --with-file-aio --with-threads ' +
            '--with-http_addition_module --with-http_auth_request_module --with-http_dav_module --with-http_flv_module --with-http_gunzip_module ' +
            '--with-http_gzip_static_module --with-http_mp4_module --with-http_random_index_module --with-http_realip_module ' +
            '--with-http_secure_link_module --with-http_slice_module --with-http_ssl_module --with-http_stub_status_module --with-http_sub_module ' +
            '--with-http_v2_module --with-http_v3_module --with-mail --with-mail_ssl_module --with-stream --with-stream_realip_module ' +
            `--with-stream_ssl_module --with-stream_ssl_preread_module --with-cc-opt='-g -O2 -ffile-prefix-map=/data/builder/debuild/nginx-${version}/debian/debuild-base/nginx-${version}=. ` +
            "-fstack-protector-strong -Wformat -Werror=format-security -Wp,-D_FORTIFY_SOURCE=2 -fPIC' --with-ld-opt='-Wl,-z,relro -Wl,-z,now -Wl,--as-needed -pie'\n",
        );
      }
      return 0;
    }
    if (a === '-t' || a === '-T') {
      ctx.stderr.write('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\nnginx: configuration file /etc/nginx/nginx.conf test is successful\n');
      return 0;
    }
    if (a === '-g') {
      const v = args[++i];
      if (v === undefined) {
        ctx.stderr.write('nginx: option "-g" requires parameter\n');
        return 1;
      }
      globals += v;
    } else if (a === '-h' || a === '-?') {
      // ngx_show_version_info with the official build's paths
      ctx.stderr.write(
        [
          `nginx version: nginx/${version}`,
          'Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]',
          '             [-e filename] [-c filename] [-g directives]',
          '',
          'Options:',
          '  -?,-h         : this help',
          '  -v            : show version and exit',
          '  -V            : show version and configure options then exit',
          '  -t            : test configuration and exit',
          '  -T            : test configuration, dump it and exit',
          '  -q            : suppress non-error messages during configuration testing',
          '  -s signal     : send signal to a master process: stop, quit, reopen, reload',
          '  -p prefix     : set prefix path (default: /etc/nginx/)',
          '  -e filename   : set error log file (default: /var/log/nginx/error.log)',
          '  -c filename   : set configuration file (default: /etc/nginx/nginx.conf)',
          '  -g directives : set global directives out of configuration file',
          '',
          '',
        ].join('\n'),
      );
      return 0;
    } else {
      ctx.stderr.write(`nginx: invalid option: "${a.replace(/^-/, '')}"\n`);
      return 1;
    }
  }
  let cfg = nginxConfig(ctx);
  let elog = errorLog(ctx, cfg);
  const log = (pid: number, msg: string) => elog('notice', pid, msg);
  if (signal !== null) return signalMaster(ctx, signal, elog);
  const master = ctx.pid;
  // the notices of the configuration cycle and ngx_os_status come before daemonising
  log(master, 'using the "epoll" event method');
  log(master, `nginx/${version}`);
  log(master, 'built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ');
  log(master, 'OS: Linux 6.8.0-berth');
  log(master, 'getrlimit(RLIMIT_NOFILE): 1048576:1048576');
  // without `daemon off;` the master forks into the background and the process the container started exits
  if (!/daemon\s+off\s*;/.test(globals + (readText(ctx.fs, '/etc/nginx/nginx.conf') ?? ''))) return 0;
  const bind = (c: NginxConfig) => ctx.listen(c.port, 'tcp', async (req) => serveStatic(ctx, c, req));
  let close = bind(cfg);
  // ngx_open_listening_sockets: five tries half a second apart
  for (let tries = 0; !close && tries < 5; tries++) {
    elog('emerg', master, `bind() to 0.0.0.0:${cfg.port} failed (98: Address already in use)`);
    await ctx.sleep(500);
    if (tries < 4) close = bind(cfg);
  }
  if (!close) {
    elog('emerg', master, 'still could not bind()');
    return 1;
  }
  setTitle(ctx, `nginx: master process ${ctx.argv.join(' ')}`);
  writePid(ctx, `${master}\n`);

  // signals reach the master from outside (docker stop/kill: no sender) or from `nginx -s` (its pid)
  const queue: [number, number | null][] = [];
  let wake = () => {};
  const deliver = (sig: number, from: number | null) => {
    queue.push([sig, from]);
    wake();
  };
  for (const sig of [Signals.SIGQUIT, Signals.SIGTERM, Signals.SIGINT, Signals.SIGHUP, SIGNAL_NUMBERS.SIGUSR1!]) ctx.onSignal(sig, (n) => deliver(n, null));
  let masters = running.get(ctx.fs);
  if (!masters) running.set(ctx.fs, (masters = new Map()));
  masters.set(master, deliver);

  let generation = startWorkers(ctx, cfg.workers, log);
  let sig: number;
  for (;;) {
    while (!queue.length) await new Promise<void>((r) => (wake = r));
    const [n, from] = queue.shift()!;
    const name = SIGNAL_NAMES[n]!;
    const sender = from === null ? '' : ` from ${from}`;
    if (n === SIGNAL_NUMBERS.SIGUSR1) {
      log(master, `signal ${n} (${name}) received${sender}, reopening logs`);
      log(master, 'reopening logs');
      continue;
    }
    if (n !== Signals.SIGHUP) {
      sig = n;
      log(master, `signal ${n} (${name}) received${sender}, ${n === Signals.SIGQUIT ? 'shutting down' : 'exiting'}`);
      break;
    }
    // reload: read the configuration again, start new workers, retire the old ones gracefully
    log(master, `signal ${n} (${name}) received${sender}, reconfiguring`);
    log(master, 'reconfiguring');
    const next = nginxConfig(ctx);
    close();
    const reopened = bind(next);
    if (!reopened) {
      elog('emerg', master, `bind() to 0.0.0.0:${next.port} failed (98: Address already in use)`);
      close = bind(cfg) ?? (() => {});
      continue;
    }
    close = reopened;
    cfg = next;
    elog = errorLog(ctx, cfg);
    log(master, 'using the "epoll" event method');
    const old = generation;
    generation = startWorkers(ctx, cfg.workers, log);
    await old.stop(true, master);
    log(master, 'signal 29 (SIGIO) received');
  }
  masters.delete(master);
  close();
  await generation.stop(sig === Signals.SIGQUIT, master);
  removePid(ctx);
  log(master, 'exit');
  return 0;
};

const SIGNAL_NAMES: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 3: 'SIGQUIT', 10: 'SIGUSR1', 15: 'SIGTERM' };

/** nginx masters running in each container (by its file system): `nginx -s` signals them here. */
const running = new WeakMap<Fs, Map<number, (signal: number, from: number | null) => void>>();

/** The pid directive of nginx.conf (the image: /run/nginx.pid). */
function pidFile(ctx: ProcessContext): string {
  return /^\s*pid\s+([^;\s]+)\s*;/m.exec(readText(ctx.fs, '/etc/nginx/nginx.conf') ?? '')?.[1] ?? '/run/nginx.pid';
}

function writePid(ctx: ProcessContext, text: string): void {
  try {
    ctx.fs.writeFile(pidFile(ctx), encodeText(text));
  } catch {
    // no /run: nginx would fail; the simulator carries on
  }
}

function removePid(ctx: ProcessContext): void {
  try {
    ctx.fs.rm(pidFile(ctx));
  } catch {
    // already gone
  }
}

interface Workers {
  /** Ends the workers (gracefully or fast); the master logs their exits. */
  stop(graceful: boolean, master: number): Promise<void>;
}

function startWorkers(ctx: ProcessContext, count: number, log: (pid: number, msg: string) => void): Workers {
  log(ctx.pid, 'start worker processes');
  let release: (graceful: boolean) => void = () => {};
  const stop = new Promise<boolean>((r) => (release = r));
  const workers: Promise<number>[] = [];
  const pids: number[] = [];
  for (let i = 0; i < count; i++) {
    const worker: Program = async (w) => {
      const graceful = await stop;
      if (graceful) log(w.pid, 'gracefully shutting down');
      log(w.pid, 'exiting');
      log(w.pid, 'exit');
      return 0;
    };
    const io: Spawn = {
      program: worker,
      onStart: (pid) => {
        pids.push(pid);
        log(ctx.pid, `start worker process ${pid}`);
      },
    };
    // a killed master stops waiting for its workers
    workers.push(ctx.spawn(['nginx: worker process'], io).catch(() => 0));
  }
  return {
    async stop(graceful, master) {
      release(graceful);
      const codes = await Promise.all(workers);
      if (pids.length) log(master, `signal 17 (SIGCHLD) received from ${pids[0]}`);
      pids.forEach((pid, i) => log(master, `worker process ${pid} exited with code ${codes[i]}`));
    },
  };
}

/** `nginx -s stop|quit|reopen|reload`: the signal to the master whose pid the pid file holds. */
function signalMaster(ctx: ProcessContext, action: string, log: Log): number {
  const sig = { stop: Signals.SIGTERM, quit: Signals.SIGQUIT, reopen: SIGNAL_NUMBERS.SIGUSR1!, reload: Signals.SIGHUP }[action]!;
  log('notice', ctx.pid, 'signal process started');
  const file = pidFile(ctx);
  const text = readText(ctx.fs, file);
  if (text === null) {
    log('error', ctx.pid, `open() "${file}" failed (2: No such file or directory)`);
    return 1;
  }
  const pid = Number(text.trim());
  if (!Number.isInteger(pid) || pid <= 0) {
    log('error', ctx.pid, `invalid PID number "${text.trim()}" in "${file}"`);
    return 1;
  }
  const deliver = running.get(ctx.fs)?.get(pid);
  if (!deliver) {
    log('alert', ctx.pid, `kill(${pid}, ${sig}) failed (3: No such process)`);
    return 1;
  }
  deliver(sig, ctx.pid);
  return 0;
}
