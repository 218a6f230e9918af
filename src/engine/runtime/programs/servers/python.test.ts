import { describe, expect, it } from 'vitest';
import { Signals } from '../../process.ts';
import { Box } from './testing.ts';

// Docker's get-started part 2 app (docs.docker.com/get-started/part2, 2017-2019):
// python:2.7-slim, pip install Flask Redis, CMD ["python", "app.py"].
const FRIENDLYHELLO = `from flask import Flask
from redis import Redis, RedisError
import os
import socket

# Connect to Redis
redis = Redis(host="redis", db=0, socket_connect_timeout=2, socket_timeout=2)

app = Flask(__name__)

@app.route("/")
def hello():
    try:
        visits = redis.incr("counter")
    except RedisError:
        visits = "<i>cannot connect to Redis, counter disabled</i>"

    html = "<h3>Hello {name}!</h3>" \\
           "<b>Hostname:</b> {hostname}<br/>" \\
           "<b>Visits:</b> {visits}"
    return html.format(name=os.getenv("NAME", "world"), hostname=socket.gethostname(), visits=visits)

if __name__ == "__main__":
    app.run(host='0.0.0.0', port=80)
`;

const SITE2 = '/usr/local/lib/python2.7/site-packages';

function py2Box(): Box {
  const b = new Box().bin('/usr/local/bin/python2.7');
  b.fs.symlink('python2.7', '/usr/local/bin/python2');
  b.fs.symlink('python2', '/usr/local/bin/python');
  b.fs.mkdir(SITE2, { recursive: true });
  return b;
}

function pipInstall(b: Box, site: string, ...dists: [string, string, string][]): void {
  for (const [pkg, dist, version] of dists) {
    b.fs.mkdir(`${site}/${pkg}`, { recursive: true });
    b.fs.mkdir(`${site}/${dist}-${version}.dist-info`, { recursive: true });
  }
}

function py3Box(): Box {
  const b = new Box().bin('/usr/local/bin/python3.12');
  b.fs.symlink('python3.12', '/usr/local/bin/python3');
  b.fs.symlink('python3', '/usr/local/bin/python');
  b.fs.mkdir('/usr/local/lib/python3.12/site-packages', { recursive: true });
  return b;
}

describe('python versions', () => {
  it('python 2 prints its version on stderr, python 3 on stdout; PYTHON_VERSION refines the patch', async () => {
    const b2 = py2Box();
    expect(await b2.run(['python', '--version'], { PYTHON_VERSION: '2.7.18' })).toBe(0);
    expect([b2.out.text, b2.err.text]).toEqual(['', 'Python 2.7.18\n']);
    const b3 = py3Box();
    expect(await b3.run(['python', '-V'], { PYTHON_VERSION: '3.12.11' })).toBe(0);
    expect(await b3.run(['python3', '-V'], { PYTHON_VERSION: '3.12.4' })).toBe(0);
    expect([b3.out.text, b3.err.text]).toEqual(['Python 3.12.11\nPython 3.12.4\n', '']);
  });

  it('-c: print of expressions with each version\'s division and print', async () => {
    const b2 = py2Box();
    expect(await b2.run(['python', '-c', 'print "hello"; print 7/2, 7/2.0; print("a", 1)'])).toBe(0);
    expect(b2.out.text).toBe("hello\n3 3.5\n('a', 1)\n");
    const b3 = py3Box();
    expect(await b3.run(['python', '-c', 'x = 6 * 7; print(x, 7/2, 7//2, 2**10, "ab" * 2, len("hello"))'])).toBe(0);
    expect(b3.out.text).toBe('42 3.5 3 1024 abab 5\n');
    expect(await b3.run(['python', '-c', 'print(1/3, 10/5)'])).toBe(0);
    expect(b3.out.text).toContain('0.3333333333333333 2.0\n');
  });

  it('-c: the errors Python reports, with exit status 1', async () => {
    const b3 = py3Box();
    expect(await b3.run(['python', '-c', 'print "hello"'])).toBe(1);
    expect(b3.err.text).toBe(
      '  File "<string>", line 1\n    print "hello"\n    ^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to \'print\'. Did you mean print(...)?\n',
    );
    const b = py3Box();
    expect(await b.run(['python', '-c', 'print(nosuch)'])).toBe(1);
    expect(b.err.text).toBe('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nNameError: name \'nosuch\' is not defined\n');
    const z = py2Box();
    expect(await z.run(['python', '-c', 'print 1/0'])).toBe(1);
    expect(z.err.text).toBe('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nZeroDivisionError: integer division or modulo by zero\n');
    const i = py3Box();
    expect(await i.run(['python', '-c', 'import requests'])).toBe(1);
    expect(i.err.text).toBe("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nModuleNotFoundError: No module named 'requests'\n");
  });

  it('a missing script: status 2, the path as each version shows it', async () => {
    const b2 = py2Box();
    expect(await b2.run(['python', 'app.py'], {}, '/app')).toBe(2);
    expect(b2.err.text).toBe("python: can't open file 'app.py': [Errno 2] No such file or directory\n");
    const b3 = py3Box();
    expect(await b3.run(['python3', 'app.py'], {}, '/app')).toBe(2);
    expect(b3.err.text).toBe("python3: can't open file '/app/app.py': [Errno 2] No such file or directory\n");
  });

  it('a NameError in a script: Python 3.12 marks the name under the line, Python 2 does not', async () => {
    const b3 = py3Box();
    b3.fs.put('/app/bad.py', 'x = 1\nprint(x + y)\n');
    expect(await b3.run(['python', 'bad.py'], {}, '/app')).toBe(1);
    expect(b3.err.text).toBe('Traceback (most recent call last):\n  File "/app/bad.py", line 2, in <module>\n    print(x + y)\n              ^\nNameError: name \'y\' is not defined\n');
    const b2 = py2Box();
    b2.fs.put('/app/bad.py', 'x = 1\nprint x + y\n');
    expect(await b2.run(['python', 'bad.py'], {}, '/app')).toBe(1);
    expect(b2.err.text).toBe('Traceback (most recent call last):\n  File "bad.py", line 2, in <module>\n    print x + y\nNameError: name \'y\' is not defined\n');
  });

  it('a script of imports, assignments and prints runs', async () => {
    const b = py3Box();
    b.fs.put('/app/hello.py', 'import os\nname = "world"\nprint("Hello, " + name + "!")\n');
    expect(await b.run(['python', 'hello.py'], {}, '/app')).toBe(0);
    expect(b.out.text).toBe('Hello, world!\n');
  });
});

