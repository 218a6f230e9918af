// Puts saved records back into a fresh daemon. Everything is read and
// checked first (formats, references between records, image IDs against
// their config's sha256); only then is the daemon filled, so a damaged
// workspace fails with a StateError and leaves nothing half restored.
import type { BuildCacheEntry, Daemon } from '../daemon.ts';
import type { ContainerRecord, LogLine } from '../container/container.ts';
import type { ExecRecord } from '../container/exec.ts';
import { initLayer } from '../container/service.ts';
import type { ImageConfig } from '../image/config.ts';
import { parseReference, type Reference } from '../image/reference.ts';
import type { DanglingReason } from '../image/service.ts';
import type { ImageRecord } from '../image/store.ts';
import type { LayerRecord } from '../layer/store.ts';
import type { LayerTree } from '../layer/tree.ts';
import type { BlobSource } from '../registry/metadata.ts';
import type { PushedManifest, RemoteLayer } from '../registry/registry.ts';
import { catalogueBuilder, type CatalogueRef } from './catalogue.ts';
import { hubPushes, newMemory, type CaptureMemory } from './capture.ts';
import { StateError } from './errors.ts';
import {
  KEY,
  LOG_CHUNK,
  STATE_FORMAT,
  type BlobValue,
  type ContainerValue,
  type ImageValue,
  type LayerValue,
  type MetaValue,
  type RegistryValue,
} from './records.ts';
import { decodeTree, isObject } from './tree.ts';

const damaged = (what: string): never => {
  throw StateError.damaged(what);
};

/** The saved clock and format, checked before anything else (the clock starts from it). */
export function readMeta(records: ReadonlyMap<string, unknown>): MetaValue {
  const meta = records.get(KEY.meta);
  if (!isObject(meta)) return damaged('its description record is missing');
  const { format, now } = meta;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1) return damaged('its format is unknown');
  if (format > STATE_FORMAT) throw StateError.newer(format, STATE_FORMAT);
  if (typeof now !== 'number' || !Number.isFinite(now)) return damaged('its clock is unreadable');
  return { format, now };
}

/** A restored engine, ready to apply: the daemon is untouched until `apply`. */
export interface PreparedRestore {
  apply(): RestoredDaemon;
}

export interface RestoredDaemon {
  memory: CaptureMemory;
  /** Containers running (or paused) at capture, to run afresh once the host is up. */
  running: ContainerRecord[];
}

