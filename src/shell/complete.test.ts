import { describe, expect, it } from 'vitest';
import { complete, commonPrefix, hostSource, scanWords, type CompletionSource } from './complete.ts';
import { testHost } from '../node/test-host.ts';

async function setup() {
  const t = await testHost('busybox', 'nginx');
  await t.sh('docker run -d --name web nginx:latest');
  await t.sh('docker create --name made busybox');
  await t.sh('docker run --name done busybox true');
  await t.sh('docker run -d --name worker busybox sleep 1000');
  await t.sh('mkdir -p /root/app/src "/root/my dir" && touch /root/app/Dockerfile /root/app/.env /root/notes.txt /root/.hidden');
  const src = hostSource(t.h, () => t.h.cwd());
  return { ...t, src };
}

/** The values offered for the word at the end of `line`. */
function values(line: string, src: CompletionSource): string[] {
  return complete(line, line.length, src).candidates.map((c) => c.value);
}

describe('scanning the words before the cursor', () => {
  it('splits on blanks, removes quotes and backslashes, restarts after ; | &&', () => {
    const s = scanWords('ls | docker run "a b" c\\ d --na');
    expect(s.words.map((w) => w.text)).toEqual(['docker', 'run', 'a b', 'c d']);
    expect(s.current).toEqual({ text: '--na', start: 27 });
    expect(scanWords('echo hi; ').words).toEqual([]);
    expect(scanWords("cat 'my f").quoted).toBe(true);
  });
  it('finds the common prefix', () => {
    expect(commonPrefix(['--name', '--network', '--net'])).toBe('--n');
    expect(commonPrefix([])).toBe('');
  });
});

