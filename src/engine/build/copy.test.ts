// COPY and ADD over in-memory file systems. Messages and rules marked
// "checked" were recorded on a real engine (dockerd 20.10.24, docker 28.2
// client, DOCKER_BUILDKIT=0, busybox): the Dockerfile line, then
// `RUN ls -lanR --full-time ...` for the resulting files. The legacy
// history words (file:/dir:/multi:) were compared with `docker history
// --no-trunc` for the same context content. BuildKit's rules and messages
// come from the Docker 28.2 sources (dockerfile2llb, fsutil copy,
// llbsolver/file): no BuildKit could run on that engine.
import { describe, expect, it } from 'vitest';
import { UnionFs } from '../fs/union.ts';
import { gzipStored } from '../layer/gzip.ts';
import { sha256Hex } from '../layer/sha256.ts';
import { layerTarBytes } from '../layer/tar.ts';
import { LayerTree, utf8 } from '../layer/tree.ts';
import type { EntrySpec } from '../layer/tree.ts';
import { copyChecksum, copyInto, offlineError } from './copy.ts';
import type { CopyRequest } from './copy.ts';
import { BuildError } from './types.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const sha256 = async (b: Uint8Array | string) => sha256Hex(typeof b === 'string' ? utf8(b) : b);

/** 2020-01-02 03:04:05.678 UTC: a context file's time, with milliseconds the legacy builder drops. */
const OLD = Date.UTC(2020, 0, 2, 3, 4, 5) + 678;
const DIRT = Date.UTC(2026, 11, 6, 10, 17, 14) + 139;
const NOW = 1_900_000_000_000;

