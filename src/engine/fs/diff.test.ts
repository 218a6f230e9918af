import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LayerTree, compareNames, utf8 } from '../layer/tree.ts';
import { containerChanges, formatChanges } from './diff.ts';
import type { Change } from './diff.ts';
import type { Stat } from './types.ts';
import { UnionFs } from './union.ts';

const T0 = 1778185513000;

/** The parts of the reference busybox image these tests touch, and Docker's init layer above it. */
function busybox(): LayerTree[] {
  const m = { mtime: T0 };
  const image = LayerTree.from([
    { type: 'dir', path: 'bin', ...m },
    { type: 'symlink', path: 'bin/[', target: 'busybox', ...m },
    { type: 'file', path: 'bin/busybox', size: 1982256, mode: 0o755, ...m },
    { type: 'symlink', path: 'bin/ls', target: 'busybox', ...m },
    { type: 'dir', path: 'etc', ...m },
    { type: 'file', path: 'etc/group', content: 'root:x:0:\n', ...m },
    { type: 'file', path: 'etc/passwd', content: 'root:x:0:0:root:/root:/bin/sh\n', ...m },
    { type: 'dir', path: 'home', ...m },
    { type: 'dir', path: 'root', mode: 0o700, ...m },
    { type: 'dir', path: 'tmp', mode: 0o1777, ...m },
    { type: 'dir', path: 'usr/sbin', ...m },
    { type: 'dir', path: 'var/spool/mail', ...m },
    { type: 'dir', path: 'var/www', ...m },
  ]);
  // What dockerd's init layer adds (hosts, hostname and resolv.conf are bind-mounted over).
  const init = LayerTree.from([
    { type: 'file', path: '.dockerenv', content: '', mode: 0o755, mtime: T0 + 1000 },
    { type: 'file', path: 'etc/hosts', content: '', mode: 0o755, mtime: T0 + 1000 },
    { type: 'file', path: 'etc/hostname', content: '', mode: 0o755, mtime: T0 + 1000 },
    { type: 'file', path: 'etc/resolv.conf', content: '', mode: 0o755, mtime: T0 + 1000 },
    { type: 'symlink', path: 'etc/mtab', target: '/proc/mounts', mtime: T0 + 1000 },
    { type: 'dir', path: 'dev', mtime: T0 + 1000 },
    { type: 'dir', path: 'proc', mtime: T0 + 1000 },
    { type: 'dir', path: 'sys', mtime: T0 + 1000 },
  ]);
  init.lookup('etc')!.mtime = T0 + 1000;
  return [init, image];
}

function run(ops: (fs: UnionFs) => void): { rw: LayerTree; lowers: LayerTree[]; lines: string[] } {
  const lowers = busybox();
  const rw = new LayerTree();
  let t = 1795442898_000;
  const fs = new UnionFs([rw, ...lowers], { clock: { now: () => (t += 7) } });
  ops(fs);
  return { rw, lowers, lines: containerChanges(rw, lowers).map((c) => `${c.kind} ${c.path}`) };
}

