// yum on CentOS 7 (yum 3.4) and yum/dnf on CentOS 8 (dnf 4): install with
// dependency resolution, the transaction table, key import, the progress of
// the transaction and `Complete!`. Messages of yum 3.4.3 and dnf 4.7 as they
// print them (dnf: "No match for argument" / "Error: Unable to find a
// match"; the CentOS 8 end-of-life failure "Error: Failed to download
// metadata for repo 'appstream': Cannot prepare internal mirrorlist: No URLs
// in mirrorlist", https://github.com/CentOS/sig-cloud-instance-images/issues/187
// and countless Dockerfile build logs of 2022).
import type { Fs } from '../../../fs/types.ts';
import type { ProcessContext, Program } from '../../process.ts';
import { lineReader } from '../../sh/io.ts';
import { layout, unpack, type FileSpec } from './payload.ts';
import { addRpmRecord, rpmInstalled } from './rpm-db.ts';
import { findRpm, nevra, rpmRelease, vr, type RpmPackage, type RpmRelease } from './rpm-archive.ts';
import { isGone } from './sources.ts';
import { detectDistro, present, writeSized } from './system.ts';

/** yum's format_number: powers of 1024, one decimal below 9.95. */
export function yumSize(bytes: number): string {
  const symbols = [' ', 'k', 'M', 'G', 'T'];
  let n = bytes;
  let depth = 0;
  while (n > 999 && depth < symbols.length - 1) {
    depth++;
    n /= 1024;
  }
  if (depth === 0) return `${n} ${symbols[0]}`.trimEnd() + ' ';
  return `${n < 9.95 ? n.toFixed(1) : n.toFixed(0)} ${symbols[depth]}`;
}

const RATE = 6_000_000;
const WIDTH = 80;

/** A package's files: its programs at their real paths, configuration, docs; generated data for the rest of its size. */
function rpmFiles(p: RpmPackage, major: number): FileSpec[] {
  const bin = (...paths: string[]): FileSpec[] => paths.map((path) => ({ path }));
  const fixed: Record<string, FileSpec[]> = {
    wget: [...bin('/usr/bin/wget'), { path: '/etc/wgetrc', size: 4_924 }],
    'vim-enhanced': bin('/usr/bin/vim', '/usr/bin/vimdiff', '/usr/bin/vimtutor'),
    which: bin('/usr/bin/which'),
    'net-tools': bin('/usr/bin/netstat', '/usr/sbin/ifconfig', '/usr/sbin/route', '/usr/sbin/arp'),
    httpd: [...bin('/usr/sbin/httpd', '/usr/sbin/apachectl'), { path: '/etc/httpd/conf/httpd.conf', size: 11_899 }, { path: '/usr/share/httpd/noindex/index.html', size: 4_897 }],
    nginx: [...bin('/usr/sbin/nginx'), { path: '/etc/nginx/nginx.conf', size: 2_467 }, { path: '/usr/share/nginx/html/index.html', size: 3_700 }, { path: '/usr/share/nginx/html/404.html', size: 3_650 }],
    tomcat: [...bin('/usr/sbin/tomcat'), { path: '/etc/tomcat/server.xml', size: 6_592 }, { path: '/usr/libexec/tomcat/server', size: 1_000, mode: 0o755 }],
    'java-1.8.0-openjdk-headless': bin(`/usr/lib/jvm/java-1.8.0-openjdk-${vr(p).replace(/-.*/, '')}.x86_64/jre/bin/java`),
    git: bin('/usr/bin/git'),
    'git-core': bin('/usr/bin/git'),
    python3: bin(major === 7 ? '/usr/bin/python3.6' : '/usr/libexec/platform-python3.6'),
    redis: [...bin('/usr/bin/redis-server', '/usr/bin/redis-cli'), { path: '/etc/redis.conf', size: 46_730 }],
    'epel-release': epelRepo(major === 7 && p.evr.startsWith('6') ? 6 : major),
  };
  const docDir = major === 7 ? `/usr/share/doc/${p.name}-${vr(p).replace(/-[^-]+$/, '')}` : `/usr/share/doc/${p.name}`;
  const lib = p.name.includes('lib') || p.name.startsWith('apr');
  const dataDir = lib ? `/usr/lib64/${p.name}` : `/usr/share/${p.name}`;
  return layout(p.installed, fixed[p.name] ?? [], docDir, dataDir, ['COPYING', 'README']);
}

