// `docker save` in the engine: the OCI image layout Docker 25+ writes (moby
// image/tarexport/save.go), tarred as go-archive's TarWithOptions walks the
// temporary directory: lexical order, root left out, uid/gid 0 and no names.
//
//   blobs/sha256/<config digest>   the image config, byte for byte (its digest is the image ID)
//   blobs/sha256/<diff id>         each layer tar (its sha256 is the layer's DiffID)
//   blobs/sha256/<v1 config>       the legacy v1 layer config (json) moby still writes per layer
//   blobs/sha256/<manifest>        the OCI image manifest
//   index.json, manifest.json, oci-layout, repositories
import type { DaemonCore } from '../../daemon.ts';
import { Errors } from '../../errors/messages.ts';
import { DaemonError } from '../../errors/errors.ts';
import { LayerTree, utf8 } from '../../layer/tree.ts';
import { DEBIAN_HOST_NAMES, NO_NAMES, layerTarBytes, layerTarChunks, type IdNames } from '../../layer/tar.ts';
import { originalTar } from './originals.ts';
import { sha256Hex } from '../../layer/sha256.ts';
import { canonicalString, familiarName, familiarString, parseReference, withDefaultTag, type Reference } from '../reference.ts';
import { lookupImage, type ImageRecord } from '../store.ts';
import { goContainerConfig, goJson } from './gojson.ts';

export const MEDIA_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const MEDIA_INDEX = 'application/vnd.oci.image.index.v1+json';
export const MEDIA_CONFIG = 'application/vnd.oci.image.config.v1+json';
export const MEDIA_LAYER = 'application/vnd.oci.image.layer.v1.tar';
export const OCI_LAYOUT = '{"imageLayoutVersion":"1.0.0"}';

interface Selected {
  image: ImageRecord;
  refs: Reference[];
}

/** moby parseNames: which images the names select, and the tags each is saved under. */
export function selectImages(core: DaemonCore, names: string[]): Selected[] {
  const out = new Map<string, Selected>();
  const add = (image: ImageRecord, ref?: Reference) => {
    let s = out.get(image.id);
    if (!s) out.set(image.id, (s = { image, refs: [] }));
    if (ref && ref.digest === undefined && ref.tag !== undefined && !s.refs.some((r) => canonicalString(r) === canonicalString(ref))) s.refs.push(ref);
  };
  for (const name of names) {
    if (name.startsWith('sha256:')) {
      // an image ID (moby: a digest, or the name "sha256" searched as an ID prefix)
      const matches = /^sha256:[a-f0-9]+$/.test(name) ? core.images.byPrefix(name) : [];
      if (matches.length !== 1) throw Errors.noSuchImage(name);
      add(matches[0]!);
      continue;
    }
    let ref: Reference | undefined;
    try {
      ref = parseReference(name);
    } catch {
      ref = undefined;
    }
    if (ref && ref.tag === undefined && ref.digest === undefined && !/^[a-f0-9]{64}$/.test(name)) {
      // a name alone: every tag of that repository, else an image ID prefix
      const assocs = core.refs.entries().filter((e) => familiarName(e.ref) === familiarName(ref!));
      if (assocs.length > 0) {
        for (const e of assocs.sort((a, b) => (canonicalString(a.ref) < canonicalString(b.ref) ? -1 : 1))) {
          const img = core.images.get(e.imageId);
          if (img) add(img, e.ref);
        }
        continue;
      }
      // is.Search: an image ID prefix, named as typed when none matches
      const matches = /^[a-f0-9]+$/.test(name) ? core.images.byPrefix(name) : [];
      if (matches.length !== 1) throw Errors.noSuchImage(name);
      add(matches[0]!);
      continue;
    }
    if (ref && (ref.tag !== undefined || ref.digest !== undefined)) {
      // a tagged or digested reference: the reference store's answer (moby rs.Get)
      const id = core.refs.get(ref);
      const img = id !== undefined ? core.images.get(id) : undefined;
      if (!img) throw new DaemonError('not-found', 'reference does not exist');
      add(img, ref);
      continue;
    }
    const found = lookupImage(core.images, core.refs, name);
    add(found.image, found.kind === 'ref' ? withDefaultTag(found.ref) : undefined);
  }
  for (const s of out.values()) {
    if (s.image.config.rootfs.diff_ids.length === 0) throw new DaemonError('system', 'empty export - not implemented');
  }
  return [...out.values()];
}

