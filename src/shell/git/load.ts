// git's code (isomorphic-git and its helpers, ~86 kB gzip) loads the first
// time git runs, and not with the modules the page prefetches once its
// prompt is up: most sessions never type git. While it loads, the prompt's
// process keeps yielding, which holds the jumping clock still (tests and
// transcripts), as a module loading through engine/lazy.ts does.
import type { Program } from '../../engine/runtime/process.ts';

type GitModule = typeof import('./index.ts');

let pending: Promise<GitModule> | null = null;

/** The git module, loaded once (a failed load is tried again next time). */
export function loadGit(): Promise<GitModule> {
  pending ??= import('./index.ts').catch((err: unknown) => {
    pending = null;
    throw err;
  });
  return pending;
}

/** `git` at the host's prompt. If its code cannot be loaded (the page lost its server), 126 and why. */
export const gitProgram: Program = async (ctx) => {
  let loading = true;
  const hold = (async () => {
    while (loading) await ctx.yield();
  })().catch(() => undefined);
  let m: GitModule;
  try {
    m = await loadGit();
  } catch (err) {
    ctx.stderr.write(`${ctx.argv[0] ?? 'git'}: cannot load git: ${err instanceof Error ? err.message : String(err)}\n`);
    return 126;
  } finally {
    loading = false;
    await hold;
  }
  return m.gitProgram(ctx);
};
