// apt-get on the Ubuntu images between trusty and noble, one suite run for
// each release: update fetches the release's four InRelease files and
// every component, install curl follows the logged plan over the image's
// dpkg database, an unknown package is not found. jammy (apt 2.4) prints
// the layout of apt 2.6 on bookworm; its curl plan, unpack order and
// "(Reading database ... 4395 files" as logged on ubuntu:22.04 in 2022
// (newer versions). focal (apt 2.0) prints the same layout; its curl pulls
// both Kerberos stacks (MIT for libcurl4, Heimdal for OpenLDAP): 32 packages;
// bionic (apt 1.6) the same, without brotli and libssh: 30.
import { describe, expect, it } from 'vitest';
import type { UnionFs } from '../../../fs/union.ts';
import { packagePrograms } from './index.ts';
import { containerFs, runProgram } from './testing.ts';

const P = packagePrograms();
const run = (fs: UnionFs, argv: string[]) => runProgram(P.get(argv[0]!)!, argv, fs);

interface Release {
  image: string;
  codename: string;
  /** The InRelease lines, in apt's order. */
  inRelease: string[];
  /** A Packages line of the update, and its total. */
  packagesLine: string;
  fetched: string;
  /** Lines `apt-get install -y curl` prints, from its start, and its first Get lines. */
  curlPlan: string;
  curlGets: string;
  database: number;
  curlVersion: string;
  libc: string;
}

const RELEASES: Release[] = [
  {
    image: 'ubuntu:22.04',
    codename: 'jammy',
    inRelease: ['http://archive.ubuntu.com/ubuntu jammy InRelease [270 kB]', 'http://security.ubuntu.com/ubuntu jammy-security InRelease [129 kB]', 'http://archive.ubuntu.com/ubuntu jammy-updates InRelease [128 kB]', 'http://archive.ubuntu.com/ubuntu jammy-backports InRelease [127 kB]'],
    packagesLine: 'http://archive.ubuntu.com/ubuntu jammy/main amd64 Packages [1792 kB]',
    fetched: '38.8 MB',
    curlPlan: `Reading package lists...
Building dependency tree...
The following additional packages will be installed:
  ca-certificates libbrotli1 libcurl4 libldap-2.5-0 libldap-common
  libnghttp2-14 libpsl5 librtmp1 libsasl2-2 libsasl2-modules
  libsasl2-modules-db libssh-4 openssl publicsuffix
Suggested packages:
  libsasl2-modules-gssapi-mit | libsasl2-modules-gssapi-heimdal
  libsasl2-modules-ldap libsasl2-modules-otp libsasl2-modules-sql
The following NEW packages will be installed:
  ca-certificates curl libbrotli1 libcurl4 libldap-2.5-0 libldap-common
  libnghttp2-14 libpsl5 librtmp1 libsasl2-2 libsasl2-modules
  libsasl2-modules-db libssh-4 openssl publicsuffix
0 upgraded, 15 newly installed, 0 to remove and 0 not upgraded.
`,
    curlGets: `Get:1 http://archive.ubuntu.com/ubuntu jammy-updates/main amd64 openssl amd64 3.0.2-0ubuntu1.19 [1186 kB]
Get:2 http://archive.ubuntu.com/ubuntu jammy-updates/main amd64 ca-certificates all 20240203~22.04.1 [162 kB]
Get:3 http://archive.ubuntu.com/ubuntu jammy-updates/main amd64 libnghttp2-14 amd64 1.43.0-1ubuntu0.2 [76.6 kB]
Get:4 http://archive.ubuntu.com/ubuntu jammy/main amd64 libpsl5 amd64 0.21.0-1.2build2 [58.4 kB]
`,
    database: 4395,
    curlVersion: '7.81.0-1ubuntu1.20',
    libc: '2.35-0ubuntu3.10',
  },
  {
    image: 'ubuntu:20.04',
    codename: 'focal',
    inRelease: ['http://security.ubuntu.com/ubuntu focal-security InRelease [128 kB]', 'http://archive.ubuntu.com/ubuntu focal InRelease [265 kB]', 'http://archive.ubuntu.com/ubuntu focal-updates InRelease [128 kB]', 'http://archive.ubuntu.com/ubuntu focal-backports InRelease [128 kB]'],
    packagesLine: 'http://archive.ubuntu.com/ubuntu focal/main amd64 Packages [1275 kB]',
    fetched: '34.5 MB',
    curlPlan: `Reading package lists...
Building dependency tree...
The following additional packages will be installed:
  ca-certificates krb5-locales libasn1-8-heimdal libbrotli1 libcurl4
  libgssapi-krb5-2 libgssapi3-heimdal libhcrypto4-heimdal libheimbase1-heimdal
  libheimntlm0-heimdal libhx509-5-heimdal libk5crypto3 libkeyutils1
  libkrb5-26-heimdal libkrb5-3 libkrb5support0 libldap-2.4-2 libldap-common
  libnghttp2-14 libpsl5 libroken18-heimdal librtmp1 libsasl2-2
  libsasl2-modules libsasl2-modules-db libsqlite3-0 libssh-4 libssl1.1
  libwind0-heimdal openssl publicsuffix
Suggested packages:
  krb5-doc krb5-user libsasl2-modules-gssapi-mit
  | libsasl2-modules-gssapi-heimdal libsasl2-modules-ldap libsasl2-modules-otp
  libsasl2-modules-sql sqlite3
`,
    curlGets: `Get:1 http://archive.ubuntu.com/ubuntu focal-updates/main amd64 libssl1.1 amd64 1.1.1f-1ubuntu2.24 [1321 kB]
Get:2 http://archive.ubuntu.com/ubuntu focal-updates/main amd64 openssl amd64 1.1.1f-1ubuntu2.24 [621 kB]
Get:3 http://archive.ubuntu.com/ubuntu focal-updates/main amd64 ca-certificates all 20240203~20.04.1 [159 kB]
Get:4 http://archive.ubuntu.com/ubuntu focal-updates/main amd64 krb5-locales all 1.17-6ubuntu4.7 [11.4 kB]
`,
    database: 4124,
    curlVersion: '7.68.0-1ubuntu2.25',
    libc: '2.31-0ubuntu9.17',
  },
  {
    image: 'ubuntu:18.04',
    codename: 'bionic',
    inRelease: ['http://security.ubuntu.com/ubuntu bionic-security InRelease [88.7 kB]', 'http://archive.ubuntu.com/ubuntu bionic InRelease [242 kB]', 'http://archive.ubuntu.com/ubuntu bionic-updates InRelease [88.7 kB]', 'http://archive.ubuntu.com/ubuntu bionic-backports InRelease [83.3 kB]'],
    packagesLine: 'http://archive.ubuntu.com/ubuntu bionic/main amd64 Packages [1344 kB]',
    fetched: '27.9 MB',
    curlPlan: `Reading package lists...
Building dependency tree...
The following additional packages will be installed:
  ca-certificates krb5-locales libasn1-8-heimdal libcurl4 libgssapi-krb5-2
  libgssapi3-heimdal libhcrypto4-heimdal libheimbase1-heimdal
  libheimntlm0-heimdal libhx509-5-heimdal libk5crypto3 libkeyutils1
  libkrb5-26-heimdal libkrb5-3 libkrb5support0 libldap-2.4-2 libldap-common
  libnghttp2-14 libpsl5 libroken18-heimdal librtmp1 libsasl2-2
  libsasl2-modules libsasl2-modules-db libsqlite3-0 libssl1.1 libwind0-heimdal
  openssl publicsuffix
Suggested packages:
  krb5-doc krb5-user libsasl2-modules-gssapi-mit
  | libsasl2-modules-gssapi-heimdal libsasl2-modules-ldap libsasl2-modules-otp
  libsasl2-modules-sql sqlite3
`,
    curlGets: `Get:1 http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 libssl1.1 amd64 1.1.1-1ubuntu2.1~18.04.23 [1301 kB]
Get:2 http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 openssl amd64 1.1.1-1ubuntu2.1~18.04.23 [614 kB]
Get:3 http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 ca-certificates all 20230311ubuntu0.18.04.1 [151 kB]
Get:4 http://archive.ubuntu.com/ubuntu bionic-updates/main amd64 krb5-locales all 1.16-2ubuntu0.4 [13.4 kB]
`,
    database: 4046,
    curlVersion: '7.58.0-2ubuntu3.24',
    libc: '2.27-3ubuntu1.6',
  },
];

