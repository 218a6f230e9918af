// node:22 (lts, jod) on buildpack-deps:bookworm and node:22-slim on
// debian:bookworm-slim, as docker-library/node (nodejs/docker-node
// 22/bookworm{,-slim}/Dockerfile) builds them: a `node` user (uid 1000),
// the official linux-x64 tarball unpacked into /usr/local, yarn 1 under
// /opt, and an entrypoint that prepends `node` to arguments that are not a
// command. Sizes are Hub's 2025 listings, split over the layers by estimate.
import { debianRoot, sized, DEBIAN_GROUP, DEBIAN_PASSWD } from './linux.ts';
import { BOOKWORM_OS_RELEASE } from './osrelease.ts';
import { PATH_ENV, dirs, programs, text, type EntryRecipe, type ImageRecipe } from './recipe.ts';

export const NODE_VERSION = '22.18.0';
export const NPM_VERSION = '10.9.3';
export const YARN_VERSION = '1.22.22';

/**
 * /usr/local/bin/docker-entrypoint.sh: when the first argument is an option
 * (`-e`), or not a command on PATH, or a file that is not executable
 * (`app.js`), the arguments are given to node; then the command replaces
 * the shell.
 */
export const NODE_ENTRYPOINT = `#!/bin/sh
set -e

# node's options (-e, --version) and scripts (app.js) run through node;
# commands on PATH (npm, bash, node) run as they are
if [ "\${1#-}" != "\${1}" ] || [ -z "$(command -v "\${1}")" ] || { [ -f "\${1}" ] && ! [ -x "\${1}" ]; }; then
  set -- node "$@"
fi

exec "$@"
`;

function nodeVersionHeader(v: string): string {
  const [major, minor, patch] = v.split('.');
  return `#ifndef SRC_NODE_VERSION_H_\n#define SRC_NODE_VERSION_H_\n\n#define NODE_MAJOR_VERSION ${major}\n#define NODE_MINOR_VERSION ${minor}\n#define NODE_PATCH_VERSION ${patch}\n\n#define NODE_VERSION_IS_LTS 1\n#define NODE_VERSION_LTS_CODENAME "Jod"\n\n#define NODE_VERSION_IS_RELEASE 1\n\n#endif  /* SRC_NODE_VERSION_H_ */\n`;
}

/** The files of node-v<version>-linux-x64.tar.xz under /usr/local, with the Dockerfile's nodejs link. */
function nodeTarball(size: number): EntryRecipe[] {
  const npm = '/usr/local/lib/node_modules/npm';
  return sized(size, '/usr/local/include/node/openssl', [
    ...dirs('/usr/local/lib/node_modules', npm, `${npm}/bin`, `${npm}/lib`, '/usr/local/lib/node_modules/corepack', '/usr/local/lib/node_modules/corepack/dist', '/usr/local/include/node', '/usr/local/share/doc/node', '/usr/local/share/man/man1'),
    { type: 'file', path: '/usr/local/bin/node', size: 117_300_000, mode: 0o755 },
    { type: 'symlink', path: '/usr/local/bin/nodejs', target: '/usr/local/bin/node' },
    { type: 'symlink', path: '/usr/local/bin/npm', target: '../lib/node_modules/npm/bin/npm-cli.js' },
    { type: 'symlink', path: '/usr/local/bin/npx', target: '../lib/node_modules/npm/bin/npx-cli.js' },
    { type: 'symlink', path: '/usr/local/bin/corepack', target: '../lib/node_modules/corepack/dist/corepack.js' },
    text(`${npm}/bin/npm-cli.js`, "#!/usr/bin/env node\nrequire('../lib/cli.js')(process)\n", 0o755),
    text(`${npm}/bin/npx-cli.js`, "#!/usr/bin/env node\n\nconst cli = require('../lib/cli.js')\n", 0o755),
    text(`${npm}/package.json`, `{\n  "version": "${NPM_VERSION}",\n  "name": "npm",\n  "description": "a package manager for JavaScript",\n  "license": "Artistic-2.0"\n}\n`),
    { type: 'file', path: `${npm}/lib/cli.js`, size: 3_200, mode: 0o644 },
    { type: 'file', path: '/usr/local/lib/node_modules/corepack/dist/corepack.js', size: 90, mode: 0o755 },
    text('/usr/local/include/node/node_version.h', nodeVersionHeader(NODE_VERSION)),
    { type: 'file', path: '/usr/local/share/man/man1/node.1', size: 22_000, mode: 0o644 },
  ], 30);
}

