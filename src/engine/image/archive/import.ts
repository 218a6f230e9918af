// `docker import` in the engine (moby daemon/images/image_import.go): a tar
// (or tar.gz) becomes one layer, under a config with no parent and a
// one-entry history whose comment is the message or "Imported from <src>".
import type { DaemonCore } from '../../daemon.ts';
import { DaemonError } from '../../errors/errors.ts';
import type { ImageService } from '../service.ts';
import { rfc3339Nano, serializeImageConfig, type ImageConfig, type RunConfig } from '../config.ts';
import { parseReference, withDefaultTag } from '../reference.ts';
import { LayerTarError, readLayerTar } from '../../layer/tar.ts';
import { sha256Hex } from '../../layer/sha256.ts';
import { GzipError, gunzipIfNeeded } from './gzip.ts';
import { goContainerConfig } from './gojson.ts';
import { LOAD_LIMITS } from './load.ts';
import { rememberTar } from './originals.ts';

export interface ImportOptions {
  /** REPOSITORY[:TAG] to tag the image with. */
  ref?: string;
  message?: string;
  /** The config after `--change` (BuildFromConfig over an empty config). */
  config?: RunConfig;
  /** What the daemon names the source: "-" for an upload (a file or stdin), else the URL. */
  source?: string;
}

const fail = (m: string) => new DaemonError('invalid-parameter', m);

/** Returns the new image's ID. Nothing is stored when the archive is refused. */
export async function importImage(core: DaemonCore, images: ImageService, input: Uint8Array, o: ImportOptions = {}): Promise<string> {
  let ref;
  if (o.ref) {
    ref = withDefaultTag(parseReference(o.ref));
    if (ref.digest !== undefined) throw fail('cannot import digest reference');
  }
  let bytes: Uint8Array;
  let tree;
  try {
    bytes = await gunzipIfNeeded(input);
    tree = await readLayerTar(bytes, { ...LOAD_LIMITS, now: core.now() });
  } catch (e) {
    if (e instanceof LayerTarError || e instanceof GzipError) {
      throw fail(e.message === 'unexpected end of archive' ? 'unexpected EOF' : e.message);
    }
    throw e;
  }
  const diffId = `sha256:${await core.sha256(bytes)}`;
  const msg = o.message || `Imported from ${o.source ?? '-'}`;
  const created = rfc3339Nano(core.now());
  const config: ImageConfig = {
    architecture: 'amd64',
    comment: msg,
    config: goContainerConfig(o.config) as RunConfig,
    container_config: goContainerConfig(undefined) as RunConfig,
    created,
    docker_version: '28.2.2',
    history: [{ created, comment: msg }],
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [diffId] },
  };
  const configJson = serializeImageConfig(config);
  const id = `sha256:${sha256Hex(new TextEncoder().encode(configJson))}`;
  const layer = await core.layers.register(tree, undefined, diffId);
  rememberTar(layer.tree, bytes);
  if (!core.images.has(id)) {
    core.layers.retain(layer.chainId);
    core.images.add({ id, configJson, config, chainIds: [layer.chainId], parent: '', size: layer.size, added: core.now() });
  }
  core.emit({ type: 'image', action: 'import', id });
  if (ref) images.tag(id, o.ref!, 'import');
  return id;
}
