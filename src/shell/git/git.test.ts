// `git` at the host prompt against what the real git (2.39.5, the machine's
// own, run with HOME in a scratch directory and GIT_AUTHOR_DATE /
// GIT_COMMITTER_DATE fixed to the same second) printed for the same
// commands: every expected text below was copied from a real run. Commit
// ids match too: the same files, author and second make the same commit.
import { describe, expect, it } from 'vitest';
import { createNodePlatform } from '../../node/platform.ts';
import { sequentialIds } from '../../engine/platform.ts';
import { createHost, type SimulatedHost } from '../host.ts';

const AT = Date.UTC(2026, 11, 6, 10, 20, 0);

interface Result {
  out: string;
  err: string;
  status: number;
}

async function host(): Promise<{ h: SimulatedHost; sh: (cmd: string) => Promise<Result> }> {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: AT }), ids: sequentialIds() } });
  const sh = async (cmd: string) => {
    const r = { out: '', err: '', status: 0 };
    r.status = await h.run(cmd, { stdout: { write: (s) => void (r.out += s) }, stderr: { write: (s) => void (r.err += s) } });
    return r;
  };
  return { h, sh };
}

const IDENTITY = 'git config --global user.name "Ada Lovelace" && git config --global user.email ada@example.com';

describe('git init, add, commit, status, log', () => {
  it('prints what git prints, and makes the commits git makes', async () => {
    const { sh } = await host();
    const init = await sh('git init r');
    expect(init.out).toBe('Initialized empty Git repository in /root/r/.git/\n');
    expect(init.err).toContain("hint: Using 'master' as the name for the initial branch.");
    await sh('cd r');
    expect((await sh('git status')).out).toBe(
      'On branch master\n\nNo commits yet\n\nnothing to commit (create/copy files and use "git add" to track)\n',
    );
    expect(await sh('git log')).toEqual({ out: '', err: "fatal: your current branch 'master' does not have any commits yet\n", status: 128 });
    await sh('echo hi > a.txt; mkdir d; echo x > d/b');
    expect((await sh('git status')).out).toBe(`On branch master

No commits yet

Untracked files:
  (use "git add <file>..." to include in what will be committed)
	a.txt
	d/

nothing added to commit but untracked files present (use "git add" to track)
`);
    expect(await sh('git add .')).toEqual({ out: '', err: '', status: 0 });
    expect((await sh('git status')).out).toBe(`On branch master

No commits yet

Changes to be committed:
  (use "git rm --cached <file>..." to unstage)
	new file:   a.txt
	new file:   d/b

`);
    const anonymous = await sh('git commit -m first');
    expect(anonymous.status).toBe(128);
    expect(anonymous.err).toBe(`Author identity unknown

*** Please tell me who you are.

Run

  git config --global user.email "you@example.com"
  git config --global user.name "Your Name"

to set your account's default identity.
Omit --global to set the identity only in this repository.

fatal: unable to auto-detect email address (got 'root@berth.(none)')
`);
    await sh(IDENTITY);
    expect((await sh('cat ~/.gitconfig')).out).toBe('[user]\n\tname = Ada Lovelace\n\temail = ada@example.com\n');
    expect((await sh('git config user.name')).out).toBe('Ada Lovelace\n');
    expect((await sh('git config user.nonexist')).status).toBe(1);
    expect((await sh('git commit -m first')).out).toBe(
      '[master (root-commit) 3cd0d40] first\n 2 files changed, 2 insertions(+)\n create mode 100644 a.txt\n create mode 100644 d/b\n',
    );
    expect((await sh('git status')).out).toBe('On branch master\nnothing to commit, working tree clean\n');
    expect((await sh('git status -s')).out).toBe('');
    expect((await sh('git log')).out).toBe(`commit 3cd0d40570e5e93b3a95c4bc600887f2afeeb743
Author: Ada Lovelace <ada@example.com>
Date:   Sun Dec 6 10:20:00 2026 +0000

    first
`);
    await sh('echo more >> a.txt; echo new > c.txt');
    expect((await sh('git status')).out).toBe(`On branch master
Changes not staged for commit:
  (use "git add <file>..." to update what will be committed)
  (use "git restore <file>..." to discard changes in working directory)
	modified:   a.txt

Untracked files:
  (use "git add <file>..." to include in what will be committed)
	c.txt

no changes added to commit (use "git add" and/or "git commit -a")
`);
    expect((await sh('git status -s')).out).toBe(' M a.txt\n?? c.txt\n');
    await sh('git add -A');
    expect((await sh('git status -s')).out).toBe('M  a.txt\nA  c.txt\n');
    expect((await sh('git commit -m "second change"')).out).toBe(
      '[master a24ec65] second change\n 2 files changed, 2 insertions(+)\n create mode 100644 c.txt\n',
    );
    expect((await sh('git log --oneline')).out).toBe('a24ec65 second change\n3cd0d40 first\n');
    expect((await sh('git rev-parse HEAD')).out).toBe('a24ec65bdd2e262f432e6de3cc73f19d14ac06b7\n');
    await sh('echo x >> a.txt');
    expect(await sh('git commit -a')).toEqual({
      out: '',
      err: "error: cannot run editor: No such file or directory\nerror: unable to start editor 'editor'\nPlease supply the message using either -m or -F option.\n",
      status: 1,
    });
    expect((await sh('git status -s')).out).toBe(' M a.txt\n');
    await sh('git checkout -q a.txt');
    const nothing = await sh('git commit -m again');
    expect(nothing).toEqual({ out: 'On branch master\nnothing to commit, working tree clean\n', err: '', status: 1 });
  });

  it('long status with staged, unstaged, deleted and untracked files, and paths from a subdirectory', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q e && cd e && mkdir -p s/t && echo 1 > s/t/f && echo a > k && git add . && git commit -qm c1`);
    await sh('echo 2 >> s/t/f; rm k; echo new > s/n; touch u');
    expect((await sh('git status')).out).toBe(`On branch master
Changes not staged for commit:
  (use "git add/rm <file>..." to update what will be committed)
  (use "git restore <file>..." to discard changes in working directory)
	deleted:    k
	modified:   s/t/f

Untracked files:
  (use "git add <file>..." to include in what will be committed)
	s/n
	u

no changes added to commit (use "git add" and/or "git commit -a")
`);
    expect((await sh('cd s && git status -s; cd ..')).out).toBe(' D ../k\n M t/f\n?? n\n?? ../u\n');
    await sh('git add s k');
    expect((await sh('git status')).out).toBe(`On branch master
Changes to be committed:
  (use "git restore --staged <file>..." to unstage)
	deleted:    k
	new file:   s/n
	modified:   s/t/f

Untracked files:
  (use "git add <file>..." to include in what will be committed)
	u

`);
    expect(await sh('git add nothere')).toEqual({ out: '', err: "fatal: pathspec 'nothere' did not match any files\n", status: 128 });
    expect((await sh('git add')).err).toBe(
      "Nothing specified, nothing added.\nhint: Maybe you wanted to say 'git add .'?\nhint: Turn this message off by running\nhint: \"git config advice.addEmptyPathspec false\"\n",
    );
  });

  it('commit -a stages tracked changes; identity is checked before anything is staged', async () => {
    const { sh } = await host();
    await sh('git init -q r && cd r && echo a > a && git add a');
    await sh('git config user.email a@b.example && git commit -qm one');
    expect((await sh('git log')).out).toContain('Author: root <a@b.example>\n');
    await sh('git config --unset user.email; echo b >> a');
    expect((await sh('git commit -am two')).status).toBe(128);
    expect((await sh('git status -s')).out).toBe(' M a\n');
    await sh('git config user.email a@b.example');
    expect((await sh('git commit -am two')).out).toMatch(/^\[master [0-9a-f]{7}\] two\n 1 file changed, 1 insertion\(\+\)\n$/);
  });
});

describe('git branch, checkout, switch', () => {
  it('creates, lists, switches and deletes branches as git does', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q r && cd r && echo hi > a.txt && git add . && git commit -qm first`);
    expect(await sh('git branch feature')).toEqual({ out: '', err: '', status: 0 });
    expect((await sh('git branch')).out).toBe('  feature\n* master\n');
    expect(await sh('git checkout feature')).toEqual({ out: '', err: "Switched to branch 'feature'\n", status: 0 });
    expect((await sh('git switch master')).err).toBe("Switched to branch 'master'\n");
    expect((await sh('git switch -c topic')).err).toBe("Switched to a new branch 'topic'\n");
    expect((await sh('git checkout -b t2')).err).toBe("Switched to a new branch 't2'\n");
    expect(await sh('git checkout t2')).toEqual({ out: '', err: "Already on 't2'\n", status: 0 });
    expect(await sh('git checkout nope')).toEqual({ out: '', err: "error: pathspec 'nope' did not match any file(s) known to git\n", status: 1 });
    expect(await sh('git switch nope')).toEqual({ out: '', err: 'fatal: invalid reference: nope\n', status: 128 });
    expect(await sh('git switch')).toEqual({ out: '', err: 'fatal: missing branch or commit argument\n', status: 128 });
    expect(await sh('git branch t2')).toEqual({ out: '', err: "fatal: a branch named 't2' already exists\n", status: 128 });
    expect((await sh('git branch -d feature')).out).toMatch(/^Deleted branch feature \(was [0-9a-f]{7}\)\.\n$/);
    // local changes come along (git lists them), and stop a switch that would overwrite them
    await sh('echo local >> a.txt');
    expect(await sh('git switch master')).toEqual({ out: 'M\ta.txt\n', err: "Switched to branch 'master'\n", status: 0 });
    await sh('git stash 2>/dev/null; git commit -qam local-change-on-master');
    await sh('git switch -q topic 2>/dev/null || git switch topic');
    await sh('echo other > a.txt');
    expect(await sh('git checkout master')).toEqual({
      out: '',
      err: 'error: Your local changes to the following files would be overwritten by checkout:\n\ta.txt\nPlease commit your changes or stash them before you switch branches.\nAborting\n',
      status: 1,
    });
    expect((await sh('cat a.txt')).out).toBe('other\n');
  });

  it('switching branches changes only the files that differ, and removes the ones the target lacks', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q r && cd r && echo hi > a.txt && git add . && git commit -qm first`);
    await sh('git switch -qc more 2>/dev/null; git switch -c more; mkdir sub && echo s > sub/s && echo n > n.txt && git add . && git commit -qm more');
    await sh('git switch master');
    expect((await sh('ls')).out).toBe('a.txt\n');
    await sh('git switch more');
    expect((await sh('ls; cat sub/s')).out).toBe('a.txt\nn.txt\nsub\ns\n');
    const detached = await sh('git checkout HEAD~1');
    expect(detached.err).toContain("Note: switching to '");
    expect(detached.err).toMatch(/HEAD is now at [0-9a-f]{7} first\n$/);
    expect((await sh('git branch')).out).toMatch(/^\* \(HEAD detached at [0-9a-f]{7}\)\n  master\n  more\n$/);
    expect((await sh('git status')).out).toMatch(/^HEAD detached at [0-9a-f]{7}\nnothing to commit, working tree clean\n$/);
  });

  it('checkout -- <file> and restore bring files back from the index', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q r && cd r && echo hi > a.txt && git add . && git commit -qm first`);
    await sh('echo zz >> a.txt');
    expect(await sh('git checkout -- a.txt')).toEqual({ out: '', err: '', status: 0 });
    expect((await sh('cat a.txt')).out).toBe('hi\n');
    await sh('echo zz >> a.txt');
    expect((await sh('git checkout a.txt')).err).toBe('Updated 1 path from the index\n');
    expect((await sh('git checkout a.txt')).err).toBe('Updated 0 paths from the index\n');
    await sh('echo zz >> a.txt && git add a.txt');
    expect(await sh('git restore --staged a.txt')).toEqual({ out: '', err: '', status: 0 });
    expect((await sh('git status -s')).out).toBe(' M a.txt\n');
    await sh('git restore a.txt');
    expect((await sh('git status -s')).out).toBe('');
    expect(await sh('git restore nope')).toEqual({ out: '', err: "error: pathspec 'nope' did not match any file(s) known to git\n", status: 1 });
  });
});

