// Turns catalogue recipes into layer trees, and digests a layer the way
// the registry addresses it (Berth's registries keep layers uncompressed,
// so the blob digest is the DiffID).
import { LayerTree, type EntrySpec } from '../../layer/tree.ts';
import { writeLayerTar } from '../../layer/tar.ts';
import { Sha256 } from '../../layer/sha256.ts';
import type { EntryRecipe } from './recipe.ts';

export function buildTree(entries: EntryRecipe[], mtime = 0): LayerTree {
  const specs: EntrySpec[] = entries.map((e) => {
    switch (e.type) {
      case 'text':
        return { type: 'file', path: e.path, content: e.text, mode: e.mode, mtime };
      case 'file':
        return { type: 'file', path: e.path, size: e.size, mode: e.mode, mtime };
      case 'dir':
        return { type: 'dir', path: e.path, mode: e.mode, mtime };
      case 'symlink':
        return { type: 'symlink', path: e.path, target: e.target, mode: 0o777, mtime };
    }
  });
  return LayerTree.from(specs, { mtime });
}

/** sha256 and byte length of the layer's tar, streamed so a big layer never sits in memory. */
export async function layerDigest(tree: LayerTree): Promise<{ digest: string; size: number }> {
  const h = new Sha256();
  let size = 0;
  for await (const chunk of writeLayerTar(tree)) {
    h.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${h.hex()}`, size };
}
