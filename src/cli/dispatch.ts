// `docker ARGS...`: the entry point the host's `docker` program calls. The
// CLI itself (docker.ts: the command tree, flags, help, formats) is a module
// of its own, loaded on first use (engine/lazy.ts); the page prefetches it
// once the prompt is up, so the first command does not wait for it.
import type { CliContext } from './command.ts';
import { lazyModule } from '../engine/lazy.ts';

const cli = lazyModule('the docker CLI', () => import('./docker.ts'), { first: true });

/** Runs one `docker` command line (argv without the leading `docker`); resolves to the exit status. */
export async function runDocker(argv: string[], ctx: CliContext): Promise<number> {
  let docker: typeof import('./docker.ts');
  try {
    docker = cli.value ?? (await cli.load());
  } catch (e) {
    // the page lost its server since it loaded: say so, as a binary that cannot run
    ctx.stderr.write(`docker: cannot load ${cli.name}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 126;
  }
  return docker.runDocker(argv, ctx);
}

/** The loaded CLI module (docker.ts): its command tree and help helpers. */
export type LoadedCli = typeof import('./docker.ts');

/**
 * The CLI (for Tab completion: its command tree and flags) once loaded;
 * null before, and the load starts, so completion offers docker's words a moment later.
 */
export function loadedCli(): LoadedCli | null {
  if (!cli.value) {
    void cli.load().catch(() => undefined);
    return null;
  }
  return cli.value;
}
