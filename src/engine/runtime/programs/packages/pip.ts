// pip (the 20.x the python:2.7 image carries): install from names or -r
// requirements files, resolving dependencies from a small index of PyPI,
// writing the packages and their .dist-info into site-packages; list and
// freeze read the .dist-info directories back. Under Python 2.7 pip 20
// prints its DEPRECATION banner first (pip/_internal/cli/base_command.py).
import type { Fs } from '../../../fs/types.ts';
import type { ProcessContext, Program } from '../../process.ts';
import { resolvePath } from '../../sh/path.ts';
import { layout, unpack } from './payload.ts';
import { isGone } from './sources.ts';
import { readText, writeText } from './system.ts';

interface Dist {
  name: string;
  version: string;
  /** Wheel file name on PyPI. */
  wheel: string;
  /** Wheel size, bytes. */
  size: number;
  /** Installed size, bytes. */
  installed: number;
  /** Requirement strings, as pip echoes them in "Collecting ...". */
  requires: string[];
  /** Importable top-level package. */
  top: string;
  scripts?: string[];
}

function dist(line: string): Dist {
  const [name, version, wheel, size, installed, requires, top, scripts] = line.split('|') as string[];
  return { name: name!, version: version!, wheel: wheel!, size: Number(size), installed: Number(installed), requires: requires ? requires.split(' ') : [], top: top!, scripts: scripts ? scripts.split(' ') : undefined };
}

// The newest releases that still support Python 2.7 (what pip 20 picks there).
const PY2 = new Map(
  [
    'Flask|1.1.4|Flask-1.1.4-py2.py3-none-any.whl|96256|395000|Werkzeug<2.0,>=0.15 Jinja2<3.0,>=2.10.1 itsdangerous<2.0,>=0.24 click<8.0,>=5.1|flask|flask',
    'redis|3.5.3|redis-3.5.3-py2.py3-none-any.whl|73728|355000||redis',
    'Werkzeug|1.0.1|Werkzeug-1.0.1-py2.py3-none-any.whl|305152|1180000||werkzeug',
    'Jinja2|2.11.3|Jinja2-2.11.3-py2.py3-none-any.whl|128000|620000|MarkupSafe>=0.23|jinja2',
    'itsdangerous|1.1.0|itsdangerous-1.1.0-py2.py3-none-any.whl|16384|62000||itsdangerous',
    'click|7.1.2|click-7.1.2-py2.py3-none-any.whl|83968|390000||click',
    'MarkupSafe|1.1.1|MarkupSafe-1.1.1-cp27-cp27mu-manylinux1_x86_64.whl|24576|61000||markupsafe',
    'requests|2.27.1|requests-2.27.1-py2.py3-none-any.whl|63488|420000|urllib3<1.27,>=1.21.1 certifi>=2017.4.17 chardet<5,>=3.0.2 idna<3,>=2.5|requests',
    'urllib3|1.26.20|urllib3-1.26.20-py2.py3-none-any.whl|147456|560000||urllib3',
    'certifi|2021.10.8|certifi-2021.10.8-py2.py3-none-any.whl|152576|290000||certifi',
    'chardet|4.0.0|chardet-4.0.0-py2.py3-none-any.whl|181248|1000000||chardet',
    'idna|2.10|idna-2.10-py2.py3-none-any.whl|59392|290000||idna',
  ].map((l) => [l.split('|')[0]!.toLowerCase(), dist(l)]),
);

const PY2_DEPRECATION =
  'DEPRECATION: Python 2.7 reached the end of its life on January 1st, 2020. Please upgrade your Python as Python 2.7 is no longer maintained. A future version of pip will drop support for Python 2.7. More details about Python 2 support in pip, can be found at https://pip.pypa.io/en/latest/development/release-process/#python-2-support\n';

/** The interpreter pip belongs to: its site-packages and version. */
function findPython(fs: Fs): { site: string; version: string; bin: string } | null {
  for (const prefix of ['/usr/local/lib', '/usr/lib']) {
    let names: string[];
    try {
      names = fs.readdir(prefix);
    } catch {
      continue;
    }
    for (const n of names.filter((x) => /^python\d\.\d+$/.test(x)).reverse()) {
      const site = `${prefix}/${n}/site-packages`;
      try {
        if (fs.stat(site).type === 'dir') return { site, version: n.slice(6), bin: prefix === '/usr/local/lib' ? '/usr/local/bin' : '/usr/bin' };
      } catch {
        // dist-packages only: next
      }
    }
  }
  return null;
}