describe('completion at the host prompt', { timeout: 30_000 }, () => {
  it('completes the first word from PATH and the builtins', async () => {
    const { src } = await setup();
    expect(values('dock', src)).toEqual(['docker', 'dockerd']);
    expect(values('ec', src)).toContain('echo');
    expect(values('cd', src)).toContain('cd');
  });

  it('offers docker commands as docker --help lists them, hidden ones left out', async () => {
    const { src } = await setup();
    const all = values('docker ', src);
    expect(all).toContain('run');
    expect(all).toContain('container');
    expect(all).toContain('image');
    expect(all).toContain('help');
    expect(all).not.toContain('dial-stdio');
    expect(values('docker ima', src)).toEqual(['image', 'images']);
    expect(values('docker container ', src)).toEqual(expect.arrayContaining(['ls', 'run', 'prune', 'attach']));
    expect(values('docker image l', src)).toEqual(['load', 'ls']);
    expect(values('docker --debug ve', src)).toEqual(['version']);
    // as docker's __complete: every command that is not hidden, the swarm ones included
    expect(values('docker help con', src)).toEqual(['config', 'container', 'context']);
  });

  it('completes flags from the command definitions, not repeating the ones given', async () => {
    const { src } = await setup();
    expect(values('docker run --rm --na', src)).toEqual(['--name']);
    expect(values('docker run --rm --n', src)).toEqual(expect.arrayContaining(['--name', '--network', '--no-healthcheck']));
    expect(values('docker run --rm --n', src)).not.toContain('--net');
    expect(values('docker run --rm --r', src)).toEqual(['--read-only', '--restart', '--runtime']);
    expect(values('docker ps --a', src)).toEqual(['--all']);
    expect(values('docker ps -', src)).toEqual(expect.arrayContaining(['--all', '-a', '--quiet', '-q']));
    // -e takes a list: it may come again
    expect(values('docker run -e A=1 --en', src)).toEqual(['--entrypoint', '--env', '--env-file']);
    expect(values('docker run --restart ', src)).toEqual(['always', 'no', 'on-failure', 'unless-stopped']);
    expect(values('docker run --restart=un', src)).toEqual(['--restart=unless-stopped']);
  });

  it('completes images where an image is expected', async () => {
    const { src } = await setup();
    expect(values('docker run -it ', src)).toEqual(['busybox:latest', 'nginx:latest']);
    expect(values('docker run --rm -e A=1 --name x ng', src)).toEqual(['nginx:latest']);
    expect(values('docker rmi busybox:latest ', src)).toEqual(['busybox:latest', 'nginx:latest']);
    expect(values('docker image inspect b', src)).toEqual(['busybox:latest']);
    expect(values('docker tag busybox:latest ', src)).toEqual(['busybox:latest', 'nginx:latest']);
    expect(values('docker push busybox:latest ', src)).toEqual([]);
    // after the image come the container's own arguments: no completion of images or flags
    expect(values('docker run busybox ', src)).toEqual([]);
    expect(values('docker run busybox --na', src)).toEqual([]);
  });

  it('offers an image ID when what is typed matches no reference but an ID', async () => {
    const { src, h } = await setup();
    const id = h.daemon.listImages().find((i) => i.repoTags.includes('busybox:latest'))!.id.slice(7, 19);
    expect(values(`docker history ${id.slice(0, 3)}`, src)).toContain(id);
  });

  it('completes containers in the states each command accepts', async () => {
    const { src } = await setup();
    expect(values('docker stop ', src)).toEqual(['web', 'worker']);
    expect(values('docker exec -it ', src)).toEqual(['web', 'worker']);
    expect(values('docker exec -it web ', src)).toEqual([]);
    expect(values('docker start ', src)).toEqual(['done', 'made']);
    expect(values('docker rm ', src)).toEqual(['done', 'made', 'web', 'worker']);
    expect(values('docker container logs w', src)).toEqual(['web', 'worker']);
    expect(values('docker attach wo', src)).toEqual(['worker']);
  });

  it('offers container IDs only when asked for or when no name matches', async () => {
    const { src, h, sh } = await setup();
    const id = h.daemon.container('web').id.slice(0, 12);
    expect(values('docker stop ', src)).not.toContain(id);
    expect(values(`docker stop ${id.slice(0, 4)}`, src)).toEqual([id]);
    await sh('true');
    const withIds = { ...src, env: new Map([['DOCKER_COMPLETION_SHOW_CONTAINER_IDS', 'yes']]) };
    expect(values('docker stop ', withIds)).toContain(id);
  });

  it('completes paths: directories end with a slash, files take a space; ~ and escapes', async () => {
    const { src } = await setup();
    const r = complete('cat ap', 6, src);
    expect(r.start).toBe(4);
    expect(r.candidates).toEqual([{ value: 'app/', display: 'app/', noSpace: true }]);
    expect(values('cat app/', src)).toEqual(['app/Dockerfile', 'app/src/']);
    expect(values('cat app/.', src)).toEqual(['app/.env']);
    expect(values('ls ~/no', src)).toEqual(['~/notes.txt']);
    expect(values('ls /usr/b', src)).toEqual(['/usr/bin/']);
    expect(values('cd my', src)).toEqual(['my\\ dir/']);
    expect(values('cd "my', src)).toEqual(['my dir/']);
    expect(values('cd ', src)).toEqual(['app/', 'my\\ dir/']);
    expect(values('cat /nowhere/x', src)).toEqual([]);
  });

  it('completes files for -f, --env-file, cp and build', async () => {
    const { src } = await setup();
    expect(values('docker build -f app/D', src)).toEqual(['app/Dockerfile']);
    expect(values('docker run --env-file app/.e', src)).toEqual(['app/.env']);
    expect(values('docker build a', src)).toEqual(['app/']);
    expect(values('docker cp no', src)).toEqual(['notes.txt']);
    expect(values('docker cp w', src)).toEqual(['web:', 'worker:']);
    expect(complete('docker cp w', 11, src).candidates[0]!.noSpace).toBe(true);
  });

  it('follows the working directory of the terminal', async () => {
    const { src, sh } = await setup();
    await sh('cd /root/app');
    expect(values('cat D', src)).toEqual(['Dockerfile']);
  });
});
