// Official images the seed tutorials pull besides nginx, tomcat and centos:
// redis, python, registry, mongo and rabbitmq, each with its Hub config.
import { alpineRoot, debianRoot, sized, DEBIAN_GROUP, DEBIAN_PASSWD } from './linux.ts';
import { alpineOsRelease, BOOKWORM_OS_RELEASE, BUSTER_OS_RELEASE, JESSIE_OS_RELEASE, STRETCH_OS_RELEASE } from './osrelease.ts';
import { PATH_ENV, classicRun, dirs, links, programs, text, type EntryRecipe, type ImageRecipe } from './recipe.ts';
import { REDIS_ENTRYPOINT, REGISTRY_ENTRYPOINT } from './scripts.ts';

const REDIS_URL = 'https://github.com/redis/redis/archive/refs/tags/8.0.2.tar.gz';
const REDIS_SHA = 'caf3c0069f06fc84c5153bd2a348b204c578de80490c73857bee01d9b5d7401f';

/** redis 8.0.2 on bookworm (redis/docker-library-redis, debian/Dockerfile). */
export const REDIS: ImageRecipe = {
  repo: 'library/redis',
  tags: ['latest', '8', '8.0', '8.0.2', '8.0.2-bookworm', '8.0-bookworm', '8-bookworm', 'bookworm'],
  created: '2025-05-27T12:27:18Z',
  config: {
    ExposedPorts: { '6379/tcp': {} },
    Env: [PATH_ENV, 'GOSU_VERSION=1.17', 'REDIS_VERSION=8.0.2', `REDIS_DOWNLOAD_URL=${REDIS_URL}`, `REDIS_DOWNLOAD_SHA=${REDIS_SHA}`],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['redis-server'],
    Volumes: { '/data': {} },
    WorkingDir: '/data',
  },
  history: [
    {
      createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1747699200'",
      entries: () => debianRoot({ osRelease: BOOKWORM_OS_RELEASE, size: 74_800_000, shell: 'dash', extraText: [text('/etc/debian_version', '12.11\n')] }),
    },
    // debian:bookworm-slim's own CMD, under the image built on it
    { createdBy: 'CMD ["bash"]', empty: true },
    {
      createdBy: 'RUN /bin/sh -c set -eux; \tgroupadd -r -g 999 redis; \tuseradd -r -g redis -u 999 redis # buildkit',
      entries: () => [
        text('/etc/passwd', `${DEBIAN_PASSWD}redis:x:999:999::/home/redis:/bin/sh\n`),
        text('/etc/group', `${DEBIAN_GROUP}redis:x:999:\n`),
      ],
    },
    {
      createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\ttzdata \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      entries: () => sized(1_480_000, '/usr/share/zoneinfo', [...dirs('/usr/share/zoneinfo'), text('/etc/timezone', 'Etc/UTC\n')], 8),
    },
    { createdBy: 'ENV GOSU_VERSION=1.17', empty: true },
    {
      createdBy: "RUN /bin/sh -c set -eux; \tsavedAptMark=\"$(apt-mark showmanual)\"; \tapt-get update; \tapt-get install -y --no-install-recommends ca-certificates gnupg wget; \trm -rf /var/lib/apt/lists/*; \tarch=\"$(dpkg --print-architecture | awk -F- '{ print $NF }')\"; \twget -O /usr/local/bin/gosu \"$url\"; \tchmod +x /usr/local/bin/gosu; \tgosu --version; \tgosu nobody true # buildkit",
      entries: () => [{ type: 'file', path: '/usr/local/bin/gosu', size: 2_256_000, mode: 0o755 }],
    },
    { createdBy: 'ENV REDIS_VERSION=8.0.2', empty: true },
    { createdBy: `ENV REDIS_DOWNLOAD_URL=${REDIS_URL}`, empty: true },
    { createdBy: `ENV REDIS_DOWNLOAD_SHA=${REDIS_SHA}`, empty: true },
    {
      createdBy: 'RUN /bin/sh -c set -eux; \t\tsavedAptMark="$(apt-mark showmanual)"; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\twget \t\tdpkg-dev \t\tgcc \t\tg++ \t\tlibc6-dev \t\tlibssl-dev \t\tmake \t\tgit \t\tcmake \t\tpython3 \t; \twget -O redis.tar.gz "$REDIS_DOWNLOAD_URL"; \techo "$REDIS_DOWNLOAD_SHA *redis.tar.gz" | sha256sum -c -; \tmkdir -p /usr/src/redis; \ttar -xzf redis.tar.gz -C /usr/src/redis --strip-components=1; \trm redis.tar.gz; \texport BUILD_TLS=yes; \tmake -C /usr/src/redis -j "$(nproc)" all; \tmake -C /usr/src/redis install; \trm -r /usr/src/redis; \tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \tredis-cli --version; \tredis-server --version # buildkit',
      entries: () =>
        // redis:8.0-M03-bookworm listed at 193MB; 8.0 builds the modules in
        sized(114_460_000, '/usr/lib/x86_64-linux-gnu', [
          ...dirs('/usr/local/lib/redis', '/usr/local/lib/redis/modules'),
          { type: 'file', path: '/usr/local/bin/redis-server', size: 15_600_000, mode: 0o755 },
          { type: 'file', path: '/usr/local/bin/redis-cli', size: 7_900_000, mode: 0o755 },
          ...links('/usr/local/bin', ['redis-benchmark', 'redis-check-aof', 'redis-check-rdb', 'redis-sentinel'], 'redis-server'),
          ...['redisbloom.so', 'redisearch.so', 'rejson.so', 'redistimeseries.so'].map((m) => ({ type: 'file' as const, path: `/usr/local/lib/redis/modules/${m}`, size: 18_000_000, mode: 0o755 })),
        ], 8),
    },
    { createdBy: 'RUN /bin/sh -c mkdir /data && chown redis:redis /data # buildkit', entries: () => dirs('/data') },
    { createdBy: 'VOLUME [/data]', empty: true },
    { createdBy: 'WORKDIR /data', empty: true },
    { createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', entries: () => [text('/usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINT, 0o775)] },
    { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]', empty: true },
    { createdBy: 'EXPOSE map[6379/tcp:{}]', empty: true },
    { createdBy: 'CMD ["redis-server"]', empty: true },
  ],
};

