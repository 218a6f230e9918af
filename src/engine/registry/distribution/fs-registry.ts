// A registry whose truth is a directory tree in Distribution 2.8's storage
// layout (paths.ts): what `registry serve` keeps under /var/lib/registry in
// its container, or Debian's docker-registry under /var/lib/docker-registry
// on the host. Manifests and image configs are their real bytes in blob
// `data` files; a layer's `data` file is generated content of the blob's
// size, and the layer's files live in the host's BlobStore. A learner who
// deletes a file there changes what the registry serves.
import { DaemonError } from '../../errors/errors.ts';
import { Errors } from '../../errors/messages.ts';
import { FsError, type Fs } from '../../fs/types.ts';
import { familiarName, type Reference } from '../../image/reference.ts';
import { writeSized } from '../../runtime/programs/packages/system.ts';
import type { BlobStore } from '../blobs.ts';
import type { PushedManifest, Registry, RemoteImage, RemoteLayer, RepositoryWriter } from '../registry.ts';
import * as paths from './paths.ts';
import { generateTrustKey, type TrustKey } from './schema1.ts';
import { sha256Hex } from '../../layer/sha256.ts';
import { blobUnknown, errorBody, manifestUnknownRevision, manifestUnknownTag, type RegistryError } from './errcode.ts';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** What moby's client says when a blob GET answers 404 (distribution.ErrBlobUnknown). */
export const unknownBlob = (): DaemonError => new DaemonError('not-found', 'unknown blob');
/** moby pullSchema2Config when the config blob is gone (one attempt: a 404 is not retried). */
export const unknownConfigBlob = (): DaemonError =>
  new DaemonError('not-found', 'error pulling image configuration: download failed after attempts=1: unknown blob');

/** One HTTP exchange the daemon's typed call stands for, for the server's logs. */
export interface Exchange {
  method: string;
  uri: string;
  status: number;
  /** Body bytes written (Go counts them for HEAD too). */
  written: number;
  contentType: string;
  /** The registry error answered, if any (logged as "response completed with error"). */
  error?: RegistryError;
  vars?: Record<string, string>;
  /** The Host the daemon sent: the registry's address as the image reference names it. */
  host?: string;
  /** Info lines the handler logged on the way (the request's fields beside them). */
  infos?: string[];
}

export interface FsRegistryOptions {
  fs: Fs;
  /** storage.filesystem.rootdirectory. */
  root: string;
  blobs: BlobStore;
  /** storage.delete.enabled (REGISTRY_STORAGE_DELETE_ENABLED). */
  deleteEnabled?: boolean;
  /** Called for each HTTP exchange a typed call stands for (the daemon's pushes and pulls). */
  onExchange?: (e: Exchange) => void;
  /** A new upload's id (a UUID as Distribution names `_uploads/<uuid>`). */
  uploadId?: () => string;
  /** Wall-clock ms (an upload's startedat). */
  now?: () => number;
}

interface ManifestJson {
  mediaType?: string;
  config?: { digest?: string; size?: number };
  layers?: Array<{ digest: string; size: number }>;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** crypto/sha256's MarshalBinary before any byte: "sha\x03", the initial hash words, an empty block, length 0. */
const FRESH_SHA256_STATE = (() => {
  const b = new Uint8Array(108);
  b.set([0x73, 0x68, 0x61, 0x03]);
  [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19].forEach((w, i) => {
    for (let k = 0; k < 4; k++) b[4 + i * 4 + k] = (w >>> (24 - 8 * k)) & 0xff;
  });
  return b;
})();

/** An exchange answered with a registry error (Go counts the body written for HEAD too). */
function failed(method: string, uri: string, error: RegistryError, vars: Record<string, string>): Exchange {
  return { method, uri, status: 404, written: enc.encode(errorBody(error)).length, contentType: JSON_TYPE, error, vars };
}

export class FsRegistry implements Registry {
  readonly fs: Fs;
  readonly root: string;
  readonly blobs: BlobStore;
  readonly deleteEnabled: boolean;
  private readonly onExchange: (e: Exchange) => void;
  private readonly uploadId: () => string;
  private readonly now: () => number;
  private uploads = 0;
  private key: Promise<TrustKey | null> | undefined;

  constructor(o: FsRegistryOptions) {
    this.fs = o.fs;
    this.root = o.root;
    this.blobs = o.blobs;
    this.deleteEnabled = o.deleteEnabled ?? false;
    this.onExchange = o.onExchange ?? (() => {});
    this.uploadId = o.uploadId ?? (() => `00000000-0000-4000-8000-${String(++this.uploads).padStart(12, '0')}`);
    this.now = o.now ?? (() => Date.now());
  }

