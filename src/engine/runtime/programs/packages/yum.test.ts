// yum/dnf, rpm and wget on CentOS roots. Expected output follows yum 3.4.3
// and dnf 4.7 as their sources print it (yum/output.py: "Transaction
// Summary", "Install  1 Package (+4 Dependent packages)", format_number;
// dnf/cli/output.py; "No package %s available." / "Error: Nothing to do";
// dnf's "No match for argument" / "Error: Unable to find a match") and the
// CentOS 8 end-of-life error every CentOS 8 build printed from February
// 2022 (e.g. https://github.com/CentOS/sig-cloud-instance-images/issues/187).
import { describe, expect, it } from 'vitest';
import type { UnionFs } from '../../../fs/union.ts';
import type { EntryRecipe } from '../../../registry/catalogue/recipe.ts';
import { packagePrograms } from './index.ts';
import { yumSize } from './yum.ts';
import { containerFs, runProgram } from './testing.ts';

function centos(major: 7 | 8): UnionFs {
  const entries: EntryRecipe[] = [
    { type: 'text', path: '/etc/os-release', text: `NAME="CentOS Linux"\nVERSION="${major}"\nID="centos"\nID_LIKE="rhel fedora"\nVERSION_ID="${major}"\n` },
    { type: 'text', path: '/etc/centos-release', text: major === 7 ? 'CentOS Linux release 7.9.2009 (Core)\n' : 'CentOS Linux release 8.4.2105\n' },
    { type: 'dir', path: '/root' },
    { type: 'dir', path: '/var/lib/rpm' },
  ];
  return containerFs(entries);
}

const dec = new TextDecoder();

function programs(asToday = false) {
  const p = packagePrograms({ sourcesAsToday: () => asToday });
  return (fs: UnionFs, argv: string[], o: { input?: string; cwd?: string } = {}) => runProgram(p.get(argv[0]!)!, argv, fs, o);
}

