// The registry panel's read model: what Docker Hub holds (repositories, their
// tags, the images behind them) and which tags this engine has pulled. The
// manifest digest and blob sizes of a tag come from the registry itself
// (`tagDetails`, asynchronous: the hub builds an image's manifest on demand).
import type { ContainerStatus } from '../container/state.ts';
import type { Daemon } from '../daemon.ts';
import { familiarName, parseReference, withDefaultTag, type Reference } from '../image/reference.ts';
import type { ImageRecipe } from '../registry/catalogue/recipe.ts';
import type { Registry } from '../registry/registry.ts';

export interface RegistryTag {
  tag: string;
  /** The local image this tag points to, when pulled (or tagged) here. */
  localId?: string;
  windowsOnly: boolean;
}

export interface RegistryRepo {
  /** As `docker pull` takes it: `ubuntu`, `training/webapp`. */
  name: string;
  /** One entry per image in the repository: tags that name the same image travel together. */
  images: Array<{ tags: RegistryTag[]; layers: number; created: string; windowsOnly: boolean }>;
  pulled: boolean;
}

/** The catalogue's repositories by name, each image with its tags and whether it is local. */
export function registryListing(daemon: Daemon, recipes: readonly ImageRecipe[]): RegistryRepo[] {
  const repos = new Map<string, RegistryRepo>();
  for (const r of recipes) {
    const name = familiarName({ domain: 'docker.io', path: r.repo });
    let repo = repos.get(name);
    if (!repo) repos.set(name, (repo = { name, images: [], pulled: false }));
    const tags = r.tags.map((tag): RegistryTag => {
      const localId = daemon.refs.get({ domain: 'docker.io', path: r.repo, tag });
      if (localId) repo!.pulled = true;
      return { tag, windowsOnly: !!r.windowsOnly, ...(localId ? { localId } : {}) };
    });
    repo.images.push({ tags, layers: r.history.filter((h) => 'entries' in h).length, created: r.created, windowsOnly: !!r.windowsOnly });
  }
  return [...repos.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface TagDetails {
  manifestDigest: string;
  /** The image ID the manifest's config names. */
  configDigest: string;
  layers: Array<{ digest: string; size: number }>;
  /** Compressed bytes to download (the blobs' sizes). */
  size: number;
}

/** A tag's manifest as the registry serves it; the DaemonError's message when it cannot. */
export async function tagDetails(registry: Registry, name: string, tag: string, sha256: (s: string) => Promise<string>): Promise<TagDetails | { error: string }> {
  let ref: Reference;
  try {
    ref = withDefaultTag(parseReference(`${name}:${tag}`));
    const img = await registry.resolve(ref);
    return {
      manifestDigest: img.manifestDigest,
      configDigest: `sha256:${await sha256(img.configJson)}`,
      layers: img.layers.map((l) => ({ digest: l.digest, size: l.size })),
      size: img.layers.reduce((n, l) => n + l.size, 0),
    };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

// ------------------------------------------------------------------ servers
// What registry servers hold, repository by repository, each tag with its
// manifest digest and layers. A panel reading a registry is not a client of
// it: where the server keeps its store in files (registry:2's
// /var/lib/registry), the manifests are read there, so `docker logs
// registry` shows only the requests learners made.

/** A manifest as the registry stores it: its digest, the image ID it names, its layers' blobs. */
export interface ManifestView {
  digest: string;
  configDigest: string;
  layers: Array<{ digest: string; size: number }>;
  /** The layers' compressed bytes. */
  size: number;
}

export interface RegistryTagView {
  tag: string;
  manifest?: ManifestView;
  /** Why the manifest could not be read (the registry's message). */
  error?: string;
}

export interface RegistryRepoView {
  /** The repository's path in the registry (`busybox`, `alice/app`). */
  path: string;
  tags: RegistryTagView[];
}

/** A registry server, as the host lists those on its ports. */
export interface ServerSource {
  address: string;
  server: string;
  containerId?: string;
  registry: Registry;
}

export interface ServerView {
  /** `localhost:5000`. */
  address: string;
  /** A container's name, or the host's service. */
  server: string;
  container?: { id: string; name: string; status: ContainerStatus; image: string };
  repos: RegistryRepoView[];
  /** The catalog could not be read. */
  error?: string;
}

/** A stopped container of a registry image: what it stored stays in its file system until it is removed. */
export interface StoppedServer {
  id: string;
  name: string;
  status: ContainerStatus;
  exitCode: number;
  image: string;
}

/** How many tags a server's listing resolves at most (a panel, not a mirror). */
export const TAGS_SHOWN = 200;

/** The parts of registry:2's file store read without a request (distribution/fs-registry.ts). */
interface FileStore {
  tagDigest(name: string, tag: string): string | null;
  manifestBytes(name: string, digest: string): Uint8Array | null;
}

const isFileStore = (r: unknown): r is FileStore =>
  typeof (r as Partial<FileStore>).tagDigest === 'function' && typeof (r as Partial<FileStore>).manifestBytes === 'function';

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** A manifest read from the store's files: schema 2 or OCI, with its config and layers. */
function storedManifest(store: FileStore, path: string, tag: string): ManifestView | { error: string } {
  const digest = store.tagDigest(path, tag);
  const bytes = digest === null ? null : store.manifestBytes(path, digest);
  if (digest === null || bytes === null) return { error: 'manifest unknown' };
  try {
    const m = JSON.parse(new TextDecoder().decode(bytes)) as { config?: { digest?: string }; layers?: Array<{ digest?: string; size?: number }> };
    const layers = (m.layers ?? []).map((l) => ({ digest: String(l.digest ?? ''), size: Number(l.size ?? 0) }));
    return { digest, configDigest: String(m.config?.digest ?? ''), layers, size: layers.reduce((n, l) => n + l.size, 0) };
  } catch {
    return { error: 'manifest invalid' };
  }
}

/** Every repository of a registry with its tags and their manifests; the registry's message when its catalog fails. */
export async function registryContents(
  registry: Registry,
  domain: string,
  sha256: (s: string) => Promise<string>,
): Promise<{ repos: RegistryRepoView[]; error?: string }> {
  if (!registry.catalog) return { repos: [], error: 'catalog not available' };
  let listing: Array<{ path: string; tags: string[] }>;
  try {
    listing = await registry.catalog();
  } catch (e) {
    return { repos: [], error: message(e) };
  }
  let budget = TAGS_SHOWN;
  const repos: RegistryRepoView[] = [];
  for (const { path, tags } of listing) {
    const views: RegistryTagView[] = [];
    for (const tag of tags) {
      if (budget-- <= 0) {
        views.push({ tag });
        continue;
      }
      if (isFileStore(registry)) {
        const m = storedManifest(registry, path, tag);
        views.push('error' in m ? { tag, error: m.error } : { tag, manifest: m });
        continue;
      }
      try {
        const img = await registry.resolve({ domain, path, tag });
        const layers = img.layers.map((l) => ({ digest: l.digest, size: l.size }));
        views.push({
          tag,
          manifest: { digest: img.manifestDigest, configDigest: `sha256:${await sha256(img.configJson)}`, layers, size: layers.reduce((n, l) => n + l.size, 0) },
        });
      } catch (e) {
        views.push({ tag, error: message(e) });
      }
    }
    repos.push({ path, tags: views });
  }
  return { repos };
}

/** The registry servers on a host's ports, each with what it holds and the container serving it. */
export async function serverViews(daemon: Daemon, servers: readonly ServerSource[]): Promise<ServerView[]> {
  const sha = (s: string) => daemon.sha256(s);
  return Promise.all(
    servers.map(async (s): Promise<ServerView> => {
      const c = s.containerId !== undefined ? daemon.containers.get(s.containerId) : undefined;
      const { repos, error } = await registryContents(s.registry, s.address, sha);
      return {
        address: s.address,
        server: s.server,
        ...(c ? { container: { id: c.id, name: c.name.replace(/^\//, ''), status: c.state.Status, image: c.config.Image ?? '' } } : {}),
        repos,
        ...(error !== undefined ? { error } : {}),
      };
    }),
  );
}

/** `registry`, `registry:2`, `docker.io/library/registry:2.8`: the image registry:2 is. */
const REGISTRY_IMAGE = /^(?:(?:docker\.io|registry-1\.docker\.io|index\.docker\.io)\/)?(?:library\/)?registry(?::[\w][\w.-]*)?(?:@sha256:[0-9a-f]{64})?$/;

/** Containers of the registry image that serve nothing now (created, exited, paused…), minus those a server view already shows. */
export function stoppedServers(daemon: Daemon, serving: readonly ServerView[]): StoppedServer[] {
  const shown = new Set(serving.flatMap((s) => (s.container ? [s.container.id] : [])));
  const out: StoppedServer[] = [];
  for (const c of daemon.containers.values()) {
    if (shown.has(c.id) || c.state.Running || !REGISTRY_IMAGE.test(c.config.Image ?? '')) continue;
    out.push({ id: c.id, name: c.name.replace(/^\//, ''), status: c.state.Status, exitCode: c.state.ExitCode, image: c.config.Image ?? '' });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** The repositories learners pushed to Docker Hub (the Hub's `pushed` store), if this Hub keeps pushes. */
export function hubPushedRegistry(hub: Registry): Registry | undefined {
  const pushed = (hub as { pushed?: unknown }).pushed;
  return pushed && typeof (pushed as Registry).resolve === 'function' && typeof (pushed as Registry).catalog === 'function' ? (pushed as Registry) : undefined;
}