/** v1.CreateID: sha256 of the v1 config without its id, plus layer_id and parent, keys sorted. */
export function v1Id(fields: Record<string, unknown>, chainId: string, parent: string): string {
  const o: Record<string, unknown> = { ...fields, layer_id: chainId };
  delete o.id;
  if (parent) o.parent = parent;
  const sorted: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) sorted[k] = o[k];
  return sha256Hex(utf8(goJson(sorted)));
}

/** image.V1Image as json.Marshal writes it (id, parent, comment, created, ...). */
function v1Json(f: { id: string; parent: string; fields: Record<string, unknown> }): string {
  return goJson({ id: f.id, ...(f.parent ? { parent: f.parent } : {}), ...f.fields });
}

/** The V1Image fields of an image config (the top layer's legacy json). */
function v1Fields(img: ImageRecord, os: string): Record<string, unknown> {
  const raw = JSON.parse(img.configJson) as Record<string, unknown>;
  const c = img.config;
  const o: Record<string, unknown> = {};
  if (c.comment) o.comment = c.comment;
  o.created = typeof raw.created === 'string' ? raw.created : '0001-01-01T00:00:00Z';
  if (c.container) o.container = c.container;
  o.container_config = goContainerConfig(c.container_config);
  if (c.docker_version) o.docker_version = c.docker_version;
  if (c.author) o.author = c.author;
  if (raw.config) o.config = goContainerConfig(c.config);
  if (c.architecture) o.architecture = c.architecture;
  if (c.variant) o.variant = c.variant;
  if (os) o.os = os;
  return o;
}

function seconds(created: string): number {
  const t = Date.parse(created);
  return Number.isFinite(t) ? Math.floor(t / 1000) * 1000 : 0;
}

/**
 * The layer tar whose sha256 is the DiffID: the bytes it was loaded from, or
 * the tree written as the engine that hashed it wrote it (20.10's passwd
 * names, or none as from 23 on).
 */
export async function layerBlob(tree: LayerTree, diffId: string, sha256: (b: Uint8Array) => Promise<string>): Promise<Uint8Array> {
  const kept = originalTar(tree);
  if (kept) return kept;
  const known = writerOf.get(tree);
  if (known) return layerTarBytes(tree, { names: known });
  let first: Uint8Array | undefined;
  for (const names of [DEBIAN_HOST_NAMES, NO_NAMES]) {
    const b = layerTarBytes(tree, { names });
    if (`sha256:${await sha256(b)}` === diffId) {
      writerOf.set(tree, names);
      return b;
    }
    first ??= b;
  }
  return first!;
}

/** Which names reproduced a layer's DiffID (read-only layers do not change). */
const writerOf = new WeakMap<LayerTree, IdNames>();

