import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layerTarBytes } from '../layer/tar.ts';
import { LayerTree, utf8 } from '../layer/tree.ts';
import { FsError } from './types.ts';
import { MAX_SYMLINKS, UnionFs } from './union.ts';
import type { UnionChange } from './union.ts';

const text = (b: Uint8Array) => new TextDecoder().decode(b);
const code = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof FsError) return e.code;
    throw e;
  }
  return 'ok';
};

/** Two image layers: `base` at the bottom, `top` over it. */
function image(big = 1): { base: LayerTree; top: LayerTree } {
  const m = { mtime: 1_600_000_000_000 };
  const base = LayerTree.from([
    { type: 'dir', path: 'etc', ...m },
    { type: 'file', path: 'etc/passwd', content: 'root:x:0:0\n', ...m },
    { type: 'file', path: 'etc/group', content: 'root:x:0:\n', ...m },
    { type: 'file', path: 'etc/shadow', content: 'secret\n', mode: 0o640, gid: 42, ...m },
    { type: 'dir', path: 'var/cache/apt', ...m },
    { type: 'file', path: 'var/cache/apt/pkg.bin', size: 5 * big, seed: 9, ...m },
    { type: 'dir', path: 'tmp', mode: 0o1777, ...m },
    { type: 'file', path: 'bin/busybox', size: big, seed: 1, mode: 0o755, ...m },
    { type: 'symlink', path: 'bin/sh', target: 'busybox', ...m },
    { type: 'symlink', path: 'lib64', target: '/lib', ...m },
    { type: 'dir', path: 'lib', ...m },
    { type: 'file', path: 'lib/libc.so', size: 2000, seed: 3, ...m },
    { type: 'dir', path: 'usr/share/doc', ...m },
    { type: 'file', path: 'usr/share/doc/README', content: 'base\n', ...m },
  ]);
  const top = LayerTree.from([
    { type: 'file', path: 'etc/os-release', content: 'NAME=top\n', ...m },
    { type: 'whiteout', path: 'etc/group', ...m },
    { type: 'dir', path: 'usr/share/doc', opaque: true, ...m },
    { type: 'file', path: 'usr/share/doc/NEW', content: 'top\n', ...m },
    { type: 'file', path: 'usr/share/doc/README', content: 'top readme\n', ...m },
  ]);
  return { base, top };
}

function container(clock = { now: () => 1_700_000_000_000 }, big = 1_000_000) {
  const { base, top } = image(big);
  const rw = new LayerTree();
  const fs = new UnionFs([rw, top, base], { clock });
  const events: UnionChange[] = [];
  fs.onChange((c) => events.push(c));
  const digest = () => [top, base].map((t) => createHash('sha256').update(layerTarBytes(t)).digest('hex'));
  const before = digest();
  const lowersUntouched = () => expect(digest()).toEqual(before);
  return { fs, rw, top, base, events, lowersUntouched };
}

