// redis-cli: commands given as arguments or read from standard input,
// replies printed raw (a pipe) or typed (a terminal), as src/redis-cli.c
// does. The process context has no sockets to connect with, so the client
// reaches the servers of its own container (loopback) through redis.ts's
// registry of running servers.
import type { Fs } from '../../../fs/types.ts';
import type { ProcessContext, Program } from '../../process.ts';
import { imageVersion, readText } from './common.ts';
import { DEFAULT_VERSION, runningServer, type Reply } from './redis.ts';

/** How redis-cli prints a reply: raw when stdout is not a terminal, typed on a terminal. */
function formatReply(r: Reply, tty: boolean, indent = ''): string {
  switch (r.t) {
    case 'simple':
      return r.v;
    case 'error':
      return tty ? `(error) ${r.v}` : r.v;
    case 'int':
      return tty ? `(integer) ${r.v}` : String(r.v);
    case 'bulk':
      return r.v === null ? (tty ? '(nil)' : '') : tty ? JSON.stringify(r.v) : r.v;
    case 'array':
      if (!r.v.length) return tty ? '(empty array)' : '';
      return r.v.map((x, i) => (tty ? `${i ? indent : ''}${i + 1}) ${formatReply(x, tty, indent + '   ')}` : formatReply(x, tty))).join('\n');
  }
}

/** sdssplitargs: words, "double quoted" with escapes, 'single quoted'; null when a quote is not closed. */
export function splitArgs(line: string): string[] | null {
  const out: string[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i]!)) i++;
    if (i >= line.length) break;
    let word = '';
    let quote: string | null = null;
    for (; i < line.length; i++) {
      const c = line[i]!;
      if (quote === '"') {
        if (c === '\\' && i + 1 < line.length) {
          const e = line[++i]!;
          word += e === 'n' ? '\n' : e === 't' ? '\t' : e === 'r' ? '\r' : e;
        } else if (c === '"') {
          quote = null;
          if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) return null;
        } else word += c;
      } else if (quote === "'") {
        if (c === "'") {
          quote = null;
          if (i + 1 < line.length && !/\s/.test(line[i + 1]!)) return null;
        } else word += c;
      } else if (c === '"' || c === "'") quote = c;
      else if (/\s/.test(c)) break;
      else word += c;
    }
    if (quote) return null;
    out.push(word);
  }
  return out;
}

/** Looks a host up in the container's /etc/hosts; loopback names are this container. */
function isLocal(fs: Fs, host: string): boolean | null {
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') return true;
  const hosts = readText(fs, '/etc/hosts') ?? '';
  for (const line of hosts.split('\n')) {
    const [addr, ...names] = line.trim().split(/\s+/);
    if (addr && (addr === host || names.includes(host))) return addr.startsWith('127.');
  }
  return /^\d+\.\d+\.\d+\.\d+$/.test(host) ? false : null;
}

/**
 * A connection to the redis server at host:port as seen from this
 * container, or redis-cli's reason why there is none. Only servers of the
 * same container (loopback) are reachable.
 */
export function connectRedis(ctx: ProcessContext, host: string, port: number): ((argv: string[]) => Reply) | string {
  const local = isLocal(ctx.fs, host);
  if (local === null) return `Could not connect to Redis at ${host}:${port}: Name or service not known`;
  const server = local ? runningServer(ctx.fs, port) : undefined;
  // a server killed outright (SIGKILL) left its entry: it counts only while its process lives
  const alive = server?.process && ctx.processes().includes(server.process);
  return alive ? server.answer : `Could not connect to Redis at ${host}:${port}: Connection refused`;
}

export const redisCli: Program = async (ctx) => {
  let host = '127.0.0.1';
  let port = 6379;
  const args = ctx.argv.slice(1);
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-h' && args[i + 1] !== undefined) host = args[++i]!;
    else if (a === '-p' && args[i + 1] !== undefined) {
      port = Number(args[++i]);
      if (!Number.isInteger(port)) port = 0;
    } else if (a === '-v' || a === '--version') {
      ctx.stdout.write(`redis-cli ${imageVersion(ctx, 'REDIS_VERSION', DEFAULT_VERSION)}\n`);
      return 0;
    } else if (a.startsWith('-') && a !== '-') {
      ctx.stderr.write(`Unrecognized option or bad number of args for: '${a}'\n`);
      return 1;
    } else break;
  }
  const command = args.slice(i);
  const connect = () => connectRedis(ctx, host, port);
  const target = connect();
  if (command.length) {
    if (typeof target === 'string') {
      ctx.stderr.write(target + '\n');
      return 1;
    }
    const reply = target(command);
    ctx.stdout.write(formatReply(reply, ctx.tty) + '\n');
    return reply.t === 'error' ? 1 : 0;
  }
  // commands from standard input (a terminal: the prompt)
  const prompt = typeof target === 'string' ? 'not connected> ' : `${host}:${port}> `;
  if (typeof target === 'string') ctx.stderr.write(target + '\n');
  let buffer = '';
  for (;;) {
    if (ctx.tty) ctx.stdout.write(prompt);
    let nl = buffer.indexOf('\n');
    while (nl < 0) {
      const chunk = await ctx.stdin.read();
      if (chunk === null) break;
      buffer += chunk;
      nl = buffer.indexOf('\n');
    }
    if (nl < 0 && !buffer) return 0;
    const line = nl < 0 ? buffer : buffer.slice(0, nl);
    buffer = nl < 0 ? '' : buffer.slice(nl + 1);
    const argv = splitArgs(line);
    if (argv === null) {
      ctx.stdout.write('Invalid argument(s)\n');
      continue;
    }
    if (!argv.length) continue;
    if (/^(quit|exit)$/i.test(argv[0]!)) return 0;
    const t = connect();
    if (typeof t === 'string') {
      ctx.stdout.write(t + '\n');
      continue;
    }
    ctx.stdout.write(formatReply(t(argv), ctx.tty) + '\n');
  }
};
