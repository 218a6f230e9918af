// A container's mounted file system, reporting its changes as `fs` events
// (copy-up, create, modify, delete, whiteout, opaque) for the layers panel.
// A burst of writes to one path (a loop appending to a log) reports once per
// instant of the clock, not once per write.
import type { DaemonCore } from '../daemon.ts';
import type { UnionFs, UnionChange } from '../fs/union.ts';
import type { ContainerRecord } from './container.ts';

export function mountContainer(core: DaemonCore, c: ContainerRecord): UnionFs {
  const fs = core.layers.mount(c.rwLayer);
  let lastTime = -1;
  let lastKey = '';
  fs.onChange((change: UnionChange) => {
    const time = core.now();
    const key = `${change.kind}\0${change.path}`;
    if (time === lastTime && key === lastKey) return;
    lastTime = time;
    lastKey = key;
    core.emit({ type: 'fs', action: change.kind, containerId: c.id, path: change.path });
  });
  return fs;
}
