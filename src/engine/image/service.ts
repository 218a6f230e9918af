// Image operations: pull, list, tag, remove, prune, history, inspect,
// commit — moby's rules and records.
import type { DaemonCore } from '../daemon.ts';
import { DaemonError } from '../errors/errors.ts';
import { Errors } from '../errors/messages.ts';
import type { ContainerRecord } from '../container/container.ts';
import { serializeImageConfig, rfc3339Nano, type ImageConfig, type RunConfig } from './config.ts';
import {
  DEFAULT_TAG,
  canonicalString,
  familiarName,
  familiarString,
  parseReference,
  withDefaultTag,
  type Reference,
} from './reference.ts';
import { lookupImage, type ImageRecord } from './store.ts';
import { pushImage } from './push.ts';

export type DeleteRecord = { Untagged: string } | { Deleted: string };

/** The command that moved a tag (and may have left its old image dangling). */
export type TagMover = 'pull' | 'tag' | 'commit' | 'load' | 'import' | 'build';

/** Why an image lost its last tag: which tag moved away, to which image, by which command. */
export interface DanglingReason {
  ref: string;
  movedTo: string;
  by: TagMover;
  time: number;
}

export interface PullResult {
  image: ImageRecord;
  ref: Reference;
  /** true when nothing new was downloaded */
  upToDate: boolean;
}

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

const CONFLICT_CHILD = 1;
const CONFLICT_RUNNING = 2;
const CONFLICT_REFERENCE = 4;
const CONFLICT_STOPPED = 8;
const CONFLICT_HARD = CONFLICT_CHILD | CONFLICT_RUNNING;
const CONFLICT_SOFT = CONFLICT_REFERENCE | CONFLICT_STOPPED;

interface DeleteConflict {
  hard: boolean;
  used: boolean;
  reason: string;
}

export class ImageService {
  /** Images left without a tag by a tag moving away, and why (the images panel explains `<none>`). */
  readonly danglingReasons = new Map<string, DanglingReason>();

  constructor(private readonly core: DaemonCore) {}

  /**
   * Pulls an image, writing Docker's progress lines (as without a terminal).
   * The CLI prints "Using default tag" and the final reference itself.
   */
  async pull(text: string, progress: (line: string) => void): Promise<PullResult> {
    const core = this.core;
    const ref = withDefaultTag(parseReference(text));
    const remote = await core.opts.registry.resolve(ref);
    // moby's pullTag: a digest reference shows as the whole reference string
    const tagOrDigest = ref.digest !== undefined ? canonicalString(ref) : (ref.tag ?? DEFAULT_TAG);
    progress(`${tagOrDigest}: Pulling from ${ref.path}`);
    let parent: string | undefined;
    const chainIds: string[] = [];
    let fetched = false;
    const pending: Array<{ layer: (typeof remote.layers)[number]; parent: string | undefined }> = [];
    // pullSchema2: an image already present locally needs no layers (and shows none)
    const known = core.images.get(`sha256:${await core.sha256(remote.configJson)}`);
    for (const layer of known ? [] : remote.layers) {
      const chainId = await core.layers.chainIdOf(parent, layer.diffId);
      if (core.layers.has(chainId)) progress(`${short(layer.digest)}: Already exists`);
      else {
        progress(`${short(layer.digest)}: Pulling fs layer`);
        pending.push({ layer, parent });
      }
      chainIds.push(chainId);
      parent = chainId;
    }
    // moby records where a layer came from when it downloads it (v2LayerDescriptor.Registered), not for a layer already here
    for (const { layer } of pending) {
      core.blobSources.add(layer.diffId, { digest: layer.digest, size: layer.size, repository: `${ref.domain}/${ref.path}` });
    }
    for (const { layer } of pending) {
      progress(`${short(layer.digest)}: Verifying Checksum`);
      progress(`${short(layer.digest)}: Download complete`);
    }
    for (const { layer, parent: p } of pending) {
      await core.layers.register(layer.tree(), p, layer.diffId);
      progress(`${short(layer.digest)}: Pull complete`);
      fetched = true;
    }
    const id = `sha256:${await core.sha256(remote.configJson)}`;
    let image = known ?? core.images.get(id);
    if (!image) {
      const config = JSON.parse(remote.configJson) as ImageConfig;
      for (const c of chainIds) core.layers.retain(c);
      image = {
        id,
        configJson: remote.configJson,
        config,
        chainIds,
        parent: '',
        size: chainIds.reduce((n, c) => n + core.layers.get(c)!.size, 0),
        added: core.now(),
      };
      core.images.add(image);
      fetched = true;
    }
    const digestRef: Reference = { domain: ref.domain, path: ref.path, digest: remote.manifestDigest };
    progress(`Digest: ${remote.manifestDigest}`);
    const hadTag = ref.tag !== undefined && ref.digest === undefined ? core.refs.get(ref) : undefined;
    const upToDate = !fetched && (ref.digest !== undefined || hadTag === id);
    if (ref.tag !== undefined && ref.digest === undefined) this.setTag(ref, id, 'pull');
    if (core.refs.get(digestRef) !== id) core.refs.set(digestRef, id);
    progress(
      upToDate
        ? `Status: Image is up to date for ${familiarString(ref)}`
        : `Status: Downloaded newer image for ${familiarString(ref)}`,
    );
    core.emit({ type: 'image', action: 'pull', id, ref: familiarString(ref) });
    return { image, ref, upToDate };
  }

