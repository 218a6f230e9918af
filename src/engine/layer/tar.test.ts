import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, lstatSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { UnionFs } from '../fs/union.ts';
import {
  LayerTarError,
  NO_NAMES,
  chainId,
  chainIds,
  diffId,
  layerTarBytes,
  layerTarChunks,
  layerTarSize,
  readLayerTar,
  readLayerTarSync,
  writeLayerTar,
} from './tar.ts';
import { Entry, LayerTree, utf8 } from './tree.ts';
import { webCryptoHasher } from './webcrypto.ts';

const hasher = webCryptoHasher();
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`./testdata/${name}`, import.meta.url)));
const clockAt = (ms: number) => ({ now: () => ms });

/** A few entries of the reference busybox image (its layer, as far as these tests touch it). */
function busyboxLower(): LayerTree {
  const m = { mtime: 1778185513000 };
  return LayerTree.from([
    { type: 'dir', path: 'bin', ...m },
    { type: 'symlink', path: 'bin/[', target: 'busybox', ...m },
    { type: 'file', path: 'bin/busybox', size: 1982256, mode: 0o755, ...m },
    { type: 'dir', path: 'etc', ...m },
    { type: 'file', path: 'etc/group', content: 'root:x:0:\n', ...m },
    { type: 'file', path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n', ...m },
    { type: 'dir', path: 'var', ...m },
    { type: 'dir', path: 'var/spool', ...m },
    { type: 'dir', path: 'var/spool/mail', ...m },
  ]);
}

/** Parses header blocks: [name, typeflag, linkname] per entry (PAX headers included). */
function listHeaders(tar: Uint8Array): string[] {
  const out: string[] = [];
  const dec = new TextDecoder();
  const str = (o: number, n: number) => dec.decode(tar.subarray(o, o + n)).replace(/\0.*$/s, '');
  for (let off = 0; off + 512 <= tar.length; ) {
    if (tar.subarray(off, off + 512).every((b) => b === 0)) {
      out.push('<zero>');
      off += 512;
      continue;
    }
    const size = parseInt(str(off + 124, 12) || '0', 8);
    const prefix = str(off + 345, 155);
    out.push(`${prefix ? prefix + '/' : ''}${str(off, 100)} ${String.fromCharCode(tar[off + 156]!)} ${str(off + 157, 100)}`.trim());
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

describe('layer tar: bytes as Docker 20.10 writes them', () => {
  it('reproduces a committed container layer (whiteouts, shared whiteout inode, opaque dir, hard and soft links, setuid)', () => {
    // docker run busybox sh -c 'rm /etc/group /etc/passwd; rm -r /var/spool; mkdir /var/spool; touch /var/spool/x;
    //   mkdir -p /a/b; echo hi > /a/b/c; ln /a/b/c /a/hard; ln -s /etc/shadow /a/sym; chmod 4755 /a/b/c; rm /bin/['
    // then docker commit + docker save: testdata/docker-whiteouts.tar is that layer.tar.
    const rw = new LayerTree();
    const fs = new UnionFs([rw, busyboxLower()], { clock: clockAt(1795442898_123) });
    fs.rm('/etc/group');
    fs.rm('/etc/passwd');
    fs.rm('/var/spool', { recursive: true });
    fs.mkdir('/var/spool');
    fs.writeFile('/var/spool/x', new Uint8Array());
    fs.mkdir('/a/b', { recursive: true });
    fs.writeFile('/a/b/c', utf8('hi\n'));
    fs.link('/a/b/c', '/a/hard');
    fs.symlink('/etc/shadow', '/a/sym');
    fs.chmod('/a/b/c', 0o4755);
    fs.rm('/bin/[');
    const docker = fixture('docker-whiteouts.tar');
    expect(listHeaders(layerTarBytes(rw))).toEqual(listHeaders(docker));
    expect(layerTarBytes(rw)).toEqual(docker);
  });

  it('reproduces a layer with long, split, non-ASCII names, big ids and a far mtime (PAX headers)', () => {
    // mkdir -p /p/d50/d50; touch .../short .../x60; mkdir -p /q; touch /q/f120 /q/héllo; ln -s /f120 /q/longlink;
    // touch /q/biguid; chown 3000000:70000 /q/biguid; touch -d '2100-01-01 00:00:00' /q/mtime; mkdir /q/e99
    const d50 = 'd'.repeat(50);
    const f120 = 'f'.repeat(120);
    const rw = new LayerTree();
    const fs = new UnionFs([rw, busyboxLower()], { clock: clockAt(1795443038_999) });
    fs.mkdir(`/p/${d50}/${d50}`, { recursive: true });
    fs.writeFile(`/p/${d50}/${d50}/short`, new Uint8Array());
    fs.writeFile(`/p/${d50}/${d50}/${'x'.repeat(60)}`, new Uint8Array());
    fs.mkdir('/q', { recursive: true });
    fs.writeFile(`/q/${f120}`, new Uint8Array());
    fs.writeFile('/q/héllo', new Uint8Array());
    fs.symlink(`/${f120}`, '/q/longlink');
    fs.writeFile('/q/biguid', new Uint8Array());
    fs.chown('/q/biguid', 3000000, 70000);
    fs.writeFile('/q/mtime', new Uint8Array());
    fs.utimes('/q/mtime', 4102444800_000);
    fs.mkdir(`/q/${'e'.repeat(99)}`);
    const docker = fixture('docker-pax.tar');
    expect(listHeaders(layerTarBytes(rw))).toEqual(listHeaders(docker));
    expect(layerTarBytes(rw)).toEqual(docker);
  });

  it('reads Docker layers back into trees that write the same bytes', () => {
    for (const name of ['docker-whiteouts.tar', 'docker-pax.tar']) {
      const docker = fixture(name);
      const tree = readLayerTarSync(docker);
      expect(layerTarBytes(tree)).toEqual(docker);
    }
    const t = readLayerTarSync(fixture('docker-whiteouts.tar'));
    expect(t.lookup('etc/group')!.kind).toBe('whiteout');
    expect(t.lookup('etc/group')).toBe(t.lookup('bin/[')); // one shared whiteout inode
    expect(t.lookup('var/spool')!.opaque).toBe(true);
    expect(t.lookup('a/hard')).toBe(t.lookup('a/b/c')); // hard link: one inode
    expect(t.lookup('a/b/c')!.mode).toBe(0o4755);
    expect(t.lookup('a/sym')!.target).toBe('/etc/shadow');
    const p = readLayerTarSync(fixture('docker-pax.tar'));
    expect(p.lookup('q/biguid')).toMatchObject({ uid: 3000000, gid: 70000 });
    expect(p.lookup('q/héllo')!.kind).toBe('file');
    expect(p.lookup('q/mtime')!.mtime).toBe(4102444800_000);
    expect(p.lookup('q/longlink')!.target).toBe('/' + 'f'.repeat(120));
  });

  // The reference registry (scripts/real-docker/setup.sh) holds the base images' layers as dockerd wrote them.
  const blobs = '/tmp/registry/docker/registry/v2/blobs/sha256';
  const realLayers = existsSync(blobs)
    ? readdirSync(blobs).flatMap((d) => readdirSync(join(blobs, d)).map((h) => join(blobs, d, h, 'data')))
        .filter((f) => existsSync(f) && readFileSync(f).subarray(0, 2).equals(Buffer.from([0x1f, 0x8b])))
    : [];
  it.skipIf(realLayers.length === 0)('round-trips every layer of the reference registry byte for byte (when present)', async () => {
    for (const f of realLayers) {
      const bytes = new Uint8Array(gunzipSync(readFileSync(f)));
      const tree = readLayerTarSync(bytes);
      expect(Buffer.compare(layerTarBytes(tree), bytes)).toBe(0);
      expect(await diffId(tree, hasher)).toBe('sha256:' + (await hasher.sha256(bytes)));
    }
  }, 120_000);

  it('ends with exactly two zero blocks, no record padding', () => {
    const t = new LayerTree();
    expect(layerTarBytes(t)).toEqual(new Uint8Array(1024));
    t.addFile('a', 'x');
    const b = layerTarBytes(t);
    expect(b.length).toBe(512 + 512 + 1024);
    expect(layerTarSize(t)).toBe(b.length);
  });

  it('names ids like the daemon host, or not at all (Docker 23+)', () => {
    const t = new LayerTree();
    t.addFile('f', '', { uid: 0, gid: 42 });
    t.addFile('g', '', { uid: 1234, gid: 1234 });
    const dec = (b: Uint8Array, off: number) => new TextDecoder().decode(b.subarray(off, off + 32)).replace(/\0.*$/s, '');
    const b = layerTarBytes(t);
    expect([dec(b, 265), dec(b, 297), dec(b, 512 + 265), dec(b, 512 + 297)]).toEqual(['root', 'shadow', '', '']);
    const n = layerTarBytes(t, { names: NO_NAMES });
    expect([dec(n, 265), dec(n, 297)]).toEqual(['', '']);
  });
});

describe('layer tar: GNU tar reads what we write', () => {
  const gnuTar = (() => {
    try {
      execFileSync('tar', ['--version']);
      return true;
    } catch {
      return false;
    }
  })();

  it.skipIf(!gnuTar)('lists and extracts every kind of entry', () => {
    const t = new LayerTree();
    const m = { mtime: 1700000000_000 };
    t.addDir('etc', { mode: 0o755, ...m });
    t.addFile('etc/os-release', 'NAME="Berth"\n', { mode: 0o644, ...m });
    t.addFile('bin/busybox', { size: 70_000, seed: 7 }, { mode: 0o755, ...m });
    t.addSymlink('bin/sh', 'busybox', m);
    t.addLink('bin/busybox', 'bin/ash');
    t.addWhiteout('etc/group', m);
    t.addDir('var/cache', m);
    t.setOpaque('var/cache');
    t.addFile(`long/${'n'.repeat(150)}`, 'long name\n', m);
    t.addFile('ünïcode', 'u\n', m);
    t.addFile('owned', '', { uid: 3_000_000, gid: 5, ...m });
    const dir = mkdtempSync(join(tmpdir(), 'berth-tar-'));
    try {
      const file = join(dir, 'layer.tar');
      writeFileSync(file, layerTarBytes(t));
      const listing = execFileSync('tar', ['--numeric-owner', '-tvf', file], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .map((l) => {
          const f = l.split(/\s+/);
          return `${f[0]} ${f[1]} ${f[2]} ${f.slice(5).join(' ')}`;
        });
      expect(listing).toEqual([
        'drwxr-xr-x 0/0 0 bin/',
        '-rwxr-xr-x 0/0 70000 bin/ash',
        'hrwxr-xr-x 0/0 0 bin/busybox link to bin/ash',
        'lrwxrwxrwx 0/0 0 bin/sh -> busybox',
        'drwxr-xr-x 0/0 0 etc/',
        '-rw------- 0/0 0 etc/.wh.group',
        '-rw-r--r-- 0/0 13 etc/os-release',
        'drwxr-xr-x 0/0 0 long/',
        `-rw-r--r-- 0/0 10 long/${'n'.repeat(150)}`,
        '-rw-r--r-- 3000000/5 0 owned',
        'drwxr-xr-x 0/0 0 var/',
        'drwxr-xr-x 0/0 0 var/cache/',
        '-rwxr-xr-x 0/0 0 var/cache/.wh..wh..opq',
        '-rw-r--r-- 0/0 2 ünïcode',
      ]);
      const out = join(dir, 'x');
      execFileSync('mkdir', [out]);
      execFileSync('tar', ['-xf', file, '-C', out]);
      expect(readFileSync(join(out, 'etc/os-release'), 'utf8')).toBe('NAME="Berth"\n');
      const bb = new Uint8Array(readFileSync(join(out, 'bin/busybox')));
      expect(bb).toEqual(new Uint8Array(readFileSync(join(out, 'bin/ash'))));
      expect(bb.length).toBe(70_000);
      expect(lstatSync(join(out, 'bin/ash')).ino).toBe(lstatSync(join(out, 'bin/busybox')).ino);
      expect(readlinkSync(join(out, 'bin/sh'))).toBe('busybox');
      expect(readdirSync(out).sort()).toEqual(['bin', 'etc', 'long', 'owned', 'var', 'ünïcode']);
      expect(readFileSync(join(out, `long/${'n'.repeat(150)}`), 'utf8')).toBe('long name\n');
      // ...and what GNU tar writes, we read.
      const gnu = join(dir, 'gnu.tar');
      execFileSync('tar', ['--format=gnu', '-cf', gnu, '-C', out, '.']);
      const back = readLayerTarSync(new Uint8Array(readFileSync(gnu)));
      expect(back.lookup(`long/${'n'.repeat(150)}`)!.size).toBe(10);
      expect(back.lookup('bin/ash')).toBe(back.lookup('bin/busybox'));
      const pax = join(dir, 'pax.tar');
      execFileSync('tar', ['--format=pax', '-cf', pax, '-C', out, '.']);
      expect(readLayerTarSync(new Uint8Array(readFileSync(pax))).lookup('ünïcode')!.size).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('layer tar: streaming and generated content', () => {
  it('streams a generated 70 MB layer in bounded chunks and round-trips it', async () => {
    const t = new LayerTree();
    t.addFile('usr/lib/big.so', { size: 70 << 20, seed: 42 }, { mode: 0o755 });
    t.addFile('usr/lib/odd', { size: 1001, seed: 43 });
    let total = 0;
    let max = 0;
    const chunks: Uint8Array[] = [];
    for await (const c of writeLayerTar(t, { chunkSize: 1 << 16 })) {
      total += c.length;
      max = Math.max(max, c.length);
      if (chunks.length < 4) chunks.push(c);
    }
    expect(max).toBe(1 << 16);
    expect(total).toBe(layerTarSize(t));
    // Reading it back from a stream keeps the bytes (as real bytes now).
    const back = await readLayerTar(writeLayerTar(t));
    const e = back.lookup('usr/lib/big.so')!;
    expect(e.size).toBe(70 << 20);
    expect(e.data).toBeInstanceOf(Uint8Array);
    expect(layerTarSize(back)).toBe(total);
  }, 60_000);

  it('reads archives pushed in arbitrary chunk sizes', () => {
    const docker = fixture('docker-pax.tar');
    for (const size of [1, 7, 511, 512, 513, 4096]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < docker.length; i += size) chunks.push(docker.subarray(i, i + size));
      expect(Buffer.compare(layerTarBytes(readLayerTarSync(chunks)), docker)).toBe(0);
    }
  });

  it('chunks are fresh buffers that stay valid', () => {
    const t = new LayerTree();
    for (let i = 0; i < 300; i++) t.addFile(`f${i}`, `content ${i}\n`);
    const kept = [...layerTarChunks(t, { chunkSize: 4096 })];
    expect(Buffer.compare(Buffer.concat(kept), layerTarBytes(t))).toBe(0);
  });
});

describe('DiffID and ChainID', () => {
  it('DiffID is the sha256 of the tar, streamed or one-shot alike', async () => {
    const t = new LayerTree();
    t.addFile('a/b', { size: 3 << 20, seed: 1 });
    t.addFile('a/c', 'c');
    const bytes = layerTarBytes(t);
    const want = 'sha256:' + (await hasher.sha256(bytes));
    expect(await diffId(t, hasher)).toBe(want);
    expect(await diffId(t, hasher, { oneShotLimit: 0 })).toBe(want);
    expect(await diffId(readLayerTarSync(fixture('docker-whiteouts.tar')), hasher)).toBe(
      'sha256:bc18d8d314bcd32d88be6886cb009898b3c1adbeb82ca35f643f211baaaaf90e',
    );
  });

  it('ChainID follows the OCI rule (vector from the reference dockerd layer store)', async () => {
    const busybox = 'sha256:e9427307c77a478d0f81d5a95538f3d306fd509e502eb56821719b313c0aa06b';
    const top = 'sha256:bc18d8d314bcd32d88be6886cb009898b3c1adbeb82ca35f643f211baaaaf90e';
    expect(await chainId([busybox], hasher)).toBe(busybox);
    expect(await chainId([busybox, top], hasher)).toBe('sha256:84a5d50522475d3c27266a2b08bf003dbe965924df0e70b96624cb171d15424d');
    const ids = await chainIds([busybox, top, busybox], hasher);
    expect(ids[2]).toBe('sha256:' + (await hasher.sha256(utf8(`${ids[1]} ${busybox}`))));
  });
});

describe('layer tar: hostile archives', () => {
  /** A one-entry USTAR archive with the given fields (checksum computed). */
  function entry(name: string, opts: { type?: string; size?: number; link?: string; data?: Uint8Array; prefix?: string } = {}): Uint8Array {
    const h = new Uint8Array(512);
    const put = (off: number, s: string) => h.set(utf8(s), off);
    put(0, name);
    put(100, '0000644\0');
    put(108, '0000000\0');
    put(116, '0000000\0');
    put(124, (opts.size ?? opts.data?.length ?? 0).toString(8).padStart(11, '0') + '\0');
    put(136, '00000000000\0');
    put(156, opts.type ?? '0');
    put(157, opts.link ?? '');
    put(257, 'ustar\0');
    put(263, '00');
    if (opts.prefix) put(345, opts.prefix);
    let sum = 0;
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
    put(148, sum.toString(8).padStart(6, '0') + '\0 ');
    const data = opts.data ?? new Uint8Array(0);
    const out = new Uint8Array(512 + Math.ceil(data.length / 512) * 512);
    out.set(h);
    out.set(data, 512);
    return out;
  }
  const tar = (...parts: Uint8Array[]) => {
    const n = parts.reduce((a, p) => a + p.length, 0);
    const out = new Uint8Array(n + 1024);
    let off = 0;
    for (const p of parts) {
      out.set(p, off);
      off += p.length;
    }
    return out;
  };
  const refuse = (bytes: Uint8Array, msg: RegExp, opts = {}) => {
    expect(() => readLayerTarSync(bytes, opts)).toThrow(LayerTarError);
    expect(() => readLayerTarSync(bytes, opts)).toThrow(msg);
  };

  it('accepts a plain archive, absolute names and absolute symlinks', () => {
    const t = readLayerTarSync(tar(entry('/etc/x', { data: utf8('x') }), entry('ln', { type: '2', link: '/../../etc/shadow' })));
    expect(t.lookup('etc/x')!.size).toBe(1);
    expect(t.lookup('ln')!.target).toBe('/../../etc/shadow');
  });

  it('refuses paths that climb out of the root', () => {
    refuse(tar(entry('../evil')), /"..\/evil" is outside of the layer root/);
    refuse(tar(entry('a/../../evil')), /outside of the layer root/);
    refuse(tar(entry('evil', { prefix: '..' })), /outside of the layer root/);
    const pax = utf8('19 path=../../evil\n');
    refuse(tar(entry('PaxHeaders.0/x', { type: 'x', data: pax }), entry('x')), /"..\/..\/evil" is outside/);
    refuse(tar(entry('././@LongLink', { type: 'L', data: utf8('../gnu-evil\0') }), entry('x')), /outside of the layer root/);
  });

  it('refuses links that climb out of the root', () => {
    refuse(tar(entry('a/ln', { type: '2', link: '../../etc/passwd' })), /symlink to "..\/..\/etc\/passwd", outside/);
    refuse(tar(entry('ln', { type: '1', link: '../etc/passwd' })), /hard link to "..\/etc\/passwd", outside/);
    refuse(tar(entry('ln', { type: '1', link: 'nothing' })), /does not hold before it/);
  });

  it('refuses writing through a symlink or a file', () => {
    refuse(tar(entry('etc', { type: '2', link: '/host-etc' }), entry('etc/passwd', { data: utf8('x') })), /"etc" is not a directory/);
    refuse(tar(entry('f', { data: utf8('x') }), entry('f/g')), /"f" is not a directory/);
  });

  it('refuses device files, FIFOs and unknown types', () => {
    refuse(tar(entry('dev/sda', { type: '4' })), /device file/);
    refuse(tar(entry('dev/null', { type: '3' })), /device file/);
    refuse(tar(entry('fifo', { type: '6' })), /FIFO/);
    refuse(tar(entry('x', { type: '7' })), /unsupported entry type/);
  });

  it('refuses sizes beyond the limits before reading them', () => {
    refuse(tar(entry('huge', { size: 0o77777777777 })), /over the limit/);
    refuse(tar(entry('a', { data: new Uint8Array(600) })), /over the limit of 512/, { maxFileSize: 512 });
    refuse(tar(entry('a', { data: new Uint8Array(400) }), entry('b', { data: new Uint8Array(400) })), /more than 700 bytes/, { maxTotalSize: 700 });
    refuse(tar(entry('a'), entry('b'), entry('c')), /more than 2 entries/, { maxEntries: 2 });
    refuse(tar(entry('PaxHeaders.0/x', { type: 'x', size: 2 << 20 })), /too big/);
  });

  it('refuses broken archives', () => {
    const good = tar(entry('a', { data: utf8('hello') }));
    const bad = good.slice();
    bad[0] = 0x62;
    refuse(bad, /bad checksum/);
    refuse(good.subarray(0, 700), /unexpected end of archive/);
    refuse(good.subarray(0, 300), /unexpected end of archive/);
    refuse(tar(entry('a'), new Uint8Array(512), entry('b')), /data after a zero block/);
    const pax = utf8('99 path=x\n');
    refuse(tar(entry('PaxHeaders.0/x', { type: 'x', data: pax }), entry('x')), /invalid PAX record/);
  });

  it('reads whiteouts and opaque markers as overlayfs keeps them; skips other AUFS metadata', () => {
    const t = readLayerTarSync(
      tar(entry('etc/.wh.passwd'), entry('var/cache/.wh..wh..opq'), entry('.wh..wh.plnk/123'), entry('.wh..wh.aufs')),
    );
    expect(t.lookup('etc/passwd')!.kind).toBe('whiteout');
    expect(t.lookup('var/cache')!.opaque).toBe(true);
    expect([...t.walk()].map(([p]) => p)).toEqual(['etc', 'etc/passwd', 'var', 'var/cache']);
    refuse(tar(entry('etc/.wh.')), /not a valid whiteout/);
  });

  it('accepts an archive without its end blocks, and ignores what follows them', () => {
    const e = entry('a', { data: utf8('x') });
    expect(readLayerTarSync(e).lookup('a')!.size).toBe(1);
    expect(readLayerTarSync(tar(tar(e), entry('b'))).lookup('b')).toBeUndefined();
  });

  it('merges repeated directories and replaces repeated files, as extraction would', () => {
    const t = readLayerTarSync(tar(entry('d/', { type: '5' }), entry('d/f', { data: utf8('1') }), entry('d', { type: '5' }), entry('d/f', { data: utf8('22') })));
    expect(t.lookup('d/f')!.size).toBe(2);
    expect(Entry.prototype.children.call(t.lookup('d')!).size).toBe(1);
  });
});
