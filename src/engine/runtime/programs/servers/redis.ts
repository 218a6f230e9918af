// redis-server 8. The server logs as serverLog() does
// ("pid:role dd Mon yyyy hh:mm:ss.mmm level message", src/server.c), keeps
// its keys in the process's memory, answers RESP on its port, saves them to
// dump.rdb in its working directory on shutdown and loads them on start.
// redis-cli (redis-cli.ts) reaches servers of its own container through a
// registry of running servers keyed by the container's file system.
import type { Fs } from '../../../fs/types.ts';
import type { ProcessInfo, Program } from '../../process.ts';
import { Signals } from '../../process.ts';
import { encodeText } from '../../sh/io.ts';
import { basename } from '../../resolve.ts';
import { imageVersion, readText, redisTime, waitForSignal } from './common.ts';

/** redis:latest of the catalogue; an image's REDIS_VERSION says which it is. */
export const DEFAULT_VERSION = '8.0.2';

export type Reply = { t: 'simple'; v: string } | { t: 'error'; v: string } | { t: 'int'; v: number } | { t: 'bulk'; v: string | null } | { t: 'array'; v: Reply[] };

const ok: Reply = { t: 'simple', v: 'OK' };
const nil: Reply = { t: 'bulk', v: null };
const err = (v: string): Reply => ({ t: 'error', v });
const int = (v: number): Reply => ({ t: 'int', v });
const bulk = (v: string): Reply => ({ t: 'bulk', v });

/** A server's keyspace: strings with optional expiry (virtual ms). */
export class Keyspace {
  readonly data = new Map<string, { value: string; expires: number | null }>();
  constructor(private readonly now: () => number) {}

  get(key: string): string | null {
    const e = this.data.get(key);
    if (!e) return null;
    if (e.expires !== null && e.expires <= this.now()) {
      this.data.delete(key);
      return null;
    }
    return e.value;
  }

  set(key: string, value: string, expires: number | null = null): void {
    this.data.set(key, { value, expires });
  }

  keys(): string[] {
    return [...this.data.keys()].filter((k) => this.get(k) !== null);
  }
}

const ARITY: Record<string, [min: number, max: number]> = {
  ping: [0, 1],
  echo: [1, 1],
  get: [1, 1],
  set: [2, 7],
  incr: [1, 1],
  decr: [1, 1],
  incrby: [2, 2],
  decrby: [2, 2],
  del: [1, Infinity],
  exists: [1, Infinity],
  keys: [1, 1],
  dbsize: [0, 0],
  flushall: [0, 1],
  flushdb: [0, 1],
  ttl: [1, 1],
  expire: [2, 3],
  append: [2, 2],
  strlen: [1, 1],
};

const INT_RE = /^-?(0|[1-9]\d{0,18})$/;

