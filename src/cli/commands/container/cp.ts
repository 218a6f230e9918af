// `docker cp`: Copy files/folders between a container and the local filesystem (docker/cli cli/command/container/cp.go).
import type { CliContext, Command, Options } from '../../command.ts';
import { CliError, exactArgs, flagChanged } from '../../command.ts';
import type { Daemon } from '../../../engine/daemon.ts';
import { DaemonError } from '../../../engine/errors/errors.ts';
import { FsError, type Fs } from '../../../engine/fs/types.ts';
import { layerTarBytes, layerTarSize, readLayerTar } from '../../../engine/layer/tar.ts';
import type { LayerTree } from '../../../engine/layer/tree.ts';
import {
  archivePath,
  cleanPath,
  extractToContainer,
  extractTree,
  readTree,
  splitDirEntry,
  statPath,
} from '../../../engine/container/archive.ts';
import { humanSizeWithPrecision } from '../../format/units.ts';

/** Where an archive goes (go-archive CopyInfo). */
interface CopyInfo {
  path: string;
  exists: boolean;
  isDir: boolean;
}

/**
 * go-archive PrepareArchiveCopy: the directory to extract into, and how the
 * archive's top entry is renamed so that the copy lands where `cp` would put it.
 */
function prepareCopy(srcBase: string, srcIsDir: boolean, dst: CopyInfo): { dir: string; rebase?: { from: string; to: string } } {
  const { dir, base } = splitDirEntry(dst.path);
  if (dst.exists && dst.isDir) return { dir: dst.path.replace(/\/\.?$/, '') || '/' };
  if (dst.exists && srcIsDir) throw new CliError('cannot copy directory', 1);
  if (!dst.exists && !srcIsDir && (dst.path.endsWith('/') || dst.path.endsWith('/.'))) throw new CliError('no such directory', 1);
  return { dir, rebase: { from: srcBase, to: base } };
}

