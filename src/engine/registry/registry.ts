// What the engine needs from a registry: resolve a reference to a manifest,
// its config and its layers (Registry HTTP API v2 in spirit).
import type { Reference } from '../image/reference.ts';
import type { LayerTree } from '../layer/tree.ts';

export interface RemoteLayer {
  /** Digest of the compressed blob (sha256:...): what pull progress shows. */
  digest: string;
  /** sha256 of the uncompressed tar. */
  diffId: string;
  /** Blob size in bytes. */
  size: number;
  /** Builds the layer's files (called only when the layer is not local yet). */
  tree(): LayerTree;
}

export interface RemoteImage {
  /** sha256 of the manifest JSON: what `Digest:` prints and `@sha256:` pins. */
  manifestDigest: string;
  configJson: string;
  layers: RemoteLayer[];
}

export interface Registry {
  /** The image a tag or digest names. Errors are DaemonErrors worded as Docker's. */
  resolve(ref: Reference): Promise<RemoteImage>;
  /** Every tag of a repository (pull -a). */
  tags(ref: Reference): Promise<string[]>;
}
