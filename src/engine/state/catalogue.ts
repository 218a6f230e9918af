// Pulled layers are saved by reference, not by content: the catalogue
// recipe that builds them. The reference holds the tree's fingerprint (the
// key of the precomputed digest table, which says the DiffID it builds), the
// creation time every entry of a catalogue layer carries (its image's), and
// the history step that made it (created_by): together they find the recipe
// again without building anything. A restored host builds such a layer only
// when something reads it.
import type { LayerTree } from '../layer/tree.ts';
import { buildTree, loadDigestTable, loadedDigestRow, treeFingerprint } from '../registry/catalogue/build.ts';
import type { LayerRecipe } from '../registry/catalogue/recipe.ts';

export interface CatalogueRef {
  /** The tree's fingerprint (build.ts), a key of the digest table (digests.ts). */
  fp: string;
  /** The mtime of every entry of the layer: its image's creation time. */
  mtime: number;
  /** The history step that made the layer, when an image names it. */
  createdBy?: string;
}

/** The catalogue reference of a layer, when a catalogue recipe builds exactly this DiffID. */
export function catalogueRefOf(tree: LayerTree, diffId: string, createdBy: string | undefined): CatalogueRef | undefined {
  let mtime: number | undefined;
  for (const [, e] of tree.walk()) {
    if (mtime === undefined) mtime = e.mtime;
    else if (e.mtime !== mtime) return undefined;
  }
  if (mtime === undefined) return undefined;
  const fp = treeFingerprint(tree);
  // the digest table is loaded by the pull that brought the layer, or by the restore that rebuilt it (catalogueBuilder)
  if (fp === null || loadedDigestRow(fp)?.[1] !== diffId) return undefined;
  return createdBy === undefined ? { fp, mtime } : { fp, mtime, createdBy };
}

/** Layers found by fingerprint (the slow path), filled per creation time as restores ask. */
const byFingerprint = new Map<string, LayerRecipe>();
const indexed = new Set<number>();

/**
 * A function building the layer `ref` names (DiffID `diffId`), or undefined
 * when this Berth's catalogue has no such layer. Loads the catalogue on
 * first use; builds trees only when the history step does not single out
 * one recipe layer.
 */
export async function catalogueBuilder(ref: CatalogueRef, diffId: string): Promise<(() => LayerTree) | undefined> {
  const { CATALOGUE_DIGESTS } = await loadDigestTable();
  if (CATALOGUE_DIGESTS[ref.fp]?.[1] !== diffId) return undefined;
  const { CATALOGUE } = await import('../registry/catalogue/images.ts');
  const build = (h: LayerRecipe) => () => buildTree(h.entries(), ref.mtime);
  const recipes = CATALOGUE.filter((r) => Date.parse(r.created) === ref.mtime);
  if (ref.createdBy !== undefined) {
    const steps = new Set<LayerRecipe>();
    for (const r of recipes) for (const h of r.history) if ('entries' in h && h.createdBy === ref.createdBy) steps.add(h);
    if (steps.size === 1) return build([...steps][0]!);
  }
  if (!indexed.has(ref.mtime)) {
    indexed.add(ref.mtime);
    for (const r of recipes) {
      for (const h of r.history) {
        if (!('entries' in h)) continue;
        const fp = treeFingerprint(buildTree(h.entries(), ref.mtime));
        if (fp !== null && !byFingerprint.has(fp)) byFingerprint.set(fp, h);
      }
    }
  }
  const found = byFingerprint.get(ref.fp);
  return found && build(found);
}