function epelRepo(release: number): FileSpec[] {
  const repo = `[epel]
name=Extra Packages for Enterprise Linux ${release} - $basearch
#baseurl=http://download.fedoraproject.org/pub/epel/${release}/$basearch
mirrorlist=https://mirrors.fedoraproject.org/metalink?repo=epel-${release}&arch=$basearch
failovermethod=priority
enabled=1
gpgcheck=1
gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-EPEL-${release}
`;
  return [
    { path: '/etc/yum.repos.d/epel.repo', text: repo },
    { path: '/etc/yum.repos.d/epel-testing.repo', text: repo.replace(/\[epel\]/, '[epel-testing]').replace('enabled=1', 'enabled=0').replace(/Linux (\d+)/, 'Linux $1 - Testing') },
    { path: `/etc/pki/rpm-gpg/RPM-GPG-KEY-EPEL-${release}`, size: 1_662 },
  ];
}

/** Installs one package's files and records it; returns the files. */
export function installRpm(fs: Fs, p: RpmPackage, major: number): void {
  const files = rpmFiles(p, major);
  unpack(fs, files);
  addRpmRecord(fs, { name: p.name, vr: vr(p), arch: p.arch, files: files.map((f) => f.path) });
}

function epelEnabled(fs: Fs): boolean {
  return present(fs, '/etc/yum.repos.d/epel.repo');
}

interface YumOpts {
  yes: boolean;
  quiet: boolean;
}

function table(rows: { section: string; pkgs: RpmPackage[] }[]): string {
  const cols = [['Package'], ['Arch'], ['Version'], ['Repository'], ['Size']];
  for (const r of rows) for (const p of r.pkgs) {
    cols[0]!.push(p.name);
    cols[1]!.push(p.arch);
    cols[2]!.push(p.evr);
    cols[3]!.push(p.repo);
    cols[4]!.push(yumSize(p.size));
  }
  // yum's calcColumns: each column as wide as its widest value, the spare width shared out
  const w = cols.map((c) => Math.max(...c.map((s) => s.length)));
  const spare = WIDTH - 1 - (w[0]! + w[1]! + w[2]! + w[3]! + w[4]! + 4) - 1;
  for (let i = 0; i < 4 && spare > 0; i++) w[i]! += Math.floor(spare / 4) + (i < spare % 4 ? 1 : 0);
  const line = (a: string[]) => ` ${a[0]!.padEnd(w[0]!)} ${a[1]!.padEnd(w[1]!)} ${a[2]!.padEnd(w[2]!)} ${a[3]!.padEnd(w[3]!)} ${a[4]!.padStart(w[4]!)}\n`;
  let out = '='.repeat(WIDTH) + '\n' + line(['Package', 'Arch', 'Version', 'Repository', 'Size']) + '='.repeat(WIDTH) + '\n';
  for (const r of rows) {
    if (r.pkgs.length === 0) continue;
    out += `${r.section}:\n`;
    for (const p of r.pkgs) out += line([p.name, p.arch, p.evr, p.repo, yumSize(p.size)]);
  }
  return out + '\n';
}

/** `left` and `right` on one 80-column line, as yum's progress lines are. */
function progressLine(left: string, right: string): string {
  return left.padEnd(WIDTH - right.length - 1) + right + ' \n';
}

function repoLine(name: string, bytes: number, secs: string): string {
  return `${name.padEnd(57)}| ${(yumSize(bytes) + 'B').padStart(6)}  ${secs}     \n`;
}

