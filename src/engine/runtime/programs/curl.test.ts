// curl's output, checked against Debian bookworm's curl 7.88.1 run against
// local servers (the texts below are its own, timings aside: Berth's
// transfers take no time, so the meter's speeds are the bytes per ms).
import { describe, expect, it } from 'vitest';
import { curl } from './curl.ts';
import type { ConnectResult, Listener, ProcessContext } from '../process.ts';

const PAGE = 'HTTP/1.1 200 OK\r\nServer: nginx/1.29.1\r\nContent-Type: text/html\r\nContent-Length: 6\r\nConnection: keep-alive\r\n\r\nhello\n';
const NOT_FOUND = 'HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found';

interface Run {
  status: number;
  out: string;
  err: string;
  requests: string[];
  files: Map<string, string>;
}

async function run(argv: string[], opts: { terminal?: boolean; connect?: ((host: string, port: number) => ConnectResult) | null; routes?: Record<string, string> } = {}): Promise<Run> {
  const requests: string[] = [];
  const files = new Map<string, string>();
  const routes = opts.routes ?? { '/': PAGE };
  const listener: Listener = {
    pid: 1,
    port: 80,
    proto: 'tcp',
    serve: async (req) => {
      requests.push(req);
      const path = req.split(' ')[1]!;
      return routes[path] ?? NOT_FOUND;
    },
  };
  const connect =
    opts.connect === null
      ? undefined
      : (opts.connect ??
        ((host: string, port: number): ConnectResult => {
          if (host !== 'localhost' && host !== '127.0.0.1') return { error: `dial tcp: lookup ${host}: no such host` };
          if (port !== 80 && port !== 8080) return { error: `dial tcp 127.0.0.1:${port}: connect: connection refused` };
          return { listener, address: '127.0.0.1' };
        }));
  let out = '';
  let err = '';
  const terminal = opts.terminal ?? false;
  const ctx = {
    argv: ['curl', ...argv],
    env: new Map<string, string>(),
    cwd: '/work',
    fs: {
      writeFile: (path: string, data: Uint8Array) => {
        if (!path.startsWith('/work/')) throw new Error('ENOENT');
        files.set(path, new TextDecoder().decode(data));
      },
    },
    stdout: { write: (t: string) => void (out += t), terminal },
    stderr: { write: (t: string) => void (err += t), terminal },
    tty: terminal,
    ...(connect ? { connect } : {}),
  } as unknown as ProcessContext;
  const status = await curl(ctx);
  return { status, out, err, requests, files };
}

const METER_HEAD = '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n';
const ZERO = '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0';

