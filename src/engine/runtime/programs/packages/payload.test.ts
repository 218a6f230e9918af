// Every package's files add up to its real installed size.
import { describe, expect, it } from 'vitest';
import { debArchive } from './deb-archive.ts';
import { debFiles } from './deb-files.ts';
import { layout, totalBytes } from './payload.ts';

describe('package payloads', () => {
  it('layout: fixed files, docs and generated data make up exactly the installed size', () => {
    const files = layout(100_000, [{ path: '/usr/bin/x' }, { path: '/etc/x.conf', text: 'a=1\n' }], '/usr/share/doc/x', '/usr/share/x');
    expect(totalBytes(files)).toBe(100_000);
    expect(files.find((f) => f.path === '/usr/bin/x')).toMatchObject({ mode: 0o755 });
    expect(files.map((f) => f.path)).toContain('/usr/share/doc/x/copyright');
  });

  for (const codename of ['bookworm', 'trusty']) {
    it(`${codename}: every package's files sum to its Installed-Size`, () => {
      const a = debArchive(codename)!;
      for (const p of a.packages.values()) {
        const { files } = debFiles(p, codename === 'trusty' ? 'Ubuntu' : 'Debian');
        expect([p.name, totalBytes(files)]).toEqual([p.name, p.installedKB * 1024]);
      }
    });
  }
});
