// apk (apk-tools 2.14, Alpine 3.22): add with dependencies, update, info,
// writing /lib/apk/db/installed and the packages' files. Output as apk
// prints it: "fetch <index>", "(1/9) Installing brotli-libs (1.1.0-r2)",
// "OK: 12 MiB in 25 packages", and for an unknown name
// "ERROR: unable to select packages:" (apk-tools src/solver.c, commit.c).
import type { Fs } from '../../../fs/types.ts';
import type { ProcessContext, Program } from '../../process.ts';
import { layout, unpack, type FileSpec } from './payload.ts';
import { appendText, detectDistro, present, readText, writeSized, writeText } from './system.ts';

//   name|version|installed bytes|download bytes|depends|description
const ALPINE_322 = [
  'curl|8.14.1-r1|256000|252000|libcurl|URL retrival utility and library',
  'libcurl|8.14.1-r1|718000|483000|brotli-libs c-ares libidn2 libpsl nghttp2-libs zstd-libs|The multiprotocol file transfer library',
  'brotli-libs|1.1.0-r2|934000|339000||Generic lossless compressor (libraries)',
  'c-ares|1.34.5-r0|222000|100000||Asynchronous DNS/names resolver library',
  'libidn2|2.3.7-r0|201000|105000|libunistring|Encode/Decode library for internationalized domain names',
  'libunistring|1.3-r0|1713000|589000||Library for manipulating Unicode strings and C strings',
  'libpsl|0.21.5-r3|60000|23000||C library for the Publix Suffix List',
  'nghttp2-libs|1.65.0-r0|154000|80000||Experimental HTTP/2 client, server and proxy (libraries)',
  'zstd-libs|1.5.7-r0|785000|305000||Zstandard - Fast real-time compression algorithm (libraries)',
  'wget|1.25.0-r1|506000|224000|libidn2 libunistring pcre2|Network utility to retrieve files from the Web',
  'pcre2|10.43-r1|766000|282000||Perl-compatible regular expression library',
  'bash|5.2.37-r0|1210000|469000|readline|The GNU Bourne Again shell',
  'readline|8.2.13-r1|281000|136000|ncurses-libs|GNU readline library',
  'ncurses-libs|6.5_p20250503-r0|300000|123000|ncurses-terminfo-base|Ncurses libraries',
  'ncurses-terminfo-base|6.5_p20250503-r0|41000|20000||Descriptions of common terminals',
  'git|2.49.1-r0|13510000|4700000|libcurl libexpat pcre2|Distributed version control system',
  'libexpat|2.7.1-r0|182000|84000||XML Parser library written in C',
  'nginx|1.28.0-r3|1375000|639000|pcre2|HTTP and reverse proxy server (stable version)',
  'vim|9.1.1566-r0|3359000|1500000|xxd vim-common ncurses-libs|Improved vi-style text editor',
  'vim-common|9.1.1566-r0|14000|7000||Improved vi-style text editor (common files)',
  'xxd|9.1.1566-r0|30000|20000||Make a hexdump or do the reverse',
  'python3|3.12.11-r0|46000000|12500000|libbz2 libffi gdbm xz-libs mpdecimal sqlite-libs readline|A high-level scripting language',
  'libbz2|1.0.8-r6|71000|35000||Shared library for bz2',
  'libffi|3.4.8-r0|45000|22000||portable, high level programming interface to various calling conventions',
  'gdbm|1.24-r0|233000|89000||GNU dbm is a set of database routines that use extensible hashing',
  'xz-libs|5.8.1-r0|233000|115000||Library and CLI tools for XZ and LZMA compressed files (libraries)',
  'mpdecimal|4.0.1-r0|223000|90000||complete implementation of the General Decimal Arithmetic Specification',
  'sqlite-libs|3.49.2-r1|1466000|681000||Sqlite3 library',
  'redis|8.0.3-r0|5880000|2080000||Advanced key-value store',
];

interface ApkPackage {
  name: string;
  version: string;
  installed: number;
  size: number;
  depends: string[];
  description: string;
}

const PACKAGES = new Map<string, ApkPackage>(
  ALPINE_322.map((l) => {
    const [name, version, inst, size, deps, description] = l.split('|') as string[];
    return [name!, { name: name!, version: version!, installed: Number(inst), size: Number(size), depends: deps ? deps.split(' ') : [], description: description! }];
  }),
);

/** What the alpine:3.22 image holds: 16 packages, 8 MiB. */
const BASE_PACKAGES = 16;
const BASE_BYTES = 8_400_000;
const DB = '/lib/apk/db/installed';
const MIRROR = 'https://dl-cdn.alpinelinux.org/alpine';

