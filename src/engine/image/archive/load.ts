// `docker load` in the engine (moby image/tarexport/load.go): the archive is
// read whole, every image and layer in it checked (paths, sizes, entry
// types, each layer's sha256 against the DiffID its config names) before
// anything reaches the stores, so a refused archive changes nothing.
// manifest.json drives the load, so the OCI layout of Docker 25+ and the
// older `<v1-id>/layer.tar` layout load alike.
import type { DaemonCore } from '../../daemon.ts';
import { DaemonError } from '../../errors/errors.ts';
import type { ImageService } from '../service.ts';
import type { ImageConfig } from '../config.ts';
import { familiarString, parseReference, type Reference } from '../reference.ts';
import { LayerTarError, readLayerTar, type TarReadOptions } from '../../layer/tar.ts';
import type { Entry, LayerTree } from '../../layer/tree.ts';
import { readContent } from '../../layer/tree.ts';
import { sha256Hex } from '../../layer/sha256.ts';
import { GzipError, gunzipIfNeeded } from './gzip.ts';
import { rememberTar } from './originals.ts';

/** Limits on what an archive may declare (moby has none; a browser tab needs them). */
export const LOAD_LIMITS: Required<Pick<TarReadOptions, 'maxFileSize' | 'maxTotalSize' | 'maxEntries'>> = {
  maxFileSize: 512 << 20,
  maxTotalSize: 1 << 30,
  maxEntries: 1_000_000,
};

const fail = (m: string) => new DaemonError('invalid-parameter', m);

interface ManifestItem {
  Config: string;
  RepoTags: string[] | null;
  Layers: string[];
  /** The image's parent, when the archive holds it too. */
  Parent?: string;
}

interface Prepared {
  id: string;
  configJson: string;
  config: ImageConfig;
  layers: Array<{ diffId: string; tree: LayerTree; bytes: Uint8Array }>;
  tags: Reference[];
  parent: string;
}

/** The temporary directory moby untars into: its name shows in some errors. */
function tmpDir(core: DaemonCore): string {
  const n = parseInt(sha256Hex(new TextEncoder().encode(String(core.now()))).slice(0, 8), 16) % 4294967295;
  return `/var/lib/docker/tmp/docker-import-${n}`;
}

function fileOf(outer: LayerTree, path: string, dir: string): Uint8Array {
  const clean = path.split('/').filter((p) => p !== '' && p !== '.');
  const out: string[] = [];
  for (const p of clean) {
    if (p === '..') out.pop();
    else out.push(p);
  }
  const e: Entry | undefined = outer.lookup(out.join('/'));
  if (!e || e.kind === 'whiteout') throw fail(`open ${dir}/${out.join('/')}: no such file or directory`);
  if (e.kind === 'dir') throw fail(`read ${dir}/${out.join('/')}: is a directory`);
  if (e.kind === 'symlink') throw fail(`open ${dir}/${out.join('/')}: symbolic links are not followed in an image archive`);
  return readContent(e);
}

function refuseOuterSymlinks(tree: LayerTree): void {
  for (const [path, e] of tree.walk()) {
    if (e.kind === 'symlink' && e.data !== null && String(e.data).startsWith('/')) {
      throw fail(`Error processing tar file(exit status 1): "${path}" is a symlink to an absolute path "${String(e.data)}", outside of the archive`);
    }
  }
}

