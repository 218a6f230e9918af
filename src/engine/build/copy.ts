// COPY and ADD, whichever builder runs them: where the sources are (globs,
// directories, symlinks, archives, URLs), where they land (a trailing `/`,
// an existing directory, WORKDIR), who owns them (--chown), with which
// modes and times, and Docker's messages when something is wrong.
//
// The legacy builder follows moby's builder/dockerfile (copy.go,
// internals.go, copy_unix.go, internals_linux.go) and go-archive's
// CopyWithTar/CopyFileWithTar/Untar; BuildKit follows dockerfile2llb's
// dispatchCopy and the FileOp copy of fsutil (copy.Copy) and
// llbsolver/file (unpack, readUser). Every legacy rule and message marked
// "checked" in copy.test.ts was recorded on a real engine with
// DOCKER_BUILDKIT=0.
import { FsError } from '../fs/types.ts';
import type { Fs, Stat } from '../fs/types.ts';
import { mergedChild, mergedRoot, UnionFs } from '../fs/union.ts';
import type { MergedNode } from '../fs/union.ts';
import type { Generated } from '../layer/tree.ts';
import { groups, passwd } from '../runtime/users.ts';
import { checkArchive } from './copy/archive.ts';
import { BadPattern, containsWildcards, excluded, goMatch } from './copy/match.ts';
import { applyChmod, ChmodError, parseChmod } from './copy/mode.ts';
import { TarError, tarEntries } from './copy/untar.ts';
import type { ChmodSpec } from './copy/mode.ts';
import { basename, cleanAbs, cleanWithin, components, dirname, joinPath, resolveInScope } from './copy/paths.ts';
import { BuildError } from './types.ts';

export interface CopyRequest {
  kind: 'COPY' | 'ADD';
  /** After variable substitution, as written (relative to the source root). */
  sources: string[];
  /** After substitution. */
  dest: string;
  /** The image's WorkingDir ('' = '/'), for a relative dest. */
  workdir: string;
  chown?: string;
  chmod?: string;
  link?: boolean;
  exclude?: string[];
  parents?: boolean;
  builder: 'legacy' | 'buildkit';
  /** --from: the stage or image the sources come from (its files keep their owners unless --chown). */
  fromStage?: string;
  /** BuildKit's `<id>::<id>` of the source snapshot, for `failed to calculate checksum of ref ...` (derived from the sources when absent). */
  ref?: string;
  /**
   * Where the destination root is mounted on the host, for the messages that
   * name host paths (legacy: the container's `.../overlay2/<id>/merged`;
   * BuildKit: its `.../tmp/buildkit-mount<n>`). Derived when absent.
   */
  hostRoot?: string;
  /** ADD <url>: the download. Absent: the daemon is offline and every download fails as Docker's does without a network. */
  fetch?: UrlFetcher;
  /**
   * Here-documents (`COPY <<EOF /dest`), already expanded: BuildKit copies
   * each as a 0644 file named `path`; the legacy builder ignores them (so a
   * COPY of here-documents alone has no source files there).
   */
  contents?: { path: string; data: string }[];
  /**
   * The legacy builder's tarsum reads uname/gname from the context tar's
   * headers (docker/cli's own archive leaves them empty, GNU tar fills them),
   * by path in the context. Absent: empty.
   */
  tarNames?: ReadonlyMap<string, { uname: string; gname: string }>;
}

/** A download for ADD <url>; throws an Error whose message is Go's (`Get "<url>": ...`). */
export type UrlFetcher = (url: string) => Promise<{ data: Uint8Array; lastModified?: number }>;

/** sha256 as lower-case hex. */
export type Sha256 = (b: Uint8Array | string) => Promise<string>;

// ---------------------------------------------------------------- errors

function fail(req: CopyRequest, legacy: string, buildkit: string = legacy, early = false): never {
  if (req.builder === 'buildkit') throw new BuildError(buildkit, { buildkit, early });
  throw new BuildError(legacy, { early });
}

/**
 * BuildKit's ref of the sources, `<session uuid>::<25-character id>` as
 * buildx shows it (`e321b012-6568-4087-8790-49817afe24ee::yz49xm8wveqyrs8hmg9cbsmrn`);
 * derived from the sources when the builder passes none.
 */
function refOf(req: CopyRequest): string {
  if (req.ref !== undefined) return req.ref;
  const seed = (req.fromStage ?? 'context') + '\0' + req.sources.join('\0');
  const stream = (salt: string, n: number, radix: number) => {
    let h1 = 0x811c9dc5;
    let h2 = 0x01000193;
    let out = '';
    let s = salt + seed;
    while (out.length < n) {
      for (let i = 0; i < s.length; i++) {
        h1 = Math.imul(h1 ^ s.charCodeAt(i), 0x01000193) >>> 0;
        h2 = Math.imul(h2 ^ h1, 0x85ebca6b) >>> 0;
      }
      out += h1.toString(radix) + h2.toString(radix);
      s = out;
    }
    return out.slice(0, n);
  };
  const x = stream('session', 32, 16).padEnd(32, '0');
  const uuid = `${x.slice(0, 8)}-${x.slice(8, 12)}-4${x.slice(13, 16)}-${'89ab'[parseInt(x[16]!, 16) & 3]}${x.slice(17, 20)}-${x.slice(20, 32)}`;
  return `${uuid}::${stream('ref', 25, 36).padEnd(25, '0')}`;
}