/** Executes one command (argv as sent) against the keyspace. */
export function execute(db: Keyspace, argv: string[], now: number): Reply {
  const name = argv[0] ?? '';
  const cmd = name.toLowerCase();
  const args = argv.slice(1);
  const arity = ARITY[cmd];
  if (!arity) {
    const shown = args.slice(0, 10).map((a) => `'${a}' `).join('');
    return err(`ERR unknown command '${name}', with args beginning with: ${shown}`);
  }
  if (args.length < arity[0] || args.length > arity[1]) return err(`ERR wrong number of arguments for '${cmd}' command`);
  const incr = (key: string, by: number): Reply => {
    const cur = db.get(key);
    if (cur !== null && !INT_RE.test(cur)) return err('ERR value is not an integer or out of range');
    const v = Number(cur ?? '0') + by;
    if (!Number.isSafeInteger(v)) return err('ERR increment or decrement would overflow');
    const old = db.data.get(key);
    db.set(key, String(v), old?.expires ?? null);
    return int(v);
  };
  switch (cmd) {
    case 'ping':
      return args.length ? bulk(args[0]!) : { t: 'simple', v: 'PONG' };
    case 'echo':
      return bulk(args[0]!);
    case 'get': {
      const v = db.get(args[0]!);
      return v === null ? nil : bulk(v);
    }
    case 'set': {
      let expires: number | null = null;
      let nx = false;
      let xx = false;
      for (let i = 2; i < args.length; i++) {
        const o = args[i]!.toUpperCase();
        if (o === 'NX') nx = true;
        else if (o === 'XX') xx = true;
        else if ((o === 'EX' || o === 'PX') && i + 1 < args.length) {
          const n = args[++i]!;
          if (!INT_RE.test(n)) return err('ERR value is not an integer or out of range');
          if (Number(n) <= 0) return err("ERR invalid expire time in 'set' command");
          expires = now + Number(n) * (o === 'EX' ? 1000 : 1);
        } else return err('ERR syntax error');
      }
      if (nx && xx) return err('ERR syntax error');
      const exists = db.get(args[0]!) !== null;
      if ((nx && exists) || (xx && !exists)) return nil;
      db.set(args[0]!, args[1]!, expires);
      return ok;
    }
    case 'incr':
      return incr(args[0]!, 1);
    case 'decr':
      return incr(args[0]!, -1);
    case 'incrby':
    case 'decrby': {
      if (!INT_RE.test(args[1]!)) return err('ERR value is not an integer or out of range');
      return incr(args[0]!, cmd === 'incrby' ? Number(args[1]) : -Number(args[1]));
    }
    case 'del':
    case 'exists': {
      let n = 0;
      for (const k of args) {
        if (db.get(k) !== null) {
          n++;
          if (cmd === 'del') db.data.delete(k);
        }
      }
      return int(n);
    }
    case 'keys': {
      const re = new RegExp('^' + args[0]!.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
      return { t: 'array', v: db.keys().filter((k) => re.test(k)).map(bulk) };
    }
    case 'dbsize':
      return int(db.keys().length);
    case 'flushall':
    case 'flushdb':
      db.data.clear();
      return ok;
    case 'ttl': {
      const e = db.get(args[0]!) === null ? undefined : db.data.get(args[0]!);
      if (!e) return int(-2);
      return int(e.expires === null ? -1 : Math.round((e.expires - now) / 1000));
    }
    case 'expire': {
      if (!INT_RE.test(args[1]!)) return err('ERR value is not an integer or out of range');
      const e = db.get(args[0]!) === null ? undefined : db.data.get(args[0]!);
      if (!e) return int(0);
      e.expires = now + Number(args[1]) * 1000;
      return int(1);
    }
    case 'append': {
      const v = (db.get(args[0]!) ?? '') + args[1]!;
      db.set(args[0]!, v, db.data.get(args[0]!)?.expires ?? null);
      return int(encodeText(v).length);
    }
    case 'strlen':
      return int(encodeText(db.get(args[0]!) ?? '').length);
  }
  return err('ERR syntax error');
}

/** RESP2 encoding of a reply. */
export function encodeReply(r: Reply): string {
  switch (r.t) {
    case 'simple':
      return `+${r.v}\r\n`;
    case 'error':
      return `-${r.v}\r\n`;
    case 'int':
      return `:${r.v}\r\n`;
    case 'bulk':
      return r.v === null ? '$-1\r\n' : `$${encodeText(r.v).length}\r\n${r.v}\r\n`;
    case 'array':
      return `*${r.v.length}\r\n${r.v.map(encodeReply).join('')}`;
  }
}

/** Commands in a request: RESP arrays of bulk strings, or inline commands (`PING\r\n`). */
export function parseCommands(text: string): string[][] | null {
  const out: string[][] = [];
  let i = 0;
  const line = (): string | null => {
    const end = text.indexOf('\r\n', i);
    if (end < 0) return null;
    const l = text.slice(i, end);
    i = end + 2;
    return l;
  };
  while (i < text.length) {
    if (text[i] === '*') {
      const n = Number(line()!.slice(1));
      if (!Number.isInteger(n)) return null;
      const argv: string[] = [];
      for (let k = 0; k < n; k++) {
        const h = line();
        if (h === null || h[0] !== '$') return null;
        const len = Number(h.slice(1));
        const bytes = encodeText(text.slice(i));
        const value = new TextDecoder().decode(bytes.slice(0, len));
        i += value.length + 2;
        argv.push(value);
      }
      out.push(argv);
    } else {
      const end = text.indexOf('\n', i);
      const l = text.slice(i, end < 0 ? text.length : end).replace(/\r$/, '');
      i = end < 0 ? text.length : end + 1;
      const argv = l.trim().split(/\s+/).filter(Boolean);
      if (argv.length) out.push(argv);
    }
  }
  return out;
}

/** Redis servers running in each container, by port: redis-cli's way to them. */
const running = new WeakMap<Fs, Map<number, { process: ProcessInfo | undefined; answer: (argv: string[]) => Reply }>>();

/** The server a container runs on a port: its process (to tell whether it still lives) and its command handler. */
export function runningServer(fs: Fs, port: number): { process: ProcessInfo | undefined; answer: (argv: string[]) => Reply } | undefined {
  return running.get(fs)?.get(port);
}

/** The RDB file as the simulator writes it: the real magic, then the keys as JSON. */
const RDB_MAGIC = 'REDIS0012';

export const redisServer: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const REDIS_VERSION = imageVersion(ctx, 'REDIS_VERSION', DEFAULT_VERSION);
  const self = basename(ctx.argv[0] ?? 'redis-server');
  if (self !== 'redis-server') {
    // redis-sentinel, redis-check-rdb ... are links to the same binary
    ctx.stderr.write(`Berth: ${self} is not simulated\n`);
    return 1;
  }
  if (args[0] === '-v' || args[0] === '--version') {
    ctx.stdout.write(`Redis server v=${REDIS_VERSION} sha=00000000:0 malloc=jemalloc-5.3.0 bits=64 build=6fd2d8d2fd6b8ea5\n`);
    return 0;
  }
  let port = 6379;
  const modules: string[] = [];
  let dir = ctx.cwd;
  let configFile: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (i === 0 && !a.startsWith('-')) {
      configFile = a;
      continue;
    }
    const value = args[i + 1];
    if (a === '--port' && value !== undefined) port = Number(value);
    else if (a === '--loadmodule' && value !== undefined) modules.push(value);
    else if (a === '--dir' && value !== undefined) dir = value;
    if (a.startsWith('--') && value !== undefined && !value.startsWith('--')) i++;
  }
  if (configFile !== null) {
    const conf = readText(ctx.fs, configFile.startsWith('/') ? configFile : `${ctx.cwd}/${configFile}`);
    if (conf === null) {
      ctx.stderr.write(`\n*** FATAL CONFIG FILE ERROR (Redis ${REDIS_VERSION}) ***\nFatal error, can't open config file '${configFile}': No such file or directory\n`);
      return 1;
    }
    const p = /^\s*port\s+(\d+)/m.exec(conf)?.[1];
    if (p) port = Number(p);
  }
  const pid = ctx.pid;
  let role = 'C';
  const log = (level: '*' | '#', msg: string) => ctx.stdout.write(`${pid}:${role} ${redisTime(ctx.now())} ${level} ${msg}\n`);
  log('*', 'oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo');
  log('*', `Redis version=${REDIS_VERSION}, bits=64, commit=00000000, modified=0, pid=${pid}, just started`);
  if (args.length === 0) {
    log('#', `Warning: no config file specified, using the default config. In order to specify a config file use ${ctx.argv[0]} /path/to/redis.conf`);
  } else log('*', 'Configuration loaded');
  role = 'M';
  log('*', 'monotonic clock: POSIX clock_gettime');
  const db = new Keyspace(() => ctx.now());
  const answer = (argv: string[]) => execute(db, argv, ctx.now());
  const close = ctx.listen(port, 'tcp', async (text) => {
    const cmds = parseCommands(text);
    if (!cmds) return encodeReply(err("ERR Protocol error: expected '$', got ' '"));
    return cmds.map((c) => encodeReply(answer(c))).join('');
  });
  if (!close) {
    log('#', `Warning: Could not create server TCP listening socket *:${port}: bind: Address already in use`);
    log('#', `Failed listening on port ${port} (tcp), aborting.`);
    return 1;
  }
  if (ctx.tty) {
    ctx.stdout.write(redisLogo(REDIS_VERSION, port, pid));
  } else log('*', `Running mode=standalone, port=${port}.`);
  for (const m of modules) {
    const name = MODULES[m.slice(m.lastIndexOf('/') + 1)];
    if (name) log('*', `Module '${name}' loaded from ${m}`);
  }
  log('*', 'Server initialized');
  const rdb = `${dir.replace(/\/$/, '')}/dump.rdb`;
  const saved = readText(ctx.fs, rdb);
  if (saved?.startsWith(RDB_MAGIC)) {
    const t0 = ctx.now();
    try {
      const dump = JSON.parse(saved.slice(RDB_MAGIC.length)) as { version: string; ctime: number; keys: [string, string, number | null][] };
      log('*', `Loading RDB produced by version ${dump.version}`);
      log('*', `RDB age ${Math.max(0, Math.round((t0 - dump.ctime) / 1000))} seconds`);
      log('*', 'RDB memory usage when created 0.90 Mb');
      let expired = 0;
      for (const [k, v, exp] of dump.keys) {
        if (exp !== null && exp <= t0) expired++;
        else db.set(k, v, exp);
      }
      log('*', `Done loading RDB, keys loaded: ${dump.keys.length - expired}, keys expired: ${expired}.`);
      log('*', 'DB loaded from disk: 0.000 seconds');
    } catch {
      log('#', 'Wrong signature trying to load DB from file');
      return 1;
    }
  }
  log('*', 'Ready to accept connections tcp');
  let servers = running.get(ctx.fs);
  if (!servers) running.set(ctx.fs, (servers = new Map()));
  const entry = { process: ctx.processes().find((p) => p.pid === pid), answer };
  servers.set(port, entry);

  const sig = await waitForSignal(ctx, [Signals.SIGTERM, Signals.SIGINT]);
  // the handler writes its own line: pid, "signal-handler", Unix time in seconds
  ctx.stdout.write(`${pid}:signal-handler (${Math.floor(ctx.now() / 1000)}) Received ${sig === Signals.SIGINT ? 'SIGINT' : 'SIGTERM'} scheduling shutdown...\n`);
  // serverCron notices shutdown_asap within 100 ms (hz 10)
  await ctx.sleep(100);
  log('*', 'User requested shutdown...');
  log('*', 'Saving the final RDB snapshot before exiting.');
  const keys = db.keys().map((k): [string, string, number | null] => [k, db.get(k)!, db.data.get(k)!.expires]);
  try {
    ctx.fs.writeFile(rdb, encodeText(RDB_MAGIC + JSON.stringify({ version: REDIS_VERSION, ctime: ctx.now(), keys })));
    log('*', 'DB saved on disk');
  } catch {
    log('#', `Failed opening the temp RDB file temp-${pid}.rdb (in server root dir ${dir}) for saving: No such file or directory`);
  }
  if (servers.get(port) === entry) servers.delete(port);
  close();
  log('#', 'Redis is now ready to exit, bye bye...');
  return 0;
};

