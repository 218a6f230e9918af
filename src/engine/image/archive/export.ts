// `docker export` in the engine (moby daemon/export.go): the container's
// root file system as its layers stack it (read-write layer, init layer,
// image layers), without what is mounted over it at run time (/proc, /sys,
// the bind-mounted /etc/hosts ...), written as go-archive writes it in
// Docker 23+ (no user names).
import type { DaemonCore } from '../../daemon.ts';
import { Errors } from '../../errors/messages.ts';
import { DaemonError } from '../../errors/errors.ts';
import { readTree } from '../../container/archive.ts';
import { UnionFs } from '../../fs/union.ts';
import { NO_NAMES, layerTarChunks } from '../../layer/tar.ts';
import { LayerTree } from '../../layer/tree.ts';

/**
 * The init layer as moby's initlayer.Setup makes it: mount points, and
 * empty placeholders for the files bind-mounted over it (mode 0755).
 */
export function mobyInitLayer(created: number): LayerTree {
  const t = new LayerTree();
  const meta = { mode: 0o755, mtime: created };
  for (const d of ['dev', 'dev/pts', 'dev/shm', 'proc', 'sys', 'etc']) t.addDir(d, meta);
  for (const f of ['.dockerenv', 'dev/console', 'etc/hostname', 'etc/hosts', 'etc/resolv.conf']) t.addFile(f, new Uint8Array(0), meta);
  t.addSymlink('etc/mtab', '/proc/mounts', { mtime: created });
  return t;
}

export function exportContainer(core: DaemonCore, ref: string): Generator<Uint8Array> {
  const c = core.container(ref);
  if (c.removing) throw new DaemonError('conflict', `container is marked for removal and cannot be "exported"`);
  if (c.state.Dead) throw Errors.noSuchContainer(ref);
  const image = core.layers
    .rwParents(c.rwLayer)
    .map((id) => core.layers.get(id)!.tree)
    .reverse();
  const fs = new UnionFs([core.layers.rwTree(c.rwLayer), mobyInitLayer(c.created), ...image], { clock: core.clock });
  return layerTarChunks(readTree(fs, '/', '.', false), { names: NO_NAMES });
}