const GET_PIP_URL = 'https://github.com/pypa/get-pip/raw/d59197a3c169cef378a22428a3fa99d33e080a5d/get-pip.py';
const GET_PIP_SHA = '421ac1d44c0cf9730a088e337867d974b91bdce4ea2636099275071878cc189e';

/** python:2.7-slim — 2.7.18-slim-buster (docker-library/python 2.7/buster/slim, the last Python 2 image). */
export const PYTHON27_SLIM: ImageRecipe = {
  repo: 'library/python',
  tags: ['2.7-slim', '2.7.18-slim', '2-slim', '2.7-slim-buster', '2.7.18-slim-buster', '2-slim-buster'],
  created: '2020-04-23T16:29:59Z',
  config: {
    Env: [
      'PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'LANG=C.UTF-8',
      'PYTHONIOENCODING=UTF-8',
      'GPG_KEY=C01E1CAD5EA2C4F0B8E3571504C367C218ADD4FF',
      'PYTHON_VERSION=2.7.18',
      'PYTHON_PIP_VERSION=20.0.2',
      `PYTHON_GET_PIP_URL=${GET_PIP_URL}`,
      `PYTHON_GET_PIP_SHA256=${GET_PIP_SHA}`,
    ],
    Cmd: ['python2'],
  },
  history: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:9b8be2b52ee0fa31da1b6256099030b73546253a57e94cccb24605cd888bb74d in / ',
      entries: () => debianRoot({ osRelease: BUSTER_OS_RELEASE, size: 69_200_000, shell: 'dash', extraText: [text('/etc/debian_version', '10.3\n')] }),
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', empty: true },
    { createdBy: '/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', empty: true },
    { createdBy: '/bin/sh -c #(nop)  ENV LANG=C.UTF-8', empty: true },
    { createdBy: '/bin/sh -c #(nop)  ENV PYTHONIOENCODING=UTF-8', empty: true },
    {
      createdBy: classicRun('apt-get update && apt-get install -y --no-install-recommends \\\n\t\tca-certificates \\\n\t\tnetbase \\\n\t&& rm -rf /var/lib/apt/lists/*'),
      entries: () => sized(6_900_000, '/usr/share/ca-certificates/mozilla', [...dirs('/etc/ssl', '/etc/ssl/certs'), text('/etc/protocols', 'ip\t0\tIP\t\t# internet protocol, pseudo protocol number\ntcp\t6\tTCP\t\t# transmission control protocol\n')], 8),
    },
    { createdBy: '/bin/sh -c #(nop)  ENV GPG_KEY=C01E1CAD5EA2C4F0B8E3571504C367C218ADD4FF', empty: true },
    { createdBy: '/bin/sh -c #(nop)  ENV PYTHON_VERSION=2.7.18', empty: true },
    {
      // abridged: the Dockerfile's RUN also lists the build dependencies and PGO test set
      createdBy: classicRun('set -ex \\\n\t\\\n\t&& savedAptMark="$(apt-mark showmanual)" \\\n\t&& apt-get update && apt-get install -y --no-install-recommends \\\n\t\tdpkg-dev \\\n\t\tgcc \\\n\t\tlibbz2-dev \\\n\t\tlibc6-dev \\\n\t\tlibssl-dev \\\n\t\tmake \\\n\t\twget \\\n\t\tzlib1g-dev \\\n\t&& wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz" \\\n\t&& mkdir -p /usr/src/python \\\n\t&& tar -xJC /usr/src/python --strip-components=1 -f python.tar.xz \\\n\t&& rm python.tar.xz \\\n\t&& cd /usr/src/python \\\n\t&& ./configure \\\n\t\t--build="$gnuArch" \\\n\t\t--enable-optimizations \\\n\t\t--enable-option-checking=fatal \\\n\t\t--enable-shared \\\n\t\t--enable-unicode=ucs4 \\\n\t&& make -j "$(nproc)" \\\n\t&& make install \\\n\t&& ldconfig \\\n\t&& apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false \\\n\t&& rm -rf /var/lib/apt/lists/* \\\n\t&& rm -rf /usr/src/python \\\n\t\\\n\t&& python2 --version'),
      entries: () =>
        sized(63_100_000, '/usr/local/lib/python2.7', [
          ...dirs('/usr/local/lib/python2.7', '/usr/local/lib/python2.7/site-packages', '/usr/local/include/python2.7'),
          { type: 'file', path: '/usr/local/bin/python2.7', size: 14_440, mode: 0o755 },
          { type: 'symlink', path: '/usr/local/bin/python2', target: 'python2.7' },
          { type: 'symlink', path: '/usr/local/bin/python', target: 'python2' },
          { type: 'file', path: '/usr/local/bin/python2.7-config', size: 1_639, mode: 0o755 },
          { type: 'symlink', path: '/usr/local/bin/python2-config', target: 'python2.7-config' },
          { type: 'symlink', path: '/usr/local/bin/python-config', target: 'python2-config' },
          { type: 'file', path: '/usr/local/lib/libpython2.7.so.1.0', size: 6_300_000, mode: 0o555 },
          { type: 'symlink', path: '/usr/local/lib/libpython2.7.so', target: 'libpython2.7.so.1.0' },
          text('/usr/local/lib/python2.7/site-packages/README', 'This directory exists so that 3rd party packages can be installed\nhere.  Read the source for site.py for more details.\n'),
        ], 40),
    },
    { createdBy: '/bin/sh -c #(nop)  ENV PYTHON_PIP_VERSION=20.0.2', empty: true },
    { createdBy: `/bin/sh -c #(nop)  ENV PYTHON_GET_PIP_URL=${GET_PIP_URL}`, empty: true },
    { createdBy: `/bin/sh -c #(nop)  ENV PYTHON_GET_PIP_SHA256=${GET_PIP_SHA}`, empty: true },
    {
      createdBy: classicRun('set -ex; \\\n\t\\\n\tsavedAptMark="$(apt-mark showmanual)"; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends wget; \\\n\t\\\n\twget -O get-pip.py "$PYTHON_GET_PIP_URL"; \\\n\techo "$PYTHON_GET_PIP_SHA256 *get-pip.py" | sha256sum --check --strict -; \\\n\t\\\n\tapt-mark auto \'.*\' > /dev/null; \\\n\t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \\\n\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\\n\trm -rf /var/lib/apt/lists/*; \\\n\t\\\n\tpython get-pip.py \\\n\t\t--disable-pip-version-check \\\n\t\t--no-cache-dir \\\n\t\t"pip==$PYTHON_PIP_VERSION" \\\n\t; \\\n\tpip --version; \\\n\t\\\n\tfind /usr/local -depth \\\n\t\t\\( \\\n\t\t\t\\( -type d -a \\( -name test -o -name tests -o -name idle_test \\) \\) \\\n\t\t\t-o \\\n\t\t\t\\( -type f -a \\( -name \'*.pyc\' -o -name \'*.pyo\' \\) \\) \\\n\t\t\\) -exec rm -rf \'{}\' +; \\\n\trm -f get-pip.py'),
      entries: () =>
        sized(8_900_000, '/usr/local/lib/python2.7/site-packages/pip', [
          ...dirs('/usr/local/lib/python2.7/site-packages/pip-20.0.2.dist-info', '/usr/local/lib/python2.7/site-packages/setuptools', '/usr/local/lib/python2.7/site-packages/wheel'),
          ...programs('/usr/local/bin', ['pip', 'pip2', 'pip2.7', 'easy_install', 'easy_install-2.7', 'wheel'], 232),
          text('/usr/local/lib/python2.7/site-packages/pip-20.0.2.dist-info/METADATA', 'Metadata-Version: 2.1\nName: pip\nVersion: 20.0.2\n'),
        ], 20),
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["python2"]', empty: true },
  ],
};

