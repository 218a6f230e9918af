// A private registry (the `registry:2` image a learner runs on port 5000):
// empty until something is pushed, then it serves what it holds, by tag or
// by digest, with the registry's own error codes.
import { Errors } from '../errors/messages.ts';
import { familiarName, type Reference } from '../image/reference.ts';
import type { PushedManifest, Registry, RemoteImage, RemoteLayer, RepositoryWriter } from './registry.ts';

interface Repository {
  tags: Map<string, string>;
  manifests: Set<string>;
  blobs: Set<string>;
}

export class LocalRegistry implements Registry {
  private repos = new Map<string, Repository>();
  private manifests = new Map<string, PushedManifest>();
  private blobs = new Map<string, RemoteLayer>();
  /** Bumped on every change: a host saving it notices pushes other hosts made. */
  revision = 0;

  async resolve(ref: Reference): Promise<RemoteImage> {
    const repo = this.repos.get(ref.path);
    const digest = ref.digest ?? repo?.tags.get(ref.tag!);
    const found = digest !== undefined && repo?.manifests.has(digest) ? this.manifests.get(digest) : undefined;
    if (!found) {
      const name = familiarName(ref);
      // registry:2 answers MANIFEST_UNKNOWN whether or not the repository exists
      throw Errors.manifestUnknown(ref.digest !== undefined ? `${name}@${ref.digest}` : `${name}:${ref.tag}`);
    }
    return { manifestDigest: found.digest, configJson: found.configJson, layers: found.layers };
  }

  /** Whether the tag or digest a reference names is here (the Hub serves pushed repositories before its catalogue). */
  holds(ref: Reference): boolean {
    const repo = this.repos.get(ref.path);
    const digest = ref.digest ?? (ref.tag !== undefined ? repo?.tags.get(ref.tag) : undefined);
    return digest !== undefined && (repo?.manifests.has(digest) ?? false);
  }

  /** A repository's tags, none when it does not exist. */
  tagsOf(path: string): string[] {
    return [...(this.repos.get(path)?.tags.keys() ?? [])];
  }

  /** Marks a blob as held by a repository (a mount from a repository this registry does not keep). */
  adoptBlob(path: string, digest: string): true {
    let r = this.repos.get(path);
    if (!r) {
      r = { tags: new Map(), manifests: new Set(), blobs: new Set() };
      this.repos.set(path, r);
    }
    r.blobs.add(digest);
    this.revision++;
    return true;
  }

  async tags(ref: Reference): Promise<string[]> {
    const repo = this.repos.get(ref.path);
    if (!repo || repo.tags.size === 0) throw Errors.repositoryNotFound(familiarName(ref));
    return [...repo.tags.keys()].sort();
  }

  async openPush(ref: Reference): Promise<RepositoryWriter> {
    const path = ref.path;
    const repo = (): Repository => {
      let r = this.repos.get(path);
      if (!r) {
        r = { tags: new Map(), manifests: new Set(), blobs: new Set() };
        this.repos.set(path, r);
      }
      return r;
    };
    return {
      hasBlob: async (digest) => this.repos.get(path)?.blobs.has(digest) ?? false,
      mountBlob: async (digest, fromPath) => {
        if (!this.repos.get(fromPath)?.blobs.has(digest)) return false;
        this.revision++;
        repo().blobs.add(digest);
        return true;
      },
      putBlob: async (layer) => {
        this.revision++;
        if (!this.blobs.has(layer.digest)) this.blobs.set(layer.digest, layer);
        repo().blobs.add(layer.digest);
      },
      putManifest: async (tag, manifest) => {
        this.revision++;
        const r = repo();
        this.manifests.set(manifest.digest, manifest);
        r.manifests.add(manifest.digest);
        r.tags.set(tag, manifest.digest);
      },
    };
  }

  /** Repositories that have a tag, with their tags, in byte order as GET /v2/_catalog and tags/list give them. */
  async catalog(): Promise<Array<{ path: string; tags: string[] }>> {
    const byBytes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return [...this.repos]
      .filter(([, r]) => r.tags.size > 0)
      .map(([path, r]) => ({ path, tags: [...r.tags.keys()].sort(byBytes) }))
      .sort((a, b) => byBytes(a.path, b.path));
  }

  /** What the registry holds (persistence): repositories, manifests and blobs. */
  contents(): RegistryContents {
    return {
      repos: [...this.repos].map(([path, r]) => ({ path, tags: [...r.tags], manifests: [...r.manifests], blobs: [...r.blobs] })),
      manifests: [...this.manifests.values()],
      blobs: [...this.blobs.values()],
    };
  }

  /** Puts back what `contents()` gave (persistence), replacing what the registry held. */
  restore(c: RegistryContents): void {
    this.revision++;
    this.repos = new Map(c.repos.map((r) => [r.path, { tags: new Map(r.tags), manifests: new Set(r.manifests), blobs: new Set(r.blobs) }]));
    this.manifests = new Map(c.manifests.map((m) => [m.digest, m]));
    this.blobs = new Map(c.blobs.map((b) => [b.digest, b]));
  }
}

export interface RegistryContents {
  repos: Array<{ path: string; tags: Array<[tag: string, digest: string]>; manifests: string[]; blobs: string[] }>;
  manifests: PushedManifest[];
  blobs: RemoteLayer[];
}
