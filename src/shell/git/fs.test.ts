// The adapter from the host's synchronous Fs to isomorphic-git's promise
// file system: Node's shapes (stats, errors with `code`), and a real
// repository written and read back through it.
import { describe, expect, it } from 'vitest';
import './buffer.ts';
import * as git from 'isomorphic-git';
import { UnionFs } from '../../engine/fs/union.ts';
import { LayerTree } from '../../engine/layer/tree.ts';
import { gitFs } from './fs.ts';

function files() {
  const fs = new UnionFs([new LayerTree()], { clock: { now: () => Date.UTC(2026, 11, 6) } });
  fs.mkdir('/w', { recursive: true });
  return { fs, p: gitFs(fs).promises };
}

const enc = new TextEncoder();

describe('gitFs', () => {
  it('reads and writes bytes and utf8 text', async () => {
    const { fs, p } = files();
    await p.writeFile('/w/a.txt', 'hé\n', 'utf8');
    expect(await p.readFile('/w/a.txt', { encoding: 'utf8' })).toBe('hé\n');
    expect(await p.readFile('/w/a.txt')).toEqual(enc.encode('hé\n'));
    await p.writeFile('/w//b', enc.encode('x'), { mode: 0o755 });
    expect(fs.stat('/w/b').mode).toBe(0o755);
  });

  it('fails with the errno codes Node uses', async () => {
    const { p } = files();
    await p.mkdir('/w/d');
    const code = (work: Promise<unknown>) => work.then(() => 'ok', (e: { code?: string }) => e.code);
    expect(await code(p.readFile('/w/missing'))).toBe('ENOENT');
    expect(await code(p.writeFile('/w/no/such/file', 'x'))).toBe('ENOENT');
    expect(await code(p.writeFile('/w/d', 'x'))).toBe('EISDIR');
    expect(await code(p.mkdir('/w/d'))).toBe('EEXIST');
    expect(await code(p.unlink('/w/d'))).toBe('EISDIR');
    await p.writeFile('/w/d/f', 'x');
    expect(await code(p.rmdir('/w/d'))).toBe('ENOTEMPTY');
    expect(await code(p.rmdir('/w/d/f'))).toBe('ENOTDIR');
    expect(await code(p.stat('/w/nope'))).toBe('ENOENT');
    await p.unlink('/w/d/f');
    await p.rmdir('/w/d');
    expect(await p.readdir('/w')).toEqual([]);
  });

  it('gives stats with type bits and predicates, and symlinks', async () => {
    const { p } = files();
    await p.writeFile('/w/f', 'abc');
    await p.symlink('f', '/w/l');
    const f = await p.stat('/w/f');
    expect([f.isFile(), f.isDirectory(), f.isSymbolicLink(), f.size, f.mode]).toEqual([true, false, false, 3, 0o100644]);
    expect((await p.stat('/w')).mode & 0o170000).toBe(0o040000);
    const l = await p.lstat('/w/l');
    expect([l.isSymbolicLink(), l.mode & 0o170000]).toEqual([true, 0o120000]);
    expect((await p.stat('/w/l')).isFile()).toBe(true);
    expect(await p.readlink('/w/l')).toBe('f');
    expect(await p.readlink('/w/l', { encoding: 'buffer' })).toEqual(enc.encode('f'));
    expect(typeof f.mtimeMs).toBe('number');
  });

  it('holds a real repository: isomorphic-git commits and reads back through it', async () => {
    const { fs } = files();
    const gfs = gitFs(fs);
    await git.init({ fs: gfs, dir: '/w', defaultBranch: 'master' });
    fs.writeFile('/w/a.txt', enc.encode('hi\n'));
    fs.mkdir('/w/d');
    fs.writeFile('/w/d/b', enc.encode('x\n'));
    await git.add({ fs: gfs, dir: '/w', filepath: '.' });
    const who = { name: 'Ada Lovelace', email: 'ada@example.com', timestamp: Date.UTC(2026, 11, 6, 10, 20) / 1000, timezoneOffset: 0 };
    const oid = await git.commit({ fs: gfs, dir: '/w', message: 'first\n', author: who, committer: who });
    // the id the real git gave the same files, author and second
    expect(oid).toBe('3cd0d40570e5e93b3a95c4bc600887f2afeeb743');
    expect(await git.statusMatrix({ fs: gfs, dir: '/w' })).toEqual([
      ['a.txt', 1, 1, 1],
      ['d/b', 1, 1, 1],
    ]);
    fs.writeFile('/w/a.txt', enc.encode('changed\n'));
    expect(await git.statusMatrix({ fs: gfs, dir: '/w', filepaths: ['a.txt'] })).toEqual([['a.txt', 1, 2, 1]]);
    const { blob } = await git.readBlob({ fs: gfs, dir: '/w', oid, filepath: 'd/b' });
    expect(new TextDecoder().decode(blob)).toBe('x\n');
  });
});
