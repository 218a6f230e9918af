// `docker build`'s context, the daemon side: the archive the CLI sent read
// back into a read-only file system, the Dockerfile found in it, and what
// moby does with `.dockerignore` on its side (builder/remotecontext:
// FromArchive, withDockerfileFromContext, removeDockerfile).
//
// Checked on the reference engine (DOCKER_BUILDKIT=0):
//   * the archive may be compressed (the CLI sends a gzip or bzip2 stdin
//     context as is); a broken one fails the API call: `bzip2 data invalid:
//     invalid compression level`, `unexpected EOF`;
//   * docker/cli's archive for a Dockerfile from stdin or outside the
//     context ends right after the last file's data (no padding, no end
//     blocks): the daemon takes it;
//   * no Dockerfile: `Cannot locate specified Dockerfile: Dockerfile` (the
//     legacy daemon tries `dockerfile` when `Dockerfile` is missing); a
//     directory: `unexpected error reading Dockerfile: read <tmp>/sub: is a
//     directory`; an empty one: `the Dockerfile (Dockerfile) cannot be empty`;
//   * once the Dockerfile is read, the `.dockerignore` and the Dockerfile
//     leave the context when `.dockerignore` matches them (`COPY . /ctx`
//     then shows neither).
// BuildKit's texts are moby/buildkit's: `failed to read dockerfile: open
// Dockerfile: no such file or directory`, `the Dockerfile cannot be empty`.
import { FsError, type Fs, type Stat } from '../fs/types.ts';
import { UnionFs } from '../fs/union.ts';
import type { Clock, IdSource } from '../platform.ts';
import { LayerTarError, readLayerTarSync } from '../layer/tar.ts';
import { LayerTree } from '../layer/tree.ts';
import { gunzip } from '../runtime/programs/inflate.ts';
import { bunzip2, Bzip2Error } from './copy/bunzip2.ts';
import { detectCompression } from './copy/archive.ts';
import { Matcher, readDockerignore } from './dockerignore.ts';
import { BuildError, type BuildRequest } from './types.ts';

/** The context as the builder sees it. */
export interface BuildContext {
  /** The context's files, read-only; paths from `/`. */
  fs: Fs;
  /** The Dockerfile the daemon read: its name in the context, its text and its size in bytes. */
  dockerfile: { name: string; text: string; bytes: number };
  /** The `.dockerignore` the daemon read (bytes 0 and no patterns when there is none). */
  dockerignore: { bytes: number; patterns: string[] };
  /**
   * The uname/gname the archive's headers carry, by path: moby's legacy
   * builder sums the tar as sent (`tar -cf - . | docker build -` names
   * root/root where docker/cli's own archive names no one, so the same files
   * miss the other's cache, measured on the reference engine).
   */
  tarNames: TarNames;
}

const dec = new TextDecoder();
const BLOCK = 512;

function early(message: string, buildkit?: string): BuildError {
  return new BuildError(message, { early: true, ...(buildkit !== undefined ? { buildkit } : {}) });
}

/** moby's DecompressStream over the bytes the CLI sent; the errors are Go's. */
function decompress(data: Uint8Array): Uint8Array {
  const c = detectCompression(data);
  if (c === 'none') return data;
  if (c === 'gzip') {
    const r = gunzip(data);
    if (r.error === null) return r.data;
    throw early(r.error.message.includes('end of file') ? 'unexpected EOF' : 'gzip: invalid header');
  }
  if (c === 'bzip2') {
    try {
      return bunzip2(data);
    } catch (e) {
      if (!(e instanceof Bzip2Error)) throw e;
      const why = e.message === 'bad block size' ? 'invalid compression level' : e.message === 'bad magic number' ? 'bad magic value' : e.message;
      throw early(e.message === 'unexpected EOF' ? 'unexpected EOF' : `bzip2 data invalid: ${why}`);
    }
  }
  throw early(`unsupported compression format ${c}`);
}

/**
 * docker/cli's tar rewriter leaves its archive without padding or end
 * blocks, and the daemon reads it all the same: pad it out before the
 * strict layer reader sees it.
 */
function closeArchive(tar: Uint8Array): Uint8Array {
  const padded = Math.ceil(tar.length / BLOCK) * BLOCK + 2 * BLOCK;
  const out = new Uint8Array(padded);
  out.set(tar);
  return out;
}

/** The owner names an archive's headers carry, by path (only the entries that name someone). */
export type TarNames = Map<string, { uname: string; gname: string }>;

/** The context archive as a file tree (empty archive: empty context); `names` collects the headers' uname/gname. */
export function readContextTree(context: Uint8Array, now = 0, names?: TarNames): LayerTree {
  if (context.length === 0) return new LayerTree();
  const tar = decompress(context);
  const onNames = names ? (path: string, uname: string, gname: string) => void (uname || gname ? names.set(path, { uname, gname }) : names.delete(path)) : undefined;
  try {
    return readLayerTarSync(closeArchive(tar), { now, ...(onNames ? { onNames } : {}) });
  } catch (e) {
    if (e instanceof LayerTarError) throw early(`Error processing tar file(${e.message}): `);
    throw e;
  }
}