interface Installed {
  name: string;
  version: string;
}

function installedDists(fs: Fs, site: string): Installed[] {
  const out: Installed[] = [];
  let names: string[] = [];
  try {
    names = fs.readdir(site);
  } catch {
    return out;
  }
  for (const n of names) {
    const m = /^(.+)-([^-]+)\.(dist-info|egg-info)$/.exec(n);
    if (!m) continue;
    const meta = readText(fs, `${site}/${n}/METADATA`) ?? readText(fs, `${site}/${n}/PKG-INFO`) ?? '';
    out.push({ name: /^Name: (.*)$/m.exec(meta)?.[1] ?? m[1]!, version: /^Version: (.*)$/m.exec(meta)?.[1] ?? m[2]! });
  }
  return out.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
}

/** pip's format_size (pip/_internal/utils/misc.py). */
function kb(bytes: number): string {
  if (bytes > 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes > 10_000) return `${Math.floor(bytes / 1000)} kB`;
  if (bytes > 1000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${bytes} bytes`;
}

function reqName(req: string): string {
  return req.split(/[<>=!~;\[ ]/)[0]!;
}

interface Request {
  req: string;
  /** "-r requirements.txt (line 1)" when it came from a file. */
  from?: string;
}

async function install(ctx: ProcessContext, requests: Request[], py: { site: string; version: string; bin: string }, asToday?: () => boolean): Promise<number> {
  const index = PY2;
  const have = new Set(installedDists(ctx.fs, py.site).map((d) => d.name.toLowerCase()));
  const gone = py.version.startsWith('2') && isGone(asToday, 'python27Pip');
  const order: Dist[] = [];
  const seen = new Set<string>();
  const already: string[] = [];
  const queue: Request[] = [...requests];
  while (queue.length > 0) {
    const r = queue.shift()!;
    const name = reqName(r.req).toLowerCase();
    if (seen.has(name)) continue;
    seen.add(name);
    if (have.has(name)) {
      if (requests.includes(r)) already.push(`Requirement already satisfied: ${r.req} in ${py.site}`);
      continue;
    }
    const d = index.get(name);
    ctx.stdout.write(`Collecting ${r.req}\n`);
    await ctx.sleep(300);
    if (d === undefined || gone) {
      const from = r.from ? ` (from ${r.from})` : '';
      ctx.stderr.write(`ERROR: Could not find a version that satisfies the requirement ${r.req}${from} (from versions: none)\nERROR: No matching distribution found for ${r.req}${from}\n`);
      return 1;
    }
    ctx.stdout.write(`  Downloading ${d.wheel} (${kb(d.size)})\n`);
    await ctx.sleep(100 + Math.round(d.size / 5000));
    order.push(d);
    for (const q of d.requires) queue.push({ req: q });
  }
  for (const a of already) ctx.stdout.write(a + '\n');
  if (order.length === 0) return 0;
  // dependencies before what needs them
  const sorted: Dist[] = [];
  const place = (d: Dist) => {
    if (sorted.includes(d)) return;
    for (const q of d.requires) {
      const dep = order.find((x) => x.name.toLowerCase() === reqName(q).toLowerCase());
      if (dep) place(dep);
    }
    sorted.push(d);
  };
  for (const d of order) place(d);
  ctx.stdout.write(`Installing collected packages: ${sorted.map((d) => d.name).join(', ')}\n`);
  for (const d of sorted) {
    await ctx.sleep(150);
    const info = `${py.site}/${d.name}-${d.version}.dist-info`;
    const meta = `Metadata-Version: 2.1\nName: ${d.name}\nVersion: ${d.version}\n${d.requires.map((r) => `Requires-Dist: ${r}\n`).join('')}`;
    const files = layout(d.installed, [{ path: `${d.top === 'redis' ? `${py.site}/redis` : `${py.site}/${d.top}`}/__init__.py`, size: 2_000 }, ...(d.scripts ?? []).map((s) => ({ path: `${py.bin}/${s}`, text: `#!${py.bin}/python${py.version}\n# -*- coding: utf-8 -*-\nimport re\nimport sys\nfrom ${d.top}.cli import main\nif __name__ == '__main__':\n    sys.argv[0] = re.sub(r'(-script\\.pyw?|\\.exe)?$', '', sys.argv[0])\n    sys.exit(main())\n`, mode: 0o755 }))], info, `${py.site}/${d.top}`, ['RECORD', 'WHEEL']);
    unpack(ctx.fs, files);
    writeText(ctx.fs, `${info}/METADATA`, meta);
    writeText(ctx.fs, `${info}/INSTALLER`, 'pip\n');
    writeText(ctx.fs, `${info}/top_level.txt`, `${d.top}\n`);
  }
  const names = sorted.map((d) => `${d.name}-${d.version}`).sort();
  ctx.stdout.write(`Successfully installed ${names.join(' ')}\n`);
  return 0;
}

