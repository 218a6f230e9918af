// The registry panel's read model: what Docker Hub holds (repositories, their
// tags, the images behind them) and which tags this engine has pulled. The
// manifest digest and blob sizes of a tag come from the registry itself
// (`tagDetails`, asynchronous: the hub builds an image's manifest on demand).
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
