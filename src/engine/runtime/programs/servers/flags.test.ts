// The smaller options of every server program, each against the real tool's
// wording: nginx's ngx_show_version_info (src/core/nginx.c), redis-cli's
// parseOptions (src/redis-cli.c), apachectl configtest, python's command line.
import { describe, expect, it } from 'vitest';
import { Signals } from '../../process.ts';
import { Box } from './testing.ts';

describe('nginx options', () => {
  it('-h prints the usage with the official build paths on stderr; -V adds the build; -g and -s need a parameter', async () => {
    const b = new Box().bin('/usr/sbin/nginx');
    expect(await b.run(['nginx', '-h'])).toBe(0);
    expect(b.err.text).toContain('Usage: nginx [-?hvVtTq] [-s signal] [-p prefix]\n             [-e filename] [-c filename] [-g directives]\n\nOptions:\n  -?,-h         : this help\n');
    expect(b.err.text).toContain('  -p prefix     : set prefix path (default: /etc/nginx/)\n');
    expect(b.err.text.endsWith('  -g directives : set global directives out of configuration file\n\n')).toBe(true);
    expect(b.out.text).toBe('');
    const v = new Box().bin('/usr/sbin/nginx');
    expect(await v.run(['nginx', '-V'])).toBe(0);
    expect(v.err.text).toMatch(/^nginx version: nginx\/1\.29\.1\nbuilt by gcc 12\.2\.0 \(Debian 12\.2\.0-14\+deb12u1\) \nbuilt with OpenSSL 3\.0\.16 11 Feb 2025\nTLS SNI support enabled\nconfigure arguments: --prefix=\/etc\/nginx /);
    const g = new Box().bin('/usr/sbin/nginx');
    expect(await g.run(['nginx', '-g'])).toBe(1);
    expect(await g.run(['nginx', '-s'])).toBe(1);
    expect(g.err.text).toBe('nginx: option "-g" requires parameter\nnginx: option "-s" requires parameter\n');
  });
});

describe('redis options', () => {
  it('redis-server reads port from its config file and saves into --dir', async () => {
    const b = new Box().bin('/usr/local/bin/redis-server');
    b.fs.put('/etc/redis.conf', '# mine\nport 7777\n');
    b.fs.mkdir('/tmp');
    const p = b.start(['redis-server', '/etc/redis.conf', '--dir', '/tmp'], {}, '/');
    await b.wait();
    expect(b.out.text).toContain('* Configuration loaded\n');
    expect(b.out.text).toContain('* Running mode=standalone, port=7777.\n');
    expect(b.port(7777)).toBeDefined();
    p.signal(Signals.SIGTERM);
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(b.fs.exists('/tmp/dump.rdb')).toBe(true);
  });

  it('redis-cli: commands from standard input, -v, an unknown option', async () => {
    const b = new Box().bin('/usr/local/bin/redis-server', '/usr/local/bin/redis-cli');
    b.start(['redis-server']);
    await b.wait();
    const before = b.out.text.length;
    expect(await b.run(['redis-cli'], {}, '/', 'PING\nSET a "hello world"\nGET a\n\nINCR a\nSET b "open\n')).toBe(0);
    expect(b.out.text.slice(before)).toBe('PONG\nOK\nhello world\nERR value is not an integer or out of range\nInvalid argument(s)\n');
    expect(await b.run(['redis-cli', '-v'])).toBe(0);
    expect(b.out.text.endsWith('redis-cli 8.0.2\n')).toBe(true);
    expect(await b.run(['redis-cli', '--bogus'])).toBe(1);
    expect(b.err.text).toBe("Unrecognized option or bad number of args for: '--bogus'\n");
  });
});

describe('redis-cli on a terminal', () => {
  it('prompts with host:port and types its replies', async () => {
    const b = new Box().bin('/usr/local/bin/redis-server', '/usr/local/bin/redis-cli');
    b.start(['redis-server']);
    await b.wait();
    const before = b.out.text.length;
    const p = b.start(['redis-cli'], {}, '/', true, 'set n 1\nincr n\nget n\nget none\nkeys *\nbogus\nexit\n');
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(b.out.text.slice(before)).toBe(
      [
        '127.0.0.1:6379> OK',
        '127.0.0.1:6379> (integer) 2',
        '127.0.0.1:6379> "2"',
        '127.0.0.1:6379> (nil)',
        '127.0.0.1:6379> 1) "n"',
        "127.0.0.1:6379> (error) ERR unknown command 'bogus', with args beginning with: ",
        '127.0.0.1:6379> ',
      ].join('\n'),
    );
  });
});

describe('apache options', () => {
  it('apache2ctl configtest: AH00558 then Syntax OK; -v: the server version', async () => {
    const b = new Box().bin('/usr/sbin/apache2', '/usr/sbin/apache2ctl');
    b.fs.put('/etc/os-release', 'NAME="Ubuntu"\nVERSION_ID="24.04"\nID=ubuntu\n');
    expect(await b.run(['apache2ctl', 'configtest'])).toBe(0);
    expect(b.err.text).toBe(
      "AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using 172.17.0.2. Set the 'ServerName' directive globally to suppress this message\nSyntax OK\n",
    );
    expect(await b.run(['apache2ctl', '-v'])).toBe(0);
    expect(b.out.text).toBe('Server version: Apache/2.4.58 (Ubuntu)\n');
  });
});

describe('python options', () => {
  it('-u is accepted; - reads the program from stdin; -m of a missing module; an unknown option', async () => {
    const b = new Box().bin('/usr/local/bin/python3.12');
    b.fs.symlink('python3.12', '/usr/local/bin/python3');
    expect(await b.run(['python3', '-u', '-c', 'print("unbuffered")'])).toBe(0);
    expect(await b.run(['python3', '-'], {}, '/', 'x = 2\nprint(x * 21)\n')).toBe(0);
    expect(b.out.text).toBe('unbuffered\n42\n');
    expect(await b.run(['python3', '-m', 'nosuch'])).toBe(1);
    expect(b.err.text).toBe('/usr/local/bin/python3: No module named nosuch\n');
    expect(await b.run(['python3', '-Z'])).toBe(2);
    expect(b.err.text).toContain("Unknown option: -Z\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n");
  });

  it('app.run(debug=True): the debug banner and the reloader and debugger lines', async () => {
    const b = new Box().bin('/usr/local/bin/python2.7');
    b.fs.mkdir('/usr/local/lib/python2.7/site-packages/flask', { recursive: true });
    b.fs.put('/app/app.py', "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef hi():\n    return 'hi'\napp.run(host='0.0.0.0', port=5000, debug=True)\n");
    b.start(['python2.7', 'app.py'], {}, '/app');
    await b.wait();
    expect(b.out.text).toContain(' * Debug mode: on\n');
    expect(b.err.text).toContain(' * Running on http://0.0.0.0:5000/ (Press CTRL+C to quit)\n * Restarting with stat\n * Debugger is active!\n');
  });
});
