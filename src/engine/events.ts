// Every change in the engine is an event; panels, lessons and persistence
// listen here and read `snapshot()`, never the stores.

export type ImageAction = 'pull' | 'tag' | 'untag' | 'delete' | 'import' | 'load' | 'save' | 'push' | 'prune';
export type ContainerAction =
  | 'create'
  | 'start'
  | 'restart'
  | 'die'
  | 'stop'
  | 'kill'
  | 'pause'
  | 'unpause'
  | 'rename'
  | 'destroy'
  | 'commit'
  | 'exec_create'
  | 'exec_start'
  | 'exec_die'
  | 'attach'
  | 'health_status'
  | 'prune';

export type EngineEvent =
  | { type: 'image'; action: ImageAction; id: string; ref?: string; time: number }
  | {
      type: 'container';
      action: ContainerAction;
      id: string;
      name: string;
      image: string;
      time: number;
      exitCode?: number;
      signal?: number;
      /** exec_create, exec_start, exec_die: which exec, and its command line (moby prints `exec_start: <command>`). */
      exec?: { id: string; command: string };
      /** health_status: the new status (moby prints `health_status: healthy`). */
      health?: 'starting' | 'healthy' | 'unhealthy';
    }
  | {
      type: 'fs';
      action: 'copy-up' | 'create' | 'modify' | 'delete' | 'whiteout' | 'opaque';
      containerId: string;
      path: string;
      time: number;
    }
  | { type: 'log'; containerId: string; stream: 'stdout' | 'stderr'; text: string; time: number };

export type Listener = (e: EngineEvent) => void;

export class EventBus {
  private listeners = new Set<Listener>();

  on(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(e: EngineEvent): void {
    for (const l of this.listeners) l(e);
  }
}
