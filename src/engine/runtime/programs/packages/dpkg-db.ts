// dpkg's database in the container: /var/lib/dpkg/status (one paragraph a
// package) and /var/lib/dpkg/info/<pkg>.list (its files), as dpkg writes them.
import type { Fs } from '../../../fs/types.ts';
import { BOOKWORM_SLIM_STATUS } from './bookworm-status.ts';
import { NOBLE_STATUS } from './noble-status.ts';
import { JAMMY_STATUS } from './jammy-status.ts';
import { FOCAL_STATUS } from './focal-status.ts';
import { BIONIC_STATUS } from './bionic-status.ts';
import type { DebPackage } from './deb-archive.ts';
import { detectDistro, readText, writeText } from './system.ts';

export const STATUS = '/var/lib/dpkg/status';
const INFO = '/var/lib/dpkg/info';

export interface StatusEntry {
  fields: Map<string, string>;
}

/** The Ubuntu images' status tables, by codename (same layout as noble-status.ts). */
const UBUNTU_STATUS: Readonly<Record<string, readonly string[]>> = { noble: NOBLE_STATUS, jammy: JAMMY_STATUS, focal: FOCAL_STATUS, bionic: BIONIC_STATUS };

/**
 * The image's own status file. Berth's catalogue images carry none; for
 * debian:bookworm-slim it is the reference image's (bookworm-status.ts),
 * for the Ubuntu images the image's manifest (noble-status.ts and its kin).
 */
function imageStatus(fs: Fs): string {
  const codename = detectDistro(fs).codename;
  if (codename === 'bookworm') return BOOKWORM_SLIM_STATUS.map((line) => paragraph(line.split('|') as string[])).join('\n');
  const status = UBUNTU_STATUS[codename];
  if (status === undefined) return '';
  const summaries = new Map(BOOKWORM_SLIM_STATUS.map((l) => [l.split('|')[0]!.replace(/t64$/, ''), l.split('|')[9]!]));
  const ubuntu = 'Ubuntu Developers <ubuntu-devel-discuss@lists.ubuntu.com>';
  return status.map((line) => {
    const [name, version, arch, multi, priority, section, size, essential, summary] = line.split('|') as string[];
    const about = summary ?? summaries.get(name!.replace(/t64$/, '')) ?? summaries.get(name!.replace(/^gcc-\d+/, 'gcc-12')) ?? name!;
    return paragraph([name!, version!, arch!, multi!, priority!, section!, size!, essential!, ubuntu, about]);
  }).join('\n');
}

function paragraph([name, version, arch, multi, priority, section, size, essential, maintainer, summary]: string[]): string {
  return [
    `Package: ${name}`,
    ...(essential === 'yes' ? ['Essential: yes'] : []),
    'Status: install ok installed',
    `Priority: ${priority}`,
    `Section: ${section}`,
    `Installed-Size: ${size}`,
    `Maintainer: ${maintainer}`,
    `Architecture: ${arch}`,
    ...(multi !== 'no' ? [`Multi-Arch: ${multi}`] : []),
    `Version: ${version}`,
    `Description: ${summary}`,
  ].join('\n') + '\n';
}

function statusText(fs: Fs): string {
  return readText(fs, STATUS) ?? imageStatus(fs);
}

export function readStatus(fs: Fs): Map<string, StatusEntry> {
  const m = new Map<string, StatusEntry>();
  const text = statusText(fs);
  for (const para of text.split(/\n\n+/)) {
    const fields = new Map<string, string>();
    let last = '';
    for (const line of para.split('\n')) {
      if (line.startsWith(' ') && last) fields.set(last, fields.get(last) + '\n' + line);
      else {
        const i = line.indexOf(':');
        if (i <= 0) continue;
        last = line.slice(0, i);
        fields.set(last, line.slice(i + 1).trim());
      }
    }
    const name = fields.get('Package');
    if (name) m.set(name, { fields });
  }
  return m;
}

/** Whether the package is installed (Status ... installed). */
export function isInstalled(e: StatusEntry | undefined): boolean {
  return e !== undefined && /installed$/.test(e.fields.get('Status') ?? '');
}

/** dpkg's name for a package in messages: name:amd64 for Multi-Arch: same. */
export function dpkgName(p: DebPackage): string {
  return p.multiArch ? `${p.name}:${p.arch}` : p.name;
}

