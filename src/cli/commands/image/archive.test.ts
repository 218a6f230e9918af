// docker save / load / import / export: the archive layout moby writes
// (image/tarexport/save.go, checked against fidelity/corpus/archives and
// scripts/real-docker/interop.mjs), round trips, and hostile archives
// refused with the engine left as it was.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { harness, SERVER_1_50, type Harness } from './harness.ts';
import type { CliContext } from '../../command.ts';
import { runDocker } from '../../dispatch.ts';
import { concatBytes } from '../../../engine/layer/bytes.ts';
import { encodeHeader, readLayerTar, layerTarBytes, NO_NAMES } from '../../../engine/layer/tar.ts';
import { LayerTree, readContent } from '../../../engine/layer/tree.ts';
import { saveArchive } from '../../../engine/image/archive/save.ts';
import { commitLoad, prepareLoad } from '../../../engine/image/archive/load.ts';
import { exportContainer } from '../../../engine/image/archive/export.ts';
import { readBinary, writeBinary } from '../../../engine/image/archive/streams.ts';
import { LostBytes, Pipe } from '../../../engine/runtime/sh/io.ts';

const hasher = {
  async sha256(d: Uint8Array) {
    return createHash('sha256').update(d).digest('hex');
  },
};
const yieldTask = () => new Promise<void>((r) => setImmediate(r));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const utf8 = (s: string) => new TextEncoder().encode(s);

async function withBusybox(): Promise<Harness> {
  const h = harness(hasher, yieldTask);
  await h.docker(['pull', '-q', 'busybox']);
  return h;
}

/** The archive as one buffer, and its entries as a tree. */
async function saved(h: Harness, ...names: string[]) {
  const bytes = concatBytes([...(await saveArchive(h.daemon, names))]);
  return { bytes, tree: await readLayerTar(bytes) };
}

/** Bytes that went through a text-only stream (the harness's stdout) back to bytes. */
function latin1(s: string): Uint8Array {
  const b = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
  return b;
}

function file(tree: LayerTree, path: string): Uint8Array {
  const e = tree.lookup(path);
  if (!e || e.kind !== 'file') throw new Error(`no ${path}`);
  return readContent(e);
}

/** A raw tar of the given headers (and data). */
function rawTar(entries: Array<{ name: string; typeflag?: string; data?: Uint8Array; size?: number; linkname?: string; mode?: number }>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const data = e.data ?? new Uint8Array(0);
    const size = e.size ?? data.length;
    parts.push(
      ...encodeHeader({ name: e.name, typeflag: e.typeflag ?? '0', mode: e.mode ?? 0o644, uid: 0, gid: 0, size, mtime: 0, linkname: e.linkname ?? '', uname: '', gname: '' }),
    );
    if (data.length > 0) {
      parts.push(data, new Uint8Array(-data.length & 511));
    }
  }
  parts.push(new Uint8Array(1024));
  return concatBytes(parts);
}

/** What the engine holds, to compare before and after a refused load. */
function state(h: Harness): string {
  const s = h.daemon.snapshot();
  return JSON.stringify({ images: s.images.map((i) => i.id), refs: s.refs, layers: s.layers });
}