function hashSeed(s: string): number {
  let h = 7;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) >>> 0;
  return h;
}

function hostPath(req: CopyRequest, p: string): string {
  let root = req.hostRoot;
  if (root === undefined) {
    let h = 0;
    let hex = '';
    const seed = req.dest + req.sources.join(',');
    for (let k = 0; hex.length < 64; k++) {
      for (let i = 0; i < seed.length; i++) h = (Math.imul(h ^ seed.charCodeAt(i), 0x5bd1e995) + k) >>> 0;
      hex += h.toString(16).padStart(8, '0');
    }
    root = `/var/lib/docker/overlay2/${hex.slice(0, 64)}/merged`;
  }
  return root + (p === '/' ? '' : p);
}

/**
 * Where BuildKit mounts the destination snapshot while it copies (its
 * non-errno messages name the host path): `req.hostRoot` when given, else a
 * `buildkit-mount<digits>` directory as the docker daemon's BuildKit makes.
 */
function mountPath(req: CopyRequest, p: string): string {
  if (req.hostRoot !== undefined) return req.hostRoot + (p === '/' ? '' : p);
  const h = hashSeed(req.dest + req.sources.join(','));
  return `/var/lib/docker/tmp/buildkit-mount${String(h).padStart(10, '1')}${p === '/' ? '' : p}`;
}

// ---------------------------------------------------------------- validation

const URL_RE = /^https?:\/\//;

/** Errors both builders find before touching any file. */
function validate(req: CopyRequest): ChmodSpec | null {
  if (req.chmod) {
    if (req.builder === 'legacy') {
      // Checked: COPY --chmod=755 and ADD --chmod=755 with DOCKER_BUILDKIT=0.
      fail(req, 'the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled');
    }
    try {
      return parseChmod(req.chmod);
    } catch (e) {
      if (e instanceof ChmodError) fail(req, e.message, e.message, true);
      throw e;
    }
  }
  if (req.builder === 'buildkit' && req.kind === 'COPY' && req.sources.some((s) => URL_RE.test(s))) {
    fail(req, "source can't be a URL for COPY", "source can't be a URL for COPY", true);
  }
  return null;
}

// ---------------------------------------------------------------- sources

interface SourceInfo {
  /** The source path as the builder names it in messages. */
  orig: string;
  /** Relative to the source root, cleaned, as matched (symlinks not followed): its base names the copy. */
  rel: string;
  /** Absolute in the source, symlinks followed inside the root. */
  real: string;
  stat: Stat;
  /** ADD <url>: the downloaded file. */
  download?: { data: Uint8Array; name: string; mtime: number };
  /** --parents: the path kept under the destination. */
  keep?: string;
}

function statOrNull(fs: Fs, p: string): Stat | null {
  try {
    return fs.stat(p);
  } catch (e) {
    if (e instanceof FsError) return null;
    throw e;
  }
}

function lstatOrNull(fs: Fs, p: string): Stat | null {
  try {
    return fs.lstat(p);
  } catch (e) {
    if (e instanceof FsError) return null;
    throw e;
  }
}

/** The merged node a UnionFs shows at `path` (no symlink followed), or null (another Fs, or absent). */
function unionNode(fs: Fs, path: string): MergedNode | null {
  if (!(fs instanceof UnionFs)) return null;
  let n: MergedNode | null = mergedRoot(fs.layers);
  for (const c of components(path)) {
    if (n.entry.kind !== 'dir') return null;
    n = mergedChild(n, c);
    if (n === null) return null;
  }
  return n;
}

/** The generated content (size and seed) of an image file at `path`, or null for real bytes. */
function generatedAt(fs: Fs, path: string): Generated | null {
  const e = unionNode(fs, path)?.entry;
  return e !== undefined && e.kind === 'file' && e.seed !== undefined ? { size: e.size, seed: e.seed } : null;
}

