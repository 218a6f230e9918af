// apt-get and dpkg over a container's union file system.
// Bookworm goldens: recorded with apt 2.6.1 / dpkg 1.21.23 in a debootstrap
// (minbase) bookworm chroot, LANG=C, stdin </dev/null, December 2026.
// Trusty: apt 1.0 wording from logs of the time, e.g.
// https://github.com/ab77/netflix-proxy/issues/148.
import { describe, expect, it } from 'vitest';
import type { UnionFs } from '../../../fs/union.ts';
import { packagePrograms } from './index.ts';
import { containerFs, runProgram } from './testing.ts';
import { aptList, aptSize, aptTime } from './format.ts';

const P = packagePrograms();
const run = (fs: UnionFs, argv: string[], o: { input?: string; tty?: boolean } = {}) => runProgram(P.get(argv[0]!)!, argv, fs, o);
const dec = new TextDecoder();
const read = (fs: UnionFs, p: string) => dec.decode(fs.readFile(p));

const BOOKWORM_VIM_PLAN = `Reading package lists...
Building dependency tree...
The following additional packages will be installed:
  libgpm2 libsodium23 vim-common vim-runtime xxd
Suggested packages:
  gpm ctags vim-doc vim-scripts
The following NEW packages will be installed:
  libgpm2 libsodium23 vim vim-common vim-runtime xxd
0 upgraded, 6 newly installed, 0 to remove and 0 not upgraded.
Need to get 8980 kB of archives.
After this operation, 41.9 MB of additional disk space will be used.
`;

// apt-get install -y vim, recorded in a bookworm chroot (its "E: Can not write log" line, an artefact of
// the chroot, left out; the database count is debian:bookworm-slim's 6094 where the chroot had 6096)
const BOOKWORM_VIM_INSTALL = `Reading package lists...
Building dependency tree...
The following additional packages will be installed:
  libgpm2 libsodium23 vim-common vim-runtime xxd
Suggested packages:
  gpm ctags vim-doc vim-scripts
The following NEW packages will be installed:
  libgpm2 libsodium23 vim vim-common vim-runtime xxd
0 upgraded, 6 newly installed, 0 to remove and 0 not upgraded.
Need to get 8980 kB of archives.
After this operation, 41.9 MB of additional disk space will be used.
Get:1 http://deb.debian.org/debian bookworm/main amd64 vim-common all 2:9.0.1378-2+deb12u2 [125 kB]
Get:2 http://deb.debian.org/debian bookworm/main amd64 libgpm2 amd64 1.20.7-10+b1 [14.2 kB]
Get:3 http://deb.debian.org/debian bookworm/main amd64 libsodium23 amd64 1.0.18-1+deb12u1 [162 kB]
Get:4 http://deb.debian.org/debian bookworm/main amd64 vim-runtime all 2:9.0.1378-2+deb12u2 [7027 kB]
Get:5 http://deb.debian.org/debian bookworm/main amd64 vim amd64 2:9.0.1378-2+deb12u2 [1568 kB]
Get:6 http://deb.debian.org/debian bookworm/main amd64 xxd amd64 2:9.0.1378-2+deb12u2 [84.1 kB]
debconf: delaying package configuration, since apt-utils is not installed
Fetched 8980 kB in 1s (10.0 MB/s)
Selecting previously unselected package vim-common.
(Reading database ... 6094 files and directories currently installed.)
Preparing to unpack .../0-vim-common_2%3a9.0.1378-2+deb12u2_all.deb ...
Unpacking vim-common (2:9.0.1378-2+deb12u2) ...
Selecting previously unselected package libgpm2:amd64.
Preparing to unpack .../1-libgpm2_1.20.7-10+b1_amd64.deb ...
Unpacking libgpm2:amd64 (1.20.7-10+b1) ...
Selecting previously unselected package libsodium23:amd64.
Preparing to unpack .../2-libsodium23_1.0.18-1+deb12u1_amd64.deb ...
Unpacking libsodium23:amd64 (1.0.18-1+deb12u1) ...
Selecting previously unselected package vim-runtime.
Preparing to unpack .../3-vim-runtime_2%3a9.0.1378-2+deb12u2_all.deb ...
Adding 'diversion of /usr/share/vim/vim90/doc/help.txt to /usr/share/vim/vim90/doc/help.txt.vim-tiny by vim-runtime'
Adding 'diversion of /usr/share/vim/vim90/doc/tags to /usr/share/vim/vim90/doc/tags.vim-tiny by vim-runtime'
Unpacking vim-runtime (2:9.0.1378-2+deb12u2) ...
Selecting previously unselected package vim.
Preparing to unpack .../4-vim_2%3a9.0.1378-2+deb12u2_amd64.deb ...
Unpacking vim (2:9.0.1378-2+deb12u2) ...
Selecting previously unselected package xxd.
Preparing to unpack .../5-xxd_2%3a9.0.1378-2+deb12u2_amd64.deb ...
Unpacking xxd (2:9.0.1378-2+deb12u2) ...
Setting up libsodium23:amd64 (1.0.18-1+deb12u1) ...
Setting up libgpm2:amd64 (1.20.7-10+b1) ...
Setting up xxd (2:9.0.1378-2+deb12u2) ...
Setting up vim-common (2:9.0.1378-2+deb12u2) ...
Setting up vim-runtime (2:9.0.1378-2+deb12u2) ...
Setting up vim (2:9.0.1378-2+deb12u2) ...
update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/editor (editor) in auto mode
update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/ex (ex) in auto mode
update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/rview (rview) in auto mode
update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/rvim (rvim) in auto mode
update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/vi (vi) in auto mode
update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/view (view) in auto mode
update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/vim (vim) in auto mode
update-alternatives: using /usr/bin/vim.basic to provide /usr/bin/vimdiff (vimdiff) in auto mode
Processing triggers for libc-bin (2.36-9+deb12u14) ...
`;

// apt-get -q install -y wget, recorded the same way (-q changes nothing without a terminal); the chroot's
// "12 not upgraded", its database count and its extended_states' "Reading state information..." made the image's
const BOOKWORM_WGET_INSTALL = `Reading package lists...
Building dependency tree...
The following additional packages will be installed:
  ca-certificates libpsl5 libssl3 openssl publicsuffix
The following NEW packages will be installed:
  ca-certificates libpsl5 libssl3 openssl publicsuffix wget
0 upgraded, 6 newly installed, 0 to remove and 0 not upgraded.
Need to get 4765 kB of archives.
After this operation, 13.0 MB of additional disk space will be used.
Get:1 http://deb.debian.org/debian-security bookworm-security/main amd64 libssl3 amd64 3.0.22-1~deb12u2 [2040 kB]
Get:2 http://deb.debian.org/debian-security bookworm-security/main amd64 openssl amd64 3.0.22-1~deb12u2 [1442 kB]
Get:3 http://deb.debian.org/debian-security bookworm-security/main amd64 ca-certificates all 20250419~deb12u2 [161 kB]
Get:4 http://deb.debian.org/debian bookworm/main amd64 libpsl5 amd64 0.21.2-1 [58.7 kB]
Get:5 http://deb.debian.org/debian bookworm/main amd64 wget amd64 1.21.3-1+deb12u1 [937 kB]
Get:6 http://deb.debian.org/debian bookworm/main amd64 publicsuffix all 20230209.2326-1 [126 kB]
debconf: delaying package configuration, since apt-utils is not installed
Fetched 4765 kB in 1s (10.0 MB/s)
Selecting previously unselected package libssl3:amd64.
(Reading database ... 6094 files and directories currently installed.)
Preparing to unpack .../0-libssl3_3.0.22-1~deb12u2_amd64.deb ...
Unpacking libssl3:amd64 (3.0.22-1~deb12u2) ...
Selecting previously unselected package openssl.
Preparing to unpack .../1-openssl_3.0.22-1~deb12u2_amd64.deb ...
Unpacking openssl (3.0.22-1~deb12u2) ...
Selecting previously unselected package ca-certificates.
Preparing to unpack .../2-ca-certificates_20250419~deb12u2_all.deb ...
Unpacking ca-certificates (20250419~deb12u2) ...
Selecting previously unselected package libpsl5:amd64.
Preparing to unpack .../3-libpsl5_0.21.2-1_amd64.deb ...
Unpacking libpsl5:amd64 (0.21.2-1) ...
Selecting previously unselected package wget.
Preparing to unpack .../4-wget_1.21.3-1+deb12u1_amd64.deb ...
Unpacking wget (1.21.3-1+deb12u1) ...
Selecting previously unselected package publicsuffix.
Preparing to unpack .../5-publicsuffix_20230209.2326-1_all.deb ...
Unpacking publicsuffix (20230209.2326-1) ...
Setting up libpsl5:amd64 (0.21.2-1) ...
Setting up wget (1.21.3-1+deb12u1) ...
Setting up libssl3:amd64 (3.0.22-1~deb12u2) ...
Setting up openssl (3.0.22-1~deb12u2) ...
Setting up publicsuffix (20230209.2326-1) ...
Setting up ca-certificates (20250419~deb12u2) ...
Updating certificates in /etc/ssl/certs...
148 added, 0 removed; done.
Processing triggers for libc-bin (2.36-9+deb12u14) ...
Processing triggers for ca-certificates (20250419~deb12u2) ...
Updating certificates in /etc/ssl/certs...
0 added, 0 removed; done.
Running hooks in /etc/ca-certificates/update.d...
done.
`;

