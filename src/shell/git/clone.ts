// Cloning without a network: the sample repositories are built locally as
// real commits (fixed author and date, so stable ids) with `origin` and its
// remote-tracking branch set as a real clone leaves them; every other URL
// fails as git fails on a machine that cannot resolve the host. Shared by
// `git clone` and `docker build <git-url>`.
import * as git from 'isomorphic-git';
import type { Fs } from '../../engine/fs/types.ts';
import { gitFs } from './fs.ts';
import { SAMPLE_AUTHOR, SAMPLE_BRANCH, SAMPLES } from './samples.ts';

/** Where a URL leads: a sample's name, or git's output and status when it cannot be reached. */
export type Remote = { sample: string } | { output: string; status: number };

const SAMPLE_PATH = /^\/?berth-samples\/([^/]+?)(?:\.git)?\/?$/;

const SSH_FAILURE = (host: string) =>
  `ssh: Could not resolve hostname ${host}: Temporary failure in name resolution\r\n` +
  `fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n`;

function sampleAt(host: string, path: string): string | null {
  if (host.toLowerCase() !== 'github.com') return null;
  const m = SAMPLE_PATH.exec(path);
  return m && Object.hasOwn(SAMPLES, m[1]!) ? m[1]! : null;
}

/** What `git clone <url>` reaches (local paths are not URLs: see `isLocal`). */
export function lookupRemote(url: string): Remote {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(url);
  if (scheme) {
    const proto = scheme[1]!.toLowerCase();
    const authority = scheme[2]!;
    const host = authority.replace(/^.*@/, '').replace(/:\d*$/, '');
    const path = scheme[3] ?? '';
    const sample = sampleAt(host, path);
    if (sample && proto !== 'git') return { sample };
    if (proto === 'http' || proto === 'https') {
      return { output: `fatal: unable to access '${url.endsWith('/') ? url : url + '/'}': Could not resolve host: ${host}\n`, status: 128 };
    }
    if (proto === 'ssh' || proto === 'git+ssh') return { output: SSH_FAILURE(host), status: 128 };
    if (proto === 'git') return { output: `fatal: unable to look up ${host} (port 9418) (Temporary failure in name resolution)\n`, status: 128 };
    return { output: `git: 'remote-${proto}' is not a git command. See 'git --help'.\nfatal: remote helper '${proto}' aborted session\n`, status: 128 };
  }
  // scp-like: [user@]host:path
  const scp = /^(?:[^@/]+@)?([^:/]+):(.*)$/.exec(url)!;
  const sample = sampleAt(scp[1]!, scp[2]!);
  return sample ? { sample } : { output: SSH_FAILURE(scp[1]!), status: 128 };
}

/** Whether git reads `url` as a local path (no scheme, no `host:` before the first slash). */
export function isLocal(url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return /^file:\/\//i.test(url);
  const colon = url.indexOf(':');
  const slash = url.indexOf('/');
  return colon < 0 || (slash >= 0 && slash < colon);
}

/** git's guess of the directory for a URL: `.../friendlyhello.git` → `friendlyhello`. */
export function humanish(url: string): string {
  let s = url.replace(/\/+$/, '').replace(/\/\.git$/, '').replace(/\.git$/, '');
  s = s.replace(/\/+$/, '');
  const cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
  return s.slice(cut + 1);
}

/** The commit a sample's master branch points to, written into the repository at `dir`. */
async function writeSample(gfs: ReturnType<typeof gitFs>, dir: string, name: string): Promise<string> {
  const sample = SAMPLES[name]!;
  const enc = new TextEncoder();
  const entries = [];
  for (const [path, text] of Object.entries(sample.files)) {
    const oid = await git.writeBlob({ fs: gfs, dir, blob: enc.encode(text) });
    entries.push({ mode: '100644', path, oid, type: 'blob' as const });
  }
  const tree = await git.writeTree({ fs: gfs, dir, tree: entries });
  return git.writeCommit({
    fs: gfs,
    dir,
    commit: { message: sample.message, tree, parent: [], author: SAMPLE_AUTHOR, committer: SAMPLE_AUTHOR },
  });
}

export interface CloneOptions {
  /** The URL `origin` records. */
  url: string;
  /** `-b`: the branch to check out (default: the remote's HEAD). */
  branch?: string;
}

/**
 * Fills the empty (or absent) directory `dir` with a clone of sample `name`:
 * objects, `origin`, its remote-tracking branches, the local branch and its
 * files. Returns git's failure output for a branch the sample lacks, else null.
 */