  // ------------------------------------------------------------ storage reads

  /** A link file's digest, or null when it is absent or not a digest. */
  readLink(path: string): string | null {
    const text = this.readText(path);
    return text !== null && /^sha256:[0-9a-f]{64}$/.test(text.trim()) ? text.trim() : null;
  }

  private readText(path: string): string | null {
    try {
      return dec.decode(this.fs.readFile(path));
    } catch (e) {
      if (e instanceof FsError) return null;
      throw e;
    }
  }

  private isFile(path: string): boolean {
    try {
      return this.fs.stat(path).type === 'file';
    } catch {
      return false;
    }
  }

  private isDir(path: string): boolean {
    try {
      return this.fs.stat(path).type === 'dir';
    } catch {
      return false;
    }
  }

  private list(path: string): string[] {
    try {
      return this.fs.readdir(path);
    } catch {
      return [];
    }
  }

  /** The bytes of a blob's data file, or null when gone. */
  blobData(digest: string): Uint8Array | null {
    try {
      return this.fs.readFile(paths.blobDataPath(this.root, digest));
    } catch {
      return null;
    }
  }

  /** A blob's size from its data file (stat: generated layer data is never read), or null when gone. */
  blobSize(digest: string): number | null {
    try {
      const st = this.fs.stat(paths.blobDataPath(this.root, digest));
      return st.type === 'file' ? st.size : null;
    } catch {
      return null;
    }
  }

  /** Whether a repository links a blob (layer or config) and its data is there: a blob GET/HEAD's answer. */
  repositoryHasBlob(name: string, digest: string): boolean {
    const link = this.readLink(paths.layerLinkPath(this.root, name, digest));
    return link === digest && this.blobSize(digest) !== null;
  }

  /** The digest a tag points at, or null. */
  tagDigest(name: string, tag: string): string | null {
    return this.readLink(paths.tagCurrentLinkPath(this.root, name, tag));
  }

  /** A manifest's bytes as this repository holds it (its revision link and the blob's data), or null. */
  manifestBytes(name: string, digest: string): Uint8Array | null {
    if (this.readLink(paths.manifestRevisionLinkPath(this.root, name, digest)) !== digest) return null;
    return this.blobData(digest);
  }

  /** Repositories as the catalog walk finds them: directories holding `_layers`, sorted. */
  repositories(): string[] {
    const out: string[] = [];
    const walk = (dir: string, prefix: string) => {
      for (const n of this.list(dir)) {
        if (n.startsWith('_')) continue;
        const p = `${dir}/${n}`;
        if (!this.isDir(p)) continue;
        const repo = prefix ? `${prefix}/${n}` : n;
        if (this.isDir(`${p}/_layers`)) out.push(repo);
        else walk(p, repo);
      }
    };
    walk(paths.repositoriesRoot(this.root), '');
    return out;
  }

  /** A repository's tags, or null when it has no tags directory (NAME_UNKNOWN). */
  tagList(name: string): string[] | null {
    const dir = paths.manifestTagsPath(this.root, name);
    if (!this.isDir(dir)) return null;
    return this.list(dir).filter((t) => this.isDir(`${dir}/${t}`));
  }

  // ------------------------------------------------------------ Registry

  /** Reports exchanges with the Host the daemon sends for this reference. */
  private emitter(ref: Reference): (e: Exchange) => void {
    return (e) => this.onExchange({ ...e, host: ref.domain });
  }

