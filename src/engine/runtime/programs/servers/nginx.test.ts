import { describe, expect, it } from 'vitest';
import { Signals } from '../../process.ts';
import { Box } from './testing.ts';

// The official image's files (docker-library/nginx mainline/debian):
// default.conf and the 615-byte welcome page.
const DEFAULT_CONF = `server {
    listen       80;
    listen  [::]:80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html index.htm;
    }
}
`;
const WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

function nginxBox(conf = DEFAULT_CONF): Box {
  const b = new Box().bin('/usr/sbin/nginx');
  b.fs.put(
    '/etc/nginx/nginx.conf',
    'user  nginx;\nworker_processes  auto;\n\nerror_log  /var/log/nginx/error.log notice;\npid        /run/nginx.pid;\n\nhttp {\n    access_log  /var/log/nginx/access.log  main;\n}\n',
  );
  // the image links its logs to the container's output
  b.fs.mkdir('/var/log/nginx', { recursive: true });
  b.fs.symlink('/dev/stdout', '/var/log/nginx/access.log');
  b.fs.symlink('/dev/stderr', '/var/log/nginx/error.log');
  b.fs.put('/etc/nginx/conf.d/default.conf', conf);
  b.fs.put('/usr/share/nginx/html/index.html', WELCOME);
  b.fs.mkdir('/run');
  return b;
}

