// The virtual Docker daemon: stores, the container runtime and events behind
// one object. The CLI, panels, lessons and persistence talk only to this.
import { BlobStore } from './registry/blobs.ts';
import { defaultDaemonConfig, type DaemonConfig, type DaemonLogEntry } from './config.ts';
import type { Listener } from './runtime/process.ts';
import { EventBus, type EngineEvent } from './events.ts';
import type { Hasher, IdSource } from './platform.ts';
import { Scheduler } from './runtime/scheduler.ts';
import { ImageStore, ReferenceStore } from './image/store.ts';
import { LayerStore } from './layer/store.ts';
import type { ContainerRecord } from './container/container.ts';
import { Errors } from './errors/messages.ts';
import type { Registry } from './registry/registry.ts';
import { V2Metadata } from './registry/metadata.ts';
import type { ProgramResolver } from './runtime/namespace.ts';
import type { Task } from './runtime/task.ts';
import type { ExecRecord } from './container/exec.ts';
import { HostPids } from './container/hostpids.ts';
import { PortTable, type SummaryPort } from './container/ports.ts';
import type { BuildListener, BuildRequest } from './build/types.ts';

export interface DaemonOptions {
  scheduler: Scheduler;
  ids: IdSource;
  hasher: Hasher;
  /** Every registry the engine reaches, routed by host (see registry/router.ts). */
  registry: Registry;
  resolve: ProgramResolver;
  /** Kernel release `uname -r` and `docker info` print. */
  kernel?: string;
}

/** State shared by the image and container services. */
export class DaemonCore {
  readonly events = new EventBus();
  readonly images = new ImageStore();
  readonly refs = new ReferenceStore();
  readonly layers: LayerStore;
  readonly containers = new Map<string, ContainerRecord>();
  readonly names = new Map<string, string>();
  readonly tasks = new Map<string, Task>();
  /** Exec instances by ID, until their container is removed. */
  readonly execs = new Map<string, ExecRecord>();
  /** The host's PID numbers for container processes (State.Pid, docker top). */
  readonly hostPids = new HostPids();
  /** Which registry blob each layer was pulled or pushed as (moby's v2 metadata). */
  readonly blobSources = new V2Metadata();
  /** BuildKit's build cache: an operation's key → the layers after it (each entry holds its layers). */
  readonly buildCache = new Map<string, BuildCacheEntry>();
  /** Counts changes to the build cache (what the saver compares). */
  buildCacheVersion = 0;
  /** Layer blobs of the registry servers this host runs (registry:2 containers, host services). */
  readonly registryBlobs = new BlobStore();
  /** /etc/docker/daemon.json as read when the daemon started. */
  config: DaemonConfig = defaultDaemonConfig();
  /**
   * Services listening on the host itself, by TCP port (the transcript
   * runner's docker-registry on 127.0.0.1:5000, as the recorder's machine has).
   */
  readonly hostServices = new Map<number, Listener>();
  /** The host ports running containers publish (moby's port allocator and bindings). */
  readonly ports = new PortTable();

  /**
   * What answers on a host port a running container publishes (`-p`): the
   * listener its process opened on the container port the binding maps to.
   */
  publishedListener(hostPort: number): Listener | undefined {
    const b = this.ports.find(hostPort);
    return b && this.containerListener(b.containerId, b.containerPort);
  }

  /** Every host port running containers publish, with what answers there (the registry panel, `docker port`). */
  publishedListeners(): Array<{ hostPort: number; containerId: string; listener: Listener | undefined }> {
    return this.ports.published().map((b) => ({ hostPort: b.hostPort, containerId: b.containerId, listener: this.containerListener(b.containerId, b.containerPort) }));
  }

  /** The TCP socket a running container's processes listen on at a port, if any. */
  private containerListener(containerId: string, port: number): Listener | undefined {
    return this.tasks.get(containerId)?.ns.ports().find((l) => l.port === port && l.proto === 'tcp');
  }

  /** Whether dockerd runs: `systemctl stop docker` stops it, and the CLI cannot connect until it starts again. */
  running = true;
  /** dockerd's log, oldest first (journalctl -u docker). */
  readonly log: DaemonLogEntry[] = [];

  /** Appends a line to dockerd's log at the current virtual time. */
  logLine(level: DaemonLogEntry['level'], msg: string, fields?: DaemonLogEntry['fields']): void {
    this.log.push({ time: this.now(), level, msg, ...(fields ? { fields } : {}) });
  }

  /** What answers on one of this host's TCP ports: a host service, else a published container port. */
  hostListener(port: number): Listener | undefined {
    return this.hostServices.get(port) ?? this.publishedListener(port);
  }