export function yumProgram(opts: { sourcesAsToday?: () => boolean } = {}): Program {
  return async (ctx) => {
    const distro = detectDistro(ctx.fs);
    const major = Number(distro.version.split('.')[0]);
    const release = rpmRelease(major);
    const tool = (ctx.argv[0] ?? 'yum').split('/').pop()!;
    const args = ctx.argv.slice(1);
    const o: YumOpts = { yes: false, quiet: false };
    const words: string[] = [];
    for (const a of args) {
      if (a === '-y' || a === '--assumeyes') o.yes = true;
      else if (a === '-q' || a === '--quiet') o.quiet = true;
      else if (/^-[yq]+$/.test(a)) {
        o.yes ||= a.includes('y');
        o.quiet ||= a.includes('q');
      } else if (a.startsWith('-')) continue; // --skip-broken, --nogpgcheck, --setopt=...
      else words.push(a);
    }
    const [command, ...names] = words;
    if (release === null) {
      ctx.stderr.write(`${tool}: this release is not simulated by Berth\n`);
      return 1;
    }
    if (command === 'install') return major === 8 ? dnfInstall(ctx, release, names, o, opts.sourcesAsToday) : yumInstall(ctx, release, names, o);
    if (command === 'clean' || command === 'makecache' || command === 'update' || command === 'upgrade') {
      if (major === 8 && isGone(opts.sourcesAsToday, 'centos8') && command !== 'clean') return centos8Gone(ctx);
      if (command === 'clean') ctx.stdout.write(major === 8 ? '0 files removed\n' : 'Loaded plugins: fastestmirror, ovl\nCleaning repos: base extras updates\n');
      else ctx.stdout.write(major === 8 ? 'Dependencies resolved.\nNothing to do.\nComplete!\n' : 'Loaded plugins: fastestmirror, ovl\nNo packages marked for update\n');
      return 0;
    }
    ctx.stderr.write(command === undefined ? `You need to give some command\n` : `No such command: ${command}. Please use /usr/bin/${tool} --help\n`);
    return 1;
  };
}

function plan(release: RpmRelease, fs: Fs, names: string[], epel: boolean): { wanted: RpmPackage[]; deps: RpmPackage[]; missing: string[]; have: RpmPackage[] } {
  const available = (p: RpmPackage | undefined) => (p && (p.repo !== 'epel' || epel) ? p : undefined);
  const wanted: RpmPackage[] = [];
  const missing: string[] = [];
  const have: RpmPackage[] = [];
  for (const n of names) {
    const p = available(findRpm(release, n));
    if (p === undefined) missing.push(n);
    else if (rpmInstalled(fs, p.name)) have.push(p);
    else if (!wanted.includes(p)) wanted.push(p);
  }
  const deps: RpmPackage[] = [];
  const seen = new Set(wanted.map((p) => p.name));
  const visit = (p: RpmPackage) => {
    for (const r of p.requires) {
      const d = available(release.packages.get(r));
      if (d === undefined || seen.has(d.name) || rpmInstalled(fs, d.name)) continue;
      seen.add(d.name);
      deps.push(d);
      visit(d);
    }
  };
  for (const p of wanted) visit(p);
  deps.sort((a, b) => (a.name < b.name ? -1 : 1));
  return { wanted: wanted.sort((a, b) => (a.name < b.name ? -1 : 1)), deps, missing, have };
}

const KEY7 = { id: 'f4a80eb5', release: '53a7ff4b', user: 'CentOS-7 Key (CentOS 7 Official Signing Key) <security@centos.org>', fp: '6341 ab27 53d7 8a78 a7c2 7bb1 24c6 a8a7 f4a8 0eb5', file: '/etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7' };
const KEY8 = { id: '8483c65d', release: '5ccc5b19', user: 'CentOS (CentOS Official Signing Key) <security@centos.org>', fp: '99DB 70FA E1D7 CE22 7FB6 4882 05B5 55B3 8483 C65D', file: '/etc/pki/rpm-gpg/RPM-GPG-KEY-centosofficial' };

function pkgName(p: RpmPackage): string {
  const epoch = /^(\d+):/.exec(p.evr)?.[1];
  return `${epoch ? epoch + ':' : ''}${nevra(p)}`;
}

async function confirm(ctx: ProcessContext, prompt: string): Promise<boolean> {
  ctx.stdout.write(prompt);
  const answer = await lineReader(ctx.stdin).readLine();
  return answer !== null && /^\s*y(es)?\s*$/i.test(answer);
}