/** Every path under the root, depth first in byte order, without following symlinked directories (filepath.WalkDir). */
function* walk(fs: Fs, dir: string, rel: string): Generator<string> {
  let names: string[];
  try {
    names = fs.readdir(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const r = rel === '' ? n : rel + '/' + n;
    const p = joinPath(dir, n);
    yield r;
    const st = lstatOrNull(fs, p);
    if (st?.type === 'dir') yield* walk(fs, p, r);
  }
}

/** Downloads already made for a request: copyChecksum and copyInto of one step fetch once. */
const downloads = new WeakMap<CopyRequest, Map<string, { data: Uint8Array; mtime: number }>>();

async function download(req: CopyRequest, url: string): Promise<{ data: Uint8Array; mtime: number }> {
  if (req.fetch) {
    let done = downloads.get(req);
    if (done === undefined) downloads.set(req, (done = new Map()));
    const hit = done.get(url);
    if (hit) return hit;
    try {
      const r = await req.fetch(url);
      const d = { data: r.data, mtime: r.lastModified ?? 0 };
      done.set(url, d);
      return d;
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      fail(req, `ADD failed: ${msg}`, `failed to load cache key: ${msg}`);
    }
  }
  const msg = offlineError(url);
  // Checked: ADD http://127.0.0.1:9/x /x (a closed port) with DOCKER_BUILDKIT=0.
  fail(req, `ADD failed: ${msg}`, `failed to load cache key: ${msg}`);
}

/** What Go's http.Get says for a URL on a machine with no network but loopback. */
export function offlineError(url: string): string {
  const m = /^(https?):\/\/(?:[^@/]*@)?(\[[^\]]*\]|[^/:?#]*)(?::(\d*))?/.exec(url);
  const scheme = m?.[1] ?? 'http';
  const host = (m?.[2] ?? '').toLowerCase();
  const port = m?.[3] || (scheme === 'https' ? '443' : '80');
  const bare = host.replace(/^\[|\]$/g, '');
  const addr = (h: string) => (h.includes(':') ? `[${h}]:${port}` : `${h}:${port}`);
  let why: string;
  if (bare === 'localhost' || /^127\.\d+\.\d+\.\d+$/.test(bare)) why = `dial tcp ${addr(bare === 'localhost' ? '127.0.0.1' : bare)}: connect: connection refused`;
  else if (bare === '::1') why = `dial tcp ${addr(bare)}: connect: connection refused`;
  else if (/^\d+\.\d+\.\d+\.\d+$/.test(bare) || bare.includes(':')) why = `dial tcp ${addr(bare)}: connect: network is unreachable`;
  else why = `dial tcp: lookup ${bare}: no such host`;
  return `Get "${url}": ${why}`;
}

function urlFileName(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]*/, '').replace(/[?#].*$/s, '');
  const base = basename(path);
  return path === '' || path.endsWith('/') || base === '/' ? '' : base;
}

/** The sources as the legacy builder lists them (copier.getCopyInfosForSourcePaths). */
async function legacySources(src: Fs, req: CopyRequest): Promise<SourceInfo[]> {
  const cmd = req.kind;
  const infos: SourceInfo[] = [];
  const one = (p: string): SourceInfo => {
    const clean = cleanWithin(p);
    // Checked: COPY ../x /x and COPY dir/../../x /x.
    if (clean === null) fail(req, `${cmd} failed: forbidden path outside the build context: ${p} ()`);
    let real: string;
    let stat: Stat | null = null;
    try {
      real = resolveInScope(src, '/' + clean);
      stat = statOrNull(src, real);
    } catch (e) {
      if (!(e instanceof FsError)) throw e;
      real = '/' + clean;
    }
    if (stat === null) {
      // Checked: COPY nosuch /x, COPY a.txt nosuch /x/, a symlink whose target is not in the context.
      const stat0 = `stat ${p}: file does not exist`;
      fail(req, req.fromStage ? `${cmd} failed: ${stat0}` : `${cmd} failed: file not found in build context or excluded by .dockerignore: ${stat0}`);
    }
    return { orig: p, rel: clean, real, stat };
  };
  for (const orig of req.sources) {
    if (URL_RE.test(orig)) {
      // Checked: COPY http://127.0.0.1:9/x /x.
      if (cmd === 'COPY') fail(req, "COPY failed: source can't be a URL for COPY");
      const d = await download(req, orig);
      let name = urlFileName(orig);
      if (name === '') {
        if (req.dest.endsWith('/')) fail(req, `ADD failed: cannot determine filename for source ${orig}`);
        name = '__unnamed__';
      }
      infos.push({ orig, rel: name, real: '', stat: urlStat(d.data, d.mtime), download: { data: d.data, name, mtime: d.mtime } });
      continue;
    }
    let p = orig;
    if (p.startsWith('/')) p = p.slice(1);
    if (p.startsWith('./')) p = p.slice(2);
    if (containsWildcards(p)) {
      // filepath.WalkDir over the whole source, each path matched whole (a bad pattern matches nothing).
      for (const rel of walk(src, '/', '')) {
        let ok = false;
        try {
          ok = goMatch(p, rel);
        } catch (e) {
          if (!(e instanceof BadPattern)) throw e;
        }
        if (ok) infos.push(one(rel));
      }
      continue;
    }
    infos.push(one(p));
  }
  // Checked: COPY *.nomatch /x/.
  if (infos.length === 0) fail(req, `${cmd} failed: no source files were specified`);
  // Checked: COPY a.txt b.txt /m and COPY *.txt /g (two matches).
  if (infos.length > 1 && !req.dest.endsWith('/')) {
    fail(req, `When using ${cmd} with more than one source file, the destination must be a directory and end with a /`);
  }
  return infos;
}

function urlStat(data: Uint8Array, mtime: number): Stat {
  return { type: 'file', mode: 0o600, uid: 0, gid: 0, size: data.length, mtime };
}

/** BuildKit's sources: each path joined to `/` (`..` stops at the root), globs resolved per component, none matching allowed. */
async function buildkitSources(src: Fs, req: CopyRequest): Promise<SourceInfo[]> {
  const infos: SourceInfo[] = [];
  const notFound: (p: string) => never = (p) =>
    fail(req, `failed to compute cache key: failed to calculate checksum of ref ${refOf(req)}: "${p}": not found`);
  for (const orig of req.sources) {
    if (URL_RE.test(orig)) {
      const d = await download(req, orig);
      const name = urlFileName(orig) || '__unnamed__';
      infos.push({ orig, rel: name, real: '', stat: urlStat(d.data, d.mtime), download: { data: d.data, name, mtime: d.mtime } });
      continue;
    }
    let pivot = '/';
    let pattern = orig;
    if (req.parents) {
      const i = orig.indexOf('/./');
      if (i >= 0) {
        pivot = cleanAbs(orig.slice(0, i));
        pattern = orig.slice(i + 3);
      }
    }
    const full = cleanAbs(pivot + '/' + pattern);
    const keepOf = (rel: string): string | undefined => {
      if (!req.parents) return undefined;
      const pv = components(pivot).join('/');
      return pv === '' ? rel : rel.slice(pv.length + 1);
    };
    if (!containsWildcards(full)) {
      const rel = components(full).join('/');
      let real: string;
      try {
        real = resolveInScope(src, full);
      } catch (e) {
        if (!(e instanceof FsError)) throw e;
        notFound(full);
      }
      const stat = statOrNull(src, real);
      if (stat === null) notFound(full);
      infos.push({ orig, rel, real, stat, keep: keepOf(rel) });
      continue;
    }
    let matches: string[];
    try {
      matches = glob(src, components(full));
    } catch (e) {
      if (e instanceof BadPattern) fail(req, e.message);
      throw e;
    }
    for (const rel of matches) {
      const real = resolveInScope(src, '/' + rel);
      const stat = statOrNull(src, real);
      if (stat === null) continue;
      infos.push({ orig, rel, real, stat, keep: keepOf(rel) });
    }
  }
  for (const c of req.contents ?? []) {
    const data = te.encode(c.data);
    const name = basename('/' + c.path);
    // llb.Mkfile(path, 0644, data): made when the step runs, so it has the step's time.
    infos.push({ orig: '<<' + c.path, rel: name, real: '', stat: { type: 'file', mode: 0o644, uid: 0, gid: 0, size: data.length, mtime: IMPLIED }, download: { data, name, mtime: IMPLIED } });
  }
  return infos;
}

/** filepath.Glob over the source, component by component (symlinked directories followed). */
function glob(fs: Fs, comps: string[]): string[] {
  let found: string[] = [''];
  for (const c of comps) {
    const next: string[] = [];
    for (const base of found) {
      const dir = '/' + base;
      if (!containsWildcards(c)) {
        const lit = c.replace(/\\(.)/g, '$1');
        const p = base === '' ? lit : base + '/' + lit;
        if (lstatOrNull(fs, '/' + p) !== null) next.push(p);
        continue;
      }
      if (statOrNull(fs, dir)?.type !== 'dir') continue;
      for (const n of fs.readdir(dir)) if (goMatch(c, n)) next.push(base === '' ? n : base + '/' + n);
    }
    found = next;
  }
  return found.filter((p) => p !== '');
}

async function sources(src: Fs, req: CopyRequest): Promise<SourceInfo[]> {
  return req.builder === 'legacy' ? legacySources(src, req) : buildkitSources(src, req);
}

// ---------------------------------------------------------------- checksum

const te = new TextEncoder();

/** tarsum v1 of one entry as the context's tar holds it (header fields without mtime, then the content). */
async function entrySum(src: Fs, rel: string, st: Stat, sha256: Sha256, content?: Uint8Array, names?: CopyRequest['tarNames']): Promise<string> {
  const isDir = st.type === 'dir';
  const typeflag = isDir ? '5' : st.type === 'symlink' ? '2' : '0';
  let data: Uint8Array = new Uint8Array(0);
  let size = 0;
  let linkname = '';
  if (st.type === 'file') {
    const gen = content ? null : generatedAt(src, '/' + rel);
    // An image's simulated file content stands for itself by its seed: hashing it would make every byte.
    data = content ?? (gen ? te.encode(`generated:${gen.seed}:${gen.size}`) : src.readFile('/' + rel));
    size = gen ? gen.size : data.length;
  } else if (st.type === 'symlink') linkname = src.readlink('/' + rel);
  const header =
    `name${isDir ? rel + '/' : rel}` +
    `mode${st.mode & 0o7777}uid${st.uid}gid${st.gid}size${size}` +
    `typeflag${typeflag}linkname${linkname}uname${names?.get(rel)?.uname ?? ''}gname${names?.get(rel)?.gname ?? ''}devmajor0devminor0`;
  const h = te.encode(header);
  const all = new Uint8Array(h.length + data.length);
  all.set(h, 0);
  all.set(data, h.length);
  return sha256(all);
}

/** The legacy builder's hash of one source: `file:<sum>` or `dir:<sha256 of its entries' sums>`. */
async function infoHash(src: Fs, info: SourceInfo, sha256: Sha256, names?: CopyRequest['tarNames']): Promise<string> {
  if (info.download) return entrySum(src, info.download.name, info.stat, sha256, info.download.data);
  const real = components(info.real).join('/');
  if (info.stat.type !== 'dir') return 'file:' + (await entrySum(src, real, info.stat, sha256, undefined, names));
  const one = (rel: string): string | Promise<string> => {
    // Hash() follows symlinks inside the context; a dangling one hashes as its path.
    let target: string;
    try {
      target = components(resolveInScope(src, '/' + rel)).join('/');
    } catch {
      return rel;
    }
    const st = lstatOrNull(src, '/' + target);
    return st === null ? rel : entrySum(src, target, st, sha256, undefined, names);
  };
  // The walk's root is hashed too, unless it is the context's root (`COPY . /x`).
  const pending: (string | Promise<string>)[] = [];
  if (real !== '') pending.push(one(real));
  for (const rel of walk(src, '/' + real, real)) pending.push(one(rel));
  // The hashes run side by side (WebCrypto works off the main thread).
  const sums = await Promise.all(pending);
  sums.sort();
  return 'dir:' + (await sha256(sums.join(',')));
}

/**
 * The cache key of the sources' content (same files → same key), and the
 * legacy builder's history word `file:<64hex>` / `dir:<64hex>` /
 * `multi:<64hex>`. Throws BuildError when a source is missing.
 */
export async function copyChecksum(src: Fs, req: CopyRequest, sha256: Sha256): Promise<{ key: string; legacySource: string }> {
  return guard(req, () => checksum(src, req, sha256));
}

async function checksum(src: Fs, req: CopyRequest, sha256: Sha256): Promise<{ key: string; legacySource: string }> {
  validate(req);
  const infos = await sources(src, req);
  const hashes: string[] = [];
  for (const info of infos) hashes.push(await infoHash(src, info, sha256, req.tarNames));
  const legacySource = hashes.length === 1 ? hashes[0]! : 'multi:' + (await sha256(hashes.join(',')));
  const listing = infos.map((info, i) => `${info.keep ?? basename('/' + info.rel)}\0${info.stat.type}\0${hashes[i]}`).join('\n');
  const key = 'sha256:' + (await sha256(`${req.kind}\n${listing}`));
  return { key, legacySource };
}

// ---------------------------------------------------------------- ownership

interface Owner {
  uid: number;
  gid: number;
}

const GO_INT = /^[+-]?\d+$/;

/** --chown resolved in the destination's /etc/passwd and /etc/group. */
function chownOwner(dst: Fs, req: CopyRequest): Owner | null {
  const spec = req.chown;
  if (!spec) return null;
  const parts = spec.split(':');
  if (req.builder === 'legacy') {
    const pre = 'unable to convert uid/gid chown string to host mapping: ';
    // Checked: --chown=1:2:3.
    if (parts.length > 2) fail(req, `${pre}invalid chown string format: ${spec}`);
    const userStr = parts[0]!;
    const grpStr = parts.length === 1 ? parts[0]! : parts[1]!;
    let uid: number;
    if (GO_INT.test(userStr)) uid = Number(userStr);
    else {
      if (!dst.exists('/etc/passwd')) fail(req, `${pre}can't find uid for user ${userStr}: open ${hostPath(req, '/etc/passwd')}: no such file or directory`);
      const u = passwd(dst).find((x) => x.name === userStr);
      // Checked: --chown=nosuch.
      if (!u) fail(req, `${pre}can't find uid for user ${userStr}: no such user: ${userStr}`);
      uid = u.uid;
    }
    let gid: number;
    if (GO_INT.test(grpStr)) gid = Number(grpStr);
    else {
      if (!dst.exists('/etc/group')) fail(req, `${pre}can't find gid for group ${grpStr}: open ${hostPath(req, '/etc/group')}: no such file or directory`);
      const g = groups(dst).find((x) => x.name === grpStr);
      // Checked: --chown=1:nosuchgrp.
      if (!g) fail(req, `${pre}can't find gid for group ${grpStr}: no such group: ${grpStr}`);
      gid = g.gid;
    }
    return { uid, gid };
  }
  // BuildKit (llbsolver readUser): a name missing from passwd/group leaves 0.
  const [userStr = '', grpStr] = [parts[0], parts.length > 1 ? parts.slice(1).join(':') : undefined];
  const owner: Owner = { uid: 0, gid: 0 };
  if (/^\d+$/.test(userStr)) owner.uid = owner.gid = Number(userStr);
  else if (userStr !== '') {
    const u = passwd(dst).find((x) => x.name === userStr);
    if (u) {
      owner.uid = u.uid;
      owner.gid = u.gid;
    }
  }
  if (grpStr !== undefined && grpStr !== '') {
    if (/^\d+$/.test(grpStr)) owner.gid = Number(grpStr);
    else {
      const g = groups(dst).find((x) => x.name === grpStr);
      if (g) owner.gid = g.gid;
    }
  }
  return owner;
}

// ---------------------------------------------------------------- the destination

/** What copyInto uses of the destination beyond Fs when it has it (UnionFs does). */
interface Target extends Fs {
  chown?(path: string, uid: number, gid: number): void;
  link?(existing: string, path: string): void;
  uid?: number;
  gid?: number;
}

/** One source entry to write: a file system path or an archive's tree entry. */
interface Node {
  stat: Stat;
  children(): [string, Node][];
  data(): Uint8Array;
  target(): string;
  /** Same object for two names of one inode (archives' hard links). */
  inode?: object;
  /** An image file's generated content, copied as it is rather than made byte by byte. */
  generated?(): Generated | null;
}

function fsNode(fs: Fs, path: string, stat?: Stat): Node {
  const st = stat ?? fs.lstat(path);
  return {
    stat: st,
    children: () => fs.readdir(path).map((n) => [n, fsNode(fs, joinPath(path, n))] as [string, Node]),
    data: () => fs.readFile(path),
    target: () => fs.readlink(path),
    generated: () => generatedAt(fs, path),
  };
}

const IMPLIED = -1;

class Writer {
  private dirTimes: [string, number][] = [];
  private inodes = new Map<object, string>();

  constructor(
    readonly dst: Target,
    readonly req: CopyRequest,
    /** Owner of copied entries; null keeps each source entry's own. */
    readonly owner: Owner | null,
    readonly chmod: ChmodSpec | null,
    readonly exclude: readonly string[],
  ) {}

  get legacy(): boolean {
    return this.req.builder === 'legacy';
  }

  /** The legacy builder's tar keeps whole seconds. */
  time(ms: number): number {
    return this.legacy ? Math.floor(ms / 1000) * 1000 : ms;
  }

  /** Runs a creation with `owner` as the creator (UnionFs gives new entries its uid/gid). */
  private as<T>(owner: Owner, fn: () => T): T {
    const d = this.dst;
    const saved = [d.uid, d.gid] as const;
    const can = typeof d.uid === 'number' && typeof d.gid === 'number';
    if (can) {
      d.uid = owner.uid;
      d.gid = owner.gid;
    }
    try {
      return fn();
    } finally {
      if (can) {
        d.uid = saved[0];
        d.gid = saved[1];
      }
    }
  }

  private own(path: string, owner: Owner): void {
    const st = lstatOrNull(this.dst, path);
    if (st === null || st.type === 'symlink') return;
    if ((st.uid !== owner.uid || st.gid !== owner.gid) && this.dst.chown) this.dst.chown(path, owner.uid, owner.gid);
  }

  /** MkdirAll: every missing directory of `path` (symlinks followed), with `mode` and `owner`; a file in the way fails. */
  mkdirAll(path: string, mode: number, owner: Owner, wrap: string): void {
    const comps = components(path);
    let cur = '';
    for (const c of comps) {
      cur += '/' + c;
      const st = statOrNull(this.dst, cur);
      if (st !== null) {
        if (st.type !== 'dir') this.notDir(cur, wrap);
        continue;
      }
      if (lstatOrNull(this.dst, cur) !== null) this.notDir(cur, wrap); // a dangling symlink
      this.as(owner, () => this.dst.mkdir(cur, { mode }));
      this.dst.chmod(cur, mode);
      this.own(cur, owner);
    }
  }

  notDir(p: string, wrap: string): never {
    return fail(this.req, `failed to copy files: ${wrap}mkdir ${hostPath(this.req, p)}: not a directory`, `mkdir ${p}: not a directory`);
  }

  ownerOf(st: Stat): Owner {
    return this.owner ?? { uid: st.uid, gid: st.gid };
  }

  modeOf(st: Stat): number {
    return this.chmod ? applyChmod(this.chmod, st.mode, st.type === 'dir') : st.mode & 0o7777;
  }

  /** Writes `node` at `target` (not following a symlink there), replacing what is in the way. */
  write(node: Node, target: string, rel: string, ownerOverride?: Owner | null): void {
    const st = node.stat;
    if (rel !== '' && this.exclude.length > 0 && excluded(this.exclude, rel)) return;
    const owner = ownerOverride === undefined ? this.ownerOf(st) : (ownerOverride ?? { uid: st.uid, gid: st.gid });
    const existing = lstatOrNull(this.dst, target);
    const mode = this.modeOf(st);
    switch (st.type) {
      case 'dir': {
        if (existing !== null && existing.type !== 'dir') this.dst.rm(target, { recursive: true });
        if (existing === null || existing.type !== 'dir') this.as(owner, () => this.dst.mkdir(target, { mode }));
        this.dst.chmod(target, mode);
        this.own(target, owner);
        for (const [name, child] of node.children()) this.write(child, joinPath(target, name), rel === '' ? name : rel + '/' + name, ownerOverride);
        this.dirTimes.push([target, st.mtime]);
        return;
      }
      case 'file': {
        if (existing !== null) {
          // fsutil refuses; a --link copy is made on an empty layer and merged over, so it replaces.
          if (existing.type === 'dir' && !this.legacy && !this.req.link) fail(this.req, `cannot replace to directory ${mountPath(this.req, target)} with file`);
          this.dst.rm(target, { recursive: true });
        }
        const linked = node.inode ? this.inodes.get(node.inode) : undefined;
        if (linked !== undefined && this.dst.link) {
          this.dst.link(linked, target);
          return;
        }
        const gen = node.generated?.() ?? null;
        this.as(owner, () => this.dst.writeFile(target, gen ? new Uint8Array(0) : node.data(), { mode }));
        if (gen) {
          // The new file is the read-write layer's own entry: it takes the same generated content.
          const n = unionNode(this.dst, target);
          if (n !== null && n.layer === 0 && n.entry.kind === 'file') n.entry.setContent(gen);
          else this.dst.writeFile(target, node.data());
        }
        this.dst.chmod(target, mode);
        this.own(target, owner);
        if (st.mtime !== IMPLIED) this.dst.utimes(target, this.time(st.mtime));
        if (node.inode) this.inodes.set(node.inode, target);
        return;
      }
      case 'symlink': {
        if (existing !== null) this.dst.rm(target, { recursive: true });
        this.as(owner, () => this.dst.symlink(node.target(), target));
        return;
      }
    }
  }

  /** Directory times last: writing their children changed them. */
  finish(): void {
    for (const [p, t] of this.dirTimes) if (t !== IMPLIED && statOrNull(this.dst, p)?.type === 'dir') this.dst.utimes(p, this.time(t));
    this.dirTimes = [];
  }
}

// ---------------------------------------------------------------- copy

/** normalizeDest: a relative dest joins WORKDIR; a trailing `/` is kept. */
function destOf(req: CopyRequest): { path: string; slash: boolean } {
  const slash = req.dest.endsWith('/');
  const abs = req.dest.startsWith('/') ? req.dest : '/' + (req.workdir || '/') + '/' + req.dest;
  return { path: cleanAbs(abs), slash };
}

/** Copies into `dst` (the step's container root file system, writable). Throws BuildError with Docker's messages. */
export async function copyInto(src: Fs, dst: Fs, req: CopyRequest): Promise<void> {
  return guard(req, () => copy(src, dst, req));
}

/** A file-system failure nothing above expected still ends as a build error, never a stack trace. */
async function guard<T>(req: CopyRequest, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof FsError) {
      const msg = `${e.path}: ${e.description.toLowerCase()}`;
      fail(req, `failed to copy files: ${msg}`, msg);
    }
    throw e;
  }
}

