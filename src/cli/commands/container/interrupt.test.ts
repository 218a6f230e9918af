// Ctrl-C (host.interrupt) ends the docker commands that wait on a container,
// and nothing they held on to writes into the commands that follow.
import { describe, expect, it } from 'vitest';
import { createHost, type SimulatedHost } from '../../../shell/host.ts';
import { createNodePlatform } from '../../../node/platform.ts';
import { sequentialIds } from '../../../engine/platform.ts';
import { TEST_EPOCH } from '../../../engine/testing.ts';

interface Result {
  out: string;
  status: number;
}

async function host(): Promise<{ h: SimulatedHost; sh: (cmd: string) => Promise<Result>; start: (cmd: string) => { done: Promise<Result> } }> {
  const h = await createHost({ platform: { ...createNodePlatform({ startMs: TEST_EPOCH }), ids: sequentialIds() } });
  const start = (cmd: string) => {
    let out = '';
    const w = { write: (s: string) => (out += s) };
    return { done: h.run(cmd, { stdout: w, stderr: w }).then((status) => ({ out, status })) };
  };
  const sh = (cmd: string) => start(cmd).done;
  await sh('docker pull -q busybox');
  return { h, sh, start };
}

/** Lets the command run a while (virtual time races ahead in jump mode). */
const meanwhile = () => new Promise((resolve) => setTimeout(resolve, 30));

const LOOP = `sh -c 'while true; do echo hi; sleep 1; done'`;

describe('Ctrl-C', () => {
  it('ends an attached docker run; the container keeps running and its output no longer reaches the prompt', async () => {
    const { h, sh, start } = await host();
    const run = start(`docker run --name loop busybox ${LOOP}`);
    await meanwhile();
    h.interrupt();
    const r = await run.done;
    expect(r.status).toBe(130);
    expect(r.out).toMatch(/^(hi\n)+$/);
    const after = await sh('sleep 3; echo done');
    expect(after).toEqual({ out: 'done\n', status: 0 });
    // sig-proxy sent SIGINT, which the shell as PID 1 ignores
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}'`)).out).toBe('loop running\n');
    expect((await sh('docker rm -f loop')).out).toBe('loop\n');
  });

  it('reports the status of a container the forwarded SIGINT ends within a second', async () => {
    const { h, start } = await host();
    const run = start(`docker run busybox sh -c 'trap "exit 7" INT; while true; do sleep 1; done'`);
    await meanwhile();
    h.interrupt();
    expect((await run.done).status).toBe(7);
  });

  it('ends docker start -a', async () => {
    const { h, sh, start } = await host();
    await sh(`docker create --name loop busybox ${LOOP}`);
    const run = start('docker start -a loop');
    await meanwhile();
    h.interrupt();
    expect((await run.done).status).toBe(130);
    expect(await sh('sleep 3; echo done')).toEqual({ out: 'done\n', status: 0 });
  });

  it('ends docker logs -f', async () => {
    const { h, sh, start } = await host();
    await sh(`docker run -d --name loop busybox ${LOOP}`);
    const logs = start('docker logs -f loop');
    await meanwhile();
    h.interrupt();
    const r = await logs.done;
    expect(r.status).toBe(130);
    expect(r.out).toMatch(/^(hi\n)+$/);
    expect(await sh('sleep 3; echo done')).toEqual({ out: 'done\n', status: 0 });
  });

  it('ends docker wait without printing anything', async () => {
    const { h, sh, start } = await host();
    await sh(`docker run -d --name loop busybox ${LOOP}`);
    const wait = start('docker wait loop');
    await meanwhile();
    h.interrupt();
    expect(await wait.done).toEqual({ out: '', status: 130 });
    expect(await sh('docker stop -t 0 loop; echo done')).toEqual({ out: 'loop\ndone\n', status: 0 });
  });

  it('does not forward Ctrl-C to a container with a TTY (docker/cli turns sig-proxy off with -t)', async () => {
    const { h, sh, start } = await host();
    const run = start(`docker run -t --name tty busybox sh -c 'trap "exit 7" INT; while true; do sleep 1; done'`);
    await meanwhile();
    h.interrupt();
    expect((await run.done).status).toBe(130);
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}'`)).out).toBe('tty running\n');
  });

  it('ends docker run -t without -i, whose shell waits at a prompt no keyboard reaches, as in Docker', async () => {
    const { h, sh, start } = await host();
    const run = start('docker run -t --name tty busybox');
    await meanwhile();
    h.interrupt();
    expect(await run.done).toEqual({ out: '/ # ', status: 130 });
    expect((await sh(`docker ps --format '{{.Names}} {{.State}}'`)).out).toBe('tty running\n');
  });

  it('still ends a docker command that does not listen for it (SIGINT default action)', async () => {
    const { h, sh, start } = await host();
    await sh('docker run -d --name idle busybox sleep 1000000');
    const run = start(`docker exec idle ${LOOP}`);
    await meanwhile();
    h.interrupt();
    expect((await run.done).status).toBe(130);
  });
});
