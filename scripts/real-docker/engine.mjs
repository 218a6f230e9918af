// The real engine for the scripts that compare with it (interop.mjs,
// make-fixture.mjs): BERTH_INTEROP_DOCKER_HOST=unix://... names one already
// running (the recorder's: take /tmp/berth-record.lock); otherwise the light
// engine of `setup.sh engine` (unix:///tmp/berth-engine/docker.sock), started
// here (through `sudo -n` when not root) and stopped again at exit when this
// process started it (BERTH_INTEROP_KEEP_ENGINE=1 keeps it).
//
// Without dockerd: prints "<what>: skipped: no dockerd" and exits 0, or exits 1
// when BERTH_REQUIRE_DOCKER=1 (.ci/run sets it).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const ENGINE = '/tmp/berth-engine';

export function which(name) {
  const r = spawnSync('bash', ['-c', `PATH="$PATH:/usr/sbin:/sbin:/usr/local/sbin" command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : '';
}

function running() {
  try {
    process.kill(Number(readFileSync(join(ENGINE, 'pid'), 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

/** The docker client and environment for the engine; exits when there is none. */
export function useEngine(what) {
  let DOCKER_HOST = process.env.BERTH_INTEROP_DOCKER_HOST ?? '';
  if (!DOCKER_HOST) {
    if (!which('dockerd')) {
      if (process.env.BERTH_REQUIRE_DOCKER === '1') {
        console.error(`${what}: FAILED: no dockerd, and BERTH_REQUIRE_DOCKER=1 (install docker.io: bash scripts/real-docker/setup.sh engine)`);
        process.exit(1);
      }
      console.log(`${what}: skipped: no dockerd (install docker.io to run it; BERTH_REQUIRE_DOCKER=1 makes this a failure)`);
      process.exit(0);
    }
    const wasRunning = running();
    const asRoot = process.getuid?.() === 0 ? [] : ['sudo', '-n'];
    const setup = (cmd, stdio) => spawnSync(asRoot[0] ?? 'bash', [...asRoot.slice(1), ...(asRoot.length ? ['bash'] : []), join(here, 'setup.sh'), cmd], { stdio });
    if (setup('engine', ['ignore', 'inherit', 'inherit']).status !== 0) {
      console.error(`${what}: FAILED: could not start the engine (${asRoot.join(' ')} bash scripts/real-docker/setup.sh engine)`);
      process.exit(1);
    }
    if (!wasRunning && process.env.BERTH_INTEROP_KEEP_ENGINE !== '1') process.on('exit', () => setup('engine-stop', ['ignore', 'ignore', 'inherit']));
    DOCKER_HOST = `unix://${ENGINE}/docker.sock`;
  }
  const DOCKER = process.env.DOCKER ?? (existsSync('/usr/local/bin/docker') ? '/usr/local/bin/docker' : which('docker'));
  if (!DOCKER) {
    console.error(`${what}: FAILED: no docker client`);
    process.exit(1);
  }
  // the legacy builder: the daemon's BuildKit would need buildx with the 28 client
  const env = { ...process.env, DOCKER_HOST, DOCKER_BUILDKIT: '0' };
  return { DOCKER, DOCKER_HOST, env };
}