describe('UnionFs: lookups through layers', () => {
  it('merges directories, honouring whiteouts and opaque directories', () => {
    const { fs } = container();
    expect(fs.readdir('/')).toEqual(['bin', 'etc', 'lib', 'lib64', 'tmp', 'usr', 'var']);
    expect(fs.readdir('/etc')).toEqual(['os-release', 'passwd', 'shadow']);
    expect(fs.exists('/etc/group')).toBe(false);
    expect(code(() => fs.readFile('/etc/group'))).toBe('ENOENT');
    expect(fs.readdir('/usr/share/doc')).toEqual(['NEW', 'README']);
    expect(text(fs.readFile('/usr/share/doc/README'))).toBe('top readme\n');
  });

  it('says which layer each entry comes from', () => {
    const { fs } = container();
    expect(fs.origin('/etc/os-release')).toBe(1);
    expect(fs.origin('/etc/passwd')).toBe(2);
    expect(fs.origin('/etc')).toBe(1); // the topmost layer holding the directory
    expect(fs.origin('/var')).toBe(2);
    expect(fs.origin('/usr/share/doc')).toBe(1);
    expect(fs.origin('/etc/group')).toBeUndefined();
    expect(fs.origin('/nope/x')).toBeUndefined();
    expect(fs.origin('/')).toBe(0);
    fs.writeFile('/etc/passwd', utf8('changed'));
    expect(fs.origin('/etc/passwd')).toBe(0);
    expect(fs.origin('/etc')).toBe(0);
  });

  it('stats entries (directories report 4096 bytes, generated files their declared size)', () => {
    const { fs } = container();
    expect(fs.stat('/etc/shadow')).toEqual({ type: 'file', mode: 0o640, uid: 0, gid: 42, size: 7, mtime: 1_600_000_000_000 });
    expect(fs.stat('/tmp')).toMatchObject({ type: 'dir', mode: 0o1777, size: 4096 });
    expect(fs.stat('/bin/busybox').size).toBe(1_000_000);
    expect(fs.readFile('/bin/busybox').length).toBe(1_000_000);
    expect(Buffer.compare(fs.readFile('/bin/sh'), fs.readFile('/bin/busybox'))).toBe(0);
  });

  it('resolves symlinks: relative, absolute from the container root, in the middle of paths', () => {
    const { fs } = container();
    expect(fs.lstat('/bin/sh')).toMatchObject({ type: 'symlink', size: 7, mode: 0o777 });
    expect(fs.stat('/bin/sh').type).toBe('file');
    expect(fs.readlink('/bin/sh')).toBe('busybox');
    expect(fs.readdir('/lib64')).toEqual(['libc.so']);
    expect(fs.readFile('/lib64/libc.so').length).toBe(2000);
    fs.symlink('../../etc', '/lib/up');
    expect(fs.readdir('/lib/up')).toEqual(['os-release', 'passwd', 'shadow']); // '..' stops at the root
    fs.symlink('/lib64/../etc/passwd', '/p');
    expect(text(fs.readFile('/p'))).toBe('root:x:0:0\n'); // '..' after a symlink is physical: /lib/.. = /
    expect(code(() => fs.readlink('/etc/passwd'))).toBe('EINVAL');
    expect(code(() => fs.readFile('/etc/passwd/'))).toBe('ENOTDIR');
    expect(code(() => fs.readdir('/etc/passwd'))).toBe('ENOTDIR');
    expect(code(() => fs.stat('/etc/passwd/x'))).toBe('ENOTDIR');
    fs.symlink('/nowhere', '/dangling');
    expect(fs.exists('/dangling')).toBe(false);
    expect(fs.lstat('/dangling').type).toBe('symlink');
    fs.writeFile('/dangling', utf8('made'));
    expect(text(fs.readFile('/nowhere'))).toBe('made'); // O_CREAT through a dangling link
  });

  it('gives up after 40 symlinks (ELOOP)', () => {
    const { fs } = container();
    fs.symlink('/loop', '/loop');
    expect(code(() => fs.stat('/loop'))).toBe('ELOOP');
    expect(fs.lstat('/loop').type).toBe('symlink');
    for (let i = 0; i < MAX_SYMLINKS; i++) fs.symlink(`/l${i + 1}`, `/l${i}`);
    fs.writeFile(`/l${MAX_SYMLINKS}`, utf8('end'));
    expect(text(fs.readFile('/l0'))).toBe('end'); // exactly 40 links: fine
    fs.symlink('/l0', '/l-1');
    expect(code(() => fs.readFile('/l-1'))).toBe('ELOOP');
  });
});