  async resolve(ref: Reference): Promise<RemoteImage> {
    const emit = this.emitter(ref);
    const name = ref.path;
    const shown = ref.digest !== undefined ? `${familiarName(ref)}@${ref.digest}` : `${familiarName(ref)}:${ref.tag}`;
    const reference = ref.digest ?? ref.tag!;
    emit({ method: 'GET', uri: '/v2/', status: 200, written: 2, contentType: JSON_TYPE });
    const digest = ref.digest ?? this.tagDigest(name, ref.tag!);
    const bytes = digest !== null ? this.manifestBytes(name, digest) : null;
    const uri = `/v2/${name}/manifests/${reference}`;
    if (digest === null || bytes === null) {
      const error = ref.digest !== undefined ? manifestUnknownRevision(name, ref.digest) : manifestUnknownTag(ref.tag!);
      emit(failed('GET', uri, error, { name, reference }));
      throw Errors.manifestUnknown(shown);
    }
    let manifest: ManifestJson;
    const json = dec.decode(bytes);
    try {
      manifest = JSON.parse(json) as ManifestJson;
    } catch {
      throw Errors.manifestUnknown(shown);
    }
    emit({ method: 'GET', uri, status: 200, written: bytes.length, contentType: manifest.mediaType ?? 'application/vnd.docker.distribution.manifest.v2+json', vars: { name, reference } });
    const configDigest = manifest.config?.digest ?? '';
    const config = this.repositoryHasBlob(name, configDigest) ? this.blobData(configDigest) : null;
    const configUri = `/v2/${name}/blobs/${configDigest}`;
    if (config === null) {
      emit(failed('GET', configUri, blobUnknown(configDigest), { name, digest: configDigest }));
      throw unknownConfigBlob();
    }
    emit({ method: 'GET', uri: configUri, status: 200, written: config.length, contentType: 'application/octet-stream', vars: { name, digest: configDigest } });
    const configJson = dec.decode(config);
    let diffIds: string[] = [];
    try {
      diffIds = (JSON.parse(configJson) as { rootfs?: { diff_ids?: string[] } }).rootfs?.diff_ids ?? [];
    } catch {
      // a config that is no JSON still pulls its layers; the daemon refuses it
    }
    const layers: RemoteLayer[] = (manifest.layers ?? []).map((l, i) => ({
      digest: l.digest,
      diffId: diffIds[i] ?? '',
      size: l.size,
      tree: () => {
        // the daemon GETs the blob only when the layer is not local
        const stored = this.repositoryHasBlob(name, l.digest) ? this.blobs.get(l.digest) : undefined;
        const layerUri = `/v2/${name}/blobs/${l.digest}`;
        if (stored === undefined) {
          emit(failed('GET', layerUri, blobUnknown(l.digest), { name, digest: l.digest }));
          throw unknownBlob();
        }
        emit({ method: 'GET', uri: layerUri, status: 200, written: l.size, contentType: 'application/octet-stream', vars: { name, digest: l.digest } });
        return stored.tree();
      },
    }));
    return { manifestDigest: digest, configJson, layers };
  }

  async tags(ref: Reference): Promise<string[]> {
    const emit = this.emitter(ref);
    const name = ref.path;
    const tags = this.tagList(name);
    if (tags === null || tags.length === 0) throw Errors.repositoryNotFound(familiarName(ref));
    emit({ method: 'GET', uri: `/v2/${name}/tags/list`, status: 200, written: 0, contentType: JSON_TYPE, vars: { name } });
    return tags;
  }

  async catalog(): Promise<Array<{ path: string; tags: string[] }>> {
    return this.repositories().map((path) => ({ path, tags: this.tagList(path) ?? [] }));
  }

  async openPush(ref: Reference): Promise<RepositoryWriter> {
    const emit = this.emitter(ref);
    const name = ref.path;
    emit({ method: 'GET', uri: '/v2/', status: 200, written: 2, contentType: JSON_TYPE });
    // a failed mount leaves the upload it started for the blob's PATCH and PUT
    let pending: string | undefined;
    return {
      hasBlob: async (digest) => {
        const has = this.repositoryHasBlob(name, digest);
        const uri = `/v2/${name}/blobs/${digest}`;
        if (has) emit({ method: 'HEAD', uri, status: 200, written: 0, contentType: 'application/octet-stream', vars: { name, digest } });
        else emit(failed('HEAD', uri, blobUnknown(digest), { name, digest }));
        return has;
      },
      mountBlob: async (digest, fromPath) => {
        const uri = `/v2/${name}/blobs/uploads/?from=${encodeURIComponent(fromPath)}&mount=${encodeURIComponent(digest)}`;
        if (!this.repositoryHasBlob(fromPath, digest)) {
          // the mount fails and the registry starts an upload instead (202)
          pending = this.startUpload(name);
          emit({ method: 'POST', uri, status: 202, written: 0, contentType: '', vars: { name } });
          return false;
        }
        this.link(paths.layerLinkPath(this.root, name, digest), digest);
        emit({ method: 'POST', uri, status: 201, written: 0, contentType: '', vars: { name } });
        return true;
      },
      putBlob: async (layer) => {
        const dir = pending;
        pending = undefined;
        this.upload(emit, name, layer.digest, (path) => writeSized(this.fs, path, layer.size, 0o644), dir);
        this.blobs.put(layer);
      },
      putManifest: async (tag, m) => this.putManifest(emit, name, tag, m),
    };
  }

  // ------------------------------------------------------------ storage writes

  private writeText(path: string, text: string): void {
    this.mkdirp(path.slice(0, path.lastIndexOf('/')));
    this.fs.writeFile(path, enc.encode(text));
  }