/** A python:3.x-alpine of 2018 (listing only in the seeds): Alpine 3.8 with Python under /usr/local. */
function pythonAlpine(minor: string, version: string, pip: string, created: string, size: number, addHash: string): ImageRecipe {
  const base = 4_413_000;
  return {
    repo: 'library/python',
    tags: [`${minor}-alpine`, `${version}-alpine`, `${minor}-alpine3.8`, `${version}-alpine3.8`],
    created,
    config: {
      Env: ['PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'LANG=C.UTF-8', 'GPG_KEY=97FC712E4C024BBEA48A61ED3A5CA953F73C700D', `PYTHON_VERSION=${version}`, `PYTHON_PIP_VERSION=${pip}`],
      Cmd: ['python3'],
    },
    history: [
      { createdBy: `/bin/sh -c #(nop) ADD file:${addHash} in / `, entries: () => alpineRoot(alpineOsRelease('3.8.1', '3.8'), base) },
      { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty: true },
      { createdBy: '/bin/sh -c #(nop)  ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', empty: true },
      { createdBy: '/bin/sh -c #(nop)  ENV LANG=C.UTF-8', empty: true },
      { createdBy: '/bin/sh -c apk add --no-cache ca-certificates', entries: () => sized(300_000, '/etc/ssl/certs', [], 2) },
      { createdBy: '/bin/sh -c #(nop)  ENV GPG_KEY=97FC712E4C024BBEA48A61ED3A5CA953F73C700D', empty: true },
      { createdBy: `/bin/sh -c #(nop)  ENV PYTHON_VERSION=${version}`, empty: true },
      {
        createdBy: '/bin/sh -c set -ex \t&& apk add --no-cache --virtual .fetch-deps \t\tgnupg \t\tlibressl \t\ttar \t\txz \t\t&& wget -O python.tar.xz "https://www.python.org/ftp/python/${PYTHON_VERSION%%[a-z]*}/Python-$PYTHON_VERSION.tar.xz" \t&& mkdir -p /usr/src/python \t&& tar -xJC /usr/src/python --strip-components=1 -f python.tar.xz \t&& rm python.tar.xz \t\t&& cd /usr/src/python \t&& ./configure \t\t--enable-loadable-sqlite-extensions \t\t--enable-shared \t\t--with-system-expat \t\t--with-system-ffi \t\t--without-ensurepip \t&& make -j "$(nproc)" \t&& make install \t\t&& apk del .build-deps \t\t&& rm -rf /usr/src/python \t\t&& python3 --version',
        entries: () =>
          sized(size - base - 300_000 - 6_000_000, `/usr/local/lib/python${minor}`, [
            ...dirs(`/usr/local/lib/python${minor}`, `/usr/local/lib/python${minor}/site-packages`),
            { type: 'file', path: `/usr/local/bin/python${minor}`, size: 14_000, mode: 0o755 },
            { type: 'symlink', path: '/usr/local/bin/python3', target: `python${minor}` },
          ], 30),
      },
      {
        createdBy: '/bin/sh -c cd /usr/local/bin \t&& ln -s idle3 idle \t&& ln -s pydoc3 pydoc \t&& ln -s python3 python \t&& ln -s python3-config python-config',
        entries: () => [{ type: 'symlink', path: '/usr/local/bin/python', target: 'python3' }, { type: 'symlink', path: '/usr/local/bin/pydoc', target: 'pydoc3' }],
      },
      { createdBy: `/bin/sh -c #(nop)  ENV PYTHON_PIP_VERSION=${pip}`, empty: true },
      {
        createdBy: '/bin/sh -c set -ex; \t\twget -O get-pip.py \'https://bootstrap.pypa.io/get-pip.py\'; \t\tpython get-pip.py \t\t--disable-pip-version-check \t\t--no-cache-dir \t\t"pip==$PYTHON_PIP_VERSION" \t; \tpip --version; \t\tfind /usr/local -depth \t\t\\( \t\t\t\\( -type d -a \\( -name test -o -name tests \\) \\) \t\t\t-o \t\t\t\\( -type f -a \\( -name \'*.pyc\' -o -name \'*.pyo\' \\) \\) \t\t\\) -exec rm -rf \'{}\' +; \trm -f get-pip.py',
        entries: () => sized(6_000_000, `/usr/local/lib/python${minor}/site-packages/pip`, programs('/usr/local/bin', ['pip', 'pip3', `pip${minor}`], 220), 10),
      },
      { createdBy: '/bin/sh -c #(nop)  CMD ["python3"]', empty: true },
    ],
  };
}

export const PYTHON34_ALPINE = pythonAlpine('3.4', '3.4.9', '18.0', '2018-08-21T23:37:30Z', 82_600_000, '25c10b1d1b41d46a1827ad0b0d2389c24df6d31430005ff4e9a2d84ea23ebd42');
export const PYTHON35_ALPINE = pythonAlpine('3.5', '3.5.6', '18.0', '2018-08-21T23:35:41Z', 88_800_000, '25c10b1d1b41d46a1827ad0b0d2389c24df6d31430005ff4e9a2d84ea23ebd42');

/** registry:2 — Distribution 2.8.3 on Alpine 3.18 (distribution/distribution-library-image). */
export const REGISTRY: ImageRecipe = {
  repo: 'library/registry',
  tags: ['2', '2.8', '2.8.3'],
  created: '2023-10-02T18:18:43Z',
  config: {
    ExposedPorts: { '5000/tcp': {} },
    Env: [PATH_ENV],
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['/etc/docker/registry/config.yml'],
    Volumes: { '/var/lib/registry': {} },
  },
  history: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:756183bba9c7f4593c2b216e98e4208b9163c4c962ea0837ef88bd917609d001 in / ',
      entries: () => alpineRoot(alpineOsRelease('3.18.4', '3.18'), 7_330_000),
    },
    { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty: true },
    { createdBy: '/bin/sh -c apk add --no-cache ca-certificates', entries: () => sized(690_000, '/etc/ssl/certs', [...dirs('/etc/ssl')], 2) },
    {
      // abridged: the per-architecture download URLs and checksums are left out
      createdBy: "/bin/sh -c set -eux; \tversion='2.8.3'; \tapkArch=\"$(apk --print-arch)\"; \twget -O registry.tar.gz \"https://github.com/distribution/distribution/releases/download/v${version}/registry_${version}_linux_${arch}.tar.gz\"; \techo \"$sha256 *registry.tar.gz\" | sha256sum -c -; \ttar --extract --verbose --file registry.tar.gz --directory /bin/ registry; \trm registry.tar.gz; \tregistry --version",
      entries: () => [{ type: 'file', path: '/bin/registry', size: 17_400_000, mode: 0o755 }],
    },
    {
      createdBy: '/bin/sh -c #(nop) COPY file:4544cc1555469403a322c7e6e3e3e6a5b0bd2a3f2bb4da5f8a33c7d3e3c3b4a1 in /etc/docker/registry/config.yml ',
      entries: () => [
        ...dirs('/etc/docker', '/etc/docker/registry'),
        text('/etc/docker/registry/config.yml', 'version: 0.1\nlog:\n  fields:\n    service: registry\nstorage:\n  cache:\n    blobdescriptor: inmemory\n  filesystem:\n    rootdirectory: /var/lib/registry\nhttp:\n  addr: :5000\n  headers:\n    X-Content-Type-Options: [nosniff]\nhealth:\n  storagedriver:\n    enabled: true\n    interval: 10s\n    threshold: 3\n'),
      ],
    },
    { createdBy: '/bin/sh -c #(nop)  VOLUME [/var/lib/registry]', empty: true },
    { createdBy: '/bin/sh -c #(nop)  EXPOSE 5000', empty: true },
    { createdBy: '/bin/sh -c #(nop) COPY file:507caa54f88c1f3862e5876e09a108b2083630ba24c57ad124e356a2de861d62 in /entrypoint.sh ', entries: () => [text('/entrypoint.sh', REGISTRY_ENTRYPOINT, 0o755)] },
    { createdBy: '/bin/sh -c #(nop)  ENTRYPOINT ["/entrypoint.sh"]', empty: true },
    { createdBy: '/bin/sh -c #(nop)  CMD ["/etc/docker/registry/config.yml"]', empty: true },
  ],
};

