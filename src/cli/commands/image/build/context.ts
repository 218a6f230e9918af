// `docker build`'s context, the client side (docker/cli runBuild and
// cli/command/image/build/context.go): which kind of context the argument
// is (`-`, a local directory, a git URL, an http(s) URL), where the
// Dockerfile is, `.dockerignore` applied while walking, and the context as
// the tar bytes docker/cli sends.
//
// What the tar looks like, from archives captured between the docker 28.2
// client and the reference daemon: Go archive/tar USTAR headers (PAX only
// when a field does not fit), the context root left out, names in byte
// order, directories ending in '/', modes without the file-type bits
// (0000644, 0000755, 0000777 for a symlink), uid/gid 0 and no user or group
// names, mtimes in whole seconds, two zero blocks at the end and no padding
// to a record. A Dockerfile from stdin or from outside the context goes in
// as `.dockerfile.<20 hex>` (mode 0600) with its name appended to
// `.dockerignore`; docker/cli's tar rewriter closes its pipe before the tar
// writer, so that archive ends right after the last file's data, without
// padding or end blocks, and we send the same bytes.
//
// The shell's stdin is text: a context piped in arrives UTF-8 encoded, which
// keeps a tar of text files intact; a gzip context or binary files do not
// survive that, and are refused (prepareContextFromBytes takes raw bytes).
//
// With BuildKit the checks are buildx's (build/opt.go loadInputs): a file is
// no context, a missing Dockerfile is the daemon's to report, and errors
// read `ERROR: failed to build: ...`. The context still travels as one tar
// (Berth's BuildRequest); `definitionName` is the name buildx gives the
// Dockerfile it sends apart.
import type { CliContext } from '../../../command.ts';
import { CliError } from '../../../command.ts';
import type { Fs } from '../../../../engine/fs/types.ts';
import { FsError } from '../../../../engine/fs/types.ts';
import type { BuilderKind } from '../../../../engine/build/types.ts';
import { DockerignoreError, Matcher, cleanPath, keepBuildFiles, readDockerignore, type ParentMatches } from '../../../../engine/build/dockerignore.ts';
import { detectCompression, isTarHeader } from '../../../../engine/build/copy/archive.ts';
import { encodeHeader } from '../../../../engine/layer/tar.ts';
import { concatBytes } from '../../../../engine/layer/bytes.ts';
import { offlineError } from '../../../../engine/build/copy.ts';
import { cloneGitContext } from './git.ts';

/** What `docker build` sends: the caller puts it into a BuildRequest. */
export interface PreparedContext {
  /**
   * The context as sent: a tar, or for `docker build - < ctx.tar.gz` the
   * compressed archive as it came (docker/cli sends it so; the daemon side,
   * engine/build/context.ts, decompresses).
   */
  tar: Uint8Array;
  /**
   * The Dockerfile's path inside the context, forward slashes: `Dockerfile`,
   * `sub/Dockerfile.dev`, the generated `.dockerfile.<hex>`, or what `-f`
   * said for a tar from stdin ('' when it said nothing: the daemon's default).
   */
  dockerfile: string;
  /**
   * BuildKit's name for it (`[internal] load build definition from <name>`):
   * buildx sends the Dockerfile apart from the context, under the base name
   * of `-f` (`Dockerfile` by default and from stdin). The legacy builder
   * uses `dockerfile`.
   */
  definitionName: string;
  /** The Dockerfile's text when the client read it (a local directory, stdin). */
  dockerfileText?: string;
  /** The bytes the CLI sends the daemon (`Sending build context to Docker daemon`): tar.length. */
  sentBytes: number;
}

export interface ContextOptions {
  /** Which builder: buildx (BuildKit) checks less on the client side. Default legacy. */
  builder?: BuilderKind;
  /** `-q`: docker/cli then prints its (empty) progress buffer, a blank line, before a URL context's error. */
  quiet?: boolean;
  /** Wall-clock ms for files the CLI makes (a Dockerfile from stdin). */
  now?: () => number;
  /** 64 hex digits (stringid.GenerateRandomID); the generated Dockerfile name takes the first 20. */
  randomId?: () => string;
}

