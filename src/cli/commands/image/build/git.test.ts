// `docker build <git-url>`'s context, cloned as docker/cli's legacy path
// clones it: ref and subdirectory from the fragment, docker/cli's errors.
import { describe, expect, it } from 'vitest';
import { UnionFs } from '../../../../engine/fs/union.ts';
import { LayerTree } from '../../../../engine/layer/tree.ts';
import { cloneGitContext } from './git.ts';

function hostFs() {
  const fs = new UnionFs([new LayerTree()], { clock: { now: () => Date.UTC(2026, 11, 6) } });
  fs.mkdir('/tmp', { recursive: true });
  fs.mkdir('/root', { recursive: true });
  return fs;
}

const dec = new TextDecoder();
let n = 0;
const tempSuffix = () => String(1000 + ++n);

describe('cloneGitContext', () => {
  it('clones a sample into a temporary directory and finds its Dockerfile', async () => {
    const fs = hostFs();
    const ctx = await cloneGitContext('https://github.com/berth-samples/friendlyhello.git', { fs, cwd: '/root' }, { tempSuffix });
    if ('error' in ctx) throw new Error(ctx.error);
    expect(ctx.dir).toMatch(/^\/tmp\/docker-build-git\d+$/);
    expect(ctx.dockerfile).toBe('Dockerfile');
    expect(fs.readdir(ctx.dir)).toEqual(['.git', 'Dockerfile', 'app.py', 'requirements.txt']);
    expect(dec.decode(fs.readFile(`${ctx.dir}/Dockerfile`))).toContain('FROM python:2.7-slim\n');
    ctx.cleanup();
    expect(fs.exists(ctx.dir)).toBe(false);
  });

  it('reads the ref and the subdirectory from the fragment', async () => {
    const fs = hostFs();
    // without a scheme docker/cli clones over https; the ref is a branch or the commit id
    const byBranch = await cloneGitContext('github.com/berth-samples/static-site#master', { fs, cwd: '/root' }, { tempSuffix });
    expect('error' in byBranch ? byBranch.error : byBranch.dockerfile).toBe('Dockerfile');
    const byCommit = await cloneGitContext('https://github.com/berth-samples/sinatra.git#23053027294893fd2a39d99c020bcf188e723ccf', { fs, cwd: '/root' }, { tempSuffix });
    expect('error' in byCommit ? byCommit.error : fs.readdir(byCommit.dir)).toEqual(['.git', 'Dockerfile']);
    // "." is the clone itself; a file is not a context
    const root = '/tmp/docker-build-git7';
    const sub = await cloneGitContext('https://github.com/berth-samples/friendlyhello.git#master:.', { fs, cwd: '/root' }, { tempSuffix: () => '7' });
    expect('error' in sub ? sub.error : sub.dir).toBe(root);
    const other = await cloneGitContext('https://github.com/berth-samples/friendlyhello.git#:app.py', { fs, cwd: '/root' }, { tempSuffix: () => '8' });
    expect(other).toEqual({
      error:
        "unable to prepare context: unable to 'git clone' to temporary context directory: error setting git context, not a directory: /tmp/docker-build-git8/app.py",
    });
    expect(fs.exists('/tmp/docker-build-git8')).toBe(false);
    const missing = await cloneGitContext('https://github.com/berth-samples/friendlyhello.git#master:nope', { fs, cwd: '/root' }, { tempSuffix: () => '9' });
    expect(missing).toEqual({
      error: "unable to prepare context: unable to 'git clone' to temporary context directory: stat /tmp/docker-build-git9/nope: no such file or directory",
    });
  });

  it('takes -f relative to the context and reports a missing Dockerfile as docker/cli does', async () => {
    const fs = hostFs();
    const custom = await cloneGitContext('https://github.com/berth-samples/static-site.git', { fs, cwd: '/root' }, { tempSuffix: () => '11', dockerfile: 'index.html' });
    expect('error' in custom ? custom.error : custom.dockerfile).toBe('index.html');
    const none = await cloneGitContext('https://github.com/berth-samples/static-site.git', { fs, cwd: '/root' }, { tempSuffix: () => '12', dockerfile: 'Dockerfile.dev' });
    expect(none).toEqual({
      error: 'unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat /tmp/docker-build-git12/Dockerfile.dev: no such file or directory',
    });
    expect(fs.exists('/tmp/docker-build-git12')).toBe(false);
  });

  it("fails as docker/cli's git fetch fails offline, or for a ref the repository lacks", async () => {
    const fs = hostFs();
    expect(await cloneGitContext('https://github.com/docker/getting-started.git', { fs, cwd: '/root' }, { tempSuffix })).toEqual({
      error:
        "unable to prepare context: unable to 'git clone' to temporary context directory: error fetching: " +
        "fatal: unable to access 'https://github.com/docker/getting-started.git/': Could not resolve host: github.com\n: exit status 128",
    });
    expect(await cloneGitContext('https://github.com/berth-samples/friendlyhello.git#dev', { fs, cwd: '/root' }, { tempSuffix })).toEqual({
      error: "unable to prepare context: unable to 'git clone' to temporary context directory: error fetching: fatal: couldn't find remote ref dev\n: exit status 128",
    });
    expect(await cloneGitContext('https://github.com/berth-samples/friendlyhello.git#-x', { fs, cwd: '/root' }, { tempSuffix })).toEqual({
      error: "unable to prepare context: unable to 'git clone' to temporary context directory: invalid refspec: -x",
    });
    expect(fs.readdir('/tmp')).toEqual([]);
  });
});
