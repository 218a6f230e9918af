// `registry garbage-collect` (registry/storage/garbagecollect.go and
// vacuum.go): mark every blob a manifest of a repository references, then
// delete the blobs nobody marked; with --delete-untagged, manifests no tag
// points at go first. Walks the same storage layout FsRegistry writes.
import type { Fs } from '../../fs/types.ts';
import * as paths from './paths.ts';

export interface GcOptions {
  dryRun: boolean;
  removeUntagged: boolean;
}

export interface GcResult {
  /** In order: lines it prints on stdout, and vacuum's info messages (the caller formats them as logrus does, on stderr). */
  events: Array<{ stdout: string } | { info: string }>;
  /** A failure (`failed to garbage collect: ...` on stderr, exit 1). */
  error?: string;
}

const dec = new TextDecoder();

function list(fs: Fs, dir: string): string[] {
  try {
    return fs.readdir(dir);
  } catch {
    return [];
  }
}

function isDir(fs: Fs, p: string): boolean {
  try {
    return fs.stat(p).type === 'dir';
  } catch {
    return false;
  }
}

function readLink(fs: Fs, p: string): string | null {
  try {
    const t = dec.decode(fs.readFile(p)).trim();
    return /^sha256:[0-9a-f]{64}$/.test(t) ? t : null;
  } catch {
    return null;
  }
}

/** Repositories as Enumerate walks them: directories holding `_layers`, depth first, sorted. */
function repositories(fs: Fs, root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const n of list(fs, dir)) {
      if (n.startsWith('_') || !isDir(fs, `${dir}/${n}`)) continue;
      const repo = prefix ? `${prefix}/${n}` : n;
      if (isDir(fs, `${dir}/${n}/_layers`)) out.push(repo);
      else walk(`${dir}/${n}`, repo);
    }
  };
  walk(paths.repositoriesRoot(root), '');
  return out;
}

export function garbageCollect(fs: Fs, root: string, o: GcOptions): GcResult {
  const events: GcResult['events'] = [];
  const emit = (line: string) => events.push({ stdout: line + '\n' });
  const info = (msg: string) => events.push({ info: msg });
  const marked = new Set<string>();
  const untagged: Array<{ name: string; digest: string; tags: string[] }> = [];
  for (const name of repositories(fs, root)) {
    emit(name);
    const revisions = `${paths.repositoryPath(root, name)}/_manifests/revisions/sha256`;
    const tagsDir = paths.manifestTagsPath(root, name);
    const tags = list(fs, tagsDir);
    for (const hex of list(fs, revisions)) {
      const digest = readLink(fs, `${revisions}/${hex}/link`);
      if (digest === null) continue;
      if (o.removeUntagged && !tags.some((t) => readLink(fs, paths.tagCurrentLinkPath(root, name, t)) === digest)) {
        emit(`manifest eligible for deletion: ${digest}`);
        untagged.push({ name, digest, tags });
        continue;
      }
      emit(`${name}: marking manifest ${digest} `);
      marked.add(digest);
      let manifest: { config?: { digest?: string }; layers?: Array<{ digest: string }>; manifests?: Array<{ digest: string }> };
      try {
        manifest = JSON.parse(dec.decode(fs.readFile(paths.blobDataPath(root, digest)))) as typeof manifest;
      } catch {
        return { events, error: `failed to mark: failed to retrieve manifest for digest ${digest}: unknown manifest name=${name} revision=${digest}` };
      }
      const refs = [...(manifest.config?.digest ? [manifest.config.digest] : []), ...(manifest.layers ?? []).map((l) => l.digest), ...(manifest.manifests ?? []).map((m) => m.digest)];
      for (const d of refs) {
        marked.add(d);
        emit(`${name}: marking blob ${d}`);
      }
    }
  }
  if (!o.dryRun) {
    for (const m of untagged) {
      for (const tag of m.tags) {
        const index = paths.tagIndexLinkPath(root, m.name, tag, m.digest);
        const dir = index.slice(0, index.lastIndexOf('/'));
        if (!isDir(fs, dir)) continue;
        info(`deleting manifest tag reference: ${dir.slice(root.replace(/\/+$/, '').length)}`);
        fs.rm(dir, { recursive: true });
      }
      const rev = paths.manifestRevisionLinkPath(root, m.name, m.digest);
      const revDir = rev.slice(0, rev.lastIndexOf('/'));
      info(`deleting manifest: ${revDir.slice(root.replace(/\/+$/, '').length)}`);
      fs.rm(revDir, { recursive: true });
    }
  }
  const blobs = `${paths.blobsRoot(root)}/sha256`;
  const remove: string[] = [];
  for (const prefix of list(fs, blobs)) {
    for (const hex of list(fs, `${blobs}/${prefix}`)) {
      const digest = `sha256:${hex}`;
      if (!marked.has(digest)) remove.push(digest);
    }
  }
  emit(`\n${marked.size} blobs marked, ${remove.length} blobs and ${untagged.length} manifests eligible for deletion`);
  for (const digest of remove) {
    emit(`blob eligible for deletion: ${digest}`);
    if (o.dryRun) continue;
    const data = paths.blobDataPath(root, digest);
    const dir = data.slice(0, data.lastIndexOf('/'));
    info(`Deleting blob: ${dir.slice(root.replace(/\/+$/, '').length)}`);
    fs.rm(dir, { recursive: true });
  }
  return { events };
}