/** Reads and checks every daemon record; throws StateError on the first problem. */
export async function prepareRestore(daemon: Daemon, records: ReadonlyMap<string, unknown>): Promise<PreparedRestore> {
  readMeta(records);
  const memory = newMemory();
  const byPrefix = (prefix: string) => [...records].filter(([k]) => k.startsWith(prefix));

  // layer content by DiffID
  const trees = new Map<string, () => LayerTree>();
  for (const [key, v] of byPrefix('content/')) {
    const diffId = key.slice('content/'.length);
    if (!isObject(v)) return damaged(`${key} is unreadable`);
    if (isObject(v.catalogue)) {
      const ref = v.catalogue as Partial<CatalogueRef>;
      if (typeof ref.fp !== 'string' || typeof ref.mtime !== 'number' || (ref.createdBy !== undefined && typeof ref.createdBy !== 'string')) {
        return damaged(`${key} is unreadable`);
      }
      const checked: CatalogueRef = ref.createdBy === undefined ? { fp: ref.fp, mtime: ref.mtime } : { fp: ref.fp, mtime: ref.mtime, createdBy: ref.createdBy };
      const build = await catalogueBuilder(checked, diffId);
      if (!build) return damaged(`layer ${short(diffId)} comes from an image this Berth no longer has`);
      trees.set(diffId, build);
      memory.content.set(diffId, { catalogue: checked });
    } else {
      const tree = decodeTree(v.tree, `layer ${short(diffId)}`);
      trees.set(diffId, () => tree);
      memory.content.set(diffId, { tree: v.tree as never });
    }
  }

  // read-only layers
  const layers = new Map<string, LayerValue>();
  for (const [key, v] of byPrefix('layer/')) {
    if (!isObject(v) || typeof v.chainId !== 'string' || typeof v.diffId !== 'string' || typeof v.size !== 'number' || (v.parent !== null && typeof v.parent !== 'string')) {
      return damaged(`${key} is unreadable`);
    }
    if (key !== KEY.layer(v.chainId)) return damaged(`${key} is filed under the wrong name`);
    layers.set(v.chainId, v as unknown as LayerValue);
  }
  for (const l of layers.values()) {
    if (!trees.has(l.diffId)) return damaged(`the files of layer ${short(l.diffId)} are missing`);
    if (l.parent !== null && !layers.has(l.parent)) return damaged(`layer ${short(l.chainId)} stands on a missing layer ${short(l.parent)}`);
  }
  const needLayer = (chainId: unknown, who: string) => {
    if (typeof chainId !== 'string' || !layers.has(chainId)) damaged(`${who} references a missing layer ${short(String(chainId))}`);
  };

  // images
  const images: Array<{ value: ImageValue; config: ImageConfig }> = [];
  for (const [key, v] of byPrefix('image/')) {
    if (!isObject(v) || typeof v.id !== 'string' || typeof v.configJson !== 'string' || !Array.isArray(v.chainIds) || typeof v.parent !== 'string' || typeof v.size !== 'number' || typeof v.added !== 'number' || typeof v.seq !== 'number') {
      return damaged(`${key} is unreadable`);
    }
    if (key !== KEY.image(v.id)) return damaged(`${key} is filed under the wrong name`);
    const who = `image ${short(v.id)}`;
    for (const c of v.chainIds) needLayer(c, who);
    let config: ImageConfig;
    try {
      config = JSON.parse(v.configJson) as ImageConfig;
    } catch {
      return damaged(`the configuration of ${who} is not JSON`);
    }
    if (!isObject(config) || !isObject(config.config) || !Array.isArray(config.history) || !config.history.every(isObject) || !isObject(config.rootfs) || !Array.isArray(config.rootfs.diff_ids)) {
      return damaged(`the configuration of ${who} is not an image configuration`);
    }
    images.push({ value: v as unknown as ImageValue, config });
  }
  // an image ID is the sha256 of its configuration: a changed record shows
  const hashes = await Promise.all(images.map(({ value }) => daemon.sha256(value.configJson)));
  images.forEach(({ value }, i) => {
    if (`sha256:${hashes[i]}` !== value.id) damaged(`the configuration of image ${short(value.id)} does not match its ID`);
  });
  images.sort((a, b) => a.value.seq - b.value.seq);
  const imageIds = new Set(images.map((i) => i.value.id));

  // references
  const refs: Array<[Reference, string]> = [];
  const refsValue = records.get(KEY.refs) ?? [];
  if (!Array.isArray(refsValue)) return damaged('its list of tags is unreadable');
  for (const pair of refsValue) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') return damaged('its list of tags is unreadable');
    let ref: Reference;
    try {
      ref = parseReference(pair[0]);
    } catch {
      return damaged(`the tag ${pair[0]} is not a valid reference`);
    }
    if (!imageIds.has(pair[1])) return damaged(`the tag ${pair[0]} names a missing image ${short(pair[1])}`);
    refs.push([ref, pair[1]]);
  }

  // containers, their read-write layers and logs
  const containers: Array<{ value: ContainerValue; tree: LayerTree; logs: LogLine[] }> = [];
  for (const [key, v] of byPrefix('container/')) {
    if (!isObject(v) || !isObject(v.record) || typeof v.logCount !== 'number' || !Array.isArray(v.rwParents) || !Array.isArray(v.execs) || typeof v.seq !== 'number') {
      return damaged(`${key} is unreadable`);
    }
    const rec = v.record as unknown as ContainerRecord;
    if (typeof rec.id !== 'string' || key !== KEY.container(rec.id)) return damaged(`${key} is filed under the wrong name`);
    if (!wellFormedContainer(rec) || !v.execs.every(wellFormedExec)) return damaged(`${key} is unreadable`);
    const who = `container ${rec.id.slice(0, 12)}`;
    for (const c of v.rwParents) needLayer(c, who);
    const tree = decodeTree(records.get(KEY.rw(rec.id)), `the files of ${who}`);
    const logs: LogLine[] = [];
    for (let k = 0; k * LOG_CHUNK < v.logCount; k++) {
      const chunk = records.get(KEY.logs(rec.id, k));
      if (!Array.isArray(chunk)) return damaged(`the logs of ${who} are missing a part`);
      for (const line of chunk) {
        if (!isObject(line) || (line.stream !== 'stdout' && line.stream !== 'stderr') || typeof line.time !== 'number' || typeof line.text !== 'string') {
          return damaged(`the logs of ${who} are unreadable`);
        }
        logs.push({ stream: line.stream, time: line.time, text: line.text });
      }
    }
    if (logs.length !== v.logCount) return damaged(`the logs of ${who} are missing a part`);
    containers.push({ value: v as unknown as ContainerValue, tree, logs });
  }
  containers.sort((a, b) => a.value.seq - b.value.seq);
  const names = new Set<string>();
  for (const { value } of containers) {
    if (names.has(value.record.name)) return damaged(`two containers are named ${value.record.name}`);
    names.add(value.record.name);
  }

  // v2 metadata, dangling reasons, the private registry
  const v2 = records.get(KEY.v2) ?? [];
  if (!Array.isArray(v2) || !v2.every((p) => Array.isArray(p) && typeof p[0] === 'string' && Array.isArray(p[1]) && p[1].every(isBlobSource))) {
    return damaged('its registry metadata is unreadable');
  }
  const buildCache = records.get(KEY.buildCache) ?? [];
  const wellFormedEntry = (p: unknown): boolean => {
    if (!Array.isArray(p) || typeof p[0] !== 'string' || !isObject(p[1])) return false;
    const e = p[1] as Partial<BuildCacheEntry>;
    return Array.isArray(e.chainIds) && e.chainIds.every((c) => typeof c === 'string' && layers.has(c)) && typeof e.diffId === 'string' && typeof e.created === 'string';
  };
  if (!Array.isArray(buildCache) || !buildCache.every(wellFormedEntry)) return damaged('its build cache is unreadable');
  const dangling = records.get(KEY.dangling) ?? [];
  if (!Array.isArray(dangling) || !dangling.every((p) => Array.isArray(p) && typeof p[0] === 'string' && isObject(p[1]))) {
    return damaged('its list of dangling images is unreadable');
  }
  const blobLayer = (b: unknown): RemoteLayer => {
    if (!isObject(b) || typeof b.digest !== 'string' || typeof b.diffId !== 'string' || typeof b.size !== 'number') return damaged('the private registry is unreadable');
    const tree = trees.get(b.diffId) ?? damaged(`the private registry holds a layer whose files are missing (${short(b.diffId)})`);
    return { digest: b.digest, diffId: b.diffId, size: b.size, tree };
  };
  type Contents = { repos: RegistryValue['repos']; manifests: PushedManifest[]; blobs: RemoteLayer[] };
  const registryRecord = (registry: unknown): Contents | undefined => {
    if (registry === undefined) return undefined;
    const r = registry as Partial<RegistryValue>;
    if (!isObject(registry) || !Array.isArray(r.repos) || !Array.isArray(r.manifests) || !Array.isArray(r.blobs)) return damaged('the private registry is unreadable');
    if (!r.repos.every(wellFormedRepo) || !r.manifests.every(wellFormedManifest)) return damaged('the private registry is unreadable');
    return {
      repos: r.repos,
      manifests: r.manifests.map((m) => ({ digest: m.digest, json: m.json, configJson: m.configJson, layers: m.layers.map((b: BlobValue) => blobLayer(b)) })),
      blobs: r.blobs.map(blobLayer),
    };
  };
  const blobsValue = records.get(KEY.registryBlobs);
  const blobsRecord = blobsValue === undefined ? [] : blobsValue;
  if (!Array.isArray(blobsRecord)) return damaged('the private registry is unreadable');
  const serverBlobs = blobsRecord.map(blobLayer);
  // what learners pushed to Docker Hub: the same shape
  const hubContents = registryRecord(records.get(KEY.hubRegistry));

  return {
    apply(): RestoredDaemon {
      // layers: references counted from the images and containers standing on them
      const refCount = new Map<string, number>();
      const count = (chain: readonly string[]) => chain.forEach((c) => refCount.set(c, (refCount.get(c) ?? 0) + 1));
      for (const { value } of images) count(value.chainIds);
      for (const { value } of containers) count(value.rwParents);
      for (const [, e] of buildCache as Array<[string, BuildCacheEntry]>) count(e.chainIds);
      for (const l of layers.values()) daemon.layers.adopt(lazyLayer(l, trees.get(l.diffId)!, refCount.get(l.chainId) ?? 0));
      for (const { value, config } of images) {
        const img: ImageRecord = { id: value.id, configJson: value.configJson, config, chainIds: [...value.chainIds], parent: value.parent, size: value.size, added: value.added };
        daemon.images.add(img);
        memory.imageSeq.set(img.id, value.seq);
      }
      for (const [ref, id] of refs) daemon.refs.set(ref, id);
      const running: ContainerRecord[] = [];
      for (const { value, tree, logs } of containers) {
        const c: ContainerRecord = { ...(value.record as ContainerRecord), logs };
        daemon.containers.set(c.id, c);
        daemon.names.set(c.name, c.id);
        daemon.layers.adoptRw(c.rwLayer, value.rwParents, tree, () => initLayer(c.config.Hostname ?? c.id.slice(0, 12), c.created, daemon.opts.kernel));
        for (const e of value.execs as ExecRecord[]) daemon.execs.set(e.id, { ...e, running: false });
        memory.containerSeq.set(c.id, value.seq);
        if (c.state.Running) running.push(c);
      }
      memory.nextSeq = Math.max(0, ...images.map((i) => i.value.seq), ...containers.map((c) => c.value.seq)) + 1;
      for (const [diffId, sources] of v2 as Array<[string, BlobSource[]]>) {
        for (const s of [...sources].reverse()) daemon.blobSources.add(diffId, { ...s });
      }
      for (const [id, reason] of dangling as Array<[string, DanglingReason]>) daemon.imageService.danglingReasons.set(id, { ...reason });
      for (const [key, e] of buildCache as Array<[string, BuildCacheEntry]>) daemon.buildCache.set(key, { chainIds: [...e.chainIds], diffId: e.diffId, created: e.created });
      if (hubContents) hubPushes(daemon)?.restore(hubContents);
      for (const b of serverBlobs) daemon.registryBlobs.put(b);
      return { memory, running };
    },
  };
}

