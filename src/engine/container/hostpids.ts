// Host PIDs: the numbers the host's process table gives a container's
// processes (State.Pid, `docker top`). One counter for the whole host, as the
// kernel's; each container process gets its number the first time the host
// looks at it and keeps it, and no two processes ever share one.
import type { Task } from '../runtime/task.ts';

export class HostPids {
  private next = 4241;
  private byTask = new WeakMap<Task, { shim: number; pids: Map<number, number> }>();

  private alloc(): number {
    return this.next++;
  }

  /** A new task: its containerd-shim, then its PID 1 (State.Pid). */
  register(task: Task): number {
    const shim = this.alloc();
    const init = this.alloc();
    this.byTask.set(task, { shim, pids: new Map([[task.init.pid, init]]) });
    return init;
  }

  /** The host PID of the task's process `nsPid`; its parent for PID 1 is the shim. */
  of(task: Task, nsPid: number): number {
    let t = this.byTask.get(task);
    if (!t) {
      t = { shim: this.alloc(), pids: new Map() };
      this.byTask.set(task, t);
    }
    if (nsPid === 0) return t.shim;
    let pid = t.pids.get(nsPid);
    if (pid === undefined) t.pids.set(nsPid, (pid = this.alloc()));
    return pid;
  }
}
