// The records a saved engine is made of: their keys and the shapes of their
// values. Every value is structured-cloneable (plain objects, arrays,
// strings, numbers, booleans, null, Uint8Array) so IndexedDB stores it as is
// and the workspace file writes it as JSON plus raw bytes.
import type { ContainerRecord } from '../container/container.ts';
import type { ExecRecord } from '../container/exec.ts';
import type { DanglingReason } from '../image/service.ts';
import type { BlobSource } from '../registry/metadata.ts';
import type { CatalogueRef } from './catalogue.ts';
import type { EncodedTree } from './tree.ts';

/** The format this Berth writes; it reads every format up to this one. */
export const STATE_FORMAT = 1;

/** Log lines per `logs/<id>/<n>` record: a logging container rewrites only its last chunk. */
export const LOG_CHUNK = 256;

export const KEY = {
  meta: 'meta',
  refs: 'refs',
  v2: 'v2metadata',
  dangling: 'dangling',
  /** What learners pushed to Docker Hub. */
  hubRegistry: 'registry/hub',
  /** The layer blobs of the registry servers the host runs (their index is in their file systems). */
  registryBlobs: 'registry/blobs',
  buildCache: 'buildcache',
  image: (id: string) => `image/${id}`,
  layer: (chainId: string) => `layer/${chainId}`,
  content: (diffId: string) => `content/${diffId}`,
  container: (id: string) => `container/${id}`,
  rw: (id: string) => `rw/${id}`,
  logs: (id: string, chunk: number) => `logs/${id}/${chunk}`,
} as const;

export interface MetaValue {
  format: number;
  /** The virtual clock at capture, ms. */
  now: number;
}

export interface ImageValue {
  id: string;
  configJson: string;
  chainIds: string[];
  parent: string;
  size: number;
  added: number;
  /** Order of arrival (the image store's order). */
  seq: number;
}

export interface LayerValue {
  chainId: string;
  diffId: string;
  parent: string | null;
  size: number;
}

/** A layer's files: by catalogue reference (pulled) or by content (made here). */
export type ContentValue = { catalogue: CatalogueRef } | { tree: EncodedTree };

export interface ContainerValue {
  /** The record without its logs (they are in `logs/<id>/<n>`). */
  record: Omit<ContainerRecord, 'logs'>;
  logCount: number;
  /** The read-write layer's parents (ChainIDs, bottom first). */
  rwParents: string[];
  /** Finished exec instances (running ones end with the page). */
  execs: ExecRecord[];
  /** Order of creation (`docker ps` lists newest first). */
  seq: number;
}

export type RefsValue = Array<[ref: string, imageId: string]>;
export type V2Value = Array<[diffId: string, sources: BlobSource[]]>;
export type DanglingValue = Array<[imageId: string, reason: DanglingReason]>;

export interface RegistryValue {
  repos: Array<{ path: string; tags: Array<[tag: string, digest: string]>; manifests: string[]; blobs: string[] }>;
  manifests: Array<{ digest: string; json: string; configJson: string; layers: BlobValue[] }>;
  blobs: BlobValue[];
}

export interface BlobValue {
  digest: string;
  diffId: string;
  size: number;
}