/** A layer record whose files are built the first time something reads them. */
function lazyLayer(l: LayerValue, build: () => LayerTree, refs: number): LayerRecord {
  let tree: LayerTree | undefined;
  return {
    chainId: l.chainId,
    diffId: l.diffId,
    parent: l.parent ?? undefined,
    size: l.size,
    refs,
    get tree(): LayerTree {
      return (tree ??= build());
    },
  };
}

/** The fields the engine reads of a container record, with their types (a wrong one would fail later, mid-command). */
function wellFormedContainer(c: ContainerRecord): boolean {
  const s = c.state as unknown as Record<string, unknown>;
  const h = c.hostConfig as unknown as Record<string, unknown>;
  return (
    typeof c.name === 'string' && typeof c.created === 'number' && typeof c.image === 'string' && typeof c.path === 'string' &&
    Array.isArray(c.args) && c.args.every((a) => typeof a === 'string') && isObject(c.config) && isObject(h) &&
    isObject(h.RestartPolicy) && typeof h.AutoRemove === 'boolean' && typeof c.restartCount === 'number' &&
    typeof c.manuallyStopped === 'boolean' && typeof c.rwLayer === 'string' && c.rwLayer === c.id && typeof c.removing === 'boolean' &&
    isObject(s) && typeof s.Status === 'string' && ['Running', 'Paused', 'Restarting', 'OOMKilled', 'Dead'].every((k) => typeof s[k] === 'boolean') &&
    ['Pid', 'ExitCode', 'StartedAt', 'FinishedAt'].every((k) => typeof s[k] === 'number' && Number.isFinite(s[k])) && typeof s.Error === 'string' &&
    (s.Health === undefined || wellFormedHealth(s.Health))
  );
}

