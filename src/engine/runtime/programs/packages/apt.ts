// apt-get and apt: update fetches the release's indexes into
// /var/lib/apt/lists; install resolves dependencies (Depends, then
// Recommends), asks when it installs more than was named, fetches, and
// unpacks with dpkg's messages into the container's file system.
// Formats: apt 2.6 output recorded on Debian bookworm (non-tty, LANG=C), which
// apt 2.7 (noble) prints the same (see noble.test.ts);
// apt 1.0 (trusty) differences from logs of the time, e.g.
// https://github.com/ab77/netflix-proxy/issues/148 ("The following extra
// packages will be installed:", "Get:1 http://us.archive.ubuntu.com/ubuntu/
// trusty-updates/main libcurl3 amd64 7.35.0-1ubuntu2.6 [172 kB]").
import type { ProcessContext, Program } from '../../process.ts';
import { lineReader } from '../../sh/io.ts';
import { debArchive, type DebArchive, type DebPackage } from './deb-archive.ts';
import { debFiles } from './deb-files.ts';
import { databaseSize, dpkgName, isInstalled, readStatus, recordInstalled } from './dpkg-db.ts';
import { APT_GET_HELP, APT_HELP } from './apt-help.ts';
import { configureOrder } from './dpkg-order.ts';
import { remove } from './apt-remove.ts';
import { aptList, aptSize, aptTime } from './format.ts';
import { unpack } from './payload.ts';
import { detectDistro, present, readText, writeSized, writeText, type Distro } from './system.ts';

const LISTS = '/var/lib/apt/lists';
const EXTENDED = '/var/lib/apt/extended_states';

interface AptOptions {
  yes: boolean;
  quiet: number;
  recommends: boolean;
  simulate: boolean;
  purge: boolean;
  autoRemove: boolean;
}

class Fail {
  constructor(readonly status: number) {}
}

/** Download speed of the simulated mirror, bytes per virtual second. */
const MIRROR_RATE = 9_500_000;

export function aptGetProgram(flavour: 'apt-get' | 'apt'): Program {
  return async (ctx) => {
    try {
      return await aptMain(ctx, flavour);
    } catch (e) {
      if (e instanceof Fail) return e.status;
      throw e;
    }
  };
}

function parseArgs(ctx: ProcessContext, argv: string[]): { opts: AptOptions; words: string[] } {
  const opts: AptOptions = { yes: false, quiet: 0, recommends: true, simulate: false, purge: false, autoRemove: false };
  const words: string[] = [];
  const bad = (opt: string, from: string) => {
    ctx.stderr.write(`E: Command line option '${opt}' [from ${from}] is not understood in combination with the other options.\n`);
    throw new Fail(100);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.slice(2).split('=', 2) as [string, string | undefined];
      switch (name) {
        case 'yes':
        case 'assume-yes':
        case 'force-yes':
          opts.yes = true;
          break;
        case 'quiet':
          opts.quiet = value !== undefined ? Number(value) || 0 : opts.quiet + 1;
          break;
        case 'no-install-recommends':
          opts.recommends = false;
          break;
        case 'install-recommends':
          opts.recommends = true;
          break;
        case 'simulate':
        case 'dry-run':
        case 'just-print':
        case 'no-act':
          opts.simulate = true;
          break;
        case 'purge':
          opts.purge = true;
          break;
        case 'auto-remove':
        case 'autoremove':
          opts.autoRemove = true;
          break;
        case 'allow-unauthenticated':
        case 'no-install-suggests':
        case 'fix-missing':
        case 'fix-broken':
        case 'no-upgrade':
        case 'reinstall':
        case 'allow-downgrades':
        case 'allow-remove-essential':
        case 'allow-change-held-packages':
        case 'show-progress':
          break;
        case 'option':
        case 'target-release':
        case 'default-release':
        case 'config-file':
          if (value === undefined) i++;
          break;
        default:
          bad(name, a);
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const body = a.slice(1);
      if (body.startsWith('q=')) {
        opts.quiet = Number(body.slice(2)) || 0;
        continue;
      }
      for (let j = 0; j < body.length; j++) {
        const c = body[j]!;
        if (c === 'y') opts.yes = true;
        else if (c === 'q') opts.quiet++;
        else if (c === 's') opts.simulate = true;
        else if ('fmuVdb'.includes(c)) continue;
        else if (c === 'o' || c === 't' || c === 'c') {
          if (j === body.length - 1) i++;
          break;
        } else bad(c, a);
      }
      continue;
    }
    words.push(a);
  }
  // quiet level 2 implies -y (apt-get(8))
  if (opts.quiet >= 2) opts.yes = true;
  return { opts, words };
}

