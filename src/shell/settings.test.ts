// The sources switch: CentOS 8's mirrors are gone today; by default Berth
// installs as the tutorials show, and with sourcesAsToday it fails as a real
// machine does now.
import { describe, expect, it } from 'vitest';
import { testHost } from '../node/test-host.ts';

describe('host settings', () => {
  it('sourcesAsToday turns CentOS 8 installs into the failure seen today', async () => {
    const { h, sh } = await testHost();
    await sh('docker pull -q centos');
    expect(h.settings.sourcesAsToday).toBe(false);
    const kind = await sh('docker run --rm centos yum install -y wget');
    expect(kind.status).toBe(0);
    expect(kind.out).toContain('Complete!');
    h.settings.sourcesAsToday = true;
    const today = await sh('docker run --rm centos yum install -y wget');
    expect(today.status).toBe(1);
    expect(today.out).toContain("Error: Failed to download metadata for repo 'appstream'");
  }, 60_000);
});