async function yumInstall(ctx: ProcessContext, r: RpmRelease, names: string[], o: YumOpts): Promise<number> {
  const out = (s: string) => {
    if (!o.quiet) ctx.stdout.write(s);
  };
  out('Loaded plugins: fastestmirror, ovl\n');
  const fresh = !present(ctx.fs, '/var/cache/yum/x86_64/7/base/repomd.xml');
  if (fresh) {
    out('Determining fastest mirrors\n * base: mirrors.aliyun.com\n * extras: mirrors.aliyun.com\n * updates: mirrors.aliyun.com\n');
    const repos: [string, number, string][] = [['base', 3_686, '00:00:00'], ['extras', 2_970, '00:00:00'], ['updates', 2_970, '00:00:00']];
    if (epelEnabled(ctx.fs)) repos.push(['epel/x86_64/metalink', 4_813, '00:00:00'], ['epel', 4_813, '00:00:00']);
    for (const [n, b, t] of repos) {
      await ctx.sleep(200);
      out(repoLine(n, b, t));
    }
    const dbs: [string, number, string][] = [['base/7/x86_64/group_gz', 156_672, '00:00:00'], ['extras/7/x86_64/primary_db', 259_072, '00:00:00'], ['base/7/x86_64/primary_db', 6_396_314, '00:00:01'], ['updates/7/x86_64/primary_db', 28_101_836, '00:00:04']];
    for (let i = 0; i < dbs.length; i++) {
      const [n, b, t] = dbs[i]!;
      await ctx.sleep(Math.round((b / RATE) * 1000) + 100);
      out(`${`(${i + 1}/${dbs.length}): ${n}`.padEnd(57)}| ${(yumSize(b) + 'B').padStart(6)}  ${t}     \n`);
    }
    writeSized(ctx.fs, '/var/cache/yum/x86_64/7/base/repomd.xml', 3_686);
    writeSized(ctx.fs, '/var/cache/yum/x86_64/7/base/gen/primary_db.sqlite', 33_000_000);
    writeSized(ctx.fs, '/var/cache/yum/x86_64/7/updates/gen/primary_db.sqlite', 140_000_000);
  }
  const { wanted, deps, missing, have } = plan(r, ctx.fs, names, epelEnabled(ctx.fs));
  for (const n of missing) out(`No package ${n} available.\n`);
  for (const p of have) out(`Package ${pkgName(p).replace(/\.\w+$/, '')} already installed and latest version\n`);
  if (wanted.length === 0) {
    ctx.stderr.write('Error: Nothing to do\n');
    return missing.length > 0 ? 1 : 0;
  }
  out('Resolving Dependencies\n--> Running transaction check\n');
  for (const p of wanted) out(`---> Package ${p.name}.${p.arch} ${p.evr.includes(':') ? p.evr : '0:' + p.evr} will be installed\n`);
  for (const p of wanted) for (const d of deps) if (p.requires.includes(d.name)) out(`--> Processing Dependency: ${d.name} for package: ${pkgName(p)}\n`);
  if (deps.length > 0) {
    out('--> Running transaction check\n');
    for (const d of deps) out(`---> Package ${d.name}.${d.arch} ${d.evr.includes(':') ? d.evr : '0:' + d.evr} will be installed\n`);
  }
  out('--> Finished Dependency Resolution\n\nDependencies Resolved\n\n');
  out(table([{ section: 'Installing', pkgs: wanted }, { section: 'Installing for dependencies', pkgs: deps }]));
  const all = [...deps, ...wanted];
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  out(`Transaction Summary\n${'='.repeat(WIDTH)}\nInstall  ${plural(wanted.length, 'Package')}${deps.length ? ` (+${plural(deps.length, 'Dependent package')})` : ''}\n\n`);
  const total = all.reduce((n, p) => n + p.size, 0);
  out(`Total download size: ${yumSize(total)}\nInstalled size: ${yumSize(all.reduce((n, p) => n + p.installed, 0))}\n`);
  if (!o.yes && !(await confirm(ctx, 'Is this ok [y/d/N]: '))) {
    ctx.stdout.write('Exiting on user command\nYour transaction was saved, rerun it with:\n yum load-transaction /tmp/yum_save_tx.' + new Date(ctx.now()).toISOString().slice(0, 16).replace('T', '.').replace(':', '-') + '.aGcQK4.yumtx\n');
    return 1;
  }
  out('Downloading packages:\n');
  const t0 = ctx.now();
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    await ctx.sleep(Math.round((p.size / RATE) * 1000) + 50);
    const label = all.length > 1 ? `(${i + 1}/${all.length}): ${nevra(p)}.rpm` : `${nevra(p)}.rpm`;
    out(`${label.padEnd(59)}| ${(yumSize(p.size) + 'B').padStart(6)}  00:00:${String(Math.floor((p.size / RATE))).padStart(2, '0')}     \n`);
  }
  if (all.length > 1) {
    const secs = Math.max(1, Math.round((ctx.now() - t0) / 1000));
    out('-'.repeat(WIDTH) + '\n');
    out(`${'Total'.padEnd(51)}${`${yumSize(total / secs)}B/s`.padStart(8)} | ${(yumSize(total) + 'B').padStart(6)}  00:00:${String(secs).padStart(2, '0')}     \n`);
  }
  if (!rpmInstalled(ctx.fs, 'gpg-pubkey')) {
    const first = all[0]!;
    ctx.stderr.write(`warning: /var/cache/yum/x86_64/7/${first.repo}/packages/${nevra(first)}.rpm: Header V3 RSA/SHA256 Signature, key ID ${KEY7.id}: NOKEY\n`);
    out(`Public key for ${nevra(first)}.rpm is not installed\nRetrieving key from file://${KEY7.file}\n`);
    out(`Importing GPG key 0x${KEY7.id.toUpperCase()}:\n Userid     : "${KEY7.user}"\n Fingerprint: ${KEY7.fp}\n Package    : centos-release-7-9.2009.0.el7.centos.x86_64 (@CentOS)\n From       : ${KEY7.file}\n`);
    addRpmRecord(ctx.fs, { name: 'gpg-pubkey', vr: `${KEY7.id}-${KEY7.release}`, arch: '(none)', files: [] });
  }
  out('Running transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n');
  for (let i = 0; i < all.length; i++) {
    await ctx.sleep(80 + Math.round(all[i]!.installed / 200_000));
    installRpm(ctx.fs, all[i]!, 7);
    out(progressLine(`  Installing : ${pkgName(all[i]!)}`, `${i + 1}/${all.length}`));
  }
  for (let i = 0; i < all.length; i++) {
    await ctx.sleep(20);
    out(progressLine(`  Verifying  : ${pkgName(all[i]!)}`, `${i + 1}/${all.length}`));
  }
  const shown = (p: RpmPackage) => `${p.name}.${p.arch} ${p.evr.includes(':') ? p.evr : '0:' + p.evr}`;
  out(`\nInstalled:\n  ${wanted.map(shown).join('  ')}\n\n`);
  if (deps.length) out(`Dependency Installed:\n  ${deps.map(shown).join('  ')}\n\n`);
  out('Complete!\n');
  return 0;
}

