// A git URL as `docker build`'s context, the legacy way docker/cli does it
// (build.GetContextFromGitURL): clone into a temporary directory on the
// client's file system, check out the `#<ref>:<subdir>` fragment, find the
// Dockerfile there. The cloning is the host's git (isomorphic-git), loaded
// on first use as the `git` program's code is (shell/git/load.ts).
import type { Fs } from '../../../../engine/fs/types.ts';
import { loadGit } from '../../../../shell/git/load.ts';

export interface GitContext {
  /** The context directory (absolute). */
  dir: string;
  /** The Dockerfile's path inside it, forward slashes (`Dockerfile`, `sub/Dockerfile.dev`). */
  dockerfile: string;
  /** Removes the temporary clone (docker/cli does once the build is over). */
  cleanup(): void;
}

export interface GitContextOptions {
  /** `-f`: the Dockerfile, relative to the context (default `Dockerfile`, or `dockerfile` when only that exists). */
  dockerfile?: string;
  /** The temporary directory's name after `docker-build-git` (Go's os.MkdirTemp puts random digits there). */
  tempSuffix?: () => string;
}

const randomDigits = () => String(Math.floor(Math.random() * 2 ** 32));

/**
 * Clones `url` for a build. Resolves to the context, or to docker/cli's
 * error text (`unable to prepare context: ...`), the message `docker build`
 * prints.
 */
export async function cloneGitContext(
  url: string,
  host: { fs: Fs; cwd: string },
  opts: GitContextOptions = {},
): Promise<GitContext | { error: string }> {
  const fail = (why: string) => ({ error: `unable to prepare context: ${why}` });
  let m: Awaited<ReturnType<typeof loadGit>>;
  try {
    m = await loadGit();
  } catch (err) {
    return fail(`unable to find 'git': ${err instanceof Error ? err.message : String(err)}`);
  }
  const { fs } = host;
  let root = '';
  do root = `/tmp/docker-build-git${(opts.tempSuffix ?? randomDigits)()}`;
  while (fs.exists(root));
  const cloned = await m.cloneForBuild(fs, url, root);
  if ('error' in cloned) return fail(`unable to 'git clone' to temporary context directory: ${cloned.error}`);
  const cleanup = () => {
    if (fs.exists(root)) fs.rm(root, { recursive: true });
  };
  const located = locateDockerfile(fs, cloned.dir, opts.dockerfile);
  if ('error' in located) {
    cleanup();
    return fail(located.error);
  }
  return { dir: cloned.dir, dockerfile: located.path, cleanup };
}

/** docker/cli's getDockerfileRelPath for a context directory (symlinks followed, kept inside). */
function locateDockerfile(fs: Fs, dir: string, given: string | undefined): { path: string } | { error: string } {
  let name = given ?? 'Dockerfile';
  if (!given && !fs.exists(`${dir}/Dockerfile`) && fs.exists(`${dir}/dockerfile`)) name = 'dockerfile';
  const abs = name.startsWith('/') ? name : `${dir}/${name}`;
  const parts: string[] = [];
  for (const p of abs.split('/')) {
    if (!p || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  const clean = '/' + parts.join('/');
  // Go's filepath.EvalSymlinks fails first on a missing file
  if (!fs.exists(clean)) {
    let missing = '';
    for (const p of parts) if (fs.exists((missing += `/${p}`)) === false) break;
    return { error: `unable to evaluate symlinks in Dockerfile path: lstat ${missing}: no such file or directory` };
  }
  if (!clean.startsWith(`${dir}/`)) return { error: `the Dockerfile (${given}) must be within the build context` };
  return { path: clean.slice(dir.length + 1) };
}