describe('git remote, rev-parse, config, errors', () => {
  it('remote -v, add, and its errors', async () => {
    const { sh } = await host();
    await sh('git init -q r && cd r');
    expect(await sh('git remote -v')).toEqual({ out: '', err: '', status: 0 });
    await sh('git remote add origin https://github.com/berth-samples/friendlyhello.git');
    expect((await sh('git remote -v')).out).toBe(
      'origin\thttps://github.com/berth-samples/friendlyhello.git (fetch)\norigin\thttps://github.com/berth-samples/friendlyhello.git (push)\n',
    );
    expect((await sh('git remote')).out).toBe('origin\n');
    expect(await sh('git remote add origin x')).toEqual({ out: '', err: 'error: remote origin already exists.\n', status: 3 });
  });

  it('outside a repository, unknown commands, unknown options', async () => {
    const { sh } = await host();
    for (const c of ['status', 'log', 'add .', 'commit -m x', 'branch', 'rev-parse HEAD', 'remote -v', 'checkout x', 'switch x']) {
      expect(await sh(`git ${c}`), c).toEqual({ out: '', err: 'fatal: not a git repository (or any of the parent directories): .git\n', status: 128 });
    }
    expect(await sh('git frob')).toEqual({ out: '', err: "git: 'frob' is not a git command. See 'git --help'.\n", status: 1 });
    expect(await sh('git -C x status')).toEqual({ out: '', err: "fatal: cannot change to 'x': No such file or directory\n", status: 128 });
    expect(await sh('git config user.name X')).toEqual({ out: '', err: 'fatal: not in a git directory\n', status: 128 });
    expect(await sh('git config name')).toEqual({ out: '', err: 'error: key does not contain a section: name\n', status: 1 });
    expect((await sh('git --version')).out).toBe('git version 2.39.5\n');
    await sh('git init -q r && cd r');
    const bogus = await sh('git status --bogus');
    expect(bogus.status).toBe(129);
    expect(bogus.err).toMatch(/^error: unknown option `bogus'\nusage: git status \[<options>\] \[--\] \[<pathspec>...\]\n\n    -v, --verbose         be verbose\n/);
    expect((await sh('git clone -x foo')).err).toMatch(/^error: unknown switch `x'\nusage: git clone \[<options>\] \[--\] <repo> \[<dir>\]\n/);
    expect((await sh('git commit -m')).err).toMatch(/^error: switch `m' requires a value\nusage: git commit /);
    expect(await sh('git log --bogus')).toEqual({ out: '', err: 'fatal: unrecognized argument: --bogus\n', status: 128 });
    expect((await sh('git status -h')).status).toBe(129);
    expect((await sh('git status -h')).out).toMatch(/^usage: git status /);
    expect(await sh('git init')).toEqual({ out: 'Reinitialized existing Git repository in /root/r/.git/\n', err: '', status: 0 });
    await sh('echo x > afile');
    expect(await sh('git init afile')).toEqual({ out: '', err: 'fatal: cannot mkdir afile: File exists\n', status: 128 });
    expect(await sh('git init afile/sub')).toEqual({ out: '', err: 'fatal: cannot mkdir afile/sub: File exists\n', status: 128 });
    expect(await sh('git init -q q')).toEqual({ out: '', err: '', status: 0 });
  });
});

describe('git diff', () => {
  it('patch and --stat as git prints them for the sample app', async () => {
    const { sh } = await host();
    await sh('git clone -q https://github.com/berth-samples/friendlyhello.git && cd friendlyhello');
    await sh(`echo "# x" >> app.py; printf 'Flask\\nredis==2.10\\ngunicorn\\n' > requirements.txt; sed -i 's/EXPOSE 80/EXPOSE 8080/; s/ENV NAME World/ENV NAME Berth/' Dockerfile; printf x > nonl; git add nonl`);
    expect((await sh('git diff')).out).toBe(`diff --git a/Dockerfile b/Dockerfile
index bd5cbf2..9487453 100644
--- a/Dockerfile
+++ b/Dockerfile
@@ -11,10 +11,10 @@ ADD . /app
 RUN pip install --trusted-host pypi.python.org -r requirements.txt
 
 # Make port 80 available to the world outside this container
-EXPOSE 80
+EXPOSE 8080
 
 # Define environment variable
-ENV NAME World
+ENV NAME Berth
 
 # Run app.py when the container launches
 CMD ["python", "app.py"]
diff --git a/app.py b/app.py
index f903574..47b9f33 100644
--- a/app.py
+++ b/app.py
@@ -22,3 +22,4 @@ def hello():
 
 if __name__ == "__main__":
     app.run(host='0.0.0.0', port=80)
+# x
diff --git a/requirements.txt b/requirements.txt
index 82dfa50..732095b 100644
--- a/requirements.txt
+++ b/requirements.txt
@@ -1,2 +1,3 @@
 Flask
-Redis
+redis==2.10
+gunicorn
`);
    expect((await sh('git diff --stat')).out).toBe(` Dockerfile       | 4 ++--
 app.py           | 1 +
 requirements.txt | 3 ++-
 3 files changed, 5 insertions(+), 3 deletions(-)
`);
    expect((await sh('git diff --cached')).out).toBe(`diff --git a/nonl b/nonl
new file mode 100644
index 0000000..c1b0730
--- /dev/null
+++ b/nonl
@@ -0,0 +1 @@
+x
\\ No newline at end of file
`);
  });
});

describe('git clone', () => {
  it('clones each sample with the commit real git makes of the same files, author and date', async () => {
    const { sh } = await host();
    const ids: Record<string, string> = {
      friendlyhello: '78df4e90d013fd545a02f765e09fcaa1c2932eaf',
      sinatra: '23053027294893fd2a39d99c020bcf188e723ccf',
      'static-site': '5353c5bf77e69d8d3f8909d4d9a12b4a555dd578',
    };
    const urls = ['https://github.com/berth-samples/friendlyhello.git', 'git@github.com:berth-samples/sinatra.git', 'https://github.com/berth-samples/static-site'];
    for (const url of urls) {
      const name = url.replace(/^.*\//, '').replace(/\.git$/, '');
      expect(await sh(`git clone ${url}`)).toEqual({ out: '', err: `Cloning into '${name}'...\n`, status: 0 });
      expect((await sh(`cd ${name} && git rev-parse HEAD; cd ..`)).out).toBe(`${ids[name]}\n`);
      expect((await sh(`cd ${name} && git remote -v; cd ..`)).out).toBe(`origin\t${url} (fetch)\norigin\t${url} (push)\n`);
      expect((await sh(`cd ${name} && git status; cd ..`)).out).toBe(
        "On branch master\nYour branch is up to date with 'origin/master'.\n\nnothing to commit, working tree clean\n",
      );
    }
    expect((await sh('cat friendlyhello/requirements.txt')).out).toBe('Flask\nRedis\n');
    expect((await sh('ls friendlyhello')).out).toBe('Dockerfile\napp.py\nrequirements.txt\n');
    expect((await sh('head -2 friendlyhello/Dockerfile')).out).toBe('# Use an official Python runtime as a parent image\nFROM python:2.7-slim\n');
    expect((await sh('grep -c "gem install sinatra" sinatra/Dockerfile')).out).toBe('1\n');
    expect((await sh('cd friendlyhello && git branch -a; cd ..')).out).toBe('* master\n  remotes/origin/HEAD -> origin/master\n  remotes/origin/master\n');
    expect(await sh('git clone https://github.com/berth-samples/friendlyhello.git')).toEqual({
      out: '',
      err: "fatal: destination path 'friendlyhello' already exists and is not an empty directory.\n",
      status: 128,
    });
    expect((await sh('git clone https://github.com/berth-samples/static-site.git site2 && ls site2')).out).toBe('Dockerfile\nindex.html\n');
  });

  it('fails offline for any other repository, leaving nothing behind', async () => {
    const { sh } = await host();
    expect(await sh('git clone https://github.com/docker/getting-started.git')).toEqual({
      out: '',
      err: "Cloning into 'getting-started'...\nfatal: unable to access 'https://github.com/docker/getting-started.git/': Could not resolve host: github.com\n",
      status: 128,
    });
    expect(await sh('git clone git@gitlab.com:a/b.git')).toEqual({
      out: '',
      err:
        "Cloning into 'b'...\nssh: Could not resolve hostname gitlab.com: Temporary failure in name resolution\r\n" +
        'fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
      status: 128,
    });
    expect((await sh('git clone https://github.com/berth-samples/static-site -b dev')).err).toBe(
      "Cloning into 'static-site'...\nfatal: Remote branch dev not found in upstream origin\n",
    );
    expect((await sh('ls')).out).toBe('');
    expect((await sh('git clone')).err).toMatch(/^fatal: You must specify a repository to clone\.\n\nusage: git clone /);
  });
});

describe('git rm, show, branch -m', () => {
  it('rm refuses to lose changes, removes files and empty directories', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q s && cd s && mkdir d && echo a > a.txt && echo b > d/b && git add . && git commit -qm one`);
    await sh('echo mod >> a.txt');
    expect(await sh('git rm a.txt')).toEqual({
      out: '',
      err: 'error: the following file has local modifications:\n    a.txt\n(use --cached to keep the file, or -f to force removal)\n',
      status: 1,
    });
    expect(await sh('git rm d')).toEqual({ out: '', err: "fatal: not removing 'd' recursively without -r\n", status: 128 });
    expect(await sh('git rm nope')).toEqual({ out: '', err: "fatal: pathspec 'nope' did not match any files\n", status: 128 });
    expect(await sh('git rm --cached a.txt')).toEqual({ out: "rm 'a.txt'\n", err: '', status: 0 });
    expect((await sh('git status -s')).out).toBe('D  a.txt\n?? a.txt\n');
    await sh('git restore --staged a.txt && git checkout a.txt');
    expect(await sh('git rm -r d')).toEqual({ out: "rm 'd/b'\n", err: '', status: 0 });
    expect((await sh('git status -s; ls')).out).toBe('D  d/b\na.txt\n');
  });

  it('show prints the commit and its patch, or its diffstat', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q s && cd s && mkdir d && echo a > a.txt && echo b > d/b && git add . && git commit -qm one`);
    expect((await sh('git show')).out).toBe(`commit b2d2748324320c05890924c3fbbc09830b04db25
Author: Ada Lovelace <ada@example.com>
Date:   Sun Dec 6 10:20:00 2026 +0000

    one

diff --git a/a.txt b/a.txt
new file mode 100644
index 0000000..7898192
--- /dev/null
+++ b/a.txt
@@ -0,0 +1 @@
+a
diff --git a/d/b b/d/b
new file mode 100644
index 0000000..6178079
--- /dev/null
+++ b/d/b
@@ -0,0 +1 @@
+b
`);
    await sh('echo c >> a.txt && git commit -qam two');
    expect((await sh('git show --stat')).out).toBe(`commit a35a62ee8c6d896fd32f0177fec4a2a0448cf159
Author: Ada Lovelace <ada@example.com>
Date:   Sun Dec 6 10:20:00 2026 +0000

    two

 a.txt | 1 +
 1 file changed, 1 insertion(+)
`);
    expect((await sh('git show HEAD~1 --oneline')).out).toMatch(/^b2d2748 one\ndiff --git a\/a.txt b\/a.txt\n/);
    expect(await sh('git show --bogus')).toEqual({ out: '', err: 'fatal: unrecognized argument: --bogus\n', status: 128 });
  });

  it('branch -m renames, the current branch too', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q s && cd s && echo a > a.txt && git add . && git commit -qm one`);
    expect(await sh('git branch -m master main')).toEqual({ out: '', err: '', status: 0 });
    expect((await sh('git branch')).out).toBe('* main\n');
    expect(await sh('git branch -m x y')).toEqual({ out: '', err: "fatal: No branch named 'x'.\n", status: 128 });
    await sh('git branch -m trunk');
    expect((await sh('git status')).out).toBe('On branch trunk\nnothing to commit, working tree clean\n');
  });
});