export async function cloneSample(fs: Fs, dir: string, name: string, opts: CloneOptions): Promise<string | null> {
  const branch = opts.branch ?? SAMPLE_BRANCH;
  if (branch !== SAMPLE_BRANCH) return `fatal: Remote branch ${branch} not found in upstream origin\n`;
  const gfs = gitFs(fs);
  fs.mkdir(dir, { recursive: true });
  await git.init({ fs: gfs, dir, defaultBranch: branch });
  const oid = await writeSample(gfs, dir, name);
  await git.addRemote({ fs: gfs, dir, remote: 'origin', url: opts.url });
  await git.writeRef({ fs: gfs, dir, ref: `refs/remotes/origin/${SAMPLE_BRANCH}`, value: oid });
  await git.writeRef({ fs: gfs, dir, ref: 'refs/remotes/origin/HEAD', value: `refs/remotes/origin/${SAMPLE_BRANCH}`, symbolic: true });
  await git.writeRef({ fs: gfs, dir, ref: `refs/heads/${branch}`, value: oid });
  await git.setConfig({ fs: gfs, dir, path: `branch.${branch}.remote`, value: 'origin' });
  await git.setConfig({ fs: gfs, dir, path: `branch.${branch}.merge`, value: `refs/heads/${branch}` });
  await git.checkout({ fs: gfs, dir, ref: branch, force: true });
  return null;
}


/** The git directory of the repository at `path` (a working tree's `.git`, or a bare repository), or null. */
export function repositoryAt(fs: Fs, path: string): string | null {
  const has = (p: string) => {
    try {
      return fs.stat(p).type === 'dir';
    } catch {
      return false;
    }
  };
  const dotgit = path === '/' ? '/.git' : `${path}/.git`;
  if (has(dotgit) && fs.exists(`${dotgit}/HEAD`)) return dotgit;
  if (fs.exists(`${path}/HEAD`) && has(`${path}/objects`) && has(`${path}/refs`)) return path;
  return null;
}

function copyTree(fs: Fs, from: string, to: string): void {
  fs.mkdir(to, { recursive: true });
  for (const name of fs.readdir(from)) {
    const src = `${from}/${name}`;
    const st = fs.lstat(src);
    if (st.type === 'dir') copyTree(fs, src, `${to}/${name}`);
    else if (st.type === 'file') fs.writeFile(`${to}/${name}`, fs.readFile(src), { mode: st.mode });
  }
}

/**
 * `git clone <path>`: the objects of the repository whose git directory is
 * `source` copied into a new repository at `dir`, its branches as origin's,
 * its current branch checked out. Returns the warnings git prints.
 */
export async function cloneLocal(fs: Fs, source: string, dir: string, url: string, branch?: string): Promise<{ warning: string } | { failure: string }> {
  const gfs = gitFs(fs);
  const branches = await git.listBranches({ fs: gfs, gitdir: source });
  const sourceHead = (await git.currentBranch({ fs: gfs, gitdir: source, fullname: false })) ?? null;
  const want = branch ?? sourceHead ?? SAMPLE_BRANCH;
  if (branch && !branches.includes(branch)) return { failure: `fatal: Remote branch ${branch} not found in upstream origin\n` };
  fs.mkdir(dir, { recursive: true });
  await git.init({ fs: gfs, dir, defaultBranch: want });
  copyTree(fs, `${source}/objects`, `${dir}/.git/objects`);
  await git.addRemote({ fs: gfs, dir, remote: 'origin', url });
  for (const b of branches) {
    const oid = await git.resolveRef({ fs: gfs, gitdir: source, ref: `refs/heads/${b}` });
    await git.writeRef({ fs: gfs, dir, ref: `refs/remotes/origin/${b}`, value: oid, force: true });
  }
  if (!branches.includes(want)) return { warning: 'warning: You appear to have cloned an empty repository.\n' };
  if (sourceHead && branches.includes(sourceHead)) {
    await git.writeRef({ fs: gfs, dir, ref: 'refs/remotes/origin/HEAD', value: `refs/remotes/origin/${sourceHead}`, symbolic: true, force: true });
  }
  const oid = await git.resolveRef({ fs: gfs, dir, ref: `refs/remotes/origin/${want}` });
  await git.writeRef({ fs: gfs, dir, ref: `refs/heads/${want}`, value: oid, force: true });
  await git.setConfig({ fs: gfs, dir, path: `branch.${want}.remote`, value: 'origin' });
  await git.setConfig({ fs: gfs, dir, path: `branch.${want}.merge`, value: `refs/heads/${want}` });
  await git.checkout({ fs: gfs, dir, ref: want, force: true });
  return { warning: '' };
}