async function copy(src: Fs, dst: Fs, req: CopyRequest): Promise<void> {
  const chmod = validate(req);
  const infos = await sources(src, req);
  const chowned = chownOwner(dst, req);
  // Without --chown, files from the context belong to root; from a stage or image they keep their owners.
  const owner: Owner | null = chowned ?? (req.fromStage ? null : { uid: 0, gid: 0 });
  const w = new Writer(dst as Target, req, owner, chmod, req.exclude ?? []);
  const dest = destOf(req);
  let destPath: string;
  try {
    destPath = resolveInScope(dst, dest.path);
  } catch (e) {
    if (!(e instanceof FsError)) throw e;
    // Checked: COPY a.txt /ff/x where /ff is a file.
    if (e.code === 'ENOTDIR') fail(req, `failed to copy files: lstat ${hostPath(req, dest.path)}: not a directory`, `lstat ${dest.path}: not a directory`);
    throw e;
  }
  for (const info of infos) {
    if (req.builder === 'legacy') legacyCopy(src, w, info, destPath, dest.slash);
    else buildkitCopy(src, w, info, destPath, dest.slash);
    w.finish();
  }
}

function isDir(fs: Fs, p: string): boolean {
  return statOrNull(fs, p)?.type === 'dir';
}

/** ADD of a local file that holds a tar: extracted into `dir`. Returns false for a plain file. */
function tryExtract(src: Fs, w: Writer, info: SourceInfo, dir: string, parentOwner: Owner): boolean {
  if (w.req.kind !== 'ADD' || info.download || info.stat.type !== 'file') return false;
  const check = checkArchive(src.readFile(info.real));
  if (check.kind === 'file') return false;
  if (check.kind === 'unsupported') {
    // Docker decompresses zstd too; this simulator decodes gzip, bzip2 and xz.
    fail(w.req, `failed to copy files: ${info.orig}: ${check.compression}-compressed archives are not supported here (only plain, gzip, bzip2 and xz tar archives can be extracted)`);
  }
  if (w.legacy) {
    // chrootarchive.Untar creates the directory only when nothing is there; else it chroots into it.
    let cur = '';
    for (const c of components(dir)) {
      cur += '/' + c;
      const st = statOrNull(w.dst, cur);
      if (st === null) break;
      if (st.type !== 'dir') {
        const n = String(hashSeed(w.req.sources.join(',') + dir)).padStart(10, '2');
        // Checked: ADD arch.tar /ff where /ff is a file.
        fail(w.req, `failed to copy files: Error processing tar file(exit status 1): Error setting up pivot dir: mkdir ${hostPath(w.req, dir)}/.pivot_root${n}: not a directory`);
      }
    }
  }
  w.mkdirAll(dir, 0o755, parentOwner, '');
  try {
    untar(w, check.tar, dir);
  } catch (e) {
    if (e instanceof TarError) fail(w.req, `failed to copy files: Error processing tar file(exit status 1): ${e.message}`, e.message);
    throw e;
  }
  return true;
}

