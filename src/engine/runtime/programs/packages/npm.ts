// npm 10 (as node:22 carries it): the subset a Docker tutorial uses.
//   npm -v / --version          the version of the npm package in the image
//   npm init -y                 package.json as init-package-json 6 writes it
//   npm install [-g] [pkg...]   the packages of npm-registry.ts with their
//   npm i / npm ci              real trees; package.json, package-lock.json
//                               (v3, without integrity hashes), the hidden
//                               lockfile, npm's cache, .bin links
//   npm ls                      the top-level dependencies
//   npm start / npm run <name>  the script through sh -c, node_modules/.bin on PATH
// Output lines are npm 10's ("added 67 packages, and audited 68 packages in
// 2s", the funding and audit summary, `npm error` blocks with a debug log).
// Not simulated: version ranges (every request gets the version the table
// holds), peer dependencies, audit findings, workspaces, publishing.
import type { Fs } from '../../../fs/types.ts';
import type { ProcessContext, Program } from '../../process.ts';
import { NPM_TREES } from './npm-registry.ts';
import { readText, writeSized, writeSymlink, writeText } from './system.ts';

const FALLBACK_VERSION = '10.9.3';
const GLOBAL = '/usr/local/lib/node_modules';

export interface NpmPackage {
  /** Path under node_modules ('a/node_modules/b' when nested). */
  path: string;
  name: string;
  version: string;
  size: number;
  funding: boolean;
  deps: Record<string, string>;
  bins: string[];
  license: string;
}

function parseTree(lines: string[]): NpmPackage[] {
  return lines.map((l) => {
    const [path, version, size, funding, deps, bins, license] = l.split('|') as string[];
    const p = path!.replace(/>/g, '/node_modules/');
    const depMap: Record<string, string> = {};
    for (const d of deps ? deps.split(' ') : []) {
      const at = d.indexOf('@', 1);
      depMap[d.slice(0, at)] = d.slice(at + 1);
    }
    return { path: p, name: p.includes('node_modules/') ? p.slice(p.lastIndexOf('node_modules/') + 13) : p, version: version!, size: Number(size), funding: funding === '1', deps: depMap, bins: bins ? bins.split(' ') : [], license: license! };
  });
}

/** The tree npm resolves for a package name, or null when the registry has no such package. */
export function npmTree(name: string): NpmPackage[] | null {
  const lines = NPM_TREES[name];
  return lines ? parseTree(lines) : null;
}

function npmVersion(fs: Fs): string {
  const pj = readText(fs, `${GLOBAL}/npm/package.json`);
  return (pj && /"version":\s*"([^"]+)"/.exec(pj)?.[1]) ?? FALLBACK_VERSION;
}

function join(dir: string, rel: string): string {
  return `${dir === '/' ? '' : dir.replace(/\/$/, '')}/${rel}`;
}

function readJson(fs: Fs, path: string): Record<string, unknown> | null {
  const t = readText(fs, path);
  if (t === null) return null;
  try {
    const v: unknown = JSON.parse(t);
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** `ms`'s rendering of a duration, as npm prints it ("993ms", "2s", "1m"). */
function duration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  if (ms < 60_000) return `${Math.round(ms / 1000)}s`;
  return `${Math.round(ms / 60_000)}m`;
}

/** A stable stand-in for a content hash (the cache's file names). */
function fakeHash(s: string, len: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < len; round++) {
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, len);
}

function logPath(ctx: ProcessContext): string {
  return `${ctx.env.get('HOME') ?? '/root'}/.npm/_logs/${new Date(ctx.now()).toISOString().replace(/:/g, '_').replace('.', '_')}-debug-0.log`;
}

/** An `npm error` block, the debug log written where it says; exit status 1. */
function fail(ctx: ProcessContext, lines: string[]): number {
  const log = logPath(ctx);
  writeText(ctx.fs, log, `0 verbose cli /usr/local/bin/node /usr/local/bin/npm\n1 info using npm@${npmVersion(ctx.fs)}\n${lines.map((l, i) => `${i + 2} error ${l}`).join('\n')}\n`);
  ctx.stderr.write([...lines, `A complete log of this run can be found in: ${log}`].map((l) => `npm error ${l}`.trimEnd() + '\n').join(''));
  return 1;
}

