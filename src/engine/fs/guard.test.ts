import { describe, expect, it } from 'vitest';
import { LayerTree } from '../layer/tree.ts';
import { resolveUser } from '../runtime/users.ts';
import { guardFs } from './guard.ts';
import { FsError } from './types.ts';
import { UnionFs } from './union.ts';

const enc = (s: string) => new TextEncoder().encode(s);

function world() {
  const fs = new UnionFs([new LayerTree()], { clock: { now: () => 0 } });
  for (const d of ['/etc', '/tmp', '/root', '/home', '/home/app', '/bin']) fs.mkdir(d);
  fs.chmod('/tmp', 0o1777);
  fs.chmod('/root', 0o700);
  fs.chown('/home/app', 1000, 1000);
  fs.writeFile('/etc/passwd', enc('root:x:0:0:root:/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\nnobody:x:65534:65534:nobody:/home:/bin/false\n'));
  fs.writeFile('/etc/group', enc('root:x:0:\nwheel:x:10:root\nusers:x:100:app\napp:x:1000:\nnogroup:x:65534:\n'));
  fs.writeFile('/etc/secret', enc('s'), { mode: 0o600 });
  return fs;
}

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof FsError ? e.code : String(e);
  }
  return 'ok';
};

describe('resolveUser (libcontainer GetExecUser)', () => {
  const fs = world();
  it('names, uids, groups and HOME', () => {
    expect(resolveUser(fs, '')).toEqual({ uid: 0, gid: 0, groups: [0, 10], name: 'root', home: '/root' });
    expect(resolveUser(fs, 'app')).toEqual({ uid: 1000, gid: 1000, groups: [1000, 100], name: 'app', home: '/home/app' });
    expect(resolveUser(fs, '1234')).toEqual({ uid: 1234, gid: 0, groups: [0], name: null, home: '/' });
    expect(resolveUser(fs, 'app:users')).toMatchObject({ uid: 1000, gid: 100, groups: [100] });
    expect(resolveUser(fs, '0:100')).toMatchObject({ uid: 0, gid: 100, groups: [100] });
  });
  it('refuses names the files do not know, as the daemon says', () => {
    expect(() => resolveUser(fs, 'nosuch')).toThrow('unable to find user nosuch: no matching entries in passwd file');
    expect(() => resolveUser(fs, 'root:nogrp')).toThrow('unable to find group nogrp: no matching entries in group file');
  });
});

describe('guardFs', () => {
  it('gives root the file system itself', () => {
    const fs = world();
    expect(guardFs(fs, { cred: resolveUser(fs, 'root') })).toBe(fs);
  });

  it('checks owner, group and other bits for a user', () => {
    const fs = world();
    const g = guardFs(fs, { cred: resolveUser(fs, 'nobody') });
    expect(code(() => g.readFile('/etc/passwd'))).toBe('ok');
    expect(code(() => g.readFile('/etc/secret'))).toBe('EACCES');
    expect(code(() => g.readdir('/root'))).toBe('EACCES');
    expect(code(() => g.writeFile('/etc/x', enc('x')))).toBe('EACCES');
    expect(code(() => g.writeFile('/etc/passwd', enc('x')))).toBe('EACCES');
    expect(code(() => g.mkdir('/newdir'))).toBe('EACCES');
    expect(code(() => g.rm('/etc/passwd'))).toBe('EACCES');
    expect(code(() => g.chmod('/etc/passwd', 0o777))).toBe('EPERM');
    expect(code(() => g.utimes('/etc/passwd', 1))).toBe('EACCES');
  });

  it('owns what it creates, and the sticky bit guards others\' files in /tmp', () => {
    const fs = world();
    const app = guardFs(fs, { cred: resolveUser(fs, 'app') });
    app.writeFile('/tmp/mine', enc('1'));
    expect(fs.stat('/tmp/mine')).toMatchObject({ uid: 1000, gid: 1000 });
    app.writeFile('/tmp/mine', enc('2'));
    app.chmod('/tmp/mine', 0o666);
    app.mkdir('/home/app/a/b', { recursive: true });
    expect(fs.stat('/home/app/a')).toMatchObject({ uid: 1000 });
    const other = guardFs(fs, { cred: resolveUser(fs, 'nobody') });
    expect(code(() => other.writeFile('/tmp/mine', enc('3')))).toBe('ok');
    expect(code(() => other.rm('/tmp/mine'))).toBe('EPERM');
    expect(code(() => app.rm('/tmp/mine'))).toBe('ok');
  });

  it('makes a read-only root refuse writes except where allowed', () => {
    const fs = world();
    const ro = guardFs(fs, { cred: resolveUser(fs, 'root'), readOnly: (p) => p !== '/etc/hostname' });
    expect(code(() => ro.writeFile('/tmp/f', enc('x')))).toBe('EROFS');
    expect(code(() => ro.mkdir('/tmp/d'))).toBe('EROFS');
    expect(code(() => ro.rm('/etc/passwd'))).toBe('EROFS');
    expect(code(() => ro.writeFile('/etc/hostname', enc('h\n')))).toBe('ok');
    expect(code(() => ro.readFile('/etc/secret'))).toBe('ok');
  });
});