/** Builds the save archive's directory tree (then tarred as go-archive does). */
export async function saveTree(core: DaemonCore, selected: Selected[]): Promise<LayerTree> {
  const tree = new LayerTree();
  const file = { mode: 0o644, uid: 0, gid: 0 };
  let blobsTime = 0;
  const manifest: Record<string, unknown>[] = [];
  const index: Record<string, unknown>[] = [];
  const repos = new Map<string, Map<string, string>>();
  const saved = new Set<string>();
  const tarCache = new Map<string, Uint8Array>();
  const ids = new Set(selected.map((s) => s.image.id));
  tree.addDir('blobs', { mode: 0o755 });
  tree.addDir('blobs/sha256', { mode: 0o755 });
  for (const { image: img, refs } of selected) {
    const created = seconds(img.config.created);
    const os = img.config.os;
    const diffIds = img.config.rootfs.diff_ids;
    const layerDescs: Record<string, unknown>[] = [];
    const sources: Record<string, unknown> = {};
    let parent = '';
    for (let i = 0; i < diffIds.length; i++) {
      const chainId = img.chainIds[i]!;
      // below the top, a bare V1Image whose os is set only after its ID is made
      const top = i === diffIds.length - 1;
      const bare = { created: '1970-01-01T00:00:00Z', container_config: goContainerConfig(undefined) };
      const fields: Record<string, unknown> = top ? v1Fields(img, os) : { ...bare, ...(os ? { os } : {}) };
      const id = v1Id(top ? fields : bare, chainId, parent ? `sha256:${parent}` : '');
      const layer = core.layers.get(chainId);
      if (!layer) throw Errors.noSuchImage(img.id);
      let bytes = tarCache.get(layer.diffId);
      if (!bytes) tarCache.set(layer.diffId, (bytes = await layerBlob(layer.tree, layer.diffId, (b) => core.sha256(b))));
      if (!saved.has(id)) {
        const json = v1Json({ id, parent, fields });
        tree.addFile(`blobs/sha256/${sha256Hex(utf8(json))}`, utf8(json), { ...file, mtime: created });
        const hex = layer.diffId.slice(7);
        if (!tree.lookup(`blobs/sha256/${hex}`)) {
          tree.addFile(`blobs/sha256/${hex}`, bytes, { ...file, mtime: created });
          blobsTime = created;
        }
        saved.add(id);
      }
      layerDescs.push({ mediaType: MEDIA_LAYER, digest: layer.diffId, size: bytes.length });
      sources[layer.diffId] = { mediaType: MEDIA_LAYER, size: bytes.length, digest: layer.diffId };
      parent = id;
    }
    tree.addFile(`blobs/sha256/${img.id.slice(7)}`, utf8(img.configJson), { ...file, mtime: created });
    blobsTime = created;
    const platform = { architecture: img.config.architecture, os: img.config.os, ...(img.config.variant ? { variant: img.config.variant } : {}) };
    const m = goJson({
      schemaVersion: 2,
      mediaType: MEDIA_MANIFEST,
      config: { mediaType: MEDIA_CONFIG, digest: img.id, size: utf8(img.configJson).length, platform },
      layers: layerDescs,
    });
    const mDigest = `sha256:${sha256Hex(utf8(m))}`;
    tree.addFile(`blobs/sha256/${mDigest.slice(7)}`, utf8(m), { ...file, mtime: 0 });
    for (const ref of refs) {
      const name = familiarName(ref);
      if (!repos.has(name)) repos.set(name, new Map());
      repos.get(name)!.set(ref.tag!, diffIds[diffIds.length - 1]!.slice(7));
      index.push({
        mediaType: MEDIA_MANIFEST,
        digest: mDigest,
        size: utf8(m).length,
        annotations: { 'io.containerd.image.name': canonicalString(ref), 'org.opencontainers.image.ref.name': ref.tag! },
        platform,
      });
    }
    manifest.push({
      Config: `blobs/sha256/${img.id.slice(7)}`,
      RepoTags: refs.length > 0 ? refs.map(familiarString) : null,
      Layers: diffIds.map((d) => `blobs/sha256/${d.slice(7)}`),
      ...(img.parent && ids.has(img.parent) ? { Parent: img.parent } : {}),
      LayerSources: sources,
    });
  }
  tree.lookup('blobs')!.mtime = blobsTime;
  tree.lookup('blobs/sha256')!.mtime = 0;
  if (repos.size > 0) {
    const obj: Record<string, Record<string, string>> = {};
    for (const name of [...repos.keys()].sort()) {
      const tags = repos.get(name)!;
      obj[name] = Object.fromEntries([...tags.keys()].sort().map((t) => [t, tags.get(t)!]));
    }
    tree.addFile('repositories', utf8(goJson(obj) + '\n'), { ...file, mtime: 0 });
  }
  tree.addFile('manifest.json', utf8(goJson(manifest) + '\n'), { ...file, mtime: 0 });
  tree.addFile('oci-layout', utf8(OCI_LAYOUT), { ...file, mtime: 0 });
  tree.addFile('index.json', utf8(goJson({ schemaVersion: 2, mediaType: MEDIA_INDEX, manifests: index.length > 0 ? index : null })), {
    ...file,
    mtime: Math.floor(core.now() / 1000) * 1000,
  });
  return tree;
}

/** docker save: the archive's bytes, in chunks. */
export async function saveArchive(core: DaemonCore, names: string[]): Promise<Generator<Uint8Array>> {
  const selected = selectImages(core, names);
  const tree = await saveTree(core, selected);
  for (const s of selected) core.emit({ type: 'image', action: 'save', id: s.image.id });
  return layerTarChunks(tree, { names: NO_NAMES });
}
