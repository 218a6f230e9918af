// apt-get remove, purge and autoremove of what apt-get installed: the plan
// ("will be REMOVED", "nano*" for purge, what is no longer required), the
// prompt, dpkg's Removing/Purging lines, and the files gone from the
// container. Recorded with apt 2.6.1 on bookworm (LANG=C, </dev/null).
import type { ProcessContext } from '../../process.ts';
import { lineReader } from '../../sh/io.ts';
import type { DebArchive } from './deb-archive.ts';
import { databaseSize, isInstalled, listFiles, readStatus, recordRemoved } from './dpkg-db.ts';
import { aptList, aptSize } from './format.ts';
import { readText, writeText } from './system.ts';

const EXTENDED = '/var/lib/apt/extended_states';

function autoInstalled(ctx: ProcessContext): Set<string> {
  const auto = new Set<string>();
  for (const para of (readText(ctx.fs, EXTENDED) ?? '').split(/\n\n+/)) {
    const name = /^Package: (.*)$/m.exec(para)?.[1];
    if (name && /^Auto-Installed: 1$/m.test(para)) auto.add(name);
  }
  return auto;
}

/** Auto-installed packages nothing that stays needs (Depends or Recommends). */
function unneeded(ctx: ProcessContext, archive: DebArchive, installed: Set<string>, leaving: Set<string>): string[] {
  const auto = autoInstalled(ctx);
  const needed = new Set<string>();
  const visit = (n: string) => {
    const p = archive.packages.get(n);
    if (p === undefined) return;
    for (const d of [...p.depends, ...p.recommends]) {
      if (needed.has(d)) continue;
      needed.add(d);
      visit(d);
    }
  };
  for (const n of installed) if (!leaving.has(n) && !auto.has(n)) visit(n);
  return [...auto].filter((n) => installed.has(n) && !leaving.has(n) && !needed.has(n)).sort();
}

function forgetAuto(ctx: ProcessContext, names: Set<string>): void {
  const text = readText(ctx.fs, EXTENDED);
  if (text === null) return;
  const kept = text.split(/\n\n+/).filter((p) => p.trim() && !names.has(/^Package: (.*)$/m.exec(p)?.[1] ?? ''));
  writeText(ctx.fs, EXTENDED, kept.map((p) => p.replace(/\n*$/, '\n')).join('\n'));
}

function deleteFiles(ctx: ProcessContext, paths: string[]): void {
  const dirs: string[] = [];
  for (const p of paths) {
    if (p === '/.') continue;
    let st;
    try {
      st = ctx.fs.lstat(p);
    } catch {
      continue;
    }
    // a listed directory may be a symlink to one here (/bin -> usr/bin): never removed
    if (st.type === 'dir' || paths.some((q) => q.startsWith(p + '/'))) dirs.push(p);
    else ctx.fs.rm(p);
  }
  // directories the package alone used, deepest first
  for (const d of dirs.sort((a, b) => b.length - a.length)) {
    try {
      if (ctx.fs.lstat(d).type === 'dir' && ctx.fs.readdir(d).length === 0) ctx.fs.rm(d);
    } catch {
      // shared or gone
    }
  }
}

export async function remove(
  ctx: ProcessContext,
  o: { yes: boolean; quiet: number; purge: boolean; autoremove: boolean },
  archive: DebArchive,
  names: string[],
  readingLists: () => void,
): Promise<number> {
  const out = (s: string) => {
    if (o.quiet < 2) ctx.stdout.write(s);
  };
  readingLists();
  const status = readStatus(ctx.fs);
  const installed = new Set([...status].filter(([, e]) => isInstalled(e)).map(([n]) => n));
  const unknown = names.filter((n) => !status.has(n) && !archive.packages.has(n) && !archive.base.has(n));
  if (unknown.length > 0) {
    for (const n of unknown) ctx.stderr.write(`E: Unable to locate package ${n}\n`);
    return 100;
  }
  for (const n of names) if (!installed.has(n)) out(`Package '${n}' is not installed, so not removed\n`);
  const leaving = new Set(names.filter((n) => installed.has(n)));
  if (o.autoremove) for (const n of unneeded(ctx, archive, installed, new Set())) leaving.add(n);
  const spare = o.autoremove ? [] : unneeded(ctx, archive, installed, leaving);
  if (spare.length === 1) out(`The following package was automatically installed and is no longer required:\n${aptList(spare, archive.listWidth)}Use 'apt autoremove' to remove it.\n`);
  else if (spare.length > 1) out(`The following packages were automatically installed and are no longer required:\n${aptList(spare, archive.listWidth)}Use 'apt autoremove' to remove them.\n`);
  const gone = [...leaving].sort();
  if (gone.length > 0) out(`The following packages will be REMOVED:\n${aptList(gone.map((n) => (o.purge ? `${n}*` : n)), archive.listWidth)}`);
  out(`0 upgraded, 0 newly installed, ${gone.length} to remove and 0 not upgraded.\n`);
  if (gone.length === 0) return 0;
  const freed = gone.reduce((n, g) => n + Number(status.get(g)?.fields.get('Installed-Size') ?? 0) * 1024, 0);
  out(`After this operation, ${aptSize(freed)}B disk space will be freed.\n`);
  if (!o.yes) {
    ctx.stdout.write('Do you want to continue? [Y/n] ');
    const answer = await lineReader(ctx.stdin).readLine();
    if (answer === null || !/^\s*(y(es)?)?\s*$/i.test(answer)) {
      ctx.stdout.write('Abort.\n');
      return 1;
    }
  }
  const shown = (n: string) => (status.get(n)?.fields.get('Multi-Arch') === 'same' ? `${n}:amd64` : n);
  const version = (n: string) => status.get(n)?.fields.get('Version') ?? '';
  ctx.stdout.write(`(Reading database ... ${databaseSize(ctx.fs, archive.baseFiles, archive.newPaths)} files and directories currently installed.)\n`);
  const withConfig: string[] = [];
  for (const n of gone) {
    ctx.stdout.write(`Removing ${shown(n)} (${version(n)}) ...\n`);
    await ctx.sleep(60);
    const paths = listFiles(ctx.fs, n) ?? [];
    const config = paths.filter((p) => p.startsWith('/etc/'));
    deleteFiles(ctx, paths.filter((p) => o.purge || !p.startsWith('/etc/')));
    const keep = !o.purge && config.length > 0;
    if (keep) withConfig.push(n);
    recordRemoved(ctx.fs, n, keep);
  }
  if (o.purge) {
    ctx.stdout.write(`(Reading database ... ${databaseSize(ctx.fs, archive.baseFiles, archive.newPaths)} files and directories currently installed.)\n`);
    for (const n of gone) ctx.stdout.write(`Purging configuration files for ${shown(n)} (${version(n)}) ...\n`);
  }
  forgetAuto(ctx, leaving);
  if (gone.some((n) => status.get(n)?.fields.get('Multi-Arch') === 'same')) ctx.stdout.write(`Processing triggers for libc-bin (${archive.libcBin}) ...\n`);
  return 0;
}