const enc = new TextEncoder();
const dec = new TextDecoder();
const BLOCK = 512;

/**
 * buildx (BuildKit) reports what goes wrong before the build as
 * `ERROR: failed to build: <error>` (its build command wraps the error, its
 * main prints `ERROR: `); docker/cli's legacy path prints the error alone.
 */
function errorPrefix(opts: ContextOptions): string {
  return opts.builder === 'buildkit' ? 'ERROR: failed to build: ' : '';
}

function fail(message: string): never {
  throw new CliError(message, 1);
}

function randomHex(): string {
  let s = '';
  while (s.length < 64) s += Math.floor(Math.random() * 16).toString(16);
  return s;
}

// ------------------------------------------------------------ URLs

/** docker's urlutil.IsURL. */
export function isURL(s: string): boolean {
  return s.startsWith('http://') || s.startsWith('https://');
}

/** docker's urlutil.IsGitURL. */
export function isGitURL(s: string): boolean {
  if (isURL(s) && /\.git(?:#.+)?$/.test(s)) return true;
  return s.startsWith('git://') || s.startsWith('github.com/') || s.startsWith('git@');
}

// ------------------------------------------------------------ paths on the host

/** Go's filepath.Abs against the CLI's working directory. */
function absPath(cwd: string, p: string): string {
  return cleanPath(p.startsWith('/') ? p : `${cwd}/${p}`);
}

function errnoText(e: unknown): string {
  if (e instanceof FsError) return e.description.toLowerCase();
  throw e;
}

/** Go's filepath.EvalSymlinks: the path with every symlink resolved; the error names the lstat that failed. */
export function evalSymlinks(fs: Fs, path: string): string {
  let done = '';
  const todo = path.split('/').filter((p) => p !== '');
  let links = 0;
  while (todo.length > 0) {
    const part = todo.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      done = done.slice(0, done.lastIndexOf('/'));
      continue;
    }
    const next = `${done}/${part}`;
    let st;
    try {
      st = fs.lstat(next);
    } catch (e) {
      throw new Error(`lstat ${next}: ${errnoText(e)}`);
    }
    if (st.type !== 'symlink') {
      done = next;
      continue;
    }
    if (++links > 255) throw new Error(`lstat ${next}: too many links`);
    const target = fs.readlink(next);
    if (target.startsWith('/')) done = '';
    todo.unshift(...target.split('/').filter((p) => p !== ''));
  }
  return done === '' ? '/' : done;
}

function join(dir: string, name: string): string {
  return `${dir === '/' ? '' : dir}/${name}`;
}

/** Go's filepath.Rel for two clean absolute paths. */
function relPath(base: string, target: string): string {
  const b = base === '/' ? [] : base.slice(1).split('/');
  const t = target === '/' ? [] : target.slice(1).split('/');
  let i = 0;
  while (i < b.length && i < t.length && b[i] === t[i]) i++;
  const up = b.slice(i).map(() => '..');
  const rest = [...up, ...t.slice(i)];
  return rest.length === 0 ? '.' : rest.join('/');
}

function isDirectory(fs: Fs, p: string): boolean {
  try {
    return fs.stat(p).type === 'dir';
  } catch {
    return false;
  }
}

// ------------------------------------------------------------ the tar

interface TarEntry {
  name: string;
  typeflag: '0' | '2' | '5';
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  linkname: string;
  data: Uint8Array;
}

/** Go's archive/tar writer over these entries; `truncated`: docker/cli's rewriter's archive, which stops after the last file's data. */
export function writeContextTar(entries: readonly TarEntry[], truncated = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  entries.forEach((e, i) => {
    const h = { name: e.name, typeflag: e.typeflag, mode: e.mode, uid: e.uid, gid: e.gid, size: e.data.length, mtime: e.mtime, linkname: e.linkname, uname: '', gname: '' };
    chunks.push(...encodeHeader(h));
    if (e.data.length > 0) {
      chunks.push(e.data);
      const last = truncated && i === entries.length - 1;
      const pad = -e.data.length & (BLOCK - 1);
      if (pad > 0 && !last) chunks.push(new Uint8Array(pad));
    }
  });
  if (!truncated) chunks.push(new Uint8Array(2 * BLOCK));
  return concatBytes(chunks);
}

/**
 * moby's TarWithOptions as docker/cli calls it for a context directory:
 * excluded files left out, an excluded directory still entered (but not
 * written) when an exception may re-include something under it, owners
 * reset to 0:0.
 */
export function contextEntries(fs: Fs, root: string, excludes: readonly string[]): TarEntry[] {
  const pm = new Matcher(excludes);
  const out: TarEntry[] = [];
  const walk = (dir: string, rel: string, parent: ParentMatches | undefined) => {
    for (const name of fs.readdir(dir)) {
      const abs = join(dir, name);
      const relName = rel === '' ? name : `${rel}/${name}`;
      const st = fs.lstat(abs);
      const { excluded, info } = pm.matchesWithParent(relName, parent);
      if (excluded) {
        if (st.type === 'dir' && pm.mayReinclude(relName)) walk(abs, relName, info);
        continue;
      }
      const base = { uid: 0, gid: 0, mtime: Math.floor(st.mtime / 1000), linkname: '', data: new Uint8Array(0), mode: st.mode & 0o7777 };
      if (st.type === 'dir') {
        out.push({ ...base, name: `${relName}/`, typeflag: '5' });
        walk(abs, relName, info);
      } else if (st.type === 'symlink') {
        out.push({ ...base, name: relName, typeflag: '2', linkname: fs.readlink(abs) });
      } else {
        out.push({ ...base, name: relName, typeflag: '0', data: fs.readFile(abs) });
      }
    }
  };
  walk(root, '', undefined);
  return out;
}

/**
 * docker/cli's AddDockerfileToBuildContext: the Dockerfile under a
 * generated name, and that name appended to `.dockerignore` (the daemon
 * then leaves both out of what COPY sees).
 */
export function addDockerfile(entries: readonly TarEntry[], dockerfile: Uint8Array, name: string, nowSec: number): TarEntry[] {
  const fresh = (n: string, data: Uint8Array): TarEntry => ({ name: n, typeflag: '0', mode: 0o600, uid: 0, gid: 0, mtime: nowSec, linkname: '', data });
  const line = enc.encode(`\n${name}\n`);
  let ignoreSeen = false;
  const out = entries.map((e) => {
    if (e.name !== '.dockerignore') return e;
    ignoreSeen = true;
    return { ...e, data: concatBytes([e.data, line]) };
  });
  out.push(fresh(name, dockerfile));
  if (!ignoreSeen) out.push(fresh('.dockerignore', concatBytes([enc.encode('.dockerignore'), line])));
  return out;
}

/** docker/cli's IsArchive on the first 1024 bytes: a known compression, or a tar header Go's reader takes. */
export function isArchive(head: Uint8Array): boolean {
  if (detectCompression(head) !== 'none') return true;
  return isTarHeader(head.subarray(0, 1024));
}

// ------------------------------------------------------------ the kinds of context

async function readStdin(ctx: CliContext, prefix: string): Promise<Uint8Array> {
  let text = '';
  for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) text += c;
  // U+FFFD: bytes that were not UTF-8 (a gzip context, binary files in a tar)
  // were lost on the way; sending what is left would build something else.
  if (text.includes('\uFFFD')) {
    fail(`${prefix}unable to prepare context: binary data cannot pass through the simulator's text streams (build from a directory instead)`);
  }
  return enc.encode(text);
}