  private mkdirp(dir: string): void {
    this.fs.mkdir(dir, { recursive: true });
  }

  /** A link file: the digest, without a newline. */
  private link(path: string, digest: string): void {
    this.writeText(path, digest);
  }

  /** `_uploads/<uuid>/` with its startedat, as blobUploadHandler.StartBlobUpload leaves it. */
  private startUpload(name: string): string {
    const id = this.uploadId();
    const dir = `${paths.uploadsPath(this.root, name)}/${id}`;
    this.mkdirp(`${dir}/hashstates/sha256`);
    this.writeText(`${dir}/startedat`, new Date(this.now()).toISOString().replace(/\.\d+Z$/, 'Z'));
    // the file writer's empty data and the digester's state at offset 0 (Go's sha256 MarshalBinary of a fresh hash)
    this.fs.writeFile(`${dir}/data`, new Uint8Array(0));
    this.fs.writeFile(`${dir}/hashstates/sha256/0`, FRESH_SHA256_STATE);
    return dir;
  }

  /**
   * One blob upload (POST, PATCH, PUT ?digest=): written to the upload's
   * data file, moved to the blob store's path when new, linked into the
   * repository; the upload's directory goes, `_uploads` stays.
   */
  private upload(emit: (e: Exchange) => void, name: string, digest: string, write: (path: string) => void, started?: string): void {
    const base = `/v2/${name}/blobs/uploads/`;
    const dir = started ?? this.startUpload(name);
    const id = dir.slice(dir.lastIndexOf('/') + 1);
    if (started === undefined) emit({ method: 'POST', uri: base, status: 202, written: 0, contentType: '', vars: { name } });
    write(`${dir}/data`);
    emit({ method: 'PATCH', uri: `${base}${id}`, status: 202, written: 0, contentType: '', vars: { name, uuid: id } });
    const target = paths.blobDataPath(this.root, digest);
    if (this.isFile(target)) this.fs.rm(`${dir}/data`);
    else {
      this.mkdirp(target.slice(0, target.lastIndexOf('/')));
      this.fs.rename(`${dir}/data`, target);
    }
    this.fs.rm(dir, { recursive: true });
    this.link(paths.layerLinkPath(this.root, name, digest), digest);
    emit({ method: 'PUT', uri: `${base}${id}?digest=${encodeURIComponent(digest)}`, status: 201, written: 0, contentType: '', vars: { name, uuid: id } });
  }

  private async putManifest(emit: (e: Exchange) => void, name: string, tag: string, m: PushedManifest): Promise<void> {
    const parsed = JSON.parse(m.json) as ManifestJson;
    const configDigest = parsed.config?.digest;
    if (configDigest !== undefined && !this.repositoryHasBlob(name, configDigest)) {
      // the daemon checks for the config blob, then uploads it
      const uri = `/v2/${name}/blobs/${configDigest}`;
      emit(failed('HEAD', uri, blobUnknown(configDigest), { name, digest: configDigest }));
      this.upload(emit, name, configDigest, (path) => this.fs.writeFile(path, enc.encode(m.configJson)));
    }
    const target = paths.blobDataPath(this.root, m.digest);
    if (!this.isFile(target)) this.writeText(target, m.json);
    this.link(paths.manifestRevisionLinkPath(this.root, name, m.digest), m.digest);
    this.link(paths.tagIndexLinkPath(this.root, name, tag, m.digest), m.digest);
    this.link(paths.tagCurrentLinkPath(this.root, name, tag), m.digest);
    emit({ method: 'PUT', uri: `/v2/${name}/manifests/${tag}`, status: 201, written: 0, contentType: '', vars: { name, reference: tag } });
  }

  // ------------------------------------------------------------ uploads over HTTP (curl)

  /** POST /v2/<name>/blobs/uploads/: a new upload's id. */
  beginUpload(name: string): string {
    const dir = this.startUpload(name);
    return dir.slice(dir.lastIndexOf('/') + 1);
  }

  private uploadDir(name: string, id: string): string {
    return `${paths.uploadsPath(this.root, name)}/${id}`;
  }

  /** The bytes an upload holds so far, or null when there is no such upload (BLOB_UPLOAD_UNKNOWN). */
  uploadSize(name: string, id: string): number | null {
    if (!/^[0-9a-f-]{36}$/.test(id) || !this.isDir(this.uploadDir(name, id))) return null;
    try {
      return this.fs.stat(`${this.uploadDir(name, id)}/data`).size;
    } catch {
      return 0;
    }
  }