function jessieOrStretch(osRelease: string, version: string, size: number): () => EntryRecipe[] {
  return () => debianRoot({ osRelease, size, shell: 'dash', extraText: [text('/etc/debian_version', `${version}\n`)] });
}

/** mongo:3.3.11 — a 2016 development release on Debian jessie (listing and pull only). */
export const MONGO_3311: ImageRecipe = {
  repo: 'library/mongo',
  tags: ['3.3.11', '3.3'],
  created: '2016-08-16T22:55:41Z',
  config: {
    ExposedPorts: { '27017/tcp': {} },
    Env: [PATH_ENV, 'GOSU_VERSION=1.7', 'GPG_KEYS=DFFA3DCF326E302C4787673A01C4E7FAAAB2461C 42F3E95A2C4F08279C4960ADD68FA50FEA312927', 'MONGO_MAJOR=3.3', 'MONGO_VERSION=3.3.11', 'MONGO_PACKAGE=mongodb-org-unstable'],
    Entrypoint: ['/entrypoint.sh'],
    Cmd: ['mongod'],
    Volumes: { '/data/configdb': {}, '/data/db': {} },
  },
  history: [
    { createdBy: '/bin/sh -c #(nop) ADD file:23aa4f893e3288698c011e3e2da1d7ab94f5bfd9ff9e0b4f6c0bbd46fe6d4f1b in / ', entries: jessieOrStretch(JESSIE_OS_RELEASE, '8.5', 125_100_000) },
    { createdBy: '/bin/sh -c #(nop) CMD ["/bin/bash"]', empty: true },
    {
      createdBy: '/bin/sh -c groupadd -r mongodb && useradd -r -g mongodb mongodb',
      entries: () => [text('/etc/passwd', `${DEBIAN_PASSWD}mongodb:x:999:999::/home/mongodb:\n`), text('/etc/group', `${DEBIAN_GROUP}mongodb:x:999:\n`)],
    },
    {
      createdBy: '/bin/sh -c apt-get update \t&& apt-get install -y --no-install-recommends \t\tnumactl \t&& rm -rf /var/lib/apt/lists/*',
      entries: () => sized(84_000, '/usr/lib/x86_64-linux-gnu', programs('/usr/bin', ['numactl'], 20_000), 2),
    },
    { createdBy: '/bin/sh -c #(nop) ENV GOSU_VERSION=1.7', empty: true },
    {
      createdBy: '/bin/sh -c set -x \t&& apt-get update && apt-get install -y --no-install-recommends ca-certificates wget && rm -rf /var/lib/apt/lists/* \t&& wget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$(dpkg --print-architecture)" \t&& chmod +x /usr/local/bin/gosu \t&& gosu nobody true \t&& apt-get purge -y --auto-remove ca-certificates wget',
      entries: () => [{ type: 'file', path: '/usr/local/bin/gosu', size: 1_290_000, mode: 0o755 }],
    },
    { createdBy: '/bin/sh -c #(nop) ENV MONGO_MAJOR=3.3', empty: true },
    { createdBy: '/bin/sh -c #(nop) ENV MONGO_VERSION=3.3.11', empty: true },
    { createdBy: '/bin/sh -c #(nop) ENV MONGO_PACKAGE=mongodb-org-unstable', empty: true },
    {
      createdBy: '/bin/sh -c set -x \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig',
      entries: () => sized(218_500_000, '/usr/lib/mongodb', programs('/usr/bin', ['mongod', 'mongo', 'mongos', 'mongodump', 'mongorestore', 'mongoexport', 'mongoimport', 'mongostat', 'mongotop'], 30_000_000), 4),
    },
    { createdBy: '/bin/sh -c mkdir -p /data/db /data/configdb \t&& chown -R mongodb:mongodb /data/db /data/configdb', entries: () => dirs('/data', '/data/db', '/data/configdb') },
    { createdBy: '/bin/sh -c #(nop) VOLUME [/data/db /data/configdb]', empty: true },
    {
      createdBy: '/bin/sh -c #(nop) COPY file:c1c9bbd2cc9a8e4a6a8e1b2e2c6c2f7ce9d5e0c5b1f1b5a4b2d3f0e6a8d7c9b1 in /entrypoint.sh ',
      entries: () => [text('/entrypoint.sh', '#!/bin/bash\nset -e\n\nif [ "${1:0:1}" = \'-\' ]; then\n\tset -- mongod "$@"\nfi\n\nexec "$@"\n', 0o755)],
    },
    { createdBy: '/bin/sh -c #(nop) ENTRYPOINT ["/entrypoint.sh"]', empty: true },
    { createdBy: '/bin/sh -c #(nop) EXPOSE 27017/tcp', empty: true },
    { createdBy: '/bin/sh -c #(nop) CMD ["mongod"]', empty: true },
  ],
};