describe('UnionFs: writes go to the read-write layer', () => {
  it('copies a file up, with its parent directories, before changing it', () => {
    const { fs, rw, events, lowersUntouched } = container();
    fs.writeFile('/var/cache/apt/pkg.bin', utf8('new'), { append: true });
    expect(fs.readFile('/var/cache/apt/pkg.bin').length).toBe(5_000_003);
    expect(events).toEqual([
      { kind: 'copy-up', path: '/var' },
      { kind: 'copy-up', path: '/var/cache' },
      { kind: 'copy-up', path: '/var/cache/apt' },
      { kind: 'copy-up', path: '/var/cache/apt/pkg.bin' },
      { kind: 'modify', path: '/var/cache/apt/pkg.bin' },
    ]);
    expect([...rw.walk()].map(([p]) => p)).toEqual(['var', 'var/cache', 'var/cache/apt', 'var/cache/apt/pkg.bin']);
    expect(rw.lookup('var/cache')!.opaque).toBe(false);
    lowersUntouched();
  });

  it('copies up metadata changes; a generated file stays generated', () => {
    const { fs, rw, lowersUntouched } = container();
    fs.chmod('/bin/sh', 0o4711); // follows the link to busybox
    expect(fs.stat('/bin/busybox').mode).toBe(0o4711);
    expect(rw.lookup('bin/busybox')!.generated).toBe(true);
    expect(rw.lookup('bin/sh')).toBeUndefined();
    fs.utimes('/etc/passwd', 1234_000);
    expect(fs.stat('/etc/passwd').mtime).toBe(1234_000);
    fs.chown('/etc/shadow', 5, 6);
    expect(fs.stat('/etc/shadow')).toMatchObject({ uid: 5, gid: 6, mode: 0o640 });
    lowersUntouched();
  });

  it('creates files with the owner, mode and time given', () => {
    const { fs, events } = container();
    fs.uid = 1000;
    fs.writeFile('/tmp/f', utf8('x'), { mode: 0o600 });
    expect(fs.stat('/tmp/f')).toEqual({ type: 'file', mode: 0o600, uid: 1000, gid: 0, size: 1, mtime: 1_700_000_000_000 });
    expect(fs.stat('/tmp').mtime).toBe(1_700_000_000_000);
    expect(events.map((e) => `${e.kind} ${e.path}`)).toEqual(['copy-up /tmp', 'create /tmp/f']);
  });

  it('does not let callers change stored bytes behind its back', () => {
    const { fs } = container();
    const data = utf8('abc');
    fs.writeFile('/f', data);
    data[0] = 0x7a;
    const read = fs.readFile('/f');
    read[1] = 0x7a;
    expect(text(fs.readFile('/f'))).toBe('abc');
  });

  it('reports errors as the kernel does', () => {
    const { fs } = container();
    expect(code(() => fs.writeFile('/nope/x', utf8('')))).toBe('ENOENT');
    expect(code(() => fs.writeFile('/etc', utf8('')))).toBe('EISDIR');
    expect(code(() => fs.mkdir('/etc'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/bin/sh'))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/a/b'))).toBe('ENOENT');
    expect(code(() => fs.mkdir('/etc/passwd/x', { recursive: true }))).toBe('ENOTDIR');
    expect(code(() => fs.mkdir('/etc/passwd', { recursive: true }))).toBe('EEXIST');
    expect(code(() => fs.mkdir('/etc', { recursive: true }))).toBe('ok');
    expect(code(() => fs.mkdir('/lib64/sub', { recursive: true }))).toBe('ok'); // through a symlink to a directory
    expect(fs.exists('/lib/sub')).toBe(true);
    expect(code(() => fs.rm('/etc'))).toBe('ENOTEMPTY');
    expect(code(() => fs.rm('/nope'))).toBe('ENOENT');
    expect(code(() => fs.rm('/', { recursive: true }))).toBe('EBUSY');
    expect(code(() => fs.readFile('/etc'))).toBe('EISDIR');
    expect(code(() => fs.symlink('x', '/etc/passwd'))).toBe('EEXIST');
    expect(code(() => fs.chmod('/nope', 0o777))).toBe('ENOENT');
  });
});

describe('UnionFs: deleting', () => {
  it('whites out a lower file and a lower tree; removes an upper-only file outright', () => {
    const { fs, rw, events, lowersUntouched } = container();
    fs.rm('/etc/passwd');
    expect(fs.readdir('/etc')).toEqual(['os-release', 'shadow']);
    expect(rw.lookup('etc/passwd')!.kind).toBe('whiteout');
    fs.rm('/var/cache', { recursive: true });
    expect(fs.readdir('/var')).toEqual([]);
    expect(rw.lookup('var/cache')!.kind).toBe('whiteout');
    expect(rw.lookup('var/cache')).toBe(rw.lookup('etc/passwd')); // one whiteout inode per mount
    fs.writeFile('/tmp/mine', utf8('x'));
    fs.rm('/tmp/mine');
    expect(rw.lookup('tmp/mine')).toBeUndefined();
    expect(events.filter((e) => e.kind === 'whiteout' || e.kind === 'delete')).toEqual([
      { kind: 'whiteout', path: '/etc/passwd' },
      { kind: 'whiteout', path: '/var/cache' },
      { kind: 'delete', path: '/tmp/mine' },
    ]);
    lowersUntouched();
  });

  it('makes a directory created over a whiteout opaque (rm -r dir; mkdir dir)', () => {
    const { fs, rw, events } = container();
    fs.rm('/var/cache', { recursive: true });
    fs.mkdir('/var/cache');
    expect(fs.readdir('/var/cache')).toEqual([]);
    expect(rw.lookup('var/cache')!.opaque).toBe(true);
    expect(events.slice(-2)).toEqual([
      { kind: 'create', path: '/var/cache' },
      { kind: 'opaque', path: '/var/cache' },
    ]);
    fs.writeFile('/var/cache/new', utf8(''));
    fs.rm('/var/cache/new'); // nothing below shows through an opaque directory: no whiteout needed
    expect(rw.lookup('var/cache')!.childMap()?.size ?? 0).toBe(0);
    fs.mkdir('/fresh');
    expect(rw.lookup('fresh')!.opaque).toBe(false);
  });

  it('removes entry by entry as rm -r does, with the same result', () => {
    const { fs, rw } = container();
    fs.rm('/var/cache/apt/pkg.bin');
    fs.rm('/var/cache/apt');
    fs.rm('/var/cache');
    expect(fs.readdir('/var')).toEqual([]);
    expect(rw.lookup('var/cache')!.kind).toBe('whiteout');
  });

  it('removes a symlink, not its target', () => {
    const { fs } = container();
    fs.rm('/lib64');
    expect(fs.exists('/lib/libc.so')).toBe(true);
    expect(fs.exists('/lib64')).toBe(false);
  });
});