  /** PATCH: appends a chunk. */
  appendUpload(name: string, id: string, bytes: Uint8Array): void {
    this.fs.writeFile(`${this.uploadDir(name, id)}/data`, bytes, { append: true });
  }

  /** PUT ?digest=: the upload becomes the blob when its bytes have that digest; false (DIGEST_INVALID, the upload gone) otherwise. */
  commitUpload(name: string, id: string, digest: string): boolean {
    const dir = this.uploadDir(name, id);
    let data: Uint8Array;
    try {
      data = this.fs.readFile(`${dir}/data`);
    } catch {
      data = new Uint8Array(0);
    }
    if (`sha256:${sha256Hex(data)}` !== digest) {
      // the handler cancels an upload that failed to commit
      this.fs.rm(dir, { recursive: true });
      return false;
    }
    const target = paths.blobDataPath(this.root, digest);
    if (!this.isFile(target)) {
      this.mkdirp(target.slice(0, target.lastIndexOf('/')));
      this.fs.writeFile(target, data);
    }
    this.fs.rm(dir, { recursive: true });
    this.link(paths.layerLinkPath(this.root, name, digest), digest);
    return true;
  }

  /** A cross-repository mount over HTTP (POST ?mount=&from=): the blob linked into this repository. */
  mountBlobFrom(name: string, digest: string): void {
    this.link(paths.layerLinkPath(this.root, name, digest), digest);
  }

  /** DELETE of an upload. */
  cancelUpload(name: string, id: string): void {
    this.fs.rm(this.uploadDir(name, id), { recursive: true });
  }

  /** PUT /v2/<name>/manifests/<reference> with a schema 2 manifest: the blob it names that this repository lacks, or its digest once stored. */
  storeManifest(name: string, reference: string, bytes: Uint8Array): { missing: string } | { digest: string } {
    const m = JSON.parse(new TextDecoder().decode(bytes)) as { config?: { digest?: string }; layers?: Array<{ digest?: string }> };
    for (const d of [m.config?.digest, ...(m.layers ?? []).map((l) => l.digest)]) {
      if (d !== undefined && !this.repositoryHasBlob(name, d)) return { missing: d };
    }
    const digest = `sha256:${sha256Hex(bytes)}`;
    const target = paths.blobDataPath(this.root, digest);
    if (!this.isFile(target)) {
      this.mkdirp(target.slice(0, target.lastIndexOf('/')));
      this.fs.writeFile(target, bytes);
    }
    this.link(paths.manifestRevisionLinkPath(this.root, name, digest), digest);
    if (!reference.includes(':')) {
      this.link(paths.tagIndexLinkPath(this.root, name, reference, digest), digest);
      this.link(paths.tagCurrentLinkPath(this.root, name, reference), digest);
    }
    return { digest };
  }

  /** The registry's libtrust key (made once, as NewApp does), for schema 1 signatures; null without WebCrypto. */
  trustKey(): Promise<TrustKey | null> {
    return (this.key ??= generateTrustKey().catch(() => null));
  }

  /** Puts a blob of known bytes into a repository when it lacks it (the schema 1 builder's empty tar). */
  ensureBlob(name: string, digest: string, bytes: Uint8Array): void {
    if (this.repositoryHasBlob(name, digest)) return;
    const target = paths.blobDataPath(this.root, digest);
    if (!this.isFile(target)) {
      this.mkdirp(target.slice(0, target.lastIndexOf('/')));
      this.fs.writeFile(target, bytes);
    }
    this.link(paths.layerLinkPath(this.root, name, digest), digest);
  }

  /** DELETE /v2/<name>/blobs/<digest> with deletion enabled: the repository's link goes, the data stays (garbage-collect removes it). */
  deleteBlobLink(name: string, digest: string): boolean {
    if (!this.repositoryHasBlob(name, digest)) return false;
    const link = paths.layerLinkPath(this.root, name, digest);
    this.fs.rm(link.slice(0, link.lastIndexOf('/')), { recursive: true });
    return true;
  }

  /** DELETE /v2/<name>/manifests/<digest> with deletion enabled: the revision link and the tags pointing at it go. */
  deleteManifest(name: string, digest: string): boolean {
    const rev = paths.manifestRevisionLinkPath(this.root, name, digest);
    if (this.readLink(rev) !== digest) return false;
    this.fs.rm(rev.slice(0, rev.lastIndexOf('/')), { recursive: true });
    for (const tag of this.tagList(name) ?? []) {
      if (this.tagDigest(name, tag) === digest) this.fs.rm(`${paths.manifestTagsPath(this.root, name)}/${tag}`, { recursive: true });
    }
    return true;
  }
}