/**
 * Opens the request's context and reads its Dockerfile as the daemon does.
 * Throws BuildError (early) with the daemon's message.
 */
export function openBuildContext(req: Pick<BuildRequest, 'context' | 'dockerfile' | 'builder'>, clock: Clock, ids?: IdSource): BuildContext {
  const tarNames: TarNames = new Map();
  const tree = readContextTree(req.context, clock.now(), tarNames);
  const fs = new UnionFs([tree], { clock });
  const legacy = req.builder === 'legacy';
  let name = req.dockerfile || 'Dockerfile';
  let path = contextPath(name);
  // The lower-case spelling is taken when the default one is missing: by the
  // legacy daemon for `Dockerfile` itself, by BuildKit for any `.../Dockerfile`.
  const base = name.slice(name.lastIndexOf('/') + 1);
  if (path !== null && !isFile(fs, path) && (legacy ? name === 'Dockerfile' : base === 'Dockerfile')) {
    const lower = `${path.slice(0, path.lastIndexOf('/'))}/dockerfile`;
    if (isFile(fs, lower)) {
      name = `${name.slice(0, name.length - base.length)}dockerfile`;
      path = lower;
    }
  }
  if (path !== null && isDir(fs, path)) {
    // moby unpacks the context into os.MkdirTemp(<data-root>/tmp, "docker-builder") and reads from there.
    const digits = String(ids ? ids.randomInt(2 ** 32) : Math.floor(Math.random() * 2 ** 32));
    throw early(`unexpected error reading Dockerfile: read /var/lib/docker/tmp/docker-builder${digits}${path}: is a directory`, `failed to read dockerfile: read ${name}: is a directory`);
  }
  if (path === null || !isFile(fs, path)) {
    throw early(`Cannot locate specified Dockerfile: ${name}`, `failed to read dockerfile: open ${name}: no such file or directory`);
  }
  const raw = fs.readFile(path);
  if (raw.length === 0) throw early(`the Dockerfile (${name}) cannot be empty`, 'the Dockerfile cannot be empty');

  let patterns: string[] = [];
  let ignoreBytes = 0;
  if (isFile(fs, '/.dockerignore')) {
    const bytes = fs.readFile('/.dockerignore');
    ignoreBytes = bytes.length;
    patterns = readDockerignore(bytes);
    // moby's removeDockerfile: what .dockerignore names of the two build files leaves the context.
    let m: Matcher | null = null;
    try {
      m = new Matcher(patterns);
    } catch {
      m = null; // a malformed file removes nothing (moby ignores the error here)
    }
    for (const f of ['.dockerignore', name]) {
      if (m?.matches(f)) {
        try {
          fs.rm(`/${cleanRel(f)}`);
        } catch (e) {
          if (!(e instanceof FsError)) throw e;
        }
      }
    }
  }
  return {
    fs: readOnly(fs),
    dockerfile: { name, text: dec.decode(raw), bytes: raw.length },
    dockerignore: { bytes: ignoreBytes, patterns },
    tarNames,
  };
}

/**
 * What BuildKit reports for `[internal] load build context` (`transferring
 * context: 2.07kB`): the bytes of the context files the instruction's
 * sources name (directories counted by what is under them).
 */
export function transferBytes(fs: Fs, sources: readonly string[]): number {
  let n = 0;
  const seen = new Set<string>();
  const walk = (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    let st: Stat;
    try {
      st = fs.lstat(p);
    } catch {
      return; // a missing source fails in the copy itself
    }
    if (st.type === 'dir') for (const c of fs.readdir(p)) walk(`${p === '/' ? '' : p}/${c}`);
    else n += st.size;
  };
  for (const s of sources) walk(`/${cleanRel(s)}`.replace(/\/$/, '') || '/');
  return n;
}

function cleanRel(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** The Dockerfile's absolute path in the context, or null when it names something outside it. */
function contextPath(name: string): string | null {
  if (name.split('/').filter((p) => p !== '' && p !== '.').reduce((depth, p) => (depth < 0 ? depth : p === '..' ? depth - 1 : depth + 1), 0) < 0) return null;
  return `/${cleanRel(name)}`;
}

function isDir(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

function isFile(fs: Fs, path: string | null): boolean {
  if (path === null) return false;
  try {
    return fs.stat(path).type === 'file';
  } catch {
    return false;
  }
}

/** The context as the builder may use it: reads only. */
function readOnly(fs: Fs): Fs {
  const refuse = (path: string): never => {
    throw new FsError('EROFS', path);
  };
  return {
    lstat: (p) => fs.lstat(p),
    stat: (p) => fs.stat(p),
    exists: (p) => fs.exists(p),
    readdir: (p) => fs.readdir(p),
    readFile: (p) => fs.readFile(p),
    readlink: (p) => fs.readlink(p),
    writeFile: (p) => refuse(p),
    mkdir: (p) => refuse(p),
    rm: (p) => refuse(p),
    rename: (p) => refuse(p),
    symlink: (_t, p) => refuse(p),
    chmod: (p) => refuse(p),
    utimes: (p) => refuse(p),
  };
}