describe.each(RELEASES)('apt-get on $image ($codename)', (r) => {
  it('update fetches the release, -security, -updates and -backports, every component; a second update hits', async () => {
    const fs = containerFs(r.image);
    const u = await run(fs, ['apt-get', 'update']);
    expect(u.status).toBe(0);
    expect(u.out.startsWith(r.inRelease.map((l, i) => `Get:${i + 1} ${l}\n`).join(''))).toBe(true);
    expect(u.out).toContain(r.packagesLine);
    expect(u.out.match(/^Get:\d+ /gm)).toHaveLength(18);
    expect(u.out).toMatch(new RegExp(`\\nFetched ${r.fetched.replace('.', '\\.')} in \\ds \\(\\d+ kB/s\\)\\nReading package lists\\.\\.\\.\\n$`));
    expect(fs.readdir('/var/lib/apt/lists')).toContain(`archive.ubuntu.com_ubuntu_dists_${r.codename}_InRelease`);
    const hit = r.inRelease.map((l, i) => `Hit:${i + 1} ${l.replace(/ \[.*\]$/, '')}\n`).join('');
    expect((await run(fs, ['apt-get', 'update'])).out).toBe(`${hit}Reading package lists...\n`);
  });

  it('install curl: the logged plan, in apt order, over the image dpkg database', async () => {
    const fs = containerFs(r.image);
    await run(fs, ['apt-get', 'update']);
    const i = await run(fs, ['apt-get', 'install', '-y', 'curl']);
    expect(i.status).toBe(0);
    expect(i.out.startsWith(r.curlPlan)).toBe(true);
    expect(i.out).toContain(`\n${r.curlGets}`);
    expect(i.out).toContain(`(Reading database ... ${r.database} files and directories currently installed.)\n`);
    expect(i.out).toContain(`Setting up curl (${r.curlVersion}) ...\nProcessing triggers for libc-bin (${r.libc}) ...\n`);
    expect(fs.stat('/usr/bin/curl').type).toBe('file');
    const l = await run(fs, ['dpkg', '-l']);
    expect(l.out).toMatch(new RegExp(`\\nii {2}libc6:amd64 +${r.libc.replace(/\./g, '\\.')} +amd64 `));
  });

  it('an unknown package is not found; services do not start in the container', async () => {
    const fs = containerFs(r.image);
    await run(fs, ['apt-get', 'update']);
    const u = await run(fs, ['apt-get', 'install', '-y', 'nosuchpackage']);
    expect(u.status).toBe(100);
    expect(u.err).toBe('E: Unable to locate package nosuchpackage\n');
    const n = await run(fs, ['apt-get', 'install', '-y', 'nginx']);
    expect(n.status).toBe(0);
    expect(n.out).toMatch(/\nSetting up nginx-core \(.*\) \.\.\.\ninvoke-rc\.d: could not determine current runlevel\ninvoke-rc\.d: policy-rc\.d denied execution of start\.\n/);
  });
});
