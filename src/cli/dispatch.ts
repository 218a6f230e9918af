// `docker ARGS...`: the entry point the host's `docker` program calls. The
// CLI itself (docker.ts: the command tree, flags, help, formats) is a module
// of its own, loaded on first use (engine/lazy.ts); the page prefetches it
// once the prompt is up, so the first command does not wait for it.
import type { CliContext } from './command.ts';
import { lazyModule } from '../engine/lazy.ts';
import { CliError } from './command.ts';
import type { Daemon } from '../engine/daemon.ts';

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
  return docker.runDocker(argv, await reachDaemon(ctx));
}

/** docker/cli's error when nothing answers on the daemon's socket. */
export const DAEMON_UNREACHABLE = 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?';

/**
 * The daemon as the CLI finds it. dockerd stopped but docker.socket still
 * listening: systemd starts it at the connection (socket activation).
 * Stopped for good: the commands run (flags, help, `docker --version` need
 * no daemon), but the first use of the daemon fails as docker/cli's
 * connection does, exit 1; `running` still reads false, for the commands
 * that print their client part first (version, info).
 */
async function reachDaemon(ctx: CliContext): Promise<CliContext> {
  const daemon = ctx.daemon as Partial<Daemon> | undefined;
  // the page's first script carries the CLI's entry point but not the engine: dockerd's code loads when it is needed
  if (typeof daemon?.running !== 'boolean' || daemon.running) return ctx;
  const { dockerUnits, startDaemon } = await import('../engine/dockerd/lifecycle.ts');
  const d = daemon as Daemon;
  if (dockerUnits(d).socket.state === 'active' && ctx.host && (await startDaemon(d, ctx.host.fs))) return ctx;
  const unreachable = new Proxy(daemon, {
    get(target, key) {
      if (key === 'running') return false;
      throw new CliError(DAEMON_UNREACHABLE, 1);
    },
  });
  return { ...ctx, daemon: unreachable, server: null };
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
