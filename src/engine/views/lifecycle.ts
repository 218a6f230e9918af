// The lifecycle panel's read model: each container on its state, and the
// transitions Docker's state machine allows (the diagram's arrows).
import type { Daemon } from '../daemon.ts';
import type { ContainerStatus } from '../container/state.ts';

/** The diagram's states: Docker's, and `removed` for containers just gone. */
export type LifecycleState = ContainerStatus | 'removed';

export const LIFECYCLE_STATES: readonly LifecycleState[] = ['created', 'running', 'paused', 'restarting', 'exited', 'dead', 'removing', 'removed'];

/** Arrows of the diagram, labelled with the command (or event) that takes them. */
export const TRANSITIONS: ReadonlyArray<{ from: LifecycleState; to: LifecycleState; label: string }> = [
  { from: 'created', to: 'running', label: 'start' },
  { from: 'running', to: 'paused', label: 'pause' },
  { from: 'paused', to: 'running', label: 'unpause' },
  { from: 'running', to: 'exited', label: 'stop / kill / exit' },
  { from: 'running', to: 'restarting', label: 'exit + policy' },
  { from: 'restarting', to: 'running', label: 'restart' },
  { from: 'exited', to: 'running', label: 'start' },
  { from: 'exited', to: 'removing', label: 'rm' },
  { from: 'created', to: 'removing', label: 'rm' },
  { from: 'dead', to: 'removing', label: 'rm' },
  { from: 'removing', to: 'removed', label: '' },
];

export interface ContainerToken {
  id: string;
  name: string;
  image: string;
  state: LifecycleState;
  exitCode: number;
  restartCount: number;
  restartPolicy: string;
}

/** Every container (oldest first, so tokens keep their places) on its state. */
export function containerTokens(daemon: Daemon): ContainerToken[] {
  const out: ContainerToken[] = [];
  for (const c of daemon.containers.values()) {
    out.push({
      id: c.id,
      name: c.name,
      image: c.config.Image ?? '',
      state: c.removing ? 'removing' : c.state.Status,
      exitCode: c.state.ExitCode,
      restartCount: c.restartCount,
      restartPolicy: c.hostConfig.RestartPolicy.Name || 'no',
    });
  }
  return out;
}

/** Tokens grouped by state, in the diagram's order (the text alternative lists these). */
export function byState(tokens: readonly ContainerToken[]): Map<LifecycleState, ContainerToken[]> {
  const m = new Map<LifecycleState, ContainerToken[]>(LIFECYCLE_STATES.map((s) => [s, []]));
  for (const t of tokens) m.get(t.state)!.push(t);
  return m;
}