  constructor(readonly opts: DaemonOptions) {
    this.layers = new LayerStore(opts.hasher, (w) => opts.scheduler.track(w), opts.scheduler);
  }

  get clock(): Scheduler {
    return this.opts.scheduler;
  }

  now(): number {
    return this.opts.scheduler.now();
  }

  emit(e: DistributiveOmit<EngineEvent, 'time'>): void {
    this.events.emit({ ...e, time: this.now() } as EngineEvent);
  }

  sha256(data: Uint8Array | string): Promise<string> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return this.opts.scheduler.track(this.opts.hasher.sha256(bytes));
  }

  /** Finds a container by full ID, exact name, or ID prefix (moby's order). */
  container(ref: string): ContainerRecord {
    const byId = this.containers.get(ref);
    if (byId) return byId;
    const name = ref.startsWith('/') ? ref.slice(1) : ref;
    const named = this.names.get(name);
    if (named) return this.containers.get(named)!;
    if (/^[a-f0-9]+$/.test(ref)) {
      const matches = [...this.containers.values()].filter((c) => c.id.startsWith(ref));
      if (matches.length === 1) return matches[0]!;
      if (matches.length > 1) throw Errors.ambiguousContainer(ref);
    }
    throw Errors.noSuchContainer(ref);
  }

  containersByCreation(): ContainerRecord[] {
    // newest first; the Map keeps creation order
    return [...this.containers.values()].reverse();
  }
}

/** A BuildKit cache entry: the layers after an operation, the layer it made and when (its history row's date). */
export interface BuildCacheEntry {
  chainIds: string[];
  diffId: string;
  created: string;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

import { ImageService } from './image/service.ts';
import { ContainerService } from './container/service.ts';
import { statusText } from './container/state.ts';
import { inspectContainer, inspectImage } from './inspect.ts';
import { lookupImage, type ImageRecord } from './image/store.ts';
import { familiarString } from './image/reference.ts';
import { StatsCollector, type StatsReading } from './container/stats.ts';
import { topTable, type HostProcess, type ProcessList } from './container/top.ts';
import { searchImages, searchSources, type SearchOptions, type SearchResult } from './registry/search.ts';

export const ENGINE_VERSION = {
  Version: '28.2.2',
  ApiVersion: '1.50',
  MinAPIVersion: '1.24',
  GitCommit: '45873be',
  GoVersion: 'go1.24.3',
  Os: 'linux',
  Arch: 'amd64',
  KernelVersion: '6.8.0-berth',
  BuildTime: '2025-05-30T12:07:26.000000000+00:00',
};

export interface ContainerSummary {
  id: string;
  name: string;
  /** The IMAGE column: the reference as created, or the short ID once that tag moved. */
  image: string;
  imageId: string;
  command: string;
  created: number;
  status: string;
  state: string;
  exitCode: number;
  labels: Record<string, string>;
  /** Read-write layer bytes and image bytes, for `ps -s`. */
  sizeRw: number;
  sizeRootFs: number;
  /** A running container's exposed and published ports: moby's Summary.Ports. */
  ports: SummaryPort[];
  /** moby's Summary.Health status: the health check's, or "none" without one (absent = none). */
  health?: 'none' | 'starting' | 'healthy' | 'unhealthy';
}

export interface ImageSummary {
  id: string;
  repoTags: string[];
  repoDigests: string[];
  created: number;
  size: number;
  containers: number;
  labels: Record<string, string>;
  parentId: string;
}

/** The daemon: the one object the CLI and the page talk to. */
export class Daemon extends DaemonCore {
  readonly imageService = new ImageService(this);
  readonly containerService = new ContainerService(this);
  private readonly statsCollector = new StatsCollector(this);

  listContainers(): ContainerSummary[] {
    const now = this.now();
    const columns = new Map<string, string>();
    const imageColumn = (typed: string, id: string) => {
      const key = `${typed}\0${id}`;
      let v = columns.get(key);
      if (v === undefined) columns.set(key, (v = this.imageColumn(typed, id)));
      return v;
    };
    return this.containersByCreation().map((c) => {
      const img = this.images.get(c.image);
      return {
        id: c.id,
        name: c.name,
        image: imageColumn(c.config.Image ?? '', c.image),
        imageId: c.image,
        // moby quotes arguments holding a space, and only those
        command: [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' '),
        created: c.created,
        status: statusText(c.state, now, c.removing),
        state: c.state.Status,
        exitCode: c.state.ExitCode,
        labels: c.config.Labels ?? {},
        sizeRw: this.layers.rwSize(c.rwLayer),
        sizeRootFs: (img?.size ?? 0) + this.layers.rwSize(c.rwLayer),
        ports: !c.state.Running ? [] : this.ports.portMap(c.id) ? this.ports.summary(c.id) : exposedPorts(c.config.ExposedPorts),
        health: c.state.Health?.Status ?? 'none',
      };
    });
  }