/** Writes one package's files: package.json, the main file, README and LICENSE, lib/ for the rest of its size. */
function writePackage(fs: Fs, root: string, p: NpmPackage): void {
  const dir = join(root, `node_modules/${p.path}`);
  const manifest: Record<string, unknown> = { name: p.name, version: p.version, license: p.license, main: 'index.js' };
  if (Object.keys(p.deps).length > 0) manifest.dependencies = p.deps;
  if (p.bins.length > 0) manifest.bin = Object.fromEntries(p.bins.map((b) => [b, `bin/${b}.js`]));
  const pj = json(manifest);
  writeText(fs, `${dir}/package.json`, pj);
  let rest = Math.max(0, p.size - pj.length - 1_100 - 2_400);
  writeSized(fs, `${dir}/LICENSE`, 1_100);
  writeSized(fs, `${dir}/README.md`, 2_400);
  for (const b of p.bins) {
    writeText(fs, `${dir}/bin/${b}.js`, `#!/usr/bin/env node\nrequire('../index.js')\n`, 0o755);
    writeSymlink(fs, `../${p.path}/bin/${b}.js`, join(root, `node_modules/.bin/${b}`));
  }
  const main = Math.min(rest, 48_000);
  writeSized(fs, `${dir}/index.js`, main);
  rest -= main;
  for (let i = 0; rest > 0; i++) {
    const n = Math.min(rest, 96_000);
    writeSized(fs, `${dir}/lib/${String(i).padStart(2, '0')}.js`, n);
    rest -= n;
  }
}

/** The packages installed under a project's node_modules, read back from their package.json files. */
function installedPackages(fs: Fs, root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (nm: string, prefix: string) => {
    let names: string[] = [];
    try {
      names = fs.readdir(nm);
    } catch {
      return;
    }
    for (const n of names) {
      if (n.startsWith('.')) continue;
      const v = readJson(fs, `${nm}/${n}/package.json`)?.version;
      if (typeof v !== 'string') continue;
      out.set(prefix + n, v);
      walk(`${nm}/${n}/node_modules`, `${prefix}${n}/node_modules/`);
    }
  };
  walk(join(root, 'node_modules'), '');
  return out;
}

interface Flags {
  global: boolean;
  dev: boolean;
  quiet: boolean;
  noAudit: boolean;
  noFund: boolean;
}

function lockfile(fs: Fs, root: string, manifest: Record<string, unknown>, all: NpmPackage[]): { lock: string; hidden: string } {
  const entries: Record<string, unknown> = {};
  for (const p of [...all].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const e: Record<string, unknown> = { version: p.version, resolved: `https://registry.npmjs.org/${p.name}/-/${p.name}-${p.version}.tgz`, license: p.license };
    if (Object.keys(p.deps).length > 0) e.dependencies = p.deps;
    if (p.bins.length > 0) e.bin = Object.fromEntries(p.bins.map((b) => [b, `bin/${b}.js`]));
    entries[`node_modules/${p.path}`] = e;
  }
  const name = typeof manifest.name === 'string' ? manifest.name : root.slice(root.lastIndexOf('/') + 1);
  const rootEntry: Record<string, unknown> = {};
  for (const k of ['name', 'version', 'license', 'dependencies', 'devDependencies']) if (manifest[k] !== undefined) rootEntry[k] = manifest[k];
  const head: Record<string, unknown> = { name };
  if (typeof manifest.version === 'string') head.version = manifest.version;
  return {
    lock: json({ ...head, lockfileVersion: 3, requires: true, packages: { '': rootEntry, ...entries } }),
    hidden: json({ ...head, lockfileVersion: 3, requires: true, packages: entries }),
  };
}