export function pipProgram(opts: { sourcesAsToday?: () => boolean } = {}): Program {
  return async (ctx) => {
    const py = findPython(ctx.fs);
    if (py === null) {
      ctx.stderr.write(`${ctx.argv[0]}: not found\n`);
      return 127;
    }
    if (!py.version.startsWith('2')) {
      // pip's output and PyPI's answers differ by pip and Python version; Berth has pip 20 on Python 2.7 only
      ctx.stderr.write(`${ctx.argv[0]}: pip under Python ${py.version} is not simulated by Berth\n`);
      return 1;
    }
    const args = ctx.argv.slice(1);
    const command = args.find((a) => !a.startsWith('-'));
    // --version is answered by pip's option parser, before any command (and its banner)
    if (command === undefined && (args.includes('--version') || args.includes('-V'))) {
      const pip = installedDists(ctx.fs, py.site).find((d) => d.name.toLowerCase() === 'pip');
      ctx.stdout.write(`pip ${pip?.version ?? '20.0.2'} from ${py.site}/pip (python ${py.version.split('.').slice(0, 2).join('.')})\n`);
      return 0;
    }
    ctx.stderr.write(PY2_DEPRECATION);
    // -q: pip logs nothing but warnings and errors (they go to stderr)
    if (args.some((a) => a === '-q' || a === '--quiet' || /^-q+$/.test(a))) ctx = { ...ctx, stdout: { write() {} } };
    const rest = args.slice(args.indexOf(command ?? '') + 1);
    if (command === 'install') {
      const requests: Request[] = [];
      for (let i = 0; i < rest.length; i++) {
        const a = rest[i]!;
        if (a === '-r' || a === '--requirement') {
          const file = rest[++i] ?? '';
          const text = readText(ctx.fs, resolvePath(ctx.cwd, file));
          if (text === null) {
            ctx.stderr.write(`ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${file}'\n`);
            return 1;
          }
          text.split('\n').forEach((line, n) => {
            const req = line.replace(/#.*/, '').trim();
            if (req) requests.push({ req, from: `-r ${file} (line ${n + 1})` });
          });
        } else if (a === '--trusted-host' || a === '-i' || a === '--index-url') i++;
        else if (!a.startsWith('-')) requests.push({ req: a });
      }
      if (requests.length === 0) {
        ctx.stderr.write('ERROR: You must give at least one requirement to install (see "pip help install")\n');
        return 1;
      }
      return install(ctx, requests, py, opts.sourcesAsToday);
    }
    if (command === 'list') {
      const ds = installedDists(ctx.fs, py.site);
      const w = Math.max(7, ...ds.map((d) => d.name.length));
      const v = Math.max(7, ...ds.map((d) => d.version.length));
      ctx.stdout.write(`${'Package'.padEnd(w)} ${'Version'.padEnd(v)}\n${'-'.repeat(w)} ${'-'.repeat(v)}\n`);
      for (const d of ds) ctx.stdout.write(`${d.name.padEnd(w)} ${d.version}\n`);
      return 0;
    }
    if (command === 'freeze') {
      for (const d of installedDists(ctx.fs, py.site)) if (!['pip', 'setuptools', 'wheel', 'distribute'].includes(d.name.toLowerCase())) ctx.stdout.write(`${d.name}==${d.version}\n`);
      return 0;
    }
    ctx.stderr.write(command === undefined ? '\nUsage:   \n  pip <command> [options]\n' : `ERROR: unknown command "${command}"\n`);
    return command === undefined ? 0 : 1;
  };
}