const ROOT: Owner = { uid: 0, gid: 0 };

/**
 * go-archive's Unpack in a chroot at `dir`: entries in order, names kept
 * inside `dir`, what is in the way removed (a directory over a directory
 * merges), implied parents made 0755 root's, owners and modes as archived
 * (neither --chown nor --chmod apply), directory times set last.
 */
function untar(parent: Writer, tar: Uint8Array, dir: string): void {
  const w = new Writer(parent.dst, parent.req, null, null, []);
  const dst = w.dst;
  for (const e of tarEntries(tar)) {
    if (e.names.length === 0) continue; // the archive's root is the destination itself
    const target = joinPath(dir, e.names.join('/'));
    w.mkdirAll(dirname(target), 0o755, ROOT, '');
    const existing = lstatOrNull(dst, target);
    if (existing !== null && !(existing.type === 'dir' && e.type === '5')) dst.rm(target, { recursive: true });
    const type = e.type === '5' ? 'dir' : e.type === '2' ? 'symlink' : 'file';
    const stat: Stat = { type, mode: e.mode, uid: e.uid, gid: e.gid, size: e.data.length, mtime: e.mtime };
    switch (e.type) {
      case '0':
      case '2':
      case '5':
        w.write({ stat, children: () => [], data: () => e.data, target: () => e.linkname }, target, '', null);
        break;
      case '1': {
        const from = joinPath(dir, cleanAbs(e.linkname).slice(1));
        const st = lstatOrNull(dst, from);
        if (st === null || st.type === 'dir') throw new TarError(`link ${e.linkname} ${e.names.join('/')}: no such file or directory`);
        if (dst.link) dst.link(from, target);
        else w.write({ ...fsNode(dst, from), stat: { ...st } }, target, '', null);
        break;
      }
      case '3':
      case '4':
      case '6':
        // Device nodes and FIFOs: the simulated file systems hold none; Docker (as root) would make them.
        break;
      default:
        throw new TarError(`unhandled tar header type ${e.type.charCodeAt(0)}`);
    }
  }
  w.finish();
}