function centos8Gone(ctx: ProcessContext): number {
  ctx.stdout.write('CentOS Linux 8 - AppStream                       70  B/s |  38  B     00:00    \n');
  ctx.stderr.write("Error: Failed to download metadata for repo 'appstream': Cannot prepare internal mirrorlist: No URLs in mirrorlist\n");
  return 1;
}

async function dnfInstall(ctx: ProcessContext, r: RpmRelease, names: string[], o: YumOpts, asToday?: () => boolean): Promise<number> {
  const out = (s: string) => {
    if (!o.quiet) ctx.stdout.write(s);
  };
  if (isGone(asToday, 'centos8')) {
    await ctx.sleep(600);
    return centos8Gone(ctx);
  }
  const cache = '/var/cache/dnf/appstream.solv';
  if (!present(ctx.fs, cache)) {
    const repos: [string, string, string][] = [['CentOS Linux 8 - AppStream', '9.4 MB/s', '8.4 MB'], ['CentOS Linux 8 - BaseOS', '5.5 MB/s', '4.6 MB'], ['CentOS Linux 8 - Extras', ' 26 kB/s', ' 10 kB']];
    for (const [n, rate, size] of repos) {
      await ctx.sleep(900);
      out(`${n.padEnd(48)}${rate} | ${size}     00:00    \n`);
    }
    writeSized(ctx.fs, cache, 16_000_000);
    writeSized(ctx.fs, '/var/cache/dnf/baseos.solv', 7_000_000);
  } else {
    const at = ctx.fs.stat(cache).mtime;
    const ago = Math.max(0, Math.floor((ctx.now() - at) / 1000));
    const two = (n: number) => String(n).padStart(2, '0');
    out(`Last metadata expiration check: ${Math.floor(ago / 3600)}:${two(Math.floor(ago / 60) % 60)}:${two(ago % 60)} ago on ${ctime(at)}.\n`);
  }
  const { wanted, deps, missing, have } = plan(r, ctx.fs, names, epelEnabled(ctx.fs));
  for (const n of missing) out(`No match for argument: ${n}\n`);
  for (const p of have) out(`Package ${pkgName(p).replace(/^\d+:/, '')} is already installed.\n`);
  if (missing.length > 0) {
    ctx.stderr.write(`Error: Unable to find a match: ${missing.join(' ')}\n`);
    return 1;
  }
  out('Dependencies resolved.\n');
  if (wanted.length === 0) {
    out('Nothing to do.\nComplete!\n');
    return 0;
  }
  out(table([{ section: 'Installing', pkgs: wanted }, { section: 'Installing dependencies', pkgs: deps }]));
  const all = [...deps, ...wanted];
  out(`Transaction Summary\n${'='.repeat(WIDTH)}\nInstall  ${all.length} Package${all.length === 1 ? '' : 's'}\n\n`);
  const total = all.reduce((n, p) => n + p.size, 0);
  out(`Total download size: ${yumSize(total)}\nInstalled size: ${yumSize(all.reduce((n, p) => n + p.installed, 0))}\n`);
  if (!o.yes && !(await confirm(ctx, 'Is this ok [y/N]: '))) {
    ctx.stdout.write('Operation aborted.\n');
    return 1;
  }
  out('Downloading Packages:\n');
  for (let i = 0; i < all.length; i++) {
    const p = all[i]!;
    await ctx.sleep(Math.round((p.size / RATE) * 1000) + 50);
    out(`${`(${i + 1}/${all.length}): ${nevra(p)}.rpm`.slice(0, 47).padEnd(48)}${`${yumSize(RATE)}B/s`.padStart(8)} | ${`${yumSize(p.size)}B`.padStart(6)}     00:00    \n`);
  }
  out('-'.repeat(WIDTH) + '\n');
  out(`${'Total'.padEnd(48)}${`${yumSize(RATE)}B/s`.padStart(8)} | ${`${yumSize(total)}B`.padStart(6)}     00:01     \n`);
  if (!rpmInstalled(ctx.fs, 'gpg-pubkey')) {
    ctx.stderr.write(`warning: /var/cache/dnf/${all[0]!.repo}-02e86d1c976ab60a/packages/${nevra(all[0]!)}.rpm: Header V3 RSA/SHA256 Signature, key ID ${KEY8.id}: NOKEY\n`);
    out(`CentOS Linux 8 - AppStream                      1.6 MB/s | 1.6 kB     00:00    \nImporting GPG key 0x${KEY8.id.toUpperCase()}:\n Userid     : "${KEY8.user}"\n Fingerprint: ${KEY8.fp}\n From       : ${KEY8.file}\nKey imported successfully\n`);
    addRpmRecord(ctx.fs, { name: 'gpg-pubkey', vr: `${KEY8.id}-${KEY8.release}`, arch: '(none)', files: [] });
  }
  out('Running transaction check\nTransaction check succeeded.\nRunning transaction test\nTransaction test succeeded.\nRunning transaction\n');
  out(progressLine('  Preparing        : ', '1/1'));
  for (let i = 0; i < all.length; i++) {
    await ctx.sleep(80 + Math.round(all[i]!.installed / 200_000));
    installRpm(ctx.fs, all[i]!, 8);
    out(progressLine(`  Installing       : ${nevra(all[i]!)}`, `${i + 1}/${all.length}`));
  }
  for (let i = 0; i < all.length; i++) out(progressLine(`  Verifying        : ${nevra(all[i]!)}`, `${i + 1}/${all.length}`));
  out(`\nInstalled:\n${columns(all.map(nevra).sort())}\nComplete!\n`);
  return 0;
}

/** Python's time.ctime(): Sun Dec  6 05:10:00 2026 (UTC). */
function ctime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2)} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}`;
}

/** dnf's list of installed packages: as many columns as fit 80, two-space indent. */
function columns(items: string[]): string {
  const w = Math.max(...items.map((s) => s.length));
  const per = Math.max(1, Math.floor((WIDTH - 2) / (w + 2)));
  let out = '';
  for (let i = 0; i < items.length; i += per) out += '  ' + items.slice(i, i + per).map((s, j, a) => (j < a.length - 1 ? s.padEnd(w + 2) : s)).join('') + '\n';
  return out;
}