// Installs recorded in a bookworm chroot whose apt cache already held the .debs (so no Get lines, and
// unnumbered archive names) and whose extended_states existed: compared after setting those aside.
const RECORDED_INSTALLS: Record<string, string> = {
  // Pre-Depends split the run: dpkg sets up python3.11-minimal and its dependencies before python3-minimal is unpacked
  'python3': `Reading package lists...
Building dependency tree...
Reading state information...
The following additional packages will be installed:
  ca-certificates krb5-locales libexpat1 libgpm2 libgssapi-krb5-2 libk5crypto3
  libkeyutils1 libkrb5-3 libkrb5support0 libncursesw6 libnsl2
  libpython3-stdlib libpython3.11-minimal libpython3.11-stdlib libreadline8
  libsqlite3-0 libssl3 libtirpc-common libtirpc3 media-types openssl
  python3-minimal python3.11 python3.11-minimal readline-common
Suggested packages:
  gpm krb5-doc krb5-user python3-doc python3-tk python3-venv python3.11-venv
  python3.11-doc binutils binfmt-support readline-doc
The following NEW packages will be installed:
  ca-certificates krb5-locales libexpat1 libgpm2 libgssapi-krb5-2 libk5crypto3
  libkeyutils1 libkrb5-3 libkrb5support0 libncursesw6 libnsl2
  libpython3-stdlib libpython3.11-minimal libpython3.11-stdlib libreadline8
  libsqlite3-0 libssl3 libtirpc-common libtirpc3 media-types openssl python3
  python3-minimal python3.11 python3.11-minimal readline-common
0 upgraded, 26 newly installed, 0 to remove and 11 not upgraded.
Need to get 5585 kB/11.1 MB of archives.
After this operation, 36.6 MB of additional disk space will be used.
Get:1 http://deb.debian.org/debian-security bookworm-security/main amd64 libpython3.11-minimal amd64 3.11.2-6+deb12u9 [821 kB]
Get:2 http://deb.debian.org/debian-security bookworm-security/main amd64 python3.11-minimal amd64 3.11.2-6+deb12u9 [2055 kB]
Get:3 http://deb.debian.org/debian bookworm/main amd64 python3-minimal amd64 3.11.2-1+b1 [26.3 kB]
Get:4 http://deb.debian.org/debian bookworm/main amd64 libnsl2 amd64 1.3.0-2 [39.5 kB]
Get:5 http://deb.debian.org/debian bookworm/main amd64 readline-common all 8.2-1.3 [69.0 kB]
Get:6 http://deb.debian.org/debian bookworm/main amd64 libreadline8 amd64 8.2-1.3 [166 kB]
Get:7 http://deb.debian.org/debian-security bookworm-security/main amd64 libpython3.11-stdlib amd64 3.11.2-6+deb12u9 [1798 kB]
Get:8 http://deb.debian.org/debian-security bookworm-security/main amd64 python3.11 amd64 3.11.2-6+deb12u9 [575 kB]
Get:9 http://deb.debian.org/debian bookworm/main amd64 libpython3-stdlib amd64 3.11.2-1+b1 [9312 B]
Get:10 http://deb.debian.org/debian bookworm/main amd64 python3 amd64 3.11.2-1+b1 [26.3 kB]
debconf: delaying package configuration, since apt-utils is not installed
Fetched 5585 kB in 1s (9545 kB/s)
Selecting previously unselected package libssl3:amd64.
(Reading database ... 6096 files and directories currently installed.)
Preparing to unpack .../libssl3_3.0.22-1~deb12u2_amd64.deb ...
Unpacking libssl3:amd64 (3.0.22-1~deb12u2) ...
Selecting previously unselected package libpython3.11-minimal:amd64.
Preparing to unpack .../libpython3.11-minimal_3.11.2-6+deb12u9_amd64.deb ...
Unpacking libpython3.11-minimal:amd64 (3.11.2-6+deb12u9) ...
Selecting previously unselected package libexpat1:amd64.
Preparing to unpack .../libexpat1_2.5.0-1+deb12u5_amd64.deb ...
Unpacking libexpat1:amd64 (2.5.0-1+deb12u5) ...
Selecting previously unselected package python3.11-minimal.
Preparing to unpack .../python3.11-minimal_3.11.2-6+deb12u9_amd64.deb ...
Unpacking python3.11-minimal (3.11.2-6+deb12u9) ...
Setting up libssl3:amd64 (3.0.22-1~deb12u2) ...
Setting up libpython3.11-minimal:amd64 (3.11.2-6+deb12u9) ...
Setting up libexpat1:amd64 (2.5.0-1+deb12u5) ...
Setting up python3.11-minimal (3.11.2-6+deb12u9) ...
Selecting previously unselected package python3-minimal.
(Reading database ... 6424 files and directories currently installed.)
Preparing to unpack .../00-python3-minimal_3.11.2-1+b1_amd64.deb ...
Unpacking python3-minimal (3.11.2-1+b1) ...
Selecting previously unselected package media-types.
Preparing to unpack .../01-media-types_10.0.0_all.deb ...
Unpacking media-types (10.0.0) ...
Selecting previously unselected package libncursesw6:amd64.
Preparing to unpack .../02-libncursesw6_6.4-4_amd64.deb ...
Unpacking libncursesw6:amd64 (6.4-4) ...
Selecting previously unselected package libkrb5support0:amd64.
Preparing to unpack .../03-libkrb5support0_1.20.1-2+deb12u5_amd64.deb ...
Unpacking libkrb5support0:amd64 (1.20.1-2+deb12u5) ...
Selecting previously unselected package libk5crypto3:amd64.
Preparing to unpack .../04-libk5crypto3_1.20.1-2+deb12u5_amd64.deb ...
Unpacking libk5crypto3:amd64 (1.20.1-2+deb12u5) ...
Selecting previously unselected package libkeyutils1:amd64.
Preparing to unpack .../05-libkeyutils1_1.6.3-2_amd64.deb ...
Unpacking libkeyutils1:amd64 (1.6.3-2) ...
Selecting previously unselected package libkrb5-3:amd64.
Preparing to unpack .../06-libkrb5-3_1.20.1-2+deb12u5_amd64.deb ...
Unpacking libkrb5-3:amd64 (1.20.1-2+deb12u5) ...
Selecting previously unselected package libgssapi-krb5-2:amd64.
Preparing to unpack .../07-libgssapi-krb5-2_1.20.1-2+deb12u5_amd64.deb ...
Unpacking libgssapi-krb5-2:amd64 (1.20.1-2+deb12u5) ...
Selecting previously unselected package libtirpc-common.
Preparing to unpack .../08-libtirpc-common_1.3.3+ds-1_all.deb ...
Unpacking libtirpc-common (1.3.3+ds-1) ...
Selecting previously unselected package libtirpc3:amd64.
Preparing to unpack .../09-libtirpc3_1.3.3+ds-1_amd64.deb ...
Unpacking libtirpc3:amd64 (1.3.3+ds-1) ...
Selecting previously unselected package libnsl2:amd64.
Preparing to unpack .../10-libnsl2_1.3.0-2_amd64.deb ...
Unpacking libnsl2:amd64 (1.3.0-2) ...
Selecting previously unselected package readline-common.
Preparing to unpack .../11-readline-common_8.2-1.3_all.deb ...
Unpacking readline-common (8.2-1.3) ...
Selecting previously unselected package libreadline8:amd64.
Preparing to unpack .../12-libreadline8_8.2-1.3_amd64.deb ...
Unpacking libreadline8:amd64 (8.2-1.3) ...
Selecting previously unselected package libsqlite3-0:amd64.
Preparing to unpack .../13-libsqlite3-0_3.40.1-2+deb12u2_amd64.deb ...
Unpacking libsqlite3-0:amd64 (3.40.1-2+deb12u2) ...
Selecting previously unselected package libpython3.11-stdlib:amd64.
Preparing to unpack .../14-libpython3.11-stdlib_3.11.2-6+deb12u9_amd64.deb ...
Unpacking libpython3.11-stdlib:amd64 (3.11.2-6+deb12u9) ...
Selecting previously unselected package python3.11.
Preparing to unpack .../15-python3.11_3.11.2-6+deb12u9_amd64.deb ...
Unpacking python3.11 (3.11.2-6+deb12u9) ...
Selecting previously unselected package libpython3-stdlib:amd64.
Preparing to unpack .../16-libpython3-stdlib_3.11.2-1+b1_amd64.deb ...
Unpacking libpython3-stdlib:amd64 (3.11.2-1+b1) ...
Setting up python3-minimal (3.11.2-1+b1) ...
Selecting previously unselected package python3.
(Reading database ... 6932 files and directories currently installed.)
Preparing to unpack .../python3_3.11.2-1+b1_amd64.deb ...
Unpacking python3 (3.11.2-1+b1) ...
Selecting previously unselected package openssl.
Preparing to unpack .../openssl_3.0.22-1~deb12u2_amd64.deb ...
Unpacking openssl (3.0.22-1~deb12u2) ...
Selecting previously unselected package ca-certificates.
Preparing to unpack .../ca-certificates_20250419~deb12u2_all.deb ...
Unpacking ca-certificates (20250419~deb12u2) ...
Selecting previously unselected package krb5-locales.
Preparing to unpack .../krb5-locales_1.20.1-2+deb12u5_all.deb ...
Unpacking krb5-locales (1.20.1-2+deb12u5) ...
Selecting previously unselected package libgpm2:amd64.
Preparing to unpack .../libgpm2_1.20.7-10+b1_amd64.deb ...
Unpacking libgpm2:amd64 (1.20.7-10+b1) ...
Setting up media-types (10.0.0) ...
Setting up libkeyutils1:amd64 (1.6.3-2) ...
Setting up libgpm2:amd64 (1.20.7-10+b1) ...
Setting up libtirpc-common (1.3.3+ds-1) ...
Setting up libsqlite3-0:amd64 (3.40.1-2+deb12u2) ...
Setting up krb5-locales (1.20.1-2+deb12u5) ...
Setting up libkrb5support0:amd64 (1.20.1-2+deb12u5) ...
Setting up libncursesw6:amd64 (6.4-4) ...
Setting up libk5crypto3:amd64 (1.20.1-2+deb12u5) ...
Setting up libkrb5-3:amd64 (1.20.1-2+deb12u5) ...
Setting up openssl (3.0.22-1~deb12u2) ...
Setting up readline-common (8.2-1.3) ...
Setting up libreadline8:amd64 (8.2-1.3) ...
Setting up ca-certificates (20250419~deb12u2) ...
Updating certificates in /etc/ssl/certs...
148 added, 0 removed; done.
Setting up libgssapi-krb5-2:amd64 (1.20.1-2+deb12u5) ...
Setting up libtirpc3:amd64 (1.3.3+ds-1) ...
Setting up libnsl2:amd64 (1.3.0-2) ...
Setting up libpython3.11-stdlib:amd64 (3.11.2-6+deb12u9) ...
Setting up libpython3-stdlib:amd64 (3.11.2-1+b1) ...
Setting up python3.11 (3.11.2-6+deb12u9) ...
Setting up python3 (3.11.2-1+b1) ...
Processing triggers for libc-bin (2.36-9+deb12u14) ...
Processing triggers for ca-certificates (20250419~deb12u2) ...
Updating certificates in /etc/ssl/certs...
0 added, 0 removed; done.
Running hooks in /etc/ca-certificates/update.d...
done.
`,
  'nginx': `Reading package lists...
Building dependency tree...
Reading state information...
The following additional packages will be installed:
  iproute2 krb5-locales libatm1 libbpf1 libbsd0 libcap2-bin libelf1
  libgssapi-krb5-2 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libmnl0
  libpam-cap libssl3 libtirpc-common libtirpc3 libxtables12 nginx-common
Suggested packages:
  iproute2-doc python3:any krb5-doc krb5-user fcgiwrap nginx-doc ssl-cert
The following NEW packages will be installed:
  iproute2 krb5-locales libatm1 libbpf1 libbsd0 libcap2-bin libelf1
  libgssapi-krb5-2 libk5crypto3 libkeyutils1 libkrb5-3 libkrb5support0 libmnl0
  libpam-cap libssl3 libtirpc-common libtirpc3 libxtables12 nginx nginx-common
0 upgraded, 20 newly installed, 0 to remove and 11 not upgraded.
Need to get 2391 kB/5084 kB of archives.
After this operation, 16.1 MB of additional disk space will be used.
Get:1 http://deb.debian.org/debian bookworm/main amd64 libelf1 amd64 0.188-2.1 [174 kB]
Get:2 http://deb.debian.org/debian bookworm/main amd64 libbpf1 amd64 1:1.1.2-0+deb12u1 [145 kB]
Get:3 http://deb.debian.org/debian bookworm/main amd64 libbsd0 amd64 0.11.7-2 [117 kB]
Get:4 http://deb.debian.org/debian bookworm/main amd64 libmnl0 amd64 1.0.4-3 [12.5 kB]
Get:5 http://deb.debian.org/debian bookworm/main amd64 libtirpc-common all 1.3.3+ds-1 [14.0 kB]
Get:6 http://deb.debian.org/debian bookworm/main amd64 libtirpc3 amd64 1.3.3+ds-1 [85.2 kB]
Get:7 http://deb.debian.org/debian bookworm/main amd64 libxtables12 amd64 1.8.9-2 [30.8 kB]
Get:8 http://deb.debian.org/debian bookworm/main amd64 libcap2-bin amd64 1:2.66-4+deb12u3+b1 [35.2 kB]
Get:9 http://deb.debian.org/debian bookworm/main amd64 iproute2 amd64 6.1.0-3 [1046 kB]
Get:10 http://deb.debian.org/debian bookworm/main amd64 libatm1 amd64 1:2.5.1-4+b2 [68.3 kB]
Get:11 http://deb.debian.org/debian bookworm/main amd64 libpam-cap amd64 1:2.66-4+deb12u3+b1 [15.1 kB]
Get:12 http://deb.debian.org/debian-security bookworm-security/main amd64 nginx-common all 1.22.1-9+deb12u12 [116 kB]
Get:13 http://deb.debian.org/debian-security bookworm-security/main amd64 nginx amd64 1.22.1-9+deb12u12 [533 kB]
debconf: delaying package configuration, since apt-utils is not installed
Fetched 2391 kB in 1s (2769 kB/s)
Selecting previously unselected package libelf1:amd64.
(Reading database ... 6096 files and directories currently installed.)
Preparing to unpack .../00-libelf1_0.188-2.1_amd64.deb ...
Unpacking libelf1:amd64 (0.188-2.1) ...
Selecting previously unselected package libbpf1:amd64.
Preparing to unpack .../01-libbpf1_1%3a1.1.2-0+deb12u1_amd64.deb ...
Unpacking libbpf1:amd64 (1:1.1.2-0+deb12u1) ...
Selecting previously unselected package libbsd0:amd64.
Preparing to unpack .../02-libbsd0_0.11.7-2_amd64.deb ...
Unpacking libbsd0:amd64 (0.11.7-2) ...
Selecting previously unselected package libmnl0:amd64.
Preparing to unpack .../03-libmnl0_1.0.4-3_amd64.deb ...
Unpacking libmnl0:amd64 (1.0.4-3) ...
Selecting previously unselected package libkrb5support0:amd64.
Preparing to unpack .../04-libkrb5support0_1.20.1-2+deb12u5_amd64.deb ...
Unpacking libkrb5support0:amd64 (1.20.1-2+deb12u5) ...
Selecting previously unselected package libk5crypto3:amd64.
Preparing to unpack .../05-libk5crypto3_1.20.1-2+deb12u5_amd64.deb ...
Unpacking libk5crypto3:amd64 (1.20.1-2+deb12u5) ...
Selecting previously unselected package libkeyutils1:amd64.
Preparing to unpack .../06-libkeyutils1_1.6.3-2_amd64.deb ...
Unpacking libkeyutils1:amd64 (1.6.3-2) ...
Selecting previously unselected package libssl3:amd64.
Preparing to unpack .../07-libssl3_3.0.22-1~deb12u2_amd64.deb ...
Unpacking libssl3:amd64 (3.0.22-1~deb12u2) ...
Selecting previously unselected package libkrb5-3:amd64.
Preparing to unpack .../08-libkrb5-3_1.20.1-2+deb12u5_amd64.deb ...
Unpacking libkrb5-3:amd64 (1.20.1-2+deb12u5) ...
Selecting previously unselected package libgssapi-krb5-2:amd64.
Preparing to unpack .../09-libgssapi-krb5-2_1.20.1-2+deb12u5_amd64.deb ...
Unpacking libgssapi-krb5-2:amd64 (1.20.1-2+deb12u5) ...
Selecting previously unselected package libtirpc-common.
Preparing to unpack .../10-libtirpc-common_1.3.3+ds-1_all.deb ...
Unpacking libtirpc-common (1.3.3+ds-1) ...
Selecting previously unselected package libtirpc3:amd64.
Preparing to unpack .../11-libtirpc3_1.3.3+ds-1_amd64.deb ...
Unpacking libtirpc3:amd64 (1.3.3+ds-1) ...
Selecting previously unselected package libxtables12:amd64.
Preparing to unpack .../12-libxtables12_1.8.9-2_amd64.deb ...
Unpacking libxtables12:amd64 (1.8.9-2) ...
Selecting previously unselected package libcap2-bin.
Preparing to unpack .../13-libcap2-bin_1%3a2.66-4+deb12u3+b1_amd64.deb ...
Unpacking libcap2-bin (1:2.66-4+deb12u3+b1) ...
Selecting previously unselected package iproute2.
Preparing to unpack .../14-iproute2_6.1.0-3_amd64.deb ...
Unpacking iproute2 (6.1.0-3) ...
Selecting previously unselected package krb5-locales.
Preparing to unpack .../15-krb5-locales_1.20.1-2+deb12u5_all.deb ...
Unpacking krb5-locales (1.20.1-2+deb12u5) ...
Selecting previously unselected package libatm1:amd64.
Preparing to unpack .../16-libatm1_1%3a2.5.1-4+b2_amd64.deb ...
Unpacking libatm1:amd64 (1:2.5.1-4+b2) ...
Selecting previously unselected package libpam-cap:amd64.
Preparing to unpack .../17-libpam-cap_1%3a2.66-4+deb12u3+b1_amd64.deb ...
Unpacking libpam-cap:amd64 (1:2.66-4+deb12u3+b1) ...
Selecting previously unselected package nginx-common.
Preparing to unpack .../18-nginx-common_1.22.1-9+deb12u12_all.deb ...
Unpacking nginx-common (1.22.1-9+deb12u12) ...
Selecting previously unselected package nginx.
Preparing to unpack .../19-nginx_1.22.1-9+deb12u12_amd64.deb ...
Unpacking nginx (1.22.1-9+deb12u12) ...
Setting up libkeyutils1:amd64 (1.6.3-2) ...
Setting up libtirpc-common (1.3.3+ds-1) ...
Setting up libssl3:amd64 (3.0.22-1~deb12u2) ...
Setting up nginx-common (1.22.1-9+deb12u12) ...
Setting up krb5-locales (1.20.1-2+deb12u5) ...
Setting up libatm1:amd64 (1:2.5.1-4+b2) ...
Setting up libkrb5support0:amd64 (1.20.1-2+deb12u5) ...
Setting up libcap2-bin (1:2.66-4+deb12u3+b1) ...
Setting up libmnl0:amd64 (1.0.4-3) ...
Setting up libk5crypto3:amd64 (1.20.1-2+deb12u5) ...
Setting up libxtables12:amd64 (1.8.9-2) ...
Setting up libkrb5-3:amd64 (1.20.1-2+deb12u5) ...
Setting up libbsd0:amd64 (0.11.7-2) ...
Setting up libelf1:amd64 (0.188-2.1) ...
Setting up libpam-cap:amd64 (1:2.66-4+deb12u3+b1) ...
Setting up libbpf1:amd64 (1:1.1.2-0+deb12u1) ...
Setting up libgssapi-krb5-2:amd64 (1.20.1-2+deb12u5) ...
Setting up libtirpc3:amd64 (1.3.3+ds-1) ...
Setting up iproute2 (6.1.0-3) ...
Setting up nginx (1.22.1-9+deb12u12) ...
invoke-rc.d: could not determine current runlevel
invoke-rc.d: WARNING: No init system and policy-rc.d missing! Defaulting to block.
Processing triggers for libc-bin (2.36-9+deb12u14) ...
`,
  'procps': `Reading package lists...
Building dependency tree...
Reading state information...
The following additional packages will be installed:
  libgpm2 libncursesw6 libproc2-0 psmisc
Suggested packages:
  gpm
The following NEW packages will be installed:
  libgpm2 libncursesw6 libproc2-0 procps psmisc
debconf: delaying package configuration, since apt-utils is not installed
0 upgraded, 5 newly installed, 0 to remove and 11 not upgraded.
Need to get 0 B/1178 kB of archives.
After this operation, 3778 kB of additional disk space will be used.
Selecting previously unselected package libncursesw6:amd64.
(Reading database ... 6096 files and directories currently installed.)
Preparing to unpack .../libncursesw6_6.4-4_amd64.deb ...
Unpacking libncursesw6:amd64 (6.4-4) ...
Selecting previously unselected package libproc2-0:amd64.
Preparing to unpack .../libproc2-0_2%3a4.0.2-3_amd64.deb ...
Unpacking libproc2-0:amd64 (2:4.0.2-3) ...
Selecting previously unselected package procps.
Preparing to unpack .../procps_2%3a4.0.2-3_amd64.deb ...
Unpacking procps (2:4.0.2-3) ...
Selecting previously unselected package libgpm2:amd64.
Preparing to unpack .../libgpm2_1.20.7-10+b1_amd64.deb ...
Unpacking libgpm2:amd64 (1.20.7-10+b1) ...
Selecting previously unselected package psmisc.
Preparing to unpack .../psmisc_23.6-1_amd64.deb ...
Unpacking psmisc (23.6-1) ...
Setting up libgpm2:amd64 (1.20.7-10+b1) ...
Setting up psmisc (23.6-1) ...
Setting up libproc2-0:amd64 (2:4.0.2-3) ...
Setting up libncursesw6:amd64 (6.4-4) ...
Setting up procps (2:4.0.2-3) ...
Processing triggers for libc-bin (2.36-9+deb12u14) ...
`,
  'redis-server': `Reading package lists...
Building dependency tree...
Reading state information...
The following additional packages will be installed:
  libatomic1 libjemalloc2 liblzf1 libssl3 redis-tools
Suggested packages:
  ruby-redis
The following NEW packages will be installed:
  libatomic1 libjemalloc2 liblzf1 libssl3 redis-server redis-tools
0 upgraded, 6 newly installed, 0 to remove and 11 not upgraded.
Need to get 1360 kB/3400 kB of archives.
After this operation, 13.3 MB of additional disk space will be used.
Get:1 http://deb.debian.org/debian bookworm/main amd64 libatomic1 amd64 12.2.0-14+deb12u1 [9376 B]
Get:2 http://deb.debian.org/debian bookworm/main amd64 libjemalloc2 amd64 5.3.0-1 [275 kB]
Get:3 http://deb.debian.org/debian bookworm/main amd64 liblzf1 amd64 3.6-3 [10.2 kB]
Get:4 http://deb.debian.org/debian-security bookworm-security/main amd64 redis-tools amd64 5:7.0.15-1~deb12u10 [992 kB]
Get:5 http://deb.debian.org/debian-security bookworm-security/main amd64 redis-server amd64 5:7.0.15-1~deb12u10 [73.9 kB]
debconf: delaying package configuration, since apt-utils is not installed
Fetched 1360 kB in 0s (4663 kB/s)
Selecting previously unselected package libatomic1:amd64.
(Reading database ... 6096 files and directories currently installed.)
Preparing to unpack .../0-libatomic1_12.2.0-14+deb12u1_amd64.deb ...
Unpacking libatomic1:amd64 (12.2.0-14+deb12u1) ...
Selecting previously unselected package libjemalloc2:amd64.
Preparing to unpack .../1-libjemalloc2_5.3.0-1_amd64.deb ...
Unpacking libjemalloc2:amd64 (5.3.0-1) ...
Selecting previously unselected package liblzf1:amd64.
Preparing to unpack .../2-liblzf1_3.6-3_amd64.deb ...
Unpacking liblzf1:amd64 (3.6-3) ...
Selecting previously unselected package libssl3:amd64.
Preparing to unpack .../3-libssl3_3.0.22-1~deb12u2_amd64.deb ...
Unpacking libssl3:amd64 (3.0.22-1~deb12u2) ...
Selecting previously unselected package redis-tools.
Preparing to unpack .../4-redis-tools_5%3a7.0.15-1~deb12u10_amd64.deb ...
Unpacking redis-tools (5:7.0.15-1~deb12u10) ...
Selecting previously unselected package redis-server.
Preparing to unpack .../5-redis-server_5%3a7.0.15-1~deb12u10_amd64.deb ...
Unpacking redis-server (5:7.0.15-1~deb12u10) ...
Setting up libssl3:amd64 (3.0.22-1~deb12u2) ...
Setting up libjemalloc2:amd64 (5.3.0-1) ...
Setting up liblzf1:amd64 (3.6-3) ...
Setting up libatomic1:amd64 (12.2.0-14+deb12u1) ...
Setting up redis-tools (5:7.0.15-1~deb12u10) ...
Setting up redis-server (5:7.0.15-1~deb12u10) ...
invoke-rc.d: could not determine current runlevel
invoke-rc.d: WARNING: No init system and policy-rc.d missing! Defaulting to block.
Processing triggers for libc-bin (2.36-9+deb12u14) ...
`,
};

