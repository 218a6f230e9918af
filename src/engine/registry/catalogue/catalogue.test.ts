// The seed tutorials' images, pulled through the simulated host: sizes,
// configuration, history and files as Docker Hub serves them. Expected
// values come from the images' Dockerfiles (docker-library/tomcat,
// docker-library/python, nginxinc/docker-nginx, redis/docker-library-redis,
// distribution/distribution-library-image) and Hub's listings.
import { beforeAll, describe, expect, it } from 'vitest';
import { createHost, type SimulatedHost } from '../../../shell/host.ts';
import { createNodePlatform } from '../../../node/platform.ts';
import { sequentialIds } from '../../platform.ts';
import { TEST_EPOCH } from '../../testing.ts';

let h: SimulatedHost;
async function sh(cmd: string): Promise<{ out: string; status: number }> {
  let out = '';
  const w = { write: (s: string) => (out += s) };
  const status = await h.run(cmd, { stdout: w, stderr: w });
  return { out, status };
}
const inspect = async (ref: string, field: string) => (await sh(`docker image inspect --format '{{json ${field}}}' ${ref}`)).out.trim();
const historyRows = async (ref: string) => (await sh(`docker history -q ${ref}`)).out.trim().split('\n').length;
const size = async (ref: string) => (await sh(`docker images --format '{{.Size}}' ${ref}`)).out.trim();

beforeAll(async () => {
  h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
});

const SLOW = 120_000;

