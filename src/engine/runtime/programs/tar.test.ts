import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, deflateRawSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { gzipStored } from '../../layer/gzip.ts';
import { stringInput } from '../sh/io.ts';
import { Capture, MemFs, TestKernel } from '../sh/testing.ts';
import { type Flavour, programsFor } from './index.ts';
import { InflateError, deflateRaw as deflateRawForTest, gunzip, inflateRaw } from './inflate.ts';
import { encodeArchive, gnuUnsafePrefix, isUtf8, readArchive } from './tar.ts';

// ---------------------------------------------------------------- helpers

const T = Date.UTC(2026, 10, 23, 12, 0); // 2026-11-23 12:00 UTC
const W = '/work';

function has(cmd: string, ...args: string[]): boolean {
  try {
    return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
  } catch {
    return false;
  }
}
const HAVE_TAR = has('tar', '--version') && /GNU tar/.test(String(execFileSync('tar', ['--version'])));
const HAVE_BUSYBOX = has('busybox', 'tar', '--help') || spawnSync('busybox', ['tar'], { stdio: 'ignore' }).status === 1;

/** A small tree: d/a.txt, d/sub/b, d/link -> a.txt, d/run.sh (0755), f; all dated T. */
function world(flavour: Flavour) {
  let now = () => T;
  const fs = new MemFs(() => now());
  const k = new TestKernel(fs, programsFor(flavour));
  fs.mkdir('/root');
  fs.mkdir('/tmp');
  fs.put('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nwww-data:x:33:33:www-data:/var/www:/usr/sbin/nologin\n');
  fs.put('/etc/group', 'root:x:0:\nwww-data:x:33:\n');
  k.install('/bin');
  fs.mkdir(`${W}/d/sub`, { recursive: true });
  fs.put(`${W}/d/a.txt`, 'hello\n');
  fs.put(`${W}/d/sub/b`, 'world\n');
  fs.put(`${W}/d/run.sh`, '#!/bin/sh\necho hi\n', 0o755);
  fs.symlink('a.txt', `${W}/d/link`);
  fs.put(`${W}/f`, 'top\n');
  for (const p of ['d/a.txt', 'd/sub/b', 'd/run.sh', 'f', 'd/sub', 'd']) fs.utimes(`${W}/${p}`, T);
  now = () => k.scheduler.now();
  return { fs, k };
}

interface Run {
  out: string;
  err: string;
  status: number;
}

async function sh(k: TestKernel, flavour: Flavour, command: string, opts: { stdin?: string; tty?: boolean; cwd?: string } = {}): Promise<Run> {
  const out = new Capture();
  const err = new Capture();
  const p = k.start([flavour === 'gnu' ? 'bash' : 'sh', '-c', command], {
    stdout: out,
    stderr: err,
    env: new Map([['PATH', '/bin'], ['HOME', '/root']]),
    cwd: opts.cwd ?? W,
    stdin: stringInput(opts.stdin ?? ''),
    tty: opts.tty,
  });
  const status = await k.scheduler.runUntil(p.done);
  return { out: out.text, err: err.text, status };
}

async function run(flavour: Flavour, command: string, opts: { stdin?: string; tty?: boolean } = {}) {
  const w = world(flavour);
  return { ...(await sh(w.k, flavour, command, opts)), fs: w.fs, k: w.k };
}

const dec = new TextDecoder();
const enc = new TextEncoder();

