// A package's files: the few a learner looks for (binaries at their real
// paths, configuration, the default web page), its documentation, and
// generated data files making up the rest of its real installed size.
import type { Fs } from '../../../fs/types.ts';
import { ensureDir, present, writeSized, writeSymlink, writeText } from './system.ts';

export interface FileSpec {
  path: string;
  /** Text content (its length counts toward the installed size). */
  text?: string;
  /** Generated content of this many bytes. */
  size?: number;
  /** A symlink to this target. */
  link?: string;
  mode?: number;
}

/** Bytes a binary gets when the table gives none: its share of what is left. */
const MAX_GENERATED_FILE = 512 * 1024;

function textBytes(s: string): number {
  return new TextEncoder().encode(s).length;
}

/**
 * The files of a package of `installedBytes`: `fixed` (paths ending in '*'
 * are executables sized from the remainder), a copyright and changelog
 * under `docDir`, and data files under `dataDir` for the rest.
 */
export function layout(installedBytes: number, fixed: FileSpec[], docDir: string, dataDir: string, docs = ['copyright', 'changelog.Debian.gz']): FileSpec[] {
  const out: FileSpec[] = [];
  let used = 0;
  const bins: FileSpec[] = [];
  for (const f of fixed) {
    if (f.link !== undefined) out.push(f);
    else if (f.text !== undefined) {
      out.push(f);
      used += textBytes(f.text);
    } else if (f.size !== undefined) {
      out.push(f);
      used += f.size;
    } else bins.push(f);
  }
  const docFiles: FileSpec[] = docs.map((d, i) => ({ path: `${docDir}/${d}`, size: i === 0 ? 1_500 : 3_200 }));
  for (const d of docFiles) used += d.size!;
  let rest = Math.max(0, installedBytes - used);
  if (rest < docFiles.length * 64) {
    // a tiny package: its documentation is what little it has
    for (const d of docFiles) d.size = Math.floor(Math.max(0, installedBytes - (used - 4_700)) / docFiles.length);
    rest = 0;
  }
  out.push(...docFiles);
  if (bins.length > 0) {
    const share = Math.floor((rest * 0.6) / bins.length);
    for (const b of bins) {
      out.push({ ...b, size: share, mode: b.mode ?? 0o755 });
      rest -= share;
    }
  }
  const n = Math.ceil(rest / MAX_GENERATED_FILE);
  for (let i = 0; i < n; i++) {
    const size = i === n - 1 ? rest - MAX_GENERATED_FILE * (n - 1) : MAX_GENERATED_FILE;
    out.push({ path: `${dataDir}/${String(i).padStart(2, '0')}.dat`, size });
  }
  return out;
}

/** Every directory above the files, parents first, without '/'. */
export function directoriesOf(files: FileSpec[]): string[] {
  const dirs = new Set<string>();
  for (const f of files) {
    const parts = f.path.split('/').filter(Boolean);
    let p = '';
    for (let i = 0; i < parts.length - 1; i++) {
      p += '/' + parts[i];
      dirs.add(p);
    }
  }
  return [...dirs].sort();
}

/** Writes the files into `fs`; returns the paths written (directories included), sorted as dpkg lists them. */
export function unpack(fs: Fs, files: FileSpec[]): string[] {
  const dirs = directoriesOf(files);
  for (const d of dirs) if (!present(fs, d)) ensureDir(fs, d);
  for (const f of files) {
    if (f.link !== undefined) writeSymlink(fs, f.link, f.path);
    else if (f.text !== undefined) writeText(fs, f.path, f.text, f.mode ?? 0o644);
    else writeSized(fs, f.path, f.size ?? 0, f.mode ?? 0o644);
  }
  // the order of the .deb's data.tar: paths sorted component by component
  const all = [...dirs, ...files.map((f) => f.path)].sort((a, b) => {
    const x = a.split('/');
    const y = b.split('/');
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
    return x.length - y.length;
  });
  return ['/.', ...all];
}

/** Installed size of the files (what `du` would add up, without directories). */
export function totalBytes(files: FileSpec[]): number {
  let n = 0;
  for (const f of files) n += f.text !== undefined ? textBytes(f.text) : (f.size ?? 0);
  return n;
}