describe('docker diff', () => {
  it('is empty for an untouched container', () => {
    expect(run(() => {}).lines).toEqual([]);
  });

  it("lists the brief's example as Docker does", () => {
    // docker run busybox sh -c 'touch /tmp/a; rm /etc/group; mkdir /new'
    const { rw, lowers, lines } = run((fs) => {
      fs.writeFile('/tmp/a', new Uint8Array());
      fs.rm('/etc/group');
      fs.mkdir('/new');
    });
    expect(lines).toEqual(['C /etc', 'D /etc/group', 'A /new', 'C /tmp', 'A /tmp/a']);
    expect(formatChanges(containerChanges(rw, lowers))).toBe('C /etc\nD /etc/group\nA /new\nC /tmp\nA /tmp/a\n');
  });

  it('matches the reference dockerd on a mixed session', () => {
    // docker run busybox sh -c 'chmod 600 /etc/passwd; touch /etc/group; rm /bin/ls; mkdir /bin/ls; touch /bin/ls/x;
    //   rm -r /var; mkdir /usr/new; echo x > /usr/sbin-x; mkdir /etc-a; touch /root/.ash; rm -r /home; mkdir /home'
    // Docker printed (three runs, three orders, always this set):
    //   A /etc-a C /bin C /bin/ls A /bin/ls/x C /etc C /etc/group C /etc/passwd C /root A /root/.ash C /usr A /usr/new A /usr/sbin-x D /var
    const { lines } = run((fs) => {
      fs.chmod('/etc/passwd', 0o600);
      fs.utimes('/etc/group', 1795442899_000);
      fs.rm('/bin/ls');
      fs.mkdir('/bin/ls');
      fs.writeFile('/bin/ls/x', new Uint8Array());
      fs.rm('/var', { recursive: true });
      fs.mkdir('/usr/new');
      fs.writeFile('/usr/sbin-x', utf8('x\n'));
      fs.mkdir('/etc-a');
      fs.writeFile('/root/.ash', new Uint8Array());
      fs.rm('/home', { recursive: true });
      fs.mkdir('/home'); // same mode and owner as before, nothing inside: no change at all
    });
    expect(lines).toEqual([
      'C /bin',
      'C /bin/ls',
      'A /bin/ls/x',
      'C /etc',
      'C /etc/group',
      'C /etc/passwd',
      'A /etc-a', // Docker keeps a directory's subtree together: never between /etc and /etc/group
      'C /root',
      'A /root/.ash',
      'C /usr',
      'A /usr/new',
      'A /usr/sbin-x',
      'D /var', // only the top of a deleted tree
    ]);
  });

  it('lists deletions after the entries a directory still has (Docker appends them last)', () => {
    // docker run busybox sh -c 'rm /etc/group /etc/passwd; rm -r /var/spool; mkdir /var/spool; touch /var/spool/x;
    //   mkdir -p /a/b; echo hi > /a/b/c; ln /a/b/c /a/hard; ln -s /etc/shadow /a/sym; chmod 4755 /a/b/c; rm /bin/['
    // Docker: C /bin D /bin/[ A /a A /a/b A /a/b/c A /a/hard A /a/sym C /etc D /etc/passwd D /etc/group
    //         C /var C /var/spool A /var/spool/x D /var/spool/mail
    const { lines } = run((fs) => {
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
    });
    expect(lines).toEqual([
      'A /a',
      'A /a/b',
      'A /a/b/c',
      'A /a/hard',
      'A /a/sym',
      'C /bin',
      'D /bin/[',
      'C /etc',
      'D /etc/group',
      'D /etc/passwd',
      'C /var',
      'C /var/spool', // rm -r + mkdir: an opaque directory, listed as changed, not added
      'A /var/spool/x',
      'D /var/spool/mail',
    ]);
  });

  it('compares with the init layer, not the bare image', () => {
    // docker run busybox sh -c 'rm -r /etc; chown 5:5 /tmp' (hosts, hostname, resolv.conf are busy mounts and stay)
    // Docker: C /etc D /etc/passwd D /etc/group D /etc/mtab C /tmp
    const { lines } = run((fs) => {
      for (const f of ['group', 'mtab', 'passwd']) fs.rm(`/etc/${f}`);
      fs.chown('/tmp', 5, 5);
    });
    expect(lines).toEqual(['C /etc', 'D /etc/group', 'D /etc/mtab', 'D /etc/passwd', 'C /tmp']);
  });

  it('shows a rename as add + delete (files and whole directories)', () => {
    // docker run busybox sh -c 'mv /var/spool /var/spool2; mv /etc/passwd /etc/pw'
    // Docker: C /etc A /etc/pw D /etc/passwd C /var A /var/spool2 A /var/spool2/mail D /var/spool
    const { lines } = run((fs) => {
      fs.rename('/var/spool', '/var/spool2');
      fs.rename('/etc/passwd', '/etc/pw');
    });
    expect(lines).toEqual(['C /etc', 'A /etc/pw', 'D /etc/passwd', 'C /var', 'A /var/spool2', 'A /var/spool2/mail', 'D /var/spool']);
  });

  it("ignores a directory's mtime and size, not a file's; a file turned directory is C with all inside A", () => {
    const { lines } = run((fs) => {
      fs.utimes('/var/www', 1); // directory mtime only
      fs.writeFile('/tmp/x', new Uint8Array()); // copies /tmp up...
      fs.rm('/tmp/x'); // ...and leaves nothing changed in it
      fs.rm('/etc/passwd');
      fs.mkdir('/etc/passwd');
      fs.mkdir('/etc/passwd/d');
      fs.writeFile('/etc/passwd/d/f', new Uint8Array());
    });
    expect(lines).toEqual(['C /etc', 'C /etc/passwd', 'A /etc/passwd/d', 'A /etc/passwd/d/f']);
  });

  it("compares mtimes to the second when one side has none (tar-extracted files)", () => {
    const { lines } = run((fs) => {
      fs.utimes('/etc/group', T0 + 999); // same second as the image's whole-second mtime: unchanged
      fs.utimes('/etc/passwd', T0 + 1000);
    });
    expect(lines).toEqual(['C /etc', 'C /etc/passwd']);
  });

  it("sorts by path on request", () => {
    const { rw, lowers } = run((fs) => {
      fs.mkdir('/etc-a');
      fs.rm('/etc/group');
    });
    expect(containerChanges(rw, lowers).map((c) => c.path)).toEqual(['/etc', '/etc/group', '/etc-a']);
    expect(containerChanges(rw, lowers, { order: 'path' }).map((c) => c.path)).toEqual(['/etc', '/etc-a', '/etc/group']);
  });
});