  /** docker push of a tag, or of every tag of a repository; see push.ts. */
  push(text: string, progress: (line: string) => void): Promise<void> {
    return pushImage(this.core, text, progress);
  }

  /** Points a tag at an image; an image losing its last tag becomes dangling. */
  private setTag(ref: Reference, id: string, by: TagMover): void {
    const old = this.core.refs.set(ref, id);
    this.danglingReasons.delete(id);
    if (old !== undefined && old !== id) {
      if (this.core.refs.tagsOf(old).length === 0) {
        this.danglingReasons.set(old, { ref: familiarString(ref), movedTo: id, by, time: this.core.now() });
      }
      this.core.emit({ type: 'image', action: 'untag', id: old, ref: familiarString(ref) });
    }
    this.core.emit({ type: 'image', action: 'tag', id, ref: familiarString(ref) });
  }

  /** docker tag; load, import and build pass themselves as `by`. */
  tag(source: string, target: string, by: TagMover = 'tag'): void {
    const found = lookupImage(this.core.images, this.core.refs, source);
    const ref = withDefaultTag(parseReference(target));
    if (ref.digest !== undefined) throw new DaemonError('invalid-parameter', 'refusing to create a tag with a digest reference');
    this.setTag(ref, found.image.id, by);
  }

  /** docker rmi, following moby's ImageDelete. */
  remove(text: string, force: boolean, prune = true): DeleteRecord[] {
    const core = this.core;
    const found = lookupImage(core.images, core.refs, text);
    const img = found.image;
    const records: DeleteRecord[] = [];
    let repoRefs = core.refs.refsOf(img.id);
    let removedRepositoryRef = false;
    if (found.kind === 'ref') {
      if (!force && isSingleReference(repoRefs)) {
        const user = this.containersUsing(img.id)[0];
        if (user) {
          throw Errors.referenceDeleteConflict(
            text,
            `container ${short(user.id)} is using its referenced image ${short(img.id)}`,
          );
        }
      }
      const ref = found.ref;
      core.refs.delete(ref);
      records.push({ Untagged: familiarString(ref) });
      core.emit({ type: 'image', action: 'untag', id: img.id, ref: familiarString(ref) });
      repoRefs = core.refs.refsOf(img.id);
      if (ref.digest === undefined) {
        const sameRepoTag = repoRefs.some((r) => r.digest === undefined && familiarName(r) === familiarName(ref));
        if (!sameRepoTag) {
          const remaining: Reference[] = [];
          for (const r of repoRefs) {
            if (r.digest !== undefined && familiarName(r) === familiarName(ref)) {
              core.refs.delete(r);
              records.push({ Untagged: familiarString(r) });
            } else remaining.push(r);
          }
          repoRefs = remaining;
        }
      }
      if (repoRefs.length > 0) return records;
      removedRepositoryRef = true;
    } else if (isSingleReference(repoRefs)) {
      const mask = force ? CONFLICT_HARD : CONFLICT_HARD | (CONFLICT_SOFT & ~CONFLICT_REFERENCE);
      const conflict = this.conflict(img.id, mask);
      if (conflict) throw Errors.imageDeleteConflict(short(img.id), conflict.hard, conflict.reason);
      for (const r of repoRefs) {
        core.refs.delete(r);
        records.push({ Untagged: familiarString(r) });
        core.emit({ type: 'image', action: 'untag', id: img.id, ref: familiarString(r) });
      }
    }
    this.deleteHelper(img.id, records, force, prune, removedRepositoryRef);
    return records;
  }