/** Every package a lockfile lists, looked up in the registry table. */
function fromLock(lock: Record<string, unknown>): NpmPackage[] {
  const packages = (lock.packages ?? {}) as Record<string, { version?: string }>;
  const known = new Map<string, NpmPackage>();
  for (const name of Object.keys(NPM_TREES)) for (const p of npmTree(name)!) known.set(`${p.path}@${p.version}`, p);
  const out: NpmPackage[] = [];
  for (const [k, v] of Object.entries(packages)) {
    if (!k.startsWith('node_modules/')) continue;
    const p = known.get(`${k.slice(13)}@${v.version}`);
    if (p) out.push(p);
  }
  return out;
}

async function install(ctx: ProcessContext, specs: string[], flags: Flags, clean: boolean): Promise<number> {
  const start = ctx.now();
  const root = flags.global ? '/usr/local/lib' : ctx.cwd;
  const pjPath = join(root, 'package.json');
  const manifest = flags.global ? {} : (readJson(ctx.fs, pjPath) ?? {});
  const lockPath = join(root, 'package-lock.json');
  const lock = flags.global ? null : readJson(ctx.fs, lockPath);
  if (clean && lock === null) {
    return fail(ctx, [
      'code EUSAGE',
      '',
      'The `npm ci` command can only install with an existing package-lock.json or',
      'npm-shrinkwrap.json with lockfileVersion >= 1. Run an install with npm@5 or',
      'later to generate a package-lock.json file, then try again.',
      '',
      'Clean install a project',
      '',
      'Usage:',
      'npm ci',
      '',
      'Options:',
      '[--install-strategy <hoisted|nested|shallow|linked>] [--legacy-bundling]',
      '[--global-style] [--omit <dev|optional|peer> [--omit <dev|optional|peer> ...]]',
      '[--include <prod|dev|optional|peer> [--include <prod|dev|optional|peer> ...]]',
      '[--strict-peer-deps] [--foreground-scripts] [--ignore-scripts] [--no-audit]',
      '[--no-bin-links] [--no-fund] [--dry-run]',
      '[-w|--workspace <workspace-name> [-w|--workspace <workspace-name> ...]]',
      '[-ws|--workspaces] [--include-workspace-root] [--install-links]',
      '',
      'aliases: clean-install, ic, install-clean, isntall-clean',
      '',
      'Run "npm help ci" for more info',
    ]);
  }
  // what the project asks for: the named packages, else package.json's dependencies
  const wanted: Array<{ name: string; dev: boolean }> = [];
  for (const s of specs) {
    const at = s.indexOf('@', 1);
    wanted.push({ name: at > 0 ? s.slice(0, at) : s, dev: flags.dev });
  }
  if (specs.length === 0 && !clean) {
    for (const [field, dev] of [['dependencies', false], ['devDependencies', true]] as const) {
      for (const n of Object.keys((manifest[field] ?? {}) as Record<string, string>)) wanted.push({ name: n, dev });
    }
  }
  await ctx.sleep(300);
  let plan: NpmPackage[] = [];
  if (clean) plan = fromLock(lock!);
  for (const w of wanted) {
    const tree = npmTree(w.name);
    if (tree === null) {
      return fail(ctx, [
        'code E404',
        `404 Not Found - GET https://registry.npmjs.org/${w.name} - Not found`,
        '404',
        `404  '${w.name}@*' is not in this registry.`,
        '404',
        '404 Note that you can also install from a',
        '404 tarball, folder, http url, or git url.',
      ]);
    }
    for (const p of tree) {
      const same = plan.find((q) => q.path === p.path);
      if (same === undefined) plan.push(p);
      else if (same.version !== p.version) {
        // a second version of a shared dependency nests under the package that needs it
        const owner = tree.find((q) => Object.keys(q.deps).includes(p.name) && !q.path.includes('/node_modules/'))?.path ?? w.name;
        const nested = { ...p, path: `${owner}/node_modules/${p.path}` };
        if (!plan.some((q) => q.path === nested.path)) plan.push(nested);
      }
    }
  }
  const nm = join(root, 'node_modules');
  if (clean) {
    try {
      ctx.fs.rm(nm, { recursive: true });
    } catch {
      // nothing to clean
    }
  }
  const have = installedPackages(ctx.fs, root);
  const added = plan.filter((p) => have.get(p.path) !== p.version);
  const home = ctx.env.get('HOME') ?? '/root';
  for (const p of added) {
    await ctx.sleep(20);
    writePackage(ctx.fs, root, p);
    const h = fakeHash(`${p.name}@${p.version}`, 128);
    writeSized(ctx.fs, `${home}/.npm/_cacache/content-v2/sha512/${h.slice(0, 2)}/${h.slice(2, 4)}/${h.slice(4)}`, Math.round(p.size / 3.5));
    writeText(ctx.fs, `${home}/.npm/_cacache/index-v5/${h.slice(64, 66)}/${h.slice(66, 68)}/${h.slice(68)}`, `${fakeHash(p.name, 40)}\t{"key":"make-fetch-happen:request-cache:https://registry.npmjs.org/${p.name}/-/${p.name}-${p.version}.tgz"}\n`);
  }
  if (added.length > 0) await ctx.sleep(200 + added.length * 5);
  const all = flags.global ? plan : [...plan, ...[...have.entries()].filter(([path]) => !plan.some((p) => p.path === path)).flatMap(([path, version]) => {
    for (const name of Object.keys(NPM_TREES)) {
      const found = npmTree(name)!.find((q) => q.path === path && q.version === version);
      if (found) return [found];
    }
    return [];
  })];
  if (flags.global) {
    for (const w of wanted) for (const b of npmTree(w.name)!.find((p) => p.path === w.name)!.bins) writeSymlink(ctx.fs, `../lib/node_modules/${w.name}/bin/${b}.js`, `/usr/local/bin/${b}`);
  } else {
    // the project's manifest: requested packages as ^version, sorted as npm sorts them
    for (const w of wanted) {
      if (specs.length === 0) break;
      const field = w.dev ? 'devDependencies' : 'dependencies';
      const deps = { ...((manifest[field] ?? {}) as Record<string, string>), [w.name]: `^${npmTree(w.name)!.find((p) => p.path === w.name)!.version}` };
      manifest[field] = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    if (specs.length > 0) writeText(ctx.fs, pjPath, json(manifest));
    const { lock: lockText, hidden } = lockfile(ctx.fs, root, manifest, all);
    writeText(ctx.fs, lockPath, lockText);
    if (all.length > 0) writeText(ctx.fs, `${nm}/.package-lock.json`, hidden);
  }
  if (flags.quiet) return 0;
  const elapsed = duration(ctx.now() - start);
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const audited = flags.global ? '' : `, and audited ${plural(all.length + 1, 'package')}`;
  const lines = [''];
  if (added.length === 0) lines.push(`up to date${flags.global || flags.noAudit ? '' : `, audited ${plural(all.length + 1, 'package')}`} in ${elapsed}`);
  else lines.push(`added ${plural(added.length, 'package')}${flags.noAudit ? '' : audited} in ${elapsed}`);
  const funding = all.filter((p) => p.funding).length;
  if (funding > 0 && !flags.noFund && !flags.global) lines.push('', `${plural(funding, 'package')} ${funding === 1 ? 'is' : 'are'} looking for funding`, '  run `npm fund` for details');
  if (!flags.global && !flags.noAudit) lines.push('', 'found 0 vulnerabilities');
  ctx.stdout.write(lines.join('\n') + '\n');
  return 0;
}

function init(ctx: ProcessContext, yes: boolean): number {
  if (!yes) {
    ctx.stderr.write('Berth: npm init asks its questions interactively, which is not simulated; use npm init -y\n');
    return 1;
  }
  const path = join(ctx.cwd, 'package.json');
  const name = (ctx.cwd.slice(ctx.cwd.lastIndexOf('/') + 1) || 'root').toLowerCase().replace(/[^a-z0-9._-]/g, '-');
  const body = json({
    ...(readJson(ctx.fs, path) ?? {}),
    name,
    version: '1.0.0',
    main: 'index.js',
    scripts: { test: 'echo "Error: no test specified" && exit 1' },
    keywords: [],
    author: '',
    license: 'ISC',
    description: '',
  });
  writeText(ctx.fs, path, body);
  ctx.stdout.write(`Wrote to ${path}:\n\n${body}\n\n`);
  return 0;
}

function ls(ctx: ProcessContext, global: boolean): number {
  const root = global ? '/usr/local/lib' : ctx.cwd;
  const manifest = global ? {} : (readJson(ctx.fs, join(root, 'package.json')) ?? {});
  const top = [...installedPackages(ctx.fs, root).entries()].filter(([p]) => !p.includes('/node_modules/'));
  const name = typeof manifest.name === 'string' ? manifest.name : root.slice(root.lastIndexOf('/') + 1);
  const version = typeof manifest.version === 'string' ? manifest.version : '';
  const declared = new Set(Object.keys({ ...((manifest.dependencies ?? {}) as object), ...((manifest.devDependencies ?? {}) as object) }));
  const shown = global ? top : top.filter(([p]) => declared.has(p));
  const lines = [global ? root : `${name}@${version} ${root}`];
  if (shown.length === 0) lines.push('└── (empty)');
  shown.forEach(([p, v], i) => lines.push(`${i === shown.length - 1 ? '└──' : '├──'} ${p}@${v}`));
  ctx.stdout.write(lines.join('\n') + '\n\n');
  return 0;
}

async function runScript(ctx: ProcessContext, name: string, extra: string[]): Promise<number> {
  const path = join(ctx.cwd, 'package.json');
  const manifest = readJson(ctx.fs, path);
  if (manifest === null) {
    return fail(ctx, ['code ENOENT', 'syscall open', `path ${path}`, 'errno -2', `enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${path}'`, 'enoent This is related to npm not being able to find a file.', 'enoent']);
  }
  const scripts = (manifest.scripts ?? {}) as Record<string, string>;
  let script = scripts[name];
  // npm start with no start script runs server.js
  if (script === undefined && name === 'start' && readText(ctx.fs, join(ctx.cwd, 'server.js')) !== null) script = 'node server.js';
  if (script === undefined) return fail(ctx, [`Missing script: "${name}"`, '', 'To see a list of scripts, run:', '  npm run']);
  const command = [script, ...extra].join(' ');
  // npm's banner names the package only when it has a name and a version
  const id = typeof manifest.name === 'string' && typeof manifest.version === 'string' ? `${manifest.name}@${manifest.version} ` : '';
  ctx.stdout.write(`\n> ${id}${name}\n> ${command}\n\n`);
  const env = new Map(ctx.env);
  env.set('PATH', `${join(ctx.cwd, 'node_modules/.bin')}:${ctx.env.get('PATH') ?? ''}`);
  env.set('npm_lifecycle_event', name);
  env.set('npm_package_name', String(manifest.name ?? ''));
  env.set('npm_package_version', String(manifest.version ?? ''));
  const status = await ctx.spawn(['sh', '-c', command], { env, cwd: ctx.cwd });
  if (status !== 0) {
    fail(ctx, [`code ${status}`, `path ${ctx.cwd}`, 'command failed', `command sh -c ${command}`]);
    return status;
  }
  return 0;
}

export const npmProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const flags: Flags = { global: false, dev: false, quiet: false, noAudit: false, noFund: false };
  const rest: string[] = [];
  let yes = false;
  for (const a of args) {
    if (a === '-g' || a === '--global') flags.global = true;
    else if (a === '-D' || a === '--save-dev') flags.dev = true;
    else if (a === '--silent' || a === '-s' || a === '--quiet' || a === '--loglevel=silent') flags.quiet = true;
    else if (a === '--no-audit') flags.noAudit = true;
    else if (a === '--no-fund') flags.noFund = true;
    else if (a === '-y' || a === '--yes') yes = true;
    else rest.push(a);
  }
  const [command, ...operands] = rest;
  const plain = operands.filter((o) => !o.startsWith('-'));
  if (command === undefined || command === 'help') {
    ctx.stdout.write(`npm <command>\n\nUsage:\n\nnpm install        install all the dependencies in your project\nnpm install <foo>  add the <foo> dependency to your project\nnpm test           run this project's tests\nnpm run <foo>      run the script named <foo>\nnpm <command> -h   quick help on <command>\nnpm -l             display usage info for all commands\nnpm help <term>    search for help on <term>\nnpm help npm       more involved overview\n\nAll commands:\n\n    access, adduser, audit, bugs, cache, ci, completion,\n    config, dedupe, deprecate, diff, dist-tag, docs, doctor,\n    edit, exec, explain, explore, find-dupes, fund, get, help,\n    help-search, hook, init, install, install-ci-test,\n    install-test, link, ll, login, logout, ls, org, outdated,\n    owner, pack, ping, pkg, prefix, profile, prune, publish,\n    query, rebuild, repo, restart, root, run-script, sbom,\n    search, set, shrinkwrap, star, stars, start, stop, team,\n    test, token, uninstall, unpublish, unstar, update, version,\n    view, whoami\n\nSpecify configs in the ini-formatted file:\n    /root/.npmrc\nor on the command line via: npm <command> --key=value\n\nMore configuration info: npm help config\nConfiguration fields: npm help 7 config\n\nnpm@${npmVersion(ctx.fs)} /usr/local/lib/node_modules/npm\n`);
    return command === undefined ? 1 : 0;
  }
  switch (command) {
    case '-v':
    case '--version':
    case 'version':
      ctx.stdout.write(`${npmVersion(ctx.fs)}\n`);
      return 0;
    case 'init':
    case 'create':
      return init(ctx, yes);
    case 'install':
    case 'i':
    case 'add':
    case 'ci':
    case 'clean-install':
      return install(ctx, command === 'ci' || command === 'clean-install' ? [] : plain, flags, command === 'ci' || command === 'clean-install');
    case 'ls':
    case 'list':
      return ls(ctx, flags.global);
    case 'start':
    case 'test':
    case 'stop':
    case 'restart':
      return runScript(ctx, command, plain);
    case 'run':
    case 'run-script': {
      if (plain.length === 0) {
        const manifest = readJson(ctx.fs, join(ctx.cwd, 'package.json'));
        const scripts = Object.entries((manifest?.scripts ?? {}) as Record<string, string>);
        if (scripts.length > 0) ctx.stdout.write(`Scripts available in ${String(manifest?.name ?? '')}@${String(manifest?.version ?? '')} via \`npm run-script\`:\n${scripts.map(([k, v]) => `  ${k}\n    ${v}\n`).join('')}`);
        return 0;
      }
      const dd = operands.indexOf('--');
      return runScript(ctx, plain[0]!, dd >= 0 ? operands.slice(dd + 1) : []);
    }
    default:
      ctx.stderr.write(`Berth: npm ${command} is not simulated (npm install, ci, init -y, ls, start, test and run are)\n`);
      return 1;
  }
};

/** npx: runs a binary of node_modules/.bin (the project's), else says what is not simulated. */
export const npxProgram: Program = async (ctx) => {
  const [bin, ...args] = ctx.argv.slice(1).filter((a) => a !== '-y' && a !== '--yes');
  if (bin === undefined) {
    ctx.stderr.write('npm error npx: missing command\n');
    return 1;
  }
  const local = join(ctx.cwd, `node_modules/.bin/${bin}`);
  if (readText(ctx.fs, local) !== null) return ctx.spawn([local, ...args], {});
  ctx.stderr.write(`Berth: npx fetches ${bin} from the registry, which is not simulated; npm install it first\n`);
  return 1;
};