/** The modules the redis 8 image loads, by file name: the names they register. */
const MODULES: Record<string, string> = {
  'redisbloom.so': 'bf',
  'redisearch.so': 'search',
  'rejson.so': 'ReJSON',
  'redistimeseries.so': 'timeseries',
};

/** src/asciilogo.h, shown when stdout is a terminal (docker run -it). */
function redisLogo(REDIS_VERSION: string, port: number, pid: number): string {
  return [
    '                _._                                                  ',
    "           _.-``__ ''-._                                             ",
    "      _.-``    `.  `_.  ''-._           Redis Community Edition      ",
    `  .-\`\` .-\`\`\`.  \`\`\`\\/    _.,_ ''-._      ${REDIS_VERSION} (00000000/0) 64 bit`,
    " (    '      ,       .-`  | `,    )     Running in standalone mode",
    ` |\`-._\`-...-\` __...-.\`\`-._|'\` _.-'|     Port: ${port}`,
    ` |    \`-._   \`._    /     _.-'    |     PID: ${pid}`,
    "  `-._    `-._  `-./  _.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |           https://redis.io       ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    " |`-._`-._    `-.__.-'    _.-'_.-'|                                  ",
    " |    `-._`-._        _.-'_.-'    |                                  ",
    "  `-._    `-._`-.__.-'_.-'    _.-'                                   ",
    "      `-._    `-.__.-'    _.-'                                       ",
    "          `-._        _.-'                                           ",
    "              `-.__.-'                                               ",
    '',
    '',
  ].join('\n');
}