describe('Flask apps', () => {
  it('without flask installed: ImportError (py2) / ModuleNotFoundError (py3) at the import line', async () => {
    const b2 = py2Box();
    b2.fs.put('/app/app.py', FRIENDLYHELLO);
    expect(await b2.run(['python', 'app.py'], {}, '/app')).toBe(1);
    expect(b2.err.text).toBe('Traceback (most recent call last):\n  File "app.py", line 1, in <module>\n    from flask import Flask\nImportError: No module named flask\n');
    const b3 = py3Box();
    b3.fs.put('/app/app.py', FRIENDLYHELLO);
    expect(await b3.run(['python', 'app.py'], {}, '/app')).toBe(1);
    expect(b3.err.text).toBe("Traceback (most recent call last):\n  File \"/app/app.py\", line 1, in <module>\n    from flask import Flask\nModuleNotFoundError: No module named 'flask'\n");
    // flask there but not redis: the second import fails
    pipInstall(b2, SITE2, ['flask', 'Flask', '1.1.4']);
    expect(await b2.run(['python', 'app.py'], {}, '/app')).toBe(1);
    expect(b2.err.text).toContain('  File "app.py", line 2, in <module>\n    from redis import Redis, RedisError\nImportError: No module named redis\n');
  });

  it('friendlyhello on python:2.7-slim: the Flask 1.1 banner, Werkzeug 1.0 lines, the page after the 2 s redis timeout', async () => {
    const b = py2Box();
    b.fs.put('/app/app.py', FRIENDLYHELLO);
    pipInstall(b, SITE2, ['flask', 'Flask', '1.1.4'], ['werkzeug', 'Werkzeug', '1.0.1'], ['redis', 'redis', '3.5.3']);
    const p = b.start(['python', 'app.py'], { NAME: 'World', PYTHON_VERSION: '2.7.18' }, '/app');
    await b.wait();
    expect(b.all.text).toBe(
      [
        ' * Serving Flask app "app" (lazy loading)',
        ' * Environment: production',
        '   WARNING: This is a development server. Do not use it in a production deployment.',
        '   Use a production WSGI server instead.',
        ' * Debug mode: off',
        ' * Running on http://0.0.0.0:80/ (Press CTRL+C to quit)',
        '',
      ].join('\n'),
    );
    const pending = b.get(80);
    const t0 = b.scheduler.now();
    const res = await b.scheduler.runUntil(pending);
    expect(b.scheduler.now() - t0).toBe(2000);
    expect(res).toBe(
      'HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 118\r\nServer: Werkzeug/1.0.1 Python/2.7.18\r\nDate: Wed, 13 Aug 2025 15:21:31 GMT\r\n\r\n' +
        '<h3>Hello World!</h3><b>Hostname:</b> f00dcafe1234<br/><b>Visits:</b> <i>cannot connect to Redis, counter disabled</i>',
    );
    expect(b.err.text.split('\n').at(-2)).toBe('172.17.0.1 - - [13/Aug/2025 15:21:31] "\x1b[37mGET / HTTP/1.1\x1b[0m" 200 -');
    const missing = await b.get(80, '/favicon.ico');
    expect(missing.split('\r\n\r\n')[1]).toBe(
      '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2 Final//EN">\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
    );
    expect(b.err.text).toContain('"\x1b[33mGET /favicon.ico HTTP/1.1\x1b[0m" 404 -\n');
    // PID 1 python installs no SIGTERM handler: docker stop's SIGTERM does nothing
    p.signal(Signals.SIGTERM);
    await b.wait(10_000);
    expect(p.done).toBe(false);
    p.signal(Signals.SIGINT);
    expect(await b.scheduler.runUntil(p.exited)).toBe(0);
    expect(b.ns.ports()).toEqual([]);
  });

  it('friendlyhello counts visits when redis answers at the host it names', async () => {
    const b = py2Box().bin('/usr/local/bin/redis-server');
    b.fs.put('/etc/hosts', '127.0.0.1\tlocalhost\n127.0.0.1\tredis\n172.17.0.2\tf00dcafe1234\n');
    b.fs.put('/app/app.py', FRIENDLYHELLO);
    b.fs.mkdir('/data');
    pipInstall(b, SITE2, ['flask', 'Flask', '1.1.4'], ['werkzeug', 'Werkzeug', '1.0.1'], ['redis', 'redis', '3.5.3']);
    b.start(['redis-server'], {}, '/data');
    await b.wait();
    b.start(['python', 'app.py'], {}, '/app');
    await b.wait();
    expect((await b.get(80)).endsWith('<b>Visits:</b> 1')).toBe(true);
    expect((await b.get(80)).endsWith('<b>Visits:</b> 2')).toBe(true);
    expect((await b.get(80)).includes('<h3>Hello world!</h3>')).toBe(true);
  });

  it('python -m flask run (Docker\'s Python guide) and the flask script: app.py found, --host and --port, usage errors', async () => {
    const b = py3Box();
    const site = '/usr/local/lib/python3.12/site-packages';
    pipInstall(b, site, ['flask', 'flask', '3.1.2'], ['werkzeug', 'werkzeug', '3.1.3']);
    expect(await b.run(['python3', '-m', 'flask', 'run', '--host=0.0.0.0'], {}, '/app')).toBe(2);
    expect(b.err.text).toBe(
      "Usage: python -m flask run [OPTIONS]\nTry 'python -m flask run --help' for help.\n\nError: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.\n",
    );
    b.fs.put('/app/app.py', "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef hello_world():\n    return 'Hello, Docker!'\n");
    const before = [b.out.text.length, b.err.text.length];
    b.start(['python3', '-m', 'flask', 'run', '--host=0.0.0.0'], { PYTHON_VERSION: '3.12.11' }, '/app');
    await b.wait();
    expect(b.out.text.slice(before[0])).toBe(' * Debug mode: off\n');
    expect(b.err.text.slice(before[1])).toContain(' * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:5000\n * Running on http://172.17.0.2:5000\n');
    expect((await b.get(5000)).endsWith('\r\n\r\nHello, Docker!')).toBe(true);
    b.fs.put('/usr/local/bin/flask', '#!/usr/local/bin/python3.12\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom flask.cli import main\nif __name__ == "__main__":\n    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])\n    sys.exit(main())\n', 0o755);
    b.start(['python3', '/usr/local/bin/flask', '--app', 'app', 'run', '-p', '8000'], {}, '/app');
    await b.wait();
    expect(b.out.text).toContain(" * Serving Flask app 'app'\n * Debug mode: off\n");
    expect(b.err.text).toContain(' * Running on http://127.0.0.1:8000\n');
    expect(await b.run(['python3', '/usr/local/bin/flask', 'serve'], {}, '/app')).toBe(2);
    expect(b.err.text).toContain("Usage: flask [OPTIONS] COMMAND [ARGS]...\nTry 'flask --help' for help.\n\nError: No such command 'serve'.\n");
  });

  it('Flask 3 on Python 3: the modern banner, warning and address lines in colour, HTTP/1.1', async () => {
    const b = py3Box();
    const site = '/usr/local/lib/python3.12/site-packages';
    pipInstall(b, site, ['flask', 'flask', '3.1.2'], ['werkzeug', 'werkzeug', '3.1.3']);
    b.fs.put('/app/web.py', "from flask import Flask\napp = Flask(__name__)\n\n@app.route('/')\ndef index():\n    return 'Hello, Docker!'\n\nif __name__ == '__main__':\n    app.run(host='0.0.0.0', port=5000)\n");
    b.start(['python', 'web.py'], { PYTHON_VERSION: '3.12.11' }, '/app');
    await b.wait();
    expect(b.out.text).toBe(" * Serving Flask app 'web'\n * Debug mode: off\n");
    expect(b.err.text).toBe(
      '\x1b[31m\x1b[1mWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\x1b[0m\n' +
        ' * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:5000\n * Running on http://172.17.0.2:5000\n\x1b[33mPress CTRL+C to quit\x1b[0m\n',
    );
    expect(await b.get(5000)).toBe(
      'HTTP/1.1 200 OK\r\nServer: Werkzeug/3.1.3 Python/3.12.11\r\nDate: Wed, 13 Aug 2025 15:21:29 GMT\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 14\r\nConnection: close\r\n\r\nHello, Docker!',
    );
    expect(b.err.text.endsWith('172.17.0.1 - - [13/Aug/2025 15:21:29] "GET / HTTP/1.1" 200 -\n')).toBe(true);
  });
});