/**
 * Resolves `docker build`'s argument and `-f` to the context the CLI sends.
 * Throws CliError with docker/cli's message (exit status 1).
 */
export async function prepareContext(ctx: CliContext, specified: string, dockerfileName?: string, opts: ContextOptions = {}): Promise<PreparedContext> {
  const got = await locateContext(ctx, specified, dockerfileName, opts);
  if (opts.builder !== 'buildkit') return { ...got, definitionName: got.dockerfile || 'Dockerfile' };
  const f = dockerfileName && dockerfileName !== '-' ? dockerfileName.replace(/\/+$/, '') : 'Dockerfile';
  return { ...got, definitionName: f.slice(f.lastIndexOf('/') + 1) };
}

type Located = Omit<PreparedContext, 'definitionName'>;

async function locateContext(ctx: CliContext, specified: string, dockerfileName: string | undefined, opts: ContextOptions): Promise<Located> {
  const buildkit = opts.builder === 'buildkit';
  const prefix = errorPrefix(opts);
  const fromStdin = dockerfileName === '-';
  if (specified === '-') {
    if (fromStdin) fail(`${prefix}invalid argument: can't use stdin for both build context and dockerfile`);
    return prepareContextFromBytes(await readStdin(ctx, prefix), dockerfileName, opts);
  }
  const host = ctx.host;
  if (!host) fail(`${prefix}unable to prepare context: path "${specified}" not found`);
  const abs = absPath(host.cwd, specified);
  const local = buildkit ? isDirectory(host.fs, abs) : host.fs.exists(abs);
  if (local) return fromLocalDir(ctx, host, abs, dockerfileName, opts);
  if (isGitURL(specified)) {
    const cloned = await cloneGitContext(specified, host, dockerfileName ? { dockerfile: dockerfileName } : {});
    if ('error' in cloned) {
      if (opts.quiet && !buildkit && isURL(specified)) ctx.stderr.write('\n');
      fail(`${prefix}${cloned.error}`);
    }
    try {
      return fromDirectory(host.fs, cloned.dir, cloned.dockerfile, undefined, opts);
    } finally {
      cloned.cleanup();
    }
  }
  if (isURL(specified)) {
    // Berth has no way out to the internet: the download fails as it does offline.
    if (opts.quiet && !buildkit) ctx.stderr.write('\n');
    fail(`${prefix}unable to prepare context: unable to download remote context ${specified}: ${offlineError(specified)}`);
  }
  fail(`${prefix}unable to prepare context: path "${specified}" not found`);
}