  private deleteHelper(id: string, records: DeleteRecord[], force: boolean, prune: boolean, quiet: boolean): void {
    const core = this.core;
    const mask = force ? CONFLICT_HARD : CONFLICT_HARD | CONFLICT_SOFT;
    const conflict = this.conflict(id, mask);
    if (conflict) {
      if (quiet && (!this.isDangling(id) || conflict.used)) return;
      throw Errors.imageDeleteConflict(short(id), conflict.hard, conflict.reason);
    }
    const img = core.images.get(id)!;
    for (const r of core.refs.refsOf(id)) {
      core.refs.delete(r);
      records.push({ Untagged: familiarString(r) });
    }
    core.images.delete(id);
    this.danglingReasons.delete(id);
    const removed: string[] = [];
    for (const c of [...img.chainIds].reverse()) removed.push(...core.layers.release(c));
    core.emit({ type: 'image', action: 'delete', id });
    records.push({ Deleted: id });
    for (const c of removed) records.push({ Deleted: c });
    if (!prune || !img.parent || !core.images.has(img.parent)) return;
    this.deleteHelper(img.parent, records, false, true, true);
  }

  /** moby's imageIsDangling: no reference and no child image. */
  private isDangling(id: string): boolean {
    return this.core.refs.refsOf(id).length === 0 && this.core.images.children(id).length === 0;
  }

  private containersUsing(id: string): ContainerRecord[] {
    return [...this.core.containers.values()].filter((c) => c.image === id);
  }

  private conflict(id: string, mask: number): DeleteConflict | undefined {
    const core = this.core;
    if (mask & CONFLICT_CHILD && core.images.children(id).length > 0) {
      return { hard: true, used: false, reason: 'image has dependent child images' };
    }
    if (mask & CONFLICT_RUNNING) {
      const c = this.containersUsing(id).find((c) => c.state.Running);
      if (c) return { hard: true, used: true, reason: `image is being used by running container ${short(c.id)}` };
    }
    if (mask & CONFLICT_REFERENCE && core.refs.refsOf(id).length > 0) {
      return { hard: false, used: false, reason: 'image is referenced in multiple repositories' };
    }
    if (mask & CONFLICT_STOPPED) {
      const c = this.containersUsing(id).find((c) => !c.state.Running);
      if (c) return { hard: false, used: true, reason: `image is being used by stopped container ${short(c.id)}` };
    }
    return undefined;
  }

  /** Untagged images with no child image (the `dangling=true` set). */
  dangling(): ImageRecord[] {
    return this.core.images.all().filter((i) => this.isDangling(i.id) && this.core.images.children(i.id).length === 0);
  }

  /** docker image prune: dangling images (or, with all, every unused one). */
  prune(all: boolean): { records: DeleteRecord[]; spaceReclaimed: number } {
    const core = this.core;
    const records: DeleteRecord[] = [];
    let space = 0;
    const used = new Set([...core.containers.values()].map((c) => c.image));
    // newest first, so children go before their parents
    const candidates = core.images
      .all()
      .filter((i) => !used.has(i.id) && (all || this.isDangling(i.id)) && core.images.children(i.id).length === 0)
      .sort((a, b) => b.added - a.added);
    for (const img of candidates) {
      if (!core.images.has(img.id)) continue;
      const before = core.layers.totalSize();
      try {
        if (all && !this.isDangling(img.id)) {
          for (const r of core.refs.refsOf(img.id)) {
            core.refs.delete(r);
            records.push({ Untagged: familiarString(r) });
          }
        }
        this.deleteHelper(img.id, records, false, true, false);
      } catch (e) {
        if (!(e instanceof DaemonError)) throw e;
      }
      space += before - core.layers.totalSize();
    }
    return { records, spaceReclaimed: space };
  }

