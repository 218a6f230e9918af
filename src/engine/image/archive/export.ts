// `docker export` in the engine (moby daemon/export.go): the container's
// merged file system (image layers, init layer, read-write layer) as one
// tar, written as go-archive writes it in Docker 23+ (no user names).
import type { DaemonCore } from '../../daemon.ts';
import { Errors } from '../../errors/messages.ts';
import { DaemonError } from '../../errors/errors.ts';
import { containerFs, readTree } from '../../container/archive.ts';
import { NO_NAMES, layerTarChunks } from '../../layer/tar.ts';

export function exportContainer(core: DaemonCore, ref: string): Generator<Uint8Array> {
  const c = core.container(ref);
  if (c.removing) throw new DaemonError('conflict', `container is marked for removal and cannot be "exported"`);
  if (c.state.Dead) throw Errors.noSuchContainer(ref);
  const tree = readTree(containerFs(core, c), '/', '.', false);
  return layerTarChunks(tree, { names: NO_NAMES });
}
