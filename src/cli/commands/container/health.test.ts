// Health checks seen through the CLI, on the simulated host: the STATUS
// column, --filter health=, and inspect's time.Time fields in templates.
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../shell/host.ts';
import { createNodePlatform } from '../../../node/platform.ts';
import { sequentialIds } from '../../../engine/platform.ts';
import { TEST_EPOCH } from '../../../engine/testing.ts';

async function host() {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  const sh = async (cmd: string) => {
    let out = '';
    const w = { write: (s: string) => (out += s) };
    const status = await h.run(cmd, { stdout: w, stderr: w });
    return `${out}[${status}]`;
  };
  await sh('docker pull -q busybox');
  return sh;
}

describe('health checks in the CLI', () => {
  it('show in docker ps, filter by health, and print the log times as Go does', async () => {
    const sh = await host();
    await sh("docker run -d --name ok --health-cmd 'echo fine' --health-interval 1s busybox sleep 1000");
    await sh("docker run -d --name bad --health-cmd 'exit 1' --health-interval 1s --health-retries 1 busybox sleep 1000");
    await sh('docker run -d --name plain busybox sleep 1000');
    expect(await sh("docker ps --format '{{.Names}}\\t{{.Status}}'")).toBe(
      'plain\tUp Less than a second\nbad\tUp Less than a second (health: starting)\nok\tUp Less than a second (health: starting)\n[0]',
    );
    await sh('sleep 1.5');
    expect(await sh("docker ps --format '{{.Names}}\\t{{.Status}}'")).toBe('plain\tUp 1 second\nbad\tUp 1 second (unhealthy)\nok\tUp 1 second (healthy)\n[0]');
    expect(await sh("docker ps --filter health=healthy --filter health=none --format '{{.Names}}'")).toBe('plain\nok\n[0]');
    expect(await sh('docker ps --filter health=sick')).toBe(
      'Error response from daemon: invalid filter \'health=sick\': invalid value for health (sick): must be one of none, starting, healthy, unhealthy\n[1]',
    );
    expect(await sh("docker inspect --format '{{range .State.Health.Log}}{{.Start}} / {{.End}} {{.ExitCode}} {{printf \"%q\" .Output}}{{end}}' ok")).toMatch(
      /^2026-11-23 12:00:01(\.\d+)? \+0000 UTC \/ 2026-11-23 12:00:01(\.\d+)? \+0000 UTC 0 "fine\\n"\n\[0\]$/,
    );
    expect(await sh("docker inspect --format '{{json .State.Health}}' ok")).toMatch(
      /^\{"Status":"healthy","FailingStreak":0,"Log":\[\{"Start":"2026-11-23T12:00:01(\.\d+)?Z","End":"2026-11-23T12:00:01(\.\d+)?Z","ExitCode":0,"Output":"fine\\n"\}\]\}\n\[0\]$/,
    );
    expect(await sh("docker inspect --format '{{json .State.Health}}' plain")).toBe('null\n[0]');
  }, 30_000);
});
