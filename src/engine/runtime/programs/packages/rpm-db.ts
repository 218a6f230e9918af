// The rpm database of a container. Real rpm keeps a Berkeley DB under
// /var/lib/rpm (Packages, Name, ...); Berth appends one line per installed
// package to /var/lib/rpm/Packages, so the file changes (docker diff shows
// C /var/lib/rpm/Packages, as it does on a real install) and rpm -qa/-q
// read it back. The image's own packages are not listed.
import type { Fs } from '../../../fs/types.ts';
import { appendText, readText, writeText } from './system.ts';

const DB = '/var/lib/rpm/Packages';

export interface RpmRecord {
  name: string;
  /** version-release */
  vr: string;
  arch: string;
  /** Files it owns (rpm -ql). */
  files: string[];
}

export function readRpmDb(fs: Fs): RpmRecord[] {
  const out: RpmRecord[] = [];
  for (const line of (readText(fs, DB) ?? '').split('\n')) {
    const [name, vr, arch, files] = line.split('\t');
    if (name && vr && arch && files !== undefined && !line.startsWith('\x00')) out.push({ name, vr, arch, files: files ? files.split(' ') : [] });
  }
  return out;
}

export function addRpmRecord(fs: Fs, r: RpmRecord): void {
  appendText(fs, DB, `${r.name}\t${r.vr}\t${r.arch}\t${r.files.join(' ')}\n`);
}

/** Drops a package's record (rpm -e). */
export function removeRpmRecord(fs: Fs, name: string): void {
  const kept = readRpmDb(fs).filter((r) => r.name !== name);
  writeText(fs, DB, kept.map((r) => `${r.name}\t${r.vr}\t${r.arch}\t${r.files.join(' ')}\n`).join(''));
}

export function rpmInstalled(fs: Fs, name: string): RpmRecord | undefined {
  return readRpmDb(fs).find((r) => r.name === name);
}

/** name-version-release.arch (gpg-pubkey has no arch: name-version-release). */
export function recordNevra(r: RpmRecord): string {
  return r.arch === '(none)' ? `${r.name}-${r.vr}` : `${r.name}-${r.vr}.${r.arch}`;
}