/** Sets aside what differs between a chroot with cached .debs and a fresh container. */
function comparable(out: string): string {
  return out
    .split('\n')
    .filter((l) => !/^(Get:|Fetched |debconf: delaying|Reading state information)/.test(l))
    .map((l) =>
      l
        .replace(/^Need to get (?:[\d.]+ [kM]?B\/)?/, 'Need to get ')
        .replace(/ \d+ not upgraded\.$/, ' 0 not upgraded.')
        .replace(/^\(Reading database \.\.\. \d+/, '(Reading database ... N')
        .replace(/^Preparing to unpack \.\.\.\/\d+-/, 'Preparing to unpack .../'),
    )
    .join('\n');
}

async function updated(image: string): Promise<UnionFs> {
  const fs = containerFs(image);
  expect((await run(fs, ['apt-get', 'update'])).status).toBe(0);
  return fs;
}

describe('apt formats', () => {
  it("SizeToStr, TimeToStr and ShowList as apt's strutl/private-output print them", () => {
    expect(aptSize(933)).toBe('933 ');
    expect(aptSize(6924)).toBe('6924 ');
    expect(aptSize(151_075)).toBe('151 k');
    expect(aptSize(55_403)).toBe('55.4 k');
    expect(aptSize(8_980_000)).toBe('8980 k');
    expect(aptSize(41_900_000)).toBe('41.9 M');
    expect(aptSize(159_000_000)).toBe('159 M');
    expect(aptTime(0.2)).toBe('0s');
    expect(aptTime(93)).toBe('1min 33s');
    // apt 2.6 fills 78 columns (recorded: python3's additional packages)
    expect(aptList('krb5-locales libkeyutils1 libkrb5-3 libkrb5support0 libncursesw6 libnsl2 libpython3-stdlib'.split(' '))).toBe(
      '  krb5-locales libkeyutils1 libkrb5-3 libkrb5support0 libncursesw6 libnsl2\n  libpython3-stdlib\n',
    );
    // apt 1.0 filled 79 (the netflix-proxy log's "Suggested packages:" lines)
    expect(aptList(['rblcheck', 'git-daemon-run', 'git-daemon-sysvinit', 'git-doc', 'git-el', 'git-email', 'git-gui', 'gitk'], 79)).toBe(
      '  rblcheck git-daemon-run git-daemon-sysvinit git-doc git-el git-email git-gui\n  gitk\n',
    );
  });
});

describe('apt-get on debian:bookworm-slim', () => {
  it('before apt-get update the lists are empty: Unable to locate package, exit 100', async () => {
    const fs = containerFs('debian:bookworm-slim');
    const r = await run(fs, ['apt-get', 'install', '-y', 'vim']);
    expect(r).toMatchObject({ out: 'Reading package lists...\nBuilding dependency tree...\n', err: 'E: Unable to locate package vim\n', status: 100 });
    // apt built its caches all the same (docker diff on a real engine: A /var/cache/apt/pkgcache.bin, srcpkgcache.bin)
    expect(fs.stat('/var/cache/apt/pkgcache.bin').size).toBe(1_770_737);
    expect(fs.stat('/var/cache/apt/srcpkgcache.bin').size).toBe(1_594_360);
  });

  it('update fetches the three suites and writes the list files', async () => {
    const fs = containerFs('debian:bookworm-slim');
    const r = await run(fs, ['apt-get', 'update']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(
      new RegExp(
        '^Get:1 http://deb.debian.org/debian bookworm InRelease \\[151 kB\\]\n' +
          'Get:2 http://deb.debian.org/debian bookworm-updates InRelease \\[55.4 kB\\]\n' +
          'Get:3 http://deb.debian.org/debian-security bookworm-security InRelease \\[34.8 kB\\]\n' +
          'Get:4 http://deb.debian.org/debian bookworm/main amd64 Packages \\[8790 kB\\]\n' +
          'Get:5 http://deb.debian.org/debian bookworm-updates/main amd64 Packages \\[6924 B\\]\n' +
          'Get:6 http://deb.debian.org/debian-security bookworm-security/main amd64 Packages \\[386 kB\\]\n' +
          'Fetched 9424 kB in \\ds \\(\\d+ kB/s\\)\nReading package lists...\n$',
      ),
    );
    expect(r.elapsed).toBeGreaterThan(500);
    expect(fs.stat('/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages').size).toBe(50_060_337);
    expect(fs.stat('/var/lib/apt/lists/lock')).toMatchObject({ size: 0, mode: 0o640 });
    expect(fs.stat('/var/lib/apt/lists/partial')).toMatchObject({ type: 'dir', mode: 0o700 });
    // a second update finds the lists: Hit, nothing fetched
    expect((await run(fs, ['apt-get', 'update'])).out).toBe(
      'Hit:1 http://deb.debian.org/debian bookworm InRelease\nHit:2 http://deb.debian.org/debian bookworm-updates InRelease\nHit:3 http://deb.debian.org/debian-security bookworm-security InRelease\nReading package lists...\n',
    );
  });

  it('install without -y and no answer on stdin: the plan, then "Do you want to continue? [Y/n] Abort." (exit 1), nothing installed', async () => {
    const fs = await updated('debian:bookworm-slim');
    const r = await run(fs, ['apt-get', 'install', 'vim']);
    expect(r).toMatchObject({ out: BOOKWORM_VIM_PLAN + 'Do you want to continue? [Y/n] Abort.\n', status: 1 });
    expect(fs.exists('/usr/bin/vim.basic')).toBe(false);
  });

  it('answering y on stdin installs', async () => {
    const fs = await updated('debian:bookworm-slim');
    expect((await run(fs, ['apt-get', 'install', 'vim'], { input: 'y\n' })).status).toBe(0);
    expect(fs.exists('/usr/bin/vim.basic')).toBe(true);
  });

  it('install -y: Get lines, dpkg unpacking and setting up, files at their real paths with the real installed size', async () => {
    const fs = await updated('debian:bookworm-slim');
    const r = await run(fs, ['apt-get', 'install', '-y', 'vim']);
    expect(r.status).toBe(0);
    expect(r.out.startsWith(BOOKWORM_VIM_PLAN)).toBe(true);
    // the whole of it as recorded (stdout and stderr merged), but for the transfer time and rate
    expect(r.all.replace(/^Fetched 8980 kB in \ds \([\d.]+ [kM]B\/s\)$/m, 'Fetched 8980 kB in 1s (10.0 MB/s)')).toBe(BOOKWORM_VIM_INSTALL);
    expect(r.err).toBe('debconf: delaying package configuration, since apt-utils is not installed\n');
    expect(fs.stat('/usr/bin/vim.basic').mode & 0o111).toBeTruthy();
    expect(fs.readlink('/usr/bin/vim')).toBe('/etc/alternatives/vim');
    expect(fs.readlink('/etc/alternatives/vim')).toBe('/usr/bin/vim.basic');
    // vim's Installed-Size is 3650 KiB: its files add up to it
    const listed = read(fs, '/var/lib/dpkg/info/vim.list').trim().split('\n');
    let bytes = 0;
    for (const p of listed) {
      const st = fs.lstat(p);
      if (st.type === 'file') bytes += st.size;
    }
    expect(bytes).toBe(3650 * 1024);
    expect(read(fs, '/var/lib/dpkg/status')).toContain('Package: vim\nStatus: install ok installed\n');
    expect(read(fs, '/var/lib/apt/extended_states')).toContain('Package: vim-common\nArchitecture: amd64\nAuto-Installed: 1\n');
    expect(fs.stat('/var/cache/apt/archives/vim-runtime_2%3a9.0.1378-2+deb12u2_all.deb').size).toBe(7_026_844);
    expect(fs.stat('/var/cache/apt/archives/lock').mode).toBe(0o640);
  });

  it('apache2: the modules, confs and site its postinst enables; invoke-rc.d blocks the start without an init system; the ca-certificates trigger', async () => {
    const fs = await updated('debian:bookworm-slim');
    const r = await run(fs, ['apt-get', 'install', '-y', 'apache2']);
    expect(r.out).toContain(
      'Setting up apache2 (2.4.71-1~deb12u1) ...\nEnabling module mpm_event.\nEnabling module authz_core.\n',
    );
    expect(r.out).toContain(
      'Enabling module reqtimeout.\nEnabling conf charset.\nEnabling conf localized-error-pages.\nEnabling conf other-vhosts-access-log.\nEnabling conf security.\nEnabling conf serve-cgi-bin.\nEnabling site 000-default.\ninvoke-rc.d: could not determine current runlevel\ninvoke-rc.d: WARNING: No init system and policy-rc.d missing! Defaulting to block.\n',
    );
    expect(r.out).toContain('Setting up ca-certificates (20250419~deb12u2) ...\nUpdating certificates in /etc/ssl/certs...\n148 added, 0 removed; done.\n');
    expect(r.out).toMatch(
      /Processing triggers for libc-bin \(2\.36-9\+deb12u14\) \.\.\.\nProcessing triggers for ca-certificates \(20250419~deb12u2\) \.\.\.\nUpdating certificates in \/etc\/ssl\/certs\.\.\.\n0 added, 0 removed; done\.\nRunning hooks in \/etc\/ca-certificates\/update\.d\.\.\.\ndone\.\n$/,
    );
    expect(read(fs, '/var/www/html/index.html')).toContain('<title>Apache2 Debian Default Page: It works</title>');
  });

  it('curl: suggested alternatives print as "a | b", the bar wrapping with its alternative (recorded)', async () => {
    const fs = await updated('debian:bookworm-slim');
    expect((await run(fs, ['apt-get', 'install', '-y', 'curl'])).out).toContain(
      'Suggested packages:\n  krb5-doc krb5-user libsasl2-modules-gssapi-mit\n  | libsasl2-modules-gssapi-heimdal libsasl2-modules-ldap libsasl2-modules-otp\n  libsasl2-modules-sql\n',
    );
  });

  for (const name of Object.keys(RECORDED_INSTALLS)) {
    it(`install -y ${name}: as recorded`, async () => {
      const fs = await updated('debian:bookworm-slim');
      expect(comparable((await run(fs, ['apt-get', 'install', '-y', name])).all)).toBe(comparable(RECORDED_INSTALLS[name]!));
    });
  }

  it("dpkg's database count grows by each package's real paths (recorded: 6096, 6424, 6932 over the chroot's 6096)", async () => {
    const fs = await updated('debian:bookworm-slim');
    const out = (await run(fs, ['apt-get', 'install', '-y', 'python3'])).out;
    const counts = [...out.matchAll(/^\(Reading database \.\.\. (\d+) files/gm)].map((m) => Number(m[1]));
    expect(counts.slice(0, 2)).toEqual([6094, 6422]);
    // per-package counts do not know the directories two new packages share: a few too many by the third run
    expect(counts[2]).toBeGreaterThanOrEqual(6930);
    expect(counts[2]).toBeLessThan(6940);
  });

  it('-q install -y wget: as recorded, with update-ca-certificates at setup and as a trigger', async () => {
    const fs = await updated('debian:bookworm-slim');
    const r = await run(fs, ['apt-get', '-q', 'install', '-y', 'wget']);
    expect(r.all.replace(/^Fetched 4765 kB in \ds \([\d.]+ [kM]B\/s\)$/m, 'Fetched 4765 kB in 1s (10.0 MB/s)')).toBe(BOOKWORM_WGET_INSTALL);
  });

  it('a second install: already the newest version; Reading state information now that extended_states exists', async () => {
    const fs = await updated('debian:bookworm-slim');
    await run(fs, ['apt-get', 'install', '-y', 'vim']);
    expect((await run(fs, ['apt-get', 'install', '-y', 'vim'])).out).toBe(
      'Reading package lists...\nBuilding dependency tree...\nReading state information...\nvim is already the newest version (2:9.0.1378-2+deb12u2).\n0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n',
    );
  });

  it('a package with no extra dependencies installs without asking', async () => {
    const fs = await updated('debian:bookworm-slim');
    const r = await run(fs, ['apt-get', 'install', 'less']);
    expect(r.status).toBe(0);
    expect(r.out).not.toContain('Do you want to continue');
    expect(r.out).toContain('Preparing to unpack .../less_590-2.1~deb12u2_amd64.deb ...\n');
  });

  it('-qq: apt says nothing, dpkg still does, and -qq implies -y', async () => {
    const fs = await updated('debian:bookworm-slim');
    const r = await run(fs, ['apt-get', '-qq', 'install', 'nano']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^Selecting previously unselected package libncursesw6:amd64\.\n\(Reading database \.\.\. 6094 files and directories currently installed\.\)\nPreparing to unpack \.\.\.\/0-libncursesw6_6\.4-4_amd64\.deb \.\.\.\n/);
    expect(r.out).not.toContain('Reading package lists');
    expect(r.out).toContain('update-alternatives: using /bin/nano to provide /usr/bin/pico (pico) in auto mode\n');
    expect((await run(fs, ['apt-get', '-qq', 'install', 'nosuch'])).err).toBe('E: Unable to locate package nosuch\n');
  });

  it('-yqq update prints nothing; errors for unknown operations and options', async () => {
    const fs = containerFs('debian:bookworm-slim');
    expect(await run(fs, ['apt-get', '-yqq', 'update'])).toMatchObject({ all: '', status: 0 });
    expect(await run(fs, ['apt-get', 'foo'])).toMatchObject({ err: 'E: Invalid operation foo\n', status: 100 });
    const help = await run(fs, ['apt-get']);
    expect(help.status).toBe(1);
    expect(help.out).toMatch(/^apt 2\.6\.1 \(amd64\)\nUsage: apt-get \[options\] command\n[^]*\n {40}This APT has Super Cow Powers\.\n$/);
    expect(await run(fs, ['apt-get', '-z', 'install'])).toMatchObject({ err: "E: Command line option 'z' [from -z] is not understood in combination with the other options.\n", status: 100 });
    expect(await run(fs, ['apt-get', 'install', 'nosuch', 'vim'])).toMatchObject({ err: 'E: Unable to locate package nosuch\n', status: 100 });
  });

  it('apt warns that its CLI is not stable when not on a terminal', async () => {
    const fs = containerFs('debian:bookworm-slim');
    const r = await run(fs, ['apt', 'update']);
    expect(r.err).toBe('\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
    expect(r.out).toMatch(/Reading package lists...\nBuilding dependency tree...\nReading state information...\nAll packages are up to date.\n$/);
  });

  it('on a terminal the progress lines end in Done', async () => {
    const fs = containerFs('debian:bookworm-slim');
    expect((await run(fs, ['apt-get', 'update'], { tty: true })).out).toMatch(/\nReading package lists... Done\n$/);
    expect((await run(fs, ['apt-get', 'install', '-y', 'less'], { tty: true })).out).toMatch(/^Reading package lists... Done\nBuilding dependency tree... Done\n/);
  });
});

describe('apt-get remove, purge, autoremove', () => {
  it('remove: what is no longer required, the plan, the prompt; -y removes the files and the status entry', async () => {
    const fs = await updated('debian:bookworm-slim');
    await run(fs, ['apt-get', 'install', '-y', 'nano']);
    const plan =
      'Reading package lists...\nBuilding dependency tree...\nReading state information...\n' +
      'The following packages were automatically installed and are no longer required:\n  libgpm2 libncursesw6\nUse \'apt autoremove\' to remove them.\n' +
      'The following packages will be REMOVED:\n  nano\n0 upgraded, 0 newly installed, 1 to remove and 0 not upgraded.\nAfter this operation, 2871 kB disk space will be freed.\n';
    expect(await run(fs, ['apt-get', 'remove', 'nano'])).toMatchObject({ out: plan + 'Do you want to continue? [Y/n] Abort.\n', status: 1 });
    const r = await run(fs, ['apt-get', 'remove', '-y', 'nano']);
    expect(r.out).toMatch(new RegExp(`^${plan.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\(Reading database \\.\\.\\. \\d+ files and directories currently installed\\.\\)\nRemoving nano \\(7\\.2-1\\+deb12u1\\) \\.\\.\\.\n$`));
    expect(fs.exists('/usr/bin/nano')).toBe(false);
    expect(fs.exists('/usr/share/doc/nano')).toBe(false);
    // /bin, listed as a directory of nano, is the image's symlink to usr/bin: it stays
    expect(fs.readlink('/bin')).toBe('usr/bin');
    expect((await run(fs, ['dpkg', '-L', 'nano'])).status).toBe(1);
    expect((await run(fs, ['dpkg', '-l', 'nano'])).out).not.toContain('ii  nano');
    expect((await run(fs, ['apt-get', 'remove', '-y', 'wget'])).out).toContain("Package 'wget' is not installed, so not removed\n");
    expect(await run(fs, ['apt-get', 'remove', '-y', 'nosuch'])).toMatchObject({ err: 'E: Unable to locate package nosuch\n', status: 100 });
    const a = await run(fs, ['apt-get', 'autoremove', '-y']);
    expect(a.out).toContain('The following packages will be REMOVED:\n  libgpm2 libncursesw6\n0 upgraded, 0 newly installed, 2 to remove and 0 not upgraded.\n');
    expect(a.out).toContain('Removing libncursesw6:amd64 (6.4-4) ...\n');
    expect(a.out).toMatch(/Processing triggers for libc-bin \(2\.36-9\+deb12u14\) \.\.\.\n$/);
  });

  it('purge marks the package with * and purges its configuration', async () => {
    const fs = await updated('debian:bookworm-slim');
    await run(fs, ['apt-get', 'install', '-y', 'wget']);
    const r = await run(fs, ['apt-get', 'purge', '-y', 'wget']);
    expect(r.out).toContain('The following packages will be REMOVED:\n  wget*\n');
    expect(r.out).toMatch(/Removing wget \(1\.21\.3-1\+deb12u1\) \.\.\.\n\(Reading database \.\.\. \d+ files and directories currently installed\.\)\nPurging configuration files for wget \(1\.21\.3-1\+deb12u1\) \.\.\.\n/);
  });

  it('a version pin the archive does not have', async () => {
    const fs = await updated('debian:bookworm-slim');
    expect(await run(fs, ['apt-get', 'install', '-y', 'curl=1.0'])).toMatchObject({ err: "E: Version '1.0' for 'curl' was not found\n", status: 100 });
    expect((await run(fs, ['apt-get', 'install', '-y', 'curl=7.88.1-10+deb12u15'])).status).toBe(0);
  });
});

describe('releases without an archive in Berth', () => {
  it('update says so instead of pretending', async () => {
    expect(await run(containerFs('ubuntu:16.04'), ['apt-get', 'update'])).toMatchObject({ status: 100, out: '', err: 'apt-get: the archive of xenial is not simulated by Berth\n' });
  });
});

describe('dpkg', () => {
  it('-l, -L and -s read what apt-get installed; errors as dpkg-query prints them', async () => {
    const fs = await updated('debian:bookworm-slim');
    await run(fs, ['apt-get', 'install', '-y', 'nano']);
    // the image's own packages (the reference image's status), then what apt-get added, by name
    const all = (await run(fs, ['dpkg', '-l'])).out.split('\n');
    expect(all.slice(3, 6)).toEqual([
      '||/ Name                    Version                Architecture Description',
      '+++-=======================-======================-============-========================================================================',
      'ii  adduser                 3.134                  all          add and remove users and groups',
    ]);
    expect(all).toContain('ii  libgpm2:amd64           1.20.7-10+b1           amd64        General Purpose Mouse - shared library');
    expect(all).toContain('ii  nano                    7.2-1+deb12u1          amd64        small, friendly text editor inspired by Pico');
    expect(all.filter((l) => l.startsWith('ii  ')).length).toBe(88 + 3);
    expect(read(fs, '/var/lib/dpkg/status')).toMatch(/Package: mount\n[^]*\n\nPackage: nano\n[^]*\n\nPackage: ncurses-base\n/);
    // dpkg's minimum widths (14, 12, 12, 33) widened to the values listed
    expect((await run(fs, ['dpkg', '-l', 'nano'])).out).toContain(
      '||/ Name           Version       Architecture Description\n+++-==============-=============-============-============================================\nii  nano           7.2-1+deb12u1 amd64        small, friendly text editor inspired by Pico\n',
    );
    expect(await run(fs, ['dpkg', '-l', 'nosuch'])).toMatchObject({ err: 'dpkg-query: no packages found matching nosuch\n', status: 1 });
    const files = (await run(fs, ['dpkg', '-L', 'nano'])).out.split('\n');
    expect(files.slice(0, 3)).toEqual(['/.', '/bin', '/bin/nano']);
    expect(await run(fs, ['dpkg', '-L', 'nosuch'])).toMatchObject({
      err: "dpkg-query: package 'nosuch' is not installed\nUse dpkg --contents (= dpkg-deb --contents) to list archive files contents.\n",
      status: 1,
    });
    expect(await run(fs, ['dpkg', '-L'])).toMatchObject({ err: 'dpkg-query: error: --listfiles needs at least one package name argument\n\nUse --help for help about querying packages.\n', status: 2 });
    expect((await run(fs, ['dpkg', '-s', 'nano'])).out).toMatch(/^Package: nano\nStatus: install ok installed\n/);
    expect((await run(fs, ['dpkg', '-s', 'nosuch'])).err).toBe("dpkg-query: package 'nosuch' is not installed and no information is available\nUse dpkg --info (= dpkg-deb --info) to examine archive files.\n");
    expect((await run(fs, ['dpkg'])).err).toMatch(/^dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages \[\*\];\n/);
  });
});

describe('apt-get on ubuntu:14.04 (apt 1.0)', () => {
  it('update: Ign for the missing InRelease, numbered Gets, Fetched', async () => {
    const fs = containerFs('ubuntu:14.04');
    const r = await run(fs, ['apt-get', 'update']);
    expect(r.out).toMatch(/^Ign http:\/\/archive\.ubuntu\.com trusty InRelease\nGet:1 http:\/\/archive\.ubuntu\.com trusty-updates InRelease \[65\.9 kB\]\n/);
    expect(r.out).toContain('Get:12 http://archive.ubuntu.com trusty-security/main amd64 Packages [1032 kB]\n');
    expect(r.out).toMatch(/\nFetched 23\.5 MB in \d+s \(\d+ kB\/s\)\nReading package lists\.\.\.\n$/);
    expect((await run(fs, ['apt-get', 'update'])).out).toContain('Hit http://archive.ubuntu.com trusty/main amd64 Packages\n');
  });

  it('install -y apache2: "extra packages", apt 1.0 Get lines, the Apache2 Ubuntu Default Page and the binaries at their paths', async () => {
    const fs = containerFs('ubuntu:14.04');
    await run(fs, ['apt-get', 'update']);
    const r = await run(fs, ['apt-get', 'install', '-y', 'apache2']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('Reading package lists...\nBuilding dependency tree...\nReading state information...\nThe following extra packages will be installed:\n');
    expect(r.out).toContain('Get:1 http://archive.ubuntu.com/ubuntu/ trusty/main libapr1 amd64 1.5.0-1 [85.9 kB]\n');
    expect(r.out).toContain('Preparing to unpack .../libapr1_1.5.0-1_amd64.deb ...\n');
    expect(r.out).toContain('Setting up apache2 (2.4.7-1ubuntu4.22) ...\nEnabling module mpm_event.\n');
    // ubuntu:14.04 carries a policy-rc.d that exits 101
    expect(r.out).toContain('Enabling site 000-default.\ninvoke-rc.d: policy-rc.d denied execution of start.\n');
    expect(r.err).toBe('');
    const page = read(fs, '/var/www/html/index.html');
    expect(page).toContain('<title>Apache2 Ubuntu Default Page: It works</title>');
    expect(page).toContain('/var/www/html/index.html');
    for (const p of ['/usr/sbin/apache2ctl', '/usr/sbin/apache2', '/usr/sbin/a2enmod']) expect(fs.stat(p).mode & 0o111).toBeTruthy();
    expect(read(fs, '/etc/apache2/ports.conf')).toContain('Listen 80\n');
    expect(fs.readlink('/etc/apache2/sites-enabled/000-default.conf')).toBe('../sites-available/000-default.conf');
    expect(read(fs, '/var/lib/dpkg/info/apache2.list')).toContain('/usr/share/doc/apache2/copyright\n');
  });

  it('-yqq install ruby ruby-dev, as the seeds chain it after update', async () => {
    const fs = containerFs('ubuntu:14.04');
    expect((await run(fs, ['apt-get', '-yqq', 'update'])).all).toBe('');
    const r = await run(fs, ['apt-get', 'install', '-yqq', 'ruby', 'ruby-dev']);
    expect(r.status).toBe(0);
    expect(r.out).toContain('Unpacking libruby1.9.1 (1.9.3.484-2ubuntu1.14) ...\n');
    expect(r.out).toContain('update-alternatives: using /usr/bin/ruby1.9.1 to provide /usr/bin/ruby (ruby) in auto mode\n');
    expect(fs.readlink('/etc/alternatives/gem')).toBe('/usr/bin/gem1.9.1');
  });

  it('vim without -y: the plan with extra packages, then Abort', async () => {
    const fs = containerFs('ubuntu:14.04');
    await run(fs, ['apt-get', 'update']);
    const r = await run(fs, ['apt-get', 'install', 'vim']);
    expect(r.out).toBe(
      'Reading package lists...\nBuilding dependency tree...\nReading state information...\n' +
        'The following extra packages will be installed:\n  libgpm2 libpython2.7 libpython2.7-minimal libpython2.7-stdlib vim-runtime\n' +
        'Suggested packages:\n  gpm ctags vim-doc vim-scripts\n' +
        'The following NEW packages will be installed:\n  libgpm2 libpython2.7 libpython2.7-minimal libpython2.7-stdlib vim vim-runtime\n' +
        '0 upgraded, 6 newly installed, 0 to remove and 0 not upgraded.\nNeed to get 9059 kB of archives.\nAfter this operation, 43.6 MB of additional disk space will be used.\n' +
        'Do you want to continue? [Y/n] Abort.\n',
    );
    expect(r.status).toBe(1);
  });
});
