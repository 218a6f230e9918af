import { describe, expect, it } from 'vitest';
import { Signals } from '../../process.ts';
import { Box } from './testing.ts';

// Ubuntu 24.04's apache2 package (2.4.58-1ubuntu8): apache2ctl -D FOREGROUND
// prints AH00558 on stderr and logs the rest to /var/log/apache2/error.log.
// Messages: httpd's server/util.c (AH00558), server/mpm/event/event.c
// (AH00489, AH00491), server/core.c (AH00094), modules/http error pages.
const INDEX = '<!DOCTYPE html>\n<title>Apache2 Ubuntu Default Page: It works</title>\n';

function ubuntuBox(): Box {
  const b = new Box().bin('/usr/sbin/apache2', '/usr/sbin/apache2ctl');
  b.fs.put('/etc/os-release', 'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n');
  b.fs.put('/etc/apache2/apache2.conf', 'DefaultRuntimeDir ${APACHE_RUN_DIR}\nPidFile ${APACHE_PID_FILE}\nInclude ports.conf\n');
  b.fs.put('/etc/apache2/ports.conf', 'Listen 80\n');
  b.fs.put('/etc/apache2/sites-enabled/000-default.conf', '<VirtualHost *:80>\n\tServerAdmin webmaster@localhost\n\tDocumentRoot /var/www/html\n</VirtualHost>\n');
  b.fs.put('/var/www/html/index.html', INDEX);
  b.fs.mkdir('/var/log/apache2', { recursive: true });
  return b;
}

describe('apache2ctl -D FOREGROUND (Ubuntu)', () => {
  it('prints AH00558 with the container address, starts two children and serves the default page', async () => {
    const b = ubuntuBox();
    const p = b.start(['apache2ctl', '-D', 'FOREGROUND']);
    await b.wait(2000);
    expect(b.all.text).toBe(
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n",
    );
    expect(b.ps()).toEqual(['1 0 apache2ctl -D FOREGROUND', '2 1 /usr/sbin/apache2 -D FOREGROUND', '3 2 /usr/sbin/apache2 -D FOREGROUND', '4 2 /usr/sbin/apache2 -D FOREGROUND']);
    expect(b.fs.text('/var/log/apache2/error.log')).toBe(
      [
        "[Wed Aug 13 15:21:29.000000 2025] [mpm_event:notice] [pid 2:tid 2] AH00489: Apache/2.4.58 (Ubuntu) configured -- resuming normal operations",
        "[Wed Aug 13 15:21:29.000000 2025] [core:notice] [pid 2:tid 2] AH00094: Command line: '/usr/sbin/apache2 -D FOREGROUND'",
        '',
      ].join('\n'),
    );
    const res = await b.get(80);
    const [head, body] = res.split('\r\n\r\n');
    expect(head!.split('\r\n')).toEqual([
      'HTTP/1.1 200 OK',
      'Date: Wed, 13 Aug 2025 15:21:31 GMT',
      'Server: Apache/2.4.58 (Ubuntu)',
      'Last-Modified: Wed, 13 Aug 2025 15:21:29 GMT',
      `ETag: "${INDEX.length.toString(16)}-63c40b5fb9040"`,
      'Accept-Ranges: bytes',
      `Content-Length: ${INDEX.length}`,
      'Vary: Accept-Encoding',
      'Content-Type: text/html',
    ]);
    expect(body).toBe(INDEX);
    expect(b.fs.text('/var/log/apache2/access.log')).toBe('172.17.0.1 - - [13/Aug/2025:15:21:31 +0000] "GET / HTTP/1.1" 200 ' + INDEX.length + ' "-" "curl/8.5.0"\n');
    const missing = await b.get(80, '/nope');
    expect(missing.split('\r\n\r\n')[1]).toBe(
      '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n<hr>\n<address>Apache/2.4.58 (Ubuntu) Server at localhost Port 80</address>\n</body></html>\n',
    );
    expect(missing).toContain('\r\nContent-Type: text/html; charset=iso-8859-1\r\n');
    expect(p.done).toBe(false);
  });

  it('PID 1 is the apache2ctl shell: it ignores SIGTERM (docker stop waits, then SIGKILL)', async () => {
    const b = ubuntuBox();
    const p = b.start(['apache2ctl', '-D', 'FOREGROUND']);
    await b.wait();
    p.signal(Signals.SIGTERM);
    await b.wait(10_000);
    expect(p.done).toBe(false);
    expect(b.port(80)).toBeDefined();
    p.signal(Signals.SIGKILL);
    expect(await p.exited).toBe(137);
  });

  it('apache2 itself shuts down on SIGTERM (exit 0) and logs AH00491', async () => {
    const b = ubuntuBox();
    const p = b.start(['/usr/sbin/apache2', '-D', 'FOREGROUND'], { APACHE_RUN_DIR: '/var/run/apache2' });
    await b.wait();
    p.signal(Signals.SIGTERM);
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(b.fs.text('/var/log/apache2/error.log')).toContain('] [mpm_event:notice] [pid 1:tid 1] AH00491: caught SIGTERM, shutting down\n');
    expect(b.ns.ports()).toEqual([]);
    expect(b.ps()).toEqual([]);
  });

  it('apache2 without envvars fails as the real one does', async () => {
    const b = ubuntuBox();
    expect(await b.run(['apache2', '-D', 'FOREGROUND'])).toBe(1);
    expect(b.err.text).toBe(
      '[core:warn] [pid 1] AH00111: Config variable ${APACHE_RUN_DIR} is not defined\napache2: Syntax error on line 80 of /etc/apache2/apache2.conf: DefaultRuntimeDir must be a valid directory, absolute or relative to ServerRoot\n',
    );
  });

  it('ServerName silences AH00558; apache2ctl start runs it in the background, stop ends it', async () => {
    const b = ubuntuBox();
    b.fs.put('/etc/apache2/conf-enabled/servername.conf', 'ServerName localhost\n');
    expect(await b.run(['apache2ctl', 'start'])).toBe(0);
    expect(b.all.text).toBe('');
    expect(b.port(80)).toBeDefined();
    expect(await b.run(['apache2ctl', 'stop'])).toBe(0);
    await b.wait();
    expect(b.port(80)).toBeUndefined();
    expect(await b.run(['apache2ctl', 'stop'])).toBe(0);
    expect(b.out.text).toBe('httpd (no pid file) not running\n');
  });
});