function yarnLayer(): EntryRecipe[] {
  const dir = `/opt/yarn-v${YARN_VERSION}`;
  return sized(5_300_000, `${dir}/lib`, [
    ...dirs(dir, `${dir}/bin`),
    ...programs(`${dir}/bin`, ['yarn', 'yarnpkg'], 1_100),
    { type: 'file', path: `${dir}/package.json`, size: 570, mode: 0o644 },
    { type: 'symlink', path: '/usr/local/bin/yarn', target: `${dir}/bin/yarn` },
    { type: 'symlink', path: '/usr/local/bin/yarnpkg', target: `${dir}/bin/yarnpkg` },
  ], 4);
}

const CREATED = '2025-08-12T19:07:42Z';
const CONFIG = {
  Env: [PATH_ENV, `NODE_VERSION=${NODE_VERSION}`, `YARN_VERSION=${YARN_VERSION}`],
  Entrypoint: ['docker-entrypoint.sh'],
  Cmd: ['node'],
};

const USER_STEP = {
  createdBy: 'RUN /bin/sh -c groupadd --gid 1000 node   && useradd --uid 1000 --gid node --shell /bin/bash --create-home node # buildkit',
  entries: () => [...dirs('/home/node'), text('/etc/passwd', `${DEBIAN_PASSWD}node:x:1000:1000::/home/node:/bin/bash\n`), text('/etc/group', `${DEBIAN_GROUP}node:x:1000:\n`)],
};

/** The Dockerfile's node step (abridged: the release keys it imports and the arch cases). */
const NODE_RUN =
  'RUN /bin/sh -c ARCH= && dpkgArch="$(dpkg --print-architecture)"   && case "${dpkgArch##*-}" in     amd64) ARCH=\'x64\';;     arm64) ARCH=\'arm64\';;     *) echo "unsupported architecture"; exit 1 ;;   esac   && set -ex   && for key in $(curl -sL https://raw.githubusercontent.com/nodejs/docker-node/HEAD/keys/node.keys); do       gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||       gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/node-v$NODE_VERSION-linux-$ARCH.tar.xz"   && curl -fsSLO --compressed "https://nodejs.org/dist/v$NODE_VERSION/SHASUMS256.txt.asc"   && gpg --batch --decrypt --output SHASUMS256.txt SHASUMS256.txt.asc   && grep " node-v$NODE_VERSION-linux-$ARCH.tar.xz\\$" SHASUMS256.txt | sha256sum -c -   && tar -xJf "node-v$NODE_VERSION-linux-$ARCH.tar.xz" -C /usr/local --strip-components=1 --no-same-owner   && rm "node-v$NODE_VERSION-linux-$ARCH.tar.xz" SHASUMS256.txt.asc SHASUMS256.txt   && ln -s /usr/local/bin/node /usr/local/bin/nodejs   && node --version   && npm --version   && rm -rf /tmp/* # buildkit';

const YARN_RUN =
  'RUN /bin/sh -c set -ex   && export GNUPGHOME="$(mktemp -d)"   && for key in     6A010C5166006599AA17F08146C2130DFD2497F5   ; do     gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys "$key" ||     gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key" ;   done   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz"   && curl -fsSLO --compressed "https://yarnpkg.com/downloads/$YARN_VERSION/yarn-v$YARN_VERSION.tar.gz.asc"   && gpg --batch --verify yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && gpgconf --kill all   && rm -rf "$GNUPGHOME"   && mkdir -p /opt   && tar -xzf yarn-v$YARN_VERSION.tar.gz -C /opt/   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarn /usr/local/bin/yarn   && ln -s /opt/yarn-v$YARN_VERSION/bin/yarnpkg /usr/local/bin/yarnpkg   && rm yarn-v$YARN_VERSION.tar.gz.asc yarn-v$YARN_VERSION.tar.gz   && yarn --version   && rm -rf /tmp/* # buildkit';

