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
import { AuthErrors, type Credentials } from './auth.ts';
import { LocalRegistry } from './local.ts';

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
  /** Repositories learners pushed to their own namespaces: public, pullable by every host (saved with the workspace). */
  readonly pushed = new LocalRegistry();
  /** Docker IDs by name, with their passwords: the first login with a name signs it up. */
  private readonly accounts = new Map<string, string>();

  /** The images it serves: the given ones, or the catalogue (loaded on first use). */
  constructor(
    private readonly sha256: Sha256,
    private readonly recipes?: readonly ImageRecipe[],
  ) {}

  private async find(ref: Reference): Promise<ImageRecipe[]> {
    const recipes = this.recipes ?? (await loadCatalogue());
    return recipes.filter((r) => r.repo === ref.path);
  }

  /** Checks a login (moby's /auth): a name seen before needs its password again. */
  async authenticate(c: Credentials): Promise<void> {
    const known = this.accounts.get(c.username);
    if (known !== undefined && known !== c.password) throw AuthErrors.incorrectPassword();
    this.accounts.set(c.username, c.password);
  }

  async resolve(ref: Reference): Promise<RemoteImage> {
    if (ref.domain !== 'docker.io') throw Errors.registryUnreachable(ref.domain);
    if (this.pushed.holds(ref)) return this.pushed.resolve(ref);
    const candidates = await this.find(ref);
    if (candidates.length === 0 && this.pushed.tagsOf(ref.path).length > 0) {
      // a pushed repository without that tag or digest
      throw Errors.manifestUnknown(ref.digest !== undefined ? `${familiarName(ref)}@${ref.digest}` : `${familiarName(ref)}:${ref.tag}`);
    }
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
    const pushed = this.pushed.tagsOf(ref.path);
    if (candidates.length === 0 && pushed.length === 0) throw Errors.repositoryDoesNotExist(familiarName(ref));
    return [...new Set([...candidates.flatMap((r) => r.tags), ...pushed])].sort();
  }

  /**
   * A push goes into the pushing account's own namespace (`alice/app` for
   * alice); without a login, or elsewhere (`library/…`, someone else's), the
   * Hub refuses every upload. Blobs mount from the catalogue's repositories
   * as from pushed ones ("Mounted from library/busybox").
   */
  async openPush(ref: Reference, auth?: Credentials): Promise<RepositoryWriter> {
    if (ref.domain !== 'docker.io') throw Errors.registryUnreachable(ref.domain);
    const owner = ref.path.split('/')[0];
    // the Hub's accounts are not saved with a workspace: credentials a client kept sign their account up again
    const known = auth ? (this.accounts.get(auth.username) ?? auth.password) : undefined;
    if (!auth || !ref.path.includes('/') || owner !== auth.username || known !== auth.password) {
      const denied = async (): Promise<never> => {
        throw Errors.pushDenied();
      };
      return { hasBlob: denied, mountBlob: denied, putBlob: denied, putManifest: denied };
    }
    this.accounts.set(auth.username, auth.password);
    const writer = await this.pushed.openPush(ref);
    return {
      ...writer,
      mountBlob: async (digest, fromPath) => (await writer.mountBlob(digest, fromPath)) || (((await this.catalogueHolds(fromPath, digest)) && this.pushed.adoptBlob(ref.path, digest))),
    };
  }

  /** Whether a catalogue repository serves a layer blob (only images already built: the ones pulled). */
  private async catalogueHolds(path: string, digest: string): Promise<boolean> {
    const recipes = this.recipes ?? (await loadCatalogue());
    for (const r of recipes) {
      if (r.repo !== path) continue;
      const img = this.built.get(r);
      if (img && (await img).layers.some((l) => l.digest === digest)) return true;
    }
    return false;
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