async function aptMain(ctx: ProcessContext, flavour: 'apt-get' | 'apt'): Promise<number> {
  const { opts, words } = parseArgs(ctx, ctx.argv.slice(1));
  const out = (s: string) => ctx.stdout.write(s);
  const distro = detectDistro(ctx.fs);
  if (flavour === 'apt' && !ctx.tty) ctx.stderr.write('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
  const [command, ...names] = words;
  if (command === undefined) {
    // apt 2.6.1's help, recorded on bookworm (exit 1)
    out(flavour === 'apt' ? APT_HELP : APT_GET_HELP);
    return 1;
  }
  const archive = debArchive(distro.codename);
  switch (command) {
    case 'update':
      return update(ctx, opts, archive, flavour);
    case 'install':
      return install(ctx, opts, archive, distro, names);
    case 'upgrade':
    case 'dist-upgrade':
    case 'full-upgrade':
      readingLists(ctx, opts, archive);
      if (opts.quiet < 2) out('Calculating upgrade...\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      return 0;
    case 'remove':
    case 'purge':
    case 'autoremove':
      if (archive === null) {
        ctx.stderr.write(`${flavour}: the archive of ${distro.codename || 'this release'} is not simulated by Berth\n`);
        return 100;
      }
      return remove(ctx, { yes: opts.yes, quiet: opts.quiet, purge: command === 'purge' || opts.purge, autoremove: command === 'autoremove' || opts.autoRemove }, archive, names, () => readingLists(ctx, opts, archive));
    case 'clean':
    case 'autoclean':
      for (const f of safeReaddir(ctx, '/var/cache/apt/archives')) if (f.endsWith('.deb')) ctx.fs.rm(`/var/cache/apt/archives/${f}`);
      return 0;
    default:
      ctx.stderr.write(`E: Invalid operation ${command}\n`);
      return 100;
  }
}

function safeReaddir(ctx: ProcessContext, dir: string): string[] {
  try {
    return ctx.fs.readdir(dir);
  } catch {
    return [];
  }
}

function hasLists(ctx: ProcessContext): boolean {
  return safeReaddir(ctx, LISTS).some((f) => f.includes('_Packages'));
}

async function update(ctx: ProcessContext, opts: AptOptions, archive: DebArchive | null, flavour: string): Promise<number> {
  const out = (s: string) => {
    if (opts.quiet < 2) ctx.stdout.write(s);
  };
  if (archive === null) {
    ctx.stderr.write(`${flavour}: the archive of ${detectDistro(ctx.fs).codename || 'this release'} is not simulated by Berth\n`);
    return 100;
  }
  const hit = hasLists(ctx);
  // what apt's acquire system leaves in the lists directory (as on bookworm)
  if (!present(ctx.fs, `${LISTS}/lock`)) writeText(ctx.fs, `${LISTS}/lock`, '', 0o640);
  for (const [dir, mode] of [['partial', 0o700], ['auxfiles', 0o755]] as const) if (!present(ctx.fs, `${LISTS}/${dir}`)) ctx.fs.mkdir(`${LISTS}/${dir}`, { recursive: true, mode });
  let n = 0;
  let bytes = 0;
  const t0 = ctx.now();
  for (const label of archive.ignored) if (!hit) out(`Ign ${label}\n`);
  for (const idx of archive.indexes) {
    if (hit) {
      if (!idx.label.endsWith('Release') && !idx.label.endsWith('Release.gpg') && !archive.legacyApt) {
        if (!/InRelease$/.test(idx.label)) continue;
      }
      out(archive.legacyApt ? `Hit ${idx.label}\n` : `Hit:${++n} ${idx.label}\n`);
      await ctx.sleep(40);
      continue;
    }
    await ctx.sleep(60 + Math.round((idx.bytes / MIRROR_RATE) * 1000));
    bytes += idx.bytes;
    out(`Get:${++n} ${idx.label} [${aptSize(idx.bytes)}B]\n`);
    if (idx.list) writeSized(ctx.fs, `${LISTS}/${idx.list}`, idx.listBytes);
  }
  if (!hit) {
    const secs = Math.max(0.001, (ctx.now() - t0) / 1000);
    out(`Fetched ${aptSize(bytes)}B in ${aptTime(secs)} (${aptSize(bytes / secs)}B/s)\n`);
  }
  writeCaches(ctx);
  await ctx.sleep(300);
  out(`Reading package lists...${ctx.tty ? ' Done' : ''}\n`);
  if (flavour === 'apt') out('Building dependency tree...\nReading state information...\nAll packages are up to date.\n');
  return 0;
}

/**
 * The binary caches apt builds whenever it opens the package lists, as
 * bookworm's apt does (sizes from a bookworm system: with and without
 * lists); docker-clean configurations (Dir::Cache::pkgcache "") skip them.
 */
function writeCaches(ctx: ProcessContext): void {
  if (present(ctx.fs, '/etc/apt/apt.conf.d/docker-clean')) return;
  const lists = hasLists(ctx);
  for (const [file, full, empty] of [['pkgcache.bin', 36_946_258, 1_770_737], ['srcpkgcache.bin', 36_946_199, 1_594_360]] as const) {
    const path = `/var/cache/apt/${file}`;
    const size = lists ? full : empty;
    let now = -1;
    try {
      now = ctx.fs.stat(path).size;
    } catch {
      // not built yet
    }
    if (now !== size) writeSized(ctx.fs, path, size);
  }
}

function readingLists(ctx: ProcessContext, opts: AptOptions, archive: DebArchive | null): void {
  writeCaches(ctx);
  if (opts.quiet >= 2) return;
  const done = ctx.tty ? ' Done' : '';
  ctx.stdout.write(`Reading package lists...${done}\nBuilding dependency tree...${done}\n`);
  if (archive?.legacyApt || present(ctx.fs, EXTENDED)) ctx.stdout.write(`Reading state information...${done}\n`);
}

/**
 * apt's own order for a plan recorded on a real system (one named package
 * over the image's base, the same set of packages), else `plan` as is.
 */
function recordedOrder<T>(archive: DebArchive, names: string[], plan: T[], table: Readonly<Record<string, string>>, name: (x: T) => string = (x) => (x as DebPackage).name): T[] {
  if (names.length !== 1) return plan;
  const order = table[names[0]!]?.split(' ');
  if (order === undefined || order.length !== plan.length || !plan.every((x) => order.includes(name(x)))) return plan;
  return order.map((n) => plan.find((x) => name(x) === n)!);
}

/** Install order: each package after what it depends on; recommended packages after all that. */
function resolve(archive: DebArchive, installed: (n: string) => boolean, names: string[], recommends: boolean): DebPackage[] {
  const order: DebPackage[] = [];
  const seen = new Set<string>();
  const visit = (n: string, withRecs: string[]) => {
    if (seen.has(n) || archive.base.has(n) || installed(n)) return;
    const p = archive.packages.get(n);
    if (p === undefined) return;
    seen.add(n);
    for (const d of p.depends) visit(d, withRecs);
    order.push(p);
    if (recommends) withRecs.push(...p.recommends);
  };
  const recs: string[] = [];
  for (const n of names) visit(n, recs);
  while (recs.length > 0) {
    const more: string[] = [];
    for (const r of recs.splice(0)) visit(r, more);
    recs.push(...more);
  }
  return order;
}

/**
 * What maintainer scripts print while a package is set up, as recorded on
 * bookworm (apache2's a2enmod lines, invoke-rc.d refusing to start the
 * service in a container, update-ca-certificates).
 */
function postinstMessages(ctx: ProcessContext, p: DebPackage, archive: DebArchive): string {
  const invokeRcD = (c: ProcessContext) => archive.invokeRcD ?? invokeRcDFor(c);
  switch (p.name) {
    case 'apache2': {
      const mods = ['mpm_event', 'authz_core', 'authz_host', 'authn_core', 'auth_basic', 'access_compat', 'authn_file', 'authz_user', 'alias', 'dir', 'autoindex', 'env', 'mime', 'negotiation', 'setenvif', 'filter', 'deflate', 'status', 'reqtimeout'];
      const confs = ['charset', 'localized-error-pages', 'other-vhosts-access-log', 'security', 'serve-cgi-bin'];
      return mods.map((m) => `Enabling module ${m}.\n`).join('') + confs.map((c) => `Enabling conf ${c}.\n`).join('') + 'Enabling site 000-default.\n' + invokeRcD(ctx);
    }
    case 'nginx-core':
    case 'nginx':
    case 'redis-server':
      return p.installedKB < 100 ? '' : invokeRcD(ctx);
    case 'ca-certificates':
      return 'Updating certificates in /etc/ssl/certs...\n148 added, 0 removed; done.\n';
    default:
      return '';
  }
}

/** invoke-rc.d in a container: a policy-rc.d that exits 101 (the old Ubuntu images), or none and no init system. */
function invokeRcDFor(ctx: ProcessContext): string {
  return present(ctx.fs, '/usr/sbin/policy-rc.d')
    ? 'invoke-rc.d: policy-rc.d denied execution of start.\n'
    : 'invoke-rc.d: could not determine current runlevel\ninvoke-rc.d: WARNING: No init system and policy-rc.d missing! Defaulting to block.\n';
}

function debFileName(p: DebPackage): string {
  return `${p.name}_${p.version.replace(':', '%3a')}_${p.arch}.deb`;
}

async function install(ctx: ProcessContext, opts: AptOptions, archive: DebArchive | null, distro: Distro, names: string[]): Promise<number> {
  const q = opts.quiet;
  const out = (s: string) => {
    if (q < 2) ctx.stdout.write(s);
  };
  readingLists(ctx, opts, archive);
  await ctx.sleep(400);
  // name=version pins (Dockerfiles pin versions): only the archive's version exists
  const pins = names.map((n) => n.split('=', 2) as [string, string?]);
  names = pins.map(([n]) => n);
  const status = readStatus(ctx.fs);
  const lists = hasLists(ctx);
  // installed packages are known from dpkg's status even without lists
  const missing = names.filter((n) => !isInstalled(status.get(n)) && (!lists || archive === null || (!archive.packages.has(n) && !archive.base.has(n))));
  if (missing.length > 0) {
    for (const n of missing) ctx.stderr.write(`E: Unable to locate package ${n}\n`);
    return 100;
  }
  for (const [n, v] of pins) {
    const have = archive!.packages.get(n)?.version ?? status.get(n)?.fields.get('Version');
    if (v !== undefined && v !== have) {
      ctx.stderr.write(`E: Version '${v}' for '${n}' was not found\n`);
      return 100;
    }
  }
  const installed = (n: string) => isInstalled(status.get(n));
  const legacy = archive!.legacyApt;
  for (const n of names) {
    if (archive!.base.has(n) || installed(n)) {
      const version = status.get(n)?.fields.get('Version') ?? archive!.packages.get(n)?.version;
      out(legacy || version === undefined ? `${n} is already the newest version.\n` : `${n} is already the newest version (${version}).\n`);
    }
  }
  const plan = recordedOrder(archive!, names, resolve(archive!, installed, names, opts.recommends), archive!.unpackOrder);
  const requested = new Set(names);
  const extra = plan.filter((p) => !requested.has(p.name)).map((p) => p.name).sort();
  const suggested: string[] = [];
  for (const p of [...plan].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    for (const s of p.suggests) {
      const first = s.split(',')[0]!.replace(/:any$/, '');
      if (!suggested.includes(s) && !plan.some((x) => x.name === first) && !archive!.base.has(first) && !installed(first)) suggested.push(s);
    }
  }
  // alternatives print as "a | b", the bar wrapping with the alternative after it
  const suggestedWords = suggested.flatMap((s) => s.split(',').map((a, i) => (i === 0 ? a : `| ${a}`)));
  const w = archive!.listWidth;
  if (extra.length > 0) out(`The following ${legacy ? 'extra' : 'additional'} packages will be installed:\n${aptList(extra, w)}`);
  if (suggested.length > 0 && plan.length > 0) out(`Suggested packages:\n${aptList(suggestedWords, w)}`);
  if (plan.length > 0) out(`The following NEW packages will be installed:\n${aptList(plan.map((p) => p.name).sort(), w)}`);
  out(`0 upgraded, ${plan.length} newly installed, 0 to remove and 0 not upgraded.\n`);
  if (plan.length === 0) return 0;
  const download = plan.reduce((n, p) => n + p.size, 0);
  const used = plan.reduce((n, p) => n + p.installedKB * 1024, 0);
  out(`Need to get ${aptSize(download)}B of archives.\n`);
  out(`After this operation, ${aptSize(used)}B of additional disk space will be used.\n`);
  if (extra.length > 0 && !opts.yes) {
    ctx.stdout.write('Do you want to continue? [Y/n] ');
    const answer = await lineReader(ctx.stdin).readLine();
    if (answer === null || !/^\s*(y(es)?)?\s*$/i.test(answer)) {
      ctx.stdout.write('Abort.\n');
      return 1;
    }
  }
  if (opts.simulate) return 0;
  if (!present(ctx.fs, '/var/cache/apt/archives/lock')) writeText(ctx.fs, '/var/cache/apt/archives/lock', '', 0o640);
  if (!present(ctx.fs, '/var/cache/apt/archives/partial')) ctx.fs.mkdir('/var/cache/apt/archives/partial', { recursive: true, mode: 0o700 });
  const t0 = ctx.now();
  let n = 0;
  for (const p of plan) {
    await ctx.sleep(30 + Math.round((p.size / MIRROR_RATE) * 1000));
    out(legacy ? `Get:${++n} ${p.origin} ${p.name} ${p.arch} ${p.version} [${aptSize(p.size)}B]\n` : `Get:${++n} ${p.origin} amd64 ${p.name} ${p.arch} ${p.version} [${aptSize(p.size)}B]\n`);
  }
  if (!archive!.base.has('apt-utils')) ctx.stderr.write('debconf: delaying package configuration, since apt-utils is not installed\n');
  const secs = Math.max(0.001, (ctx.now() - t0) / 1000);
  out(`Fetched ${aptSize(download)}B in ${aptTime(secs)} (${aptSize(download / secs)}B/s)\n`);
  const keepDebs = !present(ctx.fs, '/etc/apt/apt.conf.d/docker-clean');
  const name = distro.id === 'ubuntu' ? 'Ubuntu' : 'Debian';
  const maintainer = name === 'Ubuntu' ? 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>' : 'Debian Maintainers <debian-devel@lists.debian.org>';
  const say = (s: string) => ctx.stdout.write(s);
  type Unpacked = { pkg: DebPackage; paths: string[]; post: ReturnType<typeof debFiles>['post'] };
  const written: Unpacked[] = [];
  const configured = new Set<string>();
  const setUp = async (w: Unpacked) => {
    await ctx.sleep(40);
    say(`Setting up ${dpkgName(w.pkg)} (${w.pkg.version}) ...\n`);
    say(postinstMessages(ctx, w.pkg, archive!));
    unpack(ctx.fs, w.post);
    for (const f of w.post) {
      if (f.path.startsWith('/etc/alternatives/')) {
        const alt = f.path.slice('/etc/alternatives/'.length);
        const link = w.post.find((x) => x.link === f.path)?.path ?? `/usr/bin/${alt}`;
        say(`update-alternatives: using ${f.link} to provide ${link} (${alt}) in auto mode\n`);
      }
    }
    configured.add(w.pkg.name);
  };
  // a new dpkg run prints "(Reading database ...)" before its first package
  let newRun = true;
  for (let i = 0; i < plan.length; i++) {
    const p = plan[i]!;
    // apt configures what a package pre-depends on (with its dependencies) before unpacking it: a dpkg run of its own
    const need: Unpacked[] = [];
    const want = (n: string) => {
      const w = written.find((x) => x.pkg.name === n);
      if (w === undefined || configured.has(n) || need.includes(w)) return;
      need.push(w);
      for (const d of w.pkg.depends) want(d);
    };
    for (const q of p.preDepends) want(q);
    if (need.length > 0) {
      const inOrder = written.filter((w) => need.includes(w));
      for (const w of configureOrder(inOrder, (x) => x.pkg.name, (x) => x.pkg.depends, false)) await setUp(w);
      newRun = true;
    }
    say(`Selecting previously unselected package ${dpkgName(p)}.\n`);
    if (newRun) {
      say(`(Reading database ... ${databaseSize(ctx.fs, archive!.baseFiles, archive!.newPaths)} files and directories currently installed.)\n`);
      newRun = false;
    }
    const numbered = !legacy && plan.length > 1 ? `${String(i).padStart(String(plan.length - 1).length, '0')}-` : '';
    say(`Preparing to unpack .../${numbered}${debFileName(p)} ...\n`);
    if (p.name === 'vim-runtime') {
      // its preinst diverts vim-tiny's help files
      const dir = `/usr/share/vim/vim${p.version.replace(/^\d+:(\d)\.(\d).*/, '$1$2')}/doc`;
      for (const f of ['help.txt', 'tags']) say(`Adding 'diversion of ${dir}/${f} to ${dir}/${f}.vim-tiny by vim-runtime'\n`);
    }
    await ctx.sleep(50 + Math.round(p.installedKB / 40));
    const { files, post } = debFiles(p, name);
    const paths = unpack(ctx.fs, files);
    if (keepDebs) writeSized(ctx.fs, `/var/cache/apt/archives/${debFileName(p)}`, p.size);
    written.push({ pkg: p, paths, post });
    // dpkg's database now lists its files: a later run counts them
    recordInstalled(ctx.fs, [{ pkg: p, paths }], maintainer);
    say(`Unpacking ${dpkgName(p)} (${p.version}) ...\n`);
  }
  const pending = written.filter((w) => !configured.has(w.pkg.name));
  const setup = legacy ? pending : configureOrder(pending, (w) => w.pkg.name, (w) => w.pkg.depends);
  for (const w of setup) await setUp(w);

  const auto = plan.filter((p) => !requested.has(p.name));
  const ext = (readText(ctx.fs, EXTENDED) ?? '').replace(/\n*$/, '');
  const add = auto.map((p) => `Package: ${p.name}\nArchitecture: ${p.arch === 'all' ? 'amd64' : p.arch}\nAuto-Installed: 1\n`).join('\n');
  writeText(ctx.fs, EXTENDED, (ext ? ext + '\n\n' : '') + add);
  // ldconfig's trigger: packages of shared libraries activate it (a PAM module, say, does not)
  if (plan.some((p) => (archive!.ldconfig ? archive!.ldconfig.has(p.name) : p.section === 'libs'))) say(`Processing triggers for libc-bin (${archive!.libcBin}) ...\n`);
  const ca = plan.find((p) => p.name === 'ca-certificates');
  if (ca) say(`Processing triggers for ca-certificates (${ca.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ca-certificates/update.d...\ndone.\n`);
  return 0;
}