/** performCopyForInfo of moby's builder/dockerfile/copy.go. */
function legacyCopy(src: Fs, w: Writer, info: SourceInfo, destPath: string, slash: boolean): void {
  const dst = w.dst;
  if (info.stat.type === 'dir') {
    // copyDirectory: CopyWithTar creates the destination root-owned, then
    // fixPermissions chowns what came from the source (the destination too when new).
    const existed = isDir(dst, destPath);
    w.mkdirAll(destPath, 0o755, ROOT, 'failed to copy directory: ');
    copyChildren(src, w, info, destPath);
    if (!existed && w.owner && dst.chown) dst.chown(destPath, w.owner.uid, w.owner.gid);
    return;
  }
  // Checked: ADD of .tar / .tar.gz / a gzip tar named .tgz extracted into a directory; a gzip of a non-tar copied.
  if (tryExtract(src, w, info, destPath, ROOT)) return;
  let target = destPath;
  if (isDir(dst, destPath) || slash) target = joinPath(destPath, basename('/' + info.rel));
  w.mkdirAll(dirname(target), 0o755, w.owner ?? ROOT, 'failed to create new directory: ');
  w.write(fileNode(src, info), target, '');
}

/** The destination directory itself keeps its own metadata: only what is in the source directory is written. */
function copyChildren(src: Fs, w: Writer, info: SourceInfo, destPath: string): void {
  const node = fsNode(src, info.real, info.stat);
  for (const [name, child] of node.children()) w.write(child, joinPath(destPath, name), name);
}