describe('docker save', () => {
  it('writes the OCI layout in go-archive order, blobs named by their sha256', async () => {
    const h = await withBusybox();
    const { tree } = await saved(h, 'busybox');
    const names = [...tree.walk()].map(([p, e]) => (e.kind === 'dir' ? p + '/' : p).replace(/[0-9a-f]{64}$/, '<digest>'));
    expect(names).toEqual([
      'blobs/',
      'blobs/sha256/',
      'blobs/sha256/<digest>',
      'blobs/sha256/<digest>',
      'blobs/sha256/<digest>',
      'blobs/sha256/<digest>',
      'index.json',
      'manifest.json',
      'oci-layout',
      'repositories',
    ]);
    for (const [p, e] of tree.walk()) {
      if (p.startsWith('blobs/sha256/')) expect(sha(readContent(e))).toBe(p.slice(13));
      expect(e.uid).toBe(0);
      expect(e.mode).toBe(e.kind === 'dir' ? 0o755 : 0o644);
    }
    const img = h.daemon.images.get(h.daemon.inspectImage('busybox').Id as string)!;
    const manifest = JSON.parse(text(file(tree, 'manifest.json')));
    const diffIds = img.config.rootfs.diff_ids;
    expect(manifest).toEqual([
      {
        Config: `blobs/sha256/${img.id.slice(7)}`,
        RepoTags: ['busybox:latest'],
        Layers: diffIds.map((d) => `blobs/sha256/${d.slice(7)}`),
        LayerSources: Object.fromEntries(
          diffIds.map((d) => [d, { mediaType: 'application/vnd.oci.image.layer.v1.tar', size: file(tree, `blobs/sha256/${d.slice(7)}`).length, digest: d }]),
        ),
      },
    ]);
    expect(text(file(tree, `blobs/sha256/${img.id.slice(7)}`))).toBe(img.configJson);
    expect(text(file(tree, 'repositories'))).toBe(`{"busybox":{"latest":"${diffIds[diffIds.length - 1]!.slice(7)}"}}\n`);
    expect(text(file(tree, 'oci-layout'))).toBe('{"imageLayoutVersion":"1.0.0"}');
    const index = JSON.parse(text(file(tree, 'index.json')));
    expect(index.manifests[0].annotations).toEqual({ 'io.containerd.image.name': 'docker.io/library/busybox:latest', 'org.opencontainers.image.ref.name': 'latest' });
    const m = JSON.parse(text(file(tree, `blobs/sha256/${index.manifests[0].digest.slice(7)}`)));
    expect(m.config).toEqual({ mediaType: 'application/vnd.oci.image.config.v1+json', digest: img.id, size: img.configJson.length, platform: { architecture: 'amd64', os: 'linux' } });
    // the legacy v1 config of the top layer carries the image's config in container.Config's field order
    const v1 = [...tree.walk()].map(([, e]) => e).filter((e) => e.kind === 'file' && text(readContent(e)).startsWith('{"id":'));
    expect(v1).toHaveLength(diffIds.length);
    expect(text(readContent(v1.find((e) => text(readContent(e)).includes('"config"'))!))).toMatch(/"config":\{"Hostname":"","Domainname":"","User":"","AttachStdin":false,/);
  });

  it('names what is missing', async () => {
    const h = await withBusybox();
    expect(await h.docker(['save', 'nosuch'])).toEqual({ stdout: '', stderr: 'Error response from daemon: No such image: nosuch\n', status: 1 });
    expect((await h.docker(['save', 'busybox:nosuch'])).stderr).toBe('Error response from daemon: reference does not exist\n');
    expect((await h.docker(['save', 'busybox', 'nosuch'])).stderr).toBe('Error response from daemon: No such image: nosuch\n');
  });
});

describe('on a terminal', () => {
  it('save and export refuse to write an archive to it, load to read one from it', async () => {
    const h = await withBusybox();
    await h.docker(['create', '--name', 'box', 'busybox']);
    const run = async (args: string[]) => {
      let out = '';
      let err = '';
      const ctx: CliContext = {
        stdout: { write: (t) => void (out += t) },
        stderr: { write: (t) => void (err += t) },
        stdin: { read: async () => null },
        env: new Map(),
        tty: true,
        daemon: h.daemon,
        server: SERVER_1_50,
      };
      const status = await h.daemon.clock.runUntil(runDocker(args, ctx));
      return { out, err, status };
    };
    const refused = 'cowardly refusing to save to a terminal. Use the -o flag or redirect\n';
    expect(await run(['save', 'busybox'])).toEqual({ out: '', err: refused, status: 1 });
    expect(await run(['export', 'box'])).toEqual({ out: '', err: refused, status: 1 });
    expect(await run(['load'])).toEqual({ out: '', err: 'requested load from stdin, but stdin is empty\n', status: 1 });
    // on a terminal, but with standard output redirected to a file: the archive goes there
    const chunks: Uint8Array[] = [];
    const ctx: CliContext = {
      stdout: { terminal: false, write: () => {}, writeBytes: (b) => void chunks.push(b.slice()) },
      stderr: { write: () => {} },
      stdin: { read: async () => null },
      env: new Map(),
      tty: true,
      daemon: h.daemon,
      server: SERVER_1_50,
    };
    expect(await h.daemon.clock.runUntil(runDocker(['save', 'busybox'], ctx))).toBe(0);
    expect((await readLayerTar(concatBytes(chunks))).lookup('manifest.json')?.kind).toBe('file');
  });
});

describe('docker load', () => {
  it('round-trips through save, with the same ID and history', async () => {
    const h = await withBusybox();
    const before = await h.docker(['history', '--no-trunc', 'busybox']);
    const id = h.daemon.inspectImage('busybox').Id;
    const out = await h.docker(['save', 'busybox']);
    expect(out.status).toBe(0);
    await h.docker(['rmi', 'busybox']);
    expect(h.daemon.images.all()).toHaveLength(0);
    const r = await h.docker(['load'], { stdin: out.stdout });
    expect(r).toEqual({ stdout: 'Loaded image: busybox:latest\n', stderr: '', status: 0 });
    expect(h.daemon.inspectImage('busybox').Id).toBe(id);
    expect((await h.docker(['history', '--no-trunc', 'busybox'])).stdout).toBe(before.stdout);
    // saving again gives the same layer blobs (their sha256 is still the DiffID)
    const again = await readLayerTar(latin1((await h.docker(['save', 'busybox'])).stdout));
    const first = await readLayerTar(latin1(out.stdout));
    const blobs = (t: LayerTree) => [...t.walk()].map(([p]) => p).filter((p) => p.startsWith('blobs/sha256/'));
    expect(blobs(again)).toEqual(blobs(first));
  });

  it('loads an image saved by ID untagged', async () => {
    const h = await withBusybox();
    const id = h.daemon.inspectImage('busybox').Id as string;
    const byId = await h.docker(['save', id.slice(7, 19)]);
    const { tree } = { tree: await readLayerTar(latin1(byId.stdout)) };
    expect(JSON.parse(text(file(tree, 'manifest.json')))[0].RepoTags).toBeNull();
    expect(tree.lookup('repositories')).toBeUndefined();
    await h.docker(['rmi', 'busybox']);
    const r = await h.docker(['load', '-q'], { stdin: byId.stdout });
    expect(r.stdout).toBe(`Loaded image ID: ${id}\n`);
    expect(h.daemon.listImages().map((i) => [i.id, i.repoTags])).toEqual([[id, []]]);
  });

  it('tells a tag that moves away', async () => {
    const h = await withBusybox();
    const archive = (await h.docker(['save', 'busybox'])).stdout;
    const old = h.daemon.inspectImage('busybox').Id as string;
    await h.docker(['pull', '-q', 'debian:bookworm-slim']);
    await h.docker(['tag', 'debian:bookworm-slim', 'busybox']);
    const other = h.daemon.inspectImage('busybox').Id as string;
    const r = await h.docker(['load'], { stdin: archive });
    expect(r.stdout).toBe(`The image busybox:latest already exists, renaming the old one with ID ${other} to empty string\nLoaded image: busybox:latest\n`);
    expect(h.daemon.inspectImage('busybox').Id).toBe(old);
  });

  it('reads the older layout (<v1-id>/layer.tar, <id>.json) and gzip-compressed archives', async () => {
    const h = await withBusybox();
    const { tree } = await saved(h, 'busybox');
    const manifest = JSON.parse(text(file(tree, 'manifest.json')))[0];
    const old = new LayerTree();
    const layers: string[] = [];
    manifest.Layers.forEach((l: string, i: number) => {
      old.addFile(`v1layer${i}/layer.tar`, file(tree, l));
      old.addFile(`v1layer${i}/VERSION`, '1.0');
      layers.push(`v1layer${i}/layer.tar`);
    });
    const cfg = manifest.Config.slice(13);
    old.addFile(`${cfg}.json`, file(tree, manifest.Config));
    old.addFile('manifest.json', JSON.stringify([{ Config: `${cfg}.json`, RepoTags: ['old:1'], Layers: layers }]));
    const bytes = layerTarBytes(old, { names: NO_NAMES });
    const lines = await commitLoad(h.daemon, h.daemon.imageService, await prepareLoad(h.daemon, bytes));
    expect(lines).toEqual(['Loaded image: old:1']);
    expect(h.daemon.inspectImage('old:1').Id).toBe(`sha256:${cfg}`);
    const gz = new Uint8Array(await new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer());
    expect(await commitLoad(h.daemon, h.daemon.imageService, await prepareLoad(h.daemon, gz))).toEqual(['Loaded image: old:1']);
  });

  it('prints Docker’s errors for what is not an image archive', async () => {
    const h = await withBusybox();
    const empty = await h.docker(['load'], { stdin: '' });
    expect(empty.stderr).toMatch(/^open \/var\/lib\/docker\/tmp\/docker-import-\d+\/repositories: no such file or directory\n$/);
    expect(empty.status).toBe(1);
    expect((await h.docker(['load'], { stdin: 'hi\n' })).stderr).toBe('Error processing tar file(exit status 1): unexpected EOF\n');
  });
});

describe('hostile archives are refused and change nothing', () => {
  async function refused(h: Harness, bytes: Uint8Array): Promise<string> {
    const before = state(h);
    let message = '';
    const out = { stdout: '', stderr: '', status: 0 };
    const s = { write: (t: string) => void (out.stdout += t) };
    writeBinary(s, [bytes]);
    const r = await h.docker(['load'], { stdin: out.stdout });
    message = r.stderr;
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(state(h)).toBe(before);
    return message;
  }

  /** busybox's archive with one file replaced. */
  async function tampered(h: Harness, change: (tree: LayerTree, manifest: { Config: string; Layers: string[] }) => void): Promise<Uint8Array> {
    const { tree } = await saved(h, 'busybox');
    const manifest = JSON.parse(text(file(tree, 'manifest.json')))[0];
    change(tree, manifest);
    return layerTarBytes(tree, { names: NO_NAMES });
  }

  it('a path climbing out of the archive', async () => {
    const h = await withBusybox();
    expect(await refused(h, rawTar([{ name: '../evil', data: utf8('x') }]))).toBe('Error processing tar file(exit status 1): "../evil" is outside of the layer root\n');
  });

  it('an absolute symlink in the archive', async () => {
    const h = await withBusybox();
    const bytes = rawTar([{ name: 'manifest.json', typeflag: '2', linkname: '/etc/passwd', mode: 0o777 }]);
    expect(await refused(h, bytes)).toMatch(/symlink to an absolute path "\/etc\/passwd"/);
  });

  it('a device file or an escaping symlink inside a layer', async () => {
    const h = await withBusybox();
    for (const [entry, pattern] of [
      [{ name: 'dev/sda', typeflag: '3' }, /"dev\/sda" is a device file: not supported/],
      [{ name: 'a/link', typeflag: '2', linkname: '../../../etc/shadow', mode: 0o777 }, /outside of the layer root/],
    ] as const) {
      const layer = rawTar([entry]);
      const bytes = await tampered(h, (tree, m) => {
        const cfg = JSON.parse(text(file(tree, m.Config)));
        cfg.rootfs.diff_ids = [`sha256:${sha(layer)}`];
        const json = JSON.stringify(cfg);
        tree.remove(m.Config);
        tree.addFile(`blobs/sha256/${sha(utf8(json))}`, json);
        tree.addFile(`blobs/sha256/${sha(layer)}`, layer);
        tree.addFile('manifest.json', JSON.stringify([{ Config: `blobs/sha256/${sha(utf8(json))}`, RepoTags: ['evil:1'], Layers: [`blobs/sha256/${sha(layer)}`] }]));
      });
      expect(await refused(h, bytes)).toMatch(pattern);
    }
  });

  it('a size beyond the limit', async () => {
    const h = await withBusybox();
    const bytes = rawTar([{ name: 'huge', size: 2 ** 33 }]);
    expect(await refused(h, bytes)).toMatch(/"huge" is 8589934592 bytes, over the limit of/);
  });

  it('a layer whose sha256 is not its DiffID', async () => {
    const h = await withBusybox();
    let expected = '';
    const bytes = await tampered(h, (tree, m) => {
      const layer = m.Layers[0]!;
      expected = `sha256:${layer.slice(13)}`;
      const data = file(tree, layer).slice();
      data[600] ^= 1;
      tree.addFile(layer, data);
    });
    const msg = await refused(h, bytes);
    expect(msg).toMatch(new RegExp(`^invalid diffID for layer 0: expected "${expected}", got "sha256:[0-9a-f]{64}"\\n$`));
  });

  it('a manifest naming a missing layer, or layers the config does not list', async () => {
    const h = await withBusybox();
    const missing = await tampered(h, (tree, m) => tree.remove(m.Layers[0]!));
    expect(await refused(h, missing)).toMatch(/^open \/var\/lib\/docker\/tmp\/docker-import-\d+\/blobs\/sha256\/[0-9a-f]{64}: no such file or directory\n$/);
    const extra = await tampered(h, (tree, m) => tree.addFile('manifest.json', JSON.stringify([{ ...m, Layers: [...m.Layers, m.Layers[0]] }])));
    expect(await refused(h, extra)).toMatch(/^invalid manifest, layers length mismatch: expected \d+, got \d+\n$/);
  });
});

describe('docker import and export', () => {
  it('exports the merged file system and imports it as a one-layer image without history', async () => {
    const h = await withBusybox();
    await h.docker(['run', '--name', 'work', 'busybox', 'sh', '-c', 'echo hello > /hello.txt']);
    const tar = concatBytes([...exportContainer(h.daemon, 'work')]);
    const tree = await readLayerTar(tar);
    expect(text(file(tree, 'hello.txt'))).toBe('hello\n');
    expect(tree.lookup('bin/busybox')?.kind).toBe('file');
    expect((await h.docker(['export', 'nosuch'])).stderr).toBe('Error response from daemon: No such container: nosuch\n');

    const s = { text: '', write(t: string) { this.text += t; } };
    writeBinary(s, [tar]);
    const r = await h.docker(['import', '-', 'flat:1'], { stdin: s.text });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^sha256:[0-9a-f]{64}\n$/);
    const img = h.daemon.images.get(r.stdout.trim())!;
    expect(img.config.history).toEqual([{ created: img.config.created, comment: 'Imported from -' }]);
    expect(img.config.rootfs.diff_ids).toEqual([`sha256:${sha(tar)}`]);
    expect(img.chainIds).toHaveLength(1);
    const hist = await h.docker(['history', 'flat:1', '--format', '{{.CreatedBy}}|{{.Comment}}']);
    expect(hist.stdout).toBe('|Imported from -\n');

    const m = await h.docker(['import', '-m', 'my message', '-c', 'CMD ["sh"]', '-c', 'ENV A=b', '-', 'flat:2'], { stdin: s.text });
    const img2 = h.daemon.images.get(m.stdout.trim())!;
    expect(img2.config.comment).toBe('my message');
    expect(img2.config.config.Cmd).toEqual(['sh']);
    expect(img2.config.config.Env).toEqual(['A=b']);
    expect(img2.configJson).toMatch(/^\{"architecture":"amd64","comment":"my message","config":\{"Hostname":"",/);
  });

  it('refuses what is not a tar, and a digest reference', async () => {
    const h = await withBusybox();
    const before = state(h);
    const r = await h.docker(['import', '-'], { stdin: 'not a tar at all' });
    expect(r.status).toBe(1);
    expect(state(h)).toBe(before);
    const d = await h.docker(['import', '-', `x@sha256:${'a'.repeat(64)}`], { stdin: '' });
    expect(d.stderr).toBe('Error response from daemon: cannot import digest reference\n');
  });
});

describe('binary streams', () => {
  it('a pipe hands bytes over untouched, and refuses what a text writer already lost', async () => {
    const p = new Pipe();
    const bytes = new Uint8Array([0x1f, 0x8b, 0x08, 0xff, 0x00, 0x41]);
    p.writeBytes(bytes);
    p.write('text');
    p.close();
    expect([...(await p.readBytes())!]).toEqual([...bytes, ...utf8('text')]);
    expect(await p.readBytes()).toBeNull();
    const lossy = new Pipe();
    lossy.write('\u001f\uFFFD\b');
    lossy.close();
    await expect(lossy.readBytes()).rejects.toBeInstanceOf(LostBytes);
    const text = new Pipe();
    text.writeBytes(utf8('héllo'));
    text.close();
    expect(await text.read()).toBe('héllo');
  });

  it('carries bytes through text-only streams as Latin-1 and back', async () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    const s = { text: '', write(t: string) { this.text += t; } };
    writeBinary(s, [bytes]);
    let given = false;
    const back = await readBinary({ read: async () => (given ? null : ((given = true), s.text)) });
    expect([...back]).toEqual([...bytes]);
    // a stream that holds bytes hands them over untouched
    let once = false;
    const raw = await readBinary({ readBytes: async () => (once ? null : ((once = true), bytes)), read: async () => 'lossy text' });
    expect([...raw]).toEqual([...bytes]);
  });
});

describe('parents', () => {
  it('an image saved with its parent keeps the link (docker history shows both IDs)', async () => {
    const h = await withBusybox();
    await h.docker(['run', '--name', 'work', 'busybox', 'sh', '-c', 'echo hello > /hello.txt']);
    await h.docker(['commit', 'work', 'child:1']);
    const before = (await h.docker(['history', '-q', 'child:1'])).stdout;
    const archive = (await h.docker(['save', 'child:1', 'busybox'])).stdout;
    const tree = await readLayerTar(latin1(archive));
    const items = JSON.parse(text(file(tree, 'manifest.json')));
    const child = items.find((i: { RepoTags: string[] }) => i.RepoTags[0] === 'child:1');
    expect(child.Parent).toBe(h.daemon.inspectImage('busybox').Id);
    await h.docker(['rm', 'work']);
    await h.docker(['rmi', 'child:1', 'busybox']);
    expect(h.daemon.images.all()).toHaveLength(0);
    await h.docker(['load'], { stdin: archive });
    expect((await h.docker(['history', '-q', 'child:1'])).stdout).toBe(before);
  });
});

describe('legacy v1 layer IDs', () => {
  it('are what moby v1.CreateID gives (checked against dockerd: busybox under an image of two layers)', async () => {
    const { v1Id } = await import('../../../engine/image/archive/save.ts');
    const { goContainerConfig } = await import('../../../engine/image/archive/gojson.ts');
    const bare = { created: '1970-01-01T00:00:00Z', container_config: goContainerConfig(undefined) };
    expect(v1Id(bare, 'sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b', '')).toBe(
      'bb7ad3eeb755f8d4296c4509f733b770abd5bdea86f53cd7a390ec59a4462811',
    );
  });
});

describe('an image without layers', () => {
  it('is refused as moby refuses it', async () => {
    const h = harness(hasher, yieldTask);
    const config = { architecture: 'amd64', config: {}, created: '2026-11-23T12:00:00Z', history: [], os: 'linux', rootfs: { type: 'layers' as const, diff_ids: [] } };
    const configJson = JSON.stringify(config);
    const id = `sha256:${sha(utf8(configJson))}`;
    h.daemon.images.add({ id, configJson, config, chainIds: [], parent: '', size: 0, added: 0 });
    expect((await h.docker(['save', id])).stderr).toBe('Error response from daemon: empty export - not implemented\n');
  });
});
