// Installing through the whole stack: docker run, the container's union file
// system, then docker diff / commit / images see what apt-get wrote.
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../../shell/host.ts';
import { createNodePlatform } from '../../../../node/platform.ts';
import { sequentialIds } from '../../../platform.ts';
import { TEST_EPOCH } from '../../../testing.ts';

async function host() {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  const sh = async (cmd: string) => {
    let out = '';
    const w = { write: (s: string) => (out += s) };
    const status = await h.run(cmd, { stdout: w, stderr: w });
    return { out, status };
  };
  return { h, sh };
}

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
});