function concat(parts: Iterable<Uint8Array>): Uint8Array {
  const list = [...parts];
  const out = new Uint8Array(list.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of list) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

function tarOf(specs: EntrySpec[]): Uint8Array {
  return layerTarBytes(LayerTree.from(specs, { mtime: DIRT }));
}

const ARCHIVE: EntrySpec[] = [
  { type: 'dir', path: 'in', uid: 1234, gid: 4321 },
  { type: 'file', path: 'in/f', content: 'intar\n', uid: 1234, gid: 4321 },
  { type: 'symlink', path: 'in/lnk', target: 'f', uid: 1234, gid: 4321 },
];

/** A tar (made by Python's tarfile, then bz2) of in/ (1234:4321) and in/f = "intar\n". */
const TARBZ2 = Uint8Array.from(
  atob(
    'QlpoOTFBWSZTWZ6s3T8AAJP7gMGQABBAAP+AAAZhIR4ACAggAJKEoo9CNAGmhp6gVSCGoPKaGjQb/tbHOKxAtnEQhiu66mmGTrrNZCElpxu1q72TMkh52oiiSRdmmukq0VKLspLxhRRjqDGhlKJiShRprG5CyUq5ZLI45VyaIOBdyRThQkJ6s3T8',
  ),
  (c) => c.charCodeAt(0),
);

/** The same tar, xz-compressed (Python's lzma). */
const TARXZ = Uint8Array.from(
  atob(
    '/Td6WFoAAATm1rRGAgAhARYAAAB0L+Wj4Cf/AHpdADSbgd6V4XBV4z1CNiPUUughv9gEy83r7Xbta1k5VdBM1bSfnC+K876y/PD99kuE08NZjYekl2L3W84gpQeivxq7anzBWXJKd+dSfbrRK3ikF0iU107oS4xACNGpqUxR+s0ug/ipMZIF33iYX77ZwWvMyPoD8vmiK7QAAAAAeyc/UY2OWZgAAZYBgFAAALiQ77SxxGf7AgAAAAAEWVo=',
  ),
  (c) => c.charCodeAt(0),
);

/** The context used on the real engine: same names, modes and contents. */
function context(extra: EntrySpec[] = []): UnionFs {
  const m = { mtime: DIRT };
  const tree = LayerTree.from(
    [
      { type: 'file', path: 'a.txt', content: 'a\n', mtime: OLD },
      { type: 'file', path: 'b.txt', content: 'b\n', mode: 0o600, ...m },
      { type: 'file', path: 'c.md', content: 'c\n', ...m },
      { type: 'dir', path: 'dir', ...m },
      { type: 'dir', path: 'dir/sub', mode: 0o750, ...m },
      { type: 'file', path: 'dir/sub/y', content: 'y\n', ...m },
      { type: 'file', path: 'dir/x', content: 'x\n', ...m },
      { type: 'symlink', path: 'dir/abslink', target: '/etc/passwd', ...m },
      { type: 'symlink', path: 'link', target: 'a.txt', ...m },
      { type: 'file', path: 'arch.tar', content: tarOf(ARCHIVE), ...m },
      { type: 'file', path: 'arch.tar.gz', content: concat(gzipStored([tarOf(ARCHIVE)])), ...m },
      { type: 'file', path: 'notarchive.tgz', content: concat(gzipStored([tarOf(ARCHIVE)])), ...m },
      { type: 'file', path: 'plain.gz', content: concat(gzipStored([utf8('intar\n')])), ...m },
      { type: 'file', path: 'arch.tar.bz2', content: TARBZ2, ...m },
      { type: 'file', path: 'fake.bz2', content: utf8('BZh91AY&SY not really'), ...m },
      { type: 'file', path: 'arch.tar.xz', content: TARXZ, ...m },
      { type: 'file', path: 'arch.tar.zst', content: new Uint8Array([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]), ...m },
      ...extra,
    ],
    m,
  );
  return new UnionFs([tree], { clock: { now: () => NOW } });
}

/** A busybox-like image under a fresh read-write layer. */
function image(extra: EntrySpec[] = []): UnionFs {
  const m = { mtime: 1_600_000_000_000 };
  const base = LayerTree.from(
    [
      { type: 'file', path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n', ...m },
      { type: 'file', path: 'etc/group', content: 'root:x:0:\ndaemon:x:1:\nnogroup:x:65534:\n', ...m },
      { type: 'dir', path: 'tmp', mode: 0o1777, ...m },
      { type: 'symlink', path: 'lib64', target: 'lib', ...m },
      { type: 'dir', path: 'lib', ...m },
      ...extra,
    ],
    m,
  );
  let t = NOW;
  return new UnionFs([new LayerTree(), base], { clock: { now: () => (t += 1000) } });
}

function req(r: Partial<CopyRequest> & Pick<CopyRequest, 'sources' | 'dest'>): CopyRequest {
  return { kind: 'COPY', workdir: '', builder: 'legacy', ...r };
}

/** Runs copyInto; the error's legacy and BuildKit texts, or null. */
async function run(r: CopyRequest, src = context(), dst = image()): Promise<{ dst: UnionFs; err: string | null; bk: string | null }> {
  try {
    await copyInto(src, dst, r);
    return { dst, err: null, bk: null };
  } catch (e) {
    if (e instanceof BuildError) return { dst, err: e.message, bk: e.buildkit };
    throw e;
  }
}

/** `ls -ln`-like line of one entry: type+mode uid gid [content|-> target]. */
function ls(fs: UnionFs, p: string): string {
  const st = fs.lstat(p);
  const t = st.type === 'dir' ? 'd' : st.type === 'symlink' ? 'l' : '-';
  let tail = '';
  if (st.type === 'file') tail = ' ' + JSON.stringify(text(fs.readFile(p)));
  if (st.type === 'symlink') tail = ' -> ' + fs.readlink(p);
  return `${t}${st.mode.toString(8).padStart(4, '0')} ${st.uid}:${st.gid}${tail}`;
}

/** Every path under `p`, with ls(). */
function tree(fs: UnionFs, p: string): string[] {
  const out: string[] = [];
  const rec = (dir: string) => {
    for (const n of fs.readdir(dir)) {
      const c = dir === '/' ? '/' + n : dir + '/' + n;
      out.push(`${c} ${ls(fs, c)}`);
      if (fs.lstat(c).type === 'dir') rec(c);
    }
  };
  out.push(`${p} ${ls(fs, p)}`);
  if (fs.lstat(p).type === 'dir') rec(p);
  return out;
}

describe('COPY sources', () => {
  it('copies a file into a directory named with a trailing slash, keeping its mode and its time in whole seconds (checked)', async () => {
    const { dst, err } = await run(req({ sources: ['a.txt', 'b.txt'], dest: '/t/' }));
    expect(err).toBeNull();
    expect(tree(dst, '/t')).toEqual(['/t d0755 0:0', '/t/a.txt -0644 0:0 "a\\n"', '/t/b.txt -0600 0:0 "b\\n"']);
    expect(dst.stat('/t/a.txt').mtime).toBe(OLD - 678);
  });

  it('BuildKit keeps the exact mtime', async () => {
    const { dst } = await run(req({ sources: ['a.txt'], dest: '/t/', builder: 'buildkit' }));
    expect(dst.stat('/t/a.txt').mtime).toBe(OLD);
  });

  it('copies what a directory holds, not the directory; symlinks stay links (checked)', async () => {
    const { dst, err } = await run(req({ sources: ['dir'], dest: '/t/' }));
    expect(err).toBeNull();
    expect(tree(dst, '/t')).toEqual([
      '/t d0755 0:0',
      '/t/abslink l0777 0:0 -> /etc/passwd',
      '/t/sub d0750 0:0',
      '/t/sub/y -0644 0:0 "y\\n"',
      '/t/x -0644 0:0 "x\\n"',
    ]);
    // The subdirectory keeps its time; the new destination gets the copy's.
    expect(dst.stat('/t/sub').mtime).toBe(DIRT - 139);
    expect(dst.stat('/t').mtime).toBeGreaterThanOrEqual(NOW);
  });

  it('a directory copied to a name without a slash becomes that name', async () => {
    const { dst } = await run(req({ sources: ['dir'], dest: '/d' }));
    expect(dst.readdir('/d')).toEqual(['abslink', 'sub', 'x']);
  });

  it('`.` copies the whole context', async () => {
    const { dst } = await run(req({ sources: ['.'], dest: '/all/' }));
    expect(dst.readdir('/all')).toContain('a.txt');
    expect(dst.readdir('/all')).toContain('dir');
    expect(ls(dst, '/all/link')).toBe('l0777 0:0 -> a.txt');
  });

  it('a leading / or ./ names the same context file (checked)', async () => {
    const { dst } = await run(req({ sources: ['./a.txt'], dest: '/a1' }));
    expect(ls(dst, '/a1')).toBe('-0644 0:0 "a\\n"');
    const r2 = await run(req({ sources: ['/b.txt'], dest: '/b1' }));
    expect(ls(r2.dst, '/b1')).toBe('-0600 0:0 "b\\n"');
  });

  it('a symlink named as the source is followed, and the copy takes the link name (checked)', async () => {
    const { dst } = await run(req({ sources: ['link'], dest: '/l' }));
    expect(ls(dst, '/l')).toBe('-0644 0:0 "a\\n"');
    expect(dst.stat('/l').mtime).toBe(OLD - 678);
    const r2 = await run(req({ sources: ['link'], dest: '/ld/' }));
    expect(r2.dst.readdir('/ld')).toEqual(['link']);
  });

  it('a symlink leading out of the context is resolved inside it, so it is missing (checked)', async () => {
    const { err } = await run(req({ sources: ['dir/abslink'], dest: '/al' }));
    expect(err).toBe('COPY failed: file not found in build context or excluded by .dockerignore: stat dir/abslink: file does not exist');
  });

  it('globs as Go filepath.Match: *, ?, [...] (checked)', async () => {
    const { dst } = await run(req({ sources: ['*.md'], dest: '/g1' }));
    expect(ls(dst, '/g1')).toBe('-0644 0:0 "c\\n"');
    const r2 = await run(req({ sources: ['[ab].tx?'], dest: '/g2/' }));
    expect(r2.dst.readdir('/g2')).toEqual(['a.txt', 'b.txt']);
    // Each match is copied as a source: a directory's content, not the directory (checked).
    const r5 = await run(req({ sources: ['dir/s*', 'dir/x'], dest: '/g5/' }));
    expect(r5.dst.readdir('/g5')).toEqual(['x', 'y']);
    // A match that is a dangling symlink is a missing source (checked).
    expect((await run(req({ sources: ['dir/*'], dest: '/g6/' }))).err).toBe(
      'COPY failed: file not found in build context or excluded by .dockerignore: stat dir/abslink: file does not exist',
    );
    const r3 = await run(req({ sources: ['dir/s*', 'dir/x'], dest: '/g3/', builder: 'buildkit' }));
    expect(r3.dst.readdir('/g3')).toEqual(['x', 'y']);
    const r4 = await run(req({ sources: ['[^a-b]*.md'], dest: '/g4/' }));
    expect(r4.dst.readdir('/g4')).toEqual(['c.md']);
  });

  it('legacy: several sources need a destination ending in / (checked)', async () => {
    const msg = 'When using COPY with more than one source file, the destination must be a directory and end with a /';
    expect((await run(req({ sources: ['a.txt', 'b.txt'], dest: '/m' }))).err).toBe(msg);
    // A glob that matches two files counts as two (checked: COPY *.txt /g).
    expect((await run(req({ sources: ['*.txt'], dest: '/g' }))).err).toBe(msg);
    expect((await run(req({ kind: 'ADD', sources: ['a.txt', 'b.txt'], dest: '/m' }))).err).toBe(msg.replace('COPY', 'ADD'));
  });

  it('BuildKit does not check, and each source lands on the same name in turn (moby/buildkit#1853)', async () => {
    const { dst, err } = await run(req({ sources: ['a.txt', 'b.txt'], dest: '/m', builder: 'buildkit' }));
    expect(err).toBeNull();
    expect(ls(dst, '/m')).toBe('-0600 0:0 "b\\n"');
  });

  it('a missing source (checked on the legacy builder)', async () => {
    const { err, bk } = await run(req({ sources: ['nosuch'], dest: '/x' }));
    expect(err).toBe('COPY failed: file not found in build context or excluded by .dockerignore: stat nosuch: file does not exist');
    expect(bk).toBe(err);
    expect((await run(req({ sources: ['a.txt', 'nosuch'], dest: '/x/' }))).err).toBe(
      'COPY failed: file not found in build context or excluded by .dockerignore: stat nosuch: file does not exist',
    );
    const b = await run(req({ sources: ['nosuch'], dest: '/x', builder: 'buildkit', ref: 'ytn0oibp4vkhs9dymcy6ll36r::n1kjqsmx2u4ygq6enzoxekksa' }));
    expect(b.bk).toBe('failed to compute cache key: failed to calculate checksum of ref ytn0oibp4vkhs9dymcy6ll36r::n1kjqsmx2u4ygq6enzoxekksa: "/nosuch": not found');
    expect(b.err).toBe(b.bk);
    // Without a ref from the builder, one is derived, shaped as buildx shows it: a session UUID and a 25-character id.
    const c = await run(req({ sources: ['sub/nosuch'], dest: '/x', builder: 'buildkit' }));
    expect(c.bk).toMatch(/^failed to compute cache key: failed to calculate checksum of ref [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}::[0-9a-z]{25}: "\/sub\/nosuch": not found$/);
  });

  it('from another stage, a missing source is not blamed on the context (checked)', async () => {
    const { err } = await run(req({ sources: ['/nosuch'], dest: '/x', fromStage: 'build' }), image());
    expect(err).toBe('COPY failed: stat nosuch: file does not exist');
  });

  it('a glob that matches nothing (checked on the legacy builder; BuildKit copies nothing)', async () => {
    expect((await run(req({ sources: ['*.nomatch'], dest: '/x/' }))).err).toBe('COPY failed: no source files were specified');
    expect((await run(req({ kind: 'ADD', sources: ['*.nomatch'], dest: '/x/' }))).err).toBe('ADD failed: no source files were specified');
    // One real source is enough.
    expect((await run(req({ sources: ['a.txt', '*.nomatch'], dest: '/x/' }))).err).toBeNull();
    const b = await run(req({ sources: ['*.nomatch'], dest: '/x/', builder: 'buildkit' }));
    expect(b.err).toBeNull();
    expect(b.dst.exists('/x')).toBe(false);
  });

  it('a path outside the context (checked: the legacy message; BuildKit stops `..` at the root)', async () => {
    expect((await run(req({ sources: ['../x'], dest: '/x' }))).err).toBe('COPY failed: forbidden path outside the build context: ../x ()');
    expect((await run(req({ sources: ['dir/../../x'], dest: '/x' }))).err).toBe('COPY failed: forbidden path outside the build context: dir/../../x ()');
    // Inside after all: fine.
    expect((await run(req({ sources: ['dir/../a.txt'], dest: '/x' }))).err).toBeNull();
    const b = await run(req({ sources: ['../a.txt'], dest: '/x', builder: 'buildkit' }));
    expect(ls(b.dst, '/x')).toBe('-0644 0:0 "a\\n"');
  });

  it('--exclude leaves out matching paths (BuildKit)', async () => {
    const { dst } = await run(req({ sources: ['dir'], dest: '/t/', builder: 'buildkit', exclude: ['sub', '*link'] }));
    expect(dst.readdir('/t')).toEqual(['x']);
  });

  it('--parents keeps the path from the context root or from a /./ pivot (BuildKit)', async () => {
    const { dst } = await run(req({ sources: ['dir/sub/y'], dest: '/p/', builder: 'buildkit', parents: true }));
    expect(tree(dst, '/p')).toEqual(['/p d0755 0:0', '/p/dir d0755 0:0', '/p/dir/sub d0750 0:0', '/p/dir/sub/y -0644 0:0 "y\\n"']);
    const r2 = await run(req({ sources: ['dir/./sub/y'], dest: '/q/', builder: 'buildkit', parents: true }));
    expect(tree(r2.dst, '/q')).toEqual(['/q d0755 0:0', '/q/sub d0750 0:0', '/q/sub/y -0644 0:0 "y\\n"']);
  });
});

describe('COPY destination', () => {
  it('a relative destination joins WORKDIR; `.` is WORKDIR itself (checked)', async () => {
    const dst = image([{ type: 'dir', path: 'w' }]);
    await copyInto(context(), dst, req({ sources: ['a.txt'], dest: 'rel/', workdir: '/w' }));
    await copyInto(context(), dst, req({ sources: ['b.txt'], dest: '.', workdir: '/w' }));
    await copyInto(context(), dst, req({ sources: ['c.md'], dest: 'sub/name', workdir: '/w' }));
    expect(tree(dst, '/w')).toEqual([
      '/w d0755 0:0',
      '/w/b.txt -0600 0:0 "b\\n"',
      '/w/rel d0755 0:0',
      '/w/rel/a.txt -0644 0:0 "a\\n"',
      '/w/sub d0755 0:0',
      '/w/sub/name -0644 0:0 "c\\n"',
    ]);
    // No WORKDIR: the root.
    const r = await run(req({ sources: ['a.txt'], dest: 'x' }));
    expect(r.dst.exists('/x')).toBe(true);
  });

  it('an existing file is replaced; an existing directory is merged and keeps its own mode and owner (checked)', async () => {
    const dst = image([
      { type: 'file', path: 'e/f', content: 'old\n' },
      { type: 'dir', path: 'e/d', mode: 0o700, uid: 5, gid: 5 },
      { type: 'dir', path: 'e/d/sub' },
      { type: 'file', path: 'e/d/keep', content: 'keep\n' },
      { type: 'file', path: 'e/d/x', content: 'o\n' },
    ]);
    await copyInto(context(), dst, req({ sources: ['a.txt'], dest: '/e/f' }));
    await copyInto(context(), dst, req({ sources: ['dir'], dest: '/e/d' }));
    expect(tree(dst, '/e')).toEqual([
      '/e d0755 0:0',
      '/e/d d0700 5:5',
      '/e/d/abslink l0777 0:0 -> /etc/passwd',
      '/e/d/keep -0644 0:0 "keep\\n"',
      '/e/d/sub d0750 0:0',
      '/e/d/sub/y -0644 0:0 "y\\n"',
      '/e/d/x -0644 0:0 "x\\n"',
      '/e/f -0644 0:0 "a\\n"',
    ]);
  });

  it('over lower layers, the read-write layer gets plain entries: a replaced file, an opaque directory where a file was', async () => {
    const dst = image([
      { type: 'file', path: 'e/f', content: 'old\n' },
      { type: 'file', path: 'e/sub', content: 'was a file\n' },
    ]);
    await copyInto(context(), dst, req({ sources: ['a.txt'], dest: '/e/f' }));
    await copyInto(context(), dst, req({ sources: ['dir'], dest: '/e/' }));
    const e = dst.upper.root.childMap()!.get('e')!.childMap()!;
    expect(e.get('f')!.kind).toBe('file');
    expect(e.get('sub')!.kind).toBe('dir');
    expect(e.get('sub')!.opaque).toBe(true);
    expect(tree(dst, '/e/sub')).toEqual(['/e/sub d0750 0:0', '/e/sub/y -0644 0:0 "y\\n"']);
  });

  it('a file replaces a directory of its name inside the destination (checked)', async () => {
    const { dst, err } = await run(req({ sources: ['a.txt'], dest: '/dd/' }), context(), image([{ type: 'dir', path: 'dd/a.txt/z' }]));
    expect(err).toBeNull();
    expect(ls(dst, '/dd/a.txt')).toBe('-0644 0:0 "a\\n"');
  });

  it('BuildKit --link: an existing directory is not a destination directory without the trailing slash', async () => {
    const dst = image([{ type: 'dir', path: 'ex/a.txt' }]);
    const { err } = await run(req({ sources: ['a.txt'], dest: '/ex', builder: 'buildkit', link: true }), context(), dst);
    expect(err).toBeNull();
    expect(ls(dst, '/ex')).toBe('-0644 0:0 "a\\n"');
    const plain = image([{ type: 'dir', path: 'ex' }]);
    await run(req({ sources: ['a.txt'], dest: '/ex', builder: 'buildkit' }), context(), plain);
    expect(plain.readdir('/ex')).toEqual(['a.txt']);
  });

  it('a destination through a symlinked directory lands in its target', async () => {
    const { dst } = await run(req({ sources: ['a.txt'], dest: '/lib64/' }));
    expect(dst.readdir('/lib')).toEqual(['a.txt']);
  });

  it('a file in the way of the destination (checked, host path aside)', async () => {
    const withFile = () => image([{ type: 'file', path: 'ff', content: 'f\n' }]);
    const root = '/var/lib/docker/overlay2/0000/merged';
    const a = await run(req({ sources: ['dir'], dest: '/ff', hostRoot: root }), context(), withFile());
    expect(a.err).toBe(`failed to copy files: failed to copy directory: mkdir ${root}/ff: not a directory`);
    const b = await run(req({ sources: ['a.txt'], dest: '/ff/x', hostRoot: root }), context(), withFile());
    expect(b.err).toBe(`failed to copy files: lstat ${root}/ff/x: not a directory`);
    const c = await run(req({ sources: ['a.txt'], dest: '/ff/', hostRoot: root }), context(), withFile());
    expect(c.err).toBe(`failed to copy files: failed to create new directory: mkdir ${root}/ff: not a directory`);
    // Nothing was lost.
    expect(text(c.dst.readFile('/ff'))).toBe('f\n');
    // BuildKit names the path under its mount of the snapshot.
    const d = await run(req({ sources: ['dir'], dest: '/ff', builder: 'buildkit', hostRoot: '/var/lib/docker/tmp/buildkit-mount1234' }), context(), withFile());
    expect(d.bk).toBe('cannot copy to non-directory: /var/lib/docker/tmp/buildkit-mount1234/ff');
    const e = await run(req({ sources: ['dir'], dest: '/ff', builder: 'buildkit' }), context(), withFile());
    expect(e.bk).toMatch(/^cannot copy to non-directory: \/var\/lib\/docker\/tmp\/buildkit-mount\d{10}\/ff$/);
  });
});

describe('COPY --chown and --chmod', () => {
  it('names resolve in the destination image; new parents of a file belong to the owner too (checked)', async () => {
    const dst = image();
    await copyInto(context(), dst, req({ sources: ['a.txt'], dest: '/p/q/r', chown: '1000:1000' }));
    await copyInto(context(), dst, req({ sources: ['dir'], dest: '/cd/e/', chown: 'daemon' }));
    await copyInto(context(), dst, req({ sources: ['a.txt'], dest: '/cf', chown: 'daemon:nogroup' }));
    expect(tree(dst, '/p')).toEqual(['/p d0755 1000:1000', '/p/q d0755 1000:1000', '/p/q/r -0644 1000:1000 "a\\n"']);
    // A directory's new parents stay root's; the destination and its content are the owner's.
    expect(tree(dst, '/cd')).toEqual([
      '/cd d0755 0:0',
      '/cd/e d0755 1:1',
      '/cd/e/abslink l0777 1:1 -> /etc/passwd',
      '/cd/e/sub d0750 1:1',
      '/cd/e/sub/y -0644 1:1 "y\\n"',
      '/cd/e/x -0644 1:1 "x\\n"',
    ]);
    expect(ls(dst, '/cf')).toBe('-0644 1:65534 "a\\n"');
  });

  it('existing parents and an existing destination directory keep their owner (checked)', async () => {
    const dst = image([{ type: 'dir', path: 'x/y' }]);
    await copyInto(context(), dst, req({ sources: ['a.txt'], dest: '/x/y/z/f', chown: '9:9' }));
    await copyInto(context(), dst, req({ sources: ['dir'], dest: '/x/', chown: '9:9' }));
    expect(tree(dst, '/x')).toEqual([
      '/x d0755 0:0',
      '/x/abslink l0777 9:9 -> /etc/passwd',
      '/x/sub d0750 9:9',
      '/x/sub/y -0644 9:9 "y\\n"',
      '/x/x -0644 9:9 "x\\n"',
      '/x/y d0755 0:0',
      '/x/y/z d0755 9:9',
      '/x/y/z/f -0644 9:9 "a\\n"',
    ]);
  });

  it('unknown names and bad formats (checked)', async () => {
    const pre = 'unable to convert uid/gid chown string to host mapping: ';
    expect((await run(req({ sources: ['a.txt'], dest: '/x', chown: 'nosuch' }))).err).toBe(`${pre}can't find uid for user nosuch: no such user: nosuch`);
    expect((await run(req({ sources: ['a.txt'], dest: '/x', chown: '1:nosuchgrp' }))).err).toBe(`${pre}can't find gid for group nosuchgrp: no such group: nosuchgrp`);
    expect((await run(req({ sources: ['a.txt'], dest: '/x', chown: '1:2:3' }))).err).toBe(`${pre}invalid chown string format: 1:2:3`);
    // A user name alone is also looked up as a group (moby's parseChownFlag).
    expect((await run(req({ sources: ['a.txt'], dest: '/x', chown: 'nobody' }))).err).toBe(`${pre}can't find gid for group nobody: no such group: nobody`);
    // The destination is untouched.
    const r = await run(req({ sources: ['a.txt'], dest: '/x', chown: 'nosuch' }));
    expect(r.dst.exists('/x')).toBe(false);
  });

  it('BuildKit: a name missing from passwd leaves root, a user alone brings its group', async () => {
    const a = await run(req({ sources: ['a.txt'], dest: '/x', chown: 'nosuch', builder: 'buildkit' }));
    expect(ls(a.dst, '/x')).toBe('-0644 0:0 "a\\n"');
    const b = await run(req({ sources: ['a.txt'], dest: '/x', chown: 'nobody', builder: 'buildkit' }));
    expect(ls(b.dst, '/x')).toBe('-0644 65534:65534 "a\\n"');
    const c = await run(req({ sources: ['dir'], dest: '/n/e/', chown: '7:8', builder: 'buildkit' }));
    // BuildKit creates every missing directory with the owner.
    expect(ls(c.dst, '/n')).toBe('d0755 7:8');
    expect(ls(c.dst, '/n/e/x')).toBe('-0644 7:8 "x\\n"');
  });

  it('from another stage, owners are kept unless --chown; the new destination directory belongs to root (checked)', async () => {
    const stage = image([
      { type: 'dir', path: 'app', uid: 33, gid: 44 },
      { type: 'file', path: 'app/bin', content: 'ELF', mode: 0o755, uid: 33, gid: 44 },
    ]);
    const dst = image();
    await copyInto(stage, dst, req({ sources: ['/app'], dest: '/app', fromStage: 'b' }));
    await copyInto(stage, dst, req({ sources: ['/app/bin'], dest: '/one/', fromStage: 'b' }));
    await copyInto(stage, dst, req({ sources: ['/app'], dest: '/app2', fromStage: 'b', chown: '1:1' }));
    expect(tree(dst, '/app')).toEqual(['/app d0755 0:0', '/app/bin -0755 33:44 "ELF"']);
    expect(tree(dst, '/one')).toEqual(['/one d0755 0:0', '/one/bin -0755 33:44 "ELF"']);
    expect(tree(dst, '/app2')).toEqual(['/app2 d0755 1:1', '/app2/bin -0755 1:1 "ELF"']);
  });

  it('an image file with generated content is copied as it is, not made byte by byte', async () => {
    const stage = image([{ type: 'file', path: 'usr/lib/big.so', size: 50_000_000, seed: 42, mode: 0o755 }]);
    const dst = image();
    const r = req({ sources: ['/usr/lib/big.so'], dest: '/lib/', fromStage: 'b' });
    const t = performance.now();
    const sum = await copyChecksum(stage, r, sha256);
    await copyInto(stage, dst, r);
    expect(performance.now() - t).toBeLessThan(200);
    const e = dst.upper.root.childMap()!.get('lib')!.childMap()!.get('big.so')!;
    expect([e.size, e.seed]).toEqual([50_000_000, 42]);
    expect(dst.readFile('/lib/big.so').subarray(0, 64)).toEqual(stage.readFile('/usr/lib/big.so').subarray(0, 64));
    // Another seed is other content: another key.
    const other = image([{ type: 'file', path: 'usr/lib/big.so', size: 50_000_000, seed: 43, mode: 0o755 }]);
    expect((await copyChecksum(other, r, sha256)).key).not.toBe(sum.key);
  });

  it('legacy refuses --chmod (checked)', async () => {
    const msg = 'the --chmod option requires BuildKit. Refer to https://docs.docker.com/go/buildkit/ to learn how to build images with BuildKit enabled';
    expect((await run(req({ sources: ['a.txt'], dest: '/x', chmod: '755' }))).err).toBe(msg);
    expect((await run(req({ kind: 'ADD', sources: ['a.txt'], dest: '/x', chmod: '755' }))).err).toBe(msg);
  });

  it('BuildKit applies --chmod to every copied entry and to the directories it creates', async () => {
    const { dst } = await run(req({ sources: ['dir'], dest: '/c/', chmod: '0700', builder: 'buildkit' }));
    expect(ls(dst, '/c')).toBe('d0700 0:0');
    expect(ls(dst, '/c/sub/y')).toBe('-0700 0:0 "y\\n"');
    const s = await run(req({ sources: ['b.txt'], dest: '/s', chmod: 'go+r,u+x', builder: 'buildkit' }));
    expect(ls(s.dst, '/s')).toBe('-0744 0:0 "b\\n"');
    const bad = "invalid chmod parameter: '999'. it should be octal string and between 0 and 07777";
    expect((await run(req({ sources: ['a.txt'], dest: '/x', chmod: '999', builder: 'buildkit' }))).bk).toBe(bad);
    expect((await run(req({ sources: ['a.txt'], dest: '/x', chmod: '17777', builder: 'buildkit' }))).bk).toBe(bad.replace('999', '17777'));
  });
});

describe('ADD', () => {
  it('extracts a local tar or gzip tar, whatever its name, into a directory; the entries keep their owners (checked)', async () => {
    const dst = image();
    for (const [s, d] of [
      ['arch.tar', '/ta/'],
      ['arch.tar.gz', '/tg'],
      ['notarchive.tgz', '/nt/'],
    ]) {
      await copyInto(context(), dst, req({ kind: 'ADD', sources: [s!], dest: d!, chown: '7:7' }));
    }
    for (const d of ['/ta', '/tg', '/nt']) {
      expect(tree(dst, d)).toEqual([`${d} d0755 0:0`, `${d}/in d0755 1234:4321`, `${d}/in/f -0644 1234:4321 "intar\\n"`, `${d}/in/lnk l0777 1234:4321 -> f`]);
    }
    expect(dst.stat('/ta/in/f').mtime).toBe(DIRT - 139);
  });

  it('extracts over an existing directory: merged, the directory takes the mode in the archive, hard links stay links (checked)', async () => {
    const t = LayerTree.from([{ type: 'dir', path: 'in', mode: 0o700 }, { type: 'file', path: 'in/f', content: 'h\n' }], { mtime: DIRT });
    t.addLink('in/f', 'in/g');
    const src = context([{ type: 'file', path: 'hard.tar', content: layerTarBytes(t) }]);
    const dst = image([{ type: 'dir', path: 'o/in' }, { type: 'file', path: 'o/in/old', content: 'old\n' }]);
    await copyInto(src, dst, req({ kind: 'ADD', sources: ['hard.tar'], dest: '/o/' }));
    expect(tree(dst, '/o/in')).toEqual(['/o/in d0700 0:0', '/o/in/f -0644 0:0 "h\\n"', '/o/in/g -0644 0:0 "h\\n"', '/o/in/old -0644 0:0 "old\\n"']);
    dst.writeFile('/o/in/f', utf8('changed\n'));
    expect(text(dst.readFile('/o/in/g'))).toBe('changed\n');
  });

  it('an archive whose destination is a file (checked, host path aside)', async () => {
    const root = '/var/lib/docker/overlay2/0000/merged';
    const withFile = () => image([{ type: 'file', path: 'ff', content: 'f\n' }]);
    const a = await run(req({ kind: 'ADD', sources: ['arch.tar'], dest: '/ff', hostRoot: root }), context(), withFile());
    expect(a.err).toMatch(/^failed to copy files: Error processing tar file\(exit status 1\): Error setting up pivot dir: mkdir \/var\/lib\/docker\/overlay2\/0000\/merged\/ff\/\.pivot_root\d{10}: not a directory$/);
    expect(text(a.dst.readFile('/ff'))).toBe('f\n');
    const b = await run(req({ kind: 'ADD', sources: ['arch.tar'], dest: '/ff', builder: 'buildkit' }), context(), withFile());
    expect(b.bk).toBe('mkdir /ff: not a directory');
  });

  it('extracts as Untar does: names kept inside, links as archived, long PAX names, the last of two entries (checked)', async () => {
    const odd = Uint8Array.from(
      atob(
        'H4sIAAAAAAACA+3Y3wqCMBQG8F33FD6B++ParoIuu+wVRq4SRMVp+fitiECLvMkJ+f0QBt4MPPuOR+OY2kuWkykxT0n5WL3h6q0JT7TQkj/va6YUiRgJoHWNqf2WZJnuxV8RWKq2mn6P8fyzfv4504qRSMQx9ZdtDrQyzl1T5P/n/BOm273pdtaktp6u/h/q/qq/YLJ3Fnz9Beck6tD/J8cTEVWmOW9SWswEr58ZhSj7o/9/yf/b/JckQgrMfyHkZXFCABec/wAD4Pj8pwbff2rtWwLyH8Axq12DBoD8z5p//Z5//P8JwtlDWaRoAAAAAAAAAAAAAP/oBtT92tIAKAAA',
      ),
      (c) => c.charCodeAt(0),
    );
    const { dst, err } = await run(req({ kind: 'ADD', sources: ['odd.tar.gz'], dest: '/o/' }), context([{ type: 'file', path: 'odd.tar.gz', content: odd }]));
    expect(err).toBeNull();
    expect(tree(dst, '/o')).toEqual([
      '/o d0755 0:0',
      '/o/d d0755 0:0',
      `/o/d/${'n'.repeat(120)} -0600 0:0 "long\\n"`,
      '/o/dup -0644 0:0 "second\\n"',
      '/o/evil -0644 0:0 "evil\\n"',
      '/o/up l0777 0:0 -> ../../etc/passwd',
    ]);
    expect(dst.exists('/evil')).toBe(false);
    expect(dst.stat('/o/evil').mtime).toBe(1_600_000_000_000);
  });

  it('a damaged archive fails the step', async () => {
    const tar = tarOf(ARCHIVE);
    const { err, bk } = await run(req({ kind: 'ADD', sources: ['cut.tar'], dest: '/c/' }), context([{ type: 'file', path: 'cut.tar', content: tar.subarray(0, 1000) }]));
    expect(err).toBe('failed to copy files: Error processing tar file(exit status 1): unexpected EOF');
    expect(bk).toBe(err);
    const b = await run(req({ kind: 'ADD', sources: ['cut.tar'], dest: '/c/', builder: 'buildkit' }), context([{ type: 'file', path: 'cut.tar', content: tar.subarray(0, 1000) }]));
    expect(b.bk).toBe('unexpected EOF');
  });

  it('ADD --chown owns a plain file (checked)', async () => {
    const { dst } = await run(req({ kind: 'ADD', sources: ['a.txt'], dest: '/af', chown: '5:5' }));
    expect(ls(dst, '/af')).toBe('-0644 5:5 "a\\n"');
  });

  it('a gzip that holds no tar, and COPY of an archive, copy the file as it is (checked)', async () => {
    const dst = image();
    await copyInto(context(), dst, req({ kind: 'ADD', sources: ['plain.gz'], dest: '/pg/' }));
    await copyInto(context(), dst, req({ sources: ['arch.tar.gz'], dest: '/ct/' }));
    expect(dst.readdir('/pg')).toEqual(['plain.gz']);
    expect(dst.readdir('/ct')).toEqual(['arch.tar.gz']);
  });

  it('BuildKit extracts too', async () => {
    const { dst } = await run(req({ kind: 'ADD', sources: ['arch.tar.gz'], dest: '/x', builder: 'buildkit' }));
    expect(dst.readdir('/x/in')).toEqual(['f', 'lnk']);
  });

  it('bzip2 and xz tars are extracted (checked); a broken bzip2 is copied as a file', async () => {
    const a = await run(req({ kind: 'ADD', sources: ['arch.tar.bz2'], dest: '/tb/' }));
    expect(tree(a.dst, '/tb')).toEqual(['/tb d0755 0:0', '/tb/in d0755 1234:4321', '/tb/in/f -0644 1234:4321 "intar\\n"']);
    const x = await run(req({ kind: 'ADD', sources: ['arch.tar.xz'], dest: '/tx/', builder: 'buildkit' }));
    expect(tree(x.dst, '/tx')).toEqual(['/tx d0755 0:0', '/tx/in d0755 1234:4321', '/tx/in/f -0644 1234:4321 "intar\\n"']);
    const b = await run(req({ kind: 'ADD', sources: ['fake.bz2'], dest: '/fb/' }));
    expect(b.dst.readdir('/fb')).toEqual(['fake.bz2']);
  });

  it('zstd archives are refused cleanly (Docker extracts them; zstd is not decoded here)', async () => {
    const a = await run(req({ kind: 'ADD', sources: ['arch.tar.zst'], dest: '/tz/' }));
    expect(a.err).toBe('failed to copy files: arch.tar.zst: zstd-compressed archives are not supported here (only plain, gzip, bzip2 and xz tar archives can be extracted)');
    expect(a.dst.exists('/tz')).toBe(false);
    const b = await run(req({ kind: 'ADD', sources: ['arch.tar.zst'], dest: '/tz/', builder: 'buildkit' }));
    expect(b.bk).toMatch(/^failed to copy files: arch.tar.zst: zstd-compressed/);
  });

  it('a URL fails as a download without a network does (checked: 127.0.0.1:9, a closed port)', async () => {
    const a = await run(req({ kind: 'ADD', sources: ['http://127.0.0.1:9/x'], dest: '/x' }));
    expect(a.err).toBe('ADD failed: Get "http://127.0.0.1:9/x": dial tcp 127.0.0.1:9: connect: connection refused');
    const b = await run(req({ kind: 'ADD', sources: ['http://127.0.0.1:9/x'], dest: '/x', builder: 'buildkit' }));
    expect(b.bk).toBe('failed to load cache key: Get "http://127.0.0.1:9/x": dial tcp 127.0.0.1:9: connect: connection refused');
    expect(offlineError('https://localhost/a')).toBe('Get "https://localhost/a": dial tcp 127.0.0.1:443: connect: connection refused');
    expect(offlineError('https://example.com/a.tgz')).toBe('Get "https://example.com/a.tgz": dial tcp: lookup example.com: no such host');
  });

  it('COPY refuses a URL (checked on the legacy builder)', async () => {
    expect((await run(req({ sources: ['http://127.0.0.1:9/x'], dest: '/x' }))).err).toBe("COPY failed: source can't be a URL for COPY");
    expect((await run(req({ sources: ['http://127.0.0.1:9/x'], dest: '/x', builder: 'buildkit' }))).bk).toBe("source can't be a URL for COPY");
  });

  it('a download, when the builder supplies one, is a 0600 file named after the URL and never extracted', async () => {
    const tgz = concat(gzipStored([tarOf(ARCHIVE)]));
    const fetch = async () => ({ data: tgz, lastModified: OLD });
    const { dst } = await run(req({ kind: 'ADD', sources: ['http://example.com/pkg/a.tgz'], dest: '/dl/', fetch }));
    expect(dst.readdir('/dl')).toEqual(['a.tgz']);
    expect(dst.stat('/dl/a.tgz').mode).toBe(0o600);
    // The checksum and the copy of one step download once.
    let calls = 0;
    const counted = req({ kind: 'ADD', sources: ['http://example.com/a'], dest: '/a', fetch: async () => (calls++, { data: utf8('x') }) });
    await copyChecksum(context(), counted, sha256);
    await copyInto(context(), image(), counted);
    expect(calls).toBe(1);
    const noName = await run(req({ kind: 'ADD', sources: ['http://example.com/'], dest: '/dl/', fetch }));
    expect(noName.err).toBe('ADD failed: cannot determine filename for source http://example.com/');
  });
});

describe('here-documents', () => {
  it('BuildKit copies each as a 0644 file; the legacy builder ignores them', async () => {
    const contents = [{ path: 'EOF', data: 'hi\n' }];
    const b = await run(req({ sources: [], dest: '/h/', contents, chown: '1:1', builder: 'buildkit' }));
    expect(ls(b.dst, '/h/EOF')).toBe('-0644 1:1 "hi\\n"');
    const named = await run(req({ sources: ['a.txt'], dest: '/h2/', contents, builder: 'buildkit' }));
    expect(named.dst.readdir('/h2')).toEqual(['EOF', 'a.txt']);
    expect((await run(req({ sources: [], dest: '/h', contents }))).err).toBe('COPY failed: no source files were specified');
  });
});

describe('copyChecksum', () => {
  it('gives the legacy history words docker history showed for the same context (checked)', async () => {
    const src = context();
    expect((await copyChecksum(src, req({ sources: ['a.txt'], dest: '/t/' }), sha256)).legacySource).toBe(
      'file:a596f0888def06c3cad1442667ede22d419985a1c8a3155b838b650c4cf52ecc',
    );
    expect((await copyChecksum(src, req({ sources: ['dir'], dest: '/d/' }), sha256)).legacySource).toBe(
      'dir:fd05412397d58f9a9983af15da108720e378303dc20bcd358d31a0eb58847665',
    );
    expect((await copyChecksum(src, req({ sources: ['a.txt', 'c.md'], dest: '/m/' }), sha256)).legacySource).toBe(
      'multi:3bfa6e22869e444229c288889cd9b5a9bbe809fe6fe05bb5b4da5dac88cc2bb8',
    );
  });

  it('COPY . hashes every entry of the context but not its root (checked)', async () => {
    const tree = LayerTree.from([
      { type: 'file', path: 'Dockerfile', content: 'FROM busybox\nCOPY . /all/\n' },
      { type: 'file', path: 'a.txt', content: 'a\n' },
      { type: 'dir', path: 'sub' },
      { type: 'file', path: 'sub/b', content: 'b\n' },
    ]);
    const src = new UnionFs([tree], { clock: { now: () => 0 } });
    expect((await copyChecksum(src, req({ sources: ['.'], dest: '/all/' }), sha256)).legacySource).toBe(
      'dir:245c1de2a637bb1f7087981adf65c4b4edf0467ef1ab51d98590a0518386c603',
    );
  });

  it('the same files give the same key, a changed byte or mode another, the mtime none', async () => {
    const k = async (extra: EntrySpec[], sources = ['x']) => (await copyChecksum(context(extra), req({ sources, dest: '/x/', builder: 'buildkit' }), sha256)).key;
    const base = await k([{ type: 'file', path: 'x', content: 'hello' }]);
    expect(base).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await k([{ type: 'file', path: 'x', content: 'hello', mtime: 5 }])).toBe(base);
    expect(await k([{ type: 'file', path: 'x', content: 'hellO' }])).not.toBe(base);
    expect(await k([{ type: 'file', path: 'x', content: 'hello', mode: 0o755 }])).not.toBe(base);
    expect(await k([{ type: 'file', path: 'x/y', content: 'hello' }])).not.toBe(base);
  });

  it('throws the same errors as the copy', async () => {
    await expect(copyChecksum(context(), req({ sources: ['nosuch'], dest: '/x' }), sha256)).rejects.toThrow(
      'COPY failed: file not found in build context or excluded by .dockerignore: stat nosuch: file does not exist',
    );
    await expect(copyChecksum(context(), req({ sources: ['a.txt', 'b.txt'], dest: '/x' }), sha256)).rejects.toBeInstanceOf(BuildError);
  });
});