// ---------------------------------------------------------------- against moby's algorithm on whole trees

interface Info {
  stat: Stat | null;
  children: Map<string, Info>;
}

function collect(fs: UnionFs, path: string, stat: Stat | null): Info {
  const info: Info = { stat, children: new Map() };
  if (stat === null || stat.type === 'dir') {
    for (const name of fs.readdir(path)) {
      const p = (path === '/' ? '' : path) + '/' + name;
      info.children.set(name, collect(fs, p, fs.lstat(p)));
    }
  }
  return info;
}

/** moby's FileInfo.addChanges, over full walks of both views (no pruning), groups sorted by name. */
function naiveChanges(newRoot: Info, oldRoot: Info): Change[] {
  const out: Change[] = [];
  const statDifferent = (a: Stat, b: Stat) =>
    a.type !== b.type ||
    a.mode !== b.mode ||
    a.uid !== b.uid ||
    a.gid !== b.gid ||
    (a.type !== 'dir' &&
      (a.size !== b.size || !(a.mtime === b.mtime || (Math.floor(a.mtime / 1000) === Math.floor(b.mtime / 1000) && (a.mtime % 1000 === 0 || b.mtime % 1000 === 0)))));
  const add = (info: Info, old: Info | null, path: string, added: boolean): void => {
    const start = out.length;
    if (old === null) {
      out.push({ kind: 'A', path });
      added = true;
    }
    const isDir = info.stat === null || info.stat.type === 'dir';
    const oldChildren = new Map(old !== null && isDir ? old.children : []);
    for (const name of [...info.children.keys()].sort(compareNames)) {
      const child = info.children.get(name)!;
      const oldChild = oldChildren.get(name) ?? null;
      let childAdded = false;
      if (oldChild !== null) {
        if (statDifferent(oldChild.stat!, child.stat!)) {
          out.push({ kind: 'C', path: `${path}/${name}` });
          childAdded = true;
        }
        oldChildren.delete(name);
      }
      add(child, oldChild, `${path}/${name}`, childAdded);
    }
    for (const name of [...oldChildren.keys()].sort(compareNames)) out.push({ kind: 'D', path: `${path}/${name}` });
    if (out.length > start && isDir && !added && path !== '') out.splice(start, 0, { kind: 'C', path });
  };
  add(newRoot, oldRoot, '', false);
  return out;
}

describe('docker diff against moby on whole trees', () => {
  const names = ['/etc', '/etc/passwd', '/etc/group', '/etc/hosts', '/etc/new', '/var', '/var/spool', '/var/spool/mail', '/var/x', '/tmp/t', '/n', '/n/m', '/bin/ls'];
  const path = fc.constantFrom(...names);
  const op = fc.oneof(
    fc.record({ op: fc.constant('write'), p: path }),
    fc.record({ op: fc.constant('mkdir'), p: path }),
    fc.record({ op: fc.constant('rm'), p: path }),
    fc.record({ op: fc.constant('chmod'), p: path, mode: fc.constantFrom(0o600, 0o755) }),
    fc.record({ op: fc.constant('touch'), p: path, t: fc.constantFrom(T0, T0 + 500, T0 + 1000) }),
    fc.record({ op: fc.constant('rename'), p: path, q: path }),
  );

  it('gives the same changes, in the same order', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops) => {
        const lowers = busybox();
        const rw = new LayerTree();
        let t = 1795442898_000;
        const fs = new UnionFs([rw, ...lowers], { clock: { now: () => (t += 250) } });
        for (const o of ops) {
          try {
            if (o.op === 'write') fs.writeFile(o.p, utf8('data'), { append: true });
            else if (o.op === 'mkdir') fs.mkdir(o.p);
            else if (o.op === 'rm') fs.rm(o.p, { recursive: true });
            else if (o.op === 'chmod') fs.chmod(o.p, o.mode);
            else if (o.op === 'touch') fs.utimes(o.p, o.t);
            else fs.rename(o.p, o.q);
          } catch {
            // errors are fine: the state is what it is
          }
        }
        const below = new UnionFs(lowers, { clock: { now: () => 0 } });
        const want = naiveChanges(collect(fs, '/', null), collect(below, '/', null));
        expect(containerChanges(rw, lowers)).toEqual(want);
      }),
      { numRuns: 500 },
    );
  }, 60_000);
});
