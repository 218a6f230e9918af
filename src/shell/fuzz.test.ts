// Property test: thousands of generated docker command lines against the
// host. Nothing may escape as an internal error, every failure reads as
// Docker's, and the engine's invariants hold after every command.
import { describe, expect, it, onTestFailed } from 'vitest';
import fc from 'fast-check';
import { createHost } from './host.ts';
import { createNodePlatform } from '../node/platform.ts';
import { sequentialIds } from '../engine/platform.ts';
import type { Daemon } from '../engine/daemon.ts';

const RUNS = Number(process.env.BERTH_FUZZ_RUNS ?? 10_000);
/** The run's seed: BERTH_FUZZ_SEED replays a failed run's lines. */
const SEED = process.env.BERTH_FUZZ_SEED ? Number(process.env.BERTH_FUZZ_SEED) : (Math.random() * 0x1_0000_0000) | 0;
/**
 * Real time one line may take: a line that hangs fails the test with its
 * seed, not the file's timeout. Lines take milliseconds; the first ones load
 * code, which on a loaded machine takes seconds.
 */
const LINE_TIMEOUT_MS = 60_000;
/**
 * Virtual time after which a line still running gets Ctrl-C, as from a user
 * at the terminal. Some lines wait for ever as they do in Docker: `docker
 * run -t busybox` (a shell at a prompt no keyboard reaches), `docker logs -f`
 * or `docker wait` on a container that runs on. Ctrl-C must end them all.
 */
const CTRL_C_AFTER_MS = 10 * 60_000;

const images = ['busybox', 'busybox:latest', 'alpine', 'hello-world', 'debian:bookworm-slim', 'ubuntu:22.04', 'nosuch', 'Busybox', 'busybox:nosuch', 'mybox:v1', 'sha256:', 'busybox@sha256:1234'];
const names = ['web', 'db', 'a', 'b', 'nosuch', '-x', '', 'my_web', 'x.y'];
const words = [...images, ...names, 'echo', 'hi', 'sh', '-c', 'exit 3', 'sleep', '1', '0', 'true', 'false', '--', '-a', '-q', '-f', '--all', '--no-trunc', '-s', '--format', '{{.ID}}', '{{json .}}', 'table {{.Names}}', '{{.Nope}}', '{{', '-t', '5', '--name', '-e', 'A=b', '-w', '/tmp', '--rm', '-d', '--restart', 'always', 'on-failure:2', 'bogus', '--filter', 'status=exited', 'dangling=true', 'name=w', '--tail', '2', '-n', 'x', '--nosuch', '-aq', '--time=3', '-m', 'msg', '-c', 'CMD ["sh"]', 'SIGTERM', 'KILL', '9', '-s', 'HUP'];
const commands = ['pull', 'images', 'image ls', 'tag', 'rmi', 'image rm', 'image prune', 'history', 'inspect', 'image inspect', 'container inspect', 'run', 'create', 'start', 'stop', 'restart', 'kill', 'pause', 'unpause', 'rm', 'ps', 'container ls', 'logs', 'rename', 'wait', 'diff', 'commit', 'container prune', 'version', 'info', 'nosuch', ''];

const commandLine = fc
  .tuple(fc.constantFrom(...commands), fc.array(fc.constantFrom(...words), { maxLength: 5 }))
  .map(([cmd, args]) => ['docker', ...cmd.split(' '), ...args].filter((w) => w !== '').map(quote).join(' '));

function quote(w: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
}

/** The first line of a failure must be one of the ways Docker words failures. */
const DOCKER_SHAPED = [
  /^Error response from daemon: /,
  /^docker: /,
  /^Error: /,
  /^unknown (shorthand )?flag: /,
  /^flag needs an argument: /,
  /^invalid argument /,
  /^bad flag syntax: /,
  /^"docker [a-z ]+" requires /,
  /^template parsing error: /,
  /^template: /,
  /^failed to (parse|execute) template: /,
  /^invalid reference format/,
  /^Unable to find image /,
  /^WARNING!/,
  /^WARNING: /,
  /^Flag shorthand -h has been deprecated/,
  /^Usage: /,
  /^Command "[a-z-]+" is deprecated/,
  /^You cannot /,
  /^tag can't be used with --all-tags\/-a$/,
  /^Error parsing reference: /,
  /^you cannot start and attach multiple containers at once$/,
  /^[a-z0-9]{12}: /,
  /^(latest|[\w.-]+): Pulling from /,
  /^Using default tag: /,
  /^Digest: |^Status: /,
  /^[A-Za-z0-9_./:=@-]+$/,
  /^\s*$/,
];

