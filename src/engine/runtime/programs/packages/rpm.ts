// rpm: -i/-U of a downloaded package file (-v, -h), queries (-q, -qa, -ql)
// and -V over the database yum writes. Messages of rpm 4.11 (CentOS 7).
import type { ProcessContext, Program } from '../../process.ts';
import { resolvePath } from '../../sh/path.ts';
import { findRpm, rpmRelease } from './rpm-archive.ts';
import { readRpmDb, recordNevra, removeRpmRecord, rpmInstalled } from './rpm-db.ts';
import { detectDistro, present } from './system.ts';
import { installRpm } from './yum.ts';

/** Package files Berth can install from disk: what their names say they hold. */
const LOCAL_RPMS: Record<string, { name: string; evr: string; arch: string; keyId: string }> = {
  'epel-release-6-8.noarch.rpm': { name: 'epel-release', evr: '6-8', arch: 'noarch', keyId: '0608b895' },
  'epel-release-latest-7.noarch.rpm': { name: 'epel-release', evr: '7-14', arch: 'noarch', keyId: '352c64e5' },
};

function hashes(n: number): string {
  return '#'.repeat(n);
}

async function installFiles(ctx: ProcessContext, files: string[], verbose: boolean, hash: boolean): Promise<number> {
  const distro = detectDistro(ctx.fs);
  const major = Number(distro.version.split('.')[0]) || 7;
  const pkgs = [];
  for (const f of files) {
    const path = resolvePath(ctx.cwd, f);
    const base = f.split('/').pop()!;
    if (!present(ctx.fs, path)) {
      ctx.stderr.write(`error: open of ${f} failed: No such file or directory\n`);
      return 1;
    }
    const known = LOCAL_RPMS[base];
    if (known === undefined) {
      ctx.stderr.write(`error: ${f}: not an rpm package (or package manifest): \n`);
      return 1;
    }
    pkgs.push({ file: f, ...known });
  }
  for (const p of pkgs) ctx.stderr.write(`warning: ${p.file}: Header V3 RSA/SHA256 Signature, key ID ${p.keyId}: NOKEY\n`);
  for (const p of pkgs) {
    if (rpmInstalled(ctx.fs, p.name)) {
      ctx.stderr.write(`\tpackage ${p.name}-${p.evr}.${p.arch} is already installed\n`);
      return 1;
    }
  }
  const bar = (label: string) => `${label.padEnd(38)}${hashes(33)} [100%]\n`;
  if (hash) ctx.stdout.write(bar('Preparing...'));
  await ctx.sleep(200);
  if (verbose) ctx.stdout.write('Updating / installing...\n');
  const release = rpmRelease(major);
  let i = 0;
  for (const p of pkgs) {
    const table = release === null ? undefined : findRpm(release, p.name);
    const pkg = { name: p.name, evr: p.evr, arch: p.arch, repo: 'local', size: 0, installed: table?.installed ?? 24_000, requires: [], aliases: [], summary: table?.summary ?? '' };
    installRpm(ctx.fs, pkg, major);
    await ctx.sleep(100);
    if (hash) ctx.stdout.write(bar(`   ${++i}:${p.name}-${p.evr}`));
  }
  return 0;
}

export const rpmProgram: Program = async (ctx) => {
  const args = ctx.argv.slice(1);
  const flags = new Set<string>();
  const operands: string[] = [];
  for (const a of args) {
    if (a.startsWith('--')) flags.add(a);
    else if (a.startsWith('-') && a.length > 1) for (const c of a.slice(1)) flags.add(c);
    else operands.push(a);
  }
  if (flags.has('i') || flags.has('U') || flags.has('--install') || flags.has('--upgrade')) {
    if (operands.length === 0) {
      ctx.stderr.write('rpm: no packages given for install\n');
      return 1;
    }
    return installFiles(ctx, operands, flags.has('v'), flags.has('h'));
  }
  if (flags.has('e') || flags.has('--erase')) {
    // rpm -e is silent when it succeeds
    let rc = 0;
    for (const n of operands) {
      const r = readRpmDb(ctx.fs).find((x) => x.name === n || recordNevra(x) === n);
      if (r === undefined) {
        ctx.stderr.write(`error: package ${n} is not installed\n`);
        rc = 1;
        continue;
      }
      for (const f of r.files) {
        try {
          if (ctx.fs.lstat(f).type !== 'dir') ctx.fs.rm(f);
        } catch {
          // already gone
        }
      }
      removeRpmRecord(ctx.fs, r.name);
    }
    return rc;
  }
  if (flags.has('V') || flags.has('--verify')) {
    // every installed file is as the package left it: rpm -V prints nothing
    for (const n of operands) {
      if (!flags.has('a') && !rpmInstalled(ctx.fs, n)) {
        ctx.stdout.write(`package ${n} is not installed\n`);
        return 1;
      }
    }
    return 0;
  }
  if (flags.has('q') || flags.has('--query')) {
    const db = readRpmDb(ctx.fs);
    if (flags.has('a')) {
      for (const r of db) ctx.stdout.write(recordNevra(r) + '\n');
      return 0;
    }
    if (operands.length === 0) {
      ctx.stderr.write('rpm: no arguments given for query\n');
      return 1;
    }
    let rc = 0;
    for (const n of operands) {
      const r = db.find((x) => x.name === n || recordNevra(x) === n);
      if (r === undefined) {
        ctx.stdout.write(`package ${n} is not installed\n`);
        rc = 1;
      } else if (flags.has('l')) ctx.stdout.write(r.files.length ? r.files.join('\n') + '\n' : '(contains no files)\n');
      else if (flags.has('i')) ctx.stdout.write(`Name        : ${r.name}\nVersion     : ${r.vr.replace(/-[^-]+$/, '')}\nRelease     : ${r.vr.replace(/^.*-/, '')}\nArchitecture: ${r.arch}\n`);
      else ctx.stdout.write(recordNevra(r) + '\n');
    }
    return rc;
  }
  ctx.stderr.write('rpm: no operation specified\n');
  return 1;
};


