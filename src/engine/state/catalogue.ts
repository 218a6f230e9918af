// Pulled layers are saved by reference, not by content: the catalogue
// recipe that builds them, found by the tree's fingerprint (the key of the
// precomputed digest table) and the catalogue's creation time. A restored
// host rebuilds such a layer only when something reads it.
import type { LayerTree } from '../layer/tree.ts';
import { buildTree, loadDigestTable, loadedDigestRow, treeFingerprint } from '../registry/catalogue/build.ts';

export interface CatalogueRef {
  /** The tree's fingerprint (build.ts), a key of CATALOGUE_DIGESTS. */
  fp: string;
  /** The mtime every entry of a catalogue layer carries: its image's creation time. */
  mtime: number;
}

/** The catalogue reference of a layer, when a catalogue recipe builds exactly this DiffID. */
export function catalogueRefOf(tree: LayerTree, diffId: string): CatalogueRef | undefined {
  // a catalogue layer's entries all carry its image's creation time, which finds the recipe again
  let mtime: number | undefined;
  for (const [, e] of tree.walk()) {
    if (mtime === undefined) mtime = e.mtime;
    else if (e.mtime !== mtime) return undefined;
  }
  if (mtime === undefined) return undefined;
  const fp = treeFingerprint(tree);
  if (fp === null) return undefined;
  // loaded by the pull that brought the layer, or by the restore (catalogueBuilder)
  const row = loadedDigestRow(fp);
  if (row === undefined || row[1] !== diffId) return undefined;
  return { fp, mtime };
}

/** Builders of catalogue layers by fingerprint, filled per creation time as restores ask. */
const builders = new Map<string, () => LayerTree>();
const indexed = new Set<number>();

/**
 * A function building the layer `ref` names, or undefined when no recipe of
 * this Berth's catalogue does. Loads the catalogue on first use; digests
 * every layer of the recipes created at `ref.mtime` once per process.
 */
export async function catalogueBuilder(ref: CatalogueRef): Promise<(() => LayerTree) | undefined> {
  await loadDigestTable();
  if (!indexed.has(ref.mtime)) {
    const { CATALOGUE } = await import('../registry/catalogue/images.ts');
    if (!indexed.has(ref.mtime)) {
      indexed.add(ref.mtime);
      for (const recipe of CATALOGUE) {
        const mtime = Date.parse(recipe.created);
        if (mtime !== ref.mtime) continue;
        for (const h of recipe.history) {
          if (!('entries' in h)) continue;
          const fp = treeFingerprint(buildTree(h.entries(), mtime));
          if (fp !== null && !builders.has(fp)) builders.set(fp, () => buildTree(h.entries(), mtime));
        }
      }
    }
  }
  return builders.get(ref.fp);
}