/** docker/cli splitCpArg: `container:path`, unless the argument is an explicit local path. */
function splitCpArg(arg: string): { container: string; path: string } {
  if (arg.startsWith('/')) return { container: '', path: arg };
  const i = arg.indexOf(':');
  if (i < 0 || arg.startsWith('.')) return { container: '', path: arg };
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

function lstatType(fs: Fs, path: string): 'file' | 'dir' | 'symlink' | null {
  try {
    return fs.lstat(path).type;
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') return null;
    throw e;
  }
}

/** Go's *PathError text for a failed (l)stat. */
function pathError(op: string, path: string, e: unknown): CliError {
  if (e instanceof FsError) return new CliError(`${op} ${path}: ${e.description.toLowerCase()}`, 1);
  throw e;
}

/** The summary a terminal gets (docker 28.2 prints no progress line before it, however long the copy). */
function summary(ctx: CliContext, size: number, dest: string): void {
  ctx.stderr.write(`Successfully copied ${humanSizeWithPrecision(size, 3)} to ${dest}\n`);
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function copyFromContainer(ctx: CliContext<Daemon>, opts: Options, container: string, src: string, dst: string, quiet: boolean): number {
  const host = ctx.host!;
  let dstPath = dst;
  if (dst !== '-') {
    dstPath = cleanPath(dst, host.cwd);
    // docker/cli ValidateOutputPath
    const parent = splitDirEntry(dstPath.replace(/\/\.?$/, '') || '/').dir;
    if (lstatType(host.fs, parent) === null) throw new CliError(`invalid output path: directory "${parent}" does not exist`, 1);
    try {
      host.fs.stat(dstPath);
    } catch (e) {
      if (!(e instanceof FsError && e.code === 'ENOENT')) throw pathError('stat', dstPath, e);
    }
  }
  const archive = archivePath(ctx.daemon, container, src, opts['follow-link'] === true);
  if (dstPath === '-') {
    ctx.stdout.write(decoder.decode(layerTarBytes(archive.tree)));
    return 0;
  }
  const dstInfo = destinationInfo(host.fs, dstPath);
  const top = [...archive.tree.walk()][0]?.[0] ?? '.';
  const srcBase = cleanPath(src).endsWith('/.') ? '.' : top.split('/')[0]!;
  const { dir, rebase } = prepareCopy(srcBase, archive.stat.isDir, dstInfo);
  extractTree(host.fs, dir, archive.tree, rebase, ctx.daemon.now());
  if (!quiet) summary(ctx, layerTarSize(archive.tree), dstPath);
  return 0;
}

/** go-archive CopyInfoDestinationPath: the host destination, through symlinks. */
function destinationInfo(fs: Fs, path: string): CopyInfo {
  try {
    const st = fs.stat(path);
    return { path, exists: true, isDir: st.type === 'dir' };
  } catch (e) {
    if (e instanceof FsError && e.code === 'ENOENT') return { path, exists: false, isDir: false };
    throw pathError('stat', path, e);
  }
}

function isDir(fs: Fs, path: string): boolean {
  try {
    return fs.stat(path).type === 'dir';
  } catch {
    return false;
  }
}

async function readAll(ctx: CliContext): Promise<string> {
  let text = '';
  for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) text += chunk;
  return text;
}

async function copyToContainer(ctx: CliContext<Daemon>, opts: Options, container: string, src: string, dst: string, quiet: boolean): Promise<number> {
  const daemon = ctx.daemon;
  const host = ctx.host!;
  const dstInfo: CopyInfo = { path: dst, exists: false, isDir: false };
  try {
    let st = statPath(daemon, container, dst);
    if (st.isSymlink) {
      const target = st.linkTarget.startsWith('/') ? st.linkTarget : `${splitDirEntry(dst).dir}/${st.linkTarget}`;
      dstInfo.path = target;
      st = statPath(daemon, container, target);
    }
    dstInfo.exists = true;
    dstInfo.isDir = st.isDir;
  } catch (e) {
    // docker/cli ignores a failed stat: the extraction reports what is wrong
    if (!(e instanceof DaemonError)) throw e;
  }
  if (src === '-') {
    const text = await readAll(ctx);
    if (!dstInfo.isDir) throw new CliError(`destination "${container}:${dst}" must be a directory`, 1);
    let tree: LayerTree;
    try {
      tree = await readLayerTar(encoder.encode(text));
    } catch {
      throw new DaemonError('invalid-parameter', 'unexpected EOF');
    }
    extractToContainer(daemon, container, dstInfo.path, tree, undefined, opts.archive === true);
    return 0;
  }
  const srcPath = cleanPath(src, host.cwd);
  const bare = srcPath.replace(/\/\.$/, '').replace(/(.)\/+$/, '$1');
  let type;
  try {
    type = host.fs.lstat(bare).type;
  } catch (e) {
    // go-archive ResolveHostSourcePath joins the resolved directory and the base with a separator
    const { dir, base } = splitDirEntry(bare);
    throw pathError('lstat', `${dir}/${base}`, e);
  }
  const follow = opts['follow-link'] === true;
  if (follow && type === 'symlink') {
    try {
      type = host.fs.stat(bare).type;
    } catch (e) {
      throw pathError('stat', bare, e);
    }
  }
  // go-archive's ErrNotDirectory: a trailing separator on something else
  if (srcPath !== bare && type !== 'dir' && !(type === 'symlink' && isDir(host.fs, bare))) throw new CliError('not a directory', 1);
  const srcBase = srcPath.endsWith('/.') ? '.' : splitDirEntry(bare).base;
  const tree = readTree(host.fs, srcPath, srcBase, follow);
  const { dir, rebase } = prepareCopy(srcBase, type === 'dir', dstInfo);
  // the archive carries the host's ids; -a gives the files to the container's user instead
  extractToContainer(daemon, container, dir, tree, rebase, opts.archive === true);
  if (!quiet) summary(ctx, layerTarSize(tree), `${container}:${dstInfo.path}`);
  return 0;
}

export const cpCommand: Command = {
  spec: {
    use: `cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-
	docker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH`,
    aliasesText: 'docker container cp, docker cp',
    short: 'Copy files/folders between a container and the local filesystem',
    long: `Copy files/folders between a container and the local filesystem

Use '-' as the source to read a tar archive from stdin
and extract it to a directory destination in a container.
Use '-' as the destination to stream a tar archive of a
container source to stdout.`,
    args: exactArgs(2),
    flags: [
      { name: 'archive', shorthand: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
      { name: 'follow-link', shorthand: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
      { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' },
    ],
  },
  run: async (ctx, opts, args) => {
    const [source, destination] = args as [string, string];
    if (source === '') throw new CliError('source can not be empty', 1);
    if (destination === '') throw new CliError('destination can not be empty', 1);
    // without -q, progress shows only on a terminal
    const quiet = flagChanged(opts, 'quiet') ? opts.quiet === true : !ctx.tty;
    const src = splitCpArg(source);
    const dst = splitCpArg(destination);
    if (src.container !== '' && dst.container !== '') throw new CliError('copying between containers is not supported', 1);
    if (src.container === '' && dst.container === '') throw new CliError('must specify at least one container source', 1);
    const c = ctx as CliContext<Daemon>;
    if (!c.host) throw new CliError('docker cp needs the client machine', 1);
    if (src.container !== '') return copyFromContainer(c, opts, src.container, src.path, dst.path, quiet);
    return copyToContainer(c, opts, dst.container, src.path, dst.path, quiet);
  },
};