/** `docker build -`: stdin is a tar (maybe compressed) context, or a Dockerfile with an empty context. */
export function prepareContextFromBytes(input: Uint8Array, dockerfileName: string | undefined, opts: ContextOptions = {}): Located {
  const prefix = errorPrefix(opts);
  if (isArchive(input.subarray(0, 1024))) {
    // Sent as it came, compressed or not: the daemon decompresses (and reports a broken stream).
    return { tar: input, dockerfile: dockerfileName ?? '', sentBytes: input.length };
  }
  if (dockerfileName === '-') fail(`${prefix}unable to prepare context: build context is not an archive`);
  // buildx's loadInputs says it without docker/cli's `unable to prepare context: `.
  const why = opts.builder === 'buildkit' ? '' : 'unable to prepare context: ';
  if (dockerfileName) fail(`${prefix}${why}ambiguous Dockerfile source: both stdin and flag correspond to Dockerfiles`);
  const now = Math.floor((opts.now ?? Date.now)() / 1000);
  // archive.Tar over a temporary directory holding the Dockerfile (mode 0644 after the umask).
  const tar = writeContextTar([{ name: 'Dockerfile', typeflag: '0', mode: 0o644, uid: 0, gid: 0, mtime: now, linkname: '', data: input }]);
  return { tar, dockerfile: 'Dockerfile', dockerfileText: dec.decode(input), sentBytes: tar.length };
}