function fileNode(src: Fs, info: SourceInfo): Node {
  if (info.download) {
    const d = info.download;
    return { stat: info.stat, children: () => [], data: () => d.data, target: () => '' };
  }
  // A source that is a symlink is followed: its target's content, mode and time.
  return fsNode(src, info.real, info.stat);
}

/** fsutil copy.Copy with CopyDirContentsOnly, FollowSymlinks, CreateDestPath. */
function buildkitCopy(src: Fs, w: Writer, info: SourceInfo, destPath: string, slash: boolean): void {
  const dst = w.dst;
  const created = w.owner ?? ROOT;
  const dirMode = w.chmod && 'octal' in w.chmod ? w.chmod.octal : 0o755;
  if (info.keep !== undefined) {
    // --parents: the path from the pivot is kept under the destination, its directories mirrored.
    w.mkdirAll(destPath, dirMode, created, '');
    const target = mirrorParents(src, w, info, destPath);
    if (info.stat.type === 'dir') {
      w.mkdirAll(target, dirMode, created, '');
      copyChildren(src, w, info, target);
    } else w.write(fileNode(src, info), target, '');
    return;
  }
  // The destination's parent (or itself, with a trailing `/`) is created first.
  w.mkdirAll(slash ? destPath : dirname(destPath), dirMode, created, '');
  if (info.stat.type === 'dir') {
    const st = lstatOrNull(dst, destPath);
    if (st !== null && statOrNull(dst, destPath)?.type !== 'dir') fail(w.req, `cannot copy to non-directory: ${mountPath(w.req, destPath)}`);
    w.mkdirAll(destPath, dirMode, created, '');
    copyChildren(src, w, info, destPath);
    return;
  }
  if (tryExtract(src, w, info, destPath, created)) return;
  let target = destPath;
  // --link copies onto an empty layer: a directory already in the image does not count, only a trailing `/`.
  if (w.req.link ? slash : isDir(dst, destPath)) target = joinPath(destPath, basename('/' + info.rel));
  w.write(fileNode(src, info), target, '');
}

/** --parents: makes the directories between the pivot and a source (with the source's metadata); returns where the source goes. */
function mirrorParents(src: Fs, w: Writer, info: SourceInfo, destPath: string): string {
  const keep = components(info.keep!);
  const rel = components(info.rel);
  let s = '/' + rel.slice(0, rel.length - keep.length).join('/');
  let d = destPath;
  for (const c of keep.slice(0, -1)) {
    s = joinPath(s, c);
    d = joinPath(d, c);
    if (statOrNull(w.dst, d)?.type === 'dir') continue;
    const st = statOrNull(src, s);
    if (st === null) continue;
    const owner = w.ownerOf(st);
    const mode = w.modeOf(st);
    w.mkdirAll(d, mode, owner, '');
    w.dst.utimes(d, st.mtime);
  }
  return joinPath(d, keep[keep.length - 1] ?? basename('/' + info.rel));
}
