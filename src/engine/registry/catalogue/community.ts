// Images of Docker Hub users the seed tutorials pull: training/sinatra (the
// old Docker user guide's Ruby image) and nigelpoulton/tu-demo.
import { alpineRoot, debianRoot, sized } from './linux.ts';
import { alpineOsRelease } from './osrelease.ts';
import { PATH_ENV, dirs, programs, text, type ImageRecipe, type LayerRecipe } from './recipe.ts';

const TRUSTY_OS_RELEASE = `NAME="Ubuntu"
VERSION="14.04, Trusty Tahr"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 14.04 LTS"
VERSION_ID="14.04"
HOME_URL="http://www.ubuntu.com/"
SUPPORT_URL="http://help.ubuntu.com/"
BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"
`;

const GEMS = '/var/lib/gems/1.9.1';

/** training/sinatra: Ubuntu 14.04 with Ruby 1.9.3 and the sinatra gem, built in 2014. */
export const TRAINING_SINATRA: ImageRecipe = {
  repo: 'training/sinatra',
  tags: ['latest'],
  created: '2014-05-30T04:37:55Z',
  config: { Env: ['HOME=/', PATH_ENV], Cmd: ['/bin/bash'] },
  history: [
    {
      createdBy: '/bin/sh -c #(nop) ADD file:1f70668251e2e58cc7a2c9d0d4a3a8a19d22c2b0ea0c1d3e4b7a6f5e4d3c2b1a in /',
      entries: () =>
        debianRoot({
          osRelease: TRUSTY_OS_RELEASE,
          size: 192_500_000,
          shell: 'dash',
          procps: true,
          extraText: [
            text('/etc/lsb-release', 'DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=14.04\nDISTRIB_CODENAME=trusty\nDISTRIB_DESCRIPTION="Ubuntu 14.04 LTS"\n'),
            text('/etc/debian_version', 'jessie/sid\n'),
            text('/etc/motd', ''),
          ],
        }),
    },
    {
      createdBy: "/bin/sh -c echo '#!/bin/sh' > /usr/sbin/policy-rc.d \t&& echo 'exit 101' >> /usr/sbin/policy-rc.d \t&& chmod +x /usr/sbin/policy-rc.d",
      entries: () => [text('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n', 0o755)],
    },
    { createdBy: "/bin/sh -c sed -i 's/^#\\s*\\(deb.*universe\\)$/\\1/g' /etc/apt/sources.list", entries: () => [...dirs('/etc/apt'), text('/etc/apt/sources.list', 'deb http://archive.ubuntu.com/ubuntu/ trusty main restricted\ndeb http://archive.ubuntu.com/ubuntu/ trusty universe\n')] },
    { createdBy: '/bin/sh -c #(nop) CMD [/bin/bash]', empty: true },
    { createdBy: '/bin/sh -c #(nop) MAINTAINER Docker Education Team <education@docker.com>', empty: true },
    {
      createdBy: '/bin/sh -c apt-get update && apt-get install -y ruby ruby-dev',
      entries: () =>
        sized(249_600_000, '/usr/lib/ruby/1.9.1', [
          ...dirs('/usr/lib/ruby', '/usr/lib/ruby/1.9.1', '/var/lib/gems', GEMS, `${GEMS}/gems`, `${GEMS}/specifications`),
          // ruby and gem are files of their own name (the package's are links to
          // ruby1.9.1 and gem1.9.1) so that each resolves to its program
          ...programs('/usr/bin', ['ruby', 'gem', 'ruby1.9.1', 'gem1.9.1', 'irb', 'erb', 'rdoc', 'ri', 'testrb', 'gcc', 'make'], 5_616),
        ], 40),
    },
    {
      createdBy: '/bin/sh -c gem install sinatra',
      entries: () =>
        sized(4_800_000, `${GEMS}/gems/rack-1.5.2/lib`, [
          ...dirs(`${GEMS}/gems/sinatra-1.4.5`, `${GEMS}/gems/rack-protection-1.5.3`, `${GEMS}/gems/tilt-1.4.1`, `${GEMS}/gems/rack-1.5.2`, `${GEMS}/specifications`),
          ...['sinatra-1.4.5', 'rack-protection-1.5.3', 'tilt-1.4.1', 'rack-1.5.2'].map((g) => text(`${GEMS}/specifications/${g}.gemspec`, `# -*- encoding: utf-8 -*-\nGem::Specification.new do |s|\n  s.name = "${g.replace(/-[\d.]+$/, '')}"\n  s.version = "${g.match(/[\d.]+$/)![0]}"\nend\n`)),
          ...programs('/usr/local/bin', ['rackup', 'tilt'], 500),
        ], 10),
    },
  ],
};