describe('Flask views the evaluator runs', () => {
  it('variable rules, f-strings, os.getenv and socket.gethostname', async () => {
    const b = py3Box();
    pipInstall(b, '/usr/local/lib/python3.12/site-packages', ['flask', 'flask', '3.1.2'], ['werkzeug', 'werkzeug', '3.1.3']);
    b.fs.put(
      '/app/app.py',
      [
        'import os',
        'import socket',
        'from flask import Flask',
        'app = Flask(__name__)',
        '',
        "@app.route('/hello/<name>')",
        'def hello(name):',
        "    greeting = os.getenv('GREETING', 'Hello')",
        "    return f'{greeting}, {name.title()}! I am {socket.gethostname()}.'",
        '',
        "@app.route('/square/<int:n>')",
        'def square(n):',
        '    return str(n * n)',
        '',
        "if __name__ == '__main__':",
        "    app.run(host='0.0.0.0', port=8000)",
        '',
      ].join('\n'),
    );
    b.start(['python', 'app.py'], { GREETING: 'Hi' }, '/app');
    await b.wait();
    expect((await b.get(8000, '/hello/docker')).split('\r\n\r\n')[1]).toBe('Hi, Docker! I am f00dcafe1234.');
    expect((await b.get(8000, '/square/12')).split('\r\n\r\n')[1]).toBe('144');
    expect((await b.get(8000, '/square/x')).split('\r\n')[0]).toBe('HTTP/1.1 404 NOT FOUND');
  });

  it('python -c: os.getenv needs import os', async () => {
    const b = py3Box();
    expect(await b.run(['python', '-c', 'import os; print(os.getenv("HOME", "none"), f"{1 + 1}")'], { HOME: '/root' })).toBe(0);
    expect(b.out.text).toBe('/root 2\n');
    expect(await b.run(['python', '-c', 'print(os.getenv("HOME"))'])).toBe(1);
    expect(b.err.text).toContain("NameError: name 'os' is not defined\n");
  });
});

describe('python -c limits', () => {
  it('huge strings are a MemoryError, integers past 2**53 and unknown code are reported as beyond the simulator', async () => {
    const b = py3Box();
    expect(await b.run(['python', '-c', 'print("x" * 10**9)'])).toBe(1);
    expect(b.err.text).toBe('Traceback (most recent call last):\n  File "<string>", line 1, in <module>\nMemoryError\n');
    expect(await b.run(['python', '-c', 'print(2**100)'])).toBe(1);
    expect(b.err.text).toContain('Berth: this Python is beyond the simulator (it runs imports, assignments and print of simple expressions): integers beyond 2**53\n');
    expect(await b.run(['python', '-c', 'for i in range(3): print(i)'])).toBe(1);
    expect(b.err.text).toContain('Berth: this Python is beyond the simulator');
    expect(await b.run(['python', '-c', 'print("a" * 2.5)'])).toBe(1);
    expect(b.err.text).toContain("TypeError: can't multiply sequence by non-int of type 'float'\n");
  });
});
