// Turns catalogue recipes into layer trees, and digests a layer the way
// the registry addresses it: the digest of its gzip blob.
import { LayerTree, type EntrySpec } from '../../layer/tree.ts';
import { layerTarChunks } from '../../layer/tar.ts';
import { gzipStored } from '../../layer/gzip.ts';
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

/** The layer's DiffID (sha256 of its tar), and the digest and size of its gzip blob, streamed. */
export async function layerDigest(tree: LayerTree): Promise<{ digest: string; diffId: string; size: number }> {
  const tarHash = new Sha256();
  const blobHash = new Sha256();
  let size = 0;
  function* tar(): Generator<Uint8Array> {
    for (const chunk of layerTarChunks(tree)) {
      tarHash.update(chunk);
      yield chunk;
    }
  }
  for (const chunk of gzipStored(tar())) {
    blobHash.update(chunk);
    size += chunk.length;
  }
  return { digest: `sha256:${blobHash.hex()}`, diffId: `sha256:${tarHash.hex()}`, size };
}
