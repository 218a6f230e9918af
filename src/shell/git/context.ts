// `docker build <git-url>` as docker/cli's legacy path does it (its
// internal/git package): `git init` in a temporary directory, `git remote
// add origin`, `git fetch origin -- <ref>`, `git checkout <ref>`, then the
// `#<ref>:<subdir>` fragment's directory. Errors carry docker/cli's words;
// the fetch's are git's own output followed by `: exit status 128`.
import type { Fs } from '../../engine/fs/types.ts';
import { cloneSample, lookupRemote } from './clone.ts';
import { SAMPLE_BRANCH } from './samples.ts';

export interface CheckedOut {
  /** The context directory (the clone, or its subdirectory). */
  dir: string;
  /** The temporary clone, to remove after the build. */
  root: string;
}

/** docker/cli's isGitTransport: the prefixes it clones as they are; anything else gets `https://`. */
function isGitTransport(url: string): boolean {
  return url.startsWith('git@') || /^(git|http|https|ssh):\/\//i.test(url);
}

/** Remote, ref (default master) and subdir of a git build context URL, or docker/cli's error. */
export function parseGitContextUrl(url: string): { remote: string; ref: string; subdir: string } | { error: string } {
  const full = isGitTransport(url) ? url : `https://${url}`;
  const hash = full.indexOf('#');
  const remote = hash < 0 ? full : full.slice(0, hash);
  const fragment = hash < 0 ? '' : full.slice(hash + 1);
  const colon = fragment.indexOf(':');
  const ref = (colon < 0 ? fragment : fragment.slice(0, colon)) || 'master';
  const subdir = colon < 0 ? '' : fragment.slice(colon + 1);
  if (ref.startsWith('-')) return { error: `invalid refspec: ${ref}` };
  return { remote, ref, subdir };
}

/** The sample's commit id, read from the clone. */
function headOf(fs: Fs, root: string): string {
  return new TextDecoder().decode(fs.readFile(`${root}/.git/refs/heads/${SAMPLE_BRANCH}`)).trim();
}

/** Resolves `path` inside `root` following symlinks, never leaving `root` (moby's FollowSymlinkInScope). */
function inScope(fs: Fs, root: string, rel: string): string {
  let parts = rel.split('/').filter((p) => p && p !== '.');
  const out: string[] = [];
  for (let hops = 0; parts.length; ) {
    const part = parts.shift()!;
    if (part === '..') {
      out.pop();
      continue;
    }
    const path = `${root}/${[...out, part].join('/')}`;
    let link: string | null = null;
    try {
      if (fs.lstat(path).type === 'symlink') link = fs.readlink(path);
    } catch {
      // absent: kept as it is, the stat that follows reports it
    }
    if (link === null) {
      out.push(part);
      continue;
    }
    if (++hops > 255) throw new Error(`too many links in ${rel}`);
    if (link.startsWith('/')) out.length = 0;
    parts = [...link.split('/').filter((p) => p && p !== '.'), ...parts];
  }
  return out.length ? `${root}/${out.join('/')}` : root;
}

/**
 * Clones `url` into the new directory `root` and checks out its ref; returns
 * the context directory, or the error docker/cli's git.Clone returns (the
 * caller adds `unable to 'git clone' to temporary context directory: `).
 */
export async function cloneForBuild(fs: Fs, url: string, root: string): Promise<CheckedOut | { error: string }> {
  const parsed = parseGitContextUrl(url);
  if ('error' in parsed) return parsed;
  const remote = lookupRemote(parsed.remote);
  if (!('sample' in remote)) return { error: `error fetching: ${remote.output}: exit status ${remote.status}` };
  fs.mkdir(root, { recursive: true });
  await cloneSample(fs, root, remote.sample, { url: parsed.remote });
  const head = headOf(fs, root);
  const known = [SAMPLE_BRANCH, `refs/heads/${SAMPLE_BRANCH}`, head];
  if (!known.includes(parsed.ref)) {
    fs.rm(root, { recursive: true });
    return { error: `error fetching: fatal: couldn't find remote ref ${parsed.ref}\n: exit status 128` };
  }
  if (!parsed.subdir) return { dir: root, root };
  const dir = inScope(fs, root, parsed.subdir);
  let error: string | null = null;
  if (!fs.exists(dir)) error = `stat ${dir}: no such file or directory`;
  else if (fs.stat(dir).type !== 'dir') error = `error setting git context, not a directory: ${dir}`;
  if (error) {
    fs.rm(root, { recursive: true });
    return { error };
  }
  return { dir, root };
}