function branch(fs: Fs): string {
  const v = detectDistro(fs).version.split('.');
  return `v${v[0]}.${v[1]}`;
}

function installedNames(fs: Fs): { names: string[]; bytes: number } {
  const names: string[] = [];
  let bytes = 0;
  for (const line of (readText(fs, DB) ?? '').split('\n')) {
    if (line.startsWith('P:')) names.push(line.slice(2));
    if (line.startsWith('I:')) bytes += Number(line.slice(2));
  }
  return { names, bytes };
}

function files(p: ApkPackage): FileSpec[] {
  const bin = (...ps: string[]): FileSpec[] => ps.map((path) => ({ path }));
  const fixed: Record<string, FileSpec[]> = {
    curl: bin('/usr/bin/curl'),
    wget: bin('/usr/bin/wget'),
    bash: bin('/bin/bash'),
    git: bin('/usr/bin/git'),
    nginx: [...bin('/usr/sbin/nginx'), { path: '/etc/nginx/nginx.conf', size: 3_000 }],
    vim: bin('/usr/bin/vim'),
    xxd: bin('/usr/bin/xxd'),
    python3: [...bin('/usr/bin/python3.12'), { path: '/usr/bin/python3', link: 'python3.12' }],
    redis: bin('/usr/bin/redis-server', '/usr/bin/redis-cli'),
  };
  const lib = p.name.includes('lib') || !fixed[p.name];
  return layout(p.installed, fixed[p.name] ?? [], `/usr/share/licenses/${p.name}`, lib ? `/usr/lib/${p.name}` : `/usr/share/${p.name}`, ['COPYING']);
}

/** Fetches both repositories' indexes; --no-cache reads them without keeping them. */
async function fetchIndexes(ctx: ProcessContext, keep = true): Promise<void> {
  const b = branch(ctx.fs);
  for (const repo of ['main', 'community']) {
    ctx.stdout.write(`fetch ${MIRROR}/${b}/${repo}/x86_64/APKINDEX.tar.gz\n`);
    await ctx.sleep(repo === 'main' ? 400 : 900);
    if (keep) writeSized(ctx.fs, `/var/cache/apk/APKINDEX.${repo === 'main' ? '66df2a6a' : 'a2ab5a4f'}.tar.gz`, repo === 'main' ? 521_000 : 1_548_000);
  }
}

function ok(ctx: ProcessContext): void {
  const { names, bytes } = installedNames(ctx.fs);
  ctx.stdout.write(`OK: ${Math.round((BASE_BYTES + bytes) / 1048576)} MiB in ${BASE_PACKAGES + names.length} packages\n`);
}

async function add(ctx: ProcessContext, names: string[], update: boolean, noCache: boolean): Promise<number> {
  const have = new Set(installedNames(ctx.fs).names);
  const fresh = !present(ctx.fs, '/var/cache/apk/APKINDEX.66df2a6a.tar.gz');
  if (fresh || update || noCache) await fetchIndexes(ctx, !noCache);
  const missing = names.filter((n) => !PACKAGES.has(n));
  if (missing.length > 0) {
    let msg = 'ERROR: unable to select packages:\n';
    for (const n of missing) msg += `  ${n} (no such package):\n    required by: world[${n}]\n`;
    ctx.stderr.write(msg);
    return 1;
  }
  const order: ApkPackage[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n) || have.has(n)) return;
    const p = PACKAGES.get(n);
    if (p === undefined) return;
    seen.add(n);
    for (const d of p.depends) visit(d);
    order.push(p);
  };
  for (const n of names) visit(n);
  for (let i = 0; i < order.length; i++) {
    const p = order[i]!;
    ctx.stdout.write(`(${i + 1}/${order.length}) Installing ${p.name} (${p.version})\n`);
    await ctx.sleep(60 + Math.round(p.size / 20_000));
    const fs = files(p);
    unpack(ctx.fs, fs);
    appendText(
      ctx.fs,
      DB,
      `C:Q1${'0'.repeat(27)}=\nP:${p.name}\nV:${p.version}\nA:x86_64\nS:${p.size}\nI:${p.installed}\nT:${p.description}\nU:https://alpinelinux.org\nL:MIT\n` +
        (p.depends.length ? `D:${p.depends.join(' ')}\n` : '') +
        fs.map((f) => `R:${f.path}`).join('\n') +
        '\n\n',
    );
  }
  const world = (readText(ctx.fs, '/etc/apk/world') ?? '').split('\n').filter(Boolean);
  for (const n of names) if (!world.includes(n)) world.push(n);
  writeText(ctx.fs, '/etc/apk/world', world.sort().join('\n') + '\n');
  if (order.length > 0) ctx.stdout.write(`Executing busybox-1.37.0-r18.trigger\n`);
  ok(ctx);
  return 0;
}

