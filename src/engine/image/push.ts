// docker push, after moby's distribution.Push and v2Pusher: every tag of the
// repository (or the one named), layers top first, each skipped when the
// registry has it, mounted when another repository of the registry does,
// uploaded otherwise; then the manifest, and a digest reference kept locally.
import type { DaemonCore } from '../daemon.ts';
import { Errors } from '../errors/messages.ts';
import { layerDigest } from '../registry/catalogue/build.ts';
import type { LayerTree } from '../layer/tree.ts';
import type { RemoteLayer, RepositoryWriter } from '../registry/registry.ts';
import { canonicalString, familiarName, familiarString, fullName, parseReference, type Reference } from './reference.ts';

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG_V1 = 'application/vnd.docker.container.image.v1+json';
const LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';
/** moby's default max-concurrent-uploads: later layers show "Waiting". */
const MAX_CONCURRENT_UPLOADS = 5;

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

/** Layers pushed (or found) during one push: later tags need not check again (moby's pushState). */
type PushState = Map<string, RemoteLayer>;

/**
 * Pushes a tag, or every tag of a repository when `text` names none.
 * Progress lines are Docker's without a terminal; errors after the first
 * line are the stream's (the CLI prints them without "Error response from daemon").
 */
export async function pushImage(core: DaemonCore, text: string, progress: (line: string) => void): Promise<void> {
  const ref = parseReference(text);
  const name = fullName(ref);
  progress(`The push refers to repository [${name}]`);
  const associations = core.refs
    .entries()
    .filter((e) => fullName(e.ref) === name)
    .sort((a, b) => (canonicalString(a.ref) < canonicalString(b.ref) ? -1 : 1));
  if (associations.length === 0) throw Errors.tagNotExist(familiarName(ref));
  const writer = await core.opts.registry.openPush(ref);
  const state: PushState = new Map();
  if (ref.digest !== undefined) throw Errors.cannotPushDigest();
  if (ref.tag !== undefined) {
    const id = core.refs.get(ref);
    if (id === undefined) throw Errors.pushTagNotExist(familiarString(ref));
    await pushTag(core, writer, state, ref, id, progress);
  } else {
    const tagged = associations.filter((e) => e.ref.tag !== undefined && e.ref.digest === undefined);
    if (tagged.length === 0) throw Errors.noTagsToPush(familiarName(ref));
    for (const e of tagged) await pushTag(core, writer, state, e.ref, e.imageId, progress);
  }
  core.emit({ type: 'image', action: 'push', id: familiarString(ref), ref: familiarName(ref) });
}

async function pushTag(
  core: DaemonCore,
  writer: RepositoryWriter,
  state: PushState,
  ref: Reference,
  id: string,
  progress: (line: string) => void,
): Promise<void> {
  const img = core.images.get(id);
  if (!img) throw Errors.noSuchImage(familiarString(ref));
  // moby walks from the top layer down
  const layers = img.chainIds.map((c) => core.layers.get(c)!).reverse();
  layers.forEach((l) => progress(`${short(l.diffId)}: Preparing`));
  layers.forEach((l, i) => {
    if (i >= MAX_CONCURRENT_UPLOADS) progress(`${short(l.diffId)}: Waiting`);
  });
  const pushed: RemoteLayer[] = [];
  for (const l of layers) {
    const { layer, status } = await uploadLayer(core, writer, state, ref, l.diffId, l.tree);
    progress(`${short(l.diffId)}: ${status}`);
    pushed.push(layer);
  }
  pushed.reverse();
  // schema2.FromStruct marshals with three spaces of indent
  const json = JSON.stringify(
    {
      schemaVersion: 2,
      mediaType: MANIFEST_V2,
      config: { mediaType: CONFIG_V1, size: new TextEncoder().encode(img.configJson).length, digest: img.id },
      layers: pushed.map((l) => ({ mediaType: LAYER_GZIP, size: l.size, digest: l.digest })),
    },
    null,
    3,
  );
  const digest = `sha256:${await core.sha256(json)}`;
  await writer.putManifest(ref.tag!, { digest, json, configJson: img.configJson, layers: pushed });
  progress(`${ref.tag}: digest: ${digest} size: ${new TextEncoder().encode(json).length}`);
  // addDigestReference: an existing digest reference is never moved
  const digestRef: Reference = { domain: ref.domain, path: ref.path, digest };
  if (core.refs.get(digestRef) === undefined) core.refs.set(digestRef, id);
}

async function uploadLayer(
  core: DaemonCore,
  writer: RepositoryWriter,
  state: PushState,
  ref: Reference,
  diffId: string,
  tree: LayerTree,
): Promise<{ layer: RemoteLayer; status: string }> {
  const done = state.get(diffId);
  if (done) return { layer: done, status: 'Layer already exists' };
  const repository = fullName(ref);
  const known = core.blobSources.get(diffId);
  const finish = (digest: string, size: number, status: string) => {
    const layer: RemoteLayer = { digest, diffId, size, tree: () => tree };
    state.set(diffId, layer);
    core.blobSources.add(diffId, { digest, size, repository });
    return { layer, status };
  };
  // layerAlreadyExists: a blob this layer is known as, already in the target repository
  for (const k of known) {
    if (await writer.hasBlob(k.digest)) return finish(k.digest, k.size, 'Layer already exists');
  }
  // mount candidates: the same blob in another repository of this registry
  for (const k of known) {
    const from = parseReference(k.repository);
    if (from.domain !== ref.domain || k.repository === repository) continue;
    if (await writer.mountBlob(k.digest, from.path)) return finish(k.digest, k.size, `Mounted from ${from.path}`);
  }
  // upload: Berth's gzip is deterministic, so a blob already known is the one compression would give
  const blob = known[0] ?? (await core.clock.track(layerDigest(tree)));
  const layer: RemoteLayer = { digest: blob.digest, diffId, size: blob.size, tree: () => tree };
  await writer.putBlob(layer);
  return finish(blob.digest, blob.size, 'Pushed');
}