describe('curl', () => {
  it('sends curl 7.88.1\'s request and prints the body', async () => {
    const r = await run(['-s', 'localhost:8080/']);
    expect(r).toMatchObject({ status: 0, out: 'hello\n', err: '' });
    expect(r.requests).toEqual(['GET / HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n']);
    await run(['-s', 'http://localhost:80']);
  });

  it('shows the progress meter when the body does not go to the terminal', async () => {
    const r = await run(['http://localhost/']);
    expect(r.err).toBe(`${METER_HEAD}\r${ZERO}\r100     6  100     6    0     0   6000      0 --:--:-- --:--:-- --:--:--  6000\n`);
    expect((await run(['http://localhost/'], { terminal: true })).err).toBe('');
  });

  it('says why a connection failed, with its exit codes', async () => {
    expect(await run(['-sS', 'localhost:5000'])).toMatchObject({ status: 7, err: "curl: (7) Failed to connect to localhost port 5000 after 0 ms: Couldn't connect to server\n" });
    expect(await run(['-sS', 'http://nosuch/'])).toMatchObject({ status: 6, err: 'curl: (6) Could not resolve host: nosuch\n' });
    expect(await run(['-s', 'localhost:5000'])).toMatchObject({ status: 7, err: '' });
    const meter = await run(['localhost:5000']);
    expect(meter.err).toBe(`${METER_HEAD}\r${ZERO}\r${ZERO}\ncurl: (7) Failed to connect to localhost port 5000 after 0 ms: Couldn't connect to server\n`);
    expect(await run(['-sS', 'foo://x'])).toMatchObject({ status: 1, err: 'curl: (1) Protocol "foo" not supported or disabled in libcurl\n' });
    expect(await run(['-sS', 'http://'])).toMatchObject({ status: 3, err: 'curl: (3) URL using bad/illegal format or missing URL\n' });
    expect(await run(['-sS', 'https://localhost:8080/'])).toMatchObject({ status: 35, err: 'curl: (35) OpenSSL/3.0.19: error:0A00010B:SSL routines::wrong version number\n' });
  });

  it('without a network: loopback refuses, names do not resolve', async () => {
    expect(await run(['-sS', 'localhost:80'], { connect: null })).toMatchObject({ status: 7 });
    expect(await run(['-sS', 'registry'], { connect: null })).toMatchObject({ status: 6, err: 'curl: (6) Could not resolve host: registry\n' });
  });

  it('-f fails on an HTTP error, silently under -s unless -S', async () => {
    expect(await run(['-sf', 'localhost/nope'])).toMatchObject({ status: 22, out: '', err: '' });
    expect(await run(['-sSf', 'localhost/nope'])).toMatchObject({ status: 22, out: '', err: 'curl: (22) The requested URL returned error: 404\n' });
    const meter = await run(['-f', 'localhost/nope']);
    expect(meter.err).toBe(`${METER_HEAD}\r${ZERO}\r  0     9    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\ncurl: (22) The requested URL returned error: 404\n`);
    expect(await run(['-s', 'localhost/nope'])).toMatchObject({ status: 0, out: 'not found' });
  });

  it('-i and -I print the response head; -X, -H and -d shape the request', async () => {
    expect((await run(['-si', 'localhost'])).out).toBe(PAGE);
    const head = await run(['-sI', 'localhost']);
    expect(head.out).toBe(PAGE.slice(0, PAGE.indexOf('\r\n\r\n') + 4));
    expect(head.requests[0]!.startsWith('HEAD / HTTP/1.1\r\n')).toBe(true);
    const post = await run(['-s', '-X', 'PUT', '-H', 'X-A: b', '-H', 'Accept:', '-d', 'a=1', 'localhost']);
    expect(post.requests).toEqual(['PUT / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: curl/7.88.1\r\nContent-Length: 3\r\nContent-Type: application/x-www-form-urlencoded\r\nX-A: b\r\n\r\na=1']);
  });

  it('-L follows a redirect', async () => {
    const routes = { '/dir': 'HTTP/1.1 301 Moved Permanently\r\nLocation: /dir/\r\nContent-Length: 0\r\n\r\n', '/dir/': PAGE };
    expect((await run(['-s', 'localhost/dir'], { routes })).out).toBe('');
    const r = await run(['-siL', 'localhost/dir'], { routes });
    expect(r.out).toBe(routes['/dir'] + PAGE);
  });

  it('-o writes the body to a file, (23) when it cannot', async () => {
    const r = await run(['-s', '-o', 'page.html', 'localhost']);
    expect(r.files.get('/work/page.html')).toBe('hello\n');
    expect(await run(['-sS', '-o', '/nonexist/x', 'localhost'])).toMatchObject({ status: 23, err: 'curl: (23) Failure writing output to destination\n' });
  });

  it('-v traces the connection and the exchange', async () => {
    const r = await run(['-sv', 'localhost/']);
    expect(r.err).toBe(
      '*   Trying 127.0.0.1:80...\n* Connected to localhost (127.0.0.1) port 80 (#0)\n' +
        '> GET / HTTP/1.1\r\n> Host: localhost\r\n> User-Agent: curl/7.88.1\r\n> Accept: */*\r\n> \r\n' +
        '< HTTP/1.1 200 OK\r\n< Server: nginx/1.29.1\r\n< Content-Type: text/html\r\n< Content-Length: 6\r\n< Connection: keep-alive\r\n< \r\n' +
        '{ [6 bytes data]\n* Connection #0 to host localhost left intact\n',
    );
    const refused = await run(['-sv', '127.0.0.1:5000']);
    expect(refused.err).toBe(
      "*   Trying 127.0.0.1:5000...\n* connect to 127.0.0.1 port 5000 failed: Connection refused\n* Failed to connect to 127.0.0.1 port 5000 after 0 ms: Couldn't connect to server\n* Closing connection 0\n",
    );
  });

  it('-w reports the transfer, 000 when there was no response', async () => {
    expect((await run(['-s', '-o', 'p', '-w', '%{http_code} %{size_download}\\n', 'localhost'])).out).toBe('200 6\n');
    expect((await run(['-s', '-w', '[%{http_code}]', 'localhost/nope'])).out).toBe('not found[404]');
    expect(await run(['-sS', '-w', '[%{http_code}]\\n', '127.0.0.1:5997'])).toMatchObject({
      status: 7,
      out: '[000]\n',
      err: "curl: (7) Failed to connect to 127.0.0.1 port 5997 after 0 ms: Couldn't connect to server\n",
    });
  });

  it('refuses bad usage as curl does (exit 2)', async () => {
    expect(await run([])).toMatchObject({ status: 2, err: "curl: try 'curl --help' or 'curl --manual' for more information\n" });
    expect(await run(['--foo', 'x'])).toMatchObject({ status: 2, err: "curl: option --foo: is unknown\ncurl: try 'curl --help' or 'curl --manual' for more information\n" });
  });
});