export function statusParagraph(p: DebPackage, maintainer: string): string {
  const lines = [
    `Package: ${p.name}`,
    'Status: install ok installed',
    'Priority: optional',
    `Section: ${p.section}`,
    `Installed-Size: ${p.installedKB}`,
    `Maintainer: ${maintainer}`,
    `Architecture: ${p.arch}`,
    ...(p.multiArch ? ['Multi-Arch: same'] : []),
    `Version: ${p.version}`,
    ...(p.depends.length ? [`Depends: ${p.depends.join(', ')}`] : []),
    ...(p.recommends.length ? [`Recommends: ${p.recommends.join(', ')}`] : []),
    ...(p.suggests.length ? [`Suggests: ${p.suggests.join(', ')}`] : []),
    `Description: ${p.description}`,
  ];
  return lines.join('\n') + '\n';
}

/** Adds the packages' paragraphs to the status file and writes their file lists. */
export function recordInstalled(fs: Fs, pkgs: { pkg: DebPackage; paths: string[] }[], maintainer: string): void {
  // dpkg rewrites the whole file, paragraphs sorted by package name
  const paras = statusText(fs).split(/\n\n+/).filter((p) => p.trim() !== '').map((p) => p.replace(/\n*$/, '\n'));
  paras.push(...pkgs.map(({ pkg }) => statusParagraph(pkg, maintainer)));
  const name = (p: string) => /^Package: (.*)$/m.exec(p)?.[1] ?? '';
  paras.sort((a, b) => (name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0));
  writeText(fs, STATUS, paras.join('\n'));
  for (const { pkg, paths } of pkgs) writeText(fs, `${INFO}/${dpkgName(pkg)}.list`, paths.join('\n') + '\n');
}

/** The paths a package's .list names, or null when it has none. */
export function listFiles(fs: Fs, name: string, arch = 'amd64'): string[] | null {
  const t = readText(fs, `${INFO}/${name}.list`) ?? readText(fs, `${INFO}/${name}:${arch}.list`);
  return t === null ? null : t.split('\n').filter(Boolean);
}

/** What dpkg counts as "files and directories currently installed": the distinct paths of every .list. */
export function databaseSize(fs: Fs, base: number, recorded?: ReadonlyMap<string, number>): number {
  let names: string[];
  try {
    names = fs.readdir(INFO);
  } catch {
    return base;
  }
  const seen = new Set<string>();
  const common = new Set(['/.', '/bin', '/sbin', '/etc', '/usr', '/usr/bin', '/usr/sbin', '/usr/lib', '/usr/lib/x86_64-linux-gnu', '/usr/share', '/usr/share/doc', '/usr/share/man', '/var', '/var/lib', '/var/www', '/lib']);
  let known = 0;
  for (const n of names) {
    if (!n.endsWith('.list')) continue;
    // the real package's count where it was recorded, else the paths Berth gave it
    const count = recorded?.get(n.replace(/(:amd64)?\.list$/, ''));
    if (count !== undefined) {
      known += count;
      continue;
    }
    for (const p of (readText(fs, `${INFO}/${n}`) ?? '').split('\n')) if (p && !common.has(p)) seen.add(p);
  }
  // the image's own packages carry no .list files in Berth: their count is `base`
  return base + known + seen.size;
}

/**
 * Forgets a package: its paragraph leaves the status file, or stays as
 * "deinstall ok config-files" (dpkg -l: rc) when it is removed but not
 * purged and kept configuration files under /etc; its .list goes.
 */
export function recordRemoved(fs: Fs, name: string, keepConfig: boolean): void {
  const paras = statusText(fs).split(/\n\n+/).filter((p) => p.trim() !== '').map((p) => p.replace(/\n*$/, '\n'));
  const out: string[] = [];
  for (const p of paras) {
    if (/^Package: (.*)$/m.exec(p)?.[1] !== name) out.push(p);
    else if (keepConfig) out.push(p.replace(/^Status: .*$/m, 'Status: deinstall ok config-files'));
  }
  writeText(fs, STATUS, out.join('\n'));
  for (const f of [`${INFO}/${name}.list`, `${INFO}/${name}:amd64.list`]) {
    try {
      fs.rm(f);
    } catch {
      // not there
    }
  }
}
