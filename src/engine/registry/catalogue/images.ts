// The images Docker Hub offers in Berth, with their real configuration,
// history and sizes (as Docker Hub served them in 2025).
import { alpineRoot, busyboxRoot, debianRoot } from './linux.ts';
import { PATH_ENV, dirs, text, type EntryRecipe, type ImageRecipe } from './recipe.ts';
import { CENTOS7, CENTOS8 } from './centos.ts';
import { TRAINING_SINATRA, TU_DEMO_V1, TU_DEMO_V2 } from './community.ts';
import { NGINX } from './nginx.ts';
import { NODE22, NODE22_SLIM } from './node.ts';
import { MONGO_3311, PYTHON27_SLIM, PYTHON34_ALPINE, PYTHON35_ALPINE, RABBITMQ_377_MANAGEMENT, REDIS, REGISTRY } from './official.ts';
import { TOMCAT7 } from './tomcat.ts';
import { BOOKWORM_OS_RELEASE, UBUNTU_RELEASES, ubuntuOsRelease } from './osrelease.ts';

export { HELLO_WORLD_MESSAGE } from './hello.ts';

function osRelease(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${/^[A-Za-z0-9._-]+$/.test(v) && k !== 'PRETTY_NAME' && k !== 'NAME' ? v : `"${v}"`}`)
    .join('\n') + '\n';
}

function lsbRelease(id: string): EntryRecipe {
  const r = UBUNTU_RELEASES[id]!;
  return text('/etc/lsb-release', `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${id}\nDISTRIB_CODENAME=${r.codename}\nDISTRIB_DESCRIPTION="Ubuntu ${r.version}"\n`);
}

function modernUbuntu(tags: string[], version: string, created: string, size: number, addHash: string): ImageRecipe {
  return {
    repo: 'library/ubuntu',
    tags,
    created,
    config: {
      Env: [PATH_ENV],
      Cmd: ['/bin/bash'],
      Labels: { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': version },
    },
    history: [
      { createdBy: '/bin/sh -c #(nop)  ARG RELEASE', empty: true },
      { createdBy: '/bin/sh -c #(nop)  ARG LAUNCHPAD_BUILD_ARCH', empty: true },
      { createdBy: '/bin/sh -c #(nop)  LABEL org.opencontainers.image.ref.name=ubuntu', empty: true },
      { createdBy: `/bin/sh -c #(nop)  LABEL org.opencontainers.image.version=${version}`, empty: true },
      {
        createdBy: `/bin/sh -c #(nop) ADD file:${addHash} in / `,
        entries: () =>
          debianRoot({
            osRelease: ubuntuOsRelease(version),
            size,
            shell: 'dash',
            extraText: [lsbRelease(version), text('/etc/debian_version', `${UBUNTU_RELEASES[version]!.debian}\n`)],
          }),
      },
      { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', empty: true },
    ],
  };
}

