// The container state machine, with Docker's states and status strings.
import { humanDuration } from './duration.ts';
import { healthText, type HealthState } from './health.ts';

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerState {
  Status: ContainerStatus;
  Running: boolean;
  Paused: boolean;
  Restarting: boolean;
  OOMKilled: boolean;
  Dead: boolean;
  Pid: number;
  ExitCode: number;
  Error: string;
  /** ms since the epoch; 0 = never (Go's zero time). */
  StartedAt: number;
  FinishedAt: number;
  /** Present once a container with a health check has started (moby's State.Health). */
  Health?: HealthState;
}

export function initialState(): ContainerState {
  return {
    Status: 'created',
    Running: false,
    Paused: false,
    Restarting: false,
    OOMKilled: false,
    Dead: false,
    Pid: 0,
    ExitCode: 0,
    Error: '',
    StartedAt: 0,
    FinishedAt: 0,
  };
}

/** The STATUS column of `docker ps` (moby container.State.String). */
export function statusText(s: ContainerState, now: number, removing = false): string {
  if (s.Running) {
    if (s.Paused) return `Up ${humanDuration(now - s.StartedAt)} (Paused)`;
    if (s.Restarting) return `Restarting (${s.ExitCode}) ${humanDuration(now - s.FinishedAt)} ago`;
    if (s.Health) return `Up ${humanDuration(now - s.StartedAt)} (${healthText(s.Health)})`;
    return `Up ${humanDuration(now - s.StartedAt)}`;
  }
  if (removing) return 'Removal In Progress';
  if (s.Dead) return 'Dead';
  if (s.StartedAt === 0) return 'Created';
  if (s.FinishedAt === 0) return '';
  return `Exited (${s.ExitCode}) ${humanDuration(now - s.FinishedAt)} ago`;
}

export function setRunning(s: ContainerState, pid: number, now: number): void {
  s.Status = 'running';
  s.Running = true;
  s.Paused = false;
  s.Restarting = false;
  s.Dead = false;
  s.Pid = pid;
  s.ExitCode = 0;
  s.Error = '';
  s.StartedAt = now;
}

export function setStopped(s: ContainerState, exitCode: number, now: number): void {
  s.Status = 'exited';
  s.Running = false;
  s.Paused = false;
  s.Restarting = false;
  s.Pid = 0;
  s.ExitCode = exitCode;
  s.FinishedAt = now;
}

export function setRestarting(s: ContainerState, exitCode: number, now: number): void {
  s.Status = 'restarting';
  s.Running = true;
  s.Paused = false;
  s.Restarting = true;
  s.Pid = 0;
  s.ExitCode = exitCode;
  s.FinishedAt = now;
}

export function setPaused(s: ContainerState, paused: boolean): void {
  s.Paused = paused;
  s.Status = paused ? 'paused' : 'running';
}