// A scratch directory on the real disk for the real tools.
const scratch = mkdtempSync(join(tmpdir(), 'berth-tar-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let seq = 0;
function realDir(): string {
  const d = join(scratch, String(seq++));
  mkdirSync(d);
  return d;
}
const REAL_ENV = { ...process.env, LC_ALL: 'C', TZ: 'UTC' };
function real(cwd: string, cmd: string, args: string[], input?: Uint8Array) {
  const r = spawnSync(cmd, args, { cwd, env: REAL_ENV, input });
  return { out: String(r.stdout), err: String(r.stderr), status: r.status ?? -1, bytes: new Uint8Array(r.stdout) };
}

/** The same tree as world() on the real disk (root-owned when the tests run as root). */
function realWorld(): string {
  const dir = realDir();
  mkdirSync(join(dir, 'd/sub'), { recursive: true });
  writeFileSync(join(dir, 'd/a.txt'), 'hello\n');
  writeFileSync(join(dir, 'd/sub/b'), 'world\n');
  writeFileSync(join(dir, 'd/run.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  writeFileSync(join(dir, 'f'), 'top\n');
  symlinkSync('a.txt', join(dir, 'd/link'));
  const t = T / 1000;
  for (const p of ['d/a.txt', 'd/sub/b', 'd/run.sh', 'f', 'd/sub', 'd']) utimesSync(join(dir, p), t, t);
  execFileSync('chmod', ['644', join(dir, 'd/a.txt'), join(dir, 'd/sub/b'), join(dir, 'f')]);
  execFileSync('chmod', ['755', join(dir, 'd'), join(dir, 'd/sub'), join(dir, 'd/run.sh')]);
  execFileSync('touch', ['-h', '-d', '@' + t, join(dir, 'd/link')]);
  return dir;
}

// ---------------------------------------------------------------- inflate

describe('inflate', () => {
  const samples: [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['one byte', enc.encode('a')],
    ['text', enc.encode('hello hello hello hello world\n'.repeat(200))],
    ['random', Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24 ^ (i * 7919) & 0xff)],
    ['runs', Uint8Array.from({ length: 300_000 }, (_, i) => (i >> 10) & 3)],
    ['mixed', enc.encode(Array.from({ length: 5000 }, (_, i) => `line ${i} ${(i * i) % 97} ${'x'.repeat(i % 13)}\n`).join(''))],
  ];
  const settings: [string, object][] = [
    ['level 0 (stored)', { level: 0 }],
    ['level 1', { level: 1 }],
    ['level 6', { level: 6 }],
    ['level 9', { level: 9 }],
    ['fixed Huffman', { strategy: constants.Z_FIXED }],
    ['Huffman only', { strategy: constants.Z_HUFFMAN_ONLY }],
    ['RLE', { strategy: constants.Z_RLE }],
    ['small window', { windowBits: 9, memLevel: 1 }],
  ];
  for (const [name, data] of samples) {
    for (const [how, opts] of settings) {
      it(`decodes zlib's ${how} output: ${name}`, () => {
        const z = new Uint8Array(deflateRawSync(data, opts));
        const r = inflateRaw(z);
        expect(r.end).toBe(z.length);
        expect(Buffer.from(r.data).equals(Buffer.from(data))).toBe(true);
      });
    }
  }

  it('gunzips gzip -9 output, concatenated members, and gzipStored output', () => {
    const a = enc.encode('first member\n'.repeat(1000));
    const b = enc.encode('second\n');
    const two = new Uint8Array([...gzipSync(a, { level: 9 }), ...gzipSync(b)]);
    const r = gunzip(two);
    expect(r.error).toBeNull();
    expect(dec.decode(r.data)).toBe(dec.decode(a) + dec.decode(b));
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => i & 0xff);
    const stored = new Uint8Array(Buffer.concat([...gzipStored([big])]));
    expect(Buffer.from(gunzip(stored).data).equals(Buffer.from(big))).toBe(true);
  });

  it('reads header fields (FNAME, FEXTRA, FCOMMENT, FHCRC) written by the real gzip', () => {
    if (!has('gzip', '--version')) return;
    const dir = realDir();
    writeFileSync(join(dir, 'named.txt'), 'with a name\n');
    execFileSync('gzip', ['-9', 'named.txt'], { cwd: dir });
    const z = new Uint8Array(readFileSync(join(dir, 'named.txt.gz')));
    expect(z[3]! & 8).toBe(8);
    expect(dec.decode(gunzip(z).data)).toBe('with a name\n');
    const hand = new Uint8Array([0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3, 3, 0, 1, 2, 3, 0x6e, 0, 0x63, 0, 0xaa, 0xbb, ...deflateRawSync(enc.encode('xyz')), 0, 0, 0, 0, 0, 0, 0, 0]);
    const crc = gzipSync(enc.encode('xyz')).subarray(-8);
    hand.set(crc, hand.length - 8);
    expect(dec.decode(gunzip(hand).data)).toBe('xyz');
  });

  it('reports what gzip reports: crc, length, truncation, format, trailing garbage', () => {
    const z = new Uint8Array(gzipSync(enc.encode('some data '.repeat(100))));
    const crc = z.slice();
    crc[crc.length - 8]! ^= 1;
    expect(gunzip(crc).error?.message).toBe('invalid compressed data--crc error');
    const len = z.slice();
    len[len.length - 2]! ^= 1;
    expect(gunzip(len).error?.message).toBe('invalid compressed data--length error');
    const cut = gunzip(z.subarray(0, 20));
    expect(cut.error?.message).toBe('unexpected end of file');
    expect(gunzip(enc.encode('plain')).error?.kind).toBe('magic');
    const bad = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x07, 0, 0, 0, 0]); // block type 3
    expect(gunzip(bad).error).toBeInstanceOf(InflateError);
    expect(gunzip(bad).error?.message).toBe('invalid compressed data--format violated');
    expect(gunzip(new Uint8Array([...z, 0, 0, 0])).trailingGarbage).toBe(false);
    expect(gunzip(new Uint8Array([...z, 0x41])).trailingGarbage).toBe(true);
  });

  it('refuses distances too far back and over-subscribed codes', () => {
    // fixed block: a length/distance pair before any literal
    expect(() => inflateRaw(new Uint8Array([0x03, 0x02, 0x00]))).toThrow(InflateError);
    // dynamic block whose code-length code is over-subscribed (all 19 lengths = 1)
    expect(() => inflateRaw(new Uint8Array([0x05, 0xe0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]))).toThrow(InflateError);
  });
});

// ---------------------------------------------------------------- the format

