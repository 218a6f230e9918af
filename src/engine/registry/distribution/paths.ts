// Where Distribution 2.8's filesystem storage driver keeps things under its
// root directory (registry/storage/paths.go): blobs by digest, and per
// repository the links that say which blobs, manifests and tags it holds.

/** The storage driver's own prefix under `rootdirectory`. */
const V2 = '/docker/registry/v2';

const hex = (digest: string): string => digest.replace(/^sha256:/, '');
const join = (root: string, p: string): string => `${root.replace(/\/+$/, '')}${p}`;

export function blobsRoot(root: string): string {
  return join(root, `${V2}/blobs`);
}

export function repositoriesRoot(root: string): string {
  return join(root, `${V2}/repositories`);
}

/** blobDataPathSpec: `<root>/docker/registry/v2/blobs/sha256/<first two hex>/<hex>/data`. */
export function blobDataPath(root: string, digest: string): string {
  const h = hex(digest);
  return join(root, `${V2}/blobs/sha256/${h.slice(0, 2)}/${h}/data`);
}

export function repositoryPath(root: string, name: string): string {
  return `${repositoriesRoot(root)}/${name}`;
}

/** layerLinkPathSpec: a blob (layer or config) this repository holds. */
export function layerLinkPath(root: string, name: string, digest: string): string {
  return `${repositoryPath(root, name)}/_layers/sha256/${hex(digest)}/link`;
}

/** manifestRevisionLinkPathSpec. */
export function manifestRevisionLinkPath(root: string, name: string, digest: string): string {
  return `${repositoryPath(root, name)}/_manifests/revisions/sha256/${hex(digest)}/link`;
}

export function manifestTagsPath(root: string, name: string): string {
  return `${repositoryPath(root, name)}/_manifests/tags`;
}

/** manifestTagCurrentPathSpec + link. */
export function tagCurrentLinkPath(root: string, name: string, tag: string): string {
  return `${manifestTagsPath(root, name)}/${tag}/current/link`;
}

/** manifestTagIndexEntryLinkPathSpec. */
export function tagIndexLinkPath(root: string, name: string, tag: string, digest: string): string {
  return `${manifestTagsPath(root, name)}/${tag}/index/sha256/${hex(digest)}/link`;
}

export function uploadsPath(root: string, name: string): string {
  return `${repositoryPath(root, name)}/_uploads`;
}