describe('git fetch, pull, push', () => {
  it('reach the samples, fail offline elsewhere, and cannot push without credentials', async () => {
    const { sh } = await host();
    await sh('git clone -q https://github.com/berth-samples/friendlyhello.git && cd friendlyhello');
    expect(await sh('git fetch')).toEqual({ out: '', err: '', status: 0 });
    expect(await sh('git pull')).toEqual({ out: 'Already up to date.\n', err: '', status: 0 });
    expect(await sh('git push')).toEqual({ out: '', err: "fatal: could not read Username for 'https://github.com': No such device or address\n", status: 128 });
    await sh('git remote add mine https://gitlab.com/me/app.git');
    expect(await sh('git push mine')).toEqual({
      out: '',
      err: "fatal: unable to access 'https://gitlab.com/me/app.git/': Could not resolve host: gitlab.com\n",
      status: 128,
    });
    expect((await sh('git fetch nope')).err).toBe(
      "fatal: 'nope' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n",
    );
  });
});

describe('git clone of a local repository', () => {
  it('copies it: its branches become origin/*, origin is its absolute path', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q r && cd r && echo a > a && git add a && git commit -qm one && git branch feature && git switch -q -c t2 2>/dev/null; cd /root`);
    expect(await sh('git clone r lc')).toEqual({ out: '', err: "Cloning into 'lc'...\ndone.\n", status: 0 });
    expect((await sh('git -C lc remote -v')).out).toBe('origin\t/root/r (fetch)\norigin\t/root/r (push)\n');
    expect((await sh('git -C lc branch -a')).out).toBe('* t2\n  remotes/origin/HEAD -> origin/t2\n  remotes/origin/feature\n  remotes/origin/master\n  remotes/origin/t2\n');
    expect((await sh('git -C lc status')).out).toBe("On branch t2\nYour branch is up to date with 'origin/t2'.\n\nnothing to commit, working tree clean\n");
    expect((await sh('cat lc/a; git -C lc log --oneline')).out).toBe(`a\n${(await sh('git -C r rev-parse --short HEAD')).out.trim()} one\n`);
    expect(await sh('git clone nope lc3')).toEqual({ out: '', err: "fatal: repository 'nope' does not exist\n", status: 128 });
    await sh('git init -q emp');
    expect(await sh('git clone emp lc4')).toEqual({ out: '', err: "Cloning into 'lc4'...\nwarning: You appear to have cloned an empty repository.\ndone.\n", status: 0 });
  });
});

describe('git log formats', () => {
  it('-p, --stat, --graph and --decorate as git prints them', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q r && cd r && echo hi > a.txt && mkdir d && echo x > d/b && git add . && git commit -qm first`);
    await sh('echo more >> a.txt && echo new > c.txt && git add -A && git commit -qm "second change" && git branch feature2 && git switch -qc t2; cd /root');
    await sh('git clone -q r lc && cd lc && git branch zeta && git branch alpha');
    expect((await sh('git log --oneline --decorate')).out).toBe(
      'a24ec65 (HEAD -> t2, origin/t2, origin/master, origin/feature2, origin/HEAD, zeta, alpha) second change\n3cd0d40 first\n',
    );
    expect((await sh('git log --graph --oneline')).out).toBe('* a24ec65 second change\n* 3cd0d40 first\n');
    expect((await sh('git log --graph')).out).toBe(`* commit a24ec65bdd2e262f432e6de3cc73f19d14ac06b7
| Author: Ada Lovelace <ada@example.com>
| Date:   Sun Dec 6 10:20:00 2026 +0000
| 
|     second change
| 
* commit 3cd0d40570e5e93b3a95c4bc600887f2afeeb743
  Author: Ada Lovelace <ada@example.com>
  Date:   Sun Dec 6 10:20:00 2026 +0000
  
      first
`);
    expect((await sh('git log -p -1')).out).toBe(`commit a24ec65bdd2e262f432e6de3cc73f19d14ac06b7
Author: Ada Lovelace <ada@example.com>
Date:   Sun Dec 6 10:20:00 2026 +0000

    second change

diff --git a/a.txt b/a.txt
index 45b983b..65ef226 100644
--- a/a.txt
+++ b/a.txt
@@ -1 +1,2 @@
 hi
+more
diff --git a/c.txt b/c.txt
new file mode 100644
index 0000000..3e75765
--- /dev/null
+++ b/c.txt
@@ -0,0 +1 @@
+new
`);
    expect((await sh('git log --stat -2')).out).toBe(`commit a24ec65bdd2e262f432e6de3cc73f19d14ac06b7
Author: Ada Lovelace <ada@example.com>
Date:   Sun Dec 6 10:20:00 2026 +0000

    second change

 a.txt | 1 +
 c.txt | 1 +
 2 files changed, 2 insertions(+)

commit 3cd0d40570e5e93b3a95c4bc600887f2afeeb743
Author: Ada Lovelace <ada@example.com>
Date:   Sun Dec 6 10:20:00 2026 +0000

    first

 a.txt | 1 +
 d/b   | 1 +
 2 files changed, 2 insertions(+)
`);
    await sh(`printf '\\000\\001\\002' > bin && git add bin && git commit -qm bin && printf '\\000\\003' > bin`);
    expect((await sh('git show --stat')).out).toMatch(/\n\n bin \| Bin 0 -> 3 bytes\n 1 file changed, 0 insertions\(\+\), 0 deletions\(-\)\n$/);
    expect((await sh('git diff --stat')).out).toBe(' bin | Bin 3 -> 2 bytes\n 1 file changed, 0 insertions(+), 0 deletions(-)\n');
    expect((await sh('git diff')).out).toMatch(/^diff --git a\/bin b\/bin\nindex [0-9a-f]{7}\.\.[0-9a-f]{7} 100644\nBinary files a\/bin and b\/bin differ\n$/);
    await sh('git checkout -q bin; git reset -q --hard 2>/dev/null; git checkout -q -- bin');
    expect((await sh('git log --oneline --stat -2 HEAD~1')).out).toBe(
      'a24ec65 second change\n a.txt | 1 +\n c.txt | 1 +\n 2 files changed, 2 insertions(+)\n3cd0d40 first\n a.txt | 1 +\n d/b   | 1 +\n 2 files changed, 2 insertions(+)\n',
    );
  });
});