/** rabbitmq:3.7.7-management — 2018, Debian stretch (listing only in the seeds). */
export const RABBITMQ_377_MANAGEMENT: ImageRecipe = {
  repo: 'library/rabbitmq',
  tags: ['3.7.7-management', '3.7-management'],
  created: '2018-08-06T21:54:37Z',
  config: {
    ExposedPorts: { '4369/tcp': {}, '5671/tcp': {}, '5672/tcp': {}, '15671/tcp': {}, '15672/tcp': {}, '25672/tcp': {} },
    Env: [
      'PATH=/usr/lib/rabbitmq/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'GOSU_VERSION=1.10',
      'RABBITMQ_LOGS=-',
      'RABBITMQ_SASL_LOGS=-',
      'RABBITMQ_GPG_KEY=0A9AF2115F4687BD29803A206B73A36E6026DFCA',
      'RABBITMQ_VERSION=3.7.7',
      'RABBITMQ_GITHUB_TAG=v3.7.7',
      'RABBITMQ_DEBIAN_VERSION=3.7.7-1',
      'LANG=C.UTF-8',
      'LANGUAGE=C.UTF-8',
      'LC_ALL=C.UTF-8',
      'HOME=/var/lib/rabbitmq',
    ],
    Entrypoint: ['docker-entrypoint.sh'],
    Cmd: ['rabbitmq-server'],
    Volumes: { '/var/lib/rabbitmq': {} },
  },
  history: [
    { createdBy: '/bin/sh -c #(nop) ADD file:919939fa022472751a8b4a3c11a5b0ca6ac0ee5ee3ea6ef00eb21c38c1bcba1a in / ', entries: jessieOrStretch(STRETCH_OS_RELEASE, '9.5', 55_300_000) },
    { createdBy: '/bin/sh -c #(nop)  CMD ["bash"]', empty: true },
    {
      createdBy: '/bin/sh -c groupadd -r rabbitmq && useradd -r -d /var/lib/rabbitmq -m -g rabbitmq rabbitmq',
      entries: () => [text('/etc/passwd', `${DEBIAN_PASSWD}rabbitmq:x:999:999::/var/lib/rabbitmq:/bin/sh\n`), text('/etc/group', `${DEBIAN_GROUP}rabbitmq:x:999:\n`), ...dirs('/var/lib/rabbitmq')],
    },
    {
      createdBy: '/bin/sh -c set -eux; \t\tapt-get update; \tapt-get install -y --no-install-recommends \t\terlang-asn1 \t\terlang-crypto \t\terlang-eldap \t\terlang-inets \t\terlang-mnesia \t\terlang-nox \t\terlang-os-mon \t\terlang-public-key \t\terlang-ssl \t\terlang-xmerl \t\trabbitmq-server="$RABBITMQ_DEBIAN_VERSION" \t; \trm -rf /var/lib/apt/lists/*',
      entries: () =>
        sized(88_700_000, '/usr/lib/erlang/lib', [
          ...dirs('/usr/lib/rabbitmq', '/usr/lib/rabbitmq/bin', '/etc/rabbitmq'),
          ...programs('/usr/lib/rabbitmq/bin', ['rabbitmq-server', 'rabbitmqctl', 'rabbitmq-plugins', 'rabbitmq-env', 'rabbitmq-defaults', 'rabbitmq-diagnostics'], 12_000),
          ...programs('/usr/bin', ['erl', 'escript'], 30_000),
        ], 30),
    },
    { createdBy: '/bin/sh -c #(nop)  VOLUME [/var/lib/rabbitmq]', empty: true },
    {
      createdBy: '/bin/sh -c #(nop) COPY file:8a1a4d5e2ff1d5e1e5a0b6b2cdd5e1f0d6a2b5c1e4f3a2d1c0b9a8f7e6d5c4b3 in /usr/local/bin/ ',
      entries: () => [text('/usr/local/bin/docker-entrypoint.sh', '#!/bin/bash\nset -eu\n\n# allow the container to be started with `--user`\nif [[ "$1" == rabbitmq* ]] && [ "$(id -u)" = \'0\' ]; then\n\tif [ "$1" = \'rabbitmq-server\' ]; then\n\t\tfind /var/lib/rabbitmq \\! -user rabbitmq -exec chown rabbitmq \'{}\' +\n\tfi\nfi\n\nexec "$@"\n', 0o775)],
    },
    { createdBy: '/bin/sh -c #(nop)  ENTRYPOINT ["docker-entrypoint.sh"]', empty: true },
    { createdBy: '/bin/sh -c #(nop)  EXPOSE 25672/tcp 4369/tcp 5671/tcp 5672/tcp', empty: true },
    { createdBy: '/bin/sh -c #(nop)  CMD ["rabbitmq-server"]', empty: true },
    {
      createdBy: '/bin/sh -c rabbitmq-plugins enable --offline rabbitmq_management',
      entries: () => [...dirs('/etc/rabbitmq'), text('/etc/rabbitmq/enabled_plugins', '[rabbitmq_management].\n')],
    },
    {
      createdBy: "/bin/sh -c set -eux; \terl -noinput -eval ' \t\t{ ok, AdminBin } = zip:foldl(fun(FileInArchive, GetInfo, GetBin, Acc) -> \t\t\tcase Acc of \t\t\t\t\"\" -> \t\t\t\t\tcase lists:suffix(\"/rabbitmqadmin\", FileInArchive) of \t\t\t\t\t\ttrue -> GetBin(); \t\t\t\t\t\tfalse -> Acc \t\t\t\t\tend; \t\t\t\t_ -> Acc \t\t\tend \t\tend, \"\", init:get_plain_arguments()), \t\tio:format(\"~s\", [ AdminBin ]), \t\tinit:stop(). \t' -- /plugins/rabbitmq_management-*.ez > /usr/local/bin/rabbitmqadmin; \t[ -s /usr/local/bin/rabbitmqadmin ]; \tchmod +x /usr/local/bin/rabbitmqadmin; \tapt-get update; apt-get install -y --no-install-recommends python; rm -rf /var/lib/apt/lists/*; \trabbitmqadmin --version",
      entries: () => sized(4_300_000, '/usr/lib/python2.7', [{ type: 'file', path: '/usr/local/bin/rabbitmqadmin', size: 42_000, mode: 0o755 }], 10),
    },
    { createdBy: '/bin/sh -c #(nop)  EXPOSE 15671/tcp 15672/tcp', empty: true },
  ],
};
