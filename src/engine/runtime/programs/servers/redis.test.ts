import { describe, expect, it } from 'vitest';
import { Signals } from '../../process.ts';
import { Keyspace, encodeReply, execute, parseCommands } from './redis.ts';
import { Box } from './testing.ts';

// Log lines: src/server.c (serverLogRaw "%d:%c %s %c %s", the start-up and
// shutdown notices), src/rdb.c; redis-cli replies: src/redis-cli.c.
function redisBox(): Box {
  const b = new Box().bin('/usr/local/bin/redis-server', '/usr/local/bin/redis-cli');
  b.fs.mkdir('/data');
  return b;
}

const resp = (...argv: string[]) => `*${argv.length}\r\n${argv.map((a) => `$${a.length}\r\n${a}\r\n`).join('')}`;

describe('redis-server', () => {
  it('logs its start-up as redis 8 does without a terminal, and listens on 6379', async () => {
    const b = redisBox();
    const p = b.start(['redis-server'], {}, '/data');
    await b.wait();
    expect(b.out.text).toBe(
      [
        '1:C 13 Aug 2025 15:21:29.000 * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:C 13 Aug 2025 15:21:29.000 * Redis version=8.0.2, bits=64, commit=00000000, modified=0, pid=1, just started',
        '1:C 13 Aug 2025 15:21:29.000 # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf',
        '1:M 13 Aug 2025 15:21:29.000 * monotonic clock: POSIX clock_gettime',
        '1:M 13 Aug 2025 15:21:29.000 * Running mode=standalone, port=6379.',
        '1:M 13 Aug 2025 15:21:29.000 * Server initialized',
        '1:M 13 Aug 2025 15:21:29.000 * Ready to accept connections tcp',
        '',
      ].join('\n'),
    );
    expect(b.port(6379)?.proto).toBe('tcp');
    expect(p.done).toBe(false);
  });

  it('on a terminal (docker run -it) the ASCII logo replaces the Running mode line', async () => {
    const b = redisBox();
    b.start(['redis-server', '--port', '7000'], {}, '/data', true);
    await b.wait();
    expect(b.out.text).not.toContain('Running mode');
    expect(b.out.text).toContain("  .-`` .-```.  ```\\/    _.,_ ''-._      8.0.2 (00000000/0) 64 bit\n");
    expect(b.out.text).toContain(" |`-._`-...-` __...-.``-._|'` _.-'|     Port: 7000\n");
    expect(b.out.text).toContain(' |    `-._   `._    /     _.-\'    |     PID: 1\n');
    // the logo is printed raw between the log lines, followed by a blank line
    expect(b.out.text).toContain("              `-.__.-'                                               \n\n1:M 13 Aug 2025 15:21:29.000 * Server initialized\n");
    expect(b.port(7000)).toBeDefined();
  });

  it('with arguments (the image adds --loadmodule) the config line changes and modules are listed', async () => {
    const b = redisBox();
    b.start(['redis-server', '--loadmodule', '/usr/local/lib/redis/modules//redisbloom.so'], {}, '/data');
    await b.wait();
    expect(b.out.text).toContain('1:C 13 Aug 2025 15:21:29.000 * Configuration loaded\n');
    expect(b.out.text).toContain("1:M 13 Aug 2025 15:21:29.000 * Module 'bf' loaded from /usr/local/lib/redis/modules//redisbloom.so\n");
  });

  it('answers RESP and inline commands: PING, SET, GET, INCR, errors', async () => {
    const b = redisBox();
    b.start(['redis-server'], {}, '/data');
    await b.wait();
    const serve = b.port(6379)!.serve!;
    expect(await serve('PING\r\n')).toBe('+PONG\r\n');
    expect(await serve(resp('SET', 'greeting', 'hello'))).toBe('+OK\r\n');
    expect(await serve(resp('GET', 'greeting'))).toBe('$5\r\nhello\r\n');
    expect(await serve(resp('GET', 'missing'))).toBe('$-1\r\n');
    expect(await serve(resp('INCR', 'hits') + resp('INCR', 'hits'))).toBe(':1\r\n:2\r\n');
    expect(await serve(resp('INCR', 'greeting'))).toBe('-ERR value is not an integer or out of range\r\n');
    expect(await serve(resp('GET'))).toBe("-ERR wrong number of arguments for 'get' command\r\n");
    expect(await serve(resp('FOO', 'a', 'b'))).toBe("-ERR unknown command 'FOO', with args beginning with: 'a' 'b' \r\n");
  });

  it('SIGTERM: the signal handler line, the final save, exit 0; the keys come back on the next start', async () => {
    const b = redisBox();
    const p = b.start(['redis-server'], {}, '/data');
    await b.wait(10_000);
    await b.port(6379)!.serve!(resp('SET', 'k', 'v'));
    const before = b.out.text.length;
    p.signal(Signals.SIGTERM);
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(b.out.text.slice(before)).toBe(
      [
        '1:signal-handler (1755098499) Received SIGTERM scheduling shutdown...',
        '1:M 13 Aug 2025 15:21:39.100 * User requested shutdown...',
        '1:M 13 Aug 2025 15:21:39.100 * Saving the final RDB snapshot before exiting.',
        '1:M 13 Aug 2025 15:21:39.100 * DB saved on disk',
        '1:M 13 Aug 2025 15:21:39.100 # Redis is now ready to exit, bye bye...',
        '',
      ].join('\n'),
    );
    expect(b.fs.text('/data/dump.rdb').startsWith('REDIS0012')).toBe(true);
    expect(b.ns.ports()).toEqual([]);
    const again = b.start(['redis-server'], {}, '/data');
    await b.wait(5000);
    expect(b.out.text).toContain('* Loading RDB produced by version 8.0.2\n');
    expect(b.out.text).toContain('* RDB age 0 seconds\n');
    expect(b.out.text).toContain('* Done loading RDB, keys loaded: 1, keys expired: 0.\n');
    expect(await b.port(6379)!.serve!(resp('GET', 'k'))).toBe('$1\r\nv\r\n');
    again.signal(Signals.SIGINT);
    expect(await b.scheduler.runUntil(again.exited)).toBe(0);
    expect(b.out.text).toContain('Received SIGINT scheduling shutdown...\n');
  });

  it('SIGQUIT is not handled: PID 1 ignores it, another pid dies of it', async () => {
    const b = redisBox();
    const p = b.start(['redis-server'], {}, '/data');
    await b.wait();
    p.signal(Signals.SIGQUIT);
    await b.wait();
    expect(p.done).toBe(false);
  });

  it("the image's REDIS_VERSION names the version; the binary's other names are not servers", async () => {
    const b = redisBox();
    b.fs.symlink('redis-server', '/usr/local/bin/redis-sentinel');
    expect(await b.run(['redis-server', '--version'], { REDIS_VERSION: '7.4.5' })).toBe(0);
    expect(b.out.text).toMatch(/^Redis server v=7\.4\.5 /);
    expect(await b.run(['redis-sentinel'])).toBe(1);
    expect(b.err.text).toBe('Berth: redis-sentinel is not simulated\n');
    expect(b.ns.ports()).toEqual([]);
  });

  it('--version, and a missing config file', async () => {
    const b = redisBox();
    expect(await b.run(['redis-server', '--version'])).toBe(0);
    expect(b.out.text).toMatch(/^Redis server v=8\.0\.2 sha=00000000:0 malloc=jemalloc-5\.3\.0 bits=64 build=[0-9a-f]+\n$/);
    expect(await b.run(['redis-server', '/nope.conf'])).toBe(1);
    expect(b.err.text).toBe("\n*** FATAL CONFIG FILE ERROR (Redis 8.0.2) ***\nFatal error, can't open config file '/nope.conf': No such file or directory\n");
  });
});