  /** Commits a container's changes as a new image. */
  async commit(
    c: ContainerRecord,
    opts: { ref?: string; message?: string; author?: string; changes?: Partial<RunConfig> },
  ): Promise<ImageRecord> {
    const core = this.core;
    const base = core.images.get(c.image);
    const ref = opts.ref ? withDefaultTag(parseReference(opts.ref)) : undefined;
    const parentChain = base?.chainIds ?? core.layers.rwParents(c.rwLayer);
    const tree = core.layers.snapshotRw(c.rwLayer);
    const layer = await core.layers.register(tree, parentChain[parentChain.length - 1]);
    const chainIds = [...parentChain, layer.chainId];
    const now = rfc3339Nano(core.now());
    const baseConfig = base?.config;
    const runConfig: RunConfig = {
      ...pickImageConfig(c.config),
      ...(opts.changes ?? {}),
    };
    const config: ImageConfig = {
      architecture: 'amd64',
      author: opts.author,
      comment: opts.message,
      config: runConfig,
      container: c.id,
      created: now,
      docker_version: '28.2.2',
      history: [
        ...(baseConfig?.history ?? []),
        {
          created: now,
          created_by: [c.path, ...c.args].join(' '),
          ...(opts.author ? { author: opts.author } : {}),
          ...(opts.message ? { comment: opts.message } : {}),
        },
      ],
      os: 'linux',
      rootfs: { type: 'layers', diff_ids: [...(baseConfig?.rootfs.diff_ids ?? []), layer.diffId] },
    };
    const configJson = serializeImageConfig(config);
    const id = `sha256:${await core.sha256(configJson)}`;
    if (!core.images.has(id)) {
      for (const ch of chainIds) core.layers.retain(ch);
      core.images.add({
        id,
        configJson,
        config,
        chainIds,
        parent: c.image,
        size: chainIds.reduce((n, ch) => n + core.layers.get(ch)!.size, 0),
        added: core.now(),
      });
    }
    core.layers.releaseIfUnused(layer.chainId);
    core.emit({ type: 'container', action: 'commit', id: c.id, name: c.name, image: c.config.Image ?? '' });
    if (ref) this.setTag(ref, id, 'commit');
    return core.images.get(id)!;
  }

  /** Rows of docker history, newest first. */
  history(text: string): Array<{ id: string; created: string; createdBy: string; size: number; comment: string }> {
    const core = this.core;
    const img = lookupImage(core.images, core.refs, text).image;
    const rows: Array<{ id: string; created: string; createdBy: string; size: number; comment: string }> = [];
    let layerIndex = 0;
    const sizes = img.chainIds.map((c) => core.layers.get(c)?.size ?? 0);
    for (const h of img.config.history) {
      const size = h.empty_layer ? 0 : (sizes[layerIndex++] ?? 0);
      rows.push({ id: '<missing>', created: h.created, createdBy: h.created_by ?? '', size, comment: h.comment ?? '' });
    }
    rows.reverse();
    // Only local images have IDs: walk the parent chain from the top.
    let cur: ImageRecord | undefined = img;
    let i = 0;
    while (cur && i < rows.length) {
      rows[i]!.id = cur.id;
      const histLen: number = cur.config.history.length;
      const parent: ImageRecord | undefined = cur.parent ? core.images.get(cur.parent) : undefined;
      const step = parent ? histLen - parent.config.history.length : histLen;
      i += Math.max(step, 1);
      cur = parent;
    }
    return rows;
  }
}

/** The parts of a container's config an image keeps (commit). */
function pickImageConfig(c: RunConfig): RunConfig {
  const out: RunConfig = {
    Hostname: c.Hostname,
    Domainname: c.Domainname,
    User: c.User,
    AttachStdin: c.AttachStdin,
    AttachStdout: c.AttachStdout,
    AttachStderr: c.AttachStderr,
    Tty: c.Tty,
    OpenStdin: c.OpenStdin,
    StdinOnce: c.StdinOnce,
    Env: c.Env,
    Cmd: c.Cmd,
    Image: c.Image,
    Volumes: c.Volumes,
    WorkingDir: c.WorkingDir,
    Entrypoint: c.Entrypoint,
    OnBuild: c.OnBuild,
    Labels: c.Labels,
  };
  if (c.ExposedPorts) out.ExposedPorts = c.ExposedPorts;
  if (c.StopSignal) out.StopSignal = c.StopSignal;
  if (c.Healthcheck) out.Healthcheck = c.Healthcheck;
  return out;
}

/** moby isSingleReference: at most one tag, and digests only of that tag's repository. */
function isSingleReference(refs: Reference[]): boolean {
  if (refs.length <= 1) return refs.length === 1;
  let single: Reference | undefined;
  const canonical = new Set<string>();
  for (const r of refs) {
    if (r.digest !== undefined) canonical.add(familiarName(r));
    else if (!single) single = r;
    else return false;
  }
  if (!single) single = refs[0]!;
  return canonical.size === 1 && canonical.has(familiarName(single));
}