describe('git mv, renames, tags', () => {
  it('shows an exact rename as git does, in status, commit and show', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q mv && cd mv && mkdir d && echo a > a.txt && echo b > d/b && git add . && git commit -qm one`);
    expect(await sh('git mv a.txt b.txt')).toEqual({ out: '', err: '', status: 0 });
    expect((await sh('git status')).out).toBe(
      'On branch master\nChanges to be committed:\n  (use "git restore --staged <file>..." to unstage)\n\trenamed:    a.txt -> b.txt\n\n',
    );
    expect((await sh('git status -s')).out).toBe('R  a.txt -> b.txt\n');
    expect((await sh('git diff --cached')).out).toBe('diff --git a/a.txt b/b.txt\nsimilarity index 100%\nrename from a.txt\nrename to b.txt\n');
    expect((await sh('git commit -m ren')).out).toBe('[master a045486] ren\n 1 file changed, 0 insertions(+), 0 deletions(-)\n rename a.txt => b.txt (100%)\n');
    expect((await sh('git show --stat')).out).toMatch(/\n\n a.txt => b.txt \| 0\n 1 file changed, 0 insertions\(\+\), 0 deletions\(-\)\n$/);
    expect(await sh('git mv nope x')).toEqual({ out: '', err: 'fatal: bad source, source=nope, destination=x\n', status: 128 });
    expect(await sh('git mv b.txt d')).toEqual({ out: '', err: '', status: 0 });
    expect((await sh('git status -s')).out).toBe('R  b.txt -> d/b.txt\n');
    expect(await sh('git mv d/b.txt d/b')).toEqual({ out: '', err: 'fatal: destination exists, source=d/b.txt, destination=d/b\n', status: 128 });
    await sh('echo u > untracked');
    expect(await sh('git mv untracked x')).toEqual({ out: '', err: 'fatal: not under version control, source=untracked, destination=x\n', status: 128 });
    expect((await sh('git mv')).status).toBe(129);
    await sh('echo "*.log" > .gitignore; echo x > x.log; mkdir logs; echo y > logs/y.log');
    expect(await sh('git add x.log')).toEqual({
      out: '',
      err:
        'The following paths are ignored by one of your .gitignore files:\nx.log\nhint: Use -f if you really want to add them.\n' +
        'hint: Turn this message off by running\nhint: "git config advice.addIgnoredFile false"\n',
      status: 1,
    });
    expect(await sh('git add logs')).toEqual({ out: '', err: '', status: 0 });
    await sh('git add -f x.log && git add .');
    expect((await sh('git status -s')).out).toBe('A  .gitignore\nR  b.txt -> d/b.txt\nA  untracked\nA  x.log\n');
  });

  it('tags: create, list, delete, and --decorate shows them', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q mv && cd mv && mkdir d && echo a > a.txt && echo b > d/b && git add . && git commit -qm one && git mv a.txt b.txt && git commit -qm ren`);
    expect(await sh('git tag v1')).toEqual({ out: '', err: '', status: 0 });
    expect((await sh('git tag')).out).toBe('v1\n');
    expect(await sh('git tag v1')).toEqual({ out: '', err: "fatal: tag 'v1' already exists\n", status: 128 });
    expect(await sh('git tag -d v1')).toEqual({ out: "Deleted tag 'v1' (was a045486)\n", err: '', status: 0 });
    expect(await sh('git tag -d nope')).toEqual({ out: '', err: "error: tag 'nope' not found.\n", status: 1 });
    await sh('git tag v2 HEAD~1');
    expect((await sh('git tag -l')).out).toBe('v2\n');
    expect((await sh('git log --oneline --decorate')).out).toBe('a045486 (HEAD -> master) ren\nb2d2748 (tag: v2) one\n');
    expect(await sh('git tag v4 nope')).toEqual({ out: '', err: "fatal: Failed to resolve 'nope' as a valid ref.\n", status: 128 });
    await sh('git tag -a v3 -m "rel 3"');
    expect((await sh('git tag')).out).toBe('v2\nv3\n');
    expect((await sh('git log --oneline -1 v3')).out).toBe('a045486 ren\n');
    expect((await sh('git rev-parse v3')).out).not.toBe((await sh('git rev-parse HEAD')).out);
    expect((await sh('git checkout -q v3 && git rev-parse HEAD')).out).toBe('a04548635af6501f1835a7be21dce109705eff65\n');
  });
});

describe('git and the virtual clock', () => {
  it('commits at the time of the prompt, however long a background job sleeps', async () => {
    const { sh } = await host();
    await sh(`${IDENTITY} && git init -q r && cd r && echo a > a && git add a`);
    await sh('sleep 3600 &');
    await sh('git commit -qm one');
    expect((await sh('git log')).out).toContain('Date:   Sun Dec 6 10:20:00 2026 +0000\n');
    expect((await sh('date')).out).toBe('Sun Dec  6 10:20:00 UTC 2026\n');
  });
});
