// apt-get on ubuntu:24.04 (noble, apt 2.7.14). apt 2.7 still prints the
// apt 2.6 layout ("The following NEW packages will be installed:"); the
// "Installing:"/"Summary:" blocks came with apt 2.9 (Ubuntu 24.10). The
// curl golden follows logs of ubuntu:24.04 installs:
// https://github.com/curl/curl/issues/14154 (plan, 21 packages, unpack
// order, "(Reading database ... 4371 files") and
// https://github.com/wazuh/wazuh/pull/31866 (the mid-2025 versions);
// update's InRelease sizes as in https://github.com/wazuh/wazuh/issues/30869.
import { describe, expect, it } from 'vitest';
import type { UnionFs } from '../../../fs/union.ts';
import { testHost } from '../../../../node/test-host.ts';
import { packagePrograms } from './index.ts';
import { containerFs, runProgram } from './testing.ts';

const P = packagePrograms();
const run = (fs: UnionFs, argv: string[]) => runProgram(P.get(argv[0]!)!, argv, fs);

const NOBLE_UPDATE_HEAD = `Get:1 http://archive.ubuntu.com/ubuntu noble InRelease [256 kB]
Get:2 http://security.ubuntu.com/ubuntu noble-security InRelease [126 kB]
Get:3 http://archive.ubuntu.com/ubuntu noble-updates InRelease [126 kB]
Get:4 http://archive.ubuntu.com/ubuntu noble-backports InRelease [126 kB]
`;

const NOBLE_CURL_PLAN = `Reading package lists...
Building dependency tree...
The following additional packages will be installed:
  ca-certificates krb5-locales libbrotli1 libcurl4t64 libgssapi-krb5-2
  libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap-common libldap2
  libnghttp2-14 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules
  libsasl2-modules-db libssh-4 openssl publicsuffix
Suggested packages:
  krb5-doc krb5-user libsasl2-modules-gssapi-mit
  | libsasl2-modules-gssapi-heimdal libsasl2-modules-ldap libsasl2-modules-otp
  libsasl2-modules-sql
The following NEW packages will be installed:
  ca-certificates curl krb5-locales libbrotli1 libcurl4t64 libgssapi-krb5-2
  libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libldap-common libldap2
  libnghttp2-14 libpsl5t64 librtmp1 libsasl2-2 libsasl2-modules
  libsasl2-modules-db libssh-4 openssl publicsuffix
0 upgraded, 21 newly installed, 0 to remove and 0 not upgraded.
`;

