// The daemon's records, as a source for the StateTracker: images, layers
// and their content, references, containers with their read-write layers,
// logs and exec records, v2 metadata, the private registry.
import type { Daemon } from '../daemon.ts';
import type { ExecRecord } from '../container/exec.ts';
import { canonicalString } from '../image/reference.ts';
import type { LayerTree } from '../layer/tree.ts';
import { LocalRegistry } from '../registry/local.ts';
import type { RegistryRouter } from '../registry/router.ts';
import type { RemoteLayer } from '../registry/registry.ts';
import { catalogueRefOf } from './catalogue.ts';
import {
  KEY,
  LOG_CHUNK,
  STATE_FORMAT,
  type ContainerValue,
  type ContentValue,
  type ImageValue,
  type LayerValue,
  type MetaValue,
  type RegistryValue,
} from './records.ts';
import type { RecordSource } from './tracker.ts';
import { encodeTree } from './tree.ts';

/** What capture remembers between captures, and what a restore hands over. */
export interface CaptureMemory {
  /** Content values by DiffID (a layer's content never changes). */
  content: Map<string, ContentValue>;
  imageSeq: Map<string, number>;
  containerSeq: Map<string, number>;
  nextSeq: number;
}

export function newMemory(): CaptureMemory {
  return { content: new Map(), imageSeq: new Map(), containerSeq: new Map(), nextSeq: 1 };
}

/** The private registry behind the daemon, if its router has one. */
export function localRegistry(daemon: Daemon): LocalRegistry | undefined {
  const router = daemon.opts.registry as Partial<RegistryRouter>;
  const r = typeof router.registryFor === 'function' ? router.registryFor('127.0.0.1:5000') : undefined;
  return r instanceof LocalRegistry ? r : undefined;
}

export function daemonSource(daemon: Daemon, memory: CaptureMemory): RecordSource {
  // events say which containers changed beyond what their stamps show, and when image-level records may have
  let imageEvents = 0;
  const containerEvents = new Map<string, number>();
  daemon.events.on((e) => {
    if (e.type === 'image') imageEvents++;
    else if (e.type === 'container') containerEvents.set(e.id, (containerEvents.get(e.id) ?? 0) + 1);
  });
  const seqOf = (seqs: Map<string, number>, id: string) => {
    let s = seqs.get(id);
    if (s === undefined) seqs.set(id, (s = memory.nextSeq++));
    return s;
  };
  const contentOf = (diffId: string, tree: () => LayerTree): ContentValue => {
    let c = memory.content.get(diffId);
    if (c === undefined) {
      const t = tree();
      const catalogue = catalogueRefOf(t, diffId);
      c = catalogue ? { catalogue } : { tree: encodeTree(t) };
      memory.content.set(diffId, c);
    }
    return c;
  };

  return (record) => {
    const meta: MetaValue = { format: STATE_FORMAT, now: daemon.now() };
    record(KEY.meta, [meta.now], () => meta);

    const liveImages = new Set<string>();
    for (const img of daemon.images.all()) {
      liveImages.add(img.id);
      const seq = seqOf(memory.imageSeq, img.id);
      record(KEY.image(img.id), [img, seq], (): ImageValue => ({
        id: img.id,
        configJson: img.configJson,
        chainIds: [...img.chainIds],
        parent: img.parent,
        size: img.size,
        added: img.added,
        seq,
      }));
    }
    for (const id of memory.imageSeq.keys()) if (!liveImages.has(id)) memory.imageSeq.delete(id);

    const contents = new Map<string, () => LayerTree>();
    for (const l of daemon.layers.records()) {
      if (!contents.has(l.diffId)) contents.set(l.diffId, () => l.tree);
      record(KEY.layer(l.chainId), [l, l.size], (): LayerValue => ({ chainId: l.chainId, diffId: l.diffId, parent: l.parent ?? null, size: l.size }));
    }

    const registry = localRegistry(daemon);
    if (registry) {
      const held = registry.contents();
      const blob = (b: RemoteLayer) => {
        if (!contents.has(b.diffId)) contents.set(b.diffId, b.tree);
        return { digest: b.digest, diffId: b.diffId, size: b.size };
      };
      const value: RegistryValue = {
        repos: held.repos,
        manifests: held.manifests.map((m) => ({ digest: m.digest, json: m.json, configJson: m.configJson, layers: m.layers.map(blob) })),
        blobs: held.blobs.map(blob),
      };
      if (value.repos.length > 0) record(KEY.registry, [imageEvents], () => value);
    }
    for (const [diffId, tree] of contents) record(KEY.content(diffId), [diffId], () => contentOf(diffId, tree));
    for (const diffId of memory.content.keys()) if (!contents.has(diffId)) memory.content.delete(diffId);

    const refs = daemon.refs.entries().map((e) => [canonicalString(e.ref), e.imageId] as [string, string]);
    record(KEY.refs, [refs.join('\n')], () => refs);
    record(KEY.v2, [imageEvents], () => daemon.blobSources.entries());
    record(KEY.dangling, [imageEvents], () => [...daemon.imageService.danglingReasons].map(([id, r]) => [id, { ...r }]));

    let execsByContainer: Map<string, ExecRecord[]> | undefined;
    const execsOf = (id: string): ExecRecord[] => {
      if (execsByContainer === undefined) {
        execsByContainer = new Map();
        for (const e of daemon.execs.values()) {
          if (e.running) continue;
          const list = execsByContainer.get(e.containerId) ?? [];
          list.push(e);
          execsByContainer.set(e.containerId, list);
        }
      }
      return execsByContainer.get(id) ?? [];
    };
    const liveContainers = new Set<string>();
    for (const c of daemon.containers.values()) {
      liveContainers.add(c.id);
      const seq = seqOf(memory.containerSeq, c.id);
      const s = c.state;
      const stamp = [c, seq, containerEvents.get(c.id) ?? 0, s.Status, s.Pid, s.StartedAt, s.FinishedAt, s.ExitCode, s.Error, c.restartCount, c.name, c.manuallyStopped, c.removing, c.logs.length];
      record(KEY.container(c.id), stamp, (): ContainerValue => {
        const { logs, ...rest } = c;
        return {
          record: plainCopy(rest),
          logCount: logs.length,
          rwParents: daemon.layers.rwParents(c.rwLayer),
          execs: execsOf(c.id).map((e) => plainCopy(e)),
          seq,
        };
      });
      const tree = daemon.layers.rwTree(c.rwLayer);
      record(KEY.rw(c.id), [tree, tree.version], () => encodeTree(tree));
      const logs = c.logs;
      for (let k = 0; k * LOG_CHUNK < logs.length; k++) {
        const end = Math.min(logs.length, (k + 1) * LOG_CHUNK);
        record(KEY.logs(c.id, k), [logs, end], () => logs.slice(k * LOG_CHUNK, end).map((l) => ({ stream: l.stream, time: l.time, text: l.text })));
      }
    }
    for (const id of memory.containerSeq.keys()) if (!liveContainers.has(id)) {
      memory.containerSeq.delete(id);
      containerEvents.delete(id);
    }
  };
}

/** A deep copy of JSON-shaped data (container records hold nothing else); undefined fields are left out. */
function plainCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