describe('nginx', () => {
  it("starts as the image's CMD: notices on stderr, a worker per CPU, port 80", async () => {
    const b = nginxBox();
    const p = b.start(['nginx', '-g', 'daemon off;']);
    await b.wait();
    expect(b.err.text).toBe(
      [
        '2025/08/13 15:21:29 [notice] 1#1: using the "epoll" event method',
        '2025/08/13 15:21:29 [notice] 1#1: nginx/1.29.1',
        '2025/08/13 15:21:29 [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ',
        '2025/08/13 15:21:29 [notice] 1#1: OS: Linux 6.8.0-berth',
        '2025/08/13 15:21:29 [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
        '2025/08/13 15:21:29 [notice] 1#1: start worker processes',
        '2025/08/13 15:21:29 [notice] 1#1: start worker process 2',
        '2025/08/13 15:21:29 [notice] 1#1: start worker process 3',
        '',
      ].join('\n'),
    );
    expect(b.ps()).toEqual(['1 0 nginx: master process nginx -g daemon off;', '2 1 nginx: worker process', '3 1 nginx: worker process']);
    expect(b.port(80)?.proto).toBe('tcp');
    expect(p.done).toBe(false);
  });

  it('serves the welcome page with nginx headers and logs the request on stdout', async () => {
    const b = nginxBox();
    b.start(['nginx', '-g', 'daemon off;']);
    await b.wait(5000);
    const res = await b.get(80);
    const [head, body] = res.split('\r\n\r\n');
    expect(head!.split('\r\n')).toEqual([
      'HTTP/1.1 200 OK',
      'Server: nginx/1.29.1',
      'Date: Wed, 13 Aug 2025 15:21:34 GMT',
      'Content-Type: text/html',
      'Content-Length: 615',
      'Last-Modified: Wed, 13 Aug 2025 15:21:29 GMT',
      'Connection: keep-alive',
      'ETag: "689cad79-267"',
      'Accept-Ranges: bytes',
    ]);
    expect(body).toBe(WELCOME);
    expect(b.out.text).toBe('172.17.0.1 - - [13/Aug/2025:15:21:34 +0000] "GET / HTTP/1.1" 200 615 "-" "curl/8.5.0" "-"\n');
    const missing = await b.get(80, '/nope');
    expect(missing).toBe(
      'HTTP/1.1 404 Not Found\r\nServer: nginx/1.29.1\r\nDate: Wed, 13 Aug 2025 15:21:34 GMT\r\nContent-Type: text/html\r\nContent-Length: 153\r\nConnection: keep-alive\r\n\r\n' +
        '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.29.1</center>\r\n</body>\r\n</html>\r\n',
    );
  });

  it('listens on the port default.conf names and serves its root', async () => {
    const b = nginxBox(DEFAULT_CONF.replace('listen       80;', 'listen       8080;').replace('/usr/share/nginx/html', '/srv'));
    b.fs.put('/srv/index.html', 'mine\n');
    b.start(['nginx', '-g', 'daemon off;']);
    await b.wait();
    expect(b.port(80)).toBeUndefined();
    expect((await b.get(8080)).endsWith('\r\n\r\nmine\n')).toBe(true);
  });

  it('SIGQUIT (docker stop with the STOPSIGNAL) shuts down gracefully; exit 0', async () => {
    const b = nginxBox();
    const p = b.start(['nginx', '-g', 'daemon off;']);
    await b.wait(60_000);
    const before = b.err.text.length;
    p.signal(Signals.SIGQUIT);
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(b.err.text.slice(before)).toBe(
      [
        '2025/08/13 15:22:29 [notice] 1#1: signal 3 (SIGQUIT) received, shutting down',
        '2025/08/13 15:22:29 [notice] 2#2: gracefully shutting down',
        '2025/08/13 15:22:29 [notice] 2#2: exiting',
        '2025/08/13 15:22:29 [notice] 2#2: exit',
        '2025/08/13 15:22:29 [notice] 3#3: gracefully shutting down',
        '2025/08/13 15:22:29 [notice] 3#3: exiting',
        '2025/08/13 15:22:29 [notice] 3#3: exit',
        '2025/08/13 15:22:29 [notice] 1#1: signal 17 (SIGCHLD) received from 2',
        '2025/08/13 15:22:29 [notice] 1#1: worker process 2 exited with code 0',
        '2025/08/13 15:22:29 [notice] 1#1: worker process 3 exited with code 0',
        '2025/08/13 15:22:29 [notice] 1#1: exit',
        '',
      ].join('\n'),
    );
    expect(b.ns.ports()).toEqual([]);
    expect(b.ps()).toEqual([]);
  });

  it('SIGTERM is the fast shutdown, also exit 0', async () => {
    const b = nginxBox();
    const p = b.start(['nginx', '-g', 'daemon off;']);
    await b.wait();
    p.signal(Signals.SIGTERM);
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(b.err.text).toContain('[notice] 1#1: signal 15 (SIGTERM) received, exiting\n');
    expect(b.err.text).not.toContain('gracefully');
  });

  it("the image's NGINX_VERSION is the version it reports, in logs, headers and error pages", async () => {
    const b = nginxBox();
    b.start(['nginx', '-g', 'daemon off;'], { NGINX_VERSION: '1.25.3' });
    await b.wait();
    expect(b.err.text).toContain('[notice] 1#1: nginx/1.25.3\n');
    const res = await b.get(80, '/nope');
    expect(res).toContain('\r\nServer: nginx/1.25.3\r\n');
    expect(res).toContain('<hr><center>nginx/1.25.3</center>');
  });

  it('nginx -s reload re-reads the configuration: new port, new workers, the old ones retire gracefully', async () => {
    const b = nginxBox();
    const p = b.start(['nginx', '-g', 'daemon off;']);
    await b.wait(1000);
    expect(b.fs.text('/run/nginx.pid')).toBe('1\n');
    b.fs.put('/etc/nginx/conf.d/default.conf', DEFAULT_CONF.replace('listen       80;', 'listen       8080;'));
    const before = b.err.text.length;
    const reload = b.start(['nginx', '-s', 'reload']);
    expect(await b.scheduler.runUntil(reload.exited)).toBe(0);
    await b.wait();
    expect(b.err.text.slice(before)).toBe(
      [
        '2025/08/13 15:21:30 [notice] 4#4: signal process started',
        '2025/08/13 15:21:30 [notice] 1#1: signal 1 (SIGHUP) received from 4, reconfiguring',
        '2025/08/13 15:21:30 [notice] 1#1: reconfiguring',
        '2025/08/13 15:21:30 [notice] 1#1: using the "epoll" event method',
        '2025/08/13 15:21:30 [notice] 1#1: start worker processes',
        '2025/08/13 15:21:30 [notice] 1#1: start worker process 5',
        '2025/08/13 15:21:30 [notice] 1#1: start worker process 6',
        '2025/08/13 15:21:30 [notice] 2#2: gracefully shutting down',
        '2025/08/13 15:21:30 [notice] 2#2: exiting',
        '2025/08/13 15:21:30 [notice] 2#2: exit',
        '2025/08/13 15:21:30 [notice] 3#3: gracefully shutting down',
        '2025/08/13 15:21:30 [notice] 3#3: exiting',
        '2025/08/13 15:21:30 [notice] 3#3: exit',
        '2025/08/13 15:21:30 [notice] 1#1: signal 17 (SIGCHLD) received from 2',
        '2025/08/13 15:21:30 [notice] 1#1: worker process 2 exited with code 0',
        '2025/08/13 15:21:30 [notice] 1#1: worker process 3 exited with code 0',
        '2025/08/13 15:21:30 [notice] 1#1: signal 29 (SIGIO) received',
        '',
      ].join('\n'),
    );
    expect(b.ns.ports().map((l) => l.port)).toEqual([8080]);
    expect(b.ps()).toEqual(['1 0 nginx: master process nginx -g daemon off;', '5 1 nginx: worker process', '6 1 nginx: worker process']);
    const quit = b.start(['nginx', '-s', 'quit']);
    expect(await b.scheduler.runUntil(quit.exited)).toBe(0);
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(b.err.text).toContain('[notice] 1#1: signal 3 (SIGQUIT) received from 7, shutting down\n');
    expect(b.fs.exists('/run/nginx.pid')).toBe(false);
    const late = b.start(['nginx', '-s', 'stop']);
    expect(await b.scheduler.runUntil(late.exited)).toBe(1);
    expect(b.err.text).toContain('[error] 8#8: open() "/run/nginx.pid" failed (2: No such file or directory)\n');
    expect(await b.run(['nginx', '-s', 'restart'])).toBe(1);
    expect(b.err.text).toContain('nginx: invalid option: "-s restart"\n');
  });

  it("Debian's package (apt-get install nginx): its version, sites-enabled, and logs in files at level error", async () => {
    const b = new Box().bin('/usr/sbin/nginx');
    b.fs.put('/var/lib/dpkg/status', 'Package: nginx\nStatus: install ok installed\nVersion: 1.22.1-9+deb12u2\n\nPackage: vim\nStatus: install ok installed\nVersion: 2:9.0.1378-2\n');
    b.fs.put('/etc/nginx/nginx.conf', 'user www-data;\nworker_processes auto;\npid /run/nginx.pid;\nerror_log /var/log/nginx/error.log;\n');
    b.fs.put('/etc/nginx/sites-enabled/default', 'server {\n\tlisten 80 default_server;\n\troot /var/www/html;\n\tindex index.html index.htm index.nginx-debian.html;\n}\n');
    b.fs.put('/var/www/html/index.nginx-debian.html', '<title>Welcome to nginx!</title>\n');
    b.fs.mkdir('/var/log/nginx', { recursive: true });
    b.fs.mkdir('/run');
    const p = b.start(['nginx', '-g', 'daemon off;']);
    await b.wait();
    expect(b.all.text).toBe('');
    expect(b.ps()).toHaveLength(3);
    const res = await b.get(80);
    expect(res).toContain('\r\nServer: nginx/1.22.1\r\n');
    expect(res.endsWith('<title>Welcome to nginx!</title>\n')).toBe(true);
    expect(b.fs.text('/var/log/nginx/access.log')).toBe('172.17.0.1 - - [13/Aug/2025:15:21:29 +0000] "GET / HTTP/1.1" 200 33 "-" "curl/8.5.0"\n');
    expect(b.fs.exists('/var/log/nginx/error.log')).toBe(false);
    p.signal(Signals.SIGQUIT);
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(await b.run(['nginx', '-s', 'reload'])).toBe(1);
    expect(b.all.text).toBe('nginx: [error] open() "/run/nginx.pid" failed (2: No such file or directory)\n');
    expect(b.fs.text('/var/log/nginx/error.log')).toBe('2025/08/13 15:21:29 [error] 4#4: open() "/run/nginx.pid" failed (2: No such file or directory)\n');
  });

  it('a port in use: five bind() failures half a second apart, then still could not bind()', async () => {
    const b = nginxBox();
    b.start(['nginx', '-g', 'daemon off;']);
    await b.wait();
    const before = b.err.text.length;
    const second = b.start(['nginx', '-g', 'daemon off;']);
    expect(await b.scheduler.runUntil(second.exited)).toBe(1);
    const lines = b.err.text.slice(before).split('\n').filter((l) => l.includes('[emerg]'));
    expect(lines.map((l) => l.slice(11))).toEqual([
      '15:21:29 [emerg] 4#4: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      '15:21:29 [emerg] 4#4: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      '15:21:30 [emerg] 4#4: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      '15:21:30 [emerg] 4#4: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      '15:21:31 [emerg] 4#4: bind() to 0.0.0.0:80 failed (98: Address already in use)',
      '15:21:31 [emerg] 4#4: still could not bind()',
    ]);
  });

  it('-v, -t, a bad option, and daemon mode (the started process exits at once)', async () => {
    const b = nginxBox();
    expect(await b.run(['nginx', '-v'])).toBe(0);
    expect(b.err.text).toBe('nginx version: nginx/1.29.1\n');
    expect(await b.run(['nginx', '-t'])).toBe(0);
    expect(b.err.text).toContain('nginx: configuration file /etc/nginx/nginx.conf test is successful\n');
    expect(await b.run(['nginx', '-x'])).toBe(1);
    expect(b.err.text).toContain('nginx: invalid option: "x"\n');
    const before = b.err.text.length;
    expect(await b.run(['nginx'])).toBe(0);
    expect(b.err.text.slice(before).split('\n').map((l) => l.slice(20))).toEqual([
      '[notice] 4#4: using the "epoll" event method',
      '[notice] 4#4: nginx/1.29.1',
      '[notice] 4#4: built by gcc 12.2.0 (Debian 12.2.0-14+deb12u1) ',
      '[notice] 4#4: OS: Linux 6.8.0-berth',
      '[notice] 4#4: getrlimit(RLIMIT_NOFILE): 1048576:1048576',
      '',
    ]);
    expect(b.ns.ports()).toEqual([]);
  });
});
