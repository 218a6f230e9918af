// What the engine needs from a registry: resolve a reference to a manifest,
// its config and its layers, and take pushed blobs and manifests (Registry
// HTTP API v2 in spirit).
import type { Reference } from '../image/reference.ts';
import type { LayerTree } from '../layer/tree.ts';
import type { Credentials } from './auth.ts';

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

/** A manifest as pushed: its exact bytes' digest, the config it names, and its layers bottom first. */
export interface PushedManifest {
  digest: string;
  json: string;
  configJson: string;
  layers: RemoteLayer[];
}

/**
 * One repository opened for a push (moby's NewV2Repository with push and
 * pull scopes). Every method may fail with a DaemonError worded as the
 * registry's answer (`denied: requested access to the resource is denied`).
 */
export interface RepositoryWriter {
  /** Whether this repository already holds the blob (HEAD /v2/<name>/blobs/<digest>). */
  hasBlob(digest: string): Promise<boolean>;
  /** Cross-repository mount from another repository of the same registry; false when that one lacks it. */
  mountBlob(digest: string, fromPath: string): Promise<boolean>;
  putBlob(layer: RemoteLayer): Promise<void>;
  /** Stores the manifest and points the tag at it. */
  putManifest(tag: string, manifest: PushedManifest): Promise<void>;
}

export interface Registry {
  /** The image a tag or digest names. Errors are DaemonErrors worded as Docker's. */
  resolve(ref: Reference): Promise<RemoteImage>;
  /** Every tag of a repository (pull -a). */
  tags(ref: Reference): Promise<string[]>;
  /** Opens a repository for pushing, as the host logged in (if it did); fails as the registry's ping or auth does. */
  openPush(ref: Reference, auth?: Credentials): Promise<RepositoryWriter>;
  /** Its repositories with their tags, sorted (GET /v2/_catalog, then tags/list): the registry panel reads it. */
  catalog?(): Promise<Array<{ path: string; tags: string[] }>>;
}
