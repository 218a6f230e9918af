import { describe, expect, it } from 'vitest';
import { createHost, type SimulatedHost } from '../../shell/host.ts';
import { createNodePlatform } from '../../node/platform.ts';
import { LayerTree } from '../../engine/layer/tree.ts';
import { UnionFs } from '../../engine/fs/union.ts';
import { displayPath, downloadList, filesIn, isArchive, isLearnerPath, mediaType, readForDownload, resolvePath, writtenFilesOf, type WrittenBatch } from './files.ts';

const quiet = { stdout: { write: () => {} }, stderr: { write: () => {} } };

async function machine(): Promise<SimulatedHost> {
  return createHost({ platform: createNodePlatform(), realtime: false });
}

/** The names in a tar archive (ustar headers, 512-byte blocks). */
function tarNames(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  const text = new TextDecoder();
  for (let at = 0; at + 512 <= bytes.length; ) {
    const header = bytes.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const name = text.decode(header.subarray(0, 100)).replace(/\0.*$/s, '');
    const size = parseInt(text.decode(header.subarray(124, 136)).replace(/\0.*$/s, '').trim() || '0', 8);
    out.set(name, bytes.subarray(at + 512, at + 512 + size));
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('files the commands wrote', () => {
  it('are the archives docker save, a redirect, a pipe into gzip and docker export wrote, one batch per command line', { timeout: 30_000 }, async () => {
    const host = await machine();
    const tracker = writtenFilesOf(host);
    expect(writtenFilesOf(host)).toBe(tracker);
    const batches: WrittenBatch[] = [];
    tracker.subscribe((b) => batches.push(b));
    await host.run('docker pull -q busybox', quiet);
    expect(batches).toEqual([]); // the image store is not the machine's files
    await host.run('docker save -o busybox.tar busybox', quiet);
    await host.run('docker save busybox > b.tar', quiet);
    await host.run('mkdir -p out && docker save busybox | gzip > out/b.tgz', quiet);
    await host.run('docker create --name box busybox > /dev/null && docker export -o c.tar box', quiet);
    expect(batches.map((b) => [b.command, b.files.map((f) => [f.path, f.archive])])).toEqual([
      ['docker save -o busybox.tar busybox', [['/root/busybox.tar', true]]],
      ['docker save busybox > b.tar', [['/root/b.tar', true]]],
      ['mkdir -p out && docker save busybox | gzip > out/b.tgz', [['/root/out/b.tgz', true]]],
      ['docker create --name box busybox > /dev/null && docker export -o c.tar box', [['/root/c.tar', true]]],
    ]);
    const saved = batches[0]!.files[0]!;
    expect(saved.size).toBe(host.fs.stat('/root/busybox.tar').size);
    expect(saved.size).toBeGreaterThan(1_000_000);
    expect(tracker.lastArchives()?.files[0]?.name).toBe('c.tar');
    // newest first; a file removed since is no longer offered
    await host.run('rm b.tar', quiet);
    expect(tracker.written().map((f) => f.path)).toEqual(['/root/c.tar', '/root/out/b.tgz', '/root/busybox.tar']);
  });

  it('leave out what is not the learner’s: hidden directories, the system’s directories, files gone by the end', async () => {
    const host = await machine();
    const tracker = writtenFilesOf(host);
    const batches: WrittenBatch[] = [];
    tracker.subscribe((b) => batches.push(b));
    await host.run('mkdir -p .docker && echo {} > .docker/config.json && echo t > /tmp/t && rm /tmp/t', quiet);
    await host.run('git init -q repo', quiet);
    expect(batches).toEqual([]);
    // a file the learner dropped is not written by the command that follows
    host.fs.writeFile('/root/dropped.tar', new Uint8Array(3));
    tracker.forget(['/root/dropped.tar']);
    await host.run('echo hello > notes.txt && echo again >> notes.txt', quiet);
    expect(batches.map((b) => b.files.map((f) => [f.name, f.size, f.archive]))).toEqual([[['notes.txt', 12, false]]]);
    expect(tracker.lastArchives()).toBeNull();
    expect(isLearnerPath('/root/.bashrc')).toBe(true);
    expect(isLearnerPath('/root/app/.git/HEAD')).toBe(false);
    expect(isLearnerPath('/var/lib/docker-registry/docker/registry/v2/blobs/x')).toBe(false);
    expect(isLearnerPath('/etc/docker/daemon.json')).toBe(true);
  });

  it('each machine has its own', async () => {
    const berth = await machine();
    const berth2 = await createHost({ platform: createNodePlatform(), realtime: false, hostname: 'berth2', registries: berth.registries });
    await berth.run('echo 1 > one.tar', quiet);
    await berth2.run('echo 2 > two.tar', quiet);
    // tracked from the first ask on
    expect(writtenFilesOf(berth).written().map((f) => f.name)).toEqual([]);
    expect(writtenFilesOf(berth2).written().map((f) => f.name)).toEqual([]);
    await berth.run('echo 1 > one.tar', quiet);
    await berth2.run('echo 2 > two.tar', quiet);
    expect(writtenFilesOf(berth).written().map((f) => f.name)).toEqual(['one.tar']);
    expect(writtenFilesOf(berth2).written().map((f) => f.name)).toEqual(['two.tar']);
  });
});

describe('the download list', () => {
  const clock = { t: 1_000, now() { return this.t; } };
  function fs(): UnionFs {
    const f = new UnionFs([new LayerTree()], { clock });
    f.mkdir('/root/app/sub', { recursive: true });
    f.mkdir('/tmp');
    for (const [path, at] of [['/root/old.tar', 1], ['/root/app/Dockerfile', 3], ['/root/app/b.txt', 2], ['/root/new.txt', 4], ['/tmp/x.tar', 5]] as const) {
      clock.t = at;
      f.writeFile(path, new TextEncoder().encode(path));
    }
    f.symlink('/root/old.tar', '/root/app/link.tar');
    return f;
  }

  it('offers the written files first, then the working and home directories’ files newest first, each once', () => {
    const f = fs();
    const written = [filesIn(f, '/tmp')[0]!, filesIn(f, '/root')[1]!];
    expect(written.map((e) => e.path)).toEqual(['/tmp/x.tar', '/root/old.tar']);
    const list = downloadList(f, '/root/app', written);
    expect(list.map((e) => displayPath(e.path, '/root/app'))).toEqual(['/tmp/x.tar', '/root/old.tar', '/root/new.txt', 'Dockerfile', 'b.txt', 'link.tar']);
    expect(list.find((e) => e.name === 'link.tar')?.size).toBe('/root/old.tar'.length);
    expect(downloadList(f, '/root', []).map((e) => e.name)).toEqual(['new.txt', 'old.tar']);
    expect(downloadList(f, '/root/app', written, 3)).toHaveLength(3);
    expect(downloadList(f, '/', []).map((e) => e.name)).toEqual(['new.txt', 'old.tar']);
    expect(downloadList(f, '/gone', []).map((e) => e.name)).toEqual(['new.txt', 'old.tar']);
  });

  it('resolves a typed path against the working directory', () => {
    expect(resolvePath('/root/app', 'b.tar')).toBe('/root/app/b.tar');
    expect(resolvePath('/root/app', ' ../x/./y.tar ')).toBe('/root/x/y.tar');
    expect(resolvePath('/root/app', '/tmp//z')).toBe('/tmp/z');
    expect(resolvePath('/tmp', '~/b.tar')).toBe('/root/b.tar');
    expect(resolvePath('/tmp', '~')).toBe('/root');
    expect(resolvePath('/', '../..')).toBe('/');
  });

  it('reads the bytes to download, or says why it cannot', () => {
    const f = fs();
    expect(readForDownload(f, '/root/app/link.tar')).toEqual({ ok: true, name: 'link.tar', bytes: new TextEncoder().encode('/root/old.tar') });
    expect(readForDownload(f, '/root/nope')).toMatchObject({ ok: false, reason: 'missing', path: '/root/nope' });
    expect(readForDownload(f, '/root/new.txt/x')).toMatchObject({ ok: false, reason: 'missing' });
    expect(readForDownload(f, '/root/app')).toMatchObject({ ok: false, reason: 'directory' });
    expect(readForDownload(f, '/')).toMatchObject({ ok: false, reason: 'directory' });
    expect(readForDownload(f, '')).toMatchObject({ ok: false, reason: 'empty' });
  });

  it('names archives and their media types', () => {
    expect(['a.tar', 'b.tgz', 'c.tar.gz', 'd.gz', 'e.tar.xz', 'f.zip'].every(isArchive)).toBe(true);
    expect(['Dockerfile', 'tar', 'notes.txt', 'a.tar.bak'].some(isArchive)).toBe(false);
    expect([mediaType('b.tar'), mediaType('b.tgz'), mediaType('Dockerfile'), mediaType('x.bin')]).toEqual(['application/x-tar', 'application/gzip', 'text/plain', 'application/octet-stream']);
  });

  it('downloads what docker save wrote: a tar whose manifest names the image', async () => {
    const host = await machine();
    await host.run('docker pull -q busybox && docker save -o b.tar busybox', quiet);
    const read = readForDownload(host.fs, resolvePath(host.cwd(), 'b.tar'));
    if (!read.ok) throw new Error(read.reason);
    const manifest = JSON.parse(new TextDecoder().decode(tarNames(read.bytes).get('manifest.json')));
    expect(manifest[0].RepoTags).toEqual(['busybox:latest']);
  });
});