describe('yum on CentOS 7', () => {
  it("format_number: 547 k, 2.0 M, 25 M", () => {
    expect(yumSize(560_456)).toBe('547 k');
    expect(yumSize(2_055_446)).toBe('2.0 M');
    expect(yumSize(26_000_000)).toBe('25 M');
  });

  it('install -y wget: metadata, the transaction table, key import, Installing/Verifying, Complete!; the files and rpm database', async () => {
    const run = programs();
    const fs = centos(7);
    const r = await run(fs, ['yum', 'install', '-y', 'wget']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Loaded plugins: fastestmirror, ovl\nDetermining fastest mirrors\n/);
    expect(r.out).toContain('base                                                     | 3.6 kB  00:00:00     \n');
    expect(r.out).toContain(
      'Resolving Dependencies\n--> Running transaction check\n---> Package wget.x86_64 0:1.14-18.el7_6.1 will be installed\n--> Finished Dependency Resolution\n\nDependencies Resolved\n\n' +
        '================================================================================\n' +
        ' Package         Arch           Version                 Repository         Size\n' +
        '================================================================================\n' +
        'Installing:\n' +
        ' wget            x86_64         1.14-18.el7_6.1         base              547 k\n\n' +
        'Transaction Summary\n================================================================================\nInstall  1 Package\n\nTotal download size: 547 k\nInstalled size: 2.0 M\nDownloading packages:\n',
    );
    expect(r.out).toContain('Importing GPG key 0xF4A80EB5:\n Userid     : "CentOS-7 Key (CentOS 7 Official Signing Key) <security@centos.org>"\n');
    expect(r.out).toContain('  Installing : wget-1.14-18.el7_6.1.x86_64                                  1/1 \n');
    expect(r.out).toMatch(/\nInstalled:\n  wget\.x86_64 0:1\.14-18\.el7_6\.1\n\nComplete!\n$/);
    expect(r.err).toBe('warning: /var/cache/yum/x86_64/7/base/packages/wget-1.14-18.el7_6.1.x86_64.rpm: Header V3 RSA/SHA256 Signature, key ID f4a80eb5: NOKEY\n');
    expect(fs.stat('/usr/bin/wget').mode & 0o111).toBeTruthy();
    expect((await run(fs, ['rpm', '-q', 'wget'])).out).toBe('wget-1.14-18.el7_6.1.x86_64\n');
    expect((await run(fs, ['rpm', '-qa'])).out).toBe('gpg-pubkey-f4a80eb5-53a7ff4b\nwget-1.14-18.el7_6.1.x86_64\n');
    expect(await run(fs, ['rpm', '-q', 'nosuch'])).toMatchObject({ out: 'package nosuch is not installed\n', status: 1 });
    expect((await run(fs, ['rpm', '-ql', 'wget'])).out).toContain('/usr/bin/wget\n');
    expect(await run(fs, ['rpm', '-Va', '--nofiles', '--nodigest'])).toMatchObject({ all: '', status: 0 });
    expect(await run(fs, ['rpm', '-e', 'wget'])).toMatchObject({ all: '', status: 0 });
    expect(fs.exists('/usr/bin/wget')).toBe(false);
    expect(await run(fs, ['rpm', '-e', 'wget'])).toMatchObject({ err: 'error: package wget is not installed\n', status: 1 });
    expect((await run(fs, ['rpm', '-qa'])).out).toBe('gpg-pubkey-f4a80eb5-53a7ff4b\n');
  });

  it('vim resolves to vim-enhanced with its dependencies', async () => {
    const r = await programs()(centos(7), ['yum', 'install', '-y', 'vim']);
    expect(r.out).toContain('---> Package vim-enhanced.x86_64 2:7.4.629-8.el7_9 will be installed\n');
    expect(r.out).toContain('Installing for dependencies:\n');
    expect(r.out).toContain('Install  1 Package (+4 Dependent packages)\n');
  });

  it('an unknown package: No package ... available. / Error: Nothing to do (exit 1)', async () => {
    const r = await programs()(centos(7), ['yum', 'install', '-y', 'nosuch']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/No package nosuch available\.\n$/);
    expect(r.err).toBe('Error: Nothing to do\n');
  });

  it('without -y and no answer: Exiting on user command', async () => {
    const r = await programs()(centos(7), ['yum', 'install', 'wget']);
    expect(r.status).toBe(1);
    expect(r.out).toMatch(/Is this ok \[y\/d\/N\]: Exiting on user command\nYour transaction was saved, rerun it with:\n yum load-transaction \/tmp\/yum_save_tx\.\S+\.yumtx\n$/);
  });

  it('the seeds: wget the EPEL 6 release package, rpm -ivh it, yum install nginx --skip-broken from epel', async () => {
    const run = programs();
    const fs = centos(7);
    expect((await run(fs, ['yum', 'install', '-y', 'nginx'])).out).toContain('No package nginx available.\n');
    await run(fs, ['yum', 'install', '-y', 'wget']);
    const w = await run(fs, ['wget', 'http://dl.fedoraproject.org/pub/epel/6/x86_64/epel-release-6-8.noarch.rpm'], { cwd: '/root' });
    expect(w.status).toBe(0);
    expect(w.err).toContain("HTTP request sent, awaiting response... 200 OK\nLength: 14540 (14K) [application/x-rpm]\nSaving to: 'epel-release-6-8.noarch.rpm'\n");
    expect(fs.stat('/root/epel-release-6-8.noarch.rpm').size).toBe(14_540);
    const i = await run(fs, ['rpm', '-ivh', 'epel-release-6-8.noarch.rpm'], { cwd: '/root' });
    expect(i).toMatchObject({
      out: 'Preparing...                          ################################# [100%]\nUpdating / installing...\n   1:epel-release-6-8                 ################################# [100%]\n',
      err: 'warning: epel-release-6-8.noarch.rpm: Header V3 RSA/SHA256 Signature, key ID 0608b895: NOKEY\n',
      status: 0,
    });
    expect(dec.decode(fs.readFile('/etc/yum.repos.d/epel.repo'))).toContain('name=Extra Packages for Enterprise Linux 6 - $basearch\n');
    expect((await run(fs, ['rpm', '-ivh', 'epel-release-6-8.noarch.rpm'], { cwd: '/root' })).err).toContain('\tpackage epel-release-6-8.noarch is already installed\n');
    const n = await run(fs, ['yum', 'install', '-y', 'nginx', '--skip-broken']);
    expect(n.status).toBe(0);
    expect(n.out).toContain(' nginx                   x86_64       1.10.3-1.el6       epel             475 k\n');
    expect(fs.exists('/usr/sbin/nginx')).toBe(true);
    expect(await run(fs, ['rpm', '-ivh', 'nosuch.rpm'], { cwd: '/root' })).toMatchObject({ err: 'error: open of nosuch.rpm failed: No such file or directory\n', status: 1 });
  });

  it('today the EPEL 6 URL answers 404 (wget exits 8)', async () => {
    const fs = centos(7);
    const w = await programs(true)(fs, ['wget', 'http://dl.fedoraproject.org/pub/epel/6/x86_64/epel-release-6-8.noarch.rpm'], { cwd: '/root' });
    expect(w.status).toBe(8);
    expect(w.err).toMatch(/HTTP request sent, awaiting response\.\.\. 404 Not Found\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d ERROR 404: Not Found\.\n\n$/);
    expect(fs.exists('/root/epel-release-6-8.noarch.rpm')).toBe(false);
  });

  it('wget of a host the container cannot resolve', async () => {
    const w = await programs()(centos(7), ['wget', 'http://example.com/x']);
    expect(w).toMatchObject({ status: 4 });
    expect(w.err).toContain("Resolving example.com (example.com)... failed: Name or service not known.\nwget: unable to resolve host address 'example.com'\n");
  });
});