const TAIL = [
  { createdBy: `ENV YARN_VERSION=${YARN_VERSION}`, empty: true },
  { createdBy: YARN_RUN, entries: yarnLayer },
  { createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', entries: () => [text('/usr/local/bin/docker-entrypoint.sh', NODE_ENTRYPOINT, 0o755)] },
  { createdBy: 'ENTRYPOINT ["docker-entrypoint.sh"]', empty: true },
  { createdBy: 'CMD ["node"]', empty: true },
];

/** node:22 — 22.18.0 on buildpack-deps:bookworm (its curl, scm and build-tools layers). */
export const NODE22: ImageRecipe = {
  repo: 'library/node',
  tags: ['22', '22.18', '22.18.0', 'jod', 'lts', 'lts-jod', '22-bookworm', '22.18-bookworm', '22.18.0-bookworm', 'bookworm', 'lts-bookworm', 'jod-bookworm'],
  created: CREATED,
  config: CONFIG,
  history: [
    {
      createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1754870400'",
      entries: () =>
        debianRoot({ osRelease: BOOKWORM_OS_RELEASE, size: 116_500_000, shell: 'dash', procps: true, extraText: [text('/etc/debian_version', '12.11\n')] }),
    },
    { createdBy: 'CMD ["bash"]', empty: true },
    {
      createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tca-certificates \t\tcurl \t\tgnupg \t\tnetbase \t\tsq \t\twget \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      entries: () => sized(24_400_000, '/usr/lib/x86_64-linux-gnu', [...dirs('/etc/ssl', '/etc/ssl/certs'), ...programs('/usr/bin', ['curl', 'wget', 'gpg', 'sq'], 260_000)], 10),
    },
    {
      createdBy: 'RUN /bin/sh -c set -eux; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tgit \t\tmercurial \t\topenssh-client \t\tsubversion \t\t\t\tprocps \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      entries: () => sized(196_000_000, '/usr/lib/git-core', programs('/usr/bin', ['git', 'hg', 'ssh', 'scp', 'svn'], 3_200_000), 40),
    },
    {
      // abridged: the Dockerfile installs some seventy -dev packages besides these
      createdBy: 'RUN /bin/sh -c set -ex; \tapt-get update; \tapt-get install -y --no-install-recommends \t\tautoconf \t\tautomake \t\tbzip2 \t\tdefault-libmysqlclient-dev \t\tdpkg-dev \t\tfile \t\tg++ \t\tgcc \t\timagemagick \t\tlibbz2-dev \t\tlibc6-dev \t\tlibcurl4-openssl-dev \t\tlibffi-dev \t\tlibjpeg-dev \t\tlibpq-dev \t\tlibssl-dev \t\tlibtool \t\tmake \t\tpatch \t\tunzip \t\txz-utils \t\tzlib1g-dev \t; \trm -rf /var/lib/apt/lists/* # buildkit',
      entries: () => sized(633_000_000, '/usr/lib/gcc/x86_64-linux-gnu/12', programs('/usr/bin', ['gcc', 'g++', 'make', 'patch', 'unzip', 'file', 'bzip2', 'xz'], 900_000), 120),
    },
    USER_STEP,
    { createdBy: `ENV NODE_VERSION=${NODE_VERSION}`, empty: true },
    { createdBy: NODE_RUN, entries: () => nodeTarball(147_000_000) },
    ...TAIL,
  ],
};

/** node:22-slim — 22.18.0 on debian:bookworm-slim (the tarball fetched with build tools purged afterwards). */
export const NODE22_SLIM: ImageRecipe = {
  repo: 'library/node',
  tags: ['22-slim', '22.18-slim', '22.18.0-slim', 'jod-slim', 'lts-slim', '22-bookworm-slim', '22.18-bookworm-slim', '22.18.0-bookworm-slim', 'bookworm-slim', 'lts-bookworm-slim', 'jod-bookworm-slim'],
  created: CREATED,
  config: CONFIG,
  history: [
    {
      createdBy: "# debian.sh --arch 'amd64' out/ 'bookworm' '@1754870400'",
      entries: () => debianRoot({ osRelease: BOOKWORM_OS_RELEASE, size: 74_800_000, shell: 'dash', extraText: [text('/etc/debian_version', '12.11\n')] }),
    },
    { createdBy: 'CMD ["bash"]', empty: true },
    USER_STEP,
    { createdBy: `ENV NODE_VERSION=${NODE_VERSION}`, empty: true },
    {
      createdBy: NODE_RUN.replace('&& set -ex ', '&& set -ex     && savedAptMark="$(apt-mark showmanual)"     && apt-get update && apt-get install -y ca-certificates curl wget gnupg dirmngr xz-utils libatomic1 --no-install-recommends     && rm -rf /var/lib/apt/lists/* ').replace(' && node --version', ' && apt-mark auto \'.*\' > /dev/null     && apt-mark manual libatomic1     && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false     && node --version'),
      entries: () => nodeTarball(146_000_000),
    },
    ...TAIL,
  ],
};