describe('redis-cli', () => {
  it('ping: PONG when a server listens in the container, refused otherwise', async () => {
    const b = redisBox();
    expect(await b.run(['redis-cli', 'ping'])).toBe(1);
    expect(b.err.text).toBe('Could not connect to Redis at 127.0.0.1:6379: Connection refused\n');
    b.start(['redis-server'], {}, '/data');
    await b.wait();
    const before = b.out.text.length;
    expect(await b.run(['redis-cli', 'ping'])).toBe(0);
    expect(await b.run(['redis-cli', 'set', 'n', '41'])).toBe(0);
    expect(await b.run(['redis-cli', 'incr', 'n'])).toBe(0);
    expect(await b.run(['redis-cli', 'get', 'nothing'])).toBe(0);
    expect(await b.run(['redis-cli', '-h', 'localhost', 'get', 'n'])).toBe(0);
    expect(await b.run(['redis-cli', 'incr'])).toBe(1);
    expect(b.out.text.slice(before)).toBe("PONG\nOK\n42\n\n42\nERR wrong number of arguments for 'incr' command\n");
    expect(await b.run(['redis-cli', '-h', 'redis', 'ping'])).toBe(1);
    expect(b.err.text).toContain('Could not connect to Redis at redis:6379: Name or service not known\n');
    expect(await b.run(['redis-cli', '-p', '6380', 'ping'])).toBe(1);
    expect(b.err.text).toContain('Could not connect to Redis at 127.0.0.1:6380: Connection refused\n');
  });
});

describe('RESP', () => {
  it('parses pipelined arrays and inline commands; encodes every reply type', () => {
    expect(parseCommands(resp('SET', 'a', 'b c') + 'PING\r\n')).toEqual([['SET', 'a', 'b c'], ['PING']]);
    expect(encodeReply({ t: 'array', v: [{ t: 'bulk', v: 'x' }, { t: 'int', v: 3 }] })).toBe('*2\r\n$1\r\nx\r\n:3\r\n');
  });

  it('SET NX/XX/EX and expiry on the virtual clock', () => {
    const now = { t: 0 };
    const db = new Keyspace(() => now.t);
    const run = (...argv: string[]) => encodeReply(execute(db, argv, now.t));
    expect(run('SET', 'k', 'v', 'EX', '10')).toBe('+OK\r\n');
    expect(run('SET', 'k', 'w', 'NX')).toBe('$-1\r\n');
    expect(run('TTL', 'k')).toBe(':10\r\n');
    now.t = 10_000;
    expect(run('GET', 'k')).toBe('$-1\r\n');
    expect(run('SET', 'k', 'v', 'XX')).toBe('$-1\r\n');
    expect(run('SET', 'k', 'v', 'EX', '0')).toBe("-ERR invalid expire time in 'set' command\r\n");
    expect(run('SET', 'k', 'v', 'BOGUS')).toBe('-ERR syntax error\r\n');
  });
});
