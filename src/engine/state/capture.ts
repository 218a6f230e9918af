// The daemon's records, as a source for the StateTracker: images, layers
// and their content, references, containers with their read-write layers,
// logs and exec records, v2 metadata, the private registry.
import type { Daemon } from '../daemon.ts';
import type { ExecRecord } from '../container/exec.ts';
import type { ContainerRecord } from '../container/container.ts';
import { canonicalString } from '../image/reference.ts';
import type { LayerTree } from '../layer/tree.ts';
import type { LayerRecord } from '../layer/store.ts';
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
  type BlobValue,
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

/** What learners pushed to Docker Hub, if the daemon's router reaches a Hub that keeps pushes. */
export function hubPushes(daemon: Daemon): LocalRegistry | undefined {
  const router = daemon.opts.registry as Partial<RegistryRouter>;
  const hub = (typeof router.registryFor === 'function' ? router.registryFor('docker.io') : undefined) as { pushed?: unknown } | undefined;
  return hub?.pushed instanceof LocalRegistry ? hub.pushed : undefined;
}

export function daemonSource(daemon: Daemon, memory: CaptureMemory): RecordSource {
  // image-level records (v2 metadata, dangling reasons, the registry) change only with image events
  let imageEvents = 0;
  // a container's exec records change with its events
  const containerEvents = new Map<string, number>();
  daemon.events.on((e) => {
    if (e.type === 'image') imageEvents++;
    else if (e.type === 'container') {
      if (e.action === 'destroy') containerEvents.delete(e.id);
      else containerEvents.set(e.id, (containerEvents.get(e.id) ?? 0) + 1);
    }
  });
  let lastImageEvents = -1;
  let lastCacheVersion = -1;
  let registryBlobs: RemoteLayer[] = [];
  let lastRegistryRevisions = '';
  const signatures = new Map<string, ContainerSignature>();
  const seqOf = (seqs: Map<string, number>, id: string) => {
    let s = seqs.get(id);
    if (s === undefined) seqs.set(id, (s = memory.nextSeq++));
    return s;
  };
  /** The history step that made each layer of the images (a catalogue reference names it). */
  let steps: Map<string, string> | undefined;
  const stepOf = (diffId: string): string | undefined => {
    if (steps === undefined) {
      steps = new Map();
      for (const img of daemon.images.all()) {
        const made = img.config.history.filter((h) => !h.empty_layer);
        img.config.rootfs.diff_ids.forEach((d, i) => {
          const by = made[i]?.created_by;
          if (by !== undefined && !steps!.has(d)) steps!.set(d, by);
        });
      }
    }
    return steps.get(diffId);
  };
  const contentOf = (diffId: string, tree: () => LayerTree): ContentValue => {
    let c = memory.content.get(diffId);
    if (c === undefined) {
      const t = tree();
      const catalogue = catalogueRefOf(t, diffId, stepOf(diffId));
      c = catalogue ? { catalogue } : { tree: encodeTree(t) };
      memory.content.set(diffId, c);
    }
    return c;
  };

  return (recorder) => {
    steps = undefined;
    const now = daemon.now();
    recorder.group('meta', '', (record) => record(KEY.meta, [now], (): MetaValue => ({ format: STATE_FORMAT, now })));

    const images = daemon.images.all();
    for (const img of images) {
      // an image record never changes once made
      if (recorder.keep('image', img.id)) continue;
      recorder.group('image', img.id, (record) => {
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
      });
    }
    if (memory.imageSeq.size > images.length) for (const id of memory.imageSeq.keys()) if (!daemon.images.has(id)) memory.imageSeq.delete(id);

    // layers (their reference counts are counted again on restore) and their content, by DiffID
    const contents = new Map<string, LayerRecord | RemoteLayer>();
    for (const l of daemon.layers.records()) {
      if (!contents.has(l.diffId)) contents.set(l.diffId, l);
      if (recorder.keep('layer', l.chainId)) continue;
      recorder.group('layer', l.chainId, (record) =>
        record(KEY.layer(l.chainId), [l], (): LayerValue => ({ chainId: l.chainId, diffId: l.diffId, parent: l.parent ?? null, size: l.size })),
      );
    }
    const imagesChanged = imageEvents !== lastImageEvents;
    // the registries are servers other hosts may push to: their revisions count as well
    // private registries keep their index in their machine's files (registry:2's /var/lib/registry) and their blobs in registryBlobs
    const registries = [['hub', KEY.hubRegistry, hubPushes(daemon)]] as const;
    const revisions = [...registries.map(([, , r]) => r?.revision ?? 0), daemon.registryBlobs.revision].join(',');
    const registriesChanged = imagesChanged || revisions !== lastRegistryRevisions;
    lastRegistryRevisions = revisions;
    if (registriesChanged) {
      // a manifest's layers may be blobs mounted from elsewhere (the Hub's catalogue): their files are kept too
      registryBlobs = [
        ...registries.flatMap(([, , r]) => {
          const held = r?.contents();
          return held ? [...held.blobs, ...held.manifests.flatMap((m) => m.layers)] : [];
        }),
        ...daemon.registryBlobs.all(),
      ];
    }
    if (registriesChanged || !recorder.keep('registry', 'blobs')) recorder.group('registry', 'blobs', (record) => {
      const held = daemon.registryBlobs.all();
      if (held.length === 0) return;
      record(KEY.registryBlobs, [daemon.registryBlobs.revision], (): BlobValue[] => held.map((b) => ({ digest: b.digest, diffId: b.diffId, size: b.size })));
    });
    for (const [id, key, registry] of registries) {
      if (registriesChanged || !recorder.keep('registry', id)) recorder.group('registry', id, (record) => {
        const held = registry?.contents();
        if (!held || held.repos.length === 0) return;
        const blob = (b: RemoteLayer): BlobValue => ({ digest: b.digest, diffId: b.diffId, size: b.size });
        const value: RegistryValue = {
          repos: held.repos,
          manifests: held.manifests.map((m) => ({ digest: m.digest, json: m.json, configJson: m.configJson, layers: m.layers.map(blob) })),
          blobs: held.blobs.map(blob),
        };
        record(key, [imageEvents, registry!.revision], () => value);
      });
    }
    // pushed layers outlive the images: their content stays while the registry holds them
    for (const b of registryBlobs) if (!contents.has(b.diffId)) contents.set(b.diffId, b);
    for (const [diffId, holder] of contents) {
      if (recorder.keep('content', diffId)) continue;
      const tree = () => (typeof holder.tree === 'function' ? holder.tree() : holder.tree);
      recorder.group('content', diffId, (record) => record(KEY.content(diffId), [diffId], () => contentOf(diffId, tree)));
    }
    if (memory.content.size > contents.size) for (const diffId of memory.content.keys()) if (!contents.has(diffId)) memory.content.delete(diffId);

    if (imagesChanged || !recorder.keep('images', '')) recorder.group('images', '', (record) => {
      const refs = daemon.refs.entries().map((e) => [canonicalString(e.ref), e.imageId] as [string, string]);
      record(KEY.refs, [refs.join('\n')], () => refs);
      record(KEY.v2, [imageEvents], () => daemon.blobSources.entries());
      record(KEY.dangling, [imageEvents], () => [...daemon.imageService.danglingReasons].map(([id, r]) => [id, { ...r }]));
    });
    lastImageEvents = imageEvents;

    // BuildKit's cache: its entries hold layers, so a reloaded page builds from the cache too
    const cacheVersion = daemon.buildCacheVersion;
    if (cacheVersion !== lastCacheVersion || !recorder.keep('buildcache', '')) recorder.group('buildcache', '', (record) => {
      if (daemon.buildCache.size === 0) return;
      record(KEY.buildCache, [cacheVersion], () => [...daemon.buildCache].map(([key, e]) => [key, { chainIds: [...e.chainIds], diffId: e.diffId, created: e.created }]));
    });
    lastCacheVersion = cacheVersion;

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
    for (const c of daemon.containers.values()) {
      const tree = daemon.layers.rwTree(c.rwLayer);
      const events = containerEvents.get(c.id) ?? 0;
      let sig = signatures.get(c.id);
      if (sig !== undefined && sameSignature(sig, c, tree, events) && recorder.keep('container', c.id)) continue;
      recorder.group('container', c.id, (record) => {
        signatures.set(c.id, (sig = signature(c, tree, events)));
        const seq = seqOf(memory.containerSeq, c.id);
        record(KEY.container(c.id), [c, seq, events, c.logs.length, ...sig.state], (): ContainerValue => {
          const { logs, ...rest } = c;
          return {
            record: plainCopy(rest),
            logCount: logs.length,
            rwParents: daemon.layers.rwParents(c.rwLayer),
            execs: execsOf(c.id).map((e) => plainCopy(e)),
            seq,
          };
        });
        record(KEY.rw(c.id), [tree, tree.version], () => encodeTree(tree));
        const logs = c.logs;
        for (let k = 0; k * LOG_CHUNK < logs.length; k++) {
          const end = Math.min(logs.length, (k + 1) * LOG_CHUNK);
          record(KEY.logs(c.id, k), [logs, end], () => logs.slice(k * LOG_CHUNK, end).map((l) => ({ stream: l.stream, time: l.time, text: l.text })));
        }
      });
    }
    if (signatures.size > daemon.containers.size) {
      for (const id of signatures.keys()) {
        if (daemon.containers.has(id)) continue;
        signatures.delete(id);
        containerEvents.delete(id);
        memory.containerSeq.delete(id);
      }
    }
  };
}

