// dockerd stopping and starting under systemd (Debian 12, docker-ce's
// docker.service): what the daemon does to its containers, and the lines it
// and systemd write to the journal.
//
// Stop (moby cmd/dockerd trap + daemon.Shutdown): "Processing signal
// 'terminated'", every running container stopped as `docker stop` would —
// its stop signal, then SIGKILL after its timeout, a paused one unpaused
// first — without counting as stopped by the user, then "Daemon shutdown
// complete". Start: daemon.json read (a bad file stops it before it logs
// anything; a bad registry setting once it is starting up), then restore
// starts the containers whose restart policy asks for it (moby restore:
// always; unless-stopped unless the user had stopped it; on-failure after a
// non-zero exit), and the daemon answers again.
import type { Daemon } from '../daemon.ts';
import { ENGINE_VERSION } from '../daemon.ts';
import type { Fs } from '../fs/types.ts';
import type { DaemonLogEntry } from '../config.ts';
import type { ContainerRecord } from '../container/container.ts';
import { parseSignal } from '../container/service.ts';
import { isConfigFailure, loadDaemonConfig } from './config.ts';

export const DOCKER_UNIT_DESCRIPTION = 'Docker Application Container Engine';

export type UnitState = 'active' | 'inactive' | 'failed';

/** What systemd knows of docker.service, docker.socket and containerd.service on one host. */
export interface DockerUnits {
  docker: { state: UnitState; since: number; pid: number; enabled: boolean; result: 'success' | 'exit-code' };
  socket: { state: UnitState; since: number; enabled: boolean };
  containerd: { state: UnitState; since: number; pid: number; enabled: boolean };
  /** dockerd's PIDs by the time each started (journalctl's dockerd[PID] of its lines). */
  pids: Array<{ time: number; pid: number }>;
  nextPid: number;
}

const units = new WeakMap<Daemon, DockerUnits>();

/** PID of the first dockerd after boot; the next ones follow as a busy host's would. */
const FIRST_DOCKERD_PID = 612;
const CONTAINERD_PID = 534;

/** systemd's view of this host's docker units (a running daemon at boot until told otherwise). */
export function dockerUnits(daemon: Daemon): DockerUnits {
  let u = units.get(daemon);
  if (!u) {
    const t = daemon.now();
    u = {
      docker: { state: daemon.running ? 'active' : 'inactive', since: t, pid: FIRST_DOCKERD_PID, enabled: true, result: 'success' },
      socket: { state: 'active', since: t, enabled: true },
      containerd: { state: 'active', since: t, pid: CONTAINERD_PID, enabled: true },
      pids: [{ time: -Infinity, pid: FIRST_DOCKERD_PID }],
      nextPid: FIRST_DOCKERD_PID,
    };
    units.set(daemon, u);
  }
  return u;
}

/** The PID dockerd had when it wrote a line. */
export function dockerdPidAt(daemon: Daemon, e: DaemonLogEntry): number {
  if (e.pid !== undefined) return e.pid;
  let pid = FIRST_DOCKERD_PID;
  for (const p of dockerUnits(daemon).pids) if (p.time <= e.time) pid = p.pid;
  return pid;
}

/** A line systemd writes about docker.service (`systemd[1]: …`). */
export function systemdLine(daemon: Daemon, msg: string): void {
  daemon.log.push({ time: daemon.now(), level: 'info', msg, source: 'systemd', pid: 1 });
}

function dockerdLine(daemon: Daemon, level: DaemonLogEntry['level'], msg: string, fields?: DaemonLogEntry['fields']): void {
  daemon.log.push({ time: daemon.now(), level, msg, ...(fields ? { fields } : {}), pid: dockerUnits(daemon).docker.pid });
}

const unitName = `docker.service - ${DOCKER_UNIT_DESCRIPTION}`;

/** Whether a stopped container is started again when dockerd starts (moby restore: HasBeenStartedBefore and ShouldRestart). */
function restartsWithDaemon(c: ContainerRecord): boolean {
  if (c.state.Running || c.state.StartedAt === 0) return false;
  const p = c.hostConfig.RestartPolicy;
  switch (p.Name) {
    case 'always':
      return true;
    case 'unless-stopped':
      return !c.manuallyStopped;
    case 'on-failure':
      return c.state.ExitCode !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
    default:
      return false;
  }
}

/**
 * Starts dockerd as `systemctl start docker` does (systemd's lines
 * included): true once it answers, false when it exited — the unit is then
 * failed and the journal says why. A running daemon is left as it is.
 */