async function fromLocalDir(ctx: CliContext, host: { fs: Fs; cwd: string }, abs: string, dockerfileName: string | undefined, opts: ContextOptions): Promise<Located> {
  const buildkit = opts.builder === 'buildkit';
  const prefix = errorPrefix(opts);
  const { fs } = host;
  // ResolveAndValidateContextPath
  let dir: string;
  try {
    dir = evalSymlinks(fs, abs);
  } catch (e) {
    fail(`${prefix}unable to prepare context: unable to evaluate symlinks in context path: ${(e as Error).message}`);
  }
  if (fs.lstat(dir).type !== 'dir') fail(`${prefix}unable to prepare context: context must be a directory: ${dir}`);

  if (dockerfileName === '-') {
    const text = await readStdin(ctx, errorPrefix(opts));
    return fromDirectory(fs, dir, '-', text, opts);
  }
  // getDockerfileRelPath: -f is relative to the working directory, not the context.
  let dockerfile = dockerfileName ? absPath(host.cwd, dockerfileName) : join(dir, 'Dockerfile');
  if (!dockerfileName && !fs.exists(dockerfile) && fs.exists(join(dir, 'dockerfile'))) dockerfile = join(dir, 'dockerfile');
  let resolved: string;
  try {
    resolved = evalSymlinks(fs, dockerfile);
  } catch (e) {
    if (!buildkit) fail(`unable to prepare context: unable to evaluate symlinks in Dockerfile path: ${(e as Error).message}`);
    // buildx leaves a missing Dockerfile to BuildKit (which names it by its
    // base name: see definitionName); the path keeps the daemon from taking
    // another file of that name at the root of the context.
    return fromDirectory(fs, dir, relPath(dir, dockerfile), undefined, opts);
  }
  const rel = relPath(dir, resolved);
  if (rel.startsWith('../')) {
    // Outside the context: docker/cli reads it and sends it inside under a generated name.
    // os.Open(-f as typed): with no -f (a Dockerfile symlinked out of the context) that is os.Open("").
    if (!dockerfileName) fail(`${prefix}unable to open Dockerfile: open : no such file or directory`);
    let bytes: Uint8Array;
    try {
      bytes = fs.readFile(absPath(host.cwd, dockerfileName));
    } catch (e) {
      fail(`${prefix}unable to open Dockerfile: open ${dockerfileName}: ${errnoText(e)}`);
    }
    return fromDirectory(fs, dir, rel, bytes, opts);
  }
  return fromDirectory(fs, dir, rel, undefined, opts);
}

/**
 * The tar of a context directory. `outside`: the Dockerfile's bytes when it
 * came from stdin (`rel` is '-') or from outside the directory.
 */
function fromDirectory(fs: Fs, dir: string, rel: string, outside: Uint8Array | undefined, opts: ContextOptions): Located {
  const prefix = errorPrefix(opts);
  let excludes: string[] = [];
  const ignorePath = join(dir, '.dockerignore');
  if (fs.exists(ignorePath)) {
    try {
      excludes = readDockerignore(fs.readFile(ignorePath));
    } catch (e) {
      fail(`${prefix}error reading .dockerignore: read ${ignorePath}: ${errnoText(e)}`);
    }
  }
  try {
    new Matcher(excludes);
  } catch (e) {
    if (e instanceof DockerignoreError) fail(`${prefix}error checking context: ${e.message}`);
    throw e;
  }
  excludes = keepBuildFiles(excludes, rel, rel === '-');
  let entries = contextEntries(fs, dir, excludes);
  if (outside === undefined) {
    const tar = writeContextTar(entries);
    let text: string | undefined;
    try {
      text = dec.decode(fs.readFile(join(dir, rel)));
    } catch {
      text = undefined;
    }
    return { tar, dockerfile: rel, ...(text !== undefined ? { dockerfileText: text } : {}), sentBytes: tar.length };
  }
  const name = `.dockerfile.${(opts.randomId ?? randomHex)().slice(0, 20)}`;
  entries = addDockerfile(entries, outside, name, Math.floor((opts.now ?? Date.now)() / 1000));
  const tar = writeContextTar(entries, true);
  return { tar, dockerfile: name, dockerfileText: dec.decode(outside), sentBytes: tar.length };
}