describe('apt-get on ubuntu:24.04 (noble)', () => {
  it('update fetches noble, -security, -updates and -backports, every component', async () => {
    const fs = containerFs('ubuntu:24.04');
    const r = await run(fs, ['apt-get', 'update']);
    expect(r.status).toBe(0);
    expect(r.out.startsWith(NOBLE_UPDATE_HEAD)).toBe(true);
    for (const line of ['http://archive.ubuntu.com/ubuntu noble/main amd64 Packages [1808 kB]', 'http://archive.ubuntu.com/ubuntu noble/universe amd64 Packages [19.3 MB]', 'http://security.ubuntu.com/ubuntu noble-security/main amd64 Packages']) {
      expect(r.out).toContain(line);
    }
    expect(r.out.match(/^Get:\d+ /gm)).toHaveLength(18);
    expect(r.out).toMatch(/\nFetched 31\.3 MB in \ds \(\d+ kB\/s\)\nReading package lists\.\.\.\n$/);
    expect(fs.readdir('/var/lib/apt/lists')).toContain('archive.ubuntu.com_ubuntu_dists_noble_InRelease');
    // a second update hits the four InRelease files
    expect((await run(fs, ['apt-get', 'update'])).out).toBe(
      'Hit:1 http://archive.ubuntu.com/ubuntu noble InRelease\nHit:2 http://security.ubuntu.com/ubuntu noble-security InRelease\nHit:3 http://archive.ubuntu.com/ubuntu noble-updates InRelease\nHit:4 http://archive.ubuntu.com/ubuntu noble-backports InRelease\nReading package lists...\n',
    );
  });

  it('install curl: the 21 packages of the logged plan, in apt order, from noble and noble-updates', async () => {
    const fs = containerFs('ubuntu:24.04');
    await run(fs, ['apt-get', 'update']);
    const r = await run(fs, ['apt-get', 'install', '-y', 'curl']);
    expect(r.status).toBe(0);
    expect(r.out.startsWith(NOBLE_CURL_PLAN)).toBe(true);
    expect(r.out).toContain('\nGet:1 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 openssl amd64 3.0.13-0ubuntu3.5 [1003 kB]\nGet:2 http://archive.ubuntu.com/ubuntu noble/main amd64 ca-certificates all 20240203 [159 kB]\n');
    expect(r.out).toContain('Get:6 http://archive.ubuntu.com/ubuntu noble/main amd64 libkeyutils1 amd64 1.6.3-3build1 [9490 B]\n');
    expect(r.out).toContain('Get:21 http://archive.ubuntu.com/ubuntu noble-updates/main amd64 libsasl2-modules amd64 2.1.28+dfsg1-5ubuntu3.1 [69.9 kB]\n');
    expect(r.err).toBe('debconf: delaying package configuration, since apt-utils is not installed\n');
    expect(r.out).toContain('Selecting previously unselected package openssl.\n(Reading database ... 4371 files and directories currently installed.)\nPreparing to unpack .../00-openssl_3.0.13-0ubuntu3.5_amd64.deb ...\n');
    expect(r.out).toContain('Setting up curl (8.5.0-2ubuntu10.6) ...\nProcessing triggers for libc-bin (2.39-0ubuntu8.5) ...\n');
    expect(fs.stat('/usr/bin/curl').type).toBe('file');
    const l = await run(fs, ['dpkg', '-l']);
    expect(l.out).toMatch(/\nii {2}curl +8\.5\.0-2ubuntu10\.6 +amd64 +command line tool/);
    // the image's own packages are in dpkg's database
    expect(l.out).toMatch(/\nii {2}libc6:amd64 +2\.39-0ubuntu8\.5 +amd64 /);
  });

  it('the image already has procps; an unknown package is not found', async () => {
    const fs = containerFs('ubuntu:24.04');
    await run(fs, ['apt-get', 'update']);
    expect((await run(fs, ['apt-get', 'install', '-y', 'procps'])).out).toContain('procps is already the newest version (2:4.0.4-4ubuntu3.2).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
    const r = await run(fs, ['apt-get', 'install', '-y', 'nosuchpackage']);
    expect(r.status).toBe(100);
    expect(r.err).toBe('E: Unable to locate package nosuchpackage\n');
  });

  it('before update nothing is known; services do not start in the container', async () => {
    const fs = containerFs('ubuntu:24.04');
    const r = await run(fs, ['apt-get', 'install', '-y', 'nginx']);
    expect(r.err).toBe('E: Unable to locate package nginx\n');
    await run(fs, ['apt-get', 'update']);
    const n = await run(fs, ['apt-get', 'install', '-y', 'nginx']);
    expect(n.out).toContain('Setting up nginx (1.24.0-2ubuntu7.4) ...\ninvoke-rc.d: could not determine current runlevel\ninvoke-rc.d: policy-rc.d denied execution of start.\n');
  });

  it('docker run ubuntu apt-get: docker diff lists what it installed', { timeout: 120_000 }, async () => {
    const { sh } = await testHost();
    await sh('docker pull -q ubuntu');
    const r = await sh(`docker run --name nb ubuntu sh -c 'apt-get update && apt-get install -y curl && curl --version | head -1'`);
    expect(r.status).toBe(0);
    expect(r.out).toContain('Setting up curl (8.5.0-2ubuntu10.6) ...\n');
    const diff = (await sh('docker diff nb')).out.split('\n');
    for (const line of ['A /usr/bin/curl', 'A /var/lib/dpkg/status', 'A /var/lib/dpkg/info/curl.list', 'A /var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_noble_InRelease']) expect(diff).toContain(line);
  });
});