function checkInvariants(d: Daemon): void {
  const snap = d.snapshot();
  const layers = new Map(snap.layers.map((l) => [l.chainId, l]));
  // no layer freed while referenced: every image's and container's chain exists
  for (const img of snap.images) for (const c of img.chainIds) expect(layers.has(c), `layer ${c} of ${img.id}`).toBe(true);
  for (const c of snap.containers) for (const ch of d.layers.rwParents(c.rwLayer)) expect(layers.has(ch), `layer of ${c.name}`).toBe(true);
  // no container without its image's layers; no dangling reference
  for (const r of snap.refs) expect(snap.images.some((i) => i.id === r.imageId), `ref ${r.ref}`).toBe(true);
  // the dangling set is exactly the untagged images without children
  const tagged = new Set(snap.refs.map((r) => r.imageId));
  const parents = new Set(snap.images.map((i) => i.parent));
  const dangling = snap.images.filter((i) => !tagged.has(i.id) && !parents.has(i.id)).map((i) => i.id).sort();
  expect(d.imageService.dangling().map((i) => i.id).sort()).toEqual(dangling);
  // reference counts match the users
  const uses = new Map<string, number>();
  for (const img of snap.images) for (const c of img.chainIds) uses.set(c, (uses.get(c) ?? 0) + 1);
  for (const c of snap.containers) for (const ch of d.layers.rwParents(c.rwLayer)) uses.set(ch, (uses.get(ch) ?? 0) + 1);
  for (const l of snap.layers) expect(l.refs, `refs of ${l.chainId}`).toBe(uses.get(l.chainId) ?? 0);
}

describe('generated command lines', () => {
  it(`${RUNS} lines: Docker-shaped answers, invariants kept`, async () => {
    let count = 0;
    // the seed is printed whenever the test fails, the file's timeout included
    onTestFailed(() => console.error(`fuzz: replay with BERTH_FUZZ_SEED=${SEED}`));
    await fc.assert(
      fc.asyncProperty(fc.array(commandLine, { minLength: 10, maxLength: 14 }), async (lines) => {
        const done: string[] = [];
        const inTime = <T>(what: string, work: Promise<T>) => withinTime(work, () => `seed ${SEED}: ${what} did not finish in ${LINE_TIMEOUT_MS / 1000} s; before it:\n${done.join('\n')}`);
        const host = await inTime('createHost', createHost({ platform: { ...createNodePlatform(), ids: sequentialIds() } }));
        await inTime('docker pull -q busybox', host.run('docker pull -q busybox', { stdout: { write() {} }, stderr: { write() {} } }));
        for (const line of lines) {
          let out = '';
          let err = '';
          let interrupted = false;
          const ctrlC = host.daemon.clock.setTimer(CTRL_C_AFTER_MS, () => {
            interrupted = true;
            host.interrupt();
          });
          const status = await inTime(line, host.run(line, { stdout: { write: (s) => (out += s) }, stderr: { write: (s) => (err += s) } })).finally(ctrlC);
          done.push(line);
          count++;
          // only a command that waits on a container may wait for ever
          if (interrupted) expect(line, 'needed Ctrl-C').toMatch(/^docker (run|start|logs|wait)\b/);
          expect(out + err, line).not.toMatch(/internal error|TypeError|ReferenceError|undefined is not|at Object\.|\[object Object\]/);
          // a container's own program (run, start -a) may fail in its own words
          const containerOutput = /^docker (run|start|container run|container start)\b/.test(line) && status !== 125;
          if (status !== 0 && err !== '' && !containerOutput) {
            const first = err.split('\n')[0]!;
            expect(DOCKER_SHAPED.some((re) => re.test(first)), `${line}\n${err}`).toBe(true);
          }
          checkInvariants(host.daemon);
        }
      }),
      { numRuns: Math.ceil(RUNS / 10), endOnFailure: true, seed: SEED },
    );
    expect(count).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});

/** `work`, or a failure worded by `message` if it takes longer than LINE_TIMEOUT_MS of real time. */
async function withinTime<T>(work: Promise<T>, message: () => string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), LINE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