describe('tar format', () => {
  it("GNU's safer_name_suffix", () => {
    expect(gnuUnsafePrefix('/etc/passwd')).toEqual(['/', 'etc/passwd']);
    expect(gnuUnsafePrefix('d/../evil.txt')).toEqual(['d/../', 'evil.txt']);
    expect(gnuUnsafePrefix('../../x/..')).toEqual(['../../x/..', '.']);
    expect(gnuUnsafePrefix('a..b/c')).toEqual(['', 'a..b/c']);
    expect(gnuUnsafePrefix('ok/name')).toEqual(['', 'ok/name']);
  });

  it('UTF-8 check', () => {
    expect(isUtf8(enc.encode('héllo ✓ 😀\0'))).toBe(true);
    expect(isUtf8(new Uint8Array([0x1f, 0x8b]))).toBe(false);
    expect(isUtf8(new Uint8Array([0xc3]))).toBe(false);
    expect(isUtf8(new Uint8Array([0xc0, 0x80]))).toBe(false);
  });

  it('long names and link targets round-trip through ././@LongLink', () => {
    const name = 'dir/' + 'n'.repeat(150);
    const link = 'target/' + 't'.repeat(120);
    for (const flavour of ['gnu', 'busybox'] as const) {
      const bytes = encodeArchive(
        [
          { name, typeflag: '0', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', size: 3, mtime: T / 1000, linkname: '', data: enc.encode('abc') },
          { name: 'l', typeflag: '2', mode: 0o777, uid: 0, gid: 0, uname: 'root', gname: 'root', size: 0, mtime: T / 1000, linkname: link, data: new Uint8Array(0) },
        ],
        flavour,
      );
      const got = [...readArchive(bytes, flavour)].flatMap((e) => (e.kind === 'member' ? [[e.member.name, e.member.linkname, dec.decode(e.member.data)]] : []));
      expect(got).toEqual([
        [name, '', 'abc'],
        ['l', link, ''],
      ]);
      expect(bytes.length % (flavour === 'gnu' ? 10240 : 512)).toBe(0);
    }
  });
});

// ---------------------------------------------------------------- the program

describe('tar round trips through the Fs', () => {
  for (const flavour of ['gnu', 'busybox'] as const) {
    it(`${flavour}: -cf then -xf -C restores files, modes, symlinks and times`, async () => {
      const { fs, k } = world(flavour);
      fs.mkdir('/out');
      expect(await sh(k, flavour, 'tar -cf /tmp/x.tar d f')).toEqual({ out: '', err: '', status: 0 });
      expect(await sh(k, flavour, 'tar -xf /tmp/x.tar -C /out')).toEqual({ out: '', err: '', status: 0 });
      expect(fs.text('/out/d/a.txt')).toBe('hello\n');
      expect(fs.text('/out/d/sub/b')).toBe('world\n');
      expect(fs.text('/out/f')).toBe('top\n');
      expect(fs.readlink('/out/d/link')).toBe('a.txt');
      expect(fs.stat('/out/d/run.sh').mode).toBe(0o755);
      expect(fs.stat('/out/d/a.txt').mode).toBe(0o644);
      expect(fs.stat('/out/d/a.txt').mtime).toBe(T);
      // GNU sets directory times last; busybox at once, and extracting into them moves them on (as the real one)
      expect(fs.stat('/out/d').mtime === T).toBe(flavour === 'gnu');
      expect(fs.stat('/out/d/sub').mtime === T).toBe(flavour === 'gnu');
    });

    it(`${flavour}: old-style cvf/tf/xvf, -z, and listing`, async () => {
      const { fs, k } = world(flavour);
      const c = await sh(k, flavour, 'tar cvzf /tmp/x.tgz d');
      expect(c).toEqual({ out: 'd/\nd/a.txt\nd/link\nd/run.sh\nd/sub/\nd/sub/b\n', err: '', status: 0 });
      expect(fs.readFile('/tmp/x.tgz').subarray(0, 2)).toEqual(new Uint8Array([0x1f, 0x8b]));
      expect((await sh(k, flavour, 'tar tzf /tmp/x.tgz')).out).toBe('d/\nd/a.txt\nd/link\nd/run.sh\nd/sub/\nd/sub/b\n');
      // GNU and (Alpine's) busybox recognise gzip without -z when reading a file
      expect((await sh(k, flavour, 'tar tf /tmp/x.tgz')).out).toBe('d/\nd/a.txt\nd/link\nd/run.sh\nd/sub/\nd/sub/b\n');
      fs.mkdir('/out');
      const x = await sh(k, flavour, 'cd /out && tar xvf /tmp/x.tgz d/sub');
      expect(x).toEqual({ out: 'd/sub/\nd/sub/b\n', err: '', status: 0 });
      expect(fs.exists('/out/d/a.txt')).toBe(false);
      expect(fs.text('/out/d/sub/b')).toBe('world\n');
    });

    it(`${flavour}: a pipe of text archives: tar cf - | tar xf -`, async () => {
      const { fs, k } = world(flavour);
      fs.mkdir('/dst');
      const r = await sh(k, flavour, 'tar cf - d | tar xf - -C /dst && cat /dst/d/sub/b');
      expect(r).toEqual({ out: 'world\n', err: '', status: 0 });
      const r2 = await sh(k, flavour, 'tar -cf - f > /tmp/o.tar; tar -tvf /tmp/o.tar');
      expect(r2.status).toBe(0);
      expect(r2.out).toMatch(/^-rw-r--r-- root\/root +4 2026-11-23 12:00(:00)? f\n$/);
    });
  }

  it('gnu: -tvf prints the long listing; its size column widens and stays wide', async () => {
    const { fs, k } = world('gnu');
    fs.put(`${W}/d/big`, 'x'.repeat(1789));
    fs.utimes(`${W}/d/big`, T);
    fs.utimes(`${W}/d`, T);
    fs.put(`${W}/e/w`, 'www\n');
    fs.utimes(`${W}/e/w`, T);
    fs.utimes(`${W}/e`, T);
    await sh(k, 'gnu', 'tar cf /tmp/x.tar d e --owner=www-data --group=www-data');
    const r = await sh(k, 'gnu', 'tar -tvf /tmp/x.tar');
    // recorded from GNU tar 1.34 (tar --sort=name --owner=www-data --group=www-data -cf ... ; tar tvf)
    expect(r.out).toBe(
      [
        'drwxr-xr-x www-data/www-data 0 2026-11-23 12:00 d/',
        '-rw-r--r-- www-data/www-data 6 2026-11-23 12:00 d/a.txt',
        '-rw-r--r-- www-data/www-data 1789 2026-11-23 12:00 d/big',
        'lrwxrwxrwx www-data/www-data    0 2026-11-23 12:00 d/link -> a.txt',
        '-rwxr-xr-x www-data/www-data   18 2026-11-23 12:00 d/run.sh',
        'drwxr-xr-x www-data/www-data    0 2026-11-23 12:00 d/sub/',
        '-rw-r--r-- www-data/www-data    6 2026-11-23 12:00 d/sub/b',
        'drwxr-xr-x www-data/www-data    0 2026-11-23 12:00 e/',
        '-rw-r--r-- www-data/www-data    4 2026-11-23 12:00 e/w',
        '',
      ].join('\n'),
    );
    const n = await sh(k, 'gnu', 'tar --numeric-owner -tvf /tmp/x.tar d/a.txt');
    expect(n.out).toBe('-rw-r--r-- 33/33             6 2026-11-23 12:00 d/a.txt\n');
  });

  it('busybox: -tvf prints seconds and a %9u size', async () => {
    const r = await run('busybox', 'tar cf /tmp/x.tar d/a.txt d/link && tar tvf /tmp/x.tar');
    expect(r.out).toBe('-rw-r--r-- root/root         6 2026-11-23 12:00:00 d/a.txt\nlrwxrwxrwx root/root         0 2026-11-23 12:00:00 d/link -> a.txt\n');
  });

  it('-C is positional when creating; --strip-components, --exclude and -O', async () => {
    for (const flavour of ['gnu', 'busybox'] as const) {
      const { fs, k } = world(flavour);
      const c = await sh(k, flavour, 'tar -cf /tmp/x.tar -C d sub a.txt -C / work/f && tar -tf /tmp/x.tar');
      expect(c.out).toBe('sub/\nsub/b\na.txt\nwork/f\n');
      fs.mkdir('/s');
      await sh(k, flavour, 'tar -cf /tmp/y.tar d && tar -xf /tmp/y.tar -C /s --strip-components=1');
      expect(fs.readdir('/s')).toEqual(['a.txt', 'link', 'run.sh', 'sub']);
      const ex = await sh(k, flavour, "tar -cf /tmp/z.tar --exclude='*.sh' --exclude=sub d && tar -tf /tmp/z.tar");
      expect(ex.out).toBe('d/\nd/a.txt\nd/link\n');
      expect((await sh(k, flavour, 'tar -xOf /tmp/y.tar d/a.txt d/sub/b')).out).toBe('hello\nworld\n');
    }
  });

  it('gnu: names with newlines and non-ASCII bytes are escaped in listings', async () => {
    const { fs, k } = world('gnu');
    fs.put(`${W}/q/é\nx`, '');
    const r = await sh(k, 'gnu', 'tar cf /tmp/q.tar q && tar tf /tmp/q.tar');
    expect(r.out).toBe('q/\nq/\\303\\251\\nx\n');
  });

  it('"file is the archive" when the archive sits in the tree', async () => {
    const g = await run('gnu', 'tar cf out.tar . && tar tf out.tar | grep -c out.tar');
    expect(g.err).toBe("tar: ./out.tar: file is the archive; not dumped\n");
    expect(g.out).toBe('0\n');
    const b = await run('busybox', 'tar cf out.tar .');
    expect(b).toMatchObject({ err: "tar: ./out.tar: file is the archive; skipping\n", status: 0 });
  });
});

describe('tar messages, as the real tools print them', () => {
  const cases: [Flavour, string, string, string, number][] = [
    ['gnu', 'tar -tf nosuch.tar', '', "tar: nosuch.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n", 2],
    ['gnu', 'tar -xf nosuch.tar', '', "tar: nosuch.tar: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n", 2],
    ['gnu', 'tar -cf /tmp/o.tar d nosuch', '', 'tar: nosuch: Cannot stat: No such file or directory\ntar: Exiting with failure status due to previous errors\n', 2],
    ['gnu', 'tar', '', "tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n", 2],
    ['gnu', 'tar -cf empty.tar', '', "tar: Cowardly refusing to create an empty archive\nTry 'tar --help' or 'tar --usage' for more information.\n", 2],
    ['gnu', 'tar -x', '', 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n', 2],
    ['gnu', 'tar -tf', '', "tar: option requires an argument -- 'f'\nTry 'tar --help' or 'tar --usage' for more information.\n", 64],
    ['gnu', 'tar -q', '', "tar: invalid option -- 'q'\nTry 'tar --help' or 'tar --usage' for more information.\n", 64],
    ['gnu', 'tar --bogus', '', "tar: unrecognized option '--bogus'\nTry 'tar --help' or 'tar --usage' for more information.\n", 64],
    ['gnu', 'tar --file', '', "tar: option '--file' requires an argument\nTry 'tar --help' or 'tar --usage' for more information.\n", 64],
    ['gnu', 'tar -ctf x.tar', '', "tar: You may not specify more than one '-Acdtrux', '--delete' or  '--test-label' option\nTry 'tar --help' or 'tar --usage' for more information.\n", 2],
    ['gnu', 'tar cf', '', "tar: Old option 'f' requires an argument.\nTry 'tar --help' or 'tar --usage' for more information.\n", 2],
    ['gnu', 'tar -tf x.tar -f y.tar', '', "tar: Multiple archive files require '-M' option\nTry 'tar --help' or 'tar --usage' for more information.\n", 2],
    ['gnu', 'tar -xf x.tar --strip-components=x', '', "tar: x: Invalid number of elements\nTry 'tar --help' or 'tar --usage' for more information.\n", 2],
    ['gnu', 'tar cf x.tar d; tar xf x.tar nosuchmember', '', 'tar: nosuchmember: Not found in archive\ntar: Exiting with failure status due to previous errors\n', 2],
    ['gnu', 'tar cf x.tar d; tar tf x.tar "d/*"', 'd/\nd/a.txt\nd/link\nd/run.sh\nd/sub/\nd/sub/b\n'.slice(0, 0), "tar: Pattern matching characters used in file names\ntar: Use --wildcards to enable pattern matching, or --no-wildcards to suppress this warning\ntar: d/*: Not found in archive\ntar: Exiting with failure status due to previous errors\n", 2],
    ['gnu', 'tar cf x.tar d; tar tf x.tar --wildcards "d/*.txt"', 'd/a.txt\n', '', 0],
    ['gnu', 'tar -tf d', '', 'tar: d: Cannot read: Is a directory\ntar: At beginning of tape, quitting now\ntar: Error is not recoverable: exiting now\n', 2],
    ['gnu', 'tar cf x.tar d; tar tzf x.tar', '', '\ngzip: stdin: not in gzip format\ntar: Child returned status 1\ntar: Error is not recoverable: exiting now\n', 2],
    ['gnu', 'tar -tf /etc/passwd', '', 'tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n', 2],
    ['gnu', 'tar cf x.tar d; tar -xf x.tar -C nodir', '', 'tar: nodir: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n', 2],
    ['gnu', 'tar -cf o.tar -C nodir .', '', 'tar: nodir: Cannot open: No such file or directory\ntar: Error is not recoverable: exiting now\n', 2],
    ['gnu', 'tar --verb -tf x.tar', '', "tar: option '--verb' is ambiguous; possibilities: '--verbose' '--verbatim-files-from'\nTry 'tar --help' or 'tar --usage' for more information.\n", 64],
    ['gnu', 'tar --ver', '', "tar: option '--ver' is ambiguous; possibilities: '--verify' '--verbose' '--verbatim-files-from' '--version'\nTry 'tar --help' or 'tar --usage' for more information.\n", 64],
    ['gnu', 'tar --vers', 'tar (GNU tar) 1.34\nCopyright (C) 2021 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by John Gilmore and Jay Fenlason.\n', '', 0],
    ['gnu', 'tar --list --file=x.tar --verbose=1', '', "tar: option '--verbose' doesn't allow an argument\nTry 'tar --help' or 'tar --usage' for more information.\n", 64],
    ['gnu', 'tar cf x.tar d; tar -cjf y.tbz d', '', 'tar (child): bzip2: Cannot exec: No such file or directory\ntar (child): Error is not recoverable: exiting now\ntar: Child returned status 2\ntar: Error is not recoverable: exiting now\n', 2],
    ['gnu', 'tar cf /tmp/x.tar d; cat /tmp/x.tar | tar tf - d/sub', 'd/sub/\nd/sub/b\n', '', 0],
    // the simulator's limit: standard input and output carry text
    ['gnu', 'tar czf /tmp/x.tgz d; cat /tmp/x.tgz | tar tzf -', '', "tar: -: Cannot read: binary data cannot pass through the simulator's text streams (use -f FILE)\ntar: Error is not recoverable: exiting now\n", 2],
    // a pipe carries bytes: the compressed archive reaches the next tar whole
    ['gnu', 'tar czf - d/run.sh | tar tzf -', 'd/run.sh\n', '', 0],
    ['busybox', 'tar cfv x.tar d/sub && tar tf x.tar', 'd/sub/\nd/sub/b\nd/sub/\nd/sub/b\n', '', 0],
    ['busybox', 'tar --help', '', 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: tar c|x|t [-ZzJjahmvokO] [-f TARFILE] [-C DIR] [-T FILE] [-X FILE] [LONGOPT]... [FILE]...\n', 0],
    ['gnu', 'tar cfC x.tar d sub && tar tf x.tar', 'sub/\nsub/b\n', '', 0],
    ['busybox', 'tar -tf nosuch.tar', '', "tar: can't open 'nosuch.tar': No such file or directory\n", 1],
    ['busybox', 'tar -cf /tmp/o.tar d nosuch', '', 'tar: nosuch: No such file or directory\ntar: error exit delayed from previous errors\n', 1],
    ['busybox', 'tar -c', '', 'tar: empty archive\n', 1],
    ['busybox', 'tar -x', '', 'tar: short read\n', 1],
    ['busybox', 'tar cf x.tar d; tar xf x.tar nosuchmember', '', 'tar: nosuchmember: not found in archive\n', 1],
    ['busybox', 'tar -tf /etc/passwd', '', 'tar: short read\n', 1],
    ['busybox', 'seq 1000 > n.txt; tar -tf n.txt', '', 'tar: invalid tar magic\n', 1],
    ['busybox', 'tar cf x.tar d; tar tzf x.tar', '', 'tar: invalid magic\ntar: short read\n', 1],
    ['busybox', 'tar cf x.tar d; tar -xf x.tar -C nodir', '', "tar: can't change directory to 'nodir': No such file or directory\n", 1],
  ];
  for (const [flavour, command, out, err, status] of cases) {
    it(`${flavour}: ${command}`, async () => {
      const r = await run(flavour, command);
      expect({ out: r.out, err: r.err, status: r.status }).toEqual({ out, err, status });
    });
  }

  it('busybox usage errors print the usage text', async () => {
    const r = await run('busybox', 'tar');
    expect(r.status).toBe(1);
    expect(r.err).toMatch(/^BusyBox v1\.37\.0 .*\n\nUsage: tar c\|x\|t /);
    const q = await run('busybox', 'tar -q');
    expect(q.err).toMatch(/^tar: invalid option -- 'q'\nBusyBox/);
  });

  it('gnu refuses to write an archive to, or read one from, a terminal', async () => {
    const w = await run('gnu', 'tar -c d', { tty: true });
    expect(w).toMatchObject({ err: 'tar: Refusing to write archive contents to terminal (missing -f option?)\ntar: Error is not recoverable: exiting now\n', status: 2 });
    const r = await run('gnu', 'tar -x', { tty: true });
    expect(r).toMatchObject({ err: 'tar: Refusing to read archive contents from terminal (missing -f option?)\ntar: Error is not recoverable: exiting now\n', status: 2 });
  });

  it('unsafe member names: leading / removed, .. refused (GNU) or stripped (busybox)', async () => {
    const members = ['/tmp/abs.txt', 'd/../evil.txt', '../up.txt', 'ok.txt'].map((name) => ({
      name, typeflag: '0', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', size: 2, mtime: T / 1000, linkname: '', data: enc.encode('x\n'),
    }));
    for (const flavour of ['gnu', 'busybox'] as const) {
      const { fs, k } = world(flavour);
      fs.writeFile('/tmp/evil.tar', encodeArchive(members, flavour));
      fs.mkdir('/x');
      const r = await sh(k, flavour, 'tar -xvf /tmp/evil.tar -C /x');
      if (flavour === 'gnu') {
        expect(r.out).toBe('/tmp/abs.txt\nok.txt\n');
        expect(r.err).toBe(
          "tar: Removing leading `/' from member names\n" +
            "tar: Removing leading `d/../' from member names\ntar: d/../evil.txt: Member name contains '..'\n" +
            "tar: Removing leading `../' from member names\ntar: ../up.txt: Member name contains '..'\n" +
            'tar: Exiting with failure status due to previous errors\n',
        );
        expect(r.status).toBe(2);
        expect(fs.readdir('/x')).toEqual(['ok.txt', 'tmp']);
        const t = await sh(k, flavour, 'tar -tf /tmp/evil.tar');
        expect(t.out).toBe('/tmp/abs.txt\nd/../evil.txt\n../up.txt\nok.txt\n');
        expect(t.err).toBe("tar: Removing leading `/' from member names\ntar: Removing leading `d/../' from member names\ntar: Removing leading `../' from member names\n");
      } else {
        expect(r).toMatchObject({ out: 'tmp/abs.txt\nevil.txt\nup.txt\nok.txt\n', err: "tar: removing leading '/' from member names\n", status: 0 });
        expect(fs.readdir('/x')).toEqual(['evil.txt', 'ok.txt', 'tmp', 'up.txt']);
      }
      expect(fs.exists('/tmp/abs.txt')).toBe(false);
      expect(fs.exists('/up.txt')).toBe(false);
    }
  });

  it('creating from absolute paths strips the leading /', async () => {
    const g = await run('gnu', 'tar cvf /tmp/a.tar /work/f && tar tf /tmp/a.tar');
    expect(g).toMatchObject({ out: '/work/f\nwork/f\n', err: "tar: Removing leading `/' from member names\n", status: 0 });
    const b = await run('busybox', 'tar cvf /tmp/a.tar /work/f && tar tf /tmp/a.tar');
    expect(b).toMatchObject({ out: 'work/f\nwork/f\n', err: "tar: removing leading '/' from member names\n", status: 0 });
  });

  it('truncated archives: GNU "Unexpected EOF in archive", busybox "short read"', async () => {
    // cut inside the last data block: GNU reads whole blocks only, busybox exact sizes
    for (const [flavour, cut, err, status] of [
      ['gnu', 512 * 3 + 100, 'tar: Unexpected EOF in archive\ntar: Error is not recoverable: exiting now\n', 2],
      ['busybox', 512 * 3 + 100, '', 0],
      ['busybox', 512 * 3 + 2, 'tar: short read\n', 1],
      ['gnu', 512 * 4, '', 0],
      ['gnu', 512 * 4 + 100, '', 0],
      ['busybox', 512 * 4 + 100, 'tar: short read\n', 1],
    ] as const) {
      const { fs, k } = world(flavour);
      await sh(k, flavour, 'tar cf /tmp/x.tar d/a.txt f');
      fs.writeFile('/tmp/t.tar', fs.readFile('/tmp/x.tar').slice(0, cut));
      expect(await sh(k, flavour, 'tar tf /tmp/t.tar')).toEqual({ out: 'd/a.txt\nf\n', err, status });
    }
  });
});

// ---------------------------------------------------------------- against the real GNU tar

describe.skipIf(!HAVE_TAR)('against the real GNU tar', () => {
  it('writes the bytes GNU tar --sort=name writes for the same tree', async () => {
    const dir = realWorld();
    const want = real(dir, 'tar', ['--sort=name', '-cf', '-', 'd', 'f']).bytes;
    const { fs, k } = world('gnu');
    // the symlink's own time: created at T in the MemFs
    expect(await sh(k, 'gnu', 'tar -cf /tmp/x.tar d f')).toMatchObject({ status: 0 });
    const got = fs.readFile('/tmp/x.tar');
    expect(got.length).toBe(want.length);
    expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
  });

  it('what it writes, real tar -tvf lists as it does (plain and gzip, long names)', async () => {
    const { fs, k } = world('gnu');
    fs.put(`${W}/d/${'long-'.repeat(30)}name.txt`, 'long\n');
    fs.utimes(`${W}/d/${'long-'.repeat(30)}name.txt`, T);
    for (const [file, flags] of [['x.tar', 'cf'], ['x.tgz', 'czf']]) {
      await sh(k, 'gnu', `tar ${flags} /tmp/${file} d f`);
      const dir = realDir();
      writeFileSync(join(dir, file), fs.readFile(`/tmp/${file}`));
      const r = real(dir, 'tar', ['-tvf', file]);
      expect(r.err).toBe('');
      expect(r.status).toBe(0);
      const ours = await sh(k, 'gnu', `tar -tvf /tmp/${file}`);
      expect(ours.out).toBe(r.out);
      expect(r.out).toContain(`d/${'long-'.repeat(30)}name.txt`);
    }
  });

  it('lists and extracts archives the real tar wrote: gnu, ustar, posix (PAX), gzip -9, hard links', async () => {
    const src = realWorld();
    writeFileSync(join(src, 'd', `${'p'.repeat(120)}.txt`), 'pax long\n');
    writeFileSync(join(src, 'd', 'ünï.txt'), 'utf8\n');
    execFileSync('ln', [join(src, 'f'), join(src, 'hard')]);
    for (const p of [`d/${'p'.repeat(120)}.txt`, 'd/ünï.txt', 'f', 'd']) utimesSync(join(src, p), T / 1000, T / 1000);
    for (const [format, z] of [
      ['gnu', false],
      ['ustar', false],
      ['posix', false],
      ['gnu', true],
      ['posix', true],
    ] as const) {
      if (format === 'ustar') continue; // ustar cannot hold the 124-byte name: covered by 'posix'
      const file = `a-${format}.tar${z ? '.gz' : ''}`;
      const made = real(src, 'tar', ['--sort=name', `--format=${format}`, z ? '-czf' : '-cf', file, 'd', 'f', 'hard']);
      expect(made.err).toBe('');
      const listing = real(src, 'tar', ['-tvf', file]).out;
      const names = real(src, 'tar', ['-tf', file]).out;
      const { fs, k } = world('gnu');
      fs.writeFile(`/tmp/${file}`, new Uint8Array(readFileSync(join(src, file))));
      expect((await sh(k, 'gnu', `tar -tf /tmp/${file}`)).out).toBe(names);
      expect((await sh(k, 'gnu', `tar -tvf /tmp/${file}`)).out).toBe(listing);
      fs.mkdir('/x');
      const x = await sh(k, 'gnu', `tar -xf /tmp/${file} -C /x`);
      expect(x).toMatchObject({ err: '', status: 0 });
      expect(fs.text(`/x/d/${'p'.repeat(120)}.txt`)).toBe('pax long\n');
      expect(fs.text('/x/d/ünï.txt')).toBe('utf8\n');
      expect(fs.text('/x/hard')).toBe('top\n');
      expect(fs.readlink('/x/d/link')).toBe('a.txt');
      expect(fs.stat('/x/d/run.sh').mode).toBe(0o755);
      expect(fs.stat('/x/d/a.txt').mtime).toBe(T);
      // busybox reads them too
      if (HAVE_BUSYBOX) {
        const b = world('busybox');
        b.fs.writeFile(`/tmp/${file}`, new Uint8Array(readFileSync(join(src, file))));
        const flags = z ? '-tzvf' : '-tvf';
        expect((await sh(b.k, 'busybox', `tar ${flags} /tmp/${file}`)).out).toBe(real(src, 'busybox', ['tar', flags, file]).out);
      }
    }
  });

  it('extracts an archive in the real tar 10240-byte record with ustar prefix fields', async () => {
    const src = realDir();
    const deep = Array.from({ length: 8 }, (_, i) => `level-${i}-directory`).join('/');
    mkdirSync(join(src, deep), { recursive: true });
    writeFileSync(join(src, deep, 'leaf.txt'), 'deep\n');
    const made = real(src, 'tar', ['--format=ustar', '-cf', 'u.tar', 'level-0-directory']);
    expect(made.status).toBe(0);
    const { fs, k } = world('gnu');
    fs.writeFile('/tmp/u.tar', new Uint8Array(readFileSync(join(src, 'u.tar'))));
    fs.mkdir('/u');
    expect(await sh(k, 'gnu', 'tar xf /tmp/u.tar -C /u')).toMatchObject({ status: 0, err: '' });
    expect(fs.text(`/u/${deep}/leaf.txt`)).toBe('deep\n');
  });
});

describe.skipIf(!HAVE_BUSYBOX)('against the real busybox tar', () => {
  it('writes the bytes busybox tar writes for one file, and busybox lists what it writes', async () => {
    const dir = realWorld();
    const want = real(dir, 'busybox', ['tar', '-cf', '-', 'd/a.txt', 'f']).bytes;
    const { fs, k } = world('busybox');
    await sh(k, 'busybox', 'tar -cf /tmp/x.tar d/a.txt f');
    expect(Buffer.from(fs.readFile('/tmp/x.tar')).equals(Buffer.from(want))).toBe(true);
    await sh(k, 'busybox', 'tar -czf /tmp/x.tgz d');
    writeFileSync(join(dir, 'ours.tgz'), fs.readFile('/tmp/x.tgz'));
    const r = real(dir, 'busybox', ['tar', '-tzvf', 'ours.tgz']);
    expect(r.status).toBe(0);
    expect(r.out).toBe((await sh(k, 'busybox', 'tar -tzvf /tmp/x.tgz')).out);
  });
});

// ---------------------------------------------------------------- gzip, gunzip, zcat

describe('deflate (gzip\'s encoder)', () => {
  const inputs: [string, Uint8Array][] = [
    ['empty', new Uint8Array(0)],
    ['short', enc.encode('top\n')],
    ['text', enc.encode(Array.from({ length: 5000 }, (_, i) => `line ${i} ${(i * i) % 97} ${'x'.repeat(i % 13)}\n`).join(''))],
    ['runs', new Uint8Array(300_000).fill(7)],
    ['noise', Uint8Array.from({ length: 140_000 }, (_, i) => ((i * 2654435761) >>> 13) & 0xff)],
  ];
  for (const [name, data] of inputs) {
    it(`zlib inflates what it writes, and so does inflateRaw: ${name}`, async () => {
      const { inflateRawSync } = await import('node:zlib');
      const z = deflateRawForTest(data);
      expect(Buffer.from(inflateRawSync(z)).equals(Buffer.from(data))).toBe(true);
      expect(Buffer.from(inflateRaw(z).data).equals(Buffer.from(data))).toBe(true);
      if (name === 'text') expect(z.length).toBeLessThan(data.length / 3);
      if (name === 'noise') expect(z.length).toBeLessThanOrEqual(data.length + 15);
    });
  }
});

describe('gzip, gunzip, zcat', () => {
  const cases: [Flavour, string, string, string, number][] = [
    // recorded from gzip 1.12 (GNU gunzip and zcat run gzip: its name in every message)
    ['gnu', 'gzip f; echo $?; ls; gzip f; echo $?; gzip f.gz; echo $?; gunzip f.gz; echo $?; cat f', '0\nd\nf.gz\n1\n0\n0\ntop\n', 'gzip: f: No such file or directory\ngzip: f.gz already has .gz suffix -- unchanged\n', 0],
    ['gnu', 'gzip -k f; gzip f; echo $?; gzip -f f; echo $?; ls', '2\n0\nd\nf.gz\n', 'gzip: f.gz already exists;\tnot overwritten\n', 0],
    ['gnu', 'gunzip nosuch.gz; echo $?; gunzip f; echo $?; zcat nosuch; echo $?; zcat f; echo $?', '1\n2\n1\n1\n', 'gzip: nosuch.gz: No such file or directory\ngzip: f: unknown suffix -- ignored\ngzip: nosuch.gz: No such file or directory\n\ngzip: f: not in gzip format\n', 0],
    ['gnu', 'gzip d; echo $?; gzip nosuch d/a.txt; echo $?; ls d', '2\n1\na.txt.gz\nlink\nrun.sh\nsub\n', 'gzip: d is a directory -- ignored\ngzip: nosuch: No such file or directory\n', 0],
    ['gnu', 'cp f f.gz; gunzip f.gz; echo $?', '1\n', '\ngzip: f.gz: not in gzip format\n', 0],
    ['gnu', 'gzip -v f; gunzip -v f.gz', '', 'f:\t-50.0% -- replaced with f.gz\nf.gz:\t-50.0% -- replaced with f\n', 0],
    ['gnu', 'gzip f; gzip -l f.gz', '         compressed        uncompressed  ratio uncompressed_name\n                 26                   4 -50.0% f\n', '', 0],
    ['gnu', 'gzip -x', '', "gzip: invalid option -- 'x'\nTry `gzip --help' for more information.\n", 1],
    ['gnu', 'tar cf x.tar d; gzip x.tar; tar tf x.tar.gz; gunzip x.tar.gz; tar tf x.tar', 'd/\nd/a.txt\nd/link\nd/run.sh\nd/sub/\nd/sub/b\n'.repeat(2), '', 0],
    ['gnu', 'gzip -k d/a.txt f; zcat d/a.txt.gz f.gz; gzip -t f.gz; gzip -dc f', 'hello\ntop\n', '\ngzip: f: not in gzip format\n', 1],
    // busybox 1.35
    ['busybox', 'gzip f; echo $?; gzip f; echo $?; gunzip f.gz; echo $?; cat f', '0\n1\n0\ntop\n', 'gzip: f: No such file or directory\n', 0],
    ['busybox', 'gunzip nosuch.gz; echo $?; cp f g; gunzip g; echo $?', '1\n1\n', 'gunzip: nosuch.gz: No such file or directory\ngunzip: g: unknown suffix - ignored\n', 0],
    ['busybox', 'gzip -k f; gunzip f.gz', '', "gunzip: can't open 'f': File exists\n", 1],
  ];
  for (const [flavour, command, out, err, status] of cases) {
    it(`${flavour}: ${command}`, async () => {
      const r = await run(flavour, command);
      expect({ out: r.out, err: r.err, status: r.status }).toEqual({ out, err, status });
    });
  }

  it('keeps the mode and time of the file; binary data cannot go to standard output', async () => {
    const { fs, k } = world('gnu');
    expect(await sh(k, 'gnu', 'gzip d/run.sh')).toMatchObject({ status: 0 });
    expect(fs.stat(`${W}/d/run.sh.gz`)).toMatchObject({ mode: 0o755, mtime: T });
    // through a pipe the bytes arrive whole; a text writer's lost bytes are refused
    const c = await sh(k, 'gnu', 'gzip -c f | gunzip -c');
    expect(c).toMatchObject({ out: new TextDecoder().decode(fs.readFile(`${W}/f`)), err: '', status: 0 });
    const lost = await sh(k, 'gnu', 'gzip -c f | cat | gunzip -c');
    expect(lost).toMatchObject({ err: "gzip: stdin: binary data cannot pass through the simulator's text streams (use a file)\n", status: 1 });
    const tty = await sh(k, 'gnu', 'gzip', { tty: true });
    expect(tty).toMatchObject({ err: 'gzip: compressed data not written to a terminal. Use -f to force compression.\nFor help, type: gzip -h\n', status: 1 });
  });

  it.skipIf(!has('gzip', '--version'))('the real gzip accepts what it writes', async () => {
    const { fs, k } = world('gnu');
    fs.put(`${W}/big.txt`, Array.from({ length: 3000 }, (_, i) => `row ${i}: ${'abc'.repeat(i % 7)}\n`).join(''));
    await sh(k, 'gnu', 'gzip -k big.txt');
    const dir = realDir();
    writeFileSync(join(dir, 'big.txt.gz'), fs.readFile(`${W}/big.txt.gz`));
    const r = real(dir, 'gzip', ['-dc', 'big.txt.gz']);
    expect(r.status).toBe(0);
    expect(r.out).toBe(fs.text(`${W}/big.txt`));
    const l = real(dir, 'gzip', ['-l', 'big.txt.gz']);
    expect((await sh(k, 'gnu', 'gzip -l big.txt.gz')).out).toBe(l.out);
  });
});
