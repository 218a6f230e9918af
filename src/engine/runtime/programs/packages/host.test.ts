// Installing through the whole stack: docker run, the container's union file
// system, then docker diff / commit / images see what apt-get wrote.
import { describe, expect, it } from 'vitest';
import { testHost } from '../../../../node/test-host.ts';

const host = () => testHost();

describe('package managers in containers', () => {
  // pulling and committing hash a few hundred MB of generated content: seconds, not milliseconds
  it('docker diff lists what apt-get installed; commit carries it into an image of the added size', { timeout: 120_000 }, async () => {
    const { sh } = await host();
    await sh('docker pull -q debian:bookworm-slim');
    const r = await sh(`docker run --name ed debian:bookworm-slim sh -c 'apt-get update && apt-get install -y nano'`);
    expect(r.status).toBe(0);
    expect(r.out).toContain('Setting up nano (7.2-1+deb12u1) ...\n');
    const diff = (await sh('docker diff ed')).out.split('\n');
    for (const line of ['C /usr', 'C /usr/bin', 'A /usr/bin/nano', 'A /usr/share/doc/nano/copyright', 'A /etc/alternatives/editor', 'A /var/lib/dpkg/status', 'A /var/lib/dpkg/info/nano.list', 'A /var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_InRelease']) {
      expect(diff).toContain(line);
    }
    expect((await sh('docker run --rm debian:bookworm-slim ls /usr/bin/nano')).status).not.toBe(0);
    await sh('docker commit ed withnano');
    expect((await sh('docker run --rm withnano dpkg -L nano')).out).toContain('/bin/nano\n');
    const size = (await sh("docker image inspect -f '{{.Size}}' withnano")).out.trim();
    const base = (await sh("docker image inspect -f '{{.Size}}' debian:bookworm-slim")).out.trim();
    // nano (2804 KiB) and libncursesw6 and libgpm2, the lists (53 MB), the caches (74 MB) and the .debs
    expect(Number(size) - Number(base)).toBeGreaterThan(100_000_000);
  });

  it('an installed binary is found on PATH afterwards', { timeout: 60_000 }, async () => {
    const { sh } = await host();
    await sh('docker pull -q ubuntu:14.04');
    const r = await sh(`docker run --name web ubuntu:14.04 bash -c 'apt-get -yqq update && apt-get install -yqq apache2 && ls -l /usr/sbin/apache2ctl && grep -c "Apache2 Ubuntu Default Page" /var/www/html/index.html'`);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/-rwxr-xr-x 1 root root \d+ \w+ +\d+ \d\d:\d\d \/usr\/sbin\/apache2ctl\n2\n$/);
  });

  it('the seeds on their images: centos:7 with EPEL 6, python:2.7-slim with pip, training/sinatra with gem', { timeout: 60_000 }, async () => {
    const { sh } = await host();
    await sh('docker pull -q centos:7');
    const c = await sh(
      `docker run --name c7 -w /root centos:7 sh -c 'yum install -y wget >/dev/null 2>&1 && wget -q http://dl.fedoraproject.org/pub/epel/6/x86_64/epel-release-6-8.noarch.rpm && rpm -ivh epel-release-6-8.noarch.rpm && yum install -y nginx --skip-broken | tail -1 && rpm -q nginx'`,
    );
    expect(c.out).toContain('   1:epel-release-6-8                 ################################# [100%]\n');
    expect(c.out).toMatch(/Complete!\nnginx-1\.10\.3-1\.el6\.x86_64\n$/);
    expect((await sh('docker diff c7')).out).toContain('A /usr/sbin/nginx\n');
    await sh('docker pull -q python:2.7-slim');
    const p = await sh(`docker run --rm python:2.7-slim sh -c 'printf "Flask\\nRedis\\n" > requirements.txt && pip install --trusted-host pypi.python.org -r requirements.txt && pip freeze'`);
    expect(p.out).toContain('DEPRECATION: Python 2.7 reached the end of its life on January 1st, 2020.');
    expect(p.out).toContain('Successfully installed Flask-1.1.4 Jinja2-2.11.3 MarkupSafe-1.1.1 Werkzeug-1.0.1 click-7.1.2 itsdangerous-1.1.0 redis-3.5.3\n');
    expect(p.out).toContain('Flask==1.1.4\n');
    await sh('docker pull -q training/sinatra');
    const g = await sh(`docker run --rm training/sinatra sh -c 'gem install json && gem list'`);
    expect(g.out).toContain('Successfully installed json-1.8.1\n1 gem installed\n');
    expect(g.out).toContain('\n*** LOCAL GEMS ***\n\njson (1.8.1)\nrack (1.5.2)\nrack-protection (1.5.3)\nsinatra (1.4.5)\ntilt (1.4.1)\n');
  });
});
