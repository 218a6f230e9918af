// What the engine needs from a registry: resolve a reference to a manifest,
// its config and its layers (Registry HTTP API v2 in spirit).
import type { Reference } from '../image/reference.ts';
import type { LayerTree } from '../layer/tree.ts';

export interface RemoteLayer {
  /** Blob digest (sha256:...); Berth's registries store layers uncompressed, so it is the DiffID. */
  digest: string;
  /** Declared content size in bytes. */
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
