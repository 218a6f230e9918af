// What every package manager needs from the container: which distribution
// it runs in (read from /etc/os-release and friends, as the tools do) and a
// way to put a package's files into the container's file system with the
// sizes they have on a real machine.
import { FsError, type Fs } from '../../../fs/types.ts';
import { UnionFs } from '../../../fs/union.ts';
import { seedFromPath } from '../../../layer/tree.ts';
import { realPath } from '../../resolve.ts';

export type Family = 'debian' | 'rpm' | 'alpine' | 'unknown';

export interface Distro {
  family: Family;
  /** os-release ID: debian, ubuntu, centos, alpine. */
  id: string;
  /** os-release VERSION_ID (14.04, 12, 7, 3.22.1). */
  version: string;
  /** Release codename (trusty, bookworm), '' when none. */
  codename: string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();

export function readText(fs: Fs, path: string): string | null {
  try {
    return dec.decode(fs.readFile(path));
  } catch {
    return null;
  }
}

function field(osRelease: string, key: string): string {
  const m = new RegExp(`^${key}=(.*)$`, 'm').exec(osRelease);
  return m ? m[1]!.replace(/^"(.*)"$/, '$1') : '';
}

/** The distribution of a root file system, as /etc/os-release (or the older release files) describe it. */
export function detectDistro(fs: Fs): Distro {
  const osr = readText(fs, '/etc/os-release') ?? readText(fs, '/usr/lib/os-release') ?? '';
  const alpine = readText(fs, '/etc/alpine-release');
  if (alpine !== null || field(osr, 'ID') === 'alpine') {
    return { family: 'alpine', id: 'alpine', version: (alpine ?? field(osr, 'VERSION_ID')).trim(), codename: '' };
  }
  const centos = readText(fs, '/etc/centos-release');
  const id = field(osr, 'ID');
  if (centos !== null || id === 'centos' || id === 'rhel' || id === 'fedora') {
    const v = field(osr, 'VERSION_ID') || (/release (\d+)/.exec(centos ?? '')?.[1] ?? '');
    return { family: 'rpm', id: id || 'centos', version: v, codename: '' };
  }
  if (id === 'debian' || id === 'ubuntu' || field(osr, 'ID_LIKE').includes('debian')) {
    // older releases name it only in lsb-release or in VERSION ("14.04.6 LTS, Trusty Tahr", "8 (jessie)")
    let codename = field(osr, 'VERSION_CODENAME') || field(osr, 'UBUNTU_CODENAME') || field(readText(fs, '/etc/lsb-release') ?? '', 'DISTRIB_CODENAME');
    if (!codename) codename = (/(?:\(|, )([A-Za-z]+)/.exec(field(osr, 'VERSION'))?.[1] ?? '').toLowerCase();
    return { family: 'debian', id, version: field(osr, 'VERSION_ID'), codename };
  }
  return { family: 'unknown', id, version: field(osr, 'VERSION_ID'), codename: '' };
}

/** mkdir -p that tolerates what is already there. */
export function ensureDir(fs: Fs, dir: string): void {
  if (dir === '/' || dir === '') return;
  try {
    if (fs.stat(dir).type === 'dir') return;
  } catch {
    // create below
  }
  fs.mkdir(dir, { recursive: true });
}

function parent(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function writeText(fs: Fs, path: string, text: string, mode = 0o644): void {
  ensureDir(fs, parent(path));
  fs.writeFile(path, enc.encode(text), { mode });
}

export function appendText(fs: Fs, path: string, text: string): void {
  ensureDir(fs, parent(path));
  fs.writeFile(path, enc.encode(text), { append: true });
}

/**
 * Writes a file of `size` bytes. In a container (a UnionFs) the bytes are
 * generated content, as the images' own files are: a package of 40 MB then
 * costs a few bytes of memory, yet `ls -l`, `docker diff`, `docker commit`
 * and the image's size see 40 MB. The Fs contract writes only real bytes,
 * so the file is created through it (the change is recorded as any write)
 * and its entry in the read-write layer then takes the generated content.
 */
export function writeSized(fs: Fs, path: string, size: number, mode = 0o644): void {
  ensureDir(fs, parent(path));
  if (fs instanceof UnionFs) {
    fs.writeFile(path, new Uint8Array(0), { mode });
    const real = realPath(fs, path);
    const entry = real === null ? undefined : fs.layers[0]!.lookup(real);
    if (entry !== undefined && entry.kind === 'file') {
      entry.setContent({ size, seed: seedFromPath(path) });
      return;
    }
  }
  fs.writeFile(path, new Uint8Array(size), { mode });
}

export function writeSymlink(fs: Fs, target: string, path: string): void {
  ensureDir(fs, parent(path));
  try {
    fs.lstat(path);
    fs.rm(path);
  } catch {
    // absent
  }
  fs.symlink(target, path);
}

/** Whether a path exists (without following a final symlink). */
export function present(fs: Fs, path: string): boolean {
  try {
    fs.lstat(path);
    return true;
  } catch (e) {
    if (e instanceof FsError) return false;
    throw e;
  }
}