describe('yum (dnf) on CentOS 8', () => {
  it('install -y vim: repositories, "Dependencies resolved.", the table, Complete!', async () => {
    const fs = centos(8);
    const r = await programs()(fs, ['yum', 'install', '-y', 'vim']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^CentOS Linux 8 - AppStream {22}9\.4 MB\/s \| 8\.4 MB {5}00:00 {4}\n/);
    expect(r.out).toContain('Dependencies resolved.\n');
    expect(r.out).toContain('Installing:\n vim-enhanced ');
    expect(r.out).toContain('Installing dependencies:\n');
    expect(r.out).toContain('Install  5 Packages\n');
    expect(r.out).toContain('Key imported successfully\n');
    expect(r.out).toMatch(/\nComplete!\n$/);
    expect(fs.exists('/usr/bin/vim')).toBe(true);
  });

  it('an unknown package: No match for argument / Error: Unable to find a match (exit 1)', async () => {
    const fs = centos(8);
    const run = programs();
    await run(fs, ['yum', 'install', '-y', 'which']);
    const r = await run(fs, ['yum', 'install', '-y', 'nosuch']);
    expect(r).toMatchObject({ status: 1, err: 'Error: Unable to find a match: nosuch\n' });
    expect(r.out).toMatch(/^Last metadata expiration check: 0:00:\d\d ago on \w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4}\.\nNo match for argument: nosuch\n$/);
  });

  it("today CentOS 8's mirrors are gone: Failed to download metadata for repo 'appstream'", async () => {
    const fs = centos(8);
    const r = await programs(true)(fs, ['yum', 'install', '-y', 'vim']);
    expect(r).toMatchObject({
      status: 1,
      out: 'CentOS Linux 8 - AppStream                       70  B/s |  38  B     00:00    \n',
      err: "Error: Failed to download metadata for repo 'appstream': Cannot prepare internal mirrorlist: No URLs in mirrorlist\n",
    });
    expect(fs.exists('/usr/bin/vim')).toBe(false);
  });
});