function legacyUbuntu(tags: string[], version: string, created: string, size: number, addHash: string): ImageRecipe {
  const small = (path: string, body: string): () => EntryRecipe[] => () => [text(path, body)];
  return {
    repo: 'library/ubuntu',
    tags,
    created,
    config: { Env: [PATH_ENV], Cmd: ['/bin/bash'] },
    history: [
      {
        createdBy: `/bin/sh -c #(nop) ADD file:${addHash} in / `,
        entries: () =>
          debianRoot({
            osRelease: ubuntuOsRelease(version),
            size,
            shell: 'dash',
            procps: true,
            extraText: [lsbRelease(version), text('/etc/debian_version', `${UBUNTU_RELEASES[version]!.debian}\n`), text('/etc/motd', '')],
          }),
      },
      {
        createdBy: `/bin/sh -c set -xe \t\t&& echo '#!/bin/sh' > /usr/sbin/policy-rc.d \t&& echo 'exit 101' >> /usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d \t\t&& dpkg-divert --local --rename --add /sbin/initctl \t&& cp -a /usr/sbin/policy-rc.d /sbin/initctl \t&& sed -i 's/^exit.*/exit 0/' /sbin/initctl \t\t&& echo 'force-unsafe-io' > /etc/dpkg/dpkg.cfg.d/docker-apt-speedup \t\t&& echo 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' > /etc/apt/apt.conf.d/docker-clean \t&& echo 'APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };' >> /etc/apt/apt.conf.d/docker-clean \t&& echo 'Dir::Cache::pkgcache ""; Dir::Cache::srcpkgcache "";' >> /etc/apt/apt.conf.d/docker-clean \t\t&& echo 'Acquire::Languages "none";' > /etc/apt/apt.conf.d/docker-no-languages \t\t&& echo 'Acquire::GzipIndexes "true"; Acquire::CompressionTypes::Order:: "gz";' > /etc/apt/apt.conf.d/docker-gzip-indexes \t\t&& echo 'Apt::AutoRemove::SuggestsImportant "false";' > /etc/apt/apt.conf.d/docker-autoremove-suggests`,
        entries: () => [
          ...dirs('/etc/apt/apt.conf.d', '/etc/dpkg', '/etc/dpkg/dpkg.cfg.d'),
          text('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n', 0o755),
          text('/sbin/initctl', '#!/bin/sh\nexit 0\n', 0o755),
          text('/etc/dpkg/dpkg.cfg.d/docker-apt-speedup', 'force-unsafe-io\n'),
          text('/etc/apt/apt.conf.d/docker-clean', 'DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb || true"; };\n'),
          text('/etc/apt/apt.conf.d/docker-no-languages', 'Acquire::Languages "none";\n'),
        ],
      },
      { createdBy: '/bin/sh -c [ -z "$(apt-get indextargets)" ]', entries: small('/var/lib/apt/lists/lock', '') },
      {
        createdBy: "/bin/sh -c mkdir -p /run/systemd && echo 'docker' > /run/systemd/container",
        entries: () => [...dirs('/run/systemd'), text('/run/systemd/container', 'docker\n')],
      },
      { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/bash"]', empty: true },
    ],
  };
}

/** An Alpine image as the classic builder made them (the seeds' alpine:3.4 and 3.5). */
function legacyAlpine(tag: string, version: string, created: string, size: number, addHash: string): ImageRecipe {
  return {
    repo: 'library/alpine',
    tags: [tag],
    created,
    config: { Env: [PATH_ENV], Cmd: ['/bin/sh'] },
    history: [
      {
        createdBy: `/bin/sh -c #(nop) ADD file:${addHash} in / `,
        entries: () =>
          alpineRoot(
            osRelease({ NAME: 'Alpine Linux', ID: 'alpine', VERSION_ID: version, PRETTY_NAME: `Alpine Linux v${tag}`, HOME_URL: 'http://alpinelinux.org', BUG_REPORT_URL: 'http://bugs.alpinelinux.org' }),
            size,
          ),
      },
      { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty: true },
    ],
  };
}

export const CATALOGUE: ImageRecipe[] = [
  {
    repo: 'library/hello-world',
    tags: ['latest', 'linux'],
    created: '2025-08-08T19:05:17Z',
    config: { Env: [PATH_ENV], Cmd: ['/hello'], WorkingDir: '/' },
    history: [
      { createdBy: 'COPY hello / # buildkit', entries: () => [{ type: 'file', path: '/hello', size: 10_072, mode: 0o755 }] },
      { createdBy: 'CMD ["/hello"]', empty: true },
    ],
  },
  {
    repo: 'library/busybox',
    tags: ['latest', '1.37', '1.37.0', 'stable', 'glibc'],
    created: '2024-09-26T21:31:42Z',
    config: { Env: [PATH_ENV], Cmd: ['sh'] },
    // Built as the reference engine's mirror builds it (FROM scratch, ADD, CMD),
    // so `docker history` reads as it does there.
    history: [
      { createdBy: '/bin/sh -c #(nop) ADD file:97e6f0e5f7c5a4d1c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0 in / ', entries: busyboxRoot },
      { createdBy: '/bin/sh -c #(nop)  CMD ["sh"]', empty: true },
    ],
  },
  {
    repo: 'library/debian',
    tags: ['bookworm-slim', '12-slim', 'stable-slim'],
    created: '2025-08-11T00:00:00Z',
    config: { Env: [PATH_ENV], Cmd: ['bash'] },
    history: [
      {
        createdBy: '/bin/sh -c #(nop) ADD file:2b1e5c7d9f0a3b4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e in / ',
        entries: () => debianRoot({ osRelease: BOOKWORM_OS_RELEASE, size: 74_800_000, shell: 'dash', extraText: [text('/etc/debian_version', '12.11\n')] }),
      },
      { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', empty: true },
    ],
  },
  {
    repo: 'library/alpine',
    tags: ['latest', '3.22', '3.22.1'],
    created: '2025-07-15T11:01:16Z',
    config: { Env: [PATH_ENV], Cmd: ['/bin/sh'] },
    history: [
      {
        createdBy: 'ADD alpine-minirootfs-3.22.1-x86_64.tar.gz / # buildkit',
        entries: () => alpineRoot(osRelease({ NAME: 'Alpine Linux', ID: 'alpine', VERSION_ID: '3.22.1', PRETTY_NAME: 'Alpine Linux v3.22', HOME_URL: 'https://alpinelinux.org/', BUG_REPORT_URL: 'https://gitlab.alpinelinux.org/alpine/aports/-/issues' }), 8_310_000),
      },
      { createdBy: 'CMD ["/bin/sh"]', empty: true },
    ],
  },
  legacyAlpine('3.5', '3.5.3', '2018-01-09T21:10:38Z', 4_000_000, 'd2b0b2ba5ca4ba1e3e5bbd2b4c2c0cd1ad73c4e7db8a1a60c4a7d53d5b36c4b4'),
  legacyAlpine('3.4', '3.4.6', '2018-01-09T21:10:58Z', 4_820_000, '3b0e0f5bd8b5a4f2a4a4a3c1f8a6f2c1e0c9a3a1c5f2d0e7d9a1b3c5e7f9a2b4'),
  modernUbuntu(['latest', '24.04', 'noble'], '24.04', '2025-08-05T07:21:22Z', 78_100_000, 'ddf1aa62235de6657123492b19d27d937c8a1e2b3a2a0a6e7d3b1f3c2e0d9a81'),
  modernUbuntu(['22.04', 'jammy'], '22.04', '2025-08-01T09:44:52Z', 77_900_000, '3bd55f5d3c4b2d3d6a4b7f1b0a2e6e3fa8c0b1e3d2c4a5b6c7d8e9f0a1b2c3d4'),
  modernUbuntu(['20.04', 'focal'], '20.04', '2025-04-08T10:28:17Z', 72_800_000, '9b6c3e6c2e6b5c4a3f2e1d0c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a'),
  modernUbuntu(['18.04', 'bionic'], '18.04', '2023-05-30T09:32:09Z', 63_100_000, 'c2f84f5b1a1e0d9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c'),
  legacyUbuntu(['16.04', 'xenial'], '16.04', '2021-08-31T01:21:30Z', 135_000_000, '11b1b0fa3f9bd4ec9ef4a5b7c7e3e7f4d3a0d7f1a7bd7a62bb4d4d7b8e1c7e21'),
  legacyUbuntu(['15.10', 'wily'], '15.10', '2016-07-22T15:40:56Z', 137_000_000, '2e8a3aa3b87e3b1f3b0a5ed5b2e47e2e0b2e6b4d3c1e5f7a9b1d3f5a7c9e1b3d'),
  legacyUbuntu(['14.04', 'trusty'], '14.04', '2019-03-07T22:19:53Z', 197_000_000, 'a5ab8c1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f'),
  legacyUbuntu(['12.04', 'precise'], '12.04', '2017-04-27T16:10:05Z', 104_000_000, 'f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a3f4e5'),
  CENTOS8,
  CENTOS7,
  TRAINING_SINATRA,
  TOMCAT7,
  PYTHON27_SLIM,
  PYTHON34_ALPINE,
  PYTHON35_ALPINE,
  REDIS,
  NGINX,
  NODE22,
  NODE22_SLIM,
  TU_DEMO_V1,
  TU_DEMO_V2,
  MONGO_3311,
  RABBITMQ_377_MANAGEMENT,
  REGISTRY,
  {
    repo: 'microsoft/nanoserver',
    tags: ['latest'],
    created: '2018-01-01T00:00:00Z',
    config: {},
    history: [],
    windowsOnly: true,
  },
  { repo: 'microsoft/iis', tags: ['latest'], created: '2018-01-01T00:00:00Z', config: {}, history: [], windowsOnly: true },
  { repo: 'microsoft/dotnet', tags: ['latest'], created: '2018-01-01T00:00:00Z', config: {}, history: [], windowsOnly: true },
];
