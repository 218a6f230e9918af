// The bytes of layers that arrived as archives (docker load), kept beside
// their trees while the engine runs: saving them again gives back the very
// blob whose sha256 is the DiffID, whatever tar writer made it.
import type { LayerTree } from '../../layer/tree.ts';

const originals = new WeakMap<LayerTree, Uint8Array>();

export function rememberTar(tree: LayerTree, bytes: Uint8Array): void {
  if (!originals.has(tree)) originals.set(tree, bytes);
}

export function originalTar(tree: LayerTree): Uint8Array | undefined {
  return originals.get(tree);
}
