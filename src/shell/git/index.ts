// `git` at Berth's host prompt: the everyday subcommands over the host's
// files, backed by isomorphic-git. Loaded on first use (shell/programs.ts).
import './buffer.ts';
import type { Program, ProcessContext } from '../../engine/runtime/process.ts';
import { gitFs } from './fs.ts';
import { FsError } from '../../engine/fs/types.ts';
import { GitExit, resolvePath, type GitRun } from './run.ts';
import { add } from './commands/add.ts';
import { branch, checkout } from './commands/branch.ts';
import { clone } from './commands/clone.ts';
import { commit } from './commands/commit.ts';
import { config } from './commands/config.ts';
import { diff } from './commands/diff.ts';
import { init } from './commands/init.ts';
import { log } from './commands/log.ts';
import { mv } from './commands/mv.ts';
import { tag } from './commands/tag.ts';
import { remote } from './commands/remote.ts';
import { fetch, pull, push } from './commands/remote-io.ts';
import { restore } from './commands/restore.ts';
import { revParse } from './commands/revparse.ts';
import { rm } from './commands/rm.ts';
import { show } from './commands/show.ts';
import { status } from './commands/status.ts';

const VERSION = 'git version 2.39.5\n';

const COMMANDS: Record<string, (run: GitRun, argv: string[]) => Promise<number>> = {
  add,
  branch,
  checkout: (run, argv) => checkout(run, argv, 'checkout'),
  clone,
  commit,
  config,
  diff,
  fetch,
  init,
  log,
  pull,
  push,
  mv,
  remote,
  restore,
  'rev-parse': revParse,
  rm,
  show,
  status,
  switch: (run, argv) => checkout(run, argv, 'switch'),
  tag,
  version: async (run) => (run.out(VERSION), 0),
  // `git help` alone lists the common commands; a command's manual is not there to open
  help: async (run, argv) => {
    if (!argv.length) return run.out(USAGE_MAIN), 0;
    run.err(`git help: the manual pages are not simulated by Berth\n`);
    return 1;
  },
};

/** git's own commands Berth does not simulate (they are not "not a git command"). */
const UNSIMULATED = new Set([
  'am', 'apply', 'archive', 'bisect', 'blame', 'bundle', 'cherry-pick', 'clean', 'describe', 'format-patch', 'gc',
  'grep', 'merge', 'notes', 'rebase', 'reflog', 'reset', 'revert', 'shortlog',
  'sparse-checkout', 'stash', 'submodule', 'worktree', 'cat-file', 'ls-files', 'ls-remote', 'ls-tree',
]);

export const USAGE_MAIN = `usage: git [-v | --version] [-h | --help] [-C <path>] [-c <name>=<value>]
           [--exec-path[=<path>]] [--html-path] [--man-path] [--info-path]
           [-p | --paginate | -P | --no-pager] [--no-replace-objects] [--bare]
           [--git-dir=<path>] [--work-tree=<path>] [--namespace=<name>]
           [--super-prefix=<path>] [--config-env=<name>=<envvar>]
           <command> [<args>]

These are common Git commands used in various situations:

start a working area (see also: git help tutorial)
   clone     Clone a repository into a new directory
   init      Create an empty Git repository or reinitialize an existing one

work on the current change (see also: git help everyday)
   add       Add file contents to the index
   mv        Move or rename a file, a directory, or a symlink
   restore   Restore working tree files
   rm        Remove files from the working tree and from the index

examine the history and state (see also: git help revisions)
   bisect    Use binary search to find the commit that introduced a bug
   diff      Show changes between commits, commit and working tree, etc
   grep      Print lines matching a pattern
   log       Show commit logs
   show      Show various types of objects
   status    Show the working tree status

grow, mark and tweak your common history
   branch    List, create, or delete branches
   commit    Record changes to the repository
   merge     Join two or more development histories together
   rebase    Reapply commits on top of another base tip
   reset     Reset current HEAD to the specified state
   switch    Switch branches
   tag       Create, list, delete or verify a tag object signed with GPG

collaborate (see also: git help workflows)
   fetch     Download objects and refs from another repository
   pull      Fetch from and integrate with another repository or a local branch
   push      Update remote refs along with associated objects

'git help -a' and 'git help -g' list available subcommands and some
concept guides. See 'git help <command>' or 'git help <concept>'
to read about a specific subcommand or concept.
See 'git help git' for an overview of the system.
`;

export const gitProgram: Program = async (ctx: ProcessContext) => {
  const run: GitRun = {
    fs: ctx.fs,
    gfs: gitFs(ctx.fs),
    cwd: ctx.cwd,
    env: ctx.env,
    hostname: ctx.hostname,
    now: () => ctx.now(),
    out: (t) => ctx.stdout.write(t),
    err: (t) => ctx.stderr.write(t),
    cache: {},
  };
  const argv = ctx.argv.slice(1);
  // global options before the command
  while (argv.length && argv[0]!.startsWith('-')) {
    const a = argv.shift()!;
    if (a === '--version' || a === '-v') return (run.out(VERSION), 0);
    if (a === '-h' || a === '--help') return (run.out(USAGE_MAIN), 0);
    if (a === '--no-pager' || a === '-P' || a === '--paginate' || a === '-p') continue;
    if (a === '-C') {
      const to = argv.shift();
      if (to === undefined) return (run.err('error: no directory given for -C\n\n' + USAGE_MAIN), 129);
      const dir = resolvePath(run.cwd, to);
      if (!ctx.fs.exists(dir) || ctx.fs.stat(dir).type !== 'dir') {
        run.err(`fatal: cannot change to '${to}': ${ctx.fs.exists(dir) ? 'Not a directory' : 'No such file or directory'}\n`);
        return 128;
      }
      run.cwd = dir;
      continue;
    }
    run.err(`unknown option: ${a}\n${USAGE_MAIN.split('\n\n')[0]}\n`);
    return 129;
  }
  const [name, ...rest] = argv;
  if (name === undefined) return (run.out(USAGE_MAIN), 1);
  const command = COMMANDS[name];
  if (!command) {
    if (UNSIMULATED.has(name)) run.err(`git: '${name}' is not simulated by Berth\n`);
    else run.err(`git: '${name}' is not a git command. See 'git --help'.\n`);
    return 1;
  }
  // isomorphic-git hashes with crypto.subtle, whose answers come from
  // outside the simulated machine: while it works, the prompt's process keeps
  // yielding (a foreground yield holds the jumping clock still), so no
  // timer fires early in the middle of a commit
  let working = true;
  const hold = (async () => {
    while (working) await ctx.yield();
  })().catch(() => undefined);
  try {
    return await command(run, rest);
  } catch (err) {
    if (err instanceof GitExit) {
      run.out(err.stdout);
      run.err(err.stderr);
      return err.status;
    }
    // isomorphic-git's own errors (a corrupt object, a file system refusal): git's fatal, never a stack trace
    if (err instanceof FsError) run.err(`fatal: ${err.path}: ${err.description}\n`);
    else run.err(`fatal: ${err instanceof Error ? err.message : String(err)}\n`);
    return 128;
  } finally {
    working = false;
    await hold;
  }
};

export { cloneForBuild } from './context.ts';