describe('UnionFs: rename', () => {
  it('moves an upper file; leaves a whiteout only where a lower entry was', () => {
    const { fs, rw } = container();
    fs.writeFile('/tmp/a', utf8('a'));
    fs.rename('/tmp/a', '/tmp/b');
    expect(fs.readdir('/tmp')).toEqual(['b']);
    expect(rw.lookup('tmp/a')).toBeUndefined();
    fs.rename('/etc/passwd', '/etc/pw');
    expect(fs.readdir('/etc')).toEqual(['os-release', 'pw', 'shadow']);
    expect(rw.lookup('etc/passwd')!.kind).toBe('whiteout');
    expect(text(fs.readFile('/etc/pw'))).toBe('root:x:0:0\n');
    expect(fs.stat('/etc/pw').mtime).toBe(1_600_000_000_000); // rename keeps the file's mtime
  });

  it('moves a lower directory as a whole copy (what mv does on overlayfs EXDEV)', () => {
    const { fs, rw, lowersUntouched } = container();
    fs.rename('/var/cache', '/var/cache2');
    expect(fs.readdir('/var')).toEqual(['cache2']);
    expect(fs.readdir('/var/cache2/apt')).toEqual(['pkg.bin']);
    expect(rw.lookup('var/cache2/apt/pkg.bin')!.generated).toBe(true);
    expect(rw.lookup('var/cache')!.kind).toBe('whiteout');
    // Renaming back lands on the whiteout: the directory must hide what is below.
    fs.rename('/var/cache2', '/var/cache');
    expect(rw.lookup('var/cache')!.opaque).toBe(true);
    expect(fs.readdir('/var/cache/apt')).toEqual(['pkg.bin']);
    lowersUntouched();
  });

  it('moves a merged directory with its upper changes', () => {
    const { fs } = container();
    fs.writeFile('/usr/share/doc/MINE', utf8('m'));
    fs.rm('/usr/share/doc/NEW');
    fs.rename('/usr/share', '/usr/s');
    expect(fs.readdir('/usr')).toEqual(['s']);
    expect(fs.readdir('/usr/s/doc')).toEqual(['MINE', 'README']);
  });

  it('follows rename(2) rules', () => {
    const { fs } = container();
    fs.mkdir('/d');
    fs.mkdir('/e');
    fs.writeFile('/e/x', utf8(''));
    expect(code(() => fs.rename('/etc', '/etc/sub'))).toBe('EINVAL');
    expect(code(() => fs.rename('/d', '/etc/passwd'))).toBe('ENOTDIR');
    expect(code(() => fs.rename('/etc/passwd', '/d'))).toBe('EISDIR');
    expect(code(() => fs.rename('/d', '/e'))).toBe('ENOTEMPTY');
    expect(code(() => fs.rename('/nope', '/x'))).toBe('ENOENT');
    expect(code(() => fs.rename('/d', '/nope/x'))).toBe('ENOENT');
    expect(code(() => fs.rename('/', '/x'))).toBe('EBUSY');
    expect(code(() => fs.rename('/d', '/d'))).toBe('ok');
    fs.rename('/e/x', '/d/x');
    fs.rename('/d', '/e'); // over an empty directory
    expect(fs.readdir('/e')).toEqual(['x']);
    expect(fs.exists('/d')).toBe(false);
    fs.writeFile('/f1', utf8('1'));
    fs.writeFile('/f2', utf8('2'));
    fs.rename('/f1', '/f2'); // replaces a file
    expect(text(fs.readFile('/f2'))).toBe('1');
  });
});