describe('seed images', () => {
  it('nginx:latest: config, layers, entrypoint scripts and the welcome page', async () => {
    expect((await sh('docker pull -q nginx')).status).toBe(0);
    expect(await size('nginx')).toBe('192MB');
    expect(await inspect('nginx', '.Config.Entrypoint')).toBe('["/docker-entrypoint.sh"]');
    expect(await inspect('nginx', '.Config.Cmd')).toBe('["nginx","-g","daemon off;"]');
    expect(await inspect('nginx', '.Config.ExposedPorts')).toBe('{"80/tcp":{}}');
    expect(await inspect('nginx', '.Config.StopSignal')).toBe('"SIGQUIT"');
    expect(await inspect('nginx', '.RootFS.Layers')).toMatch(/^\["sha256:[0-9a-f]{64}"(,"sha256:[0-9a-f]{64}"){6}\]$/);
    expect(await historyRows('nginx')).toBe(18);
    // a command other than nginx runs without the configuration step
    expect(await sh(`docker run --rm --entrypoint sh nginx /docker-entrypoint.sh echo ready`)).toEqual({ out: 'ready\n', status: 0 });
    const lines = await sh(`docker run --rm --entrypoint /bin/sh nginx /docker-entrypoint.sh nginx -v`);
    expect(lines.out.split('\n').slice(0, 9)).toEqual([
      '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
      '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
      '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
      '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
      '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
      '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
      '/docker-entrypoint.sh: Configuration complete; ready for start up',
    ]);
    expect((await sh('docker run --rm --entrypoint grep nginx:latest -c "Welcome to nginx!" /usr/share/nginx/html/index.html')).out).toBe('2\n');
    expect((await sh('docker run --rm --entrypoint grep nginx ^nginx: /etc/passwd')).out).toBe('nginx:x:101:101:nginx user:/nonexistent:/bin/false\n');
    expect((await sh('docker run --rm --entrypoint ls nginx -l /usr/sbin/nginx')).out).toMatch(/^-rwxr-xr-x .* \/usr\/sbin\/nginx\n$/);
  }, SLOW);

  it('redis:latest: entrypoint on PATH, /data volume and workdir, server binaries', async () => {
    expect((await sh('docker pull -q redis:latest')).status).toBe(0);
    expect(await size('redis')).toBe('193MB');
    expect(await inspect('redis', '.Config.Entrypoint')).toBe('["docker-entrypoint.sh"]');
    expect(await inspect('redis', '.Config.Cmd')).toBe('["redis-server"]');
    expect(await inspect('redis', '.Config.ExposedPorts')).toBe('{"6379/tcp":{}}');
    expect(await inspect('redis', '.Config.Volumes')).toBe('{"/data":{}}');
    expect(await inspect('redis', '.Config.WorkingDir')).toBe('"/data"');
    expect(await historyRows('redis')).toBe(17);
    expect((await sh('docker run --rm --entrypoint pwd redis')).out).toBe('/data\n');
    expect((await sh('docker run --rm --entrypoint ls redis /usr/local/bin')).out).toBe(
      'docker-entrypoint.sh\ngosu\nredis-benchmark\nredis-check-aof\nredis-check-rdb\nredis-cli\nredis-sentinel\nredis-server\n',
    );
    expect((await sh('docker run --rm --entrypoint tail redis -n 1 /usr/local/bin/docker-entrypoint.sh')).out).toBe('exec "$@"\n');
    // the script passes a command that is not redis-server straight through
    expect((await sh('docker run --rm --entrypoint sh redis /usr/local/bin/docker-entrypoint.sh echo hi')).out).toBe('hi\n');
    expect((await sh('docker run --rm --entrypoint grep redis ^redis: /etc/passwd')).out).toBe('redis:x:999:999::/home/redis:/bin/sh\n');
  }, SLOW);

  it('node:22 and node:22-slim: entrypoint, env, node/npm/npx links, the node user', async () => {
    expect((await sh('docker pull -q node:22')).status).toBe(0);
    expect((await sh('docker pull -q node:lts-slim')).status).toBe(0);
    expect(await size('node:22')).toBe('1.12GB');
    expect(await size('node:lts-slim')).toBe('226MB');
    expect(await inspect('node:22', '.Config.Entrypoint')).toBe('["docker-entrypoint.sh"]');
    expect(await inspect('node:22', '.Config.Cmd')).toBe('["node"]');
    expect(await inspect('node:22', '.Config.Env')).toBe('["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","NODE_VERSION=22.18.0","YARN_VERSION=1.22.22"]');
    expect(await historyRows('node:22')).toBe(13);
    expect((await sh('docker run --rm --entrypoint ls node:lts-slim -l /usr/local/bin/npm')).out).toMatch(/ \/usr\/local\/bin\/npm -> \.\.\/lib\/node_modules\/npm\/bin\/npm-cli\.js\n$/);
    expect((await sh('docker run --rm --entrypoint grep node:22 ^node: /etc/passwd')).out).toBe('node:x:1000:1000::/home/node:/bin/bash\n');
    expect((await sh('docker run --rm --entrypoint tail node:22 -n 1 /usr/local/bin/docker-entrypoint.sh')).out).toBe('exec "$@"\n');
    // an option goes to node; a command runs as it is
    expect((await sh('docker run --rm node:lts-slim -v')).out).toBe('v22.18.0\n');
    expect((await sh('docker run --rm node:lts-slim npx')).status).toBe(1);
  }, SLOW);

  it('python:2.7-slim: Debian buster, python -> python2 -> python2.7, pip, CMD python2', async () => {
    expect((await sh('docker pull -q python:2.7-slim')).status).toBe(0);
    expect(await size('python:2.7-slim')).toBe('148MB');
    expect(await inspect('python:2.7-slim', '.Config.Cmd')).toBe('["python2"]');
    expect(await inspect('python:2.7-slim', '.Config.Env')).toContain('"PYTHON_VERSION=2.7.18"');
    expect(await historyRows('python:2.7-slim')).toBe(14);
    expect((await sh('docker run --rm python:2.7-slim ls -l /usr/local/bin/python /usr/local/bin/python2')).out).toMatch(
      /^lrwxrwxrwx .* \/usr\/local\/bin\/python -> python2\nlrwxrwxrwx .* \/usr\/local\/bin\/python2 -> python2.7\n$/,
    );
    expect((await sh('docker run --rm python:2.7-slim ls /usr/local/bin/pip')).out).toBe('/usr/local/bin/pip\n');
    expect((await sh('docker run --rm python:2.7-slim grep PRETTY /etc/os-release')).out).toBe('PRETTY_NAME="Debian GNU/Linux 10 (buster)"\n');
  }, SLOW);

  it('centos:latest is CentOS Linux 8 with bash, yum, dnf and rpm; centos:7 too', async () => {
    expect((await sh('docker pull -q centos')).status).toBe(0);
    expect(await size('centos')).toBe('231MB');
    expect(await historyRows('centos')).toBe(3);
    expect(await inspect('centos', '.Config.Cmd')).toBe('["/bin/bash"]');
    expect(await inspect('centos', '.Config.Labels')).toBe(
      '{"org.label-schema.build-date":"20210915","org.label-schema.license":"GPLv2","org.label-schema.name":"CentOS Base Image","org.label-schema.schema-version":"1.0","org.label-schema.vendor":"CentOS"}',
    );
    expect((await sh('docker run --rm centos cat /etc/centos-release')).out).toBe('CentOS Linux release 8.4.2105\n');
    expect((await sh('docker run --rm centos grep ^PRETTY_NAME /etc/os-release')).out).toBe('PRETTY_NAME="CentOS Linux 8"\n');
    expect((await sh('docker run --rm centos ls /usr/bin/yum /usr/bin/dnf /usr/bin/rpm /usr/bin/bash')).status).toBe(0);
    // `ls` in `docker run -it centos /bin/bash`, as Docker notes of 2021 paste it
    expect((await sh('docker run --rm centos ls /')).out.split('\n').join(' ').trim()).toBe(
      'bin dev etc home lib lib64 lost+found media mnt opt proc root run sbin srv sys tmp usr var',
    );
    expect((await sh('docker run --rm centos ls /usr/bin/wget')).status).not.toBe(0);
    expect((await sh('docker pull -q centos:7')).status).toBe(0);
    expect(await size('centos:7')).toBe('204MB');
    expect((await sh('docker run --rm centos:7 cat /etc/redhat-release')).out).toBe('CentOS Linux release 7.9.2009 (Core)\n');
  }, SLOW);

  it('tomcat:7.0: catalina.sh on PATH, WorkingDir, port, webapps.dist', async () => {
    expect((await sh('docker pull -q tomcat:7.0')).status).toBe(0);
    expect(await inspect('tomcat:7.0', '.Config.Cmd')).toBe('["catalina.sh","run"]');
    expect(await inspect('tomcat:7.0', '.Config.Entrypoint')).toBe('null');
    expect(await inspect('tomcat:7.0', '.Config.WorkingDir')).toBe('"/usr/local/tomcat"');
    expect(await inspect('tomcat:7.0', '.Config.ExposedPorts')).toBe('{"8080/tcp":{}}');
    expect(await inspect('tomcat:7.0', '.Config.Env')).toContain('"CATALINA_HOME=/usr/local/tomcat"');
    expect(await historyRows('tomcat:7.0')).toBe(26);
    expect((await sh('docker run --rm tomcat:7.0 pwd')).out).toBe('/usr/local/tomcat\n');
    expect((await sh('docker run --rm tomcat:7.0 which catalina.sh')).out).toBe('/usr/local/tomcat/bin/catalina.sh\n');
    expect((await sh('docker run --rm tomcat:7.0 ls webapps.dist')).out).toBe('ROOT\ndocs\nexamples\nhost-manager\nmanager\n');
    expect((await sh('docker run --rm tomcat:7.0 grep -c "Connector port=\\"8080\\"" conf/server.xml')).out).toBe('1\n');
  }, SLOW);

  it('training/sinatra: Ubuntu 14.04 with ruby, gem and the sinatra gem', async () => {
    expect((await sh('docker pull -q training/sinatra')).status).toBe(0);
    expect(await size('training/sinatra')).toBe('447MB');
    expect(await inspect('training/sinatra', '.Config.Cmd')).toBe('["/bin/bash"]');
    expect((await sh('docker run --rm training/sinatra ls /usr/bin/ruby /usr/bin/gem')).out).toBe('/usr/bin/gem\n/usr/bin/ruby\n');
    expect((await sh('docker run --rm training/sinatra ls /var/lib/gems/1.9.1/specifications')).out).toContain('sinatra-1.4.5.gemspec');
    expect((await sh('docker run --rm training/sinatra grep VERSION_ID /etc/os-release')).out).toBe('VERSION_ID="14.04"\n');
  }, SLOW);

  it('nigelpoulton/tu-demo: latest and v1 are one image, v2 another that shares its base', async () => {
    expect((await sh('docker pull -q nigelpoulton/tu-demo:v1')).status).toBe(0);
    const v2 = await sh('docker pull nigelpoulton/tu-demo:v2');
    expect(v2.out.match(/Already exists/g)?.length).toBe(2);
    expect((await sh('docker pull -q nigelpoulton/tu-demo:latest')).status).toBe(0);
    const ids = async (tag: string) => (await sh(`docker images -q nigelpoulton/tu-demo:${tag}`)).out;
    expect(await ids('latest')).toBe(await ids('v1'));
    expect(await ids('v2')).not.toBe(await ids('v1'));
  }, SLOW);

  it('the listing-only images pull with their configuration', async () => {
    for (const ref of ['mongo:3.3.11', 'python:3.4-alpine', 'python:3.5-alpine', 'rabbitmq:3.7.7-management', 'registry:2']) {
      expect((await sh(`docker pull -q ${ref}`)).status).toBe(0);
    }
    expect(await size('python:3.4-alpine')).toBe('82.6MB');
    expect(await size('python:3.5-alpine')).toBe('88.8MB');
    expect(await inspect('rabbitmq:3.7.7-management', '.Config.ExposedPorts')).toBe(
      '{"15671/tcp":{},"15672/tcp":{},"25672/tcp":{},"4369/tcp":{},"5671/tcp":{},"5672/tcp":{}}',
    );
    expect(await inspect('registry:2', '.Config.Entrypoint')).toBe('["/entrypoint.sh"]');
    expect(await inspect('registry:2', '.Config.Cmd')).toBe('["/etc/docker/registry/config.yml"]');
    expect(await inspect('registry:2', '.Config.Volumes')).toBe('{"/var/lib/registry":{}}');
    expect((await sh('docker run --rm --entrypoint ls registry:2 -l /bin/registry')).out).toMatch(/^-rwxr-xr-x .* \/bin\/registry\n$/);
    expect((await sh('docker run --rm python:3.5-alpine ls /sbin/apk')).out).toBe('/sbin/apk\n');
    expect((await sh('docker run --rm --entrypoint sh registry:2 /entrypoint.sh echo passed')).out).toBe('passed\n');
  }, SLOW);

  it('legacy Ubuntu images: 14.04 has /etc/motd; 15.10 lists the root the seed shows', async () => {
    await sh('docker pull -q ubuntu:14.04');
    await sh('docker pull -q ubuntu:15.10');
    expect((await sh('docker run --rm ubuntu:14.04 ls /etc/motd')).out).toBe('/etc/motd\n');
    expect((await sh('docker run --rm ubuntu:15.10 ls /')).out.split('\n').join(' ').trim()).toBe(
      'bin boot dev etc home lib lib64 media mnt opt proc root run sbin srv sys tmp usr var',
    );
  }, SLOW);

  // os-release texts as `cat /etc/os-release` prints them in those images,
  // pasted in public write-ups (Ubuntu 14.04.6 in ctrsploit's environment
  // READMEs; ubuntu:latest, 24.04.3, in Docker tutorials of autumn 2025)
  it('Ubuntu os-release files read as each release wrote them', async () => {
    await sh('docker pull -q ubuntu:14.04');
    expect((await sh('docker run --rm ubuntu:14.04 cat /etc/os-release')).out).toBe(
      'NAME="Ubuntu"\nVERSION="14.04.6 LTS, Trusty Tahr"\nID=ubuntu\nID_LIKE=debian\nPRETTY_NAME="Ubuntu 14.04.6 LTS"\nVERSION_ID="14.04"\n' +
        'HOME_URL="http://www.ubuntu.com/"\nSUPPORT_URL="http://help.ubuntu.com/"\nBUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"\n',
    );
    await sh('docker pull -q ubuntu');
    expect((await sh('docker run --rm ubuntu cat /etc/os-release')).out).toBe(
      'PRETTY_NAME="Ubuntu 24.04.3 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.3 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\n' +
        'HOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\n' +
        'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n',
    );
    expect((await sh('docker run --rm ubuntu cat /etc/issue /etc/debian_version')).out).toBe('Ubuntu 24.04.3 LTS \\n \\l\n\ntrixie/sid\n');
  }, SLOW);

  it('Windows images still fail on the Linux engine', async () => {
    const r = await sh('docker pull microsoft/nanoserver');
    expect(r.out).toContain('no matching manifest for linux/amd64 in the manifest list entries');
  });
});