export async function startDaemon(daemon: Daemon, fs: Fs): Promise<boolean> {
  const u = dockerUnits(daemon);
  if (daemon.running) {
    u.docker.state = 'active';
    return true;
  }
  if (u.containerd.state !== 'active') {
    // docker.service Wants= and After= containerd.service
    systemdLine(daemon, 'Starting containerd.service - containerd container runtime...');
    systemdLine(daemon, 'Started containerd.service - containerd container runtime.');
    Object.assign(u.containerd, { state: 'active', since: daemon.now() });
  }
  if (u.socket.state !== 'active') {
    // docker.service Requires= docker.socket
    systemdLine(daemon, 'Listening on docker.socket - Docker Socket for the API.');
    Object.assign(u.socket, { state: 'active', since: daemon.now() });
  }
  systemdLine(daemon, `Starting ${unitName}...`);
  u.nextPid = u.pids.length === 0 ? FIRST_DOCKERD_PID : u.nextPid + 1 + (u.nextPid % 7) * 97;
  u.docker.pid = u.nextPid;
  u.pids.push({ time: daemon.now(), pid: u.docker.pid });

  const loaded = loadDaemonConfig(fs);
  if (isConfigFailure(loaded)) {
    if (loaded.stage === 'start') dockerdLine(daemon, 'info', 'Starting up');
    daemon.log.push({ time: daemon.now(), level: 'error', msg: loaded.message, source: 'stderr', pid: u.docker.pid });
    systemdLine(daemon, 'docker.service: Main process exited, code=exited, status=1/FAILURE');
    systemdLine(daemon, "docker.service: Failed with result 'exit-code'.");
    systemdLine(daemon, `Failed to start ${unitName}.`);
    Object.assign(u.docker, { state: 'failed', since: daemon.now(), result: 'exit-code' });
    return false;
  }
  daemon.config = loaded.config;
  dockerdLine(daemon, 'info', 'Starting up');
  if (loaded.config.debug) dockerdLine(daemon, 'debug', 'Listener created for HTTP on fd ()');
  for (const w of loaded.warnings) dockerdLine(daemon, 'warning', w);
  dockerdLine(daemon, 'info', 'Creating a containerd client', [['address', '/run/containerd/containerd.sock'], ['timeout', '1m0s']]);
  dockerdLine(daemon, 'info', '[graphdriver] using prior storage driver: overlay2');
  dockerdLine(daemon, 'info', 'Loading containers: start.');
  daemon.running = true;
  const restart = [...daemon.containers.values()].filter(restartsWithDaemon);
  await Promise.all(
    restart.map(async (c) => {
      try {
        await daemon.containerService.start(c.id);
      } catch (e) {
        dockerdLine(daemon, 'error', 'failed to start container', [['container', c.id], ['error', e instanceof Error ? e.message : String(e)]]);
      }
    }),
  );
  dockerdLine(daemon, 'info', 'Loading containers: done.');
  dockerdLine(daemon, 'info', 'Docker daemon', [
    ['commit', ENGINE_VERSION.GitCommit],
    ['containerd-snapshotter', 'false'],
    ['storage-driver', 'overlay2'],
    ['version', ENGINE_VERSION.Version],
  ]);
  dockerdLine(daemon, 'info', 'Initializing buildkit');
  dockerdLine(daemon, 'info', 'Completed buildkit initialization');
  dockerdLine(daemon, 'info', 'Daemon has completed initialization');
  dockerdLine(daemon, 'info', 'API listen on /run/docker.sock');
  systemdLine(daemon, `Started ${unitName}.`);
  Object.assign(u.docker, { state: 'active', since: daemon.now(), result: 'success' });
  return true;
}

/**
 * Stops dockerd as `systemctl stop docker` does: SIGTERM to dockerd, its
 * running containers stopped (in parallel, each with its stop signal and
 * timeout), then the daemon gone until it starts again.
 */
export async function stopDaemon(daemon: Daemon): Promise<void> {
  const u = dockerUnits(daemon);
  if (!daemon.running) {
    if (u.docker.state === 'failed') Object.assign(u.docker, { state: 'inactive', since: daemon.now() });
    return;
  }
  systemdLine(daemon, `Stopping ${unitName}...`);
  dockerdLine(daemon, 'info', "Processing signal 'terminated'");
  const service = daemon.containerService;
  // live-restore: the containers keep running while dockerd is away (moby Shutdown returns early)
  const liveRestore = daemon.config.extra['live-restore'] === true;
  await Promise.all(
    [...daemon.containers.values()]
      .filter((c) => !liveRestore && (c.state.Running || c.state.Restarting))
      .map(async (c) => {
        // the daemon shutting down is not the user stopping it (moby killWithSignal when IsShuttingDown)
        const manuallyStopped = c.manuallyStopped;
        const timeout = c.stopTimeout ?? 10;
        const started = daemon.now();
        try {
          await service.stop(c.id);
        } catch (e) {
          dockerdLine(daemon, 'error', 'failed to shut down container', [['container', c.id], ['error', e instanceof Error ? e.message : String(e)]]);
        }
        if (daemon.now() - started >= timeout * 1000 && timeout >= 0) {
          const signal = parseSignal(c.config.StopSignal ?? 'SIGTERM') ?? 15;
          dockerdLine(daemon, 'info', `Container failed to exit within ${timeout}s of signal ${signal} - using the force`, [['container', c.id]]);
        }
        c.manuallyStopped = manuallyStopped;
      }),
  );
  dockerdLine(daemon, 'info', 'stopping event stream following graceful shutdown', [['error', '<nil>'], ['module', 'libcontainerd'], ['namespace', 'moby']]);
  dockerdLine(daemon, 'info', 'Daemon shutdown complete');
  dockerdLine(daemon, 'info', 'stopping event stream following graceful shutdown', [['error', 'context canceled'], ['module', 'libcontainerd'], ['namespace', 'plugins.moby']]);
  daemon.running = false;
  systemdLine(daemon, 'docker.service: Deactivated successfully.');
  systemdLine(daemon, `Stopped ${unitName}.`);
  Object.assign(u.docker, { state: 'inactive', since: daemon.now(), result: 'success' });
}

/** `systemctl restart docker`: stop, then start (false when the start failed). */
export async function restartDaemon(daemon: Daemon, fs: Fs): Promise<boolean> {
  await stopDaemon(daemon);
  return startDaemon(daemon, fs);
}

/**
 * The daemon's boot at the host's creation: daemon.json read as at any
 * start, the journal's first lines. The host calls it once, before the
 * first prompt; a daemon that cannot start leaves the host with docker.service failed.
 */
export async function bootDaemon(daemon: Daemon, fs: Fs): Promise<boolean> {
  const u = dockerUnits(daemon);
  daemon.running = false;
  u.pids = [];
  return startDaemon(daemon, fs);
}