describe('UnionFs: hard links', () => {
  it('shares one inode between two names', () => {
    const { fs, rw } = container();
    fs.link('/etc/passwd', '/etc/passwd2');
    expect(rw.lookup('etc/passwd2')).toBe(rw.lookup('etc/passwd'));
    fs.writeFile('/etc/passwd', utf8('both'));
    fs.chmod('/etc/passwd2', 0o600);
    expect(text(fs.readFile('/etc/passwd2'))).toBe('both');
    expect(fs.stat('/etc/passwd').mode).toBe(0o600);
    expect(code(() => fs.link('/etc', '/etc2'))).toBe('EISDIR');
  });
});

describe('UnionFs over a single layer (the host)', () => {
  it('is a plain file system: deletes never leave whiteouts', () => {
    const host = new LayerTree();
    const fs = new UnionFs([host], { clock: { now: () => 5 } });
    fs.mkdir('/root/work', { recursive: true });
    fs.writeFile('/root/work/Dockerfile', utf8('FROM busybox\n'));
    fs.rename('/root/work', '/root/app');
    fs.rm('/root/app', { recursive: true });
    fs.mkdir('/root/app');
    expect(fs.readdir('/root')).toEqual(['app']);
    expect([...host.walk()].map(([p, e]) => `${p}:${e.kind}${e.opaque ? ':opaque' : ''}`)).toEqual(['root:dir', 'root/app:dir']);
  });

  it('sorts readdir by bytes, as Go and ls -f would', () => {
    const fs = new UnionFs([new LayerTree()], { clock: { now: () => 0 } });
    for (const n of ['b', 'B', 'a-b', 'a.b', 'a', 'é', 'z', '\u{1F600}', '\uFF21']) fs.writeFile('/' + n, utf8(''));
    expect(fs.readdir('/')).toEqual(['B', 'a', 'a-b', 'a.b', 'b', 'z', 'é', '\uFF21', '\u{1F600}']);
  });
});

// ---------------------------------------------------------------- a model check

type Node = { kind: 'file'; data: string; mode: number } | { kind: 'dir'; mode: number } | { kind: 'symlink'; target: string };

/** The merged view as a flat map, read through the public API. */
function snapshot(fs: UnionFs): Map<string, Node> {
  const out = new Map<string, Node>();
  const walk = (dir: string) => {
    for (const name of fs.readdir(dir)) {
      const p = (dir === '/' ? '' : dir) + '/' + name;
      const st = fs.lstat(p);
      if (st.type === 'dir') {
        out.set(p, { kind: 'dir', mode: st.mode });
        walk(p);
      } else if (st.type === 'symlink') out.set(p, { kind: 'symlink', target: fs.readlink(p) });
      else out.set(p, { kind: 'file', data: text(fs.readFile(p)), mode: st.mode });
    }
  };
  walk('/');
  return out;
}