/** Reads and checks an archive; nothing is stored yet. */
export async function prepareLoad(core: DaemonCore, input: Uint8Array): Promise<Prepared[]> {
  const dir = tmpDir(core);
  let outer: LayerTree;
  try {
    outer = await readLayerTar(await gunzipIfNeeded(input), LOAD_LIMITS);
  } catch (e) {
    if (e instanceof LayerTarError || e instanceof GzipError) throw fail(`Error processing tar file(exit status 1): ${e.message === 'unexpected end of archive' ? 'unexpected EOF' : e.message}`);
    throw e;
  }
  refuseOuterSymlinks(outer);
  if (!outer.lookup('manifest.json')) {
    if (outer.lookup('repositories')) throw fail('loading an archive without manifest.json (Docker before 1.10) is not supported');
    throw fail(`open ${dir}/repositories: no such file or directory`);
  }
  let manifest: ManifestItem[];
  try {
    manifest = JSON.parse(new TextDecoder().decode(fileOf(outer, 'manifest.json', dir))) as ManifestItem[];
  } catch (e) {
    if (e instanceof DaemonError) throw e;
    throw fail('invalid character in manifest.json: not a JSON array of images');
  }
  if (!Array.isArray(manifest)) throw fail('json: cannot unmarshal object into Go value of type []tarexport.manifestItem');
  const out: Prepared[] = [];
  for (const m of manifest) {
    if (typeof m?.Config !== 'string') throw fail('invalid manifest: an image has no Config');
    const configBytes = fileOf(outer, m.Config, dir);
    const configJson = new TextDecoder().decode(configBytes);
    let config: ImageConfig;
    try {
      config = JSON.parse(configJson) as ImageConfig;
    } catch {
      throw fail(`invalid image JSON in ${m.Config}`);
    }
    if (!config || typeof config !== 'object' || !config.rootfs || !Array.isArray(config.rootfs.diff_ids)) throw fail('invalid image JSON, no RootFS key');
    if (config.os && config.os !== 'linux') throw fail(`image operating system "${config.os}" cannot be used on this platform`);
    const layers = Array.isArray(m.Layers) ? m.Layers : [];
    if (layers.length !== config.rootfs.diff_ids.length) {
      throw fail(`invalid manifest, layers length mismatch: expected ${layers.length}, got ${config.rootfs.diff_ids.length}`);
    }
    const prepared: Prepared = { id: `sha256:${sha256Hex(configBytes)}`, configJson, config, layers: [], tags: [], parent: typeof m.Parent === 'string' ? m.Parent : '' };
    for (let i = 0; i < layers.length; i++) {
      const diffId = config.rootfs.diff_ids[i]!;
      let bytes: Uint8Array;
      try {
        bytes = await gunzipIfNeeded(fileOf(outer, layers[i]!, dir));
      } catch (e) {
        if (e instanceof GzipError) throw fail(`layer ${i}: ${e.message}`);
        throw e;
      }
      const got = `sha256:${await core.sha256(bytes)}`;
      if (got !== diffId) throw fail(`invalid diffID for layer ${i}: expected "${diffId}", got "${got}"`);
      let tree: LayerTree;
      try {
        tree = await readLayerTar(bytes, { ...LOAD_LIMITS, now: core.now() });
      } catch (e) {
        if (e instanceof LayerTarError) throw fail(`Error processing tar file(exit status 1): ${e.message}`);
        throw e;
      }
      prepared.layers.push({ diffId, tree, bytes });
    }
    for (const t of m.RepoTags ?? []) {
      let ref: Reference;
      try {
        ref = parseReference(t);
      } catch {
        throw fail(`invalid tag "${t}"`);
      }
      if (ref.tag === undefined || ref.digest !== undefined) throw fail(`invalid tag "${t}"`);
      prepared.tags.push(ref);
    }
    out.push(prepared);
  }
  return out;
}

/** Stores what prepareLoad checked; returns the lines `docker load` prints. */
export async function commitLoad(core: DaemonCore, images: ImageService, prepared: Prepared[]): Promise<string[]> {
  const lines: string[] = [];
  const untagged: string[] = [];
  for (const p of prepared) {
    const chainIds: string[] = [];
    let parent: string | undefined;
    for (const l of p.layers) {
      const rec = await core.layers.register(l.tree, parent, l.diffId);
      rememberTar(rec.tree, l.bytes);
      chainIds.push(rec.chainId);
      parent = rec.chainId;
    }
    if (!core.images.has(p.id)) {
      for (const c of chainIds) core.layers.retain(c);
      core.images.add({
        id: p.id,
        configJson: p.configJson,
        config: p.config,
        chainIds,
        parent: '',
        size: chainIds.reduce((n, c) => n + (core.layers.get(c)?.size ?? 0), 0),
        added: core.now(),
      });
    }
    for (const ref of p.tags) {
      const prev = core.refs.get(ref);
      if (prev !== undefined && prev !== p.id) {
        lines.push(`The image ${familiarString(ref)} already exists, renaming the old one with ID ${prev} to empty string`);
      }
      images.tag(p.id, familiarString(ref), 'load');
      lines.push(`Loaded image: ${familiarString(ref)}`);
    }
    if (p.tags.length === 0) untagged.push(`Loaded image ID: ${p.id}`);
    core.emit({ type: 'image', action: 'load', id: p.id });
  }
  // moby validatedParentLinks, once every image is in: a parent the archive names, whose layers begin this image's
  for (const p of prepared) {
    const img = core.images.get(p.id);
    const parent = p.parent ? core.images.get(p.parent) : undefined;
    if (!img || !parent || img.parent) continue;
    const mine = img.config.rootfs.diff_ids;
    const theirs = parent.config.rootfs.diff_ids;
    if (theirs.length < mine.length && theirs.every((d, i) => mine[i] === d)) img.parent = parent.id;
  }
  if (lines.every((l) => !l.startsWith('Loaded image:'))) lines.push(...untagged);
  return lines;
}