/** apk del: the named packages and the dependencies nothing else needs, newest first. */
async function del(ctx: ProcessContext, names: string[]): Promise<number> {
  const text = readText(ctx.fs, DB) ?? '';
  const entries = text.split('\n\n').filter((e) => e.trim() !== '');
  const nameOf = (e: string) => /^P:(.*)$/m.exec(e)?.[1] ?? '';
  const have = entries.map(nameOf);
  const world = (readText(ctx.fs, '/etc/apk/world') ?? '').split('\n').filter(Boolean);
  const missing = names.filter((n) => !world.includes(n));
  if (missing.length > 0) {
    for (const n of missing) ctx.stderr.write(`WARNING: No such package: ${n}\n`);
    if (missing.length === names.length) {
      ok(ctx);
      return 0;
    }
  }
  const keepWorld = world.filter((n) => !names.includes(n));
  const needed = new Set<string>();
  const visit = (n: string) => {
    if (needed.has(n)) return;
    needed.add(n);
    for (const d of PACKAGES.get(n)?.depends ?? []) visit(d);
  };
  for (const n of keepWorld) visit(n);
  const gone = have.filter((n) => !needed.has(n)).reverse();
  for (let i = 0; i < gone.length; i++) {
    const e = entries.find((x) => nameOf(x) === gone[i])!;
    ctx.stdout.write(`(${i + 1}/${gone.length}) Purging ${gone[i]} (${/^V:(.*)$/m.exec(e)?.[1]})\n`);
    await ctx.sleep(30);
    for (const m of e.matchAll(/^R:(.*)$/gm)) {
      try {
        ctx.fs.rm(m[1]!);
      } catch {
        // already gone
      }
    }
  }
  writeText(ctx.fs, DB, entries.filter((e) => !gone.includes(nameOf(e))).map((e) => e.replace(/\n*$/, '\n\n')).join(''));
  writeText(ctx.fs, '/etc/apk/world', keepWorld.length ? keepWorld.join('\n') + '\n' : '');
  if (gone.length > 0) ctx.stdout.write('Executing busybox-1.37.0-r18.trigger\n');
  ok(ctx);
  return 0;
}

export const apkProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = args.filter((a) => a.startsWith('-'));
  const words = args.filter((a) => !a.startsWith('-'));
  const [command, ...names] = words;
  const distro = detectDistro(ctx.fs);
  if (distro.family !== 'alpine') {
    ctx.stderr.write('ERROR: Unable to read database: No such file or directory\n');
    return 1;
  }
  if (!distro.version.startsWith('3.22')) {
    // only Alpine 3.22's repositories are in Berth's index
    ctx.stderr.write(`apk: Alpine ${distro.version}'s repositories are not simulated by Berth\n`);
    return 1;
  }
  switch (command) {
    case 'add':
      if (names.length === 0) {
        ctx.stdout.write(`OK: ${Math.round((BASE_BYTES + installedNames(ctx.fs).bytes) / 1048576)} MiB in ${BASE_PACKAGES + installedNames(ctx.fs).names.length} packages\n`);
        return 0;
      }
      return add(ctx, names, flags.includes('--update') || flags.includes('-U'), flags.includes('--no-cache'));
    case 'del':
      return del(ctx, names);
    case 'update': {
      await fetchIndexes(ctx);
      const b = branch(ctx.fs);
      ctx.stdout.write(`${b}.1-137-g6d56a3ad9de [${MIRROR}/${b}/main]\n${b}.1-139-gb57b7cbaf7a [${MIRROR}/${b}/community]\nOK: 26326 distinct packages available\n`);
      return 0;
    }
    case 'info': {
      const { names: have } = installedNames(ctx.fs);
      if (names.length === 0) {
        ctx.stdout.write(have.map((n) => n + '\n').join(''));
        return 0;
      }
      let rc = 0;
      for (const n of names) {
        const p = PACKAGES.get(n);
        if (!have.includes(n) || p === undefined) {
          rc = 1;
          continue;
        }
        ctx.stdout.write(`${n}-${p.version} description:\n${p.description}\n\n${n}-${p.version} webpage:\nhttps://alpinelinux.org\n\n${n}-${p.version} installed size:\n${Math.round(p.installed / 1024)} KiB\n\n`);
      }
      return rc;
    }
    default:
      ctx.stderr.write(command === undefined ? 'apk-tools 2.14.9, compiled for x86_64.\n' : `apk: applet '${command}' not found\n`);
      return 1;
  }
};