/** A plain POSIX-ish model of the same operations (no symlinks followed: the ops never go through one). */
class Model {
  constructor(readonly m: Map<string, Node>) {}
  private parent(p: string) {
    return p.slice(0, p.lastIndexOf('/')) || '/';
  }
  private need(p: string): Node | undefined {
    const par = this.parent(p);
    if (par !== '/') {
      const d = this.m.get(par);
      if (d === undefined) throw new FsError('ENOENT', p);
      if (d.kind !== 'dir') throw new FsError('ENOTDIR', p);
    }
    return this.m.get(p);
  }
  private kids(p: string) {
    return [...this.m.keys()].filter((k) => k.startsWith(p + '/'));
  }
  writeFile(p: string, data: string) {
    const n = this.need(p);
    if (n?.kind === 'dir') throw new FsError('EISDIR', p);
    this.m.set(p, { kind: 'file', data, mode: n?.kind === 'file' ? n.mode : 0o644 });
  }
  mkdir(p: string) {
    if (this.need(p) !== undefined) throw new FsError('EEXIST', p);
    this.m.set(p, { kind: 'dir', mode: 0o755 });
  }
  rm(p: string, recursive: boolean) {
    const n = this.need(p);
    if (n === undefined) throw new FsError('ENOENT', p);
    if (n.kind === 'dir' && !recursive && this.kids(p).length > 0) throw new FsError('ENOTEMPTY', p);
    for (const k of this.kids(p)) this.m.delete(k);
    this.m.delete(p);
  }
  chmod(p: string, mode: number) {
    const n = this.need(p);
    if (n === undefined) throw new FsError('ENOENT', p);
    if (n.kind !== 'symlink') n.mode = mode;
  }
  rename(a: string, b: string) {
    const s = this.need(a);
    if (s === undefined) throw new FsError('ENOENT', a);
    const d = this.need(b);
    if (a === b) return;
    if (s.kind === 'dir' && b.startsWith(a + '/')) throw new FsError('EINVAL', b);
    if (d !== undefined) {
      if (s.kind === 'dir') {
        if (d.kind !== 'dir') throw new FsError('ENOTDIR', b);
        if (this.kids(b).length > 0) throw new FsError('ENOTEMPTY', b);
      } else if (d.kind === 'dir') throw new FsError('EISDIR', b);
    }
    const moved = [a, ...this.kids(a)].map((k) => [k, this.m.get(k)!] as const);
    for (const [k] of moved) this.m.delete(k);
    this.m.delete(b);
    for (const [k, v] of moved) this.m.set(b + k.slice(a.length), v);
  }
  symlink(target: string, p: string) {
    if (this.need(p) !== undefined) throw new FsError('EEXIST', p);
    this.m.set(p, { kind: 'symlink', target });
  }
}

describe('UnionFs against a plain model', () => {
  const names = ['/etc', '/etc/passwd', '/etc/group', '/etc/new', '/usr/share/doc', '/usr/share/doc/README', '/var/cache', '/var/cache/apt', '/var/x', '/tmp/t', '/n', '/n/m'];
  const path = fc.constantFrom(...names);
  const op = fc.oneof(
    fc.record({ op: fc.constant('write'), p: path, data: fc.constantFrom('', 'a', 'bb') }),
    fc.record({ op: fc.constant('mkdir'), p: path }),
    fc.record({ op: fc.constant('rm'), p: path, recursive: fc.boolean() }),
    fc.record({ op: fc.constant('chmod'), p: path, mode: fc.constantFrom(0o600, 0o755) }),
    fc.record({ op: fc.constant('rename'), p: path, q: path }),
    fc.record({ op: fc.constant('symlink'), p: path, target: fc.constantFrom('/etc', 'x') }),
  );

  it('agrees on every result and on the final view, and never touches the image layers', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const { fs, lowersUntouched } = container(undefined, 10);
        const model = new Model(snapshot(fs));
        for (const o of ops) {
          // Operations that would go through a symlink are skipped: the model does not resolve links.
          const through = (p: string) => {
            for (let q = p; q.lastIndexOf('/') > 0; ) {
              q = q.slice(0, q.lastIndexOf('/'));
              if (model.m.get(q)?.kind === 'symlink') return true;
            }
            return false;
          };
          const ps = [o.p, ...('q' in o ? [o.q] : [])];
          if (ps.some(through)) continue;
          if ((o.op === 'write' || o.op === 'chmod') && model.m.get(o.p)?.kind === 'symlink') continue;
          const run = (f: () => void) => code(f);
          let got: string;
          let want: string;
          switch (o.op) {
            case 'write':
              got = run(() => fs.writeFile(o.p, utf8(o.data)));
              want = run(() => model.writeFile(o.p, o.data));
              break;
            case 'mkdir':
              got = run(() => fs.mkdir(o.p));
              want = run(() => model.mkdir(o.p));
              break;
            case 'rm':
              got = run(() => fs.rm(o.p, { recursive: o.recursive }));
              want = run(() => model.rm(o.p, o.recursive));
              break;
            case 'chmod':
              got = run(() => fs.chmod(o.p, o.mode));
              want = run(() => model.chmod(o.p, o.mode));
              break;
            case 'rename':
              got = run(() => fs.rename(o.p, o.q));
              want = run(() => model.rename(o.p, o.q));
              break;
            case 'symlink':
              got = run(() => fs.symlink(o.target, o.p));
              want = run(() => model.symlink(o.target, o.p));
              break;
          }
          expect(`${o.op} ${JSON.stringify(o)}: ${got}`).toBe(`${o.op} ${JSON.stringify(o)}: ${want}`);
        }
        expect(snapshot(fs)).toEqual(model.m);
        lowersUntouched();
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
