// pip 20.0.2 under Python 2.7 (the python:2.7-slim image). Expected lines
// follow pip 20's sources: the DEPRECATION banner (cli/base_command.py),
// "Collecting", "  Downloading <wheel> (<size>)" with utils/misc.py's
// format_size, "Installing collected packages:", "Successfully installed"
// (sorted), and resolution's "ERROR: Could not find a version that
// satisfies the requirement ... (from versions: none)".
import { describe, expect, it } from 'vitest';
import type { UnionFs } from '../../../fs/union.ts';
import { packagePrograms } from './index.ts';
import { containerFs, runProgram } from './testing.ts';

function python27(): UnionFs {
  return containerFs([
    { type: 'text', path: '/etc/os-release', text: 'PRETTY_NAME="Debian GNU/Linux 10 (buster)"\nID=debian\nVERSION_ID="10"\nVERSION_CODENAME=buster\n' },
    { type: 'dir', path: '/usr/local/lib/python2.7/site-packages' },
    { type: 'text', path: '/usr/local/lib/python2.7/site-packages/pip-20.0.2.dist-info/METADATA', text: 'Metadata-Version: 2.1\nName: pip\nVersion: 20.0.2\n' },
    { type: 'text', path: '/app/requirements.txt', text: 'Flask\nRedis\n' },
  ]);
}

const DEPRECATION =
  'DEPRECATION: Python 2.7 reached the end of its life on January 1st, 2020. Please upgrade your Python as Python 2.7 is no longer maintained. A future version of pip will drop support for Python 2.7. More details about Python 2 support in pip, can be found at https://pip.pypa.io/en/latest/development/release-process/#python-2-support\n';

const run = (fs: UnionFs, argv: string[], asToday = false) => runProgram(packagePrograms({ sourcesAsToday: () => asToday }).get('pip')!, argv, fs, { cwd: '/app' });

describe('pip on python:2.7-slim', () => {
  it('install -r requirements.txt (Flask, Redis): banner, Collecting/Downloading, install order, Successfully installed; list and freeze', async () => {
    const fs = python27();
    const r = await run(fs, ['pip', 'install', '--trusted-host', 'pypi.python.org', '-r', 'requirements.txt']);
    expect(r.status).toBe(0);
    expect(r.err).toBe(DEPRECATION);
    expect(r.out).toBe(
      'Collecting Flask\n  Downloading Flask-1.1.4-py2.py3-none-any.whl (96 kB)\n' +
        'Collecting Redis\n  Downloading redis-3.5.3-py2.py3-none-any.whl (73 kB)\n' +
        'Collecting Werkzeug<2.0,>=0.15\n  Downloading Werkzeug-1.0.1-py2.py3-none-any.whl (305 kB)\n' +
        'Collecting Jinja2<3.0,>=2.10.1\n  Downloading Jinja2-2.11.3-py2.py3-none-any.whl (128 kB)\n' +
        'Collecting itsdangerous<2.0,>=0.24\n  Downloading itsdangerous-1.1.0-py2.py3-none-any.whl (16 kB)\n' +
        'Collecting click<8.0,>=5.1\n  Downloading click-7.1.2-py2.py3-none-any.whl (83 kB)\n' +
        'Collecting MarkupSafe>=0.23\n  Downloading MarkupSafe-1.1.1-cp27-cp27mu-manylinux1_x86_64.whl (24 kB)\n' +
        'Installing collected packages: Werkzeug, MarkupSafe, Jinja2, itsdangerous, click, Flask, redis\n' +
        'Successfully installed Flask-1.1.4 Jinja2-2.11.3 MarkupSafe-1.1.1 Werkzeug-1.0.1 click-7.1.2 itsdangerous-1.1.0 redis-3.5.3\n',
    );
    expect(fs.exists('/usr/local/lib/python2.7/site-packages/flask/__init__.py')).toBe(true);
    expect(fs.stat('/usr/local/bin/flask').mode & 0o111).toBeTruthy();
    expect((await run(fs, ['pip', 'freeze'])).out).toBe('click==7.1.2\nFlask==1.1.4\nitsdangerous==1.1.0\nJinja2==2.11.3\nMarkupSafe==1.1.1\nredis==3.5.3\nWerkzeug==1.0.1\n');
    expect((await run(fs, ['pip', 'list'])).out).toBe(
      'Package      Version\n------------ -------\nclick        7.1.2\nFlask        1.1.4\nitsdangerous 1.1.0\nJinja2       2.11.3\nMarkupSafe   1.1.1\npip          20.0.2\nredis        3.5.3\nWerkzeug     1.0.1\n',
    );
    expect((await run(fs, ['pip', 'install', 'flask'])).out).toBe('Requirement already satisfied: flask in /usr/local/lib/python2.7/site-packages\n');
  });

  it('--version answers before any banner; -q keeps only warnings and errors', async () => {
    const fs = python27();
    expect(await run(fs, ['pip', '--version'])).toMatchObject({ status: 0, out: 'pip 20.0.2 from /usr/local/lib/python2.7/site-packages/pip (python 2.7)\n', err: '' });
    const q = await run(fs, ['pip', 'install', '-q', 'Flask']);
    expect(q).toMatchObject({ status: 0, out: '', err: DEPRECATION });
    expect(fs.exists('/usr/local/lib/python2.7/site-packages/flask/__init__.py')).toBe(true);
  });

  it('an unknown requirement, and one from a file', async () => {
    const fs = python27();
    expect(await run(fs, ['pip', 'install', 'nosuch'])).toMatchObject({
      status: 1,
      out: 'Collecting nosuch\n',
      err: DEPRECATION + 'ERROR: Could not find a version that satisfies the requirement nosuch (from versions: none)\nERROR: No matching distribution found for nosuch\n',
    });
    expect(await run(fs, ['pip', 'install', '-r', 'nope.txt'])).toMatchObject({ status: 1, err: DEPRECATION + "ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'nope.txt'\n" });
  });

  it('against today\'s PyPI, Python 2.7\'s pip finds nothing', async () => {
    const fs = python27();
    const r = await run(fs, ['pip', 'install', '-r', 'requirements.txt'], true);
    expect(r.status).toBe(1);
    expect(r.err).toBe(
      DEPRECATION +
        'ERROR: Could not find a version that satisfies the requirement Flask (from -r requirements.txt (line 1)) (from versions: none)\nERROR: No matching distribution found for Flask (from -r requirements.txt (line 1))\n',
    );
    expect(fs.exists('/usr/local/lib/python2.7/site-packages/flask')).toBe(false);
  });

  it('other Pythons say they are not simulated', async () => {
    const fs = containerFs([{ type: 'dir', path: '/usr/local/lib/python3.5/site-packages' }]);
    expect(await run(fs, ['pip', 'install', 'flask'])).toMatchObject({ status: 1, err: 'pip: pip under Python 3.5 is not simulated by Berth\n' });
  });
});
