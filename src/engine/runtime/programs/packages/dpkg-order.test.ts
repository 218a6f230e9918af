import { describe, expect, it } from 'vitest';
import { debArchive } from './deb-archive.ts';
import { configureOrder, fnvHash } from './dpkg-order.ts';

// "Unpacking" and "Setting up" sequences of real bookworm installs (apt-get install -y X in a bookworm chroot)
const RECORDED: [unpacked: string, setUp: string][] = [
  ['libncursesw6 libproc2-0 procps libgpm2 psmisc', 'libgpm2 psmisc libproc2-0 libncursesw6 procps'],
  ['libcap2-bin iputils-ping libpam-cap', 'libcap2-bin libpam-cap iputils-ping'],
  ['libatomic1 libjemalloc2 liblzf1 libssl3 redis-tools redis-server', 'libssl3 libjemalloc2 liblzf1 libatomic1 redis-tools redis-server'],
  ['vim-common libgpm2 libsodium23 vim-runtime vim xxd', 'libsodium23 libgpm2 xxd vim-common vim-runtime vim'],
  ['libssl3 openssl ca-certificates libpsl5 wget publicsuffix', 'libpsl5 wget libssl3 openssl publicsuffix ca-certificates'],
  [
    'libssl3 openssl ca-certificates krb5-locales libbrotli1 libkrb5support0 libk5crypto3 libkeyutils1 libkrb5-3 libgssapi-krb5-2 libsasl2-modules-db libsasl2-2 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libcurl4 curl libldap-common libsasl2-modules publicsuffix',
    'libkeyutils1 libpsl5 libbrotli1 libssl3 libnghttp2-14 krb5-locales libldap-common libkrb5support0 libsasl2-modules-db librtmp1 libk5crypto3 libsasl2-2 libssh2-1 libkrb5-3 openssl publicsuffix libsasl2-modules libldap-2.5-0 ca-certificates libgssapi-krb5-2 libcurl4 curl',
  ],
  [
    'libelf1 libbpf1 libbsd0 libmnl0 libkrb5support0 libk5crypto3 libkeyutils1 libssl3 libkrb5-3 libgssapi-krb5-2 libtirpc-common libtirpc3 libxtables12 libcap2-bin iproute2 krb5-locales libatm1 libpam-cap nginx-common nginx',
    'libkeyutils1 libtirpc-common libssl3 nginx-common krb5-locales libatm1 libkrb5support0 libcap2-bin libmnl0 libk5crypto3 libxtables12 libkrb5-3 libbsd0 libelf1 libpam-cap libbpf1 libgssapi-krb5-2 libtirpc3 iproute2 nginx',
  ],
];

describe("dpkg's configure order", () => {
  it('FNV-1a as lib/dpkg/strhash.c computes it', () => {
    expect(fnvHash('')).toBe(2166136261);
    expect(fnvHash('a')).toBe(0xe40c292c);
  });

  it('reproduces every recorded bookworm install', () => {
    const a = debArchive('bookworm')!;
    for (const [unpacked, setUp] of RECORDED) {
      const pkgs = unpacked.split(' ').map((n) => a.packages.get(n)!);
      expect(configureOrder(pkgs, (p) => p.name, (p) => p.depends).map((p) => p.name).join(' ')).toBe(setUp);
    }
  });
});