  /**
   * moby's Summary.Image: the reference the container was created from while
   * it still names that image, else the full image ID (the CLI shortens it).
   */
  private imageColumn(typed: string, imageId: string): string {
    if (typed === imageId) return typed;
    try {
      const found = lookupImage(this.images, this.refs, typed);
      if (found.image.id === imageId) return typed;
    } catch {
      // fall through: the reference is gone or moved
    }
    return imageId;
  }

  listImages(): ImageSummary[] {
    const counts = new Map<string, number>();
    for (const c of this.containers.values()) counts.set(c.image, (counts.get(c.image) ?? 0) + 1);
    return this.images
      .all()
      .map((img: ImageRecord) => ({
        id: img.id,
        repoTags: this.refs.tagsOf(img.id).map(familiarString),
        repoDigests: this.refs.digestsOf(img.id).map(familiarString),
        created: Date.parse(img.config.created),
        size: img.size,
        containers: counts.get(img.id) ?? 0,
        labels: img.config.config.Labels ?? {},
        parentId: img.parent,
      }))
      .sort((a, b) => b.created - a.created);
  }

  /** docker search (GET /images/search): Docker Hub's index, or the v1 search of the registry a term names (registry/search.ts). */
  search(term: string, opts: SearchOptions = {}): Promise<SearchResult[]> {
    return searchImages(term, opts, searchSources(this.opts.registry));
  }

  /** docker top (moby ContainerTop): the container's processes as the host's ps shows them. */
  top(ref: string, psArgs = ''): ProcessList {
    const c = this.container(ref);
    const task = this.tasks.get(c.id);
    if (!c.state.Running || !task) throw Errors.notRunning(c.id);
    if (c.state.Restarting) throw Errors.restartingWait(c.id);
    return topTable(this.hostProcesses(task), psArgs, this.now());
  }

  /** docker stats: one reading of a container's resource use (moby's stats collector). */
  containerStats(ref: string): StatsReading {
    return this.statsCollector.read(this.container(ref));
  }

  /** A task's processes numbered as the host numbers them. */
  hostProcesses(task: Task): HostProcess[] {
    return task.ns.processes().map((info) => ({
      info,
      pid: this.hostPids.of(task, info.pid),
      ppid: this.hostPids.of(task, info.ppid),
      leader: info.pid === 1,
    }));
  }

  inspectImage(ref: string): Record<string, unknown> {
    return inspectImage(this, lookupImage(this.images, this.refs, ref).image);
  }

  inspectContainer(ref: string): Record<string, unknown> {
    return inspectContainer(this, this.container(ref));
  }

  /**
   * docker build (the API's POST /build): runs the request with the builder
   * it names, reporting each step; resolves with the image ID or rejects
   * with a BuildError. The builder's code loads on the first build; in jump
   * mode the clock waits for it, as for tracked I/O.
   */
  async build(req: BuildRequest, on: BuildListener, clientEnv?: ReadonlyMap<string, string>): Promise<string> {
    const { Builder } = await this.opts.scheduler.track(import('./build/builder.ts'));
    return new Builder(this, req, on, clientEnv).run();
  }

  /** Plain, serialisable state (persistence, panels, lessons). */
  snapshot(): EngineSnapshot {
    return {
      now: this.now(),
      images: this.images.all().map((i) => ({ ...i })),
      refs: this.refs.entries().map((e) => ({ ref: familiarString(e.ref), imageId: e.imageId })),
      containers: this.containersByCreation()
        .reverse()
        .map((c) => structuredCloneish(c)),
      layers: this.layers.summary(),
    };
  }
}

export interface EngineSnapshot {
  now: number;
  images: ImageRecord[];
  refs: Array<{ ref: string; imageId: string }>;
  containers: ContainerRecord[];
  layers: Array<{ chainId: string; diffId: string; size: number; refs: number }>;
}

function structuredCloneish<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/** `{"80/tcp": {}}` as moby lists it: private port and protocol, sorted by number. */
function exposedPorts(exposed: Record<string, unknown> | null | undefined): { privatePort: number; type: string }[] {
  if (!exposed) return [];
  return Object.keys(exposed)
    .map((k) => {
      const [port = '', type = 'tcp'] = k.split('/');
      return { privatePort: Number(port), type };
    })
    .filter((p) => Number.isInteger(p.privatePort))
    .sort((a, b) => a.privatePort - b.privatePort || a.type.localeCompare(b.type));
}