describe('apt-get install apache2: the version of the installed package', () => {
  it('reads Listen from ports.conf and the version from dpkg status', async () => {
    const b = ubuntuBox();
    b.fs.put('/etc/os-release', 'NAME="Ubuntu"\nVERSION_ID="14.04"\nID=ubuntu\n');
    b.fs.put('/var/lib/dpkg/status', 'Package: apache2-bin\nStatus: install ok installed\nVersion: 2.4.7-1ubuntu4.22\n');
    b.fs.put('/etc/apache2/ports.conf', 'Listen 8081\n');
    b.start(['apache2ctl', '-D', 'FOREGROUND']);
    await b.wait();
    expect(await b.get(8081)).toContain('\r\nServer: Apache/2.4.7 (Ubuntu)\r\n');
  });
});

describe('httpd (CentOS 7)', () => {
  it('names itself httpd in AH00558, logs to error_log and access_log, AddDefaultCharset labels text', async () => {
    const b = new Box().bin('/usr/sbin/httpd');
    b.fs.put('/etc/os-release', 'NAME="CentOS Linux"\nVERSION_ID="7"\nID="centos"\n');
    b.fs.put('/etc/httpd/conf/httpd.conf', 'Listen 80\nDocumentRoot "/var/www/html"\nAddDefaultCharset UTF-8\n');
    b.fs.put('/var/www/html/page.html', '<p>hi</p>\n');
    b.fs.mkdir('/var/log/httpd', { recursive: true });
    b.start(['httpd', '-D', 'FOREGROUND']);
    await b.wait();
    expect(await b.get(80, '/page.html')).toContain('\r\nContent-Type: text/html; charset=UTF-8\r\n');
    expect(b.fs.text('/var/log/httpd/error_log')).toContain('[mpm_prefork:notice] [pid 1] AH00489: Apache/2.4.6 (CentOS) configured -- resuming normal operations\n');
    expect(b.fs.text('/var/log/httpd/access_log')).toContain('"GET /page.html HTTP/1.1" 200 10 "-" "curl/8.5.0"\n');
    await b.wait();
    expect(b.err.text).toBe(
      "AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\n",
    );
    expect((await b.get(80)).split('\r\n')[0]).toBe('HTTP/1.1 404 Not Found');
    expect(await b.get(80)).toContain('Server: Apache/2.4.6 (CentOS)\r\n');
  });
});