/** State.Health, when the container has a health check. */
function wellFormedHealth(h: unknown): boolean {
  const isResult = (r: unknown) =>
    isObject(r) && ['Start', 'End', 'ExitCode'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k])) && typeof r.Output === 'string';
  return (
    isObject(h) && ['starting', 'healthy', 'unhealthy'].includes(h.Status as string) && typeof h.FailingStreak === 'number' &&
    Array.isArray(h.Log) && h.Log.every(isResult)
  );
}

function wellFormedExec(e: unknown): boolean {
  return isObject(e) && typeof e.id === 'string' && typeof e.containerId === 'string' && isObject(e.config) && Array.isArray(e.env) && typeof e.user === 'string' && typeof e.workingDir === 'string';
}

const isString = (x: unknown): x is string => typeof x === 'string';

function wellFormedRepo(r: unknown): boolean {
  return (
    isObject(r) && isString(r.path) && Array.isArray(r.manifests) && r.manifests.every(isString) && Array.isArray(r.blobs) && r.blobs.every(isString) &&
    Array.isArray(r.tags) && r.tags.every((t) => Array.isArray(t) && t.length === 2 && isString(t[0]) && isString(t[1]))
  );
}

function wellFormedManifest(m: unknown): boolean {
  return isObject(m) && isString(m.digest) && isString(m.json) && isString(m.configJson) && Array.isArray(m.layers);
}

function isBlobSource(s: unknown): s is BlobSource {
  return isObject(s) && typeof s.digest === 'string' && typeof s.size === 'number' && typeof s.repository === 'string';
}

function short(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}