const TU_CREATED = '2018-09-04T20:05:02Z';

// layers shared by every tag (one recipe object each, so one digest)
const TU_BASE: LayerRecipe = {
  createdBy: '/bin/sh -c #(nop) ADD file:25c10b1d1b41d46a1827ad0b0d2389c24df6d31430005ff4e9a2d84ea23ebd42 in / ',
  entries: () => alpineRoot(alpineOsRelease('3.8.1', '3.8'), 4_413_000),
};
const TU_PYTHON: LayerRecipe = {
  createdBy: '/bin/sh -c apk add --update python3 py3-pip',
  entries: () =>
    sized(57_600_000, '/usr/lib/python3.6', [
      ...dirs('/usr/lib/python3.6', '/usr/lib/python3.6/site-packages'),
      { type: 'file', path: '/usr/bin/python3.6', size: 14_000, mode: 0o755 },
      { type: 'symlink', path: '/usr/bin/python3', target: 'python3.6' },
      ...programs('/usr/bin', ['pip3'], 220),
    ], 30),
};
const TU_DEPS: LayerRecipe = {
  createdBy: '/bin/sh -c pip3 install -r /src/requirements.txt',
  entries: () => sized(5_300_000, '/usr/lib/python3.6/site-packages/flask', [...dirs('/usr/lib/python3.6/site-packages/Flask-1.0.2.dist-info')], 10),
};

function tuApp(version: string, heading: string): LayerRecipe {
  return {
    createdBy: '/bin/sh -c #(nop) COPY dir:' + (version === 'v1' ? '6a0f2d0b8e3bd1e5c2a3f4b9d0e1c2b3a4f5e6d7c8b9a0f1e2d3c4b5a6f7e8d9' : '9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b') + ' in /src ',
    entries: () => [
      ...dirs('/src', '/src/templates'),
      text('/src/requirements.txt', 'Flask\n'),
      text('/src/app.py', 'from flask import Flask, render_template\n\napp = Flask(__name__)\n\n@app.route("/")\ndef home():\n    return render_template("home.html")\n\nif __name__ == "__main__":\n    app.run(host="0.0.0.0", port=8080)\n'),
      text('/src/templates/home.html', `<html>\n<head><title>Docker FTW</title></head>\n<body>\n<h1>${heading}</h1>\n<p>Be careful. The last time I updated Docker Desktop, it took me 2 days to get back to work.</p>\n</body>\n</html>\n`),
    ],
  };
}

function tuDemo(tags: string[], version: string, heading: string): ImageRecipe {
  return {
    repo: 'nigelpoulton/tu-demo',
    tags,
    created: TU_CREATED,
    config: { ExposedPorts: { '8080/tcp': {} }, Env: [PATH_ENV], Entrypoint: ['python3', '/src/app.py'], Labels: { maintainer: 'nigelpoulton@hotmail.com' } },
    history: [
      TU_BASE,
      { createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]', empty: true },
      { createdBy: '/bin/sh -c #(nop)  LABEL maintainer=nigelpoulton@hotmail.com', empty: true },
      TU_PYTHON,
      tuApp(version, heading),
      TU_DEPS,
      { createdBy: '/bin/sh -c #(nop)  EXPOSE 8080', empty: true },
      { createdBy: '/bin/sh -c #(nop)  ENTRYPOINT ["python3" "/src/app.py"]', empty: true },
    ],
  };
}

/** latest and v1 are one image; v2 differs in its app layer only. */
export const TU_DEMO_V1 = tuDemo(['latest', 'v1'], 'v1', 'Hello Docker!');
export const TU_DEMO_V2 = tuDemo(['v2'], 'v2', 'Hello Docker! (v2)');
