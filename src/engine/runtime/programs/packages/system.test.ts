// Which distribution a root is, read as the tools read it, and files of a
// given size written into the container's read-write layer.
import { describe, expect, it } from 'vitest';
import { containerFs } from './testing.ts';
import { detectDistro, writeSized } from './system.ts';

const fsWith = (files: Record<string, string>) => containerFs(Object.entries(files).map(([path, text]) => ({ type: 'text' as const, path, text })));

describe('detectDistro', () => {
  it('names the family, release and codename from os-release, lsb-release and the release files', () => {
    // ubuntu:14.04's os-release has no codename field
    expect(detectDistro(fsWith({ '/etc/os-release': 'NAME="Ubuntu"\nVERSION="14.04.6 LTS, Trusty Tahr"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 14.04.6 LTS"\nVERSION_ID="14.04"\n' }))).toEqual({ family: 'debian', id: 'ubuntu', version: '14.04', codename: 'trusty' });
    expect(detectDistro(fsWith({ '/etc/os-release': 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nVERSION_ID="12"\nVERSION_CODENAME=bookworm\nID=debian\n' })).codename).toBe('bookworm');
    expect(detectDistro(fsWith({ '/etc/os-release': 'NAME="CentOS Linux"\nVERSION="7 (Core)"\nID="centos"\nVERSION_ID="7"\n', '/etc/centos-release': 'CentOS Linux release 7.9.2009 (Core)\n' }))).toMatchObject({ family: 'rpm', version: '7' });
    expect(detectDistro(fsWith({ '/etc/centos-release': 'CentOS release 6.10 (Final)\n' }))).toMatchObject({ family: 'rpm', version: '6' });
    expect(detectDistro(fsWith({ '/etc/alpine-release': '3.22.1\n', '/etc/os-release': 'ID=alpine\nVERSION_ID=3.22.1\n' }))).toMatchObject({ family: 'alpine', version: '3.22.1' });
    expect(detectDistro(fsWith({ '/etc/hostname': 'x\n' })).family).toBe('unknown');
  });
});

describe('writeSized', () => {
  it('creates a file of the declared size in the read-write layer, through symlinked directories, with generated content', () => {
    const fs = containerFs([{ type: 'dir', path: '/usr/bin' }, { type: 'symlink', path: '/bin', target: 'usr/bin' }]);
    const changes: string[] = [];
    fs.onChange((c) => changes.push(`${c.kind} ${c.path}`));
    writeSized(fs, '/bin/big', 40_000_000, 0o755);
    expect(fs.stat('/usr/bin/big')).toMatchObject({ type: 'file', size: 40_000_000, mode: 0o755 });
    expect(fs.layers[0]!.lookup('/usr/bin/big')!.generated).toBe(true);
    expect(changes).toContain('create /usr/bin/big');
    expect(fs.readFile('/usr/bin/big').length).toBe(40_000_000);
  });
});
