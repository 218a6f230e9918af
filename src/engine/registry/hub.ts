// Docker Hub as Berth serves it: the catalogue's images, built on first use,
// with real digests for layers, config and manifest. The catalogue itself
// (recipes of every image, a large module) loads at the first pull or tag
// lookup, not with the page.
import { Errors } from '../errors/messages.ts';
import { serializeImageConfig, type ImageConfig } from '../image/config.ts';
import { familiarName, type Reference } from '../image/reference.ts';
import type { LayerTree } from '../layer/tree.ts';
import { buildTree, layerDigest } from './catalogue/build.ts';
import type { ImageRecipe, LayerRecipe } from './catalogue/recipe.ts';
import type { Registry, RemoteImage, RepositoryWriter } from './registry.ts';
import { lazyModule } from '../lazy.ts';

export type Sha256 = (data: Uint8Array | string) => Promise<string>;

const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG_V1 = 'application/vnd.docker.container.image.v1+json';
const LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

const catalogue = lazyModule('the image catalogue', () => import('./catalogue/images.ts'));

/** Docker Hub's images as Berth knows them (loads the catalogue module). */
export async function loadCatalogue(): Promise<readonly ImageRecipe[]> {
  return (catalogue.value ?? (await catalogue.load())).CATALOGUE;
}

const isLayer = (h: ImageRecipe['history'][number]): h is LayerRecipe => 'entries' in h;

/** Layer digests depend only on the recipe: computed once per process, shared by every engine. */
const digests = new WeakMap<LayerRecipe, Promise<{ digest: string; diffId: string; size: number }>>();
function recipeDigest(h: LayerRecipe, mtime: number): Promise<{ digest: string; diffId: string; size: number }> {
  let p = digests.get(h);
  if (!p) {
    p = layerDigest(buildTree(h.entries(), mtime));
    digests.set(h, p);
  }
  return p;
}

export class HubRegistry implements Registry {
  private built = new Map<ImageRecipe, Promise<RemoteImage>>();

  /** The images it serves: the given ones, or the catalogue (loaded on first use). */
  constructor(
    private readonly sha256: Sha256,
    private readonly recipes?: readonly ImageRecipe[],
  ) {}

  private async find(ref: Reference): Promise<ImageRecipe[]> {
    const recipes = this.recipes ?? (await loadCatalogue());
    return recipes.filter((r) => r.repo === ref.path);
  }

  async resolve(ref: Reference): Promise<RemoteImage> {
    if (ref.domain !== 'docker.io') throw Errors.registryUnreachable(ref.domain);
    const candidates = await this.find(ref);
    if (candidates.length === 0) throw Errors.repositoryDoesNotExist(familiarName(ref));
    if (ref.digest !== undefined) {
      for (const recipe of candidates) {
        if (recipe.windowsOnly) continue;
        const img = await this.build(recipe);
        if (img.manifestDigest === ref.digest) return img;
      }
      throw Errors.manifestUnknown(`${familiarName(ref)}@${ref.digest}`);
    }
    const recipe = candidates.find((r) => r.tags.includes(ref.tag!));
    if (!recipe) throw Errors.manifestUnknown(`${familiarName(ref)}:${ref.tag}`);
    if (recipe.windowsOnly) throw Errors.noMatchingManifest();
    return this.build(recipe);
  }

  async tags(ref: Reference): Promise<string[]> {
    const candidates = await this.find(ref);
    if (candidates.length === 0) throw Errors.repositoryDoesNotExist(familiarName(ref));
    return candidates.flatMap((r) => r.tags).sort();
  }

  /** Pushing to Docker Hub needs a login Berth does not have: every upload is refused. */
  async openPush(ref: Reference): Promise<RepositoryWriter> {
    if (ref.domain !== 'docker.io') throw Errors.registryUnreachable(ref.domain);
    const denied = async (): Promise<never> => {
      throw Errors.pushDenied();
    };
    return { hasBlob: denied, mountBlob: denied, putBlob: denied, putManifest: denied };
  }

  private build(recipe: ImageRecipe): Promise<RemoteImage> {
    let p = this.built.get(recipe);
    if (!p) {
      p = this.assemble(recipe);
      this.built.set(recipe, p);
    }
    return p;
  }

  private async assemble(recipe: ImageRecipe): Promise<RemoteImage> {
    const layers: RemoteImage['layers'] = [];
    const mtime = Date.parse(recipe.created);
    for (const h of recipe.history) {
      if (!isLayer(h)) continue;
      const { digest, diffId, size } = await recipeDigest(h, mtime);
      // the tree is rebuilt on demand so an unpulled catalogue costs nothing
      layers.push({ digest, diffId, size, tree: (): LayerTree => buildTree(h.entries(), mtime) });
    }
    const config: ImageConfig = {
      architecture: 'amd64',
      config: recipe.config,
      created: recipe.created,
      history: recipe.history.map((h) => ({
        created: recipe.created,
        created_by: h.createdBy,
        ...(isLayer(h) ? {} : { empty_layer: true }),
      })),
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) },
    };
    const configJson = serializeImageConfig(config);
    const configDigest = `sha256:${await this.sha256(configJson)}`;
    const manifest = JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST_V2,
      config: { mediaType: CONFIG_V1, size: new TextEncoder().encode(configJson).length, digest: configDigest },
      layers: layers.map((l) => ({ mediaType: LAYER_GZIP, size: l.size, digest: l.digest })),
    });
    return { manifestDigest: `sha256:${await this.sha256(manifest)}`, configJson, layers };
  }
}