/** What a container's records depend on, compared field by field (no allocation for idle containers). */
interface ContainerSignature {
  record: ContainerRecord;
  tree: LayerTree;
  version: number;
  events: number;
  logs: number;
  /** The fields of the record that change without an event (a failed start sets ExitCode and Error). */
  state: [status: string, pid: number, startedAt: number, finishedAt: number, exitCode: number, error: string, restarts: number, name: string, stopped: boolean, removing: boolean, paused: boolean];
}

function signature(c: ContainerRecord, tree: LayerTree, events: number): ContainerSignature {
  const s = c.state;
  return {
    record: c,
    tree,
    version: tree.version,
    events,
    logs: c.logs.length,
    state: [s.Status, s.Pid, s.StartedAt, s.FinishedAt, s.ExitCode, s.Error, c.restartCount, c.name, c.manuallyStopped, c.removing, s.Paused],
  };
}

function sameSignature(g: ContainerSignature, c: ContainerRecord, tree: LayerTree, events: number): boolean {
  const s = c.state;
  const x = g.state;
  return (
    g.record === c && g.tree === tree && g.version === tree.version && g.events === events && g.logs === c.logs.length &&
    x[0] === s.Status && x[1] === s.Pid && x[2] === s.StartedAt && x[3] === s.FinishedAt && x[4] === s.ExitCode &&
    x[5] === s.Error && x[6] === c.restartCount && x[7] === c.name && x[8] === c.manuallyStopped && x[9] === c.removing && x[10] === s.Paused
  );
}

/** A deep copy of JSON-shaped data (container records hold nothing else); undefined fields are left out. */
function plainCopy<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
